"""The value, bound and unit of a written number ("more than 3,359", "$4.5bn", "a dozen")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.extract.statement_lexicon import read_rows

PIECE_RE = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+|[a-z]+|[%$€£¥]")
# A bare plural scale ("thousands of people", "dozens") says "at least that many".
PLURAL_SCALES = {"dozens", "hundreds", "thousands", "millions", "billions"}


@dataclass(frozen=True)
class Reading:
    """What a number phrase says: its value, the bound a hedge sets, and its unit."""

    value: float
    bound: str | None
    unit: str | None


@lru_cache(maxsize=1)
def words() -> dict[str, tuple[str, str]]:
    """Number words, scales, bound phrases and units: phrase -> (kind, value)."""
    return {phrase: (kind, value) for phrase, kind, value in read_rows("quantity_words.tsv")}


def read_quantity(text: str) -> Reading | None:
    """The Reading of a number phrase, or None when it holds no number."""
    lowered = text.lower().replace("-", " ").replace("\u2009", " ")
    bound, rest = _bound(lowered)
    pieces = PIECE_RE.findall(rest)
    value = _value(pieces)
    if value is None:
        return None
    if bound is None and pieces and pieces[0] in PLURAL_SCALES:
        bound = "lower"
    return Reading(value, bound, _unit(rest, pieces))


def _bound(text: str) -> tuple[str | None, str]:
    """The longest bound phrase opening the text ("more than", "at least"), and the rest."""
    table = words()
    best = None
    for phrase, (kind, value) in table.items():
        if kind == "bound" and text.startswith(phrase + " ") and (best is None or len(phrase) > len(best[0])):
            best = (phrase, value)
    return (best[1], text[len(best[0]) :]) if best else (None, text)


def _value(pieces: list[str]) -> float | None:
    """Digits, number words and scales read left to right ("3.5 million", "twenty five", "a hundred")."""
    table = words()
    current: float | None = None
    for index, piece in enumerate(pieces):
        kind, value = table.get(piece, ("", ""))
        if piece[0].isdigit() or piece[0] == ".":
            current = _float(piece)
        elif kind == "number" and piece in {"a", "an"}:
            following = pieces[index + 1] if index + 1 < len(pieces) else ""
            if table.get(following, ("",))[0] == "scale" and current is None:
                current = 1.0
        elif kind == "number":
            current = (current or 0) + float(value)
        elif kind == "scale":
            current = (current if current is not None else 1.0) * float(value)
    return current


def _float(piece: str) -> float | None:
    try:
        return float(piece.replace(",", ""))
    except ValueError:
        return None


def _unit(text: str, pieces: list[str]) -> str | None:
    """The unit named in the phrase: a currency symbol or word, percent, a measure."""
    table = words()
    for phrase in ("percentage points", "percentage point", "per cent"):
        if phrase in text:
            return table[phrase][1]
    for piece in pieces:
        kind, value = table.get(piece, ("", ""))
        if kind == "unit":
            return value
    return None
