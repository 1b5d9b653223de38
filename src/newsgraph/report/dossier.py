"""What a story's page shows, computed once for the HTML report and the web app alike."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsgraph.model import Claim, ClaimSide, Document, Story
from newsgraph.summary import voice
from newsgraph.report.highlight import Segment, segments


@dataclass(frozen=True)
class Article:
    """One article of the story, its text cut for highlighting; `key` prefixes its items' keys."""

    document: Document
    key: str
    segments: list[Segment]


@dataclass(frozen=True)
class Evidence:
    """One row of a section: what it says, where it comes from, and the key of its span in the article."""

    key: str
    outlet: str
    text: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class StoryView:
    """Every section of a story page."""

    story: Story
    articles: list[Article]
    timeline: list[Evidence]
    speakers: list[tuple[str, list[Evidence]]]
    numbers: list[Evidence]
    claims: list[tuple[Claim, list[Evidence]]]
    blame: list[tuple[str, list[tuple[str, str, int]]]]
    edges: list[tuple[str, str, str, int]]  # actor, target, event types, count


def build_story(story: Story, documents: list[Document], claims: list[Claim], blame: list[dict[str, Any]],
                names: dict[str, str], prefix: str = "") -> StoryView:
    """The page of one story from its documents (in order), claims, blame rows and entity names.

    `prefix` keeps item keys unique when several stories share a page (the report).
    """
    articles = [Article(d, f"{prefix}a{i}", segments(d, f"{prefix}a{i}")) for i, d in enumerate(documents)]
    keys = {a.document.id: a.key for a in articles}
    name = _namer(names)
    return StoryView(
        story=story, articles=articles, timeline=timeline(articles, name), speakers=speakers(articles, name),
        numbers=numbers(articles, name), claims=[(c, _claim_rows(c, articles, keys, name)) for c in claims],
        blame=_blame_by_outlet(blame, name), edges=edges(articles, name),
    )


def _namer(names: dict[str, str]):
    """A function giving the canonical name of an entity id, or the text itself."""
    return lambda value: names.get(value, value) if value else ""


def event_day(value: str | None, published: date | None) -> date | None:
    """The calendar day of an event's normalized date (YYYY-MM-DD, YYYY-MM or YYYY), else the article's date."""
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    if match and match.group(1) != "0000":
        year, month, day = (int(part) if part else 1 for part in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return published
    return published


def timeline(articles: list[Article], name) -> list[Evidence]:
    """Every event of the story by date, linked to its sentence."""
    rows = []
    for article in articles:
        d = article.document
        for i, e in enumerate(d.events):
            rows.append(Evidence(f"{article.key}-s{i}", d.outlet or "", d.text[e.start:e.end], {
                "day": event_day(e.date, d.published), "type": e.type, "actor": name(e.actor_id or e.actor), "target": name(e.target_id or e.target),
                "location": name(e.location), "negated": e.negated, "modality": e.modality}))
    return sorted(rows, key=lambda r: (r.detail["day"] or date.max, r.key))


def speakers(articles: list[Article], name) -> list[tuple[str, list[Evidence]]]:
    """Statements grouped by speaker, the most quoted first."""
    groups: dict[str, list[Evidence]] = defaultdict(list)
    for article in articles:
        d = article.document
        for i, q in enumerate(d.quotes):
            who = name(q.speaker) or q.speaker_text or f"({q.attribution})"
            groups[who].append(Evidence(f"{article.key}-q{i}", d.outlet or "", q.content, {
                "direct": q.direct, "hedged": q.hedged, "attribution": q.attribution, "cue": q.cue or ""}))
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))


def numbers(articles: list[Article], name) -> list[Evidence]:
    """Every reported number with what it counts and who reported it (the speaker, else the outlet)."""
    rows = []
    for article in articles:
        d = article.document
        for i, n in enumerate(d.quantities):
            statement = d.quotes[n.statement] if n.statement is not None and n.statement < len(d.quotes) else None
            source = (name(statement.speaker) or statement.speaker_text or "") if statement else n.source or ""
            rows.append(Evidence(f"{article.key}-n{i}", d.outlet or "", n.text, {
                "value": n.value, "unit": n.unit or "", "what": n.what or "", "period": n.period or "", "source": source}))
    return rows


def _claim_rows(claim: Claim, articles: list[Article], keys: dict[str, str], name) -> list[Evidence]:
    """Each side of a claim found among the story's articles: what it says, on whose word, and where."""
    by_id = {a.document.id: a.document for a in articles}
    rows = []
    for side in claim.sides:
        document = by_id.get(side.document)
        if document is None:
            continue
        who = _side_voice(side, document, name)
        marks = {"statement": "q", "event": "s"}
        key = f"{keys[side.document]}-{marks[side.kind]}{side.index}" if side.kind in marks and side.index is not None else None
        rows.append(Evidence(key or f"{keys[side.document]}", document.outlet or "", side.text, {"speaker": who}))
    return rows


def _side_voice(side: ClaimSide, document: Document, name) -> str:
    """Who asserts a side: the statement's speaker, else the outlet itself."""
    if side.kind == "statement" and side.index is not None and side.index < len(document.quotes):
        q = document.quotes[side.index]
        return name(q.speaker) or q.speaker_text or f"({q.attribution})"
    return "(the outlet)"


def _blame_by_outlet(rows: list[dict[str, Any]], name) -> list[tuple[str, list[tuple[str, str, int]]]]:
    """Whom each outlet blames, on whose word, most often first."""
    outlets: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for row in rows:
        said = voice(row["source"], row["speaker"])
        outlets[row["outlet"] or "(unknown outlet)"].append((row["blamed_name"] or name(row["blamed"]), said, row["count"]))
    return sorted((outlet, sorted(blamed, key=lambda b: -b[2])) for outlet, blamed in outlets.items())


def edges(articles: list[Article], name) -> list[tuple[str, str, str, int]]:
    """Who did what to whom: one edge per actor and target, with the event types between them."""
    counts: Counter[tuple[str, str]] = Counter()
    types: dict[tuple[str, str], set[str]] = defaultdict(set)
    for article in articles:
        for e in article.document.events:
            if e.actor and e.target:
                pair = (name(e.actor_id or e.actor), name(e.target_id or e.target))
                counts[pair] += 1
                types[pair].add(e.type)
    return [(a, t, ", ".join(sorted(types[(a, t)])), n) for (a, t), n in counts.most_common()]
