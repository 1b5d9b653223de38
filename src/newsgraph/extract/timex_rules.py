"""Recognizing time expressions in text with the regex rules of data/timex_patterns.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any


ENDS = "ends"


@dataclass(frozen=True)
class Candidate:
    """A matched time expression: its span, the rule kind that found it and the rule's named groups."""

    start: int
    end: int
    kind: str
    text: str = field(compare=False)
    groups: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@lru_cache(maxsize=1)
def timex_data() -> dict[str, Any]:
    """The word lists, patterns and value tables for time expressions, loaded once."""
    return json.loads(resources.files("newsgraph.data").joinpath("timex_patterns.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def compiled_rules() -> tuple[list[tuple[str, re.Pattern[str]]], list[tuple[str, re.Pattern[str]]]]:
    """(text rules, entity-only rules) as (kind, compiled regex) pairs, in priority order."""
    data = timex_data()
    words = data["vocabulary"]
    text_rules, entity_rules = [], []
    for rule in data["patterns"]:
        regex = re.compile(_expand(rule["pattern"], words))
        (entity_rules if rule.get("entity_only") else text_rules).append((rule["kind"], regex))
    return text_rules, entity_rules


def _expand(template: str, words: dict[str, str]) -> str:
    return re.sub(r"\{([A-Z_]+)\}", lambda m: words[m.group(1)], template)


def scan(text: str, entity: bool = False) -> list[Candidate]:
    """Non-overlapping candidates in text: longest first, ties to the earlier rule."""
    text_rules, entity_rules = compiled_rules()
    rules = text_rules + entity_rules if entity else text_rules
    found = [pair for rank, (kind, regex) in enumerate(rules) for m in regex.finditer(text) for pair in _candidates(kind, m, rank)]
    found.sort(key=lambda c: (-(c[0].end - c[0].start), c[1], c[0].start))
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for candidate, _ in found:
        if candidate.end > candidate.start and not any(s < candidate.end and candidate.start < e for s, e in taken):
            chosen.append(candidate)
            taken.append((candidate.start, candidate.end))
    return sorted(chosen, key=lambda c: c.start)


def _candidates(kind: str, match: re.Match[str], rank: int) -> list[tuple[Candidate, int]]:
    """The match as one candidate, or its two ends as their own candidates for an "ends" rule: TIMEX3 (and
    TimeBank) mark "1980" in "since 1980" and "Aug. 26" and "Oct. 20" in "from Aug. 26 to Oct. 20" on their own."""
    if kind != ENDS:
        return [_candidate(kind, match, rank)]
    return [(Candidate(match.start(g) + c.start, match.start(g) + c.end, c.kind, c.text, c.groups), rank)
            for g in ("a", "b") if match.groupdict().get(g) for c in scan(match.group(g), entity=True)]


def _candidate(kind: str, match: re.Match[str], rank: int) -> tuple[Candidate, int]:
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    start, end = match.span("t") if "t" in groups else match.span()
    return Candidate(start, end, kind, match.string[start:end], groups), rank
