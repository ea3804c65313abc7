"""PDF briefs with WeasyPrint, from the HTML template and the print stylesheet.

The fetcher refuses the network and every file outside the project, so neither an
article nor a hand-edited briefing can make rendering read ``file:///etc/passwd`` or
call a remote server.
"""
from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher

from ..errors import RenderError
from ..fileio import is_within, write_atomic

log = logging.getLogger(__name__)
PAPER_SIZES = ("A4", "letter")


class ProjectOnlyFetcher(URLFetcher):
    """Serves data: URLs and files inside the project; refuses everything else."""

    def __init__(self, root: Path):
        super().__init__(allowed_protocols=("file", "data"))
        self.root = root
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data" or parts.scheme == "file" and is_within(Path(unquote(parts.path)), self.root):
            return super().fetch(url, headers)
        self.refused.append(url)
        raise ValueError(f"refused to fetch {url!r}: briefs only use files inside the project")


def pdf_bytes(html: str, root: Path) -> bytes:
    """Render HTML to PDF with a fetcher that only reads files inside `root`."""
    fetcher = ProjectOnlyFetcher(root)
    try:
        pdf = HTML(string=html, base_url=str(root), url_fetcher=fetcher).write_pdf()
    except Exception as exc:  # WeasyPrint raises many kinds; stop this one brief only
        raise RenderError(f"PDF rendering failed ({exc}); check templates/brief.html.j2") from exc
    for url in fetcher.refused:
        log.warning("refused to fetch %s while rendering a brief", url)
    return pdf


def write_pdf(html: str, out: Path, root: Path) -> None:
    write_atomic(out, pdf_bytes(html, root))
