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


# --- everything the schema allows renders --------------------------------------------------------

def _from_schema(schema: dict):
    """A strategy for every value `schema` (the subset of JSON Schema the briefing's uses)
    allows: optional properties present or not, nulls, empty lists, long and strange text."""
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kinds = schema.get("type")
    if isinstance(kinds, list):
        return st.one_of(*[_from_schema({**schema, "type": k}) for k in kinds])
    if kinds == "null":
        return st.none()
    if kinds == "boolean":
        return st.booleans()
    if kinds == "integer":
        return st.integers(schema.get("minimum", -10**12), schema.get("maximum", 10**12))
    if kinds == "number":
        return st.floats(schema.get("minimum", -1e12), schema.get("maximum", 1e12), allow_nan=False)
    if kinds == "string":
        if "pattern" in schema:
            return st.from_regex(schema["pattern"], fullmatch=True)
        strange = st.one_of(words, st.text(min_size=300, max_size=2000), st.just("\u202e\u200b" * 50))
        return strange.filter(lambda v: len(v) >= schema.get("minLength", 0))
    if kinds == "array":
        return st.lists(_from_schema(schema["items"]), max_size=min(schema.get("maxItems", 4), 4))
    if kinds == "object":
        props = schema["properties"]
        required = set(schema.get("required", []))
        return st.fixed_dictionaries({k: _from_schema(v) for k, v in props.items() if k in required},
                                     optional={k: _from_schema(v) for k, v in props.items() if k not in required})
    raise AssertionError(f"schema construct not covered: {schema}")


def _schema_briefings():
    from generator.schema import json_schema
    return _from_schema(json_schema())


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=_schema_briefings())
def test_everything_the_schema_allows_renders_through_every_template(data):
    from generator.render.brief import brief_html
    from generator.render.environment import html_env
    from generator.render.exports import data_files, feeds
    from generator.render.views import actor_index, briefing_map, briefing_site_map, render_views
    from generator.sources import Sources
    briefing = validate(data, "b.yaml")
    md = markdown_env(REPO / "templates")
    briefing_page(md, briefing, {}, briefing_site_map(briefing))
    brief_html(html_env(REPO / "templates"), briefing, REPO / "templates", "TLP:CLEAR", "A4")
    briefing_map(briefing)
    render_views(md, [briefing], actor_index([briefing]), {"marking": "TLP:RED", "with_pdf": True})
    feeds([briefing], "", "Briefings", "2026-01-01T00:00:00Z")
    data_files([briefing], "https://example.org/", Sources())
