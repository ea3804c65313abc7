"""PDF briefs and the digest, by what they contain and by how a page looks."""
from __future__ import annotations

import struct
import subprocess
import zlib
from pathlib import Path

from pypdf import PdfReader

from conftest import REPO, SEED, make_project, run_cli
from test_build import articles, briefing, norm, pdf_text


def test_a_brief_page_renders_to_a_real_image(built, tmp_path):
    pdf = built / "site" / "pdf" / f"{SEED.stem}.pdf"
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
    png = next(tmp_path.glob("p*.png"))
    width, height = struct.unpack(">II", png.read_bytes()[16:24])
    assert (width, height) == (331, 468)                    # A4 at 40 dpi
    (REPO / "test-artifacts").mkdir(exist_ok=True)
    (REPO / "test-artifacts" / "brief-page-1.png").write_bytes(png.read_bytes())
    assert len(png.read_bytes()) > 20_000                   # text, tables and a map, not a blank page


def test_the_digest_has_contents_page_numbers_and_bookmarks(built):
    reader = PdfReader(built / "site" / "pdf" / "digest.pdf")
    text = " ".join((p.extract_text() or "") for p in reader.pages[:3])
    titles = [briefing(built, a)["title"] for a in articles(built)]
    bookmarks = [item.title for item in reader.outline if not isinstance(item, list)]
    for title in titles:
        assert norm(title)[:30] in norm(text)
        assert title in bookmarks
    assert "Contents" in text and f"Page 1 of {len(reader.pages)}" in (reader.pages[0].extract_text() or "")
    html = (built / "site" / "index.html").read_text()
    assert 'href="pdf/digest.pdf"' in html


def test_paper_size_and_marking_are_configurable(tmp_path):
    root = make_project(tmp_path, seed=True)
    run_cli("build", "--paper", "letter", "--marking", "TLP:AMBER", cwd=root, check=True)
    pdf = root / "site" / "pdf" / f"{SEED.stem}.pdf"
    box = PdfReader(pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    text, pages = pdf_text(pdf)
    assert text.count("TLP:AMBER") >= 2 * pages               # header and footer of every page
    assert "TLP:CLEAR" not in text
