"""Schema v1 briefings: upgraded on read, and in place when an analyst edited or reviewed
them, with every value and comment kept."""
from __future__ import annotations

import yaml

from generator.migrate import upgrade, upgrade_file
from generator.schema import problems
from conftest import make_project, run_cli

ARTICLE = "Rebels seize city\n\nRebels seized the city of Idlib on Monday, a spokesman said.\n"


def v1_briefing(root, edit=True, reviewed=False):
    """The briefing the tool writes, turned back into v1 as an earlier version wrote it,
    with an analyst's edits (a changed title, a comment, a note)."""
    run_cli("extract", cwd=root, check=True)
    path = root / "briefings" / "idlib.yaml"
    data = yaml.safe_load(path.read_text())
    data["schema_version"] = 1
    data.pop("bluf", None)
    data["review"].pop("credibility", None)
    for loc in data["locations"]:
        loc.pop("aliases", None)
        loc.pop("resolved", None)
    for t in data["threats"]:
        for key in ("event_type", "sub_event_type", "location", "date", "fatalities", "injured"):
            t.pop(key, None)
    if reviewed:
        data["review"] = {"status": "reviewed", "note": "checked against the wire copy"}
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    if edit:
        text = text.replace(f"title: {data['title']}", "title: Rebels take Idlib  # analyst: sharper headline")
    path.write_text(text)
    return path


def test_upgrade_on_read_fills_every_v2_field():
    v1 = {"schema_version": 1, "id": "x", "title": "T", "review": {"status": "draft"},
          "locations": [{"name": "Idlib", "lat": 35.9, "lon": 36.6}],
          "threats": [{"summary": "s", "category": "bombing", "target": "Idlib", "severity": "high"}]}
    v2 = upgrade(v1)
    assert v1["schema_version"] == 1                     # the input is not changed
    assert v2["schema_version"] == 2 and v2["bluf"] == "" and v2["review"]["credibility"] is None
    assert v2["locations"][0]["resolved"] is True and v2["locations"][0]["aliases"] == []
    t = v2["threats"][0]
    assert (t["event_type"], t["sub_event_type"]) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert t["fatalities"] is None and t["location"] == "" and t["target"] == "Idlib"
    assert list(t) == ["summary", "category", "event_type", "sub_event_type", "target", "location", "date",
                       "fatalities", "injured", "severity"]


def test_an_edited_v1_briefing_is_upgraded_in_place_keeping_the_edit_and_the_comment(tmp_path):
    root = make_project(tmp_path, {"seeds/idlib.txt": ARTICLE})
    path = v1_briefing(root)
    before = yaml.safe_load(path.read_text())
    proc = run_cli("build", cwd=root, check=True)
    assert "upgraded to briefing schema v2 in place" in proc.stderr
    text = path.read_text()
    assert "# analyst: sharper headline" in text and "title: Rebels take Idlib" in text
    after = yaml.safe_load(text)
    assert after["schema_version"] == 2 and not problems(after)
    for key in ("id", "title", "summary", "source", "actors", "quotes"):
        assert after[key] == before[key], key
    assert (root / "briefings" / "idlib.yaml.v1").read_text().startswith("schema_version: 1")
    # Still the analyst's: a later build keeps it, even with --force.
    run_cli("build", "--force", cwd=root, check=True)
    assert path.read_text() == text


def test_a_reviewed_v1_briefing_is_upgraded_and_stays_reviewed(tmp_path):
    root = make_project(tmp_path, {"seeds/idlib.txt": ARTICLE})
    path = v1_briefing(root, edit=False, reviewed=True)
    assert upgrade_file(path)
    after = yaml.safe_load(path.read_text())
    assert after["review"] == {"status": "reviewed", "note": "checked against the wire copy", "credibility": None}
    assert not upgrade_file(path)                        # already v2: nothing to do
