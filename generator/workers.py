"""Work done per article, in this process or in worker processes.

Each worker loads the language model once (``init_worker``); the functions here
take and return plain picklable values so they can run under a process pool or a
Dask cluster alike.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .article import Article
from .briefing import Briefing
from .errors import GeneratorError

_extractor = None


def init_worker(model: str) -> None:
    global _extractor
    from .extract import Extractor
    _extractor = Extractor(model)


def extractor(model: str = ""):
    if _extractor is None:
        init_worker(model)
    return _extractor


@dataclass
class Extracted:
    article: Article
    briefing: Briefing | None = None
    error: str = ""


def extract_batch(articles: list[Article], model: str = "") -> list[Extracted]:
    """Extract a batch through nlp.pipe (much faster than one call per article)."""
    from .extract.nlp import parse
    ex = extractor(model)
    out = []
    for article, doc in zip(articles, parse(ex.nlp, [a.body for a in articles])):
        try:
            out.append(Extracted(article, ex.from_doc(article, doc)))
        except GeneratorError as exc:
            out.append(Extracted(article, error=str(exc)))
    return out


def render_pdf(html: str, root: Path) -> bytes | str:
    """One PDF as bytes, or the error message; the caller writes it."""
    from .render.pdf import pdf_bytes
    try:
        return pdf_bytes(html, root)
    except GeneratorError as exc:
        return str(exc)
