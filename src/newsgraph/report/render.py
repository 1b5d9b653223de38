"""The self-contained HTML dossier: every story of a store on one page that opens offline, with its actors' pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path

from jinja2 import BaseLoader, ChoiceLoader, Environment, PackageLoader
from markupsafe import Markup
from sqlalchemy import Connection

from newsgraph.report.actors import ActorView, actor_view, variants
from newsgraph.report.charts import network_figure, plotly_js, timeline_figure
from newsgraph.report.dossier import StoryView
from newsgraph.report.load import story_view, unlinked_view
from newsgraph.report.titles import headline
from newsgraph.store import Store, queries


@dataclass(frozen=True)
class Links:
    """Where a page's links lead: inside the one report file, or to the web app's pages.

    `item(document id, mark, position)` gives an extracted item's (href, key to highlight on this page or None).
    """

    actor: Callable[[str], str]
    story: Callable[[str], str]
    item: Callable[[str, str, int], tuple[str, str | None]]
    article: Callable[[str], str] | None = None


def environment(*loaders: BaseLoader) -> Environment:
    """Jinja2 with every value escaped, finding `loaders`' templates first, then the report's own."""
    env = Environment(loader=ChoiceLoader([*loaders, PackageLoader("newsgraph.report")]), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(headline=headline, variants=variants)
    return env


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """A file of the report's static folder (the stylesheet and the script)."""
    return resources.files("newsgraph.report").joinpath("static", name).read_text(encoding="utf-8")


def figures(view: StoryView) -> dict[str, dict | None]:
    """The plotly figures of a story page, None where there is nothing to draw."""
    return {"timeline": timeline_figure(view), "network": network_figure(view)}


def render_report(store: Store) -> str:
    """The dossier of every story in `store` (and the articles in none), and a page per actor, as one HTML page."""
    with store.engine.connect() as conn:
        ids = [row["id"] for row in queries.stories(conn)]
        views = [story_view(conn, story_id, f"s{i}") for i, story_id in enumerate(ids)]
        views.append(unlinked_view(conn, f"s{len(ids)}"))
        found = [(view, figures(view), f"s{i}") for i, view in enumerate(views) if view is not None]
        actors = _actor_pages(conn, [view for view, _, _ in found])
    links = _report_links([view for view, _, _ in found], ids)
    template = environment().get_template("report.html.j2")
    return template.render(views=found, actors=actors, links=links, total=store.count(),
                           generated=datetime.now().strftime("%Y-%m-%d %H:%M"),
                           css=Markup(asset("style.css")), js=Markup(asset("dossier.js")), plotly=Markup(plotly_js()))


def _actor_pages(conn: Connection, views: list[StoryView]) -> list[ActorView]:
    """The page of every actor or place a story links to, by name."""
    ids = {entity_id for view in views for entity_id in view.entities}
    pages = [page for entity_id in ids if (page := actor_view(conn, entity_id)) is not None]
    return sorted(pages, key=lambda page: page.entity.name.lower())


def _report_links(views: list[StoryView], story_ids: list[str]) -> Links:
    """Links inside the report: actors and stories to their sections, items to their highlighted words."""
    keys = {article.document.id: article.key for view in views for article in view.articles}
    sections = {story_id: f"#s{i}story" for i, story_id in enumerate(story_ids)}

    def item(document_id: str, mark: str, position: int) -> tuple[str, str | None]:
        key = f"{keys[document_id]}-{mark}{position}" if document_id in keys else None
        return (f"#{key}", key) if key else ("#top", None)
    return Links(actor=lambda entity_id: f"#actor-{entity_id}", story=lambda story_id: sections.get(story_id, "#top"), item=item)


def write_report(store: Store, path: str | Path) -> Path:
    """Write the dossier to `path`; return the path written."""
    target = Path(path)
    target.write_text(render_report(store), encoding="utf-8")
    return target
