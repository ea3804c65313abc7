"""Markdown pages: one per briefing, and the home page listing them newest first."""
from __future__ import annotations

from jinja2 import Environment

from ..briefing import Briefing, SEVERITIES
from .environment import render


def by_severity(b: Briefing):
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(b.threats, key=lambda t: order.get(t.severity, len(order)))


def briefing_page(env: Environment, b: Briefing, actor_pages: dict[str, str] | None = None,
                  map_svg=None, tags: list[str] | None = None) -> str:
    """The briefing's page; `actor_pages` maps actor names to their pages' slugs."""
    slugs = actor_pages or {}
    links = {a.name: f"../actors/{slugs[a.name]}.md" if a.name in slugs else "" for a in b.actors}
    return render(env, "briefing.md.j2", b=b, threats=by_severity(b), pdf_link=f"../pdf/{b.id}.pdf",
                  actor_links=links, map=map_svg, tags=tags or [])


def briefing_tags(b: Briefing, country_names: dict[str, str]) -> list[str]:
    """Tags for filtering: the countries its places lie in, its highest severity, its key actors."""
    countries = sorted({country_names.get(loc.country, loc.country) for loc in b.locations if loc.country})
    severity = [f"severity: {b.top_severity}"] if b.top_severity else []
    key = [a.name for a in b.actors if a.key][:5]
    return countries + severity + key


def newest_first(briefings: list[Briefing]) -> list[Briefing]:
    """By publication date, newest first; ties (and undated ones, last) by id, so that the
    order never depends on when each briefing happened to be generated."""
    by_id = sorted(briefings, key=lambda b: b.id)
    return sorted(by_id, key=lambda b: b.source.published or "", reverse=True)


def index_page(env: Environment, briefings: list[Briefing]) -> str:
    return render(env, "index.md.j2", briefings=newest_first(briefings))
