"""End to end through the real CLI on the seed and the dev articles."""
from __future__ import annotations

import re
import subprocess
from html import unescape
from pathlib import Path

import yaml
from pypdf import PdfReader

from conftest import DEV, run_cli


def articles(root: Path) -> list[Path]:
    return sorted((root / "seeds").glob("*.txt"))


def briefing(root: Path, article: Path) -> dict:
    return yaml.safe_load((root / "briefings" / f"{article.stem}.yaml").read_text(encoding="utf-8"))


def page_text(path: Path) -> str:
    """The visible text of a built HTML page."""
    html = path.read_text(encoding="utf-8")
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def pdf_text(path: Path) -> tuple[str, int]:
    reader = PdfReader(path)
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages), len(reader.pages)


def norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def test_build_summary_line(built):
    last = built.joinpath("build.log").read_text().strip().splitlines()[-1]
    n = len(articles(built))
    assert last.startswith(f"Built {n} article"), last
    assert f"{n} extracted" in last


def test_every_briefing_validates(built):
    proc = run_cli("validate", "briefings", cwd=built, check=True)
    assert f"{len(articles(built))} briefing(s) checked, 0 problem(s)" in proc.stderr


def test_evidence_points_into_the_article(built):
    for article in articles(built):
        text = article.read_text(encoding="utf-8")
        data = briefing(built, article)
        spans = [ev for field in ("actors", "locations", "threats", "quotes")
                 for item in data[field] for ev in item["evidence"]]
        assert spans, article.name
        for ev in spans:
            assert text[ev["start"]:ev["end"]] == ev["text"]


def test_pages_show_actors_threats_and_quotes(built):
    for article in articles(built):
        data = briefing(built, article)
        text = norm(page_text(built / "site" / "briefings" / f"{article.stem}.html"))
        assert norm(data["title"]) in text
        for actor in data["actors"]:
            assert norm(actor["name"]) in text, actor["name"]
        for threat in data["threats"]:
            assert norm(threat["evidence"][0]["text"])[:60] in text
            assert threat["severity"].upper() in text
            if threat["actor"] and threat["blamed"]:      # only blamed: the page says so
                assert f"{norm(threat['actor'])} (blamed by others, not shown acting)" in text
        for quote in data["quotes"]:
            assert norm(quote["text"])[:60] in text
        assert "Download PDF" in text
        assert data["generated"]["model"] in text


def test_pdfs_hold_title_quote_and_page_numbers(built):
    for article in articles(built):
        data = briefing(built, article)
        text, pages = pdf_text(built / "site" / "pdf" / f"{article.stem}.pdf")
        assert pages >= 1
        assert norm(data["title"])[:40] in norm(text)
        assert f"Page 1 of {pages}" in text
        assert "TLP:CLEAR" in text
        if data["quotes"]:
            assert norm(data["quotes"][0]["text"])[:40] in norm(text)


def test_pdf_fonts_are_embedded(built):
    out = subprocess.run(["pdffonts", str(next((built / "site" / "pdf").glob("*.pdf")))],
                         capture_output=True, text=True, check=True).stdout
    fonts = out.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts)


def test_home_page_links_every_briefing_and_pdf(built):
    html = (built / "site" / "index.html").read_text(encoding="utf-8")
    for article in articles(built):
        assert f'href="briefings/{article.stem}.html"' in html
        assert f'href="pdf/{article.stem}.pdf"' in html
        assert (built / "site" / "pdf" / f"{article.stem}.pdf").is_file()


def test_site_fetches_nothing_from_the_network(built):
    for page in (built / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        remote = re.findall(r'<(?:script|link|img)\b[^>]*(?:src|href)="(https?://[^"]+)"', html)
        assert not remote, (page, remote)


def test_rebuild_with_nothing_changed_says_so(built):
    proc = run_cli("build", cwd=built, check=True)
    assert "nothing changed" in proc.stderr
    assert " 0 extracted" in proc.stderr


def test_dev_articles_are_in_the_build_when_shared_data_is_present(built):
    if DEV.is_dir():
        assert len(articles(built)) == 7 or len(articles(built)) == len(list(DEV.glob("*.txt")))
