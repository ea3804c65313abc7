"""Property-based tests: random text, bytes and briefings never crash the tool."""
from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings, strategies as st

from generator.article import Article
from generator.briefing import ACTOR_TYPES, SEVERITIES, Briefing
from generator.errors import BriefingError, InputError
from generator.ingest import read_article
from generator.render.environment import markdown_env
from generator.render.pages import briefing_page
from generator.schema import validate
from conftest import REPO

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
hostile = st.sampled_from(["<script>alert(1)</script>", "{{ 7*7 }}", "{% if x %}", "[a](javascript:x)",
                           "# heading", "| a | b |", "<img src=x onerror=y>", "---\nkey: v", "\\", "`code`"])
words = st.lists(st.one_of(text, hostile), min_size=1, max_size=4).map(" ".join)


@SETTINGS
@given(content=st.one_of(text, st.binary(max_size=400)), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_ingest_reads_or_explains(tmp_path_factory, content, suffix):
    root = tmp_path_factory.mktemp("ingest")
    path = root / f"a{suffix}"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    try:
        article = read_article(path, root)
    except InputError as exc:
        assert str(exc).startswith(f"a{suffix}: ")
        return
    assert len(article.body) == len(article.text) and article.title


@SETTINGS
@given(body=words)
def test_extract_never_crashes_and_evidence_points_into_the_text(extractor, body):
    text = f"Headline\n\n{body}\n"
    article = Article(path="seeds/a.txt", slug="a", title="Headline", text=text, body=text,
                      sha256="0" * 64, headline=(0, 8))
    briefing = extractor.extract(article)
    validate(briefing.to_dict(), "a.yaml")
    for item in [*briefing.actors, *briefing.locations, *briefing.threats, *briefing.quotes]:
        for ev in item.evidence:
            assert text[ev.start:ev.end] == ev.text


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
                           lambda children: st.lists(children, max_size=3)
                           | st.dictionaries(st.text(max_size=10), children, max_size=4), max_leaves=12)


@SETTINGS
@given(data=st.dictionaries(st.sampled_from(["id", "title", "summary", "source", "generated", "actors",
                                             "threats", "schema_version", "review", "x"]), json_values))
def test_validate_accepts_or_explains_any_data(data):
    try:
        validate(data, "b.yaml")
    except BriefingError as exc:
        assert exc.problems and all(isinstance(p, str) for p in exc.problems)


slug = st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=12)
evidence = st.lists(st.fixed_dictionaries({"text": words, "start": st.integers(0, 99), "end": st.integers(0, 99)}),
                    max_size=2)


@SETTINGS
@given(data=st.fixed_dictionaries({
    "schema_version": st.just(2), "id": slug, "title": words.filter(str.strip), "bluf": words,
    "summary": st.lists(words.filter(str.strip), max_size=5),
    "source": st.fixed_dictionaries({"file": st.just("seeds/a.txt"), "sha256": st.just("0" * 64),
                                     "url": st.one_of(words, st.just("javascript:alert(1)"))}),
    "generated": st.fixed_dictionaries({"at": st.just("2026-01-01"), "by": st.just("g"), "model": words.filter(str.strip)}),
    "review": st.just({"status": "draft"}),
    "actors": st.lists(st.fixed_dictionaries({"name": words.filter(str.strip), "type": st.sampled_from(ACTOR_TYPES),
                                              "role": words, "evidence": evidence}), max_size=3),
    "locations": st.just([]),
    "threats": st.lists(st.fixed_dictionaries({"summary": words.filter(str.strip), "category": words.filter(str.strip),
                                               "actor": words, "severity": st.sampled_from(SEVERITIES),
                                               "evidence": evidence}), max_size=3),
    "quotes": st.lists(st.fixed_dictionaries({"text": words.filter(str.strip), "speaker": words}), max_size=3),
}))
def test_any_valid_briefing_renders_without_executing_its_text(data):
    briefing: Briefing = validate(data, "b.yaml")
    page = briefing_page(markdown_env(REPO / "templates"), briefing)
    assert "<script" not in page and "<img" not in page
    body = page.split("\n---\n", 1)[1]          # after the YAML front matter
    assert "](javascript:" not in body
    assert "49" not in page or "49" in str(data)        # {{ 7*7 }} is never evaluated
