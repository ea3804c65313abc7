"""Locations: every place the text names, resolved to a gazetteer entry by context.

`place_mentions` finds where the text names a place and why it is one;
`place_resolution` chooses which place each name means. Mentions of one place
become one location, named as the gazetteer names it, with the forms the text uses
as aliases. A place the text names that the gazetteer does not know ("the village
of Kuchlak") is listed all the same, marked unresolved, at the point of the
smallest region the text places it in, or at none: never at a guess.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..briefing import Evidence, Location, specificity
from ..geo import Gazetteer, Place, norm
from .place_mentions import Mention, MentionFinder
from .place_resolution import resolve
from .spans import doc_text, evidence

CAPITAL = re.compile(r"\b(?:the\s+)?([A-Z][a-z]+(?: [A-Z][a-z]+)?) capital\b")
CAPITALISED = re.compile(r"(?<![\w-])[A-Z][A-Za-z]*")


@dataclass
class Group:
    place: Place | None
    name: str
    forms: Counter = field(default_factory=Counter)
    evidence: list[Evidence] = field(default_factory=list)
    kind: str = "place"
    country: str = ""
    at: Place | None = None        #: for an unresolved place, the region the text puts it in


def find_locations(doc: Doc, gaz: Gazetteer, headline_end: int, actor_forms: set[str] | None = None
                   ) -> list[Location]:
    text = doc_text(doc)
    finder = MentionFinder(doc, gaz, actor_forms or set())
    mentions = finder.find()
    demonyms = Counter()
    for m in CAPITALISED.finditer(text):
        iso = gaz.country_of_demonym(m.group(0))
        if iso:
            demonyms[iso] += 1
    groups: dict[tuple, Group] = {}
    choices = resolve(mentions, gaz, demonyms, finder.in_names)
    chosen = {id(c.mention): c.place for c in choices}
    for choice in choices:
        m, place = choice.mention, choice.place
        if place is not None:
            group = groups.setdefault(("place", place.id), Group(place, place.name, kind=place.kind,
                                                                  country=place.country))
        else:
            group = groups.setdefault(("unresolved", norm(m.form)), Group(None, m.form, kind=m.kind_hint or "place"))
            holder = _named_inside(m, choices) or _holder(m, chosen)
            if holder is not None and group.at is None:
                group.at, group.country = holder, holder.country
        group.forms[m.form] += 1
        group.evidence.append(evidence(text, m.start, m.end))
    # "the Syrian capital": the capital of the demonym's country.
    for m in CAPITAL.finditer(text):
        iso = gaz.country_of_demonym(m.group(1))
        capital = gaz.capital(iso) if iso else None
        if capital is not None:
            group = groups.setdefault(("place", capital.id), Group(capital, capital.name, kind="city",
                                                                    country=capital.country))
            group.forms[m.group(0).removeprefix("the ")] += 1
            group.evidence.append(Evidence(m.group(0), m.start(), m.end()))
    return sorted((_location(g, headline_end) for g in groups.values()),
                  key=lambda loc: (-loc.mentions, loc.evidence[0].start))


def _named_inside(m: Mention, choices: list) -> Place | None:
    """The place a site's own name says it stands in ("Baghdad International Airport",
    "Jolo Cathedral"), when the text's mention of it inside the name was resolved: the
    most specific such place."""
    inside = [c.place for c in choices if c.place is not None and c.mention is not m
              and m.start <= c.mention.start and c.mention.end <= m.end]
    return min(inside, key=lambda p: specificity(p.kind), default=None)


def _holder(m: Mention, chosen: dict) -> Place | None:
    """The place the text names as holding an unknown one, if the gazetteer knows it."""
    if m.container is None:
        return None
    return chosen.get(id(m.container)) or (m.container.hits[0].place if m.container.hits else None)


def _display_name(g: Group) -> str:
    """The gazetteer's name, unless the text calls the place otherwise and not by an
    abbreviation: "Palmyra" rather than "Tadmur", "Zabadani" rather than "Az Zabadānī",
    but "United States" for "U.S." and "Kentucky" for "Ky."; a curated place always by
    its curated name ("Northeast Syria", not "Syria's northeast")."""
    if g.place is None or g.place.feature == "PCLI" or g.place.curated:
        return g.name            # a curated name is spelt as the project's list spells it
    form = g.forms.most_common(1)[0][0]
    if norm(form) == norm(g.name) or "." in form or form.isupper() or len(form) < 3:
        return g.name
    return form


def _location(g: Group, headline_end: int) -> Location:
    evidence = sorted({e.start: e for e in g.evidence}.values(), key=lambda e: e.start)
    point = g.place or g.at
    g.name = _display_name(g)
    aliases = sorted({f for f in [*g.forms, g.place.name if g.place else ""] if f and norm(f) != norm(g.name)})
    return Location(
        name=g.name, country=g.country, kind=g.kind, aliases=aliases,
        lat=round(point.lat, 4) if point is not None and point.lat is not None else None,
        lon=round(point.lon, 4) if point is not None and point.lon is not None else None,
        geonames_id=g.place.geonames_id if g.place is not None else None,
        resolved=g.place is not None and g.place.lat is not None,
        mentions=len(evidence), key=len(evidence) >= 2 or evidence[0].start < headline_end,
        evidence=evidence)
