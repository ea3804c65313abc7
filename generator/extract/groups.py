"""Actors the text does not name: protesters, the police, the government, gunmen.

News stories are often about groups and institutions with no proper name. Each is
listed once per article when the article names it at least twice (or in its
headline), under the qualifier the text gives it ("Serbian police", "pro-Trump
protesters", "Hong Kong protesters"); an unqualified institution takes the
article's country ("the government" in a story set in Serbia: "Serbian
government"). The nouns and types are data (data/groups.yaml).
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..briefing import Actor, Evidence, Location
from ..geo import Gazetteer, norm
from .spans import evidence

DATA = Path(__file__).resolve().parent.parent / "data"
TOWN_BEFORE = re.compile(r"\b([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?),\s+$")
# A group noun followed by one of these is a modifier ("government forces", "police station").
MODIFIED = {"forces", "force", "troops", "officials", "official", "spokesman", "spokeswoman", "spokesperson",
            "station", "stations", "chief", "chiefs", "headquarters", "complex", "car", "cars", "vehicle",
            "vehicles", "building", "buildings", "officer", "source", "sources", "statement", "ministers",
            "minister", "department", "commander", "commanders", "leader", "leaders", "base", "bases",
            "positions", "position", "control", "side", "media", "plans", "camp", "camps", "action"}


@dataclass
class GroupClass:
    nouns: list[str]
    type: str
    institution: bool


@dataclass
class Sighting:
    cls: int
    qualifier: str
    evidence: Evidence
    noun: str


@dataclass
class Draft:
    cls: GroupClass
    name: str
    forms: Counter = field(default_factory=Counter)
    nouns: Counter = field(default_factory=Counter)     #: the names its sightings give it
    evidence: list[Evidence] = field(default_factory=list)


@functools.cache
def group_classes() -> list[GroupClass]:
    rows = yaml.safe_load((DATA / "groups.yaml").read_text(encoding="utf-8"))
    return [GroupClass(r["nouns"], r["type"], bool(r.get("institution"))) for r in rows]


@functools.cache
def _pattern() -> re.Pattern:
    nouns = sorted({n for c in group_classes() for n in c.nouns}, key=len, reverse=True)
    # The qualifier never reaches over a line break ("… Idlib\n\nSyrian rebels": Syrian).
    return re.compile(r"(?:(?P<qual>(?:pro|anti)-[A-Z][\w'’-]*|[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+)?)"
                      r"(?:['’]s)?[^\S\n]+)?(?P<noun>%s)\b" % "|".join(re.escape(n) for n in nouns))


def find_groups(text: str, gaz: Gazetteer, locations: list[Location], headline_end: int,
                taken: list[tuple[int, int]]) -> list[Actor]:
    """Group actors of the article; `taken`: spans of named actors (not groups)."""
    classes = group_classes()
    by_noun = {n: i for i, c in enumerate(classes) for n in c.nouns}
    sightings: list[Sighting] = []
    for m in _pattern().finditer(text):
        noun_start = m.start("noun")
        if any(s < m.end() and noun_start < e for s, e in taken):
            continue          # part of a name: "Syrian Democratic Forces", "Metropolitan Police"
        after = re.match(r"\s+([a-z][\w-]*)", text[m.end():m.end() + 30])
        if after and after.group(1) in MODIFIED:
            continue
        qualifier = _qualifier(m.group("qual") or "", gaz, locations)
        start = m.start("qual") if qualifier else noun_start
        town = TOWN_BEFORE.search(text, max(0, start - 40), start) if qualifier else None
        if town and any(loc.kind == "city" and norm(loc.name) == norm(town.group(1)) for loc in locations):
            qualifier = town.group(1)     # "Kenosha, Wisconsin protesters": the town, the narrower
        sightings.append(Sighting(by_noun[m.group("noun")], qualifier, evidence(text, start, m.end()),
                                  _plural(m.group("noun"), classes[by_noun[m.group("noun")]])))
    country = _main_country(text, locations, gaz)
    drafts: dict[tuple[int, str], Draft] = {}
    by_class: dict[int, Counter] = defaultdict(Counter)
    for s in sightings:
        if s.qualifier:
            by_class[s.cls][s.qualifier] += 1
    for s in sightings:
        cls = classes[s.cls]
        qualifier = s.qualifier or (by_class[s.cls].most_common(1)[0][0] if by_class[s.cls] else "")
        if not qualifier and cls.institution:
            qualifier = country
        noun = s.noun
        name = f"{qualifier} {noun}" if qualifier else noun
        # "Kenyan cattle rustlers" and "Kenyan rustlers": one group, whose nouns end alike.
        draft = drafts.setdefault((s.cls, norm(qualifier), noun.split()[-1]), Draft(cls, name))
        draft.forms[s.evidence.text] += 1
        draft.nouns[name] += 1
        draft.evidence.append(s.evidence)
    out = []
    for d in drafts.values():
        # The fullest name it is given twice ("Kenyan cattle rustlers" before "Kenyan rustlers").
        d.name = max(d.nouns, key=lambda n: (d.nouns[n] >= 2, len(n), d.nouns[n]))
        in_headline = any(e.start < headline_end for e in d.evidence)
        if len(d.evidence) < 2 and not in_headline:
            continue
        aliases = sorted({f for f in d.forms if norm(f) != norm(d.name)} | {d.cls.nouns[0]} - {d.name})
        out.append(Actor(name=d.name, type=d.cls.type, aliases=aliases, mentions=len(d.evidence),
                         key=len(d.evidence) >= 3 or in_headline, evidence=sorted(d.evidence, key=lambda e: e.start)))
    return out


def _plural(noun: str, cls: GroupClass) -> str:
    """The group's plural as the lexicon lists it first among the forms of its noun."""
    if noun.endswith("s") or noun in ("police", "military", "government", "army", "security forces"):
        return noun
    return next((n for n in cls.nouns if n.startswith(noun) and n != noun), noun)


def _qualifier(word: str, gaz: Gazetteer, locations: list[Location]) -> str:
    """A demonym, a place of the article, or "pro-X" / "anti-X"; else nothing."""
    if not word:
        return ""
    if word.lower().startswith(("pro-", "anti-")):
        return word
    if gaz.is_demonym(word):
        return word
    key = norm(word)
    if any(norm(loc.name) == key or key in (norm(a) for a in loc.aliases) for loc in locations):
        return word
    last = word.split()[-1]
    return last if gaz.is_demonym(last) else ""


def _main_country(text: str, locations: list[Location], gaz: Gazetteer) -> str:
    """The demonym of the country the article is set in ("Serbian"): of its places' countries
    and the demonyms it writes, the most often told; a town or region counts twice, as
    where things happen ("South Korean authorities … in Seoul" over "beef imports from
    the United States")."""
    counts = Counter()
    for loc in locations:
        if loc.country:
            counts[loc.country] += loc.mentions * (1 if loc.kind == "country" else 2)
    for m in DEMONYM_WORDS.finditer(text):
        iso = gaz.country_of_demonym(m.group(0)) or gaz.country_of_demonym(m.group(0).split()[-1])
        if iso:
            counts[iso] += 1
    if not counts:
        return ""
    return gaz.demonym_of(counts.most_common(1)[0][0])


DEMONYM_WORDS = re.compile(r"\b(?:(?:North|South|East|West|New|Saudi|Sri)\s+)?[A-Z][a-z]+(?:an|ian|ish|ese|i|ic|ch)\b")


STATE_BODIES = {"government", "army", "military", "troops", "soldiers", "authorities"}
NAMED_BODIES = {"police": ("police",), "army": ("army", "armed forces", "military"), "military": ("army", "armed forces", "military"),
                "troops": ("army", "armed forces", "military"), "soldiers": ("army", "armed forces", "military")}


def merge_into_states(actors: list[Actor], gaz: Gazetteer) -> list[Actor]:
    """"Turkish government", "Iranian army" where Turkey or Iran is an actor already: the
    state, under another name (its mentions and forms join it)."""
    states = {a.name: a for a in actors if a.type == "state"}
    out = []
    gone: list[Actor] = []          # absorbed: never a body to absorb another
    for a in actors:
        words = a.name.split()
        if words and words[-1] in NAMED_BODIES and a.evidence and not a.evidence[0].text[:1].isupper() or \
                len(words) >= 2 and words[-1] in NAMED_BODIES:
            # "British police" where the Metropolitan Police is named: that body.
            home = _country_name(" ".join(words[:-1]), gaz)
            body = next((b for b in actors if b is not a and all(b is not g for g in gone)
                         and b.type in ("organization", "armed_group")
                         and any(n in b.name.lower() for n in NAMED_BODIES[words[-1]])
                         and b.name[:1].isupper() and not (home and b.affiliation and b.affiliation != home)),
                        None)
            if body is not None:
                _absorb(body, a)
                gone.append(a)
                continue
        if len(words) >= 2 and words[-1] in STATE_BODIES:
            state = states.get(_country_name(" ".join(words[:-1]), gaz))
            if state is not None and state is not a:
                _absorb(state, a)
                continue
        out.append(a)
    return out


def _country_name(qualifier: str, gaz: Gazetteer) -> str:
    """The country a qualifier names ("Mexican", "Serbia"), else nothing."""
    iso = gaz.country_of_demonym(qualifier) or next(
        (p.country for p in gaz.candidates(qualifier) if p.kind == "country"), "")
    return gaz.countries[iso].name if iso in gaz.countries else ""


def _absorb(into: Actor, other: Actor) -> None:
    into.aliases = sorted(set(into.aliases) | {other.name} | set(other.aliases))
    seen = {e.start for e in into.evidence}
    into.evidence = sorted(into.evidence + [e for e in other.evidence if e.start not in seen], key=lambda e: e.start)
    into.mentions = len(into.evidence)
    into.key = into.key or other.key
