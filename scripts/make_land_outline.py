"""Make data/map/land_east_asia.json from Natural Earth land outlines (no national borders).

Source: the npm package world-atlas 2.0.2 (Natural Earth 4.1.0, 1:50m land, as TopoJSON).
Fetch it once with `npm pack world-atlas@2.0.2` and pass the unpacked land-50m.json:

    python scripts/make_land_outline.py path/to/package/land-50m.json

Only land rings that reach into the map's window are kept, and coordinates are rounded to
0.01 degree, which keeps the committed file small. The land layer has no borders at all, so the
map takes no side on disputed boundaries.
"""
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "map" / "land_east_asia.json"
WINDOW = (70.0, 15.0, 135.0, 55.0)   # lon_min, lat_min, lon_max, lat_max


def decode_arcs(topology):
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:       # quantized and delta-encoded
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arc_ids, arcs):
    points = []
    for i in arc_ids:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def in_window(points):
    lon0, lat0, lon1, lat1 = WINDOW
    return any(lon0 <= x <= lon1 and lat0 <= y <= lat1 for x, y in points)


def main(path):
    topology = json.loads(Path(path).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    rings = []
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            outer = ring(polygon[0], arcs)     # holes (lakes) are dropped: not needed here
            if in_window(outer):
                rings.append([[round(x, 2), round(y, 2)] for x, y in outer])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({
        "source": "Natural Earth 4.1.0 land, 1:50m, public domain, via the npm package "
                  "world-atlas 2.0.2 (ISC licence, Michael Bostock)",
        "window": WINDOW,
        "rings": rings,
    }, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT.name}: {len(rings)} rings, {sum(map(len, rings))} points")


if __name__ == "__main__":
    main(sys.argv[1])
