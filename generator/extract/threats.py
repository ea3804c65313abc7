"""Threats as incidents: one attack, strike, clash, seizure, deployment or stated threat,
told in one or more sentences, with who did what to whom, where, when and how many died.

1. Each sentence (each clause of one joined by semicolons) is matched against the kinds
   of data/threat_lexicon.yaml; the first whose trigger it holds names it. A sentence
   with no trigger that refers back to an incident ("The explosion was very powerful",
   "Dozens died in the attack") or states a toll is part of that incident. Statements
   that are no threat (peace talks, background war) are left out.
2. Sentences are grouped into incidents (`incidents.py`): the headline and the lead
   are one, a sentence joins the incident before it when it refers back to it, or is of
   the same kind in the same place with no other time ("Last week", "In 2006") marked.
3. Each incident takes its parties from its sentences (`roles.py`), its place, its date
   (resolved against the article's date), its lowest stated death toll (as ACLED codes
   it) and its severity by the rule in `incidents.severity`.
"""
from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span

from ..briefing import Actor, Location, Threat
from .casualties import injured, killed
from .dates import event_date
from .incidents import Clause, group_incidents
from .quotes import find_quote_spans
from .roles import RoleFinder
from .spans import doc_text, sentences, span_evidence, span_text
from .threat_lexicon import lexicon

_WHO_DID_IT = r"attackers?|assailants?|gunm[ae]n|shooters?|bombers?|perpetrators?|culprits?"
BACK_REFERENCE = re.compile(r"\b(?:the|this|that|these|those)\s+(?:\w+\s+)?(?:attacks?|explosions?|bombings?|blasts?|"
                            r"assaults?|strikes?|operations?|incidents?|shootings?|stabbings?|raids?|violence|"
                            rf"victims?|dead|wounded|injured|casualties|clashes|fighting|rampage|ambush|{_WHO_DID_IT})\b",
                            re.I)
# "The alleged shooter was detained near Norbury": a sentence about the one who did it.
PERPETRATOR = re.compile(rf"\b(?:the|this|that|these|those)\s+(?:\w+\s+)?(?:{_WHO_DID_IT})\b", re.I)
WHERE = re.compile(r"\b(?:in|at|near|outside|inside|from|into)\s+(?:the\s+)?$", re.I)
TOLL = re.compile(r"\b(?:killed|dead|died|deaths?|bodies|casualties|injured|wounded|death toll|victims)\b", re.I)
VIOLENT = {"bombing", "air/drone strike", "abduction", "armed assault", "territorial loss", "riot",
           "sabotage/disruption"}


def find_threats(doc: Doc, actors: list[Actor], locations: list[Location], gaz, published: date | None,
                 headline_end: int) -> list[Threat]:
    lex = lexicon()
    roles = RoleFinder(doc, actors, locations, gaz, [k.trigger for k in lex.kinds if k.category in VIOLENT])
    clauses: list[Clause] = []
    disaster = lex.disaster(doc_text(doc)[:headline_end + 600])
    quoted = [(q.start, q.end) for q in find_quote_spans(doc_text(doc))]
    reported = False                  # whether the text has told of violence itself yet
    for clause in (c for sent in sentences(doc) for c in _clauses(sent)):
        text = span_text(clause).strip()
        if len(text.split()) < 3:
            continue
        kind = lex.kind_of(text, disaster)
        if kind is not None and _background_only(text, kind, lex):
            kind = None
        if kind is not None and kind.category in VIOLENT:
            told = _unquoted(clause, quoted)
            if not reported and lex.kind_of(told, disaster) is None and not TOLL.search(told):
                # Violence only in someone's words before the text tells of any ("they must
                # not send weapons, fighter jets, bombs"): what they say, a warning.
                kind = lex.kind("threat or warning")
            else:
                reported = True
        back = bool(BACK_REFERENCE.search(text))
        if kind is None and not (back or TOLL.search(text)):
            continue
        if kind is None and lex.not_violence.search(text) and not lex.armed.search(text):
            continue          # "the flu outbreak caused 89 deaths": a toll, but of no attack
        violent = kind is not None and kind.category in VIOLENT or bool(TOLL.search(text))
        actor, target = roles.roles(clause, violent, back)
        explicit, patients, rank = roles.explicit, list(roles.patients), roles.target_rank
        # The police or army using force on the attacker: their own act, on the attacker.
        responder = roles.responder(clause) if kind is not None and kind.category in VIOLENT else ""
        if responder:
            actor, explicit, target, patients, rank = responder, True, roles.aggressor_name, [roles.aggressor_name], 0
        clauses.append(Clause(
            span=span_evidence(clause), text=text, kind=kind, actor=actor, explicit=explicit,
            blamed=roles.blamed, target=target, target_rank=rank, patients=patients,
            place=_place(clause, text, kind, roles, lex), killed=killed(text), injured=injured(text),
            date=event_date(text, published), back_reference=back, headline=clause.start_char < headline_end,
            attacker_killed=bool(responder) or roles.attacker_killed(clause, actor), response=bool(responder)))
    kinds = {a.name: a.type for a in actors}
    places = roles.place_rank
    main_place = _main_place(doc_text(doc), locations, headline_end, places)
    destination = _main_place(doc_text(doc), locations, headline_end, places, told_in=True)
    states = {a.name for a in actors if a.type == "state"}
    incidents = group_incidents(clauses, roles.aggressor_name, {loc.name: loc.country for loc in locations},
                                {n: c for n, c in state_codes(actors, gaz).items() if n in states}
                                | roles.army_homes)
    seat = next((loc.country for loc in locations if loc.name == destination and (
        loc.kind == "country" or gaz.capitals.get(loc.country) == loc.name)), "")
    return [t for incident in incidents for t in incident.threats(kinds, places, main_place, destination, seat)]


def state_codes(actors: list[Actor], gaz) -> dict[str, str]:
    """State actor's name → its ISO code; a body or person → the country it belongs to."""
    out = {}
    for a in actors:
        if a.type == "state":
            out[a.name] = next((p.country for p in gaz.candidates(a.name) if p.kind == "country"), "")
        elif a.affiliation:
            out[a.name] = next((p.country for p in gaz.candidates(a.affiliation) if p.kind == "country"), "")
    return {name: code for name, code in out.items() if code}


def _main_place(text: str, locations: list[Location], headline_end: int, rank: dict[str, tuple[int, bool]],
                told_in: bool = False) -> str:
    """The most specific place the headline or the lead names: where the story happens; of
    places alike, one the text says something happens in, at or from ("US President Trump
    announces troop withdrawal from Syria": Syria). `told_in`: only such a place (not
    "Moscow" of "Moscow setting up air strike capabilities")."""
    def where(loc: Location) -> bool:
        return any(WHERE.search(text, max(0, e.start - 12), e.start) for e in loc.evidence
                   if e.start < headline_end + 400)

    early = [loc for loc in locations if loc.evidence and loc.evidence[0].start < headline_end + 400
             and (where(loc) or not told_in)]
    return min(early, key=lambda loc: (rank[loc.name], not where(loc), loc.evidence[0].start)).name if early else ""


def _place(clause: Span, text: str, kind, roles: RoleFinder, lex) -> str:
    """Where the clause puts the act; none where it only tells of the one who did it
    ("The alleged shooter was detained near Norbury")."""
    if kind is not None and PERPETRATOR.search(text) and lex.kind_of(PERPETRATOR.sub(" ", text)) != kind:
        return ""
    return roles.place(clause)


def _unquoted(clause: Span, quoted: list[tuple[int, int]]) -> str:
    """The clause's text with what it quotes blanked out."""
    chars = list(span_text(clause))
    for start, end in quoted:
        for i in range(max(start, clause.start_char), min(end, clause.end_char)):
            chars[i - clause.start_char] = " "
    return "".join(chars)


def _background_only(text: str, kind, lex) -> bool:
    """The only trigger is background ("peace talks", "the civil war has been ongoing")."""
    stripped = lex.background.sub(" ", text)
    return stripped != text and not kind.trigger.search(stripped)


def _clauses(sent: Span) -> list[Span]:
    """The sentence, or its parts where semicolons join independent statements
    ("Moscow setting up air strikes; Iran sent a force; ISIS is threatening Damascus")."""
    if ";" not in span_text(sent):
        return [sent]
    cuts = [t.i for t in sent if t.text == ";"]
    if not cuts:
        return [sent]
    doc = sent.doc
    bounds = [sent.start] + [c + 1 for c in cuts] + [sent.end]
    return [doc[a:b - 1] if b - 1 > a and doc[b - 1].text == ";" else doc[a:b]
            for a, b in zip(bounds, bounds[1:]) if b > a]
