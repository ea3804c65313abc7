"""Threats: sentences that state an attack, a threat, a military move or a danger.

Each sentence is matched against the category lexicon below; the first category
that matches (in the order listed) names it. Who poses it and what it threatens are
read by `roles.RoleFinder` (its docstring gives the order of the rules).

Severity rule (written down here and in the README):
- high: mass casualties (killed, dead, death toll, bodies, casualties), capture of a
  city or territory, an assault on a capital, the collapse of a force, the killing of
  a leader, bombings;
- medium: deployments and military moves, limited attacks, infiltration, strikes
  without reported deaths;
- low: warnings, threats, rhetoric, continuing conflict without a new act.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..briefing import Actor, Location, Threat
from .roles import RoleFinder
from .spans import sentences, span_evidence, span_text

# Category → trigger pattern; order matters: the first match names the threat.
CATEGORIES: list[tuple[str, str]] = [
    ("bombing", r"\b(car[- ]bomb\w*|bomb\w*|explosi\w+|explod\w+|suicide (?:vest|attack|bomber)|ied|blast)\b"),
    ("air/drone strike", r"\b(air ?strikes?|airstrikes?|drones?|missiles?|rockets?|air strike|shell(?:ed|ing)|bombard\w*|warplanes?|fighter jets)\b"),
    ("armed assault", r"\b(attack\w*|assault\w*|stab\w*|shot|shoot\w*|gunm[ae]n|gunfire|ambush\w*|raid\w*|offensive|fight\w*|combat|clash\w*|invasion|invad\w*|incursion|killed|kills?|killing|murder\w*|slain|"
                      r"battles?|gunshots?|shots (?:were )?fired|wounded|injur\w+|casualt\w+|deaths|death tolls?|"
                      r"bodies|victims|claimed responsibility)\b"),
    ("territorial loss", r"\b(seiz\w+|captur\w+|took control|taken|retake|overr[au]n|fell to|collapse\w*|controls? only|territorial loss\w*|lost)\b"),
    ("infiltration", r"\b(infiltrat\w+|smuggl\w+|sleeper cells?|breach\w*)\b"),
    ("deployment/escalation", r"\b(deploy\w*|dispatch\w*|troops|forces|sent|sending|entered|enter|arriv\w+|reinforc\w+|mobili[sz]\w+|escalat\w+|military (?:initiative|buildup|build-up|operation)|withdraw\w*|incursion|maneuver|manoeuvre|air force base|gains)\b"),
    ("threat or warning", r"\b(threat\w*|warn\w*|vow\w*|danger\w*|retaliat\w*|revenge|terror\w*|martyr\w*|war|conflict|violence|prolong\w*|never negotiate|aggression|under threat|harass\w*|"
                          r"radicali[sz]\w+|extremis\w+|re-?emerg\w+|resurg\w+|defeat\w*|destroy\w*|obliterat\w+|"
                          r"disrupt\w+|humanitarian crisis)\b"),
]
COMPILED = [(name, re.compile(pattern, re.I)) for name, pattern in CATEGORIES]
HIGH = re.compile(
    r"\b(killed|kills?|killing|dead|deaths?|died|death toll|bodies|casualt\w+|massacre|"
    r"dozens|hundreds|seiz\w+|captur\w+|fell to|overr[au]n|collapse\w*|assault on|"
    r"take (?:the capital|control)|threatening to take|deadliest|car[- ]bomb\w*|"
    r"suicide|destroy\w*|under threat)\b", re.I)
LOW = re.compile(r"\b(warn\w*|vow\w*|threaten\w*|rhetoric|never negotiate|prolong\w*|"
                 r"will continue|continue\w*|could|may|might|wants?|seeks?)\b", re.I)
BACK_REFERENCE = re.compile(r"\b(the|this|that) (attack|attacks|explosion|bombing|blast|assault|strike|strikes|"
                            r"operation|incident)\b", re.I)
# Damage reported without its cause ("production had been disrupted") is the attack's doing.
DAMAGE = re.compile(r"\b(disrupt\w+|damag\w+|destroy\w*|wounded|injur\w+)\b", re.I)


def find_threats(doc: Doc, actors: list[Actor], locations: list[Location], gaz) -> list[Threat]:
    roles = RoleFinder(doc, actors, locations, gaz, [rx for _, rx in COMPILED[:4]])
    threats = []
    for clause in (c for sent in sentences(doc) for c in _clauses(sent)):
        text = span_text(clause).strip()
        if len(text.split()) < 3:
            continue
        category = next((name for name, rx in COMPILED if rx.search(text)), None)
        if category is None:
            continue
        violent = category in VIOLENT or bool(HIGH.search(text) or DAMAGE.search(text))
        actor, target = roles.roles(clause, violent, bool(BACK_REFERENCE.search(text)))
        threats.append(Threat(summary=_summary(text), category=category, actor=actor,
                              target=target, severity=_severity(text, category),
                              evidence=[span_evidence(clause)]))
    return threats


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


VIOLENT = ("bombing", "air/drone strike", "armed assault", "territorial loss", "infiltration")


def _severity(text: str, category: str) -> str:
    if HIGH.search(text):
        return "high"
    if category == "threat or warning" or LOW.search(text) and category not in ("bombing", "air/drone strike"):
        return "low"
    return "medium"


def _summary(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
