"""The statement lexicons (cues, speaker roles, genders), read once from data/ files."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Span, Token


@dataclass(frozen=True)
class Cue:
    """A cue word: what may carry its content and whether the cue itself hedges."""

    lemma: str
    pos: str
    complements: frozenset[str]
    hedged: bool


@dataclass(frozen=True)
class Role:
    """A noun heading a speaker description: anonymous role, person title or organisation."""

    lemma: str
    kind: str
    group: frozenset[str]


def read_rows(name: str) -> list[list[str]]:
    """The tab-separated rows of a data file, comments and blank lines skipped."""
    text = files("newsgraph.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def cues() -> dict[tuple[str, str], Cue]:
    """Cues by (lemma, part of speech)."""
    return {
        (lemma, pos): Cue(lemma, pos, frozenset(comps.split(",")), hedged == "1")
        for lemma, pos, comps, hedged in read_rows("speech_cues.tsv")
    }


@lru_cache(maxsize=1)
def roles() -> dict[str, Role]:
    """Speaker-description nouns by lemma."""
    table = {}
    for row in read_rows("speaker_roles.tsv"):
        group = row[2].split(",") if len(row) > 2 and row[2] else [row[0]]
        table[row[0]] = Role(row[0], row[1], frozenset(group))
    return table


@lru_cache(maxsize=1)
def genders() -> dict[str, str]:
    """Grammatical gender ("f" or "m") of given names and gendered titles."""
    return {word: gender for word, gender in read_rows("speaker_genders.tsv")}


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    return {abbreviation: title for abbreviation, title in read_rows("title_abbreviations.tsv")}


def title_word(token: Token) -> str:
    """A title word written out, lowercase: "Sen." is "senator", so that "the senator" finds Sen. Ana Ruiz."""
    return _abbreviations().get(token.lower_.rstrip("."), token.lemma_.lower())


def gender_of(word: str) -> str | None:
    """The gender a given name or a title shows ("Ana", "Mrs.", "spokeswoman"), when the lexicon knows one."""
    return genders().get(word.lower().rstrip("."))


def title_gender(name: Span) -> str | None:
    """The gender the word just before a name shows ("Mr." Obama, "spokeswoman" Ruiz), which the tagger leaves out of it."""
    return gender_of(name.doc[name.start - 1].text) if name.start > 0 else None


def reports_itself(clause: Token) -> bool:
    """Whether a clause is a report of its own: a that-clause cue with its subject ("three-quarters said")."""
    cue = cues().get((clause.lemma_.lower(), "VERB"))
    has_subject = any(c.dep_ == "nsubj" for c in clause.children)
    return cue is not None and "ccomp" in cue.complements and has_subject
