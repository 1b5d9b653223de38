"""A story's places on a map drawn offline: Natural Earth's country outlines (shipped in
data/world.json, built by training/world_map/build.py) under the geocoded places, as inline SVG.

Countries the story names are shaded; cities and towns are dots sized by how often the story
names them. The view is framed on the cities (the countries when it names none), equirectangular
with longitude scaled by the cosine of the middle latitude so the region keeps its shape.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsgraph.extract.entity_lexicon import geonames
from newsgraph.model import Entity

WIDTH, HEIGHT = 800, 380  # the drawing's units; the page scales it to its column
MIN_SPAN = 16.0  # degrees: a story in one city still shows its country and neighbours around it
MARGIN = 0.3  # share of the places' extent added on each side


@dataclass(frozen=True)
class Dot:
    """A place drawn as a dot: where (in drawing units), how large, which entity."""

    id: str
    name: str
    x: float
    y: float
    r: float
    count: int


@dataclass(frozen=True)
class Shape:
    """One country's outline as an SVG path, shaded when the story names the country."""

    path: str
    named: bool


@dataclass(frozen=True)
class StoryMap:
    """Everything the template draws: outlines, dots, and the countries named (with their share of mentions)."""

    shapes: list[Shape]
    dots: list[Dot]
    countries: list[tuple[str, str, int]]  # entity id, name, mentions
    width: int = WIDTH
    height: int = HEIGHT


@lru_cache(maxsize=1)
def outlines() -> list[tuple[str, list[list[float]]]]:
    """(ISO alpha-3, rings of lon, lat, lon, lat...) of every country, read once."""
    text = resources.files("newsgraph.data").joinpath("world.json").read_text(encoding="utf-8")
    return [(c["iso3"], c["rings"]) for c in json.loads(text)["countries"]]


def story_map(places: Mapping[str, int], entities: Mapping[str, Entity]) -> StoryMap | None:
    """The map of the places a story names (entity id -> mentions), None when none is geocoded."""
    found = [(entities[i], n) for i, n in places.items() if entities[i].lat is not None and entities[i].lon is not None]
    if not found:
        return None
    countries = [(e, n) for e, n in found if e.admin1 is None]
    towns = [(e, n) for e, n in found if e.admin1 is not None]
    frame = _frame([(e.lon, e.lat) for e, _ in towns or countries])
    iso3 = {geonames().get_countries().get(e.country or "", {}).get("iso3") for e, _ in countries}
    shapes = [Shape(path, code in iso3) for code, rings in outlines() if (path := _path(rings, frame))]
    largest = max(n for _, n in towns) if towns else 1
    dots = [Dot(e.id, e.name, *_project(e.lon, e.lat, frame), 4 + 6 * math.sqrt(n / largest), n) for e, n in towns]
    named = [(e.id, e.name, n) for e, n in sorted(countries, key=lambda item: -item[1])]
    return StoryMap(shapes, sorted(dots, key=lambda d: -d.count), named)


Frame = tuple[float, float, float, float, float]  # west, north, degrees of longitude per unit, of latitude per unit, cos


def _frame(points: Sequence[tuple[float, float]]) -> Frame:
    """The window around the points, padded, at least MIN_SPAN wide, at the drawing's aspect ratio."""
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    middle = (max(lats) + min(lats)) / 2
    scale = max(math.cos(math.radians(middle)), 0.2)
    span_lon = max((max(lons) - min(lons)) * (1 + 2 * MARGIN), MIN_SPAN)
    span_lat = max((max(lats) - min(lats)) * (1 + 2 * MARGIN), MIN_SPAN / 2)
    span_lon = max(span_lon, span_lat * WIDTH / HEIGHT / scale)  # keep the aspect: widen or heighten
    span_lat = span_lon * scale * HEIGHT / WIDTH
    west = (max(lons) + min(lons)) / 2 - span_lon / 2
    north = min(middle + span_lat / 2, 90.0)
    return west, north, span_lon / WIDTH, span_lat / HEIGHT, scale


def _project(lon: float, lat: float, frame: Frame) -> tuple[float, float]:
    west, north, per_x, per_y, _ = frame
    return round((lon - west) / per_x, 1), round((north - lat) / per_y, 1)


def _path(rings: list[list[float]], frame: Frame) -> str:
    """The SVG path of a country's rings that reach into the window ('' when none does)."""
    parts = []
    for ring in rings:
        points = [_project(lon, lat, frame) for lon, lat in zip(ring[0::2], ring[1::2])]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        if max(xs) < 0 or min(xs) > WIDTH or max(ys) < 0 or min(ys) > HEIGHT:
            continue
        parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z")
    return "".join(parts)
