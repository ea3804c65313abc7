"""The HTML of a PDF brief: the template, the print stylesheet and the paper size."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

from ..briefing import Briefing
from .environment import render
from .pages import by_severity


def brief_html(env: Environment, b: Briefing, templates: Path, marking: str, paper: str) -> str:
    css = (templates / "brief.css").read_text(encoding="utf-8") + f"\n@page {{ size: {paper}; }}\n"
    return render(env, "brief.html.j2", b=b, threats=by_severity(b), css=css, marking=marking)
