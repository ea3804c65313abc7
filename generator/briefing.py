"""The briefing (schema v1) as typed domain objects.

The same fields are declared for validation in ``briefing.schema.json`` beside this
module; ``tests/test_schema.py`` fails when the two drift apart. Every briefing is
validated against that schema when it is written and when it is read (``schema.py``).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA_VERSION = 1
ACTOR_TYPES = ("person", "organization", "state", "armed_group", "group")
LOCATION_KINDS = ("country", "region", "city", "place")
SEVERITIES = ("high", "medium", "low")
REVIEW_STATUSES = ("draft", "reviewed")


@dataclass
class Evidence:
    """A span of the article: ``text == file_text[start:end]``."""
    text: str
    start: int
    end: int


@dataclass
class Source:
    file: str                 #: the input's path relative to the project, e.g. seeds/x.txt
    sha256: str               #: digest of the input's bytes
    name: str = ""            #: publication or site name
    url: str = ""
    published: str = ""       #: ISO date when known


@dataclass
class Generated:
    at: str                   #: ISO 8601 time of extraction (UTC)
    by: str                   #: tool name and version
    model: str                #: language model name and version
    digest: str = ""          #: sha256 of the briefing as the tool wrote it; differs once edited


@dataclass
class Review:
    status: str = "draft"     #: draft | reviewed; a reviewed briefing is never regenerated
    note: str = ""


@dataclass
class Actor:
    name: str
    type: str                 #: person | organization | state | armed_group | group
    role: str = ""            #: title or function given by the text ("Quds Force commander")
    affiliation: str = ""     #: the state or body the actor belongs to
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    key: bool = False         #: one of the story's main actors
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Location:
    name: str
    country: str = ""         #: ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    kind: str = "place"       #: country | region | city | place
    geonames_id: int | None = None
    aliases: list[str] = field(default_factory=list)   #: other forms the text uses
    resolved: bool = True     #: False: the gazetteer does not know it; lat/lon are those of the region holding it, if any
    mentions: int = 0
    key: bool = False
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Threat:
    summary: str
    category: str
    event_type: str = ""      #: ACLED event type
    sub_event_type: str = ""  #: ACLED sub-event type
    actor: str = ""           #: who poses the threat ("" when the text names nobody)
    target: str = ""          #: what or whom it threatens
    location: str = ""        #: where it happens: the name of one of the briefing's locations
    date: str = ""            #: ISO 8601 date when the text gives one
    fatalities: int | None = None   #: people killed, the lowest figure stated
    injured: int | None = None      #: people injured, the lowest figure stated
    severity: str = "low"     #: high | medium | low
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Quote:
    text: str                 #: without the quotation marks
    speaker: str = ""
    cue: str = ""             #: the verb that attributes it ("said")
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Briefing:
    id: str
    title: str
    source: Source
    generated: Generated
    summary: list[str] = field(default_factory=list)
    review: Review = field(default_factory=Review)
    actors: list[Actor] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    threats: list[Threat] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """Plain data in a stable, readable key order for YAML."""
        data = asdict(self)
        order = ["schema_version", "id", "title", "summary", "source", "generated", "review",
                 "actors", "locations", "threats", "quotes"]
        return {k: data[k] for k in order}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Briefing":
        """Build from data already validated against the schema."""
        def many(kind, items):
            return [_build(kind, item) for item in items or []]
        return cls(
            schema_version=data["schema_version"], id=data["id"], title=data["title"],
            summary=list(data.get("summary") or []),
            source=_build(Source, data["source"]), generated=_build(Generated, data["generated"]),
            review=_build(Review, data.get("review") or {}),
            actors=many(Actor, data.get("actors")), locations=many(Location, data.get("locations")),
            threats=many(Threat, data.get("threats")), quotes=many(Quote, data.get("quotes")),
        )

    @property
    def top_severity(self) -> str:
        """The highest severity among the threats, or "" when there are none."""
        for level in SEVERITIES:
            if any(t.severity == level for t in self.threats):
                return level
        return ""


def _build(kind, data: dict[str, Any]):
    known = {f.name for f in fields(kind)}
    values = {k: v for k, v in data.items() if k in known}
    if "evidence" in values:
        values["evidence"] = [Evidence(**e) for e in values["evidence"] or []]
    return kind(**values)
