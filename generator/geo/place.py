"""A place of the gazetteer, and the name key every lookup uses."""
from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass

#: what a briefing's location `kind` says: country, a region (state, province, district,
#: county, sea, mountain range...), a populated place, or another named place
KINDS = ("country", "region", "city", "place")
#: finer feature classes, named after GeoNames' codes where one fits
FEATURES = {
    "PCLI": "country", "CONT": "region", "ADM1": "region", "ADM2": "region", "RGN": "region",
    "SEA": "region", "STRT": "region", "GULF": "region", "STM": "region", "MTS": "region",
    "LK": "region", "ISL": "region", "PPLC": "city", "PPLA": "city", "PPL": "city",
    "CAMP": "place", "BCRS": "place", "AIRP": "place", "FCL": "place", "OILF": "place",
}
#: first- and second-level administrative regions: what "X Province" or "X County" names
ADMIN = ("ADM1", "ADM2")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str                  #: ISO 3166-1 alpha-2, "" for places across borders
    lat: float | None
    lon: float | None
    kind: str                     #: country | region | city | place
    feature: str = "PPL"          #: PCLI, ADM1, ADM2, PPLC, PPL, CONT, SEA, ... (see FEATURES)
    population: int = 0           #: people living there (regions: the sum of their towns)
    geonames_id: int | None = None
    admin1: str = ""              #: the first-level region that holds it (its name)
    admin2: str = ""              #: the second-level region that holds it (its name)
    curated: bool = False         #: from the project's own list (data/places.yaml)
    id: int = 0                   #: row in the index

    @property
    def is_admin(self) -> bool:
        return self.feature in ADMIN


# Letters that Unicode does not decompose into an ASCII base letter.
TRANSLITERATE = str.maketrans({"ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                               "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "ð": "d", "ı": "i",
                               "’": "'", "`": "'", "‘": "'", "ʻ": "'", "ʼ": "'"})
#: abbreviated first words of place names, written either way ("Mt. Pleasant", "St. Louis")
FIRST_WORD = {"mt": "mount", "st": "saint", "ste": "sainte", "ft": "fort", "pt": "point"}


@functools.lru_cache(maxsize=1 << 16)
def norm(name: str) -> str:
    """Lower-case ASCII words: the key for name lookups ("The Hague's" → "hague")."""
    text = unicodedata.normalize("NFKD", name.translate(TRANSLITERATE)).encode("ascii", "ignore").decode()
    text = re.sub(r"'s\b", "", text.lower())
    words = re.findall(r"[a-z0-9]+", text)
    if words and words[0] == "the":
        words = words[1:]
    if len(words) > 1 and words[0] in FIRST_WORD:
        words[0] = FIRST_WORD[words[0]]
    return " ".join(words)


def ascii_fold(text: str) -> str:
    """The text with accents dropped ("Göd" → "God", "Bø" → "Bo")."""
    return unicodedata.normalize("NFKD", text.translate(TRANSLITERATE)).encode("ascii", "ignore").decode()


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points, in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))
