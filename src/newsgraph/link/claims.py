"""Claims: statements and event reports of different articles of a story that assert the same thing.

Two units of different articles of one story match when their sentence vectors are close
(`SAME_SIMILARITY`), or related (`RELATED_SIMILARITY`) and reporting the same kind of count
("killed", "detained", ...). The vectors are static word pieces distilled from MiniLM
(`sentence_vectors`): running MiniLM itself on every unit cost four minutes per 1,000 articles.
Matches are merged strongest first, never putting two units of one article in a claim. A claim is a `conflict` when two sides give values of one count that cannot
both hold (39 / 35, "at least eight" / seven) or when one side negates what a close paraphrase
asserts; `agree` when several outlets make it; `single-source` otherwise.
"""

from __future__ import annotations

import hashlib
import itertools
from datetime import date
from collections import Counter, defaultdict

import numpy as np

from newsgraph.link.sentence_vectors import sentence_vectors
from newsgraph.link.units import Unit, document_units
from newsgraph.model import Claim, ClaimSide, Document, Quantity

# Cosine of two sentence vectors that assert the same thing in other words. 0.67 best reproduces
# MiniLM's former cut 0.7 on the unit pairs of the ECB+ dev stories; on benchmarks/stories dev, claim
# pair F1 is 0.600 at 0.67, 0.698 at 0.6 and 0.718 at 0.55 (one more pair): the higher of the last two kept.
SAME_SIMILARITY = 0.6
# Cosine of two sentences about the same thing, enough when they also report the same kind of count
# (0.33 reproduces MiniLM's former 0.45 on ECB+ dev; benchmarks/stories dev: agreement accuracy 0.667
# at 0.3, 0.750 at 0.25).
RELATED_SIMILARITY = 0.25
# Relative difference under which an "about N" value is consistent with another value.
APPROXIMATE = 0.1


def find_claims(documents: list[Document]) -> list[Claim]:
    """The claims of every story of `documents` (their `story` set), copies of other articles left out."""
    by_story: dict[str, list[Document]] = defaultdict(list)
    for document in documents:
        if document.story and not document.duplicate_of:
            by_story[document.story].append(document)
    units = {story: [u for d in members for u in document_units(d)] for story, members in by_story.items()}
    vectors = _vectors(units)
    return [claim for story in by_story for claim in _story_claims(story, units[story], vectors.get(story))]


def _vectors(units: dict[str, list[Unit]]) -> dict[str, np.ndarray]:
    """Sentence vectors of the units of stories with several articles, weighted over them all."""
    wanted = [story for story, found in units.items() if len({u.document.id for u in found}) > 1]
    matrix = sentence_vectors([u.text for story in wanted for u in units[story]])
    vectors, row = {}, 0
    for story in wanted:
        vectors[story] = matrix[row:row + len(units[story])]
        row += len(units[story])
    return vectors


def _story_claims(story: str, units: list[Unit], vectors: np.ndarray | None) -> list[Claim]:
    groups = _group(units, vectors) if vectors is not None else [[i] for i in range(len(units))]
    return [_claim(story, [units[i] for i in group]) for group in groups]


def _group(units: list[Unit], vectors: np.ndarray) -> list[list[int]]:
    """Units merged strongest match first, at most one unit per article in a group."""
    similarity = vectors @ vectors.T
    pairs = sorted(((float(similarity[i, j]), i, j) for i, j in itertools.combinations(range(len(units)), 2)
                    if _match(units[i], units[j], float(similarity[i, j]))), reverse=True)
    group_of = {i: {i} for i in range(len(units))}
    for _, i, j in pairs:
        first, second = group_of[i], group_of[j]
        if first is second or {units[k].document.id for k in first} & {units[k].document.id for k in second}:
            continue
        first |= second
        for k in second:
            group_of[k] = first
    unique = {id(g): sorted(g) for g in group_of.values()}
    return sorted(unique.values())


def _match(first: Unit, second: Unit, similarity: float) -> bool:
    if first.document.id == second.document.id:
        return False
    return similarity >= SAME_SIMILARITY or (similarity >= RELATED_SIMILARITY and bool(set(first.counts) & set(second.counts)))


def _claim(story: str, units: list[Unit]) -> Claim:
    units = sorted(units, key=lambda u: (u.document.published is None, u.document.published or date.min, u.document.id, u.start))
    kinds = _shared_kinds(units)
    reason = _value_conflict(units, kinds) or _negation_conflict(units)
    outlets = {u.outlet for u in units}
    agreement = "conflict" if reason else "agree" if len(outlets) > 1 else "single-source"
    sides = [_side(u, kinds) for u in units]
    return Claim(id=claim_id(story, sides), story=story, agreement=agreement, reason=reason, text=units[0].text, sides=sides,
                 statements=[(u.document.id, u.index) for u in units if u.kind == "statement"],
                 events=[(u.document.id, u.index) for u in units if u.kind == "event"])


def _shared_kinds(units: list[Unit]) -> set[str]:
    """The kinds of count that at least two sides report."""
    seen: Counter[str] = Counter(kind for u in units for kind in u.counts)
    return {kind for kind, number in seen.items() if number > 1}


def _side(unit: Unit, kinds: set[str]) -> ClaimSide:
    values = [q.value for kind in sorted(kinds) for q in unit.counts.get(kind, [])]
    return ClaimSide(document=unit.document.id, outlet=unit.document.outlet, kind=unit.kind, index=unit.index,
                     start=unit.start, end=unit.end, text=unit.text, values=values, negated=unit.negated)


def claim_id(story: str, sides: list[ClaimSide]) -> str:
    """A stable id from the story and the evidence spans of the sides."""
    key = "|".join(f"{s.document}:{s.start}:{s.end}" for s in sides)
    return "c-" + hashlib.sha1(f"{story}|{key}".encode()).hexdigest()[:12]


def _value_conflict(units: list[Unit], kinds: set[str]) -> str | None:
    """"values A / B" when two sides report one count with values that cannot both hold."""
    for kind in sorted(kinds):
        reporting = [u for u in units if kind in u.counts]
        for first, second in itertools.combinations(reporting, 2):
            if not _consistent(first.counts[kind], second.counts[kind]):
                shown = " / ".join(_shown(u.counts[kind]) for u in (first, second))
                return f"{kind}: {shown}"
    return None


def _consistent(first: list[Quantity], second: list[Quantity]) -> bool:
    """True when some value of one side can be the same figure as some value of the other."""
    return any(_fits(a, b) and _fits(b, a) for a in first for b in second)


def _fits(quantity: Quantity, other: Quantity) -> bool:
    if quantity.bound == "lower":
        return other.value >= quantity.value
    if quantity.bound == "upper":
        return other.value <= quantity.value
    if quantity.bound == "approximate":
        return abs(other.value - quantity.value) <= APPROXIMATE * max(abs(quantity.value), 1.0)
    return other.value == quantity.value or other.bound is not None


def _shown(quantities: list[Quantity]) -> str:
    return ", ".join(q.text for q in quantities)


def _negation_conflict(units: list[Unit]) -> str | None:
    """"negation" when some sides negate what the others assert."""
    return "negation" if len({u.negated for u in units}) > 1 else None
