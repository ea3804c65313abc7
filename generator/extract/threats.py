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
from .quotes import CUES
from .spans import doc_text, sentence_evidence

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


def find_threats(doc: Doc, actors: list[Actor], locations: list[Location], gaz=None) -> list[Threat]:
    compiled = [(name, re.compile(pattern, re.I)) for name, pattern in CATEGORIES]
    mentions = sorted((Mention(e.start, e.end, a) for a in actors for e in a.evidence
                       if a.type in AGENT_TYPES), key=lambda m: m.start)
    places = sorted((e.start, e.end, loc) for loc in locations for e in loc.evidence)
    aggressor = _main_aggressor(doc, actors, compiled)
    threats = []
    for sent in doc.sents:
        text = sent.text.strip()
        if len(text.split()) < 3:
            continue
        category = next((name for name, rx in compiled if rx.search(text)), None)
        if category is None:
            continue
        violent = category in VIOLENT or bool(HIGH.search(text))
        actor = _agent(sent, mentions, violent) or _attack_owner(sent, mentions, gaz) \
            or _pronoun_agent(sent, mentions) or _nominal_agent(sent) \
            or (aggressor.name if aggressor and violent else "")
        target = _target(sent, places, mentions, actor)
        threats.append(Threat(summary=_summary(text), category=category, actor=actor,
                              target=target, severity=_severity(text, category),
                              evidence=[sentence_evidence(sent)]))
    return threats


AGENT_TYPES = ("armed_group", "state", "organization", "person")
VIOLENT = ("bombing", "air/drone strike", "armed assault", "territorial loss", "infiltration")
ARMED_NOUNS = {"rebels", "militants", "insurgents", "gunmen", "fighters", "jihadists", "attackers",
               "attacker", "gunman", "terrorists", "militia", "militias", "forces", "troops", "soldiers"}
VICTIM_WORDS = re.compile(r"\b(killed|wounded|injured|targeted|hit|attacked|struck|shot|stabbed|died|dead)\b", re.I)


def _severity(text: str, category: str) -> str:
    if HIGH.search(text):
        return "high"
    if category == "threat or warning" or LOW.search(text) and category not in ("bombing", "air/drone strike"):
        return "low"
    return "medium"


def _agent(sent: Span, mentions: list[Mention], violent: bool) -> str:
    """The actor the sentence names as doing the act: after "by", or as subject of the clause."""
    inside = [m for m in mentions if sent.start_char <= m.start < sent.end_char]
    if not inside:
        return ""
    text = doc_text(sent.doc)
    for m in inside:
        if re.search(r"\b(by|from)\s+(the\s+)?$", text[max(sent.start_char, m.start - 10):m.start]):
            return m.actor.name
    subjects = [(m, _active_subject(sent.doc, m)) for m in inside]
    # The subject of an action, not of a report ("Reuters reported"): a violent or
    # military verb first ("as Turkey invades"), then any other verb.
    subjects = [(m, v) for m, v in subjects if v is not None and v.lower_ not in CUES and v.lemma_ not in CUES]
    for m, verb in sorted(subjects, key=lambda mv: not ACT_VERB.search(mv[1].text)):
        return m.actor.name
    if violent:
        return ""          # victims and bystanders named in a violent sentence are not its actor
    armed = [m for m in inside if m.actor.type in ("armed_group", "state")]
    return armed[0].actor.name if armed else ""


ACT_VERB = re.compile(r"^(attack|invad|launch|seiz|captur|bomb|strik|struck|kill|shoot|shot|stab|"
                      r"fir|shell|deploy|dispatch|sen[dt]|enter|advanc|infiltrat|threat|warn|claim|"
                      r"carr|conduct|target|occup|mount|began|begin|start)", re.I)


def _active_subject(doc: Doc, m: Mention):
    """The verb a mention is the active subject of ("Russian forces began": began), or None."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    if root.dep_ in ("compound", "amod", "poss") and root.head.dep_ in ("nsubj", "csubj"):
        root = root.head
    if root.dep_ in ("nsubj", "csubj") and root.head.pos_ in ("VERB", "AUX"):
        return root.head
    return None


ATTACK_NOUNS = {"attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "bombing",
                "bombings", "offensive", "assault", "raid", "raids", "invasion", "incursion", "plot",
                "operation", "operations", "threat", "shelling", "ambush"}


def _attack_owner(sent: Span, mentions: list[Mention], gaz) -> str:
    """Whose attack it is when the sentence says so by a modifier: "an Al-Qaeda suicide
    attack", "Iranian attack plans", "Turkey's offensive"."""
    for token in sent:
        if token.lower_ not in ATTACK_NOUNS:
            continue
        for mod in token.lefts:
            if mod.dep_ not in ("compound", "amod", "poss", "nmod") and mod.pos_ not in ("PROPN", "ADJ"):
                continue
            for m in mentions:
                if m.start <= mod.idx < m.end:
                    return m.actor.name
            iso = gaz.country_of_demonym(mod.text) if gaz is not None and mod.text[:1].isupper() else ""
            if iso and iso in gaz.countries:
                return gaz.countries[iso].name
    return ""


def _pronoun_agent(sent: Span, mentions: list[Mention]) -> str:
    """'He had orchestrated attacks': the person last named before the sentence."""
    subj = [t for t in sent if t.dep_ == "nsubj" and t.lower_ in ("he", "she") and t.head == sent.root]
    if not subj:
        return ""
    before = [m for m in mentions if m.start < sent.start_char and m.actor.type == "person"]
    return before[-1].actor.name if before else ""


def _nominal_agent(sent: Span) -> str:
    """An unnamed armed subject: "Rebels seized the city", "opposition forces are harassing"."""
    for token in sent:
        if token.lower_ in ARMED_NOUNS and token.dep_ in ("nsubj", "nsubjpass", "ROOT", "appos"):
            mods = [t.text for t in token.lefts if t.pos_ == "ADJ" and t.text.islower()]
            return " ".join(mods + [token.lower_])
    m = re.search(r"\b(rebel|militant|insurgent|jihadist|terrorist)\s+(threat|attack|fire|advance|offensive)",
                  sent.text, re.I)
    return m.group(1).lower() + "s" if m else ""


def _target(sent: Span, places, mentions: list[Mention], actor: str) -> str:
    """What the act is aimed at: a place it happens in or moves on, else an actor acted on."""
    doc = sent.doc
    own = {m.actor.affiliation for m in mentions if m.actor.name == actor}
    found = [(s, loc) for s, _, loc in places if sent.start_char <= s < sent.end_char
             and loc.name != actor and loc.name not in own]
    for start, loc in found:
        before = doc_text(doc)[max(sent.start_char, start - 12):start].lower()
        if re.search(r"\b(in|into|on|at|against|toward|towards|take|seized|captured|entered|enter|"
                     r"infiltrated|of)\s+(the\s+)?$", before):
            return loc.name
    if found:
        return found[0][1].name
    for m in mentions:
        if sent.start_char <= m.start < sent.end_char and m.actor.name != actor:
            return m.actor.name
    return ""


def _main_aggressor(doc: Doc, actors: list[Actor], compiled) -> Actor | None:
    """The actor most often named in violent sentences: who "the attack" refers to.

    Armed groups count three times, a person named as "attacker" or "gunman" twice."""
    weights: Counter = Counter()
    by_name = {}
    for actor in actors:
        if actor.type not in ("armed_group", "state", "person"):
            continue
        by_name[actor.name] = actor
        for ev in actor.evidence:
            span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
            if span is None:
                continue
            sentence = span.sent.text
            if not any(rx.search(sentence) for _, rx in compiled[:4]):
                continue
            verb = _active_subject(doc, Mention(ev.start, ev.end, actor))
            if verb is not None and ACT_VERB.search(verb.text):
                weights[actor.name] += 3          # the subject of an attack verb
            if actor.type == "armed_group":
                weights[actor.name] += 2
            elif actor.type == "person":
                weights[actor.name] += 2 if re.search(r"\b(attacker|gunman|bomber|assailant|suspect)\b",
                                                      sentence, re.I) else 0
            else:
                weights[actor.name] += 1
    if not weights or weights.most_common(1)[0][1] < 2:
        return None
    return by_name[weights.most_common(1)[0][0]]


def _summary(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
