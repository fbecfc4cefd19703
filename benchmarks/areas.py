"""Control areas: CPU time to build one day's areas and front lines, and the answer's size.

    .venv/bin/python benchmarks/areas.py [--places 500 2000 5000] [--rounds 5]

Generates place states scattered over the front (47–50.5 N, 35–39.5 E, inside the real
Kharkiv, Donetsk, Luhansk and Zaporizhzhia oblast outlines where they fall there), each
held by Russia or Ukraine by the side of a wavy line, with village to city populations,
and prints, per count of places and per view, the best CPU time of `area_map` over the
rounds, the number of areas and front-line pieces, and the size of the GeoJSON.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from datetime import date
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from frontledger.ledger.areas import PlaceSize, area_map, areas_geojson, outline_shapes  # noqa: E402
from frontledger.places.outlines import region_outlines  # noqa: E402
from frontledger.records import PlaceState, SideView  # noqa: E402

DAY = date(2025, 11, 20)
POPULATIONS = (300, 800, 2_000, 5_000, 15_000, 40_000, 150_000)


def states(count: int, seed: int = 7) -> tuple[list[PlaceState], dict[int, int]]:
    rng = random.Random(seed)
    made, sizes = [], {}
    for n in range(count):
        lat, lon = rng.uniform(47.0, 50.5), rng.uniform(35.0, 39.5)
        holder = "RU" if lon > 37.5 + 0.4 * math.sin(lat * 3) else "UA"
        views = [SideView(holder, holder, None, DAY, 2 * n)]
        if rng.random() < 0.2:
            views.append(SideView("UA" if holder == "RU" else "RU",
                                  "UA" if holder == "RU" else "RU", None, DAY, 2 * n + 1))
        status = "contested" if len(views) > 1 else "claimed"
        made.append(PlaceState(f"g:{n + 1}", f"Place {n}", n + 1, None, lat, lon, DAY,
                               tuple(views), status,  # type: ignore[arg-type]
                               None if status == "contested" else holder))
        sizes[n + 1] = rng.choice(POPULATIONS)
    return made, sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--places", type=int, nargs="+", default=[500, 2000, 5000])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    outlines = outline_shapes(region_outlines())
    print(f"{'places':>7} {'view':>9} {'CPU s (best)':>12} {'areas':>6} {'fronts':>6} "
          f"{'GeoJSON KB':>10}")
    for count in args.places:
        made, sizes = states(count)

        def size_of(state: PlaceState, sizes: dict[int, int] = sizes) -> PlaceSize:
            return PlaceSize("populated_place", sizes[state.geonameid or 0])

        for view in ("consensus", "RU"):
            best = math.inf
            for _ in range(args.rounds):
                start = time.process_time()
                found = area_map(made, DAY, view, outlines, size_of=size_of)
                body = orjson.dumps(areas_geojson(found))
                best = min(best, time.process_time() - start)
            print(f"{count:>7} {view:>9} {best:>12.3f} {len(found.areas):>6} "
                  f"{len(found.fronts):>6} {len(body) / 1024:>10.0f}")


if __name__ == "__main__":
    main()
