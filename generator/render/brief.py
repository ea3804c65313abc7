"""The HTML of a PDF brief: the template, the print stylesheet and the paper size."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

from ..briefing import Briefing
from .environment import render
from .pages import by_severity, newest_first
from .views import briefing_map


def _css(templates: Path, paper: str) -> str:
    return (templates / "brief.css").read_text(encoding="utf-8") + f"\n@page {{ size: {paper}; }}\n"


def brief_html(env: Environment, b: Briefing, templates: Path, marking: str, paper: str) -> str:
    return render(env, "brief.html.j2", b=b, threats=by_severity(b), map=briefing_map(b),
                  css=_css(templates, paper), marking=marking)


def digest_html(env: Environment, briefings: list[Briefing], templates: Path, marking: str,
                paper: str, generated: str) -> str:
    """Every briefing in one document: a cover, contents with page numbers, bookmarks."""
    items = [(b, by_severity(b), briefing_map(b)) for b in newest_first(briefings)]
    return render(env, "digest.html.j2", items=items, css=_css(templates, paper), marking=marking,
                  generated=generated)
