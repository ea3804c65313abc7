"""Validation: the one schema, clear messages with file, line and field."""
from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import yaml

from generator import briefing as model
from generator.schema import SCHEMA_PATH, json_schema
from conftest import make_project, run_cli

VALID = {
    "schema_version": 2, "id": "x", "title": "A title", "summary": ["One point."],
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
    write(tmp_path, "x.yaml", "schema_version: 2\nid: x\ntitle: [unclosed\n")
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


def test_the_schema_file_is_the_one_generated_from_the_declaration():
    # briefing.py is the one declaration; the JSON file is written from it (make schema).
    assert json.loads(SCHEMA_PATH.read_text()) == json_schema()
    props = json_schema()["properties"]
    assert set(props) == {f.name for f in fields(model.Briefing)}
    assert props["threats"]["items"]["properties"]["severity"]["enum"] == list(model.SEVERITIES)
    assert props["threats"]["items"]["properties"]["fatalities"]["type"] == ["integer", "null"]
    assert props["review"]["properties"]["credibility"]["maximum"] == 6


def test_a_v1_briefing_validates_after_its_upgrade_on_read(tmp_path):
    v1 = json.loads(json.dumps(VALID))
    v1["schema_version"] = 1
    v1["threats"] = [{"summary": "s", "category": "bombing", "severity": "high"}]
    write(tmp_path, "x.yaml", v1)
    proc = run_cli("validate", cwd=tmp_path, check=True)
    assert "0 problem(s)" in proc.stderr
