"""An article's text cut into segments, each knowing which extracted items cover it, for highlighting."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.model import Document
from newsgraph.link.sentences import sentence_span


@dataclass(frozen=True)
class Span:
    """One item's place in the text: `key` names it in the page, `kind` styles it."""

    key: str
    kind: str
    start: int
    end: int
    entity: str | None = None  # the canonical actor or place a mention names


@dataclass(frozen=True)
class Segment:
    """A run of text covered by the same items; `anchors` are the items that begin here."""

    text: str
    keys: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()
    entity: str | None = None  # the actor or place named here (the innermost mention), for its link


def item_spans(document: Document, prefix: str) -> list[Span]:
    """Every entity, statement, speaker, number, time, event and event sentence of a document."""
    spans = [Span(f"{prefix}-m{i}", "entity", m.start, m.end, m.entity_id) for i, m in enumerate(document.entities)]
    spans += _statement_spans(document, prefix, in_title=False)
    spans += [Span(f"{prefix}-n{i}", "number", n.start, n.end) for i, n in enumerate(document.quantities)]
    spans += [Span(f"{prefix}-t{i}", "time", t.start, t.end) for i, t in enumerate(document.timexes)]
    for i, e in enumerate(document.events):
        spans.append(Span(f"{prefix}-e{i}", "event", e.start, e.end))
        spans.append(Span(f"{prefix}-s{i}", "sentence", *sentence_span(document.text, e.start, e.end)))
    return spans


def _statement_spans(document: Document, prefix: str, in_title: bool) -> list[Span]:
    """The contents and speakers of the text's statements, or of the headline's (keyed alike: q + position)."""
    spans = []
    for i, q in enumerate(document.quotes):
        if q.in_title == in_title:
            spans.append(Span(f"{prefix}-q{i}", "quote", q.content_start, q.content_end))
            if q.speaker_start is not None and q.speaker_end is not None:
                spans.append(Span(f"{prefix}-q{i}", "speaker", q.speaker_start, q.speaker_end))
    return spans


def segments(document: Document, prefix: str) -> list[Segment]:
    """The text of `document` as consecutive segments; items with spans outside the text are dropped."""
    return _cut(document.text, item_spans(document, prefix))


def title_segments(document: Document, prefix: str) -> list[Segment]:
    """The headline as segments when a statement was found in it; none otherwise (the page shows the title as it is)."""
    spans = _statement_spans(document, prefix, in_title=True)
    return _cut(document.title, spans) if spans and document.title else []


def _cut(text: str, spans: list[Span]) -> list[Segment]:
    """`text` cut at every span's ends, each segment knowing the spans that cover it."""
    size = len(text)
    spans = [s for s in spans if 0 <= s.start < s.end <= size]
    cuts = sorted({0, size} | {s.start for s in spans} | {s.end for s in spans})
    starts: dict[int, list[Span]] = {}
    for span in spans:
        starts.setdefault(span.start, []).append(span)
    active: list[Span] = []
    anchored: set[str] = set()
    result = []
    for begin, end in zip(cuts, cuts[1:]):
        opened = starts.get(begin, [])
        active = [s for s in active if s.end > begin] + opened
        anchors = tuple(dict.fromkeys(s.key for s in opened if s.key not in anchored))
        anchored.update(anchors)
        entity = next((s.entity for s in reversed(active) if s.entity), None)
        result.append(Segment(text[begin:end], tuple(dict.fromkeys(s.key for s in active)),
                              tuple(sorted({s.kind for s in active})), anchors, entity))
    return result
