"""Hand-built articles for the link tests: every field the extractors would fill, filled by hand."""

from __future__ import annotations

from datetime import date

from newsgraph.model import Document, Event, Mention, Quantity, Statement

# Canonical actors and places of the fixtures: name as written -> (type, entity id, canonical name).
ENTITIES = {
    "Istanbul": ("GPE", "e-istanbul", "Istanbul"), "Ankara": ("GPE", "e-ankara", "Ankara"),
    "Islamic State": ("ORG", "e-is", "Islamic State"), "Daesh": ("ORG", "e-is", "Islamic State"),
    "Al Nusra": ("ORG", "e-nusra", "Al Nusra"), "Reina": ("FAC", "e-reina", "Reina"),
    "Alexander Gurov": ("PERSON", "e-gurov", "Alexander Gurov"), "Vodafone Park": ("FAC", "e-park", "Vodafone Park"),
    "Kurdish Hawks": ("ORG", "e-hawks", "Kurdish Hawks"), "Mehmet Aydin": ("PERSON", "e-aydin", "Mehmet Aydin"),
    "central bank": ("ORG", "e-bank", "Central Bank"),
}


def mentions(text: str) -> list[Mention]:
    """A mention for every occurrence of a fixture entity in `text`."""
    found = []
    for surface, (type_, entity_id, name) in ENTITIES.items():
        start = text.find(surface)
        while start >= 0:
            found.append(Mention(start=start, end=start + len(surface), text=surface, type=type_, entity_id=entity_id, name=name))
            start = text.find(surface, start + 1)
    return sorted(found, key=lambda m: m.start)


def statement(text: str, speaker: str | None, speaker_text: str | None, content: str, attribution: str = "named",
              cue: str = "said") -> Statement:
    """The statement of `content` in `text`, by `speaker_text` (found in the text when given)."""
    start = text.index(content)
    speaker_start = text.index(speaker_text) if speaker_text else None
    cue_start = text.find(cue, speaker_start or 0)
    return Statement(speaker=speaker, speaker_text=speaker_text, speaker_start=speaker_start,
                     speaker_end=speaker_start + len(speaker_text) if speaker_text else None, cue=cue,
                     cue_start=cue_start if cue_start >= 0 else None, cue_end=cue_start + len(cue) if cue_start >= 0 else None,
                     content=content, content_start=start, content_end=start + len(content), attribution=attribution)


def event(text: str, trigger: str, type_: str = "ASSAULT", day: str | None = None, actor: str | None = None,
          statement_index: int | None = None, negated: bool = False) -> Event:
    """The event whose trigger is the first `trigger` of `text`."""
    start = text.index(trigger)
    return Event(type=type_, trigger=trigger, start=start, end=start + len(trigger), sentence=0, actor=actor,
                 date=day, date_source="sentence" if day else "published", statement=statement_index, negated=negated)


def quantity(text: str, number: str, value: float, what: str = "people", statement_index: int | None = None) -> Quantity:
    """The number `number` of `text`, counting `what`."""
    start = text.index(number)
    return Quantity(start=start, end=start + len(number), text=number, value=value, what=what, statement=statement_index)


def article(doc_id: str, outlet: str, day: date, title: str, text: str, **fields) -> Document:
    """A document with its mentions found by `mentions` and any other extracted lists given."""
    return Document(id=doc_id, source=f"{doc_id}.txt", outlet=outlet, title=title, published=day, text=text,
                    entities=mentions(f"{text}"), **fields)
