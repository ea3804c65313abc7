"""Briefings of schema v1, upgraded to v2 field by field; nothing an analyst wrote is lost.

On read, a v1 briefing is upgraded in memory (`upgrade`). A v1 briefing an analyst
edited or reviewed is also upgraded in its file (`upgrade_file`): the fields v2 adds
are inserted where they belong, every value and comment already there is kept as it
is (a round-trip YAML editor), and the v1 file is kept beside it as `<slug>.yaml.v1`.
Its digest is left as it was, so the upgraded file still reads as edited and is
never regenerated.

What v2 adds: `bluf`; `review.credibility`; on locations `aliases` and `resolved`;
on threats `event_type` and `sub_event_type` (from the v1 category), `location`,
`date`, `fatalities` and `injured`.
"""
from __future__ import annotations

import copy
import io
import logging
import shutil
from pathlib import Path
from typing import Any

from .fileio import write_atomic

log = logging.getLogger(__name__)

#: v1 threat categories → ACLED event type and sub-event type
CATEGORY_EVENT_TYPES = {
    "bombing": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "air/drone strike": ("Explosions/Remote violence", "Air/drone strike"),
    "armed assault": ("Violence against civilians", "Attack"),
    "abduction": ("Violence against civilians", "Abduction/forced disappearance"),
    "territorial loss": ("Battles", "Non-state actor overtakes territory"),
    "infiltration": ("Strategic developments", "Other"),
    "deployment/escalation": ("Strategic developments", "Headquarters or base established"),
    "threat or warning": ("Strategic developments", "Other"),
    "riot": ("Riots", "Violent demonstration"),
    "protest": ("Protests", "Peaceful protest"),
    "arrest": ("Strategic developments", "Arrests"),
    "sabotage/disruption": ("Strategic developments", "Looting/property destruction"),
}


def upgrade(data: Any) -> Any:
    """v1 data as v2 data (a copy); anything else unchanged."""
    if not isinstance(data, dict) or data.get("schema_version") != 1:
        return data
    new = copy.deepcopy(data)
    _upgrade_in(new)
    return new


def _upgrade_in(data) -> None:
    """Add v2's fields to a mapping (a dict or a round-trip YAML map), in place."""
    _insert_after(data, "title", "bluf", "")
    review = data.get("review")
    if isinstance(review, dict) and "credibility" not in review:
        review["credibility"] = None
    for loc in data.get("locations") or []:
        if isinstance(loc, dict):
            _insert_after(loc, "geonames_id", "aliases", [])
            _insert_after(loc, "aliases", "resolved", loc.get("lat") is not None)
    for threat in data.get("threats") or []:
        if isinstance(threat, dict):
            event_type, sub = CATEGORY_EVENT_TYPES.get(str(threat.get("category", "")), ("", ""))
            _insert_after(threat, "category", "event_type", event_type)
            _insert_after(threat, "event_type", "sub_event_type", sub)
            _insert_after(threat, "target", "location", "")
            _insert_after(threat, "location", "date", "")
            _insert_after(threat, "date", "fatalities", None)
            _insert_after(threat, "fatalities", "injured", None)
    data["schema_version"] = 2


def _insert_after(mapping, after: str, key: str, value) -> None:
    if key in mapping:
        return
    keys = list(mapping.keys())
    if hasattr(mapping, "insert") and after in keys:
        mapping.insert(keys.index(after) + 1, key, value)      # a round-trip map keeps its order
    elif isinstance(mapping, dict) and after in keys:
        items = list(mapping.items())
        at = keys.index(after) + 1
        mapping.clear()
        mapping.update(items[:at] + [(key, value)] + items[at:])
    else:
        mapping[key] = value


def upgrade_file(path: Path) -> bool:
    """Upgrade a v1 briefing file to v2 in place, keeping every value and comment;
    the v1 file is kept beside it. True when the file was upgraded."""
    from ruamel.yaml import YAML

    yaml = YAML()                       # round-trip: comments, order and quoting kept
    yaml.preserve_quotes = True
    yaml.width = 100
    text = path.read_text(encoding="utf-8")
    data = yaml.load(text)
    if not isinstance(data, dict) or data.get("schema_version") != 1:
        return False
    _upgrade_in(data)
    out = io.StringIO()
    yaml.dump(data, out)
    backup = path.with_name(path.name + ".v1")
    if not backup.exists():
        shutil.copy2(path, backup)
    write_atomic(path, out.getvalue())
    return True
