"""Who does it and to whom: the actor and the target of a threat sentence.

The small parser is right about subjects and objects often enough to use, but not
always, so each role is read from the parse and from the words around a name
("killed X", "attack on X", "by X"), the surface cue first where both speak.

- A *patient* is a name the act is done to: the object of a violent verb, the
  subject of one in the passive ("Soleimani was martyred"), the antecedent of
  "who was killed", a name after "against", "an attack on", "into" or "killed", or
  before "was the target of" or "suffered". A patient is never the actor.
- The *actor* is, in order: the name after "by" on a violent verb ("struck by the
  Taliban"), the one blamed ("blaming Iran"), the active subject of the clause, an
  unnamed armed subject tied back to a named one ("United States military forces",
  "the officers" → the police named in the article), the owner of the attack
  ("Turkey's offensive"), "he" for the person last named, an armed group or state
  named in a non-violent sentence, and finally the story's main aggressor when the
  sentence reports violence or refers back to "the attack". The main aggressor is the
  one who claims the act or whom the text ties to its perpetrators ("the suspects were
  linked to the X network", "X are the suspected perpetrators"), else the actor named
  most often, and most often acting, in the violent sentences.
- Crowds are parties of their own: "the protesters clashed with police" is the doing of
  the protesters the article names, never of the state their demonym names.
- The *target* is the first patient, else the body at whose premises it happens, else
  people the clause describes as acted on without naming them ("six aid workers were
  killed", "a shooting of protesters"; not "no crew were injured", nor people a speaker
  names in quotation marks), else another named actor, else a place the act happens in or
  moves on, else another place, else (for violence or "the attacks") what the story's
  violence is most often done to. An incident takes the target its clauses found most
  surely, in this order (`TARGET_RANKS`). Names that only qualify another
  ("US troops", "Iraq" in "Islamic State of Iraq and Syria"), subjects and origins
  ("came from Yemen") are not targets.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..briefing import Actor, Location, specificity
from ..geo import km
from .place_mentions import PLACE_NOUN_OF
from .quotes import CUES
from .threat_lexicon import lexicon
from .spans import doc_text, sentences, span_text

AGENT_TYPES = ("armed_group", "state", "organization", "person")

LEX = lexicon()
_ACTS = "|".join(sorted(map(re.escape, LEX.acts_on), key=len, reverse=True))
# The verbs of data/threat_lexicon.yaml: their subject acts on their object.
VIOLENT_VERB = re.compile(rf"^(?:{_ACTS})$", re.I)
# Words before a name that make it the one acted on: "assault on Damascus", "killed X",
# the other side of a clash ("clashed in front of parliament with the police").
PATIENT_BEFORE = re.compile(
    rf"\b(?:against|into|toward|towards|(?:{'|'.join(map(re.escape, sorted(LEX.act_nouns, key=len, reverse=True)))})"
    rf"\s+(?:\w+\s+)?(?:{LEX.act_noun_patient})|{_ACTS}|collapse of|killing of|assassination of|"
    rf"defeat(?:ed|ing)?|fight(?:ing|s)?(?: against)?|battl(?:e|ed|ing)(?: against)?|up to|"
    rf"(?:clash(?:es|ed|ing)?|exchanged fire|gun ?battles?)\s+(?:[\w-]+\s+){{0,4}}?with)"
    rf"\s+(?:the\s+|its\s+|their\s+|a\s+)?$", re.I)
# "Abqaiq was the target of", "the embassy was hit", "troops suffered heavy casualties".
PATIENT_AFTER = re.compile(
    rf"\s+(?:was|were|is|are|has been|had been|have been)\s+(?:\w+ly\s+)?(?:the\s+|a\s+)?"
    rf"(?:target|{_ACTS})\b|\s+(?:\w+ly\s+)?(?:{'|'.join(sorted(LEX.suffering))})\b", re.I)
LOCATIVE_BEFORE = re.compile(
    r"\b(in|into|on|at|against|toward|towards|take|seized|captured|entered|enter|"
    r"infiltrated|of|near|outside)\s+(?:the\s+)?$", re.I)
# "struck by X", "claimed by X", "ascribed to X": the name after is the agent.
AGENT_BEFORE = re.compile(
    rf"\b(\w+)\s+(?:out\s+)?(?:{LEX.act_noun_agent}|from)\s+(?:the\s+)?(?:[a-z]+\s+of\s+(?:the\s+)?)?$|"
    rf"\b(?:{'|'.join(sorted(LEX.blame))})\s+(?:(?:the|an?|this|that|its|their)\s+)?(?:\w+\s+)?(?:on|to)\s+(?:the\s+)?$|"
    rf"\b(?:{'|'.join(sorted(LEX.blame))})\s+(?:the\s+)?$", re.I)
PREMISES_BEFORE = re.compile(r"\b(?:at|on|outside|near|into|inside|in)\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+)?"
                             r"(?:headquarters|offices?|premises|compound|base|building|station|embassy|"
                             r"consulate|barracks|camp)\s+(?:of|in)\s+(?:the\s+)?$", re.I)
# "told the Military Times", "according to Reuters": who hears or relays the news; "described
# as knife-obsessed by the police": who does something else.
AUDIENCE_BEFORE = re.compile(r"\b(?:told|tells|telling|according to|interview with|quoted by|reported by|"
                             r"speaking to|spoke to|said to|by)\s+(?:the\s+)?$", re.I)
# "a professor at the Deakin University", "a spokesman for the ministry": a name that
# qualifies someone else, not one acted on.
ASIDE_BEFORE = re.compile(r"\b(?:at|of|for|from|with|about|as|among|between)\s+(?:the\s+)?$", re.I)
# "a Kabul car bombing": a place written before the act it qualifies.
ACT_AFTER = re.compile(rf"\s+(?:(?:car|truck|suicide|rocket|drone|mortar|missile|knife|gun|terror|terrorist|militant|"
                       rf"air|bomb|grenade|arson)\s+)?(?:{'|'.join(sorted(LEX.act_nouns | {'bombing', 'bombings'}, key=len, reverse=True))})\b")
# "Abdurrahman Mangal, spokesperson for the provincial governor, said": the one who tells
# of the act or condemns it, whatever the parse.
# ", spokesperson for the provincial governor,": an aside between a name and its verb.
_ASIDE = r",[^,.;\"“”]{1,80},"
SPEAKS_AFTER = re.compile(rf"(?:{_ASIDE}|,)?\s+(?:said|says|told|tells|added|stated|confirmed|announced|"
                          r"condemned|condemns|denounced|denounces|criticised|criticized)\b")
SAID_BEFORE = re.compile(r"\b(?:said|says|told|added|stated)\s+$")
ORIGIN_BEFORE = re.compile(r"\b(?:(?:came|come|comes|coming|fired|launched|originated|flown|flew)\s+"
                           r"(?:\w+\s+)?from|originat\w*\s+in)\s+(?:the\s+)?$", re.I)
ACT_VERB = re.compile(r"^(attack|invad|launch|seiz|captur|bomb|strik|struck|kill|shoot|shot|stab|"
                      r"fir|shell|deploy|dispatch|sen[dt]|enter|advanc|infiltrat|threat|warn|claim|"
                      r"carr|conduct|target|occup|mount|began|begin|start)", re.I)
ATTACK_NOUNS = set(LEX.act_nouns) | {"plans"}
# Where words are said: "told reporters in Tehran", "a press conference in Kabul".
SPOKEN_IN = {"said", "says", "saying", "told", "tells", "telling", "speaking", "spoke", "speaks", "reporters",
             "journalists", "conference", "interview", "briefing", "tv", "television", "radio", "broadcast"}
ARMED_NOUNS = {"rebels", "militants", "insurgents", "gunmen", "fighters", "jihadists", "attackers", "government",
               "regime",
               "attacker", "gunman", "terrorists", "militia", "militias", "forces", "troops", "soldiers",
               "officers", "police", "army", "military", "assailant", "assailants", "bomber", "bombers"}
# Of those, the ones a demonym gives to its state ("Syrian troops": Syria).
STATE_FORCE_NOUNS = {"government", "regime", "forces", "troops", "soldiers", "officers", "police", "army", "military"}
# Crowds act in unrest and may turn violent ("The protesters clashed with the police").
CROWD_NOUNS = {"protesters", "protestors", "demonstrators", "rioters"}
CROWD = re.compile(r"\b(?:protest|demonstrat|riot)", re.I)
# "X claimed responsibility": the claimant is the doer (incidents read it too).
CLAIMS_RESPONSIBILITY = re.compile(r"\bclaim(?:ed|s|ing)?\s+(?:the\s+)?responsibility\b")
# Unnamed armed subjects that stand for a body the article names elsewhere: the words,
# the body's name, and whether it takes "government"/"regime" ("government forces").
POLICE_WORDS = re.compile(r"^(police|officers?|policem[ae]n|constables?|detectives?)$")
NOMINAL_BODIES = [
    (POLICE_WORDS, re.compile(r"\bpolice\b", re.I), False),
    (re.compile(r"^(army|troops|soldiers|forces|military)$"),
     re.compile(r"\b(army|armed forces|military|defen[cs]e forces)\b", re.I), True),
]
# Words that name nobody unless tied to a body ("the police", "the army").
COMMON_BODIES = {"police", "officers", "military", "army", "government", "regime"}
COMMON_BODY_NAME = re.compile(r"\b(?:police|army|military|forces|guard)\b", re.I)
# Those who respond to an attack with force ("shot dead by police").
RESPONDER_WORDS = {"police", "officer", "officers", "policeman", "policemen", "constable", "constables", "troops",
                   "soldier", "soldiers", "army", "military", "forces", "personnel", "guard", "guards"}
STATE_MODIFIERS = {"government", "regime", "army", "military", "state", "pro-government"}
PERPETRATOR_NOUNS = {"attacker", "gunman", "assailant", "bomber", "suspect", "perpetrator"}
_PERPS = "|".join(sorted(LEX.perpetrators, key=len, reverse=True))
# "the suspects were linked to the X network", "by a prisoner, suspected to be X",
# "detained the man, later identified as X".
PERPETRATOR_BEFORE = re.compile(
    rf"(?:\b(?:{_PERPS})\b,?\s+(?:[\w-]+\s+){{0,3}}?(?:{LEX.identified_as})|"
    rf"\b(?:{'|'.join(sorted(LEX.held))})\s+(?:[\w-]+,?\s+){{1,3}}?(?:{LEX.identified_as})|\b(?:suspected|alleged)\s+to\s+"
    rf"(?:be|have\s+been))\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){{0,2}}$", re.I)
# "X are the suspected perpetrators", "X is believed to be behind the attack".
PERPETRATOR_AFTER = re.compile(
    rf",?\s+(?:is|are|was|were)\s+(?:(?:the|an?)\s+)?(?:(?:suspected|alleged|likely|presumed|prime|main)\s+)?"
    rf"(?:{_PERPS})\b|\s+(?:is|are|was|were)\s+(?:widely\s+)?(?:suspected|believed|thought|said)\s+to\s+"
    rf"(?:be|have\s+been)\s+(?:behind|responsible)\b", re.I)
SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")


VICTIM_TITLE_BEFORE = re.compile(rf"\b(?:{_ACTS})[ ]+(?:(?:the|a|an)[ ]+)?(?:[A-Z][\w.-]*[ ]+){{0,3}}"
                                 rf"(?:(?!(?:in|on|at|by|for|with|from|and|or|of|to)[ ])[a-z][\w-]+(?<!ed)[ ]+){{1,2}}$")
ADMITTING = {"admit", "admits", "admitted", "admitting", "acknowledge", "acknowledges", "acknowledged",
             "confess", "confesses", "confessed"}
# What one admits: the act itself ("admits downing", "acknowledged it had shot down").
ADMITTED_ACT = re.compile(rf"\s+(?:(?:that|it|they|its|their|\w+)\s+){{0,3}}(?:had\s+|has\s+|have\s+)?"
                          rf"(?:[\"“”']?\w+ly[\"“”']?\s+)?(?:{_ACTS}|downing|shooting down|shot down)\b", re.I)
# One who orders or announces a move of force makes it ("Trump announces troop withdrawal",
# "he had ordered heightened alert from troops"): the decision is the act.
ORDERING = {"order", "orders", "ordered", "announce", "announces", "announced", "approve", "approves",
            "approved", "authorize", "authorizes", "authorized", "authorise", "authorises", "authorised"}
ORDERED_MOVE = re.compile(r"\s+(?:[\w'’-]+\s+){0,4}?(?:withdrawals?|deployments?|troops|forces|soldiers|air ?strikes?|"
                          r"strikes?|offensives?|invasion|incursion|operation|alert|mobili[sz]ation|reinforcements)\b",
                          re.I)
# "Donald Trump, in a statement delivered via the press secretary, announced": whatever the parse.
ORDERS_AFTER = re.compile(rf"(?:{_ASIDE})?\s+(?:has\s+|had\s+)?(?:{'|'.join(sorted(ORDERING))})\b")
# A name written right before a violent verb acts: "Turkey invades", "ISIS attacked".
ACTS_AFTER = re.compile(rf"\s+(?:has\s+|have\s+|had\s+)?(?:{_ACTS})\b(?!\s+by\b)", re.I)
# The one before or after a noun of people that makes them the ones acted on.
VICTIM_BEFORE = re.compile(
    rf"\b(?:{_ACTS}|(?:{'|'.join(map(re.escape, sorted(LEX.act_nouns, key=len, reverse=True)))})\s+"
    rf"(?:{LEX.act_noun_patient}|of)|against)\s+(?:at least\s+|more than\s+)?"
    rf"(?:(?!(?:of|in|at|on|for|to|from|with|by|our|my|your)\s)[\w-]+\s+){{0,2}}$", re.I)
VICTIM_AFTER = re.compile(r"\s+(?:(?:were|was|have been|had been|are|is)\s+)?(?:all\s+|also\s+|reportedly\s+)?"
                          r"(?:killed|dead|died|injured|wounded|hurt|shot|stabbed|attacked|abducted|kidnapped|"
                          r"taken hostage)\b", re.I)
# How surely a clause's target was found, surest first: the one acted on, the body at its
# premises, people described as acted on, another name in the clause, the place acted in,
# a place named, the story's usual target.
TARGET_RANKS = {"patient": 0, "premises": 1, "described": 2, "named": 3, "place": 4, "place named": 5,
                "story": 6, "none": 7}
IN_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|outside|inside)\s+(?:the\s+)?$", re.I)
HURT = {"killed", "dead", "died", "injured", "wounded", "hurt"}
NOT_DESCRIBING = {"other", "more", "several", "many", "some", "few", "numerous", "unarmed", "innocent"}


@dataclass
class Name:
    """A named actor or place inside the sentence."""
    start: int
    end: int
    name: str
    actor: Actor | None = None
    place: Location | None = None


APART_KM = 50         #: two sites of one act farther apart than this are told as its country
INSIDE_KM = 25        #: a town this close to a bigger one named with it is a part of it ("Streatham", London)


def place_rank(locations: list[Location], gaz) -> dict[str, tuple[int, bool]]:
    """How narrow each location is, for "the most specific place": its kind, then, of two
    towns, the one inside the other (Streatham before London)."""
    towns = [loc for loc in locations if loc.kind == "city" and loc.lat is not None and loc.geonames_id]
    people = {loc.name: next((p.population for p in gaz.candidates(loc.name) if p.geonames_id == loc.geonames_id), 0)
              for loc in towns}
    inner = {a.name for a in towns for b in towns if a is not b and people[a.name] < people[b.name]
             and km(a.lat, a.lon, b.lat, b.lon) <= INSIDE_KM}
    return {loc.name: (specificity(loc.kind), loc.name not in inner) for loc in locations}


class RoleFinder:
    """Reads actor and target off one article's sentences."""

    def __init__(self, doc: Doc, actors: list[Actor], locations: list[Location], gaz, violent_rx):
        self.doc = doc
        self.text = doc_text(doc)
        self.gaz = gaz
        self.by_name = {a.name: a for a in actors}
        # A state, or a state's army ("Russian troops"), is at home in its country's towns.
        self.army_homes = army_homes(actors, gaz)
        self.state_codes = {c.name: code for code, c in gaz.countries.items()} | self.army_homes
        self._tokens: dict[tuple[int, int], Token | None] = {}
        self.actor_names = sorted((Name(e.start, e.end, a.name, actor=a) for a in actors
                                   for e in a.evidence if a.type in AGENT_TYPES), key=lambda n: n.start)
        self.place_names = sorted((Name(e.start, e.end, loc.name, place=loc) for loc in locations
                                   for e in loc.evidence), key=lambda n: n.start)
        self.place_rank = place_rank(locations, gaz)
        # The crowd the article names ("Hong Kong protesters"), if any.
        crowds = [a for a in actors if a.type == "group" and CROWD.search(a.name)]
        self.crowd = max(crowds, key=lambda a: len(a.evidence)).name if crowds else ""
        # Each trigger searched once over the text, not once per sentence.
        hits = sorted(m.start() for rx in violent_rx for m in rx.finditer(self.text))
        self.violent = [(s.start_char, s.end_char) for s in sentences(doc)
                        if bisect.bisect_left(hits, s.start_char) < bisect.bisect_left(hits, s.end_char)]
        self.aggressor = main_aggressor(doc, actors, self.violent, self._victims())
        self.explicit = False
        self.blamed = False            #: the clause's actor is only the one blamed for the act
        self.target_rank = TARGET_RANKS["none"]
        self.patients: list[str] = []
        self.main_target = self._main_target()

    def roles(self, sent: Span, violent: bool, back_reference: bool) -> tuple[str, str]:
        actors = [n for n in self.actor_names if sent.start_char <= n.start < sent.end_char]
        # "Iraq" inside "Islamic State of Iraq and Syria" names no place of its own.
        places = [n for n in self.place_names if sent.start_char <= n.start < sent.end_char
                  and not any(a.start <= n.start and n.end <= a.end and a.end - a.start > n.end - n.start
                              for a in actors)]
        patients = [n for n in actors + places if self._is_patient(n)]
        patient_ids = {id(n) for n in patients}
        agents = [n for n in actors if id(n) not in patient_ids]
        # A country named only as a place can still be the one blamed ("blaming Iran").
        blamable = agents + [n for n in places if n.place.kind == "country" and id(n) not in patient_ids
                             and not any(a.start == n.start for a in actors)]
        aggressor = self.aggressor.name if self.aggressor and (violent or back_reference) else ""
        if any(n.name == aggressor for n in patients):
            aggressor = ""                 # the one attacked here is not who attacks
        self.blamed = False
        actor = (self._named_agent(sent, blamable) or self._subject(sent, agents, patients)
                 or self._attack_owner(sent, agents) or self._pronoun_agent(sent, patients))
        self.explicit = bool(actor)
        # An armed group or state merely named in a sentence without violence is a guess.
        actor = actor or aggressor or ("" if violent else self._armed(agents))
        target, self.target_rank = self._target(sent, actor, patients, places, actors)
        self.patients = [n.name for n in patients if n.name != actor]
        if not target and (violent or back_reference) and self.main_target not in ("", actor):
            target, self.target_rank = self.main_target, TARGET_RANKS["story"]   # "The attacks triggered major fires"
        return actor, target

    def described_victims(self, sent: Span) -> list[str]:
        """People the clause says the act is done to without naming them ("six aid workers
        were killed", "attacked journalists"), as the text describes them."""
        out = []
        for token in sent:
            if token.lower_ not in LEX.victims or token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound" \
                    or any(n.start <= token.idx < n.end for n in self.actor_names):
                continue
            if not self._acted_on(token, sent) or any(c.lower_ == "no" for c in token.children) \
                    or _quoted(self.text[sent.start_char:token.idx]):
                continue           # "no crew were injured"; what a speaker says may be or happen
            words = [t.lower_ for t in token.lefts if t.dep_ in ("compound", "amod") and t.text.islower()
                     and t.lower_ not in NOT_DESCRIBING and t.lower_ not in LEX.acts_on]
            phrase = " ".join(words + [token.lower_])
            if (token.lower_ in CROWD_NOUNS or token.lower_ + "s" in CROWD_NOUNS) and self.crowd:
                phrase = self.crowd        # "a teenage protester" of the Hong Kong protesters
            if phrase not in out:
                out.append(phrase)
        return out

    def _owner_of_object(self, sent: Span) -> str:
        """The country a demonym gives the object of a violent verb ("shot down a Ukrainian
        passenger jet" → Ukraine)."""
        for token in sent:
            if token.dep_ not in ("obj", "dobj", "obl") or not (VIOLENT_VERB.match(token.head.lower_)
                                                             or token.head.lower_ == "downing") \
                    or token.dep_ == "obl" and not any(c.lower_ == "down" for c in token.children):
                continue         # the object, or "shot down a jet" read as an oblique
            for mod in token.subtree:
                if mod.i < token.i and mod.dep_ in ("amod", "compound") and mod.text[:1].isupper():
                    iso = self.gaz.country_of_demonym(mod.text)
                    if iso and iso in self.gaz.countries:
                        return self.gaz.countries[iso].name
        return ""

    def _acted_on(self, token: Token, sent: Span) -> bool:
        """The noun is what a violent verb acts on: its object, its passive subject, one who
        died or was hurt, or a noun after "killed", "attack on" ("killing two journalists")."""
        head = token.head
        if token.dep_ in ("obj", "dobj") and VIOLENT_VERB.match(head.lower_):
            return True
        if token.dep_ in ("nsubj", "nsubjpass") and (_passive(head) and VIOLENT_VERB.match(head.lower_)
                                                     or head.lower_ in LEX.suffering or head.lower_ in HURT):
            return True
        start = min([t.idx for t in token.lefts if t.dep_ in ("compound", "amod", "det", "nummod", "poss")]
                    + [token.idx])
        before = self.text[max(sent.start_char, start - 40):start]
        after = self.text[token.idx + len(token.text):token.idx + len(token.text) + 40]
        return bool(VICTIM_BEFORE.search(before) or VICTIM_AFTER.match(after))

    def _victims(self) -> set[str]:
        """Actors the article's violent sentences show being acted on ("Wiranto was stabbed"),
        but not the attacker whom the police shot, nor one the headline or the lead shows
        attacking ("28-year-old Usman Khan stabbed several people", whom bystanders then
        subdued)."""
        attacking = {n.name for n in self.actor_names if _within(n.start, self.violent[:2]) and self._attacks(n)}
        return {n.name for n in self.actor_names if _within(n.start, self.violent) and self._is_patient(n)
                and n.name.lower() not in PERPETRATOR_NOUNS and n.name not in attacking}

    def _attacks(self, n: Name) -> bool:
        """The name is the active subject of a verb of attack, as parsed or as written right
        before it ("Usman Khan stabbed", which the parser may read as a compound)."""
        verb = _active_verb(self._token(n))
        if verb is not None:
            return is_act(verb) and VIOLENT_VERB.match(verb.lower_) is not None
        m = ACTS_AFTER.match(self.text, n.end)
        return m is not None and not _noun_before_verb(self.text, m.end())

    @property
    def aggressor_name(self) -> str:
        return self.aggressor.name if self.aggressor else ""

    def place(self, sent: Span) -> str:
        """Where the clause puts the act: a place after "in", "at", "near" first, then the
        most specific place it names (a town before a region, a region before a country)."""
        places = [n for n in self.place_names if sent.start_char <= n.start < sent.end_char]
        if not places:
            return ""

        def told_where(n: Name) -> bool:
            # "in northern Syria", not "in blaming Iran"
            return bool(re.search(r"\b(?:in|at|near|outside|inside|on|into|across|over)\s+(?:the\s+)?"
                                  r"(?:(?![\w'’-]*ing\s)[\w'’-]+\s+){0,3}$", self.text[max(0, n.start - 30):n.start])) \
                or bool(PLACE_NOUN_OF.search(self.text, max(0, n.start - 40), n.start))

        def whose(n: Name) -> bool:
            # "the Houthi movement in Yemen": the country qualifies the group, not the act
            # (but "police in Clairton", "Rayshard Brooks in Atlanta" are there).
            return n.place.kind == "country" and any(
                0 <= n.start - a.end <= 12 and a.actor.type in ("armed_group", "organization")
                and not COMMON_BODY_NAME.search(a.name)
                and re.fullmatch(r"\s+(?:in|of|from|based in)\s+(?:the\s+)?", self.text[a.end:n.start])
                for a in self.actor_names if a.name != n.name)

        def located(n: Name) -> bool:
            # "in", "at", "the town of", what is attacked, or before the act ("a Kabul car bombing")
            return (told_where(n) or self._is_patient(n) or ACT_AFTER.match(self.text, n.end)) and not whose(n) \
                and not self._spoken_in(n) \
                and not ORIGIN_BEFORE.search(self.text, max(0, n.start - 40), n.start)   # "originated in Yemen"
        def qualifies(n: Name) -> bool:
            # "in a US counter-terrorism operation": the country says whose act, not where.
            span = self.doc.char_span(n.start, n.end, alignment_mode="expand")
            root = span.root if span is not None else None
            return n.place.kind == "country" and root is not None and root.dep_ in ("compound", "amod", "nmod") \
                and root.head.i > root.i and root.head.pos_ == "NOUN"

        places = [n for n in places if located(n) and not qualifies(n)]
        if not places:
            return ""
        holding = self._holding_both(places)
        if holding:
            return holding
        # Of places alike, one the text says it happened in before one named in what was hit
        # ("killed Abu Dhabi TV photojournalist … in the port town of Mokha").
        return min(places, key=lambda n: (self.place_rank[n.name], not told_where(n), n.start)).name

    def _spoken_in(self, n: Name) -> bool:
        """Where someone spoke, not where the act was ("Speaking on al-Masirah TV in Yemen, the
        spokesman said …", "told reporters in Tehran"): the place hangs from a verb of saying
        or a word of the news."""
        if not re.search(r"\b(?:in|at|from)\s+(?:the\s+)?$", self.text[max(0, n.start - 10):n.start]):
            return False          # "speaking of an incursion into northeast Syria": the act's place
        token = self._token(n)
        return token is not None and token.head.i != token.i and token.head.lower_ in SPOKEN_IN

    def _holding_both(self, places: list[Name]) -> str:
        """Where one clause puts the act at two sites far apart ("struck the processing plant
        at Abqaiq and the Khurais oil field"): the country that holds both, when the
        briefing names it."""
        ordered = sorted(places, key=lambda n: n.start)
        for a, b in zip(ordered, ordered[1:]):
            pa, pb = a.place, b.place
            if pa.kind not in ("place", "city") or pb.kind not in ("place", "city") or pa.lat is None \
                    or pb.lat is None or not pa.country or pa.country != pb.country \
                    or not re.fullmatch(r"\s*(?:,\s*)?and\s+(?:the\s+)?", self.text[a.end:b.start]) \
                    or km(pa.lat, pa.lon, pb.lat, pb.lon) <= APART_KM:
                continue
            country = next((n.place for n in self.place_names if n.place.kind == "country"
                            and n.place.country == pa.country), None)
            if country is not None:
                return country.name
        return ""

    def attacker_killed(self, sent: Span, actor: str) -> bool:
        """The death the clause tells is the attacker's ("police shot the attacker dead")."""
        text = span_text(sent)
        return bool(re.search(r"\b(?:attacker|assailant|gunman|suspect|bomber|perpetrator)s?\b[^.]{0,60}\b"
                              r"(?:shot dead|killed|died|dead)\b|\b(?:shot|killed)\s+(?:the\s+)?(?:attacker|"
                              r"assailant|gunman|suspect|bomber)|\b(?:police|officers?|security forces)\b[^.]{0,30}\b"
                              r"(?:shot|shoot|shoots|killed|kill|kills)\b[^.]{0,20}\b(?:dead|him|her)\b", text, re.I))

    def responder(self, sent: Span) -> str:
        """The police or army that the clause shows using force on the story's attacker
        ("The attacker was shot dead by police", "The officers eventually shot him dead"):
        the body the article names for them, else the word. Nobody where the story's
        aggressor is itself the police or the army ("Police shoot teenage protester")."""
        aggressor = self.aggressor
        if aggressor is None or COMMON_BODY_NAME.search(aggressor.name) or aggressor.type == "state":
            return ""
        for verb in sent:
            if not VIOLENT_VERB.match(verb.lower_) or verb.pos_ not in ("VERB", "AUX"):
                continue
            if _passive(verb):
                # "shot dead by police", "shot in the head by another police officer": the
                # agent may hang from the verb's complement or from a phrase of its own.
                agents = [t for t in verb.subtree if t.i != verb.i and any(c.lower_ == "by" for c in t.children)
                          and not any(h.pos_ in ("VERB", "AUX") for h in _between(t, verb))]
                patients = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass")]
            else:
                agents = [c for c in verb.children if c.dep_ == "nsubj"]
                if not agents and verb.dep_ == "conj":    # "Police arrived and shot him dead"
                    agents = [c for c in verb.head.children if c.dep_ == "nsubj"]
                patients = [c for c in verb.children if c.dep_ in ("obj", "dobj")]
            body = next((a for a in agents if a.lower_ in RESPONDER_WORDS), None)
            if body is not None and any(self._is_attacker(p, aggressor) for p in patients):
                return self._whose_force(body, []) or ("police" if POLICE_WORDS.match(body.lower_) else body.lower_)
        return ""

    def _is_attacker(self, token: Token, aggressor: Actor) -> bool:
        """The word stands for the story's attacker: "the attacker", "the gunman", the
        attacker's name, or "he"/"him" where the attacker is a person."""
        if token.lower_ in LEX.perpetrators:
            return True
        if token.lower_ in ("he", "him", "she", "her") and aggressor.type == "person":
            return True
        return any(n.name == aggressor.name and n.start <= token.idx < n.end for n in self.actor_names)

    def _main_target(self) -> str:
        """What the story's violence is most often done to, when that is said twice or more."""
        counts: Counter = Counter()
        for n in self.actor_names + self.place_names:
            if _within(n.start, self.violent) and self._is_patient(n):
                counts[n.name] += 1
        name, count = counts.most_common(1)[0] if counts else ("", 0)
        return name if count >= 2 else ""

    # --- patients -------------------------------------------------------------------

    def _is_patient(self, n: Name) -> bool:
        before = self.text[max(0, n.start - 30):n.start]
        if PATIENT_BEFORE.search(self.text, max(0, n.start - 60), n.start) and not _agent_cue(before) \
                and not self._names_a_noun(n):
            return True
        # "killed Abu Dhabi TV photojournalist Ziad al-Sharabi": a person named after the role
        # the violent verb acts on.
        if n.actor is not None and n.actor.type == "person" \
                and VICTIM_TITLE_BEFORE.search(self.text, max(0, n.start - 60), n.start):
            return True
        # "six aid workers in South Sudan were killed": the place says where, not who.
        if PATIENT_AFTER.match(self.text, n.end) and not IN_PLACE_BEFORE.search(before):
            return True
        token = self._token(n)
        if token is None:
            return False
        head = token.head
        if token.dep_ == "obj" and VIOLENT_VERB.match(head.lower_):
            return True
        # "killed Abu Dhabi TV photojournalist Ziad al-Sharabi": the name of the one killed
        if token.dep_ in ("appos", "flat", "compound") and head.i < token.i and VIOLENT_VERB.match(head.head.lower_) \
                and (head.dep_ == "obj" or head.dep_ == "obl" and not any(c.dep_ == "case" for c in head.children)):
            return True
        if token.dep_ == "nsubj" and _passive(head) and VIOLENT_VERB.match(head.lower_):
            return True
        # "al-Muhandis, who was also killed"
        return any(c.dep_ in ("acl", "relcl") and _passive(c) and VIOLENT_VERB.match(c.lower_)
                   and any(w.lower_ in ("who", "which") for w in c.children) for c in token.children)

    # --- actor ----------------------------------------------------------------------

    def _named_agent(self, sent: Span, blamable: list[Name]) -> str:
        """The one who claims the act ("X claimed responsibility"), the name after "by" on a
        violent verb ("struck by X"), or the one blamed."""
        claim = CLAIMS_RESPONSIBILITY.search(self.text, sent.start_char, sent.end_char)
        if claim:
            # Not a name in an aside ("X, which is linked to Y, claimed responsibility").
            before = [n for n in blamable if n.end <= claim.start() and not self._aside(n)]
            if before:
                return before[-1].name
        for n in sorted(blamable, key=lambda n: n.start):
            cue = _agent_cue(self.text[max(sent.start_char, n.start - 30):n.start])
            if cue:
                # Blamed by someone ("attributed the bombing to X"), not shown doing it.
                self.blamed = cue.group(1) is None
                return n.name
        return ""

    def _subject(self, sent: Span, agents: list[Name], patients: list[Name]) -> str:
        """The subject of the clause's action, named ("Turkey invaded") or not ("government
        forces began"); of two, the one nearer the main verb ("forces began deploying into
        SDF-controlled territory": the forces)."""
        subjects = [(n, _active_verb(self._token(n))) for n in agents]
        # The subject of an action, not of a report ("Reuters reported"): a violent or
        # military verb first ("as Turkey invades"), then any other verb.
        # Nor of an aside ("Tartus, where Russia has naval interests, is under threat").
        # One who admits the act did it ("Iran admits downing Ukrainian jet").
        admitted = next((n for n, v in subjects if v is not None and v.lower_ in ADMITTING
                         and ADMITTED_ACT.match(self.text, v.idx + len(v.text), sent.end_char)), None)
        if admitted is not None:
            return admitted.name
        ordering = next((n for n, v in subjects if v is not None and v.lower_ in ORDERING
                         and ORDERED_MOVE.match(self.text, v.idx + len(v.text), sent.end_char)), None) \
            or next((n for n in agents if (m := ORDERS_AFTER.match(self.text, n.end, sent.end_char))
                     and ORDERED_MOVE.match(self.text, m.end(), sent.end_char)), None)
        if ordering is not None:
            return ordering.name
        ordered = next((t for t in sent if t.dep_ == "nsubj" and t.lower_ in ("he", "she") and t.head.lower_ in ORDERING
                        and ORDERED_MOVE.match(self.text, t.head.idx + len(t.head.text), sent.end_char)), None)
        if ordered is not None:
            # "Lorenzana said he had ordered 'heightened alert' from troops": the one named before.
            before = [n for n in self.actor_names if n.end <= ordered.idx and n.actor.type == "person"]
            if before:
                return before[-1].name
        # A verb of speech is no act, but threatening or vowing to act is ("ISIS is threatening
        # to take Damascus").
        subjects = [(n, v) for n, v in subjects if v is not None and (
                        v.lower_ not in CUES or LEX.threatened.match(self.text, v.idx)) and not _verb_of_report(v)
                    and not (v.dep_ in ("relcl", "acl") and not ACT_VERB.search(v.text))
                    and v.lower_ not in BE_OR_GET_OR_HAVE]
        first = min(subjects, key=lambda nv: not ACT_VERB.search(nv[1].text), default=None)
        named = (first[0].name, _depth(first[1])) if first else None
        if named is None:
            # Headlines the parser reads badly: "… as Turkey invades Syria's northeast".
            written = next((n for n in agents if not self._is_patient(n) and not _quoted(
                self.text[sent.start_char:n.start]) and (m := ACTS_AFTER.match(self.text, n.end))
                and not _noun_before_verb(self.text, m.end())), None)
            named = (written.name, 50) if written is not None else None
        nominal = self._nominal_agent(sent, patients)
        if named and nominal and nominal[1] < named[1]:
            return nominal[0]
        return named[0] if named else nominal[0] if nominal else ""

    def _nominal_agent(self, sent: Span, patients: list[Name]) -> tuple[str, int] | None:
        """An unnamed armed subject and how deep its verb lies, tied to a name where the
        text allows; else the words themselves ("rebels")."""
        for token in sent:
            if token.lower_ not in ARMED_NOUNS and token.lower_ not in CROWD_NOUNS or not _acting_subject(token, sent):
                continue
            name = self._whose_force(token, patients)
            if name is None and token.lower_ not in COMMON_BODIES:
                adjectives = [t.text for t in token.lefts if t.pos_ == "ADJ" and t.text.islower()]
                name = " ".join(adjectives + [token.lower_])
            if name:
                return name, _depth(token.head)
        m = re.search(r"\b(rebel|militant|insurgent|jihadist|terrorist)\s+(threat|attack|fire|advance|offensive)",
                      sent.text, re.I)
        return (m.group(1).lower() + "s", 99) if m else None

    def _whose_force(self, token: Token, patients: list[Name]) -> str | None:
        """The named body behind "United States military forces" (the name before it),
        "Syrian troops" (the demonym's country), "the attacker" (the story's attacker),
        "officers" or "government forces" (the police or army the article names)."""
        attacked = {p.start for p in patients}
        inside = next((n for n in self.actor_names if n.start <= token.idx < n.end), None)
        # "the gunmen", where the text ties them to the story's aggressor ("the gunmen were a
        # part of the Beltran Leyva gang") or the aggressor is an armed group.
        if token.lower_ in LEX.perpetrators and (inside is None or inside.name.lower() == token.lower_) \
                and self.aggressor is not None and self.aggressor.name != token.lower_ and (
                self.aggressor.type == "armed_group" or any(names_perpetrator(self.text, e.start, e.end)
                                                             for e in self.aggressor.evidence)):
            return self.aggressor.name
        if inside is not None:
            return None if inside.start in attacked else inside.name
        owner = next((n for n in self.actor_names if n.end <= token.idx and n.start >= token.sent.start_char
                      and n.start not in attacked and n.actor.type != "person"
                      and re.fullmatch(r"['’]?s?\s*(?:[\w-]+\s+){0,2}", self.text[n.end:token.idx])
                      and self._modifies(n, token)), None)
        if owner is not None:
            return owner.name
        if token.lower_ in CROWD_NOUNS:
            # A crowd is its own party ("Serbian protesters" are not Serbia): the crowd the
            # article names, if any.
            return self.crowd or None
        if token.lower_ in ("government", "regime") and any(c.lower_ in ("their", "its") for c in token.lefts):
            # "representatives from Iran acknowledged their government had shot down …"
            states = [n for n in self.actor_names + self.place_names
                      if token.sent.start_char <= n.start < token.idx
                      and (n.actor is not None and n.actor.type == "state"
                           or n.place is not None and n.place.kind == "country")]
            if states:
                return states[-1].name
        modifiers = [t for t in token.lefts if t.pos_ in ("ADJ", "PROPN", "NOUN") and t.dep_ != "nsubj"]
        for mod in modifiers:
            iso = self.gaz.country_of_demonym(mod.text) if mod.text[:1].isupper() else ""
            if iso and iso in self.gaz.countries:
                # "Syrian troops" are Syria's; "Iraqi militias" or "Syrian rebels" are no state.
                return self.gaz.countries[iso].name if token.lower_ in STATE_FORCE_NOUNS \
                    else f"{mod.text} {token.lower_}"
        if token.lower_ in PERPETRATOR_NOUNS and self.aggressor is not None and self.aggressor.type == "person":
            return self.aggressor.name
        of_state = bool({m.lower_ for m in modifiers} & STATE_MODIFIERS)
        for words, body, needs_state in NOMINAL_BODIES:
            if words.match(token.lower_) and (of_state or not needs_state):
                found = Counter(n.name for n in self.actor_names if body.search(n.name))
                if found:
                    return found.most_common(1)[0][0]
        return None

    def _modifies(self, n: Name, token: Token) -> bool:
        """The name is part of the noun phrase `token` heads ("United States military
        forces"), not a neighbour in another phrase ("told the BBC that police suspect")."""
        named = self._token(n)
        return named is None or named.i == token.i or token in named.ancestors

    def _attack_owner(self, sent: Span, agents: list[Name]) -> str:
        """Whose attack it is when a modifier says so: "an Al-Qaeda suicide attack",
        "Iranian attack plans", "Turkey's offensive"."""
        for token in sent:
            if token.lower_ not in ATTACK_NOUNS or any(n.start <= token.idx < n.end for n in agents):
                continue        # a word of a name ("Combined Joint Task Force Operation Inherent Resolve")
            if token.lower_ == "air" and (token.i + 1 >= len(token.doc) or not token.nbor().lower_.startswith(
                    ("strike", "raid", "attack"))):
                continue        # "an Iraqi air base" is no one's air strike
            # In "Iranian attack plans" the owner modifies the head the attack noun compounds.
            mods = list(token.lefts)
            if token.dep_ == "compound":
                mods += [t for t in token.head.lefts if t.i < token.i]
            for mod in mods:
                if mod.dep_ not in ("compound", "amod", "poss", "nmod") and mod.pos_ not in ("PROPN", "ADJ"):
                    continue
                for n in agents:
                    if n.start <= mod.idx < n.end:
                        return n.name
                iso = self.gaz.country_of_demonym(mod.text) if mod.text[:1].isupper() else ""
                if iso and iso in self.gaz.countries:
                    return self.gaz.countries[iso].name
        return ""

    def _pronoun_agent(self, sent: Span, patients: list[Name]) -> str:
        """'He had orchestrated attacks', 'His fascination with terrorism': the person
        named last before the pronoun."""
        for t in sent:
            subject = t if t.dep_ == "nsubj" else None
            if subject is None:
                continue
            pronoun = subject if subject.lower_ in ("he", "she") else next(
                (c for c in subject.children if c.lower_ in ("his", "her") and c.i < subject.i), None)
            if pronoun is None:
                continue
            verb = subject.head
            if verb.lower_ in CUES or _verb_of_report(verb):
                continue           # "he said": the speaker, not the agent
            if _passive(verb) and (patients or VIOLENT_VERB.match(verb.lower_)):
                return ""          # "he was met by X, who was killed": he is no agent there
            before = [n for n in self.actor_names if n.end <= pronoun.idx and n.actor.type == "person"]
            return before[-1].name if before else ""
        return ""

    def _armed(self, agents: list[Name]) -> str:
        armed = [n for n in agents if n.actor.type in ("armed_group", "state") and not self._aside(n)]
        return armed[0].name if armed else ""

    def _aside(self, n: Name) -> bool:
        """A name inside a relative clause: "where Russia has naval interests"."""
        token = self._token(n)
        while token is not None and token.head.i != token.i:
            if token.dep_ in ("relcl", "acl"):
                return True
            token = token.head
        return False

    # --- target ---------------------------------------------------------------------

    def _target(self, sent: Span, actor: str, patients: list[Name], places: list[Name],
                actors: list[Name]) -> tuple[str, int]:
        """What the clause acts on, and how it was found (`TARGET_RANKS`)."""
        # Neither the actor's own side ("Iran sent IRGC forces") nor its partner in the act
        # ("Russia, Iran sending forces") is what it threatens.
        acting = self.by_name.get(actor)
        own = {acting.affiliation} - {""} if acting else set()
        own |= {a.name for a in self.by_name.values() if actor and a.affiliation == actor
                or acting is not None and acting.affiliation and a.affiliation == acting.affiliation}
        partners = {n.name for a in actors if a.name == actor for n in actors if self._linked(a, n)}

        # A state does not threaten its own towns ("Putin met Suleimani in Moscow").
        home = self.gaz.countries.get(self.state_codes.get(actor, ""))

        def eligible(n: Name) -> bool:
            if home is not None and n.place is not None and n.place.country == home.country:
                return False
            return n.name != actor and n.name not in own and n.name not in partners and not self._qualifier(n)

        # "rocket attacks on the United States Embassy": the patient may qualify a noun.
        for n in sorted(patients, key=lambda n: n.start):
            if n.name != actor and n.name not in own:
                return n.name, TARGET_RANKS["patient"]
        # "at the headquarters of the Paris Police Prefecture": the body at its premises.
        for n in sorted(actors + places, key=lambda n: (n.start, n.start - n.end)):   # the whole name first
            if eligible(n) and PREMISES_BEFORE.search(self.text, max(sent.start_char, n.start - 60), n.start):
                return n.name, TARGET_RANKS["premises"]
        # "six aid workers were killed": people described, not named.
        described = [v for v in self.described_victims(sent) if v.split()[-1] not in actor.lower().split()]
        if described:
            return described[0], TARGET_RANKS["described"]
        # "shot down a Ukrainian passenger jet": the country whose thing was hit.
        owner = self._owner_of_object(sent)
        if owner and owner != actor and owner not in own and (home is None or owner != home.name):
            return owner, TARGET_RANKS["described"]
        # Not where it came from ("the attacks came from Yemen").
        # ("a Kabul car bombing killed five": the subject is the bombing, Kabul where it was).
        places = [n for n in places if eligible(n) and not (self._is_subject(n) and not ACT_AFTER.match(self.text, n.end))
                  and not ORIGIN_BEFORE.search(self.text[max(0, n.start - 30):n.start])]
        for n in places:
            if LOCATIVE_BEFORE.search(self.text[max(sent.start_char, n.start - 12):n.start]):
                return n.name, TARGET_RANKS["place"]
        if places:
            return places[0].name, TARGET_RANKS["place named"]
        for n in actors:
            if eligible(n) and not self._is_subject(n) and not SPEAKS_AFTER.match(self.text, n.end) \
                    and not SAID_BEFORE.search(self.text, max(sent.start_char, n.start - 10), n.start) \
                    and not AUDIENCE_BEFORE.search(self.text, max(sent.start_char, n.start - 30), n.start) \
                    and not ASIDE_BEFORE.search(self.text, max(sent.start_char, n.start - 20), n.start):
                return n.name, TARGET_RANKS["named"]
        return "", TARGET_RANKS["none"]

    def _linked(self, a: Name, b: Name) -> bool:
        """Two names joined as one party: "Russia, Iran", "Soleimani and his Quds Force"."""
        ta, tb = self._token(a), self._token(b)
        if ta is None or tb is None or ta.i == tb.i:
            return False
        return (ta.dep_ in ("conj", "appos") and ta.head.i == tb.i) or \
            (tb.dep_ in ("conj", "appos") and tb.head.i == ta.i)

    def _names_a_noun(self, n: Name) -> bool:
        """A name written before the noun it qualifies: "killed Abu Dhabi TV photojournalist
        Ziad al-Sharabi" (the photojournalist is killed, not Abu Dhabi)."""
        return bool(re.match(r"\s+(?:[A-Z]{2,}\s+)?[a-z]{3,}\b", self.text[n.end:n.end + 40])) \
            and self._qualifier(n)

    def _qualifier(self, n: Name) -> bool:
        """A name that only qualifies the next noun: "US troops", "US President Trump"."""
        token = self._token(n)
        if token is None or token.dep_ not in ("compound", "amod", "nmod"):
            return False
        if LOCATIVE_BEFORE.search(self.text[max(0, n.start - 12):n.start]):
            return False           # "in Saudi Arabia" names a place whatever the parse says
        head = token.head
        if head.lower_ in ATTACK_NOUNS or head.lower_ in ("bombing", "car"):
            return False           # "a Kabul car bombing": the place bombed
        nxt = self.text[n.end:n.end + 2]
        return head.i > token.i and not nxt.startswith(("'", "’"))

    def _is_subject(self, n: Name) -> bool:
        """The active subject, or one of several ("Soleimani and his Quds Force were")."""
        token = self._token(n)
        if token is not None and token.dep_ in ("conj", "appos"):
            token = token.head            # "The United Nations (UN) has confirmed"
        return token is not None and token.dep_ == "nsubj" and not _passive(token.head)

    def _token(self, n: Name) -> Token | None:
        """The token that stands for a name in the parse, looked up once per name."""
        key = (n.start, n.end)
        if key not in self._tokens:
            span = self.doc.char_span(n.start, n.end, alignment_mode="expand")
            root = span.root if span is not None else None
            while root is not None and root.dep_ == "flat" and root.head.i < root.i:
                root = root.head          # "Trump" of "US President Trump": the name's first word
            if root is not None and root.dep_ in ("compound", "amod", "poss") \
                    and root.head.dep_ in ("nsubj", "csubj", "obj"):
                root = root.head
            self._tokens[key] = root
        return self._tokens[key]


BE_OR_GET_OR_HAVE = {"be", "is", "are", "was", "were", "been", "being", "has", "have", "had", "having"}
BE_OR_GET = {"be", "is", "are", "was", "were", "been", "being", "get", "gets", "got", "gotten", "'s", "’s"}


ARMY = re.compile(r"\b(?:army|armed forces|military|troops|soldiers|forces|navy|air force)\b", re.I)


def army_homes(actors: list[Actor], gaz) -> dict[str, str]:
    """A state's armed forces named as a body of their own → the state's ISO code."""
    out = {}
    for a in actors:
        if a.type == "organization" and a.affiliation and ARMY.search(a.name):
            code = next((p.country for p in gaz.candidates(a.affiliation) if p.kind == "country"), "")
            if code:
                out[a.name] = code
    return out


def _between(token: Token, ancestor: Token) -> list[Token]:
    """The tokens on the way up from `token` to `ancestor`, neither included."""
    out = []
    head = token.head
    while head.i != ancestor.i and head.head.i != head.i:
        out.append(head)
        head = head.head
    return out


def _noun_before_verb(text: str, end: int) -> bool:
    """The word just read as a verb is a noun before the real one ("Yemen bomb kills")."""
    nxt = re.match(r"\s+([a-z]+)", text[end:end + 20])
    return bool(nxt) and (nxt.group(1) in LEX.acts_on or nxt.group(1) in ("is", "was", "were", "has", "have"))


def _agent_cue(before: str) -> re.Match | None:
    """The words before a name that make it the agent: "struck by", "claimed by", "blamed
    on" (no word caught: a blame), not any "by" or "from" ("distancing himself from the
    killing of X")."""
    m = AGENT_BEFORE.search(before)
    if m and (m.group(1) is None or VIOLENT_VERB.match(m.group(1)) or m.group(1).lower() in ATTACK_NOUNS
              or m.group(1).lower() in ("claimed", "carried")):
        return m
    return None


def _quoted(before: str) -> bool:
    """Whether the text after `before` (from the sentence's start) lies inside quotation marks."""
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _passive(verb: Token) -> bool:
    # The shipped pipeline has no lemmatizer, so forms are matched, not lemmas.
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in BE_OR_GET for c in verb.children)


def _acting_subject(token: Token, sent: Span) -> bool:
    """The subject of an action rather than of a report ("the police said")."""
    nxt = token.nbor(1) if token.i + 1 < sent.end else None
    if token.dep_ == "nsubj":
        verb = token.head
    elif nxt is not None and nxt.tag_ in ("VBD", "VBZ", "VBP") and token.dep_ not in ("obj", "compound"):
        verb = nxt                 # the parser may miss it: "after police discharged their firearms"
        if verb.lower_ in BE_OR_GET and any(t.tag_ == "VBN" for t in sent.doc[verb.i + 1:min(verb.i + 3, sent.end)]):
            return False           # "Two soldiers and 16 gunmen were killed": acted on
    elif nxt is not None and VIOLENT_VERB.match(nxt.lower_) and nxt.lower_ not in PAST_PARTICIPLES \
            and token.i + 2 < len(sent.doc) and sent.doc[token.i + 2].lower_ != "by":
        return True                # a headline the parser reads badly: "Police shoot teenage protester"
    else:
        return token.dep_ in ("ROOT", "appos") and token.lower_ not in COMMON_BODIES
    # "the three officers were stabbed": the subject of a passive is acted on.
    return verb.lower_ not in CUES and not _verb_of_report(verb) and not _passive(verb)


# Verb forms that after a noun more often modify it than tell what it did ("soldiers killed
# in the attack", "the gunmen wounded"): not read as a headline's verb.
PAST_PARTICIPLES = {"killed", "wounded", "injured", "taken", "detained", "arrested", "kidnapped", "abducted",
                    "shot", "stabbed", "targeted", "martyred", "occupied", "captured", "seized"}


# What one issues when one speaks: "released a statement saying an attack …".
STATEMENT_NOUNS = {"statement", "statements", "communique", "communiqué", "report", "release"}


def _verb_of_report(verb: Token) -> bool:
    return verb.lower_ in LEX.reporting or any(c.dep_ in ("obj", "dobj") and c.lower_ in STATEMENT_NOUNS
                                               for c in verb.children)


def _depth(token: Token) -> int:
    """Steps from a token up to its sentence's root."""
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _active_verb(token: Token | None) -> Token | None:
    """The verb a name is the active subject of ("Russian forces began": began), or None."""
    if token is None or token.dep_ not in ("nsubj", "csubj"):
        return None
    head = token.head
    if head.lower_ in ("responsible", "behind"):
        return head                 # "X was responsible for the deaths"
    if head.pos_ not in ("VERB", "AUX") or _passive(head) and VIOLENT_VERB.match(head.lower_):
        return None
    return head


def _within(start: int, ranges: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The (start, end) range of sorted, disjoint `ranges` that holds `start`, if any."""
    i = bisect.bisect_right(ranges, (start, float("inf"))) - 1
    return ranges[i] if i >= 0 and ranges[i][0] <= start < ranges[i][1] else None


LOCATED = re.compile(r"(?:\b(?:in|at|near|across|throughout|from)\s+(?:the\s+)?|[A-Z][\w.-]+,\s+)$")


def is_act(verb: Token) -> bool:
    """A verb of acting; "claimed" only of an act, not of what someone says ("Tamim claimed
    Houthis have attacked journalists" is speech)."""
    return bool(ACT_VERB.search(verb.text)) and not (verb.lower_.startswith("claim")
                                                     and any(c.dep_ == "ccomp" for c in verb.children))


def main_aggressor(doc: Doc, actors: list[Actor], violent: list[tuple[int, int]],
                   victims: set[str] = frozenset()) -> Actor | None:
    """The actor most often named in violent sentences (`violent`: their character
    ranges): who "the attack" refers to. Armed groups count three times, a person named
    as "attacker" or "gunman" twice."""
    text = doc_text(doc)
    weights: Counter = Counter()
    acted: set[str] = set()                 # actors seen doing an act, claiming or named as its doer
    by_name = {}
    for actor in actors:
        if actor.type not in ("armed_group", "state", "person") or actor.name in victims:
            continue
        by_name[actor.name] = actor
        for ev in actor.evidence:
            where = _within(ev.start, violent)
            span = doc.char_span(ev.start, ev.end, alignment_mode="expand") if where else None
            if span is None:
                continue
            sentence = text[where[0]:where[1]]
            if actor.type == "state" and LOCATED.search(text, max(0, ev.start - 40), ev.start):
                continue                          # "in Paris, France": where it happened, not who
            root = span.root
            if root.dep_ in ("compound", "amod", "poss", "nmod", "flat", "appos") \
                    and root.head.dep_ in ("nsubj", "csubj") \
                    and (root.dep_ in ("compound", "amod", "poss") or root.head.i < root.i and root.head.is_title):
                root = root.head              # "Professor | Alan Reid … said": the title is the subject's word
            verb = _active_verb(root)
            if verb is not None and is_act(verb):
                weights[actor.name] += 3          # the subject of an attack verb
                acted.add(actor.name)
            if re.match(r"\s*(?:\w+\s+)?(?:has\s+|have\s+)?claim(?:ed|s)?\s+(?:the\s+)?responsibility",
                        text[ev.end:ev.end + 50]):
                weights[actor.name] += 10         # the one who claims the attack
                acted.add(actor.name)
            if actor.type == "armed_group":
                weights[actor.name] += 2
            elif actor.type == "person":
                # Named where the attacker is told of, unless as the one who tells of it
                # ("Professor X said \"The attacker was using a couple of guns\"").
                speaks = root.dep_ == "nsubj" and (root.head.lower_ in CUES or _verb_of_report(root.head)) \
                    or root.dep_ == "appos" and root.head.dep_ == "nsubj" and root.head.head.lower_ in CUES
                weights[actor.name] += 3 if not speaks and re.search(
                    r"\b(attacker|gunman|bomber|assailant|suspect|knifeman)\b", sentence, re.I) else 0
            else:
                weights[actor.name] += 1
    for actor in actors:
        if actor.type in AGENT_TYPES and actor.name not in victims \
                and any(names_perpetrator(text, ev.start, ev.end) for ev in actor.evidence):
            by_name[actor.name] = actor
            weights[actor.name] += 10             # the one the text says did it
            acted.add(actor.name)
    # A state named around the violence but never doing any ("UN coordinator for South
    # Sudan") is where it happened, not who did it.
    for name in [n for n in weights if by_name[n].type == "state" and n not in acted]:
        del weights[name]
    if not weights or weights.most_common(1)[0][1] < 2:
        return None
    return by_name[weights.most_common(1)[0][0]]


def names_perpetrator(text: str, start: int, end: int) -> bool:
    """Whether the text ties the name at `start`:`end` to those who did it ("the suspects
    were linked to the X network", "X are the suspected perpetrators")."""
    before = text[max(0, start - 120):start]
    cut = None
    for cut in SENTENCE_END.finditer(before):
        pass
    if cut is not None:
        before = before[cut.end():]
    return bool(PERPETRATOR_BEFORE.search(before)) or bool(PERPETRATOR_AFTER.match(text, end))
