"""PDF briefs and the digest, by what they contain and by how a page looks."""
from __future__ import annotations

import struct
import subprocess

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


def test_each_months_digest_has_contents_page_numbers_and_bookmarks(built):
    timeline = (built / "site" / "timeline.html").read_text(encoding="utf-8")
    for article in articles(built):
        data = briefing(built, article)
        month = (data["source"]["published"] or "")[:7] or "undated"
        digest = built / "site" / "digest" / f"briefings-{month}.pdf"
        assert f'href="digest/briefings-{month}.pdf"' in timeline
        reader = PdfReader(digest)
        contents = reader.pages[1].extract_text() or ""
        assert "Contents" in contents
        bookmarks = {item.title: reader.get_destination_page_number(item)
                     for item in reader.outline if not isinstance(item, list)}
        title = data["title"]
        assert norm(title)[:30] in norm(contents)
        page = bookmarks[title]                                  # a bookmark per briefing ...
        assert norm(title)[:30] in norm(reader.pages[page].extract_text() or "")
        lines = contents.splitlines()
        at = next(i for i, line in enumerate(lines) if norm(title)[:25] in norm(line))
        nearby = " ".join(lines[at:at + 3]).split()
        assert str(page + 1) in nearby                           # ... and the contents agree


def test_paper_size_and_marking_are_configurable(tmp_path):
    root = make_project(tmp_path, seed=True)
    run_cli("build", "--paper", "letter", "--marking", "TLP:AMBER", cwd=root, check=True)
    pdf = root / "site" / "pdf" / f"{SEED.stem}.pdf"
    box = PdfReader(pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    text, pages = pdf_text(pdf)
    assert text.count("TLP:AMBER") >= 2 * pages               # header and footer of every page
    assert "TLP:CLEAR" not in text
