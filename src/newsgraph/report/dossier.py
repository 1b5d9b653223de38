"""What a story's page shows, computed once for the HTML report and the web app alike."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsgraph.model import Claim, ClaimSide, Document, Entity, Story
from newsgraph.link.stories import PLACE_TYPES
from newsgraph.report.glance import Glance, glance
from newsgraph.report.highlight import Segment, segments, title_segments
from newsgraph.report.timeline import event_day, is_confident, is_own_day, story_window
from newsgraph.report.world_map import StoryMap, story_map
from newsgraph.summary import voice


@dataclass(frozen=True)
class Article:
    """One article of the story, its text (and a headline holding statements) cut for highlighting; `key` prefixes its items' keys."""

    document: Document
    key: str
    segments: list[Segment]
    title: list[Segment] = field(default_factory=list)  # empty: the headline is shown as it is


@dataclass(frozen=True)
class Evidence:
    """One row of a section: what it says, where it comes from, and the key of its span in the article."""

    key: str
    outlet: str
    text: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class StoryView:
    """Every section of a story page, in the order it answers: summary, conflicts, blame, days, map, voices."""

    story: Story
    articles: list[Article]
    glance: Glance
    timeline: list[Evidence]  # the story's own days, confident events only
    background: list[Evidence]  # events before the story's days, or dated only by a month or a year
    events: list[Evidence]  # every event, each marked own/confident, for the folded full list
    speakers: list[tuple[tuple[str | None, str], list[Evidence]]]  # (entity id, name) -> statements
    numbers: list[Evidence]
    claims: list[tuple[Claim, list[Evidence]]]
    blame: list[tuple[str, list[tuple[str | None, str, str, int]]]]  # outlet -> (blamed id, name, voice, count)
    edges: list[tuple[str | None, str, str | None, str, str, int]]  # actor id, actor, target id, target, event types, count
    map: StoryMap | None
    entities: dict[str, Entity]

    @property
    def blamed(self) -> list[tuple[str | None, str]]:
        """Everyone an outlet blames in the story, once each: (entity id or None, name)."""
        return list(dict.fromkeys((i, name) for _, rows in self.blame for i, name, _, _ in rows))


def build_story(story: Story, documents: list[Document], claims: list[Claim], blame: list[dict[str, Any]],
                entities: dict[str, Entity], prefix: str = "") -> StoryView:
    """The page of one story from its documents (in order), claims, blame rows and canonical entities.

    `prefix` keeps item keys unique when several stories share a page (the report).
    """
    articles = [Article(d, f"{prefix}a{i}", segments(d, f"{prefix}a{i}"), title_segments(d, f"{prefix}a{i}"))
                for i, d in enumerate(documents)]
    keys = {a.document.id: a.key for a in articles}
    name = _namer({i: e.name for i, e in entities.items()})
    events = all_events(articles, name, story_window(story.first_date, story.last_date))
    own = [r for r in events if r.detail["own"]]
    days = [r.detail["day"] for r in own if r.detail["confident"]] or [r.detail["day"] for r in own]
    first, last = (min(days), max(days)) if days else (story.first_date, story.last_date)
    return StoryView(
        story=story, articles=articles, glance=glance(documents, entities, [r.detail for r in own], first, last),
        timeline=[r for r in own if r.detail["confident"]], background=[r for r in events if not r.detail["own"]],
        events=events, speakers=speakers(articles, name), numbers=numbers(articles, name),
        claims=[(c, _claim_rows(c, articles, keys, name)) for c in claims], blame=_blame_by_outlet(blame, entities),
        edges=edges(articles, name), map=story_map(_place_counts(documents, entities), entities), entities=entities,
    )


def _namer(names: dict[str, str]):
    """A function giving the canonical name of an entity id, or the text itself."""
    return lambda value: names.get(value, value) if value else ""


def _place_counts(documents: list[Document], entities: dict[str, Entity]) -> dict[str, int]:
    """How often the story names each of its places (entity id -> mentions)."""
    found = Counter(m.entity_id for d in documents for m in d.entities if m.entity_id in entities)
    return {i: n for i, n in found.items() if entities[i].type in PLACE_TYPES}


def all_events(articles: list[Article], name, window: tuple[date, date] | None) -> list[Evidence]:
    """Every event of the story by date, linked to its sentence, marked as the story's own day or background."""
    rows = []
    for article in articles:
        d = article.document
        for i, e in enumerate(d.events):
            day, precision = event_day(e.date, d.published)
            rows.append(Evidence(f"{article.key}-s{i}", d.outlet or "", d.text[e.start:e.end], {
                "day": day, "precision": precision, "date": e.date or "", "type": e.type, "trigger": e.trigger,
                "actor": name(e.actor_id) or e.actor or "", "actor_id": e.actor_id, "target": name(e.target_id) or e.target or "",
                "target_id": e.target_id, "location": e.location or "", "negated": e.negated, "modality": e.modality,
                "confidence": e.confidence, "confident": is_confident(e.confidence),
                "own": is_own_day(day, precision, e.background, window)}))
    return sorted(rows, key=lambda r: (r.detail["day"] or date.max, r.key))


def speakers(articles: list[Article], name) -> list[tuple[tuple[str | None, str], list[Evidence]]]:
    """Statements grouped by speaker, one group per canonical actor, the most quoted first."""
    groups: dict[tuple[str | None, str], list[Evidence]] = defaultdict(list)
    for article in articles:
        d = article.document
        for i, q in enumerate(d.quotes):
            who = name(q.speaker_id) or q.speaker or q.speaker_text or f"({q.attribution})"
            groups[(q.speaker_id, who)].append(Evidence(f"{article.key}-q{i}", d.outlet or "", q.content, {
                "direct": q.direct, "hedged": q.hedged, "attribution": q.attribution, "cue": q.cue or ""}))
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0][1]))


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


def _blame_by_outlet(rows: list[dict[str, Any]], entities: dict[str, Entity]) -> list[tuple[str, list[tuple[str | None, str, str, int]]]]:
    """Whom each outlet blames (with the actor's id when it is one), on whose word, most often first."""
    outlets: dict[str, list[tuple[str | None, str, str, int]]] = defaultdict(list)
    for row in rows:
        said = voice(row["source"], row["speaker"])
        blamed = row["blamed"] if row["blamed"] in entities else None
        name = row["blamed_name"] or (entities[blamed].name if blamed else row["blamed"])
        outlets[row["outlet"] or "(unknown outlet)"].append((blamed, name, said, row["count"]))
    return sorted((outlet, sorted(blamed, key=lambda b: -b[3])) for outlet, blamed in outlets.items())


def edges(articles: list[Article], name) -> list[tuple[str | None, str, str | None, str, str, int]]:
    """Who did what to whom: one edge per actor and target (canonical actor, else the article's words), with the event types."""
    counts: Counter[tuple[str, str]] = Counter()
    types: dict[tuple[str, str], set[str]] = defaultdict(set)
    ids: dict[str, str | None] = {}
    for article in articles:
        for e in article.document.events:
            if e.actor and e.target:
                pair = (name(e.actor_id or e.actor), name(e.target_id or e.target))
                ids.setdefault(pair[0], e.actor_id)
                ids.setdefault(pair[1], e.target_id)
                counts[pair] += 1
                types[pair].add(e.type)
    return [(ids[a], a, ids[t], t, ", ".join(sorted(types[(a, t)])), n) for (a, t), n in counts.most_common()]
