"""The briefing (schema v2), declared once as typed objects.

Each field's type comes from its annotation and its constraints and meaning from its
metadata (`spec`); `schema.py` generates the JSON Schema from these declarations
(`make schema` writes it to briefing.schema.json for other tools) and validates every
briefing against it when it is written and when it is read. `migrate.py` upgrades
briefings of schema v1.
"""
from __future__ import annotations

import functools
from dataclasses import MISSING, asdict, dataclass, field, fields
from typing import Any

SCHEMA_VERSION = 2
ACTOR_TYPES = ("person", "organization", "state", "armed_group", "group")
LOCATION_KINDS = ("country", "region", "city", "place")


def specificity(kind: str) -> int:
    """How narrow a location kind is, for "the most specific place": a place (a site) 0,
    a city 1, a region 2, a country 3; an unknown kind counts as a region."""
    return {"place": 0, "city": 1, "region": 2, "country": 3}.get(kind, 2)

SEVERITIES = ("high", "medium", "low")
REVIEW_STATUSES = ("draft", "reviewed")
#: ACLED's event types, with their sub-event types (the ACLED codebook)
EVENT_TYPES = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}


def spec(doc: str, default: Any = MISSING, **json: Any):
    """A field with its meaning (`doc`) and JSON Schema constraints (`json`: enum,
    pattern, minLength, minimum, maximum, maxItems)."""
    meta = {"doc": doc, "json": json}
    if isinstance(default, (list, dict)):
        return field(default_factory=lambda: type(default)(default), metadata=meta)
    return field(default=default, metadata=meta)


@dataclass
class Evidence:
    """A span of the article: ``text == file_text[start:end]``."""
    text: str = spec("the words of the article the item rests on")
    start: int = spec("offset of the first character in the article as read from its file", minimum=0)
    end: int = spec("offset just past the last character", minimum=0)


@dataclass
class Source:
    file: str = spec("the input's path relative to the project, e.g. seeds/x.txt", minLength=1)
    sha256: str = spec("digest of the input's bytes", pattern="^[0-9a-f]{64}$")
    name: str = spec("publication or site name", "")
    url: str = spec("address of the article", "")
    published: str = spec("publication date, ISO 8601, when known", "")


@dataclass
class Generated:
    at: str = spec("ISO 8601 time of extraction (UTC)", minLength=1)
    by: str = spec("tool name and version", minLength=1)
    model: str = spec("language model name and version", minLength=1)
    digest: str = spec("sha256 of the briefing as the tool wrote it; differs once edited", "")


@dataclass
class Review:
    status: str = spec("draft or reviewed; a reviewed briefing is never regenerated", "draft",
                       enum=list(REVIEW_STATUSES))
    note: str = spec("the analyst's note", "")
    credibility: int | None = spec("information credibility on the Admiralty scale, 1 (confirmed) to 6 "
                                   "(cannot be judged), given by an analyst", None, minimum=1, maximum=6)


@dataclass
class Actor:
    name: str = spec("canonical name", minLength=1)
    type: str = spec("person | organization | state | armed_group | group", enum=list(ACTOR_TYPES))
    role: str = spec("title or function the text gives ('Quds Force commander')", "")
    affiliation: str = spec("the state or body the actor belongs to", "")
    aliases: list[str] = spec("other forms the text uses", [])
    mentions: int = spec("how many times the text names the actor", 0, minimum=0)
    key: bool = spec("one of the story's main actors", False)
    evidence: list[Evidence] = spec("where the text names the actor", [])


@dataclass
class Location:
    name: str = spec("the place's name", minLength=1)
    country: str = spec("ISO 3166-1 alpha-2", "", pattern="^([A-Z]{2})?$")
    lat: float | None = spec("latitude", None, minimum=-90, maximum=90)
    lon: float | None = spec("longitude", None, minimum=-180, maximum=180)
    kind: str = spec("country | region | city | place", "place", enum=list(LOCATION_KINDS))
    geonames_id: int | None = spec("GeoNames id, when the place has one", None)
    aliases: list[str] = spec("other forms the text uses", [])
    resolved: bool = spec("false: the gazetteer does not know it; lat/lon are those of the place "
                          "the text puts it in, if any", True)
    mentions: int = spec("how many times the text names the place", 0, minimum=0)
    key: bool = spec("one of the story's main places", False)
    evidence: list[Evidence] = spec("where the text names the place", [])


@dataclass
class Threat:
    summary: str = spec("the incident in a sentence of the article", minLength=1)
    category: str = spec("the project's kind of threat (bombing, armed assault, ...)", minLength=1)
    event_type: str = spec("ACLED event type", "", enum=["", *EVENT_TYPES])
    sub_event_type: str = spec("ACLED sub-event type", "",
                               enum=["", *sorted({s for subs in EVENT_TYPES.values() for s in subs})])
    actor: str = spec("who poses the threat ('' when the text names nobody)", "")
    blamed: bool = spec("the text only blames the actor (attributes the act to them) and never shows them "
                        "doing or claiming it", False)
    target: str = spec("what or whom it threatens", "")
    location: str = spec("where it happens: the name of one of the briefing's locations", "")
    date: str = spec("when it happens, ISO 8601, when the text gives it (a year or a month alone where it "
                     "gives no day)", "")
    fatalities: int | None = spec("people killed, the lowest figure the text states", None, minimum=0)
    injured: int | None = spec("people injured, the lowest figure the text states", None, minimum=0)
    severity: str = spec("high | medium | low (the rule: README)", "low", enum=list(SEVERITIES))
    evidence: list[Evidence] = spec("every sentence that tells the incident", [])


@dataclass
class Quote:
    text: str = spec("the quotation without its quotation marks", minLength=1)
    speaker: str = spec("who said it: a name where the text names them, else a description", "")
    cue: str = spec("the verb that attributes it ('said')", "")
    evidence: list[Evidence] = spec("where the quotation stands", [])


@dataclass
class Briefing:
    schema_version: int = spec("the schema's version", SCHEMA_VERSION, const=SCHEMA_VERSION)
    id: str = spec("the slug: lower-case letters, digits, hyphens; equals the file name", "",
                   pattern="^[a-z0-9][a-z0-9-]{0,99}$")
    title: str = spec("the headline", "", minLength=1)
    bluf: str = spec("bottom line up front: one sentence built from the most severe incident's "
                     "fields (generated)", "")
    summary: list[str] = spec("3–5 key points, sentences of the article", [], maxItems=5, itemMinLength=1)
    source: Source = spec("the article", None)
    generated: Generated = spec("how the briefing was made", None)
    review: Review = spec("the analyst's review", None)
    actors: list[Actor] = spec("people, bodies, states and groups", [])
    locations: list[Location] = spec("places named, resolved to coordinates", [])
    threats: list[Threat] = spec("incidents and stated threats", [])
    quotes: list[Quote] = spec("direct quotations with their speakers", [])

    def __post_init__(self):
        if self.review is None:
            self.review = Review()

    def to_dict(self) -> dict[str, Any]:
        """Plain data in a stable, readable key order for YAML."""
        data = asdict(self)
        return {f.name: data[f.name] for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Briefing":
        """Build from data already validated against the schema."""
        return _build(cls, data)

    @property
    def top_severity(self) -> str:
        """The highest severity among the threats, or "" when there are none."""
        for level in SEVERITIES:
            if any(t.severity == level for t in self.threats):
                return level
        return ""


#: the top-level fields every briefing file must have
REQUIRED = ("schema_version", "id", "title", "summary", "source", "generated", "review",
            "actors", "locations", "threats", "quotes")


def _build(kind, data: dict[str, Any]):
    values = {}
    for name, hint, item in _shape(kind):
        if name not in data:
            continue
        value = data[name]
        if item is not None and hasattr(item, "__dataclass_fields__"):
            value = [_build(item, v) for v in value or []]
        elif hasattr(hint, "__dataclass_fields__") and isinstance(value, dict):
            value = _build(hint, value)
        elif item is not None:
            value = list(value or [])
        values[name] = value
    return kind(**values)


@functools.cache
def _shape(kind) -> tuple[tuple[str, Any, Any], ...]:
    """(field name, type, list item type or None) of a dataclass, worked out once."""
    import typing
    hints = typing.get_type_hints(kind)
    return tuple((f.name, hints[f.name], typing.get_args(hints[f.name])[0]
                  if typing.get_origin(hints[f.name]) is list else None) for f in fields(kind))
