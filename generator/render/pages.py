"""Markdown pages: one per briefing; the order briefings are listed in."""
from __future__ import annotations

from datetime import date

from jinja2 import Environment

from ..briefing import Briefing, SEVERITIES
from ..dates import parse_date
from ..sources import CREDIBILITY, Grade
from .environment import render


def by_severity(b: Briefing):
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(b.threats, key=lambda t: order.get(t.severity, len(order)))


def briefing_page(env: Environment, b: Briefing, actor_pages: dict[str, str] | None = None,
                  map_html=None, grade: Grade = Grade("F"), marking: str = "TLP:CLEAR", with_pdf: bool = True) -> str:
    """The briefing's page; `actor_pages` maps actor names to their pages' slugs."""
    slugs = actor_pages or {}
    links = {a.name: f"../actors/{slugs[a.name]}.md" if a.name in slugs else "" for a in b.actors}
    return render(env, "briefing.md.j2", b=b, threats=by_severity(b), pdf_link=f"../pdf/{b.id}.pdf",
                  actor_links=links, map=map_html, grade=grade, credibility=CREDIBILITY, marking=marking,
                  with_pdf=with_pdf)


def published(b: Briefing) -> date | None:
    """The briefing's publication date (a hand-edited one may be written in words)."""
    return parse_date(b.source.published)


def newest_first(briefings: list[Briefing]) -> list[Briefing]:
    """By publication date, newest first; ties (and undated ones, last) by id, so that the
    order never depends on when each briefing happened to be generated."""
    by_id = sorted(briefings, key=lambda b: b.id)
    return sorted(by_id, key=lambda b: published(b) or date.min, reverse=True)
