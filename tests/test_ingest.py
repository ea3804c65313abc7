"""Ingest: plain text with captions, Markdown front matter, HTML, and bad input."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import InputError
from generator.ingest import Limits, read_article
from conftest import SEED


def read(tmp_path: Path, name: str, content: str | bytes, **kw):
    path = tmp_path / "seeds" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return read_article(path, tmp_path, **kw)


def test_seed_headline_body_and_captions():
    article = read_article(SEED, SEED.parent.parent)
    assert article.title == "Russia, Iran sending military forces to save Assad's regime"
    assert article.path == "seeds/seed-russia-iran-assad.txt"
    assert len(article.body) == len(article.text)
    assert "photo credit" not in article.body
    assert "Victory Day parade" not in article.body      # caption lines are not body
    assert "An Iranian Islamic Republican Guards Corp force" in article.body


def test_markdown_front_matter(tmp_path):
    a = read(tmp_path, "a.md", "---\ntitle: Drone strike hits base\npublished: 2020-01-03\n"
             "source: Wikinews\nurl: https://example.org/a\nauthor: A. Writer\n---\n\nThe body text.\n")
    assert (a.title, a.published, a.source_name, a.url, a.author) == (
        "Drone strike hits base", "2020-01-03", "Wikinews", "https://example.org/a", "A. Writer")
    assert "title:" not in a.body and "The body text." in a.body


def test_html_article(tmp_path):
    html = ("<html><head><title>Troops enter the city</title>"
            '<meta name="date" content="2020-02-01"></head><body><article><h1>Troops enter the city</h1>'
            + "".join(f"<p>Paragraph {i} says government troops entered the northern city on Monday "
                      f"after days of heavy fighting with rebel forces.</p>" for i in range(4))
            + "</article></body></html>")
    a = read(tmp_path, "a.html", html)
    assert a.title == "Troops enter the city"
    assert "heavy fighting" in a.body


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", "", "the file is empty"),
    ("blank.txt", "  \n\t\n", "the file is empty"),
    ("binary.txt", b"\x00\x01\x02PNG", "is a binary file"),
    ("head.txt", "Only a headline\n", "has a headline but no body text"),
    ("bad.md", "---\ntitle: [x\n---\nBody\n", "malformed YAML front matter"),
    ("a.pdf", "x", "unsupported file type '.pdf'"),
])
def test_bad_input_is_named_with_the_fix(tmp_path, name, content, message):
    with pytest.raises(InputError) as err:
        read(tmp_path, name, content)
    assert str(err.value).startswith(f"seeds/{name}: ")
    assert message in str(err.value)


def test_windows_1252_is_read_with_a_warning(tmp_path):
    a = read(tmp_path, "cp.txt", "Headline\n\nThe minister\x92s \x93warning\x94.\n".encode("latin-1"))
    assert "minister’s “warning”" in a.text
    assert a.warnings and "read as Windows-1252" in a.warnings[0]


def test_size_limit_is_clear(tmp_path):
    with pytest.raises(InputError, match="over the 100-byte limit; split the article or raise --max-bytes"):
        read(tmp_path, "big.txt", "Headline\n\n" + "word " * 100, limits=Limits(max_bytes=100))
