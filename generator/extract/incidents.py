"""Threat sentences grouped into incidents, and each incident's fields.

Grouping: a sentence joins the incident it refers back to ("the attack", "the
explosion") or the last incident when it is of the same family (violence, unrest,
military moves, arrests, threats) in the same place; it starts a new incident when it
marks another time ("Last week", "In 2006", "another attack") or another place. The
headline and the lead are one incident. A violent act told again after an aside about
something else ("The first bomb went off during Mass" after the minister's orders) goes
back to the earlier incident of its kind when it names no other place and no other doer.
The police or army using force on the story's attacker ("The attacker was shot dead by
police") is an incident of its own, theirs, done to him; the sentences after it go back
to the attack. A party the text only blames for an act another claims or is shown doing
("claimed by the Houthi movement … blaming Iran for the attacks") gets the act as an item
of its own, told by the sentence that blames it.

Severity (the written rule, also in the README):
- high: someone other than the attacker was killed (a toll of one or more, or words of
  death), ten or more were injured, territory or a town was seized, a leader was
  assassinated, a state invaded another, or energy or transport infrastructure was
  attacked (`grave` in data/threat_lexicon.yaml);
- medium: violence without a reported death (attacks, bombings, strikes and clashes
  that killed nobody or give no toll, abductions, riots, raids, infiltration,
  sabotage), protests, military moves (deployments, advances, withdrawals), threats and
  warnings, and ten or more people arrested at once;
- low: rhetoric that only names a danger ("terrorists", "radicalised"), other arrests.
A protest, a deployment, a warning or an arrest is never high (its kind's `ceiling`).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..briefing import Evidence, Threat, specificity
from .casualties import arrested
from .roles import CLAIMS_RESPONSIBILITY, CROWD, CROWD_NOUNS
from .threat_lexicon import Kind, lexicon

OTHER_TIME = re.compile(r"\b(?:in (?:19|20)\d\d|(?:last|earlier this|previous) (?:week|month|year)|"
                        r"in (?:(?:early|mid|late)[- ])?(?:January|February|March|April|May|June|July|August|September|October|November|"
                        r"December)(?: \d{4})?|another (?:attack|explosion|blast|bomb|bombing|shooting|stabbing|strike|raid)|a similar attack|previously|(?:years|months) ago|"
                        r"since (?:19|20)\d\d|the deadliest since|in the past|(?:so far )?this year)\b", re.I)
FAMILIES = {"bombing": "violence", "air/drone strike": "violence", "abduction": "violence",
            "armed assault": "violence", "territorial loss": "violence", "sabotage/disruption": "violence",
            "riot": "unrest", "protest": "unrest", "arrest": "arrest", "infiltration": "violence",
            "deployment/escalation": "military", "threat or warning": "threat"}
PRIORITY = ["bombing", "air/drone strike", "abduction", "territorial loss", "armed assault", "riot",
            "sabotage/disruption", "infiltration", "protest", "deployment/escalation", "arrest", "threat or warning"]
# A killing only planned, plotted, threatened or urged is no death ("a plot to kill the
# ambassador", "advised her to kill her parents").
PLANNED = re.compile(r"\b(?:(?:plots?|plans?|plotting|planning|plotted|planned|threat(?:s|ened|ening)?|vow(?:s|ed)?|"
                     r"tried|trying|attempt(?:s|ed)?|intend(?:s|ed)?|sought|seek(?:s|ing)?)|"
                     r"(?:advis|urg|encourag|incit|call|order|instruct)\w*\s+(?:\w+\s+){0,2}?)\s*to\s+(?:\w+\s+)?"
                     r"(?:kill|murder|assassinate)\w*", re.I)
CLAIM = re.compile(rf"{CLAIMS_RESPONSIBILITY.pattern}|\bclaimed\s+by\b", re.I)
RESPONDERS = re.compile(r"\b(?:police|officers?|army|military|forces|troops|guards?)\b", re.I)
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
MASS_ARREST = 10                 # arrests of this many people or more are a crackdown: medium
DEATH = re.compile(r"\b(?:killed|kills?|killing|dead|died|deaths?|death toll|bodies|slain|massacre\w*|"
                   r"lost their lives|fatalit\w+|murdered|beheaded|executed)\b", re.I)
LEADER = re.compile(r"\bassassinat\w+|\bkill\w* (?:the |a )?(?:\w+ )?(?:commander|leader|general|chief|president|"
                    r"minister|governor)\b", re.I)
SUICIDE = re.compile(r"\bsuicide\b", re.I)
SHELLING = re.compile(r"\b(?:shell\w*|mortars?|artillery|rockets?|missiles?)\b", re.I)
CLASH = re.compile(r"\b(?:clash\w*|fighting|fought|gun battles?|firefights?|exchange of fire|battles?)\b", re.I)
INTERVENTION = re.compile(r"\b(?:tear gas|water cannons?|rubber bullets|dispersed|arrested|detained|pepper spray|"
                          r"police (?:fired|charged|clashed))\b", re.I)
EXCESSIVE = re.compile(r"\bpolice (?:shot|killed|opened fire)\b|\bshot (?:a|the) (?:\w+ )?protester", re.I)


@dataclass
class Clause:
    span: Evidence
    text: str
    kind: Kind | None
    actor: str
    explicit: bool             #: the actor was named as such, not taken from the story
    blamed: bool               #: …but only as the one blamed ("attributed the bombing to X")
    target: str
    patients: list[str]        #: those the clause says the act is done to
    target_rank: int           #: how surely the target was found (roles.TARGET_RANKS, surest 0)
    place: str                 #: the place the clause puts the act in, if any
    killed: list[int]
    injured: list[int]
    date: str
    back_reference: bool
    headline: bool
    attacker_killed: bool      #: the only death told is the attacker's
    response: bool = False     #: the police or army using force on the attacker

    @property
    def family(self) -> str:
        return FAMILIES.get(self.kind.category, "") if self.kind else ""


@dataclass
class Incident:
    clauses: list[Clause] = field(default_factory=list)
    main_actor: str = ""
    response: bool = False     #: the force used on the attacker of the incident before
    place_countries: dict[str, str] = field(default_factory=dict)   #: place name → ISO code
    state_codes: dict[str, str] = field(default_factory=dict)       #: state actor's name → ISO code

    @property
    def kind(self) -> Kind | None:
        kinds = [c for c in self.clauses if c.kind]
        if not kinds:
            return None
        # A gun battle the incident opens with stays a battle, whatever grenades or rockets
        # are told in it ("A two-hour gun battle … There were grenade and rocket explosions").
        first = min((c.kind for c in kinds), key=lambda k: PRIORITY.index(k.category))
        if first.category in ("bombing", "air/drone strike") and kinds[0].kind.category == "armed assault" \
                and CLASH.search(kinds[0].text):
            return kinds[0].kind
        return first

    @property
    def family(self) -> str:
        return FAMILIES.get(self.kind.category, "") if self.kind else ""

    @property
    def places(self) -> list[str]:
        return [c.place for c in self.clauses if c.place]

    def threats(self, actor_types: dict[str, str], place_rank: dict[str, tuple[int, bool]], main_place: str,
                destination: str = "", seat: str = "") -> list[Threat]:
        """The incident's threat, then one for each other party the text only blames for the
        same act ("The Houthi movement claimed responsibility … Pompeo blamed Iran for the
        attacks"): the act as that party's, told by the sentence that blames it, so that a
        disputed attribution reads as such. `main_place`: where the story happens;
        `destination`: the same, when the text says something happens in it (not a capital
        named as its state); `seat`: the ISO code of the state whose country or capital
        `destination` is."""
        actor = self._actor(actor_types)
        others = [c for c in self.clauses if self._blames_another(c, actor)]
        rest = [c for c in self.clauses if all(c is not o for o in others)]
        if not any(c.kind for c in rest):
            others, rest = [], self.clauses
        threat = replace(self, clauses=rest)._threat(actor, place_rank, main_place, destination, seat)
        alleged = []
        for c in others:
            if c.actor in (threat.target, *(a.actor for a in alleged)):
                continue        # the victim blamed for its own harm, or a party given the act already
            other = replace(threat, actor=c.actor, blamed=True, summary=_summary(c.text), evidence=[c.span])
            other.named_actor, other.named_pair = True, False
            alleged.append(other)
        return [threat, *alleged]

    def _blames_another(self, c: Clause, actor: str) -> bool:
        """Whether the clause only blames a party other than the one the incident's sentences
        show doing or claiming the act."""
        return bool(actor) and c.blamed and c.explicit and bool(c.actor) and c.actor != actor \
            and any(x.explicit and not x.blamed and x.actor == actor for x in self.clauses) \
            and c.actor not in {p for x in self.clauses for p in x.patients}

    def _threat(self, actor: str, place_rank: dict[str, tuple[int, bool]], main_place: str,
                destination: str, seat: str) -> Threat:
        kind = self.kind
        text = " ".join(c.text for c in self.clauses)
        fatalities = min((n for c in self.clauses for n in c.killed), default=None)
        injured = min((n for c in self.clauses for n in c.injured), default=None)
        if kind.category == "armed assault" and CROWD.search(actor):
            kind = lexicon().kind("riot")     # protesters who clash and throw rocks: a violent demonstration
        # Untold, the place is the story's, where violence, unrest or arrests happen in it; a
        # force's move too, where the text says something happens in that place and it is not
        # the mover's own country or capital ("Russia sent troops" in a story that begins in
        # Moscow), though it may be a region of it ("government forces deployed into the northeast").
        fallback = main_place if self.family in ("violence", "unrest", "arrest", "threat") else \
            destination if self.family == "military" and not (seat and seat == self.state_codes.get(actor)) else ""
        place = self._place(place_rank) or fallback
        target = self._patient(actor) or self._target(actor) \
            or (place if self.family == "violence" and self._against(place, actor) else "")
        lead = self.clauses[0]
        sub_event_type = _sub_event_type(kind, text, actor)
        threat = Threat(
            summary=_summary(lead.text), category=kind.category, event_type=_event_type(kind, sub_event_type),
            sub_event_type=sub_event_type, actor=actor, target=target,
            location=place, date=self._date(),
            fatalities=fatalities, injured=injured,
            severity=severity(kind.category, text, fatalities, injured,
                              all(c.attacker_killed for c in self.clauses if DEATH.search(c.text))),
            evidence=[c.span for c in self.clauses])
        # Not a field: whether a sentence names the actor as the one who acts (the BLUF
        # states an actor only then, not one inferred from the story).
        told = self.kind.category           # the kind as the sentences tell it
        # One who claims the act names its doer whatever kind the claim's words tell.
        threat.named_actor = any(c.explicit and c.actor == actor and c.kind is not None
                                 and (c.kind.category == told or CLAIM.search(c.text)) for c in self.clauses)
        # Whether the text only blames the actor, never shows them doing it (the BLUF then
        # says "attributed to").
        threat.blamed = any(c.blamed and c.actor == actor for c in self.clauses) \
            and not any(c.explicit and not c.blamed and c.actor == actor for c in self.clauses)
        # Not a field: whether one sentence tells both who acted and on whom (the BLUF
        # does not join a doer from one sentence to a victim from another).
        threat.named_pair = any(c.explicit and c.actor == actor and target and (c.target == target
                                                                              or target in c.patients)
                                and c.kind is not None and c.kind.category == told
                                for c in self.clauses)
        return threat


    def _actor(self, actor_types: dict[str, str]) -> str:
        """The perpetrator: of the actors the incident's sentences name as acting (not those
        who respond to it, "police shot the attacker", nor its victims), the one most likely
        to carry it out: armed groups, then states, then protesters in unrest, then bodies
        and people; else the story's main aggressor."""
        if self.response:
            return _vote([c.actor for c in self.clauses])
        victims = {p for c in self.clauses for p in c.patients}
        if any(c.explicit and c.actor == self.main_actor and c.kind is not None for c in self.clauses):
            victims.discard(self.main_actor)    # the story's attacker, whom bystanders then subdued
        if self.family == "unrest" and not any(c.explicit and actor_types.get(c.actor) in ("organization", "state")
                                                 and "police" in c.actor.lower() for c in self.clauses[:1]):
            # Unrest is the doing of those who protest or riot, where the text names them.
            crowd = [n for n, k in actor_types.items() if k == "group" and re.search(
                r"protest|demonstrat|riot", n, re.I)]
            if crowd:
                return max(crowd, key=lambda n: sum(n.split()[-1].lower() in c.text.lower() for c in self.clauses))
        # Those who arrest a suspect respond to the violence; they do not carry it out.
        arrest = next(k.trigger for k in lexicon().kinds if k.category == "arrest")
        told = [c for c in self.clauses if not (self.family == "violence" and arrest.search(c.text))]
        weight = Counter()
        for c in told:
            if not c.actor or not c.explicit or c.actor in victims or c.kind is None and not c.blamed \
                    or c.attacker_killed and c.actor != self.main_actor:   # the police who shot him
                continue
            if self.family == "violence" and self.main_actor and c.actor != self.main_actor \
                    and RESPONDERS.search(c.actor) and not RESPONDERS.search(self.main_actor):
                continue          # "police suspect the attackers": they respond to the story's attacker
            kind = actor_types.get(c.actor, "")
            w = {"armed_group": 3.0, "state": 2.0, "organization": 1.5, "person": 1.0}.get(kind, 1.0)
            if kind == "group":
                w = 3.0 if self.family == "unrest" else 1.0
            # A sentence that only refers back or gives the toll names the doer less surely.
            weight[c.actor] += (w + (3.0 if c.actor == self.main_actor else 0.0)) * (1.0 if c.kind else 0.5)
        if weight:
            return weight.most_common(1)[0][0]
        if self.family == "arrest":
            # "71 people were arrested": by the police the article names, else its army.
            return next((n for word in ("police", "army", "military", "security forces") for n, k in actor_types.items()
                         if k == "organization" and word in n.lower()), "")
        # "The attack" is the story's attack; a warning or a move with nobody named is nobody's.
        return (_crowd(" ".join(c.text for c in self.clauses)) if self.family == "unrest" else "") \
            or _vote([c.actor for c in told if c.actor and c.actor not in victims and c.kind is not None]) \
            or (self.main_actor if self.family in ("violence", "unrest") else "")

    def _date(self) -> str:
        """The first day a sentence gives; else the year or month the incident opens with
        ("In 2006, Abqaiq was the target …"), not one a later sentence recalls."""
        return next((c.date for c in self.clauses if len(c.date) == 10), "") or self.clauses[0].date

    def _against(self, name: str, actor: str) -> bool:
        """Whether `name` can be what `actor` acts against: not itself, and not a place in
        a state's own country ("Russia" met in Moscow does not threaten Moscow)."""
        if not name or name == actor:
            return False
        if name.lower() in lexicon().perpetrators and not RESPONDERS.search(actor):
            return False        # "the suspect" is who did it, not whom it was done to (unless police shot him)
        home = self.state_codes.get(actor)
        return not (home and self.place_countries.get(name) == home)

    def _patient(self, actor: str) -> str:
        """Of those the sentences say the act is done to, the one the incident's sentences
        name as acted on most often ("an incursion into northeast Syria", told three times,
        before "fighting ISIS militants" told once), else the first."""
        patients = [p for c in self.clauses for p in c.patients if self._against(p, actor)]
        if not patients:
            return ""
        told = Counter(p for c in self.clauses for p in {*c.patients, c.target} if p)
        return max(patients, key=lambda p: told[p])

    def _target(self, actor: str) -> str:
        """What the sentences say is acted on, the most surely found (the prefecture at
        whose headquarters it happened before the city it stands in), then the most often
        told, then the first."""
        told = [(c.target_rank, c.target) for c in self.clauses if c.target and self._against(c.target, actor)]
        if not told:
            return ""
        counts = Counter(t for _, t in told)
        return min(told, key=lambda rt: (rt[0], -counts[rt[1]]))[1]

    def _place(self, place_rank: dict[str, tuple[int, bool]]) -> str:
        """The most specific place the incident's sentences put it in."""
        places = self.places
        if not places:
            return ""
        counts = Counter(places)
        return min(places, key=lambda p: (place_rank.get(p, (specificity("region"), True)), -counts[p]))


def group_incidents(clauses: list[Clause], main_actor: str = "", place_countries: dict[str, str] | None = None,
                    state_codes: dict[str, str] | None = None) -> list[Incident]:
    """`place_countries`: the briefing's places' countries; `state_codes`: its states'."""
    incidents: list[Incident] = []
    for c in clauses:
        # The police shooting the attacker is an act of its own, by others on another; the
        # story's sentences after it go back to the attack.
        response = c.response and any(i.family == "violence" for i in incidents)
        if response:
            home = incidents[-1] if incidents[-1].response and _same_place(c, incidents[-1]) else None
        else:
            home = _home(c, [i for i in incidents if not i.response])
        if home is None:
            if c.kind is None:
                continue       # a toll or a back-reference with nothing before it to belong to
            home = Incident(main_actor=main_actor, place_countries=place_countries or {},
                            state_codes=state_codes or {}, response=response)
            incidents.append(home)
        home.clauses.append(c)
    return [i for i in incidents if i.kind is not None]


def _home(c: Clause, incidents: list[Incident]) -> Incident | None:
    if not incidents:
        return None
    last = incidents[-1]
    if OTHER_TIME.search(c.text) and not c.back_reference:
        return None                               # "Last week a Kabul car bombing killed five"
    if c.kind is None:
        # "The explosion was very powerful", "Dozens died in the attack": the violence before.
        return next((i for i in reversed(incidents) if i.family in ("violence", "unrest")), None)
    if last.clauses and last.clauses[-1].headline and not c.headline and _compatible(c, last, strict=False):
        return last                               # the headline and the lead
    if c.back_reference and c.family in ("violence", "unrest", ""):
        found = next((i for i in reversed(incidents) if i.family == c.family), None)
        if found is not None and _same_place(c, found):
            return found
    if _compatible(c, last):
        return last
    # The same violent act told again after an aside ("The first bomb went off during Mass"
    # after the minister's orders to the troops): the earlier incident of its kind, when
    # the clause names no other place and no other doer.
    if c.family == "violence":
        return next((i for i in reversed(incidents[:-1]) if i.kind == c.kind and _retold(c, i)), None)
    return None


def _retold(c: Clause, incident: Incident) -> bool:
    # Those who arrest a suspect respond to the act; a raid of theirs is another act.
    doers = {x.actor for x in incident.clauses if x.actor and not (x.kind and x.kind.category == "arrest")}
    return (not c.place or c.place in incident.places) and (not c.explicit or c.actor in doers)


def _compatible(c: Clause, incident: Incident, strict: bool = True) -> bool:
    if c.family != incident.family:
        return False
    acting = {x.actor for x in incident.clauses if x.explicit and x.actor}
    if strict and c.explicit and c.actor and acting and c.actor not in acting and not c.back_reference \
            and c.actor not in {p for x in incident.clauses for p in x.patients} and c.family == "military":
        return False                              # another party's move: another incident
    if c.family == "threat" and strict:
        return False                              # each stated threat on its own
    return _same_place(c, incident)


def _same_place(c: Clause, incident: Incident) -> bool:
    """No place told, the same place, places of the same country (Abqaiq, Saudi Arabia), or
    a place the gazetteer cannot put in any country ("a village in Kisima area")."""
    if not c.place or not incident.places or c.place in incident.places:
        return True
    country = incident.place_countries.get(c.place)
    return not country or any(incident.place_countries.get(p) == country for p in incident.places)


# "at a pro-Trump protest": those who protest, named by what they stand for.
CROWD_OF = re.compile(r"\b((?:pro|anti)-[\w'’-]+)\s+(?:protests?|rall(?:y|ies)|demonstrations?|marches|"
                      r"protesters|demonstrators|rioters)\b", re.I)
CROWD_NOUN = re.compile(r"\b(?:%s)\b" % "|".join(sorted(CROWD_NOUNS)), re.I)


def _crowd(text: str) -> str:
    """Who protests when no crowd is an actor: "pro-Trump protesters" from "a pro-Trump
    rally", else the word the text uses ("demonstrators")."""
    m = CROWD_OF.search(text)
    if m:
        return f"{m.group(1)} protesters"
    m = CROWD_NOUN.search(text)
    return m.group(0).lower() if m else ""


def _vote(values: list[str]) -> str:
    return Counter(values).most_common(1)[0][0] if values else ""


def _sub_event_type(kind: Kind, text: str, actor: str) -> str:
    if kind.category == "bombing" and SUICIDE.search(text):
        return kind.variants.get("suicide", kind.sub_event_type)
    if kind.category == "air/drone strike" and SHELLING.search(text) and not re.search(r"\b(?:air ?strikes?|drones?|warplanes?|jets?)\b", text, re.I):
        return kind.variants.get("shelling", kind.sub_event_type)
    if kind.category == "armed assault" and CLASH.search(text):
        return kind.variants.get("clash", kind.sub_event_type)
    if kind.category == "protest":
        if EXCESSIVE.search(text):
            return "Excessive force against protesters"
        if INTERVENTION.search(text):
            return "Protest with intervention"
    return kind.sub_event_type


def _event_type(kind: Kind, sub_event_type: str) -> str:
    return "Battles" if sub_event_type == "Armed clash" else kind.event_type


def severity(category: str, text: str, fatalities: int | None, injured: int | None,
             only_attacker_died: bool = False) -> str:
    """The written severity rule (see the module's docstring): the kind's default from the
    lexicon, raised to high by the rule unless the kind's ceiling is lower."""
    kind = lexicon().kind(category)
    if kind.rhetoric is not None and not kind.trigger.search(kind.rhetoric.sub(" ", text)):
        return "low"             # "named the PKK as terrorists": it names a danger, threatens no one
    if category == "arrest" and max(arrested(text), default=0) >= MASS_ARREST:
        return "medium"          # "at least 71 people were arrested": a crackdown, not one suspect held
    if kind.ceiling != "high":
        return kind.severity     # never high, whatever deaths the story tells around it
    died = (fatalities or 0) > 0 or fatalities is None and DEATH.search(PLANNED.sub(" ", text)) is not None
    many_hurt = (injured or 0) >= 10 and FAMILIES.get(category) == "violence"
    if died and not only_attacker_died or many_hurt or category == "territorial loss" \
            or LEADER.search(text) or FAMILIES.get(category) == "violence" and lexicon().grave.search(text):
        return "high"
    return kind.severity


def _summary(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
