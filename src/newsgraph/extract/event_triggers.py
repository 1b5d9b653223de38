"""The PLOVER trigger lexicon (data/plover_triggers.tsv) and matching it against parsed tokens."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
PARTS_OF_SPEECH = {"VERB": {"VERB"}, "NOUN": {"NOUN", "PROPN"}}
PARTICLE_DEPS = ("prt", "prep", "agent", "advmod")
# Words in these roles only modify another word: "aid workers", "the detained journalist".
MODIFIER_DEPS = {"compound", "amod", "nmod"}


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a lemma of a part of speech, its PLOVER type and an optional constraint."""

    lemma: str
    pos: str
    type: str
    key: str | None = None
    values: frozenset[str] = frozenset()
    negated: bool = False


def read_lines(name: str) -> list[str]:
    """Non-comment, non-empty lines of a data file."""
    text = resources.files("newsgraph.data").joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], list[Trigger]]:
    """Entries by (lemma, part of speech), constrained entries first."""
    entries: dict[tuple[str, str], list[Trigger]] = {}
    for line in read_lines("plover_triggers.tsv"):
        entry = _entry(line.split("\t"))
        entries.setdefault((entry.lemma, entry.pos), []).append(entry)
    return {key: sorted(found, key=lambda e: e.key is None) for key, found in entries.items()}


def _entry(fields: list[str]) -> Trigger:
    lemma, pos, kind = fields[:3]
    if len(fields) < 4 or not fields[3]:
        return Trigger(lemma, pos, kind)
    key, _, values = fields[3].partition("=")
    return Trigger(lemma, pos, kind, key.lstrip("!"), frozenset(values.split("|")) - {""}, key.startswith("!"))


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """A one-word-a-line data file as a set."""
    return frozenset(line.strip() for line in read_lines(name))


def match(token: Token) -> str | None:
    """The PLOVER type the token triggers, or None."""
    if token.dep_ in MODIFIER_DEPS or token.ent_type_:
        return None
    for pos, tags in PARTS_OF_SPEECH.items():
        if token.pos_ in tags:
            for entry in lexicon().get((token.lemma_.lower(), pos), ()):
                if entry.key is None or _holds(entry, token) != entry.negated:
                    return entry.type
    return None


def _holds(entry: Trigger, token: Token) -> bool:
    """Whether the token's dependents satisfy the entry's constraint."""
    if entry.key in ("prt", "prep"):  # "called on Russia to", not "called Putin on Saturday"
        return any(c.dep_ in PARTICLE_DEPS and c.lower_ in entry.values and not _dated(c) for c in token.children)
    if entry.key == "head":
        return token.head.lemma_.lower() in entry.values
    if entry.key == "active":
        return not any(c.dep_ == "auxpass" for c in token.children)
    if entry.key == "mod":
        return any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in entry.values for c in token.children)
    if entry.key == "comp":
        near = [g for c in token.children for g in (c, *c.children)]
        return any(t.lemma_.lower() in entry.values for t in near)
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if "@actor" in entry.values:
        return any(o.ent_type_ in ACTOR_LABELS or o.pos_ in ("PROPN", "PRON") for o in objects)
    return any(o.lemma_.lower() in entry.values for o in objects)


def _dated(preposition: Token) -> bool:
    """Whether a preposition governs a date or time ("on Saturday")."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in preposition.children)
