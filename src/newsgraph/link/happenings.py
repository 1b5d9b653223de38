"""Is it the same happening? Two articles compared on their arguments, not only on their words.

Two earthquakes, two shootings or two Oscar hosts share all their topic words; they differ in who,
where and when. Each article's `Arguments` are its people and places (canonical entity ids), the
years and days its text names, and its figures (ages, tolls, ordinals); and apart, those of its
headline and lead, which name the happening itself where the body also names background (two
deaths of Watergate figures both mention Nixon; their leads name the man who died, and his age). `same_happening` turns a
pair's word similarity and the overlap or clash of those arguments into a probability, with the
logistic weights of data/story_pairs.json (trained by training/story_pairs/train.py on the ECB+
train topics).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsgraph.model import Document

PEOPLE_TYPES = frozenset({"PERSON"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
ORG_TYPES = frozenset({"ORG"})
YEAR = re.compile(r"(?<![\d/.,:-])(?:19[5-9]\d|20[0-4]\d)(?!\d|[,.:]\d)")
DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")
# A figure: a number as written, with an ordinal suffix or "-year-old" kept ("81st", "61-year-old").
FIGURE = re.compile(r"(?<![\d.,:/])\d+(?:[.,]\d+)?(?:st|nd|rd|th)?(?![\d:/])")
# Figures this small are too common ("2 people", "1 dead") to tell happenings apart.
SMALLEST_FIGURE = 3
# The lead: the first characters of the text, after the headline (ECB+ train topics: story B³ F1 of the
# grouped train split 0.900 without lead arguments; see training/story_pairs/meta.json for the value chosen).
LEAD_CHARS = 300
FEATURES = ("cosine", "argument_cosine", "people", "people_clash", "places", "places_clash", "orgs", "years", "years_clash",
            "days", "days_clash", "figures", "lead_people", "lead_people_clash", "lead_places", "lead_places_clash",
            "lead_figures", "lead_figures_clash")
SETS = ("people", "places", "orgs", "years", "days", "figures", "lead_people", "lead_places", "lead_figures")


@dataclass(frozen=True)
class Arguments:
    """What one article says about who, where, when and how many: plain sets of strings."""

    people: frozenset[str]
    places: frozenset[str]
    orgs: frozenset[str]
    years: frozenset[str]
    days: frozenset[str]
    figures: frozenset[str]
    lead_people: frozenset[str] = frozenset()
    lead_places: frozenset[str] = frozenset()
    lead_figures: frozenset[str] = frozenset()

    def terms(self) -> dict[str, float]:
        """The arguments as terms of a vector (one each), for an IDF-weighted cosine: rare shared ones weigh most."""
        return {f"{name[0]}:{value}": 1.0 for name in ("people", "places", "orgs", "years", "figures") for value in getattr(self, name)}

    def snapshot(self) -> dict[str, list[str]]:
        """Plain lists, for a serialised index."""
        return {name: sorted(getattr(self, name)) for name in SETS}

    @classmethod
    def restore(cls, data: dict[str, list[str]]) -> Arguments:
        """The arguments a `snapshot` describes."""
        return cls(**{name: frozenset(values) for name, values in data.items()})


def arguments(document: Document) -> Arguments:
    """The arguments of an article: its canonical people, places and organisations, years, days and figures, and its lead's."""
    text = f"{document.title or ''}\n{document.text}"
    years = set(YEAR.findall(text))
    days = {match.group(1) for t in document.timexes if t.value and (match := DAY.match(t.value)) and t.anchor is None}
    lead = f"{document.title or ''}\n{document.text[:LEAD_CHARS]}"
    return Arguments(people=_ids(document, PEOPLE_TYPES), places=_ids(document, PLACE_TYPES), orgs=_ids(document, ORG_TYPES),
                     years=frozenset(years), days=frozenset(days), figures=_figures(text, years),
                     lead_people=_ids(document, PEOPLE_TYPES, LEAD_CHARS), lead_places=_ids(document, PLACE_TYPES, LEAD_CHARS),
                     lead_figures=_figures(lead, years))


def _ids(document: Document, types: frozenset[str], before: int | None = None) -> frozenset[str]:
    """Canonical ids of the article's mentions of these types (those starting before `before` only, if given)."""
    return frozenset(m.entity_id or (m.name or m.text).lower() for m in document.entities
                     if m.type in types and (before is None or m.start < before))


def _figures(text: str, years: set[str]) -> frozenset[str]:
    return frozenset(f for f in FIGURE.findall(text) if f not in years and _big_enough(f))


def _big_enough(figure: str) -> bool:
    digits = re.match(r"\d+", figure)
    return digits is not None and int(digits.group()) >= SMALLEST_FIGURE


def features(cosine: float, argument_cosine: float, first: Arguments, second: Arguments) -> list[float]:
    """The pair's features, in the order of FEATURES: cosines, overlaps (Jaccard), clashes (both name some, share none)."""
    row = [cosine, argument_cosine]
    for name in ("people", "places"):
        row += [_jaccard(getattr(first, name), getattr(second, name)), _clash(getattr(first, name), getattr(second, name))]
    row.append(_jaccard(first.orgs, second.orgs))
    for name in ("years", "days"):
        row += [_jaccard(getattr(first, name), getattr(second, name)), _clash(getattr(first, name), getattr(second, name))]
    row.append(_jaccard(first.figures, second.figures))
    for name in ("lead_people", "lead_places", "lead_figures"):
        row += [_jaccard(getattr(first, name), getattr(second, name)), _clash(getattr(first, name), getattr(second, name))]
    return row


def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def _clash(first: frozenset[str], second: frozenset[str]) -> float:
    return float(bool(first) and bool(second) and not first & second)


@lru_cache(maxsize=1)
def weights() -> tuple[tuple[float, ...], float]:
    """(feature weights, bias) of the logistic pair model in data/story_pairs.json."""
    data = json.loads(resources.files("newsgraph.data").joinpath("story_pairs.json").read_text(encoding="utf-8"))
    return tuple(data["weights"][name] for name in FEATURES), data["bias"]


def same_happening(cosine: float, argument_cosine: float, first: Arguments, second: Arguments) -> float:
    """Probability that two articles report the same happening, from their word and argument cosines and arguments."""
    coefficients, bias = weights()
    score = bias + sum(w * x for w, x in zip(coefficients, features(cosine, argument_cosine, first, second)))
    return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))
