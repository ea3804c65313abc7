"""Locations: every place named in the text, resolved to coordinates and a country.

Candidates come from place entities, from country names, from "the <demonym>
capital", and from capitalised names after a locative preposition that the
gazetteer knows. Ambiguous names are resolved by the article's context: a
candidate in a country the article names wins ("Damascus" in Syria, not Oregon),
then curated entries, then the most populous.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..briefing import Evidence, Location
from .actors import LOCATIVE
from .gazetteer import Gazetteer, Place, known_actors, norm
from .spans import doc_text, clean_name, span_evidence, whole_word_matches

CAPITAL = re.compile(r"\b(?:the\s+)?([A-Z][a-z]+(?: [A-Z][a-z]+)?) capital\b(?: of ([A-Z][a-z]+))?")
MAX_PLACE_TOKENS = 4
# Scanned in the text, not token by token: spaCy makes a Python object per token visited.
LOCATIVE_BEFORE_CAPITAL = re.compile(rf"(?<![\w-])((?i:{'|'.join(sorted(LOCATIVE))}))\s+(?:the\s+)?(?=[A-Z])")
CAPITALISED = re.compile(r"(?<![\w-])[A-Z][A-Za-z]*")


@dataclass
class Found:
    place: Place
    forms: Counter = field(default_factory=Counter)
    evidence: list[Evidence] = field(default_factory=list)
    as_place: bool = False


def find_locations(doc: Doc, gaz: Gazetteer, headline_end: int) -> list[Location]:
    known = {norm(f) for a in known_actors() for f in [a.name, *a.aliases]}
    mentions: list[tuple[str, Span, bool]] = []       # (form, span, used as a place)
    covered: set[int] = set()
    # Curated regions and places as written ("north-eastern Syria", "Syria's coastal region").
    # Names of known actors ("Kurdistan Workers' Party") are not places.
    ents = list(doc.ents)             # spaCy builds the tuple anew on each access
    taken = [(e.start_char, e.end_char) for e in ents if e.ent_id_]
    text = doc_text(doc)
    for m in gaz.curated_pattern().finditer(text):
        form, place = gaz.curated_form(m.group(0))
        # Not part of a longer proper name ("New South Wales" is not Wales).
        if re.search(r"[A-Z][\w'-]*\s$", text[max(0, m.start() - 20):m.start()]) \
                or re.match(r"\s[A-Z]", text[m.end():m.end() + 2]):
            continue
        if not any(s < m.end() and m.start() < e for s, e in taken) and m.group(0)[:1].isalpha():
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                mentions.append((form, span, True))
                taken.append((m.start(), m.end()))
                covered.update(range(span.start, span.end))
    for ent in ents:
        form = clean_name(ent.text)
        if norm(form) in known or not gaz.candidates(form) or covered.intersection(range(ent.start, ent.end)):
            continue
        prev = doc[ent.start - 1] if ent.start else None
        locative = prev is not None and prev.lower_ in LOCATIVE
        if ent.label_ == "LOC" or locative:
            mentions.append((form, ent, locative or ent.label_ == "LOC"))
            covered.update(range(ent.start, ent.end))
    # Capitalised names after a preposition the recogniser missed ("in Zabadani").
    for m in LOCATIVE_BEFORE_CAPITAL.finditer(text):
        prep = doc.char_span(m.start(1), m.end(1))
        if prep is None:
            continue
        tok = prep[0]
        if tok.i + 1 < len(doc) and tok.i + 1 not in covered:
            span = _proper_run(doc, tok.i + 1)
            if span is not None and norm(span.text) not in known and gaz.candidates(span.text):
                mentions.append((clean_name(span.text), span, True))
                covered.update(range(span.start, span.end))
    # National capitals wherever they stand ("Mogadishu was the target"), unless a name
    # covers them ("Kabul Bank"), or a person of the article bears it ("Sudesh Amman").
    named = [(e.start_char, e.end_char) for e in ents]
    person_words = {w for e in ents if e.label_ == "PERSON" for w in e.text.split()}
    for m in gaz.capital_pattern().finditer(text):
        span = doc.char_span(m.start(), m.end())
        if span is None or covered.intersection(range(span.start, span.end)) \
                or any(s < m.end() and m.start() < e for s, e in named) or m.group(0) in person_words \
                or doc[span.end:span.end + 1].text[:1].isupper():
            continue
        mentions.append((m.group(0), span, True))
        covered.update(range(span.start, span.end))

    context = _context_countries(doc, gaz, mentions)
    found: dict[tuple, Found] = {}
    for form, span, as_place in mentions:
        place = resolve(form, gaz, context)
        if place is None:
            continue
        item = found.setdefault((place.name, place.country), Found(place))
        item.forms[form] += 1
        item.evidence.append(span_evidence(span))
        item.as_place |= as_place
    _repeat_mentions(doc, ents, found, mentions, taken)
    for m in CAPITAL.finditer(doc_text(doc)):
        iso = gaz.country_of_demonym(m.group(1))
        capital = gaz.capital(iso) if iso else None
        if capital is not None:
            item = found.setdefault((capital.name, capital.country), Found(capital))
            item.forms[m.group(0).removeprefix("the ")] += 1
            item.evidence.append(Evidence(m.group(0), m.start(), m.end()))
            item.as_place = True

    out = []
    for item in found.values():
        p = item.place
        evidence = sorted({e.start: e for e in item.evidence}.values(), key=lambda e: e.start)
        out.append(Location(
            name=p.name, country=p.country, lat=round(p.lat, 4), lon=round(p.lon, 4), kind=p.kind,
            geonames_id=p.geonames_id, mentions=len(evidence),
            key=item.as_place and (len(evidence) >= 2 or evidence[0].start < headline_end),
            evidence=evidence))
    return sorted(out, key=lambda loc: (-loc.mentions, loc.evidence[0].start))


def _repeat_mentions(doc: Doc, ents: list[Span], found: dict, mentions, taken) -> None:
    """Each later use of a city or region's name, where the recogniser saw it once
    ("Kabul" again in "a Kabul car bombing"). Countries are left out: one that acts
    ("Russia sent forces") is an actor there, not a place."""
    text = doc_text(doc)
    seen = [(span.start_char, span.end_char) for _, span, _ in mentions] + list(taken)
    seen += [(e.start_char, e.end_char) for e in ents if e.label_ != "LOC"]
    for item in found.values():
        if item.place.kind == "country":
            continue
        for form in list(item.forms):
            for start, end in whole_word_matches(text, form):
                if not any(s < end and start < e for s, e in seen):
                    item.forms[form] += 1
                    item.evidence.append(Evidence(form, start, end))
                    seen.append((start, end))


def resolve(form: str, gaz: Gazetteer, context: Counter) -> Place | None:
    """The most plausible place for a name, given the countries the article names.

    A small place reached only by dropping accents ("God" → Göd, Hungary) is no match."""
    plain = unicodedata.normalize("NFKD", form).encode("ascii", "ignore").decode()
    candidates = [p for p in gaz.candidates(form)
                  if p.population >= 100_000 or p.name == form or plain != form
                  or unicodedata.normalize("NFKD", p.name).encode("ascii", "ignore").decode() == p.name]
    if not candidates:
        return None
    def score(p: Place):
        # The article's countries first ("Georgia" in a US story), then a country of that
        # name, then curated and populous places.
        return (context[p.country] > 3, p.kind == "country", context[p.country], p.population)
    return max(candidates, key=score)


def _context_countries(doc: Doc, gaz: Gazetteer, mentions) -> Counter:
    context: Counter = Counter()
    for form, _, _ in mentions:
        cands = gaz.candidates(form)
        if len({p.country for p in cands}) == 1:
            context[cands[0].country] += 2
        for p in cands:
            if p.kind == "country":
                context[p.country] += 3
    for m in CAPITALISED.finditer(doc_text(doc)):
        iso = gaz.country_of_demonym(m.group(0))
        if iso:
            context[iso] += 1
    return context


def _proper_run(doc: Doc, i: int) -> Span | None:
    if doc[i].lower_ == "the":
        i += 1
    j = i
    while j < len(doc) and j - i < MAX_PLACE_TOKENS and doc[j].text[:1].isupper() and doc[j].is_alpha:
        j += 1
    return doc[i:j] if j > i else None
