"""The bottom line up front: one sentence built from the fields of the most severe
incident the headline or the lead reports (see `lead_end`).

"Gunmen attacked a police station in X on 2019-01-20, killing 12." Only what the
incident's fields hold is said: no actor, no "by"; no toll, no "killing"; a doer the text
only blames is "attributed to", not said to have done it. With neither
an actor named as the one who acts nor a toll, there is no BLUF: a sentence that only
says "X was attacked" claims more than the text may. The page and the PDF mark it as
generated.
"""
from __future__ import annotations

from ..briefing import SEVERITIES, Threat, specificity
from ..dates import display as display_date
from .actors import PARTICLE_NAME
from .roles import STATE_FORCE_NOUNS
from .threat_lexicon import lexicon

# What an actor did, by kind: (active verb, passive verb).
VERBS = {
    "bombing": ("bombed", "was bombed"), "air/drone strike": ("struck", "was struck"),
    "abduction": ("abducted people from", "saw abductions"), "armed assault": ("attacked", "was attacked"),
    "territorial loss": ("seized", "was seized"), "riot": ("rioted against", "saw rioting"),
    "protest": ("protested against", "saw protests"), "arrest": ("made arrests in", "saw arrests"),
    "infiltration": ("infiltrated", "was infiltrated"), "deployment/escalation": ("deployed to", "saw deployments"),
    "sabotage/disruption": ("damaged", "was damaged"), "threat or warning": ("threatened", "was threatened"),
}
NO_TARGET = {"bombing": "carried out a bombing", "air/drone strike": "carried out a strike",
             "armed assault": "carried out an attack", "riot": "rioted", "protest": "protested",
             "deployment/escalation": "deployed forces", "threat or warning": "issued a threat",
             "abduction": "abducted people", "territorial loss": "seized territory", "arrest": "made arrests",
             "infiltration": "infiltrated", "sabotage/disruption": "caused damage"}
# What a place saw when neither doer nor victim is told: "Nairobi saw an attack".
EVENT_NOUNS = {"bombing": "a bombing", "air/drone strike": "a strike", "abduction": "an abduction",
               "armed assault": "an attack", "territorial loss": "a loss of territory", "riot": "rioting",
               "protest": "a protest", "arrest": "arrests", "infiltration": "an infiltration",
               "deployment/escalation": "a deployment", "sabotage/disruption": "sabotage",
               "threat or warning": "a threat"}


def lead_end(text: str, headline_end: int, at_least: int = 300) -> int:
    """Where the article's lead ends: its first paragraph after the headline (and at
    least `at_least` characters of it). The BLUF tells an incident the lead reports, not
    one the story recalls further down ("the civil war has killed 300,000 since 1993")."""
    start = headline_end
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return max(end, min(len(text), start + at_least))


def bluf(threats: list[Threat], countries: dict[str, str] | None = None, places: dict[str, str] | None = None,
         actor_types: dict[str, str] | None = None) -> str:
    """`countries`: name → ISO code of the briefing's actors and places, to leave out a
    target that is the actor's own country or a place in it; `places`: the briefing's
    place names and kinds (territory is seized from a body, not the body itself; "Kenya
    was attacked in Nairobi" or "Tamil Nadu was bombed in Trichy" says no more than
    where); `actor_types`: the actors' types (who may be said to have done what; see
    `_doer`)."""
    if not threats:
        return ""
    countries, places, actor_types = countries or {}, places or {}, actor_types or {}
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    t = min(threats, key=lambda t: (rank.get(t.severity, 3), -(t.fatalities or 0), -(t.injured or 0)))
    active, passive = VERBS.get(t.category, ("acted against", "was targeted"))
    clash = t.sub_event_type == "Armed clash"     # a battle has sides, not a victim
    if clash:
        active, passive = "clashed with", "clashed"
    actor = t.actor if getattr(t, "named_actor", True) and _doer(t, actor_types.get(t.actor, "")) else ""
    toll = bool(t.fatalities or t.injured)
    if t.category not in VIOLENT and not actor or not actor and not toll:
        return ""       # neither a doer the text names nor a toll: too little to put first
    target = t.target
    if actor and not getattr(t, "named_pair", True):
        target = ""     # the doer and the victim come from different sentences: only the doer
    if target and (target == actor or actor and countries.get(target) and countries.get(target) == countries.get(actor)):
        target = ""
    if target and t.location and t.location != target and countries.get(target) == countries.get(t.location) \
            and (actor_types.get(target) == "state"
                 or target in places and specificity(places[target]) > specificity(places.get(t.location, ""))):
        target = ""     # the country or region the place lies in: where, not whom
    place = f" in {t.location}" if t.location and t.location != target else ""
    when = f" {'on' if len(t.date) == 10 else 'in'} {display_date(t.date)}" if t.date else ""
    if t.category == "territorial loss" and target and target not in places:
        active, passive = "took territory from", "lost territory"
    # A description ("attacker", "gunmen"), not a name with its article ("al-Qaeda").
    described, plural = actor[:1].islower() and not PARTICLE_NAME.match(actor), _plural(actor)
    if described and not plural:
        actor = f"the {actor}"      # a singular description needs its article: "The attacker"
    if target[:1].islower():      # people described, not named: "aid workers", "teenage protester"
        if _plural(target):
            passive = passive.replace("was ", "were ", 1)
        else:
            target = ("an " if target[0] in "aeiou" else "a ") + target
    if actor and t.blamed:
        # Only blamed, not shown doing it: "Mokha saw a bombing, attributed to Houthi movement".
        where = t.location or target
        if not where:
            return ""
        clause = f"{where} saw {EVENT_NOUNS.get(t.category, 'an incident')}{when}, attributed to {actor}"
    elif actor and target:
        clause = f"{actor} {active} {target}{place}{when}"
    elif actor and t.category == "deployment/escalation" and described and plural:
        clause = f"{actor} were deployed{place}{when}"        # "Troops were deployed", not "deployed forces"
    elif actor:
        clause = f"{actor} {'clashed' if clash else NO_TARGET.get(t.category, 'acted')}{place}{when}"
    elif target:
        clause = f"{target} {passive}{place}{when}"
    elif t.location:
        clause = f"{t.location} saw {EVENT_NOUNS.get(t.category, 'an incident')}{when}"
    else:
        return ""
    toll = []
    if t.fatalities:
        toll.append(f"killing {t.fatalities}")
    if t.injured:
        toll.append(f"injuring {t.injured}")
    tail = (", " + " and ".join(toll)) if toll else ""
    sentence = clause + tail + "."
    return sentence[0].upper() + sentence[1:]


VIOLENT = {"bombing", "air/drone strike", "abduction", "armed assault", "territorial loss", "riot"}
ARMED = {"armed_group", "state", "group"}
FORCES = STATE_FORCE_NOUNS - {"government", "regime"}      # a state's armed bodies


def _doer(t: Threat, kind: str) -> bool:
    """Whether the BLUF may name the incident's actor as the one who did it: armed groups,
    states and groups (gunmen, protesters) for violence and unrest; armed groups and
    states for military moves and threats; a person or a body for violence with a toll,
    a police or an army also told in one sentence with its victim ("police fired a live
    round at a protester"): a wrong name in the first sentence costs more than none."""
    if kind in ("", "group") and lexicon().armed.search(t.actor):
        return True           # described by what they do: "gunmen", "rebels", "the attacker"
    if t.category in VIOLENT:
        return kind in ARMED or kind in ("person", "organization") and bool(t.fatalities or t.injured) \
            or kind == "organization" and getattr(t, "named_pair", False) \
            and bool(FORCES & {w.lower() for w in t.actor.split()})
    if t.category in ("protest",):
        return kind == "group"
    return kind in ("armed_group", "state")


def _plural(description: str) -> bool:
    return description.endswith(("s", "men", "children", "people", "police", "staff", "crew", "troops"))

