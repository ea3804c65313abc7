"""Markdown pages: one per briefing, and the home page listing them newest first."""
from __future__ import annotations

from jinja2 import Environment

from ..briefing import Briefing, SEVERITIES
from .environment import render


def by_severity(b: Briefing):
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(b.threats, key=lambda t: order.get(t.severity, len(order)))


def briefing_page(env: Environment, b: Briefing) -> str:
    return render(env, "briefing.md.j2", b=b, threats=by_severity(b), pdf_link=f"../pdf/{b.id}.pdf")


def newest_first(briefings: list[Briefing]) -> list[Briefing]:
    return sorted(briefings, key=lambda b: (b.source.published or "", b.generated.at, b.id), reverse=True)


def index_page(env: Environment, briefings: list[Briefing]) -> str:
    return render(env, "index.md.j2", briefings=newest_first(briefings))
