"""Threats: sentences that state an attack, a threat, a military move or a danger.

Each sentence is matched against the category lexicon below; the first category
that matches (in the order listed) names it. The actor is the armed actor the
sentence names as agent (subject, or "by X"), else the actor the sentence names,
else the story's main aggressor when the sentence refers back to an attack ("the
attack", "the explosion"). The target is the place or actor acted upon.

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
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..briefing import Actor, Location, Threat
from .spans import sentence_evidence

# Category → trigger pattern; order matters: the first match names the threat.
CATEGORIES: list[tuple[str, str]] = [
    ("bombing", r"\b(car[- ]bomb\w*|bomb\w*|explosi\w+|explod\w+|suicide (?:vest|attack|bomber)|ied|blast)\b"),
    ("air/drone strike", r"\b(air ?strikes?|airstrikes?|drones?|missiles?|rockets?|air strike|shell(?:ed|ing)|bombard\w*|warplanes?|fighter jets)\b"),
    ("armed assault", r"\b(attack\w*|assault\w*|stab\w*|shot|shoot\w*|gunm[ae]n|gunfire|ambush\w*|raid\w*|offensive|fight\w*|combat|clash\w*|invasion|invad\w*|incursion|killed|kills?|killing|murder\w*|slain)\b"),
    ("territorial loss", r"\b(seiz\w+|captur\w+|took control|taken|retake|overr[au]n|fell to|collapse\w*|controls? only|territorial loss\w*|lost)\b"),
    ("infiltration", r"\b(infiltrat\w+|smuggl\w+|sleeper cells?|breach\w*)\b"),
    ("deployment/escalation", r"\b(deploy\w*|dispatch\w*|troops|forces|sent|sending|entered|enter|arriv\w+|reinforc\w+|mobili[sz]\w+|escalat\w+|military (?:initiative|buildup|build-up|operation)|withdraw\w*|incursion|maneuver|manoeuvre|air force base|gains)\b"),
    ("threat or warning", r"\b(threat\w*|warn\w*|vow\w*|danger\w*|retaliat\w*|revenge|terror\w*|martyr\w*|war|conflict|violence|prolong\w*|never negotiate|aggression|under threat|harass\w*)\b"),
]
HIGH = re.compile(
    r"\b(killed|kills?|killing|dead|deaths?|died|death toll|bodies|casualt\w+|massacre|"
    r"dozens|hundreds|seiz\w+|captur\w+|fell to|overr[au]n|collapse\w*|assault on|"
    r"take (?:the capital|damascus|control)|threatening to take|deadliest|car[- ]bomb\w*|"
    r"suicide|destroy\w*|under threat)\b", re.I)
LOW = re.compile(r"\b(warn\w*|vow\w*|threaten\w*|rhetoric|never negotiate|prolong\w*|"
                 r"will continue|continue\w*|could|may|might|wants?|seeks?)\b", re.I)
ARMED_TYPES = ("armed_group", "state", "organization")
BACK_REFERENCE = re.compile(r"\b(the|this|that) (attack|explosion|bombing|blast|assault|strike|strikes|operation)\b", re.I)


@dataclass
class Mention:
    start: int
    end: int
    actor: Actor


def find_threats(doc: Doc, actors: list[Actor], locations: list[Location]) -> list[Threat]:
    compiled = [(name, re.compile(pattern, re.I)) for name, pattern in CATEGORIES]
    mentions = sorted((Mention(e.start, e.end, a) for a in actors for e in a.evidence),
                      key=lambda m: m.start)
    places = sorted(((e.start, e.end, loc.name) for loc in locations for e in loc.evidence))
    aggressor = _main_aggressor(doc, actors, compiled)
    threats = []
    for sent in doc.sents:
        text = sent.text.strip()
        if len(text.split()) < 3:
            continue
        category = next((name for name, rx in compiled if rx.search(text)), None)
        if category is None:
            continue
        actor = _agent(sent, mentions) or (aggressor if BACK_REFERENCE.search(text) or HIGH.search(text) else "")
        target = _target(sent, places, mentions, actor)
        severity = _severity(text, category)
        threats.append(Threat(summary=_summary(text), category=category, actor=actor,
                              target=target, severity=severity, evidence=[sentence_evidence(sent)]))
    return threats


def _severity(text: str, category: str) -> str:
    if HIGH.search(text):
        return "high"
    if category == "threat or warning" or LOW.search(text) and category not in ("bombing", "air/drone strike"):
        return "low"
    return "medium"


def _agent(sent: Span, mentions: list[Mention]) -> str:
    """The actor doing the act: named after "by", as a subject, or first named in the sentence."""
    inside = [m for m in mentions if sent.start_char <= m.start < sent.end_char]
    if not inside:
        return ""
    text = sent.doc.text
    for m in inside:
        if re.search(r"\b(by|from)\s+(the\s+)?$", text[max(sent.start_char, m.start - 10):m.start]):
            return m.actor.name
    armed = [m for m in inside if m.actor.type in ("armed_group", "state")]
    for m in armed or inside:
        token = sent.doc.char_span(m.start, m.end, alignment_mode="expand")
        if token is not None and token.root.dep_ in ("nsubj", "nsubjpass", "compound", "poss", "amod"):
            return m.actor.name
    return (armed or inside)[0].actor.name


def _target(sent: Span, places, mentions: list[Mention], actor: str) -> str:
    for start, _, name in places:
        if sent.start_char <= start < sent.end_char:
            return name
    for m in mentions:
        if sent.start_char <= m.start < sent.end_char and m.actor.name != actor:
            return m.actor.name
    return ""


def _main_aggressor(doc: Doc, actors: list[Actor], compiled) -> str:
    """The armed actor named most often in violent sentences: who "the attack" refers to."""
    counts: Counter = Counter()
    for actor in actors:
        if actor.type not in ("armed_group", "state"):
            continue
        for ev in actor.evidence:
            span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
            if span is not None and any(rx.search(span.sent.text) for _, rx in compiled[:3]):
                counts[actor.name] += 2 if actor.type == "armed_group" else 1
    return counts.most_common(1)[0][0] if counts else ""


def _summary(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
