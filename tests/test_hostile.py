"""Hostile article text stays text on pages and in PDFs, and fetches nothing."""
from __future__ import annotations


from pypdf import PdfReader

from conftest import make_project, run_cli

HOSTILE = """Attack <script>alert(1)</script> {{ 7*7 }} headline

Militants attacked the base near Kabul, the governor said. <img src="http://127.0.0.1:9/trap.png" onerror="alert(2)"> and <iframe src="file:///etc/passwd"></iframe> appeared in the text.
[click](javascript:alert(3)) and {% raw %} and # not a heading and a line
key: value
The governor said: "Militants <b>attacked</b> the base {{ config }} and killed 12 soldiers."
"""


def test_hostile_text_is_shown_literally(tmp_path):
    root = make_project(tmp_path, {"seeds/hostile.txt": HOSTILE})
    run_cli("build", cwd=root, check=True)
    html = (root / "site" / "briefings" / "hostile.html").read_text()
    body = html.split('<article', 1)[1]
    assert "<script>alert(1)" not in body and "&lt;script&gt;alert(1)" in body
    assert "<img src=\"http://127.0.0.1" not in body and "<iframe" not in body
    assert 'href="javascript:' not in html
    assert "{{ 7*7 }}" in body          # never evaluated as a template
    assert "<b>attacked</b>" not in body
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in
                    PdfReader(root / "site" / "pdf" / "hostile.pdf").pages)
    assert "<script>alert(1)</script>" in text and "{{ 7*7 }}" in text


def test_pdf_renderer_refuses_files_outside_the_project_and_the_network(tmp_path):
    from generator.render.pdf import ProjectOnlyFetcher, write_pdf
    html = ('<img src="file:///etc/passwd"><img src="http://127.0.0.1:9/x.png">'
            '<link rel="stylesheet" href="https://example.com/x.css"><p>ok</p>')
    out = tmp_path / "x.pdf"
    write_pdf(html, out, tmp_path)
    assert out.read_bytes().startswith(b"%PDF")
    fetcher = ProjectOnlyFetcher(tmp_path)
    for url in ("file:///etc/passwd", "http://127.0.0.1:9/x.png", "https://example.com/x.css"):
        try:
            fetcher.fetch(url)
        except ValueError as exc:
            assert "refused" in str(exc)
        else:
            raise AssertionError(f"fetched {url}")
