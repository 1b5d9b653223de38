"""Build the world outline the report's offline map draws (src/newsgraph/data/world.json).

Not a learned component: it converts Natural Earth's 1:110m countries (public domain), as shipped
in the geopandas 0.14.4 wheel (`geopandas/datasets/naturalearth_lowres`), to a compact JSON of
rings rounded to a tenth of a degree. One command rebuilds it:

    pip download geopandas==0.14.4 --no-deps -d /tmp/gp && python training/world_map/build.py /tmp/gp/geopandas-0.14.4-py3-none-any.whl
"""

from __future__ import annotations

import json
import struct
import sys
import zipfile
from pathlib import Path

SHAPES = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
TARGET = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "data" / "world.json"
DECIMALS = 1  # a tenth of a degree (~11 km): finer than a report's map can show


def polygons(shp: bytes) -> list[list[list[tuple[float, float]]]]:
    """Each record's rings (lon, lat) from an ESRI shapefile of polygons."""
    records, offset = [], 100
    while offset < len(shp):
        _, length = struct.unpack(">ii", shp[offset:offset + 8])
        body = shp[offset + 8:offset + 8 + 2 * length]
        offset += 8 + 2 * length
        kind, = struct.unpack("<i", body[:4])
        if kind != 5:
            records.append([])
            continue
        parts, points = struct.unpack("<ii", body[36:44])
        starts = list(struct.unpack(f"<{parts}i", body[44:44 + 4 * parts])) + [points]
        xy = struct.unpack(f"<{2 * points}d", body[44 + 4 * parts:44 + 4 * parts + 16 * points])
        coords = list(zip(xy[0::2], xy[1::2]))
        records.append([coords[a:b] for a, b in zip(starts, starts[1:])])
    return records


def iso3_codes(dbf: bytes) -> list[str]:
    """The `iso_a3` field of every record of a dBase table."""
    count, header, size = struct.unpack("<IHH", dbf[4:12])
    fields, position = [], 32
    while dbf[position] != 0x0D:
        name = dbf[position:position + 11].split(b"\0")[0].decode()
        fields.append((name, dbf[position + 16]))
        position += 32
    start = 1 + sum(width for name, width in fields[:[n for n, _ in fields].index("iso_a3")])
    width = dict(fields)["iso_a3"]
    return [dbf[header + i * size + start:header + i * size + start + width].decode().strip() for i in range(count)]


def simplified(ring: list[tuple[float, float]]) -> list[float]:
    """A ring rounded to DECIMALS with repeated points dropped, flattened to lon, lat, lon, lat..."""
    points: list[tuple[float, float]] = []
    for lon, lat in ring:
        point = (round(lon, DECIMALS), round(lat, DECIMALS))
        if not points or point != points[-1]:
            points.append(point)
    return [value for point in points for value in point] if len(points) >= 4 else []


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as archive:
        shapes = polygons(archive.read(SHAPES + ".shp"))
        codes = iso3_codes(archive.read(SHAPES + ".dbf"))
    countries = []
    for code, rings in zip(codes, shapes):
        flat = [r for r in (simplified(ring) for ring in rings) if r]
        if flat:
            countries.append({"iso3": code, "rings": flat})
    data = {"source": "Natural Earth 1:110m admin 0 countries (public domain), via geopandas 0.14.4",
            "countries": countries}
    TARGET.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    print(f"{TARGET}: {len(countries)} countries, {TARGET.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
