"""Plotly figures (as plain dicts, drawn by the embedded plotly.js) for a story's timeline and actor network."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import networkx as nx
from plotly.offline import get_plotlyjs

from newsgraph.report.dossier import StoryView

LAYOUT = {"margin": {"l": 110, "r": 20, "t": 10, "b": 40}, "height": 260, "showlegend": False,
          "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)", "font": {"size": 12}}

MAX_TICKS = 8
DAY_MS = 86_400_000  # plotly's date axis counts in milliseconds


@lru_cache(maxsize=1)
def plotly_js() -> str:
    """The plotly.js bundle shipped inside the plotly package (no network)."""
    return get_plotlyjs()


def timeline_figure(view: StoryView) -> dict[str, Any] | None:
    """Events as points on a time axis, one row per event type; a click shows the event's sentence."""
    rows = [r for r in view.timeline if r.detail["day"]]
    if not rows:
        return None
    hover = [f"{r.detail['actor']} — {r.text} — {r.detail['target']}<br>{r.outlet}" for r in rows]
    trace = {"type": "scatter", "mode": "markers", "x": [r.detail["day"].isoformat() for r in rows],
             "y": [r.detail["type"] for r in rows], "customdata": [r.key for r in rows], "text": hover,
             "hovertemplate": "%{text}<extra></extra>", "marker": {"size": 12, "color": "#b5472f"}}
    height = 110 + 36 * len({r.detail["type"] for r in rows})
    days = [r.detail["day"] for r in rows]
    tick_days = max(1, -(-(max(days) - min(days)).days // MAX_TICKS))  # whole days, so no label repeats
    axes = {"yaxis": {"type": "category"}, "xaxis": {"type": "date", "tickformat": "%d %b %Y", "dtick": tick_days * DAY_MS}}
    return {"data": [trace], "layout": LAYOUT | axes | {"height": height}}


def network_figure(view: StoryView) -> dict[str, Any] | None:
    """Actors as nodes and who-did-what-to-whom as lines, laid out by a seeded spring layout."""
    if not view.edges:
        return None
    graph = nx.DiGraph()
    graph.add_edges_from((a, t) for _, a, _, t, _, _ in view.edges)
    position = nx.spring_layout(graph, seed=7)
    lines: dict[str, list[float | None]] = {"x": [], "y": []}
    for _, a, _, t, _, _ in view.edges:
        for axis, index in (("x", 0), ("y", 1)):
            lines[axis] += [float(position[a][index]), float(position[t][index]), None]
    nodes = list(graph.nodes)
    edge_trace = {"type": "scatter", "mode": "lines", **lines, "hoverinfo": "skip", "line": {"color": "#999", "width": 1}}
    node_trace = {"type": "scatter", "mode": "markers+text", "text": nodes, "textposition": "top center",
                  "x": [float(position[n][0]) for n in nodes], "y": [float(position[n][1]) for n in nodes],
                  "marker": {"size": [10 + 4 * graph.degree(n) for n in nodes], "color": "#2f6fb5"}, "hoverinfo": "text"}
    axis = {"visible": False}
    return {"data": [edge_trace, node_trace], "layout": LAYOUT | {"height": 360, "xaxis": axis, "yaxis": axis}}
