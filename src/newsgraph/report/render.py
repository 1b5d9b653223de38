"""The self-contained HTML dossier: every story of a store on one page that opens offline."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path

from jinja2 import BaseLoader, ChoiceLoader, Environment, PackageLoader
from markupsafe import Markup

from newsgraph.report.charts import network_figure, plotly_js, timeline_figure
from newsgraph.report.dossier import StoryView
from newsgraph.report.load import story_view, unlinked_view
from newsgraph.store import Store, queries


def environment(*loaders: BaseLoader) -> Environment:
    """Jinja2 with every value escaped, finding `loaders`' templates first, then the report's own."""
    return Environment(loader=ChoiceLoader([*loaders, PackageLoader("newsgraph.report")]), autoescape=True,
                       trim_blocks=True, lstrip_blocks=True)


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """A file of the report's static folder (the stylesheet and the script)."""
    return resources.files("newsgraph.report").joinpath("static", name).read_text(encoding="utf-8")


def figures(view: StoryView) -> dict[str, dict | None]:
    """The plotly figures of a story page, None where there is nothing to draw."""
    return {"timeline": timeline_figure(view), "network": network_figure(view)}


def render_report(store: Store) -> str:
    """The dossier of every story in `store` (and the articles in none), as one HTML page."""
    with store.engine.connect() as conn:
        ids = [row["id"] for row in queries.stories(conn)]
        views = [story_view(conn, story_id, f"s{i}") for i, story_id in enumerate(ids)]
        views.append(unlinked_view(conn, f"s{len(ids)}"))
    found = [(view, figures(view), f"s{i}") for i, view in enumerate(views) if view is not None]
    template = environment().get_template("report.html.j2")
    return template.render(views=found, total=store.count(), generated=datetime.now().strftime("%Y-%m-%d %H:%M"),
                           css=Markup(asset("style.css")), js=Markup(asset("dossier.js")), plotly=Markup(plotly_js()))


def write_report(store: Store, path: str | Path) -> Path:
    """Write the dossier to `path`; return the path written."""
    target = Path(path)
    target.write_text(render_report(store), encoding="utf-8")
    return target
