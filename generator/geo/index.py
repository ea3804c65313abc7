"""The gazetteer's lookup index: an SQLite file built once per machine and data version.

Building it reads ~300,000 places and 1,000,000 names from the packages (about 15 s);
every later process opens the file and looks names up in it, so a worker starts in
milliseconds and holds only the few hundred names its articles use. The index is
data, never code: a missing, corrupt or foreign file is ignored and built again.
"""
from __future__ import annotations

import functools
import logging
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path

from .place import Place, norm
from .sources import BASE, DATA, curated, entries, tsv, us_state_names, versions

log = logging.getLogger(__name__)
INDEX_VERSION = "7"
COLUMNS = ("id", "name", "country", "lat", "lon", "kind", "feature", "population", "geonames_id",
           "admin1", "admin2", "curated")


def cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefing-generator"


def index_key() -> str:
    """Changes whenever anything the index is built from changes: the data, the packages
    and the code that reads them and normalises names."""
    data = b"".join(p.name.encode() + p.read_bytes() for p in sorted(DATA.glob("*"))
                    if p.suffix in (".tsv", ".yaml", ".gz"))
    data += b"".join(Path(__file__).with_name(code).read_bytes() for code in ("sources.py", "place.py"))
    return sha256(f"{INDEX_VERSION} {versions()}".encode() + data).hexdigest()[:16]


def build_index(path: Path, key: str) -> None:
    """Write the index to `path` (through a temporary file and a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.executescript(f"""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE places (id INTEGER PRIMARY KEY, {", ".join(COLUMNS[1:])});
            CREATE TABLE names (key TEXT, place INTEGER, how INTEGER);
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);""")
        places, names = [], []
        for i, entry in enumerate(entries(), start=1):
            p = entry.place
            places.append((i, p.name, p.country, p.lat, p.lon, p.kind, p.feature, p.population,
                           p.geonames_id, p.admin1, p.admin2, int(p.curated)))
            seen = set()
            for name, how in entry.names:
                k = name_key(name)
                if len(k) >= 2 and (k, how) not in seen and not any(k == s for s, h in seen if h < how):
                    seen.add((k, how))
                    names.append((k, i, how))
        db.executemany(f"INSERT INTO places VALUES ({', '.join('?' * len(COLUMNS))})", places)
        db.executemany("INSERT INTO names VALUES (?, ?, ?)", names)
        db.execute("CREATE INDEX names_key ON names (key)")
        db.execute("INSERT INTO meta VALUES ('key', ?)", (key,))
        db.commit()
        db.close()
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def trie_pattern(names: list[list[str]], between: str) -> str:
    """A regex matching any of `names` (each a list of words, joined by `between`), as a
    trie: alternatives share their prefixes, so the engine tries a few branches at each
    position instead of every name (thousands of curated names, scanned over each
    article). Longer names win, as an alternation sorted longest first would."""
    trie: dict = {}
    for words in names:
        node = trie
        for i, word in enumerate(words):
            for ch in word:
                node = node.setdefault(ch, {})
            if i < len(words) - 1:
                node = node.setdefault(" ", {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = []
        for key in sorted(k for k in node if k):
            head = between if key == " " else re.escape(key)
            branches.append(head + render(node[key]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(trie)


@dataclass(frozen=True)
class Hit:
    place: Place
    how: int          #: PRIMARY, ALTERNATE or BASE (see sources.Entry)


class Gazetteer:
    """Name → candidate places, country and region tables, demonyms."""

    def __init__(self, path: Path):
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        rows = self._query(f"SELECT {', '.join(COLUMNS)} FROM places WHERE feature IN ('PCLI', 'ADM1') OR curated = 1")
        self.countries: dict[str, Place] = {}
        self.admin1: dict[tuple[str, str], Place] = {}       #: (country, region name) → region
        self.curated: list[tuple[str, Place]] = []
        for row in rows:
            place = _place(row)
            if place.feature == "PCLI" and not place.curated:
                self.countries[place.country] = place
            elif place.feature == "ADM1" and not place.curated:
                self.admin1[(place.country, place.admin1)] = place
        capitals: dict[str, Place] = {}
        for row in self._query(f"SELECT {', '.join(COLUMNS)} FROM places WHERE feature = 'PPLC'"):
            place = _place(row)
            if place.country in self.countries and place.population >= getattr(capitals.get(place.country),
                                                                                 "population", -1):
                capitals[place.country] = place
        self.capitals: dict[str, str] = {iso: p.name for iso, p in capitals.items()}
        self._capital_places: dict[str, Place] = {}
        by_name = {p.name: p for (iso, _), p in self.admin1.items() if iso == "US"}
        self.us_states = {code: by_name[name] for code, name in us_state_names().items() if name in by_name}
        # Group adjectives ("Kurdish", "Sunni") have no country: they are demonyms all the same.
        self.demonyms = {norm(row[0]): (row[1] if len(row) > 1 else "") for row in tsv("demonyms.tsv")}
        self._demonym_of: dict[str, str] = {}
        for row in tsv("demonyms.tsv"):
            if len(row) > 1 and not row[0].endswith("s"):
                self._demonym_of.setdefault(row[1], row[0])
        self._curated_rx = None
        self._capital_rx = None

    # --- the database, one connection per process ---------------------------------------

    def _query(self, sql: str, args: tuple = ()) -> list[tuple]:
        if self._db is None or self._pid != os.getpid():
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._db.execute(sql, args).fetchall()

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_db"] = None
        return state

    # --- lookups ---------------------------------------------------------------------------

    @functools.lru_cache(maxsize=1 << 14)
    def hits(self, key: str) -> tuple[Hit, ...]:
        """Every place a normalised name names, its own names first, then the most populous."""
        rows = self._query(f"SELECT {', '.join('p.' + c for c in COLUMNS)}, n.how FROM names n "
                           f"JOIN places p ON p.id = n.place WHERE n.key = ?", (key,))
        hits = [Hit(_place(row[:-1]), row[-1]) for row in rows]
        return tuple(sorted(hits, key=lambda h: (h.how, not h.place.curated, -h.place.population)))

    def lookup(self, name: str, regions_only: bool = False) -> list[Hit]:
        """Candidates for a name as written; with `regions_only`, administrative regions
        named by their base name too ("Borno" in "Borno State")."""
        hits = self.hits(name_key(name))
        if regions_only:
            return [h for h in hits if h.place.is_admin or h.place.feature in ("RGN",)]
        return [h for h in hits if h.how != BASE]

    def candidates(self, name: str) -> list[Place]:
        return [h.place for h in self.lookup(name)]

    def known(self, name: str) -> bool:
        return bool(self.lookup(name))

    def country_of_demonym(self, word: str) -> str:
        return self.demonyms.get(norm(word), "")

    def demonym_of(self, iso: str) -> str:
        """"Serbian" for RS; the country's name where no demonym is listed ("Hong Kong")."""
        return self._demonym_of.get(iso) or (self.countries[iso].name if iso in self.countries else "")

    def is_demonym(self, word: str) -> bool:
        return norm(word) in self.demonyms

    def capital(self, iso: str) -> Place | None:
        if iso not in self._capital_places:
            name = self.capitals.get(iso)
            self._capital_places[iso] = next((p for p in self.candidates(name) if p.country == iso
                                              and p.kind == "city"), None) if name else None
        return self._capital_places[iso]

    def region_of(self, place: Place) -> Place | None:
        """The first-level region that holds a town or district."""
        return self.admin1.get((place.country, place.admin1)) if place.admin1 else None

    # --- patterns scanned over the text ---------------------------------------------------

    def curated_pattern(self) -> re.Pattern:
        """One case-insensitive regex for the curated names (longest first), compiled once:
        they are often written in lower case ("north-eastern Syria"). `curated_form` says
        how the name is spelt, to check the capitals where it has them."""
        if self._curated_rx is None:
            forms = {name.lower(): name for entry in curated() for name, _ in entry.names}
            self._curated_forms = forms
            # Between the words of a name: spaces, hyphens, apostrophes ("Syria's coastal region").
            alternatives = trie_pattern([w.split() for w in forms], r"[\W_]*")
            self._curated_rx = re.compile(rf"(?<![\w-])(?:the\s+)?(?:{alternatives})(?![\w-])", re.I)
        return self._curated_rx

    def curated_form(self, text: str) -> str | None:
        """The curated name `text` matched, as the list spells it."""
        self.curated_pattern()
        return self._curated_forms.get(re.sub(r"[\W_]+", " ", text.lower()).strip()) or \
            next((f for k, f in self._curated_forms.items() if norm(k) == norm(text)), None)

    def capital_pattern(self) -> re.Pattern:
        """One case-sensitive regex for the national capitals' names, compiled once."""
        if self._capital_rx is None:
            names = sorted({c for c in self.capitals.values() if c and c not in AMBIGUOUS_CAPITALS},
                           key=len, reverse=True)
            self._capital_rx = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, names))})(?![\w-])")
        return self._capital_rx


def name_key(name: str) -> str:
    """The lookup key of a name: its normalised words, and a final dot when the name is an
    abbreviation that has one ("Mass." is Massachusetts, "Mass" is not)."""
    key = norm(name)
    return key + "." if key and name.rstrip().endswith(".") and len(key.replace(" ", "")) <= 5 else key


def _place(row: tuple) -> Place:
    (id_, name, country, lat, lon, kind, feature, population, geonames_id, admin1, admin2, curated) = row
    return Place(name, country, lat, lon, kind, feature, population or 0, geonames_id, admin1 or "",
                 admin2 or "", bool(curated), id_)


# Capitals that are also common words, first names or metonyms for a government.
AMBIGUOUS_CAPITALS = {"Male", "Victoria", "Kingston", "Washington", "Georgetown", "Hamilton",
                      "Stanley", "Praia", "Avarua", "Roseau", "Castries", "Basseterre", "Belmopan",
                      "Saint John's", "Road Town", "The Valley", "Plymouth", "Jamestown", "Adamstown",
                      "Kingstown", "Philipsburg", "Marigot", "Gustavia", "Douglas", "Saint Helier",
                      "Saint Peter Port", "Charlotte Amalie", "Nuuk", "Funafuti", "Apia", "Alofi",
                      "Palikir", "Yaren", "Melekeok", "Honiara", "Port Vila"}


def _valid(path: Path, key: str) -> bool:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'key'").fetchone()
        finally:
            db.close()
        return bool(row) and row[0] == key
    except sqlite3.Error:
        return False


def ensure_index() -> Path:
    """The index file of this machine, built the first time it is needed. A build calls
    this before it starts worker processes, so that they do not each build it."""
    key = index_key()
    path = cache_dir() / f"gazetteer-{key}.sqlite"
    if not _valid(path, key):
        log.info("building the gazetteer index (once per machine; about 15 s)")
        try:
            build_index(path, key)
            for old in path.parent.glob("gazetteer-*.sqlite"):
                if old != path:
                    old.unlink(missing_ok=True)     # an index of older data: never read again
        except OSError:
            # A read-only cache folder: build a private copy for this process.
            path = Path(tempfile.mkdtemp(prefix="briefing-gazetteer-")) / "gazetteer.sqlite"
            build_index(path, key)
    return path


@functools.cache
def gazetteer() -> Gazetteer:
    """The gazetteer of this machine."""
    return Gazetteer(ensure_index())
