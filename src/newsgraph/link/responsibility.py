"""Who a sentence says did a violent act: the responsibility cues of data/blame_cues.tsv and their actor."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsgraph.extract.entity_lexicon import fold
from newsgraph.link.words import stem, stopwords
from newsgraph.model import Document, Mention

# Mention types that can be held responsible: people, organisations, groups, states.
ACTOR_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Words that end the phrase naming the actor: it starts after them ("analysts believe THE PKK is behind").
BOUNDARY = re.compile(r"(?:^|[,;:\"“”()]|\s[-—–]|\b(?:that|said|says|say|believe|believes|believed|suspect|suspects|suspected|think|thinks|thought|alleged|insisted|and|which|who|whom|when|after|while|but|though|although)\b)\s*",
                      re.IGNORECASE)
PHRASE_AFTER = re.compile(r"\s*((?:[\w'’-]+\s+){0,4}?[\w'’-]+?)(?=\s+(?:for|of|over|in|on|as|to|after|with|and|that|which|who|from|at|by|since|because)\b|[,.;:]|$)")
TOKEN = re.compile(r"[\w'’-]+")
# A word that can stand before a culprit's head noun: a name, a demonym, an adjective (no digits, no verb forms).
MODIFIER = re.compile(r"(?:[A-Z][\w'’-]*|[a-z][a-z-]*(?<!ed)(?<!ing)|al-\w+)")
DETERMINERS = frozenset({"the", "a", "an", "some", "local", "several", "two", "three"})
POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my", "your"})
# Most words a culprit's name is given: longer phrases are clauses.
LONGEST_PHRASE = 5
DETERMINER = re.compile(r"^(?:the|a|an|its|their|his|her|some|local)\s+", re.IGNORECASE)
# First words of a phrase that names nobody: pronouns (the claim's own speaker is read elsewhere) and negations.
NOT_AN_ACTOR = frozenset({"it", "they", "he", "she", "who", "we", "i", "no", "none", "nobody", "neither", "him", "them", "us",
                          "its", "their", "his", "her", "of", "for", "to", "in", "on", "with", "by"})
# A denial before the cue: "denied that it had fired the missile" blames nobody.
DENIAL = re.compile(r"\b(?:den(?:y|ies|ied|ying)|rejected|dismissed)\b", re.IGNORECASE)
# Longest actor phrase kept, in characters: longer ones are clauses, not names.
LONGEST = 60
# A relative clause set off by commas right before the cue ("the Falcons, which Ankara regards as an
# extension of the PKK, claimed"): its actors are not the cue's.
RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whom|whose)\b[^,]*,?\s*$", re.IGNORECASE)
# After a culprit noun, "of" and the actor it belongs to ("the movement of the US-based preacher
# Fethullah Gulen"): the actor is the one blamed. Up to this many characters between them.
OF_ACTOR = re.compile(r"\s+of\s+(?:the\s+)?")
OF_REACH = 40


@dataclass(frozen=True)
class Cue:
    """One responsibility cue: where it is, who it names, and whether the actor claims the act itself."""

    start: int
    end: int
    text: str
    actor: str  # entity id, else the folded phrase
    actor_name: str
    actor_start: int
    actor_end: int
    claim: bool
    subject: tuple[int, int] | None = None  # for "X blamed Y": X, who blames (the word it is on)
    actor_id: str | None = None  # entity id of the actor's mention, when the actor is one


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
            if cue and not any((c.actor_start, c.claim) == (cue.actor_start, cue.claim) for c in found):
                found.append(cue)
    return found


def _cue(document: Document, offset: int, match: re.Match[str], slot: str, claim: bool) -> Cue | None:
    if DENIAL.search(document.text, offset, offset + match.start()):
        return None
    span = _actor_span(document, offset, match, slot)
    culprit = _culprit(document, *span, from_end=slot == "before") if span else None
    if culprit is None:
        return None
    start, end, mention = culprit
    if mention is None and slot == "after":
        end, mention = _owner(document, end) or (end, None)
    name = mention.name or mention.text if mention else DETERMINER.sub("", document.text[start:end])
    actor = mention.entity_id or name if mention else fold(name)
    subject = _actor_before(document.text, offset, offset + match.start()) if slot == "after" else None
    return Cue(offset + match.start(), offset + match.end(), match.group(), actor, name, start, end, claim, subject,
               mention.entity_id if mention else None)


def _owner(document: Document, end: int) -> tuple[int, Mention] | None:
    """The actor a culprit noun belongs to, named right after it ("movement of ... Fethullah Gulen"), and where it ends.

    A name that only modifies a word ("US-based") is not the owner.
    """
    joint = OF_ACTOR.match(document.text, end)
    if joint is None:
        return None
    owners = [m for m in document.entities if m.type in ACTOR_TYPES and joint.end() <= m.start <= joint.end() + OF_REACH
              and not re.search(r"[,;.]", document.text[joint.end():m.start]) and document.text[m.end:m.end + 1] != "-"]
    first = min(owners, key=lambda m: m.start, default=None)
    return (first.end, first) if first else None


def _actor_span(document: Document, offset: int, match: re.Match[str], slot: str) -> tuple[int, int] | None:
    if slot == "after":
        return _actor_after(document.text, offset + match.end())
    return _actor_before(document.text, offset, offset + match.start())


def _culprit(document: Document, start: int, end: int, from_end: bool) -> tuple[int, int, Mention | None] | None:
    """The noun phrase naming an actor at the start of the span (at its end for `from_end`), and its mention.

    The phrase ends on an actor mention ("Daesh" of "Daesh most recently") or on a head noun that can
    name a culprit ("a Kurdish militant group", "foreign powers"); anything else (a clause, a dateline,
    "its leader", "of orchestrating the coup") names nobody and is dropped.
    """
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(document.text, start, end)]
    if not tokens or tokens[0][2].lower() in NOT_AN_ACTOR:
        return None
    mentions = [m for m in document.entities if m.type in ACTOR_TYPES and start <= m.start and m.end <= end]
    heads = [k for k in range(len(tokens)) if _is_head(tokens, k, mentions)] or _capitalised(tokens)
    if not heads:
        return None
    head = heads[-1] if from_end else heads[0]
    if from_end and head != len(tokens) - 1:
        return None
    while not from_end and head + 1 < len(tokens) and _is_culprit_noun(tokens[head + 1][2]):
        head += 1  # "a Kurdish militant cell": the head is the last noun
    mention = next((m for m in mentions if m.end == tokens[head][1]), None)
    first = next(k for k, t in enumerate(tokens) if t[1] > mention.start) if mention else _phrase_start(tokens, head)
    if first is None or (not from_end and any(t[2].lower() not in DETERMINERS for t in tokens[:first])):
        return None
    return tokens[first][0], tokens[head][1], mention


def _is_head(tokens: list[tuple[int, int, str]], k: int, mentions: list[Mention]) -> bool:
    """A word that can end a culprit's name: the end of an actor mention not followed by a culprit noun, or a culprit noun."""
    if _is_culprit_noun(tokens[k][2]):
        return True
    ends_mention = any(m.end == tokens[k][1] for m in mentions)
    return ends_mention and not (k + 1 < len(tokens) and _is_culprit_noun(tokens[k + 1][2]))


def _is_culprit_noun(word: str) -> bool:
    return stem(word) in culprit_nouns() or word.lower() in culprit_nouns()


def _capitalised(tokens: list[tuple[int, int, str]]) -> list[int]:
    """The last word of a run of capitalised words opening the span ("The West"), when nothing else names an actor."""
    first = 1 if tokens[0][2].lower() == "the" else 0
    run = first
    while run < len(tokens) and tokens[run][2][:1].isupper() and tokens[run][2].lower() not in stopwords():
        run += 1
    return [run - 1] if run > first else []


def _phrase_start(tokens: list[tuple[int, int, str]], head: int) -> int | None:
    """The first word of the phrase ending at `head`: its modifiers, at most LONGEST_PHRASE words, no determiner."""
    first = max(0, head - LONGEST_PHRASE + 1)
    for k in range(head - 1, first - 1, -1):
        if not MODIFIER.fullmatch(tokens[k][2]) or tokens[k][2].lower() in stopwords():
            first = k + 1
            break
    while first < head and tokens[first][2].lower() in DETERMINERS:
        first += 1
    if first > 0 and tokens[first - 1][2].lower() in POSSESSIVES:
        return None
    return first


@lru_cache(maxsize=1)
def culprit_nouns() -> frozenset[str]:
    """Head nouns that can name a culprit (data/link_culprit_nouns.tsv)."""
    text = resources.files("newsgraph.data").joinpath("link_culprit_nouns.tsv").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _actor_before(text: str, sentence_start: int, cue_start: int) -> tuple[int, int] | None:
    """The phrase just before the cue, from the last boundary word on, a relative clause left out."""
    before = RELATIVE_CLAUSE.sub("", text[sentence_start:cue_start])
    end = sentence_start + len(before) if len(before) < cue_start - sentence_start else cue_start
    before = before.rstrip(" ,")
    boundary = max((m.end() for m in BOUNDARY.finditer(before)), default=0)
    return _trimmed(text, sentence_start + boundary, end)


def _actor_after(text: str, cue_end: int) -> tuple[int, int] | None:
    """The phrase just after the cue, up to a preposition or punctuation."""
    match = PHRASE_AFTER.match(text, cue_end)
    return _trimmed(text, match.start(1), match.end(1)) if match else None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    phrase = text[start:end]
    stripped = phrase.strip()
    if not stripped or len(stripped) > LONGEST:
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
