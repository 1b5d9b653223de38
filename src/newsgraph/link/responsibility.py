"""Who a sentence says did a violent act: the responsibility cues of data/blame_cues.tsv and their actor."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsgraph.model import Document, Mention

# Mention types that can be held responsible: people, organisations, groups, states.
ACTOR_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Words that end the phrase naming the actor: it starts after them ("analysts believe THE PKK is behind").
BOUNDARY = re.compile(r"(?:^|[,;:\"“”]|\b(?:that|said|says|say|believe|believes|believed|suspect|suspects|suspected|think|thinks|thought|alleged|insisted|and|which|who|whom|when|after|while|but|though|although)\b)\s*",
                      re.IGNORECASE)
PHRASE_AFTER = re.compile(r"\s*((?:[\w'’-]+\s+){0,4}?[\w'’-]+?)(?=\s+(?:for|of|over|in|on|as|to|after|with|and|that|which|who|from|at|by|since|because)\b|[,.;:]|$)")
CAPITALISED = re.compile(r"(?:(?:The|the)\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}")
LEADING = re.compile(r"(?:(?:the|a|an|some)\s+)?[\w'’-]+\s+[\w'’-]+", re.IGNORECASE)
DETERMINER = re.compile(r"^(?:the|a|an|its|their|his|her|some|local)\s+", re.IGNORECASE)
# First words of a phrase that names nobody: pronouns (the claim's own speaker is read elsewhere) and negations.
NOT_AN_ACTOR = frozenset({"it", "they", "he", "she", "who", "we", "i", "no", "none", "nobody", "neither"})
# A denial before the cue: "denied that it had fired the missile" blames nobody.
DENIAL = re.compile(r"\b(?:den(?:y|ies|ied|ying)|rejected|dismissed)\b", re.IGNORECASE)
# Longest actor phrase kept, in characters: longer ones are clauses, not names.
LONGEST = 60


@dataclass(frozen=True)
class Cue:
    """One responsibility cue: where it is, who it names, and whether the actor claims the act itself."""

    start: int
    end: int
    text: str
    actor: str  # entity id, else the phrase as written
    actor_name: str
    actor_start: int
    actor_end: int
    claim: bool
    subject: tuple[int, int] | None = None  # for "X blamed Y": X, who blames (the word it is on)


@lru_cache(maxsize=1)
def cue_patterns() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """(pattern, slot, kind) rows of data/blame_cues.tsv, compiled once."""
    text = resources.files("newsgraph.data").joinpath("blame_cues.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple((re.compile(r[0], re.IGNORECASE), r[1].strip(), r[2].strip()) for r in rows)


def sentence_cues(document: Document, start: int, end: int) -> list[Cue]:
    """The responsibility cues of the sentence text[start:end], each with the actor it names."""
    sentence = document.text[start:end]
    patterns = cue_patterns()
    if any(kind == "skip" and pattern.search(sentence) for pattern, _, kind in patterns):
        return []
    found = []
    for pattern, slot, kind in patterns:
        for match in pattern.finditer(sentence):
            cue = _cue(document, start, match, slot, kind == "claim")
            if cue and not any(c.actor_start == cue.actor_start for c in found):
                found.append(cue)
    return found


def _cue(document: Document, offset: int, match: re.Match[str], slot: str, claim: bool) -> Cue | None:
    if DENIAL.search(document.text, offset, offset + match.start()):
        return None
    span = _actor_span(document, offset, match, slot)
    if span is None:
        return None
    start, end = span
    mention = _mention(document.entities, start, end)
    name = mention.name or mention.text if mention else DETERMINER.sub("", document.text[start:end])
    actor = mention.entity_id or name if mention else name.lower()
    subject = _actor_before(document.text, offset, offset + match.start()) if slot == "after" else None
    return Cue(offset + match.start(), offset + match.end(), match.group(), actor, name, start, end, claim, subject)


def _actor_span(document: Document, offset: int, match: re.Match[str], slot: str) -> tuple[int, int] | None:
    if slot == "after":
        return _actor_after(document.text, offset + match.end())
    if slot == "first":
        return _actor_first(document, offset, offset + match.start())
    return _actor_before(document.text, offset, offset + match.start())


def _actor_first(document: Document, sentence_start: int, cue_start: int) -> tuple[int, int] | None:
    """The first actor of the clause before the cue: a mention, else its capitalised or first two words."""
    clause = _actor_before(document.text, sentence_start, cue_start)
    if clause is None:
        return None
    start, end = clause
    mention = next((m for m in document.entities if m.type in ACTOR_TYPES and start <= m.start and m.end <= end), None)
    if mention is not None:
        return mention.start, mention.end
    phrase = CAPITALISED.match(document.text, start, end) or LEADING.match(document.text, start, end)
    return _trimmed(document.text, phrase.start(), phrase.end()) if phrase else None


def _actor_before(text: str, sentence_start: int, cue_start: int) -> tuple[int, int] | None:
    """The phrase just before the cue, from the last boundary word on."""
    before = text[sentence_start:cue_start].rstrip(" ,")
    boundary = max((m.end() for m in BOUNDARY.finditer(before)), default=0)
    return _trimmed(text, sentence_start + boundary, cue_start)


def _actor_after(text: str, cue_end: int) -> tuple[int, int] | None:
    """The phrase just after the cue, up to a preposition or punctuation."""
    match = PHRASE_AFTER.match(text, cue_end)
    return _trimmed(text, match.start(1), match.end(1)) if match else None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    phrase = text[start:end]
    stripped = phrase.strip()
    if not stripped or len(stripped) > LONGEST or stripped.split()[0].lower() in NOT_AN_ACTOR:
        return None
    start += len(phrase) - len(phrase.lstrip())
    return start, start + len(stripped)


def subject_mention(document: Document, cue: Cue) -> Mention | None:
    """The actor mention heading the phrase that does the blaming, if any."""
    return _mention(document.entities, *cue.subject) if cue.subject else None


def _mention(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The actor mention that ends the phrase (its head), so "Kurdish militants" stays a phrase."""
    inside = [m for m in mentions if m.type in ACTOR_TYPES and start <= m.start and m.end <= end]
    return next((m for m in reversed(inside) if _reaches_end(m, end)), None)


def _reaches_end(mention: Mention, end: int) -> bool:
    """True when the mention reaches the end of the phrase (allowing a closing possessive or quote)."""
    return end - mention.end <= 2
