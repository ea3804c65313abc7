"""Validation: the one schema, clear messages with file, line and field."""
from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import yaml

from generator import briefing as model
from generator.schema import SCHEMA_PATH
from conftest import make_project, run_cli

VALID = {
    "schema_version": 1, "id": "x", "title": "A title", "summary": ["One point."],
    "source": {"file": "seeds/x.txt", "sha256": "0" * 64},
    "generated": {"at": "2026-01-01T00:00:00+00:00", "by": "generator 0.1.0", "model": "m 1"},
    "review": {"status": "draft"}, "actors": [], "locations": [], "threats": [], "quotes": [],
}


def write(root: Path, name: str, data) -> Path:
    path = root / "briefings" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False))
    return path


def test_a_valid_briefing_passes(tmp_path):
    write(tmp_path, "x.yaml", VALID)
    proc = run_cli("validate", "briefings", cwd=tmp_path, check=True)
    assert "1 briefing(s) checked, 0 problem(s)" in proc.stderr


def test_a_malformed_briefing_names_file_line_field_and_value(tmp_path):
    bad = json.loads(json.dumps(VALID))
    bad["actors"] = [{"name": "ISIS", "type": "terrorist"}]
    bad["threats"] = [{"summary": "s", "category": "c", "severity": "extreme"}]
    del bad["title"]
    write(tmp_path, "x.yaml", bad)
    proc = run_cli("validate", cwd=tmp_path, check=False)
    out = proc.stdout
    assert "briefings/x.yaml: line" in out
    assert "actors.0.type: 'terrorist' is not one of person, organization, state, armed_group, group" in out
    assert "threats.0.severity: 'extreme' is not one of high, medium, low" in out
    assert "(top level): 'title' is missing; add it" in out


def test_a_yaml_syntax_error_gives_the_line(tmp_path):
    write(tmp_path, "x.yaml", "schema_version: 1\nid: x\ntitle: [unclosed\n")
    proc = run_cli("validate", "briefings/x.yaml", cwd=tmp_path, check=False)
    assert "briefings/x.yaml: line" in proc.stdout and "YAML syntax error" in proc.stdout


def test_evidence_offsets_are_checked_against_the_article(tmp_path):
    make_project(tmp_path, {"seeds/x.txt": "Headline\n\nISIS attacked Damascus.\n"})
    data = json.loads(json.dumps(VALID))
    data["actors"] = [{"name": "ISIS", "type": "armed_group",
                       "evidence": [{"text": "ISIS", "start": 0, "end": 4}]}]
    write(tmp_path, "x.yaml", data)
    proc = run_cli("validate", cwd=tmp_path, check=False)
    assert "actors.0.evidence.0: text 'ISIS' is not at 0–4 of seeds/x.txt" in proc.stdout


def test_schema_file_and_domain_objects_declare_the_same_fields():
    schema = json.loads(SCHEMA_PATH.read_text())
    props = schema["properties"]
    pairs = {model.Briefing: props, model.Source: props["source"]["properties"],
             model.Generated: props["generated"]["properties"], model.Review: props["review"]["properties"],
             model.Actor: props["actors"]["items"]["properties"],
             model.Location: props["locations"]["items"]["properties"],
             model.Threat: props["threats"]["items"]["properties"],
             model.Quote: props["quotes"]["items"]["properties"],
             model.Evidence: schema["$defs"]["evidence"]["items"]["properties"]}
    for cls, declared in pairs.items():
        assert {f.name for f in fields(cls)} == set(declared), cls.__name__
    assert props["actors"]["items"]["properties"]["type"]["enum"] == list(model.ACTOR_TYPES)
    assert props["threats"]["items"]["properties"]["severity"]["enum"] == list(model.SEVERITIES)
