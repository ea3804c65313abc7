"""The HTML of a PDF brief: the template, the print stylesheet and the paper size."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

from ..briefing import Briefing
from ..sources import CREDIBILITY, Grade
from .environment import render
from .pages import by_severity, newest_first
from .views import briefing_map


def _css(templates: Path, paper: str) -> str:
    return (templates / "brief.css").read_text(encoding="utf-8") + f"\n@page {{ size: {paper}; }}\n"


def brief_html(env: Environment, b: Briefing, templates: Path, marking: str, paper: str,
               grade: Grade = Grade("F")) -> str:
    return render(env, "brief.html.j2", b=b, threats=by_severity(b), map=briefing_map(b),
                  css=_css(templates, paper), marking=marking, grade=grade, credibility=CREDIBILITY)


def digest_pdf(env: Environment, briefings: list[Briefing], pdfs: dict[str, bytes], templates: Path,
               marking: str, paper: str, generated: str, root: Path, title: str = "Briefing digest") -> bytes:
    """Every brief in one PDF: a cover with contents (page numbers), then the briefs as
    already rendered, each with a bookmark. Appending rendered briefs, rather than laying
    everything out again, keeps the digest fast and its memory small at any size."""
    from io import BytesIO

    from pypdf import PdfReader, PdfWriter

    from .pdf import pdf_bytes
    ordered = [b for b in newest_first(briefings) if b.id in pdfs]
    readers = [PdfReader(BytesIO(pdfs[b.id])) for b in ordered]

    def front(first_pages: list[int]) -> bytes:
        items = list(zip(ordered, first_pages))
        return pdf_bytes(render(env, "digest.html.j2", items=items, css=_css(templates, paper),
                                marking=marking, generated=generated, title=title), root)

    # Lay out the front matter once to learn its length, then number the contents from it.
    lead = len(PdfReader(BytesIO(front([0] * len(ordered)))).pages)
    starts, page = [], lead + 1
    for reader in readers:
        starts.append(page)
        page += len(reader.pages)
    writer = PdfWriter()
    writer.append(BytesIO(front(starts)))
    for b, reader, start in zip(ordered, readers, starts):
        writer.append(reader, outline_item=b.title)
    writer.add_metadata({"/Title": title})
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
