"""Actors: named people, organisations, states and armed groups, with aliases merged.

A mention comes from the entity recogniser (model or entity ruler), from a country
or capital that acts ("Moscow is setting up", "Tehran dispatched"), or from a
demonym heading a state body ("Russian military forces"). Mentions are merged into
one actor when they share a known canonical name, when one person's name ends
another's ("Putin" → "Vladimir Putin"), or when one is the other's acronym.
Demonyms alone ("Syrian") are never actors.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..briefing import Actor, Evidence
from .attribution import cue_words
from .dates import WEEKDAYS
from .gazetteer import Gazetteer, KnownActor, actor_key, norm
from .lexicon import given_name_gender, is_common_word, is_given_name, is_surname
from .nlp import BODY_WORDS, LEGISLATURES, major_place, next_to_cue
from .threat_lexicon import lexicon
from .place_mentions import PLACE_LABELS
from .spans import (HEAD_TITLES, LEADING_WORDS, OFFICE_ABBREVIATIONS, POSTNOMINALS, TITLE_WORDS, VESSEL_PREFIXES,
                    clean_name, doc_text, opens_sentence, span_evidence, strip_titles, whole_word_matches)

STATE_NOUNS = {"government", "forces", "force", "military", "troops", "army", "officials",
               "authorities", "navy", "regime", "administration", "soldiers", "police",
               "ministry", "embassy", "diplomats", "jets", "warplanes", "intelligence"}
ARMED_WORDS = {"militia", "militias", "rebels", "brigade", "brigades", "front", "jihad",
               "mujahideen", "fighters", "insurgents", "liberation", "battalion", "taliban",
               "movement", "militants", "army"}
LOCATIVE = {"in", "into", "at", "near", "from", "to", "toward", "towards", "across", "inside",
            "outside", "throughout", "within", "around", "of", "on", "between", "via", "through"}
MAX_ROLE_TOKENS = 6


@dataclass
class Draft:
    """An actor while mentions are still being merged into it."""
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    roles: Counter = field(default_factory=Counter)
    affiliation: str = ""
    in_headline: bool = False
    gender: str = ""             #: "m" or "f" where a courtesy title says ("Mr. Obama")

    def add(self, form: str, ev: Evidence, headline: bool) -> None:
        if form and form != self.name:
            self.aliases.add(form)
        if all(e.start != ev.start for e in self.evidence):
            self.evidence.append(ev)
        self.in_headline |= headline


class ActorFinder:
    def __init__(self, gaz: Gazetteer, known: list[KnownActor]):
        self.gaz = gaz
        self.known = {a.name: a for a in known}
        self.known_by_form = {actor_key(f): a for a in known for f in [a.name, *a.aliases]}
        self.known_forms = {a.name: {actor_key(f) for f in [a.name, *a.aliases]} for a in known}

    def find(self, doc: Doc, headline_end: int, places: list[tuple[int, int]] = ()) -> list[Actor]:
        """Actors of the article; `places` are the character spans the location rules
        found to name places (a place is an actor only when it acts: "Moscow sent")."""
        drafts: dict[str, Draft] = {}

        def add(key: str, name: str, type_: str, form: str, span: Span, affiliation: str = ""):
            draft = drafts.get(key)
            if draft is None:
                draft = drafts[key] = Draft(name, type_, affiliation=affiliation)
            draft.add(form, span_evidence(span), span.start_char < headline_end)
            return draft

        ents = list(doc.ents)         # spaCy builds the tuple anew on each access
        ents = sorted(ents + _aged_names(doc, ents, self.gaz), key=lambda e: e.start)
        # Words of people's full names: a one-word "person" that is a town and no one's name
        # is the town the recogniser mislabelled ("Quneitra", "Jolo"). A full name is read
        # without an opening word ("In Paris" is none); a surname after a given name counts
        # inside any entity ("Senator from Vermont Bernie Sanders" typed a body).
        full_names = {norm(w) for e in ents if e.label_ == "PERSON"
                      for form in [_trim_person(clean_name(e.text))] if " " in form for w in form.split()}
        full_names |= {norm(b) for e in ents for a, b in itertools.pairwise(e.text.split())
                       if b[:1].isupper() and is_given_name(a)}
        text = doc_text(doc)
        place_forms = {norm(text[s:e]) for s, e in places}     # "Mokha" the place rules found elsewhere
        # A one-word name next to a speech verb ("Hartl said") is someone's, whatever small
        # town shares it; a country's, a region's or a big town's speaks for its government.
        speaking = {t.text for t in doc if t.is_title and next_to_cue(doc, t.i) and not major_place(self.gaz, t.text)
                    and not any(0 <= j < len(doc) and (doc[j].is_title or doc[j].lower_ == "the")
                                for j in (t.i - 1, t.i + 1))}     # not "The Atlantic", "Saha Airlines"
        for ent in ents:
            form = clean_name(ent.text)
            if ent.label_ == "PERSON":
                form = _trim_person(form)
                at = ent.text.find(form)
                span = doc.char_span(ent.start_char + at, ent.start_char + at + len(form)) if at >= 0 else None
                if span is not None and len(span) < len(ent):
                    ent = Span(doc, span.start, span.end, label="PERSON")
                if " of " not in form and _named_like_a_thing(form) and not strip_titles(form, self.gaz)[1] \
                        or " " in form and form.split()[-1].lower().rstrip(".") in COMPANY_SUFFIXES:
                    ent = Span(doc, ent.start, ent.end, label="ORG")    # "Mahan Air", "Metz Fresh LLC"
            elif ent.label_ == "ORG" and len(ent) >= 3 and is_given_name(ent[-2].text) and ent[-1].is_title \
                    and not is_common_word(ent[-1].lower_) and _title_place([t.text for t in ent[:-2]], self.gaz):
                # "Senator from Vermont Bernie Sanders" typed a body: the person after the place
                ent, form = Span(doc, ent.end - 2, ent.end, label="PERSON"), ent[-2:].text
            # "Ziad" of "Ziad al-Sharabi", "Jazeera" of "Al Jazeera": the name goes on.
            longer = _particle_name(text, ent.start_char, ent.end_char)
            if longer is not None:
                form = clean_name(text[longer[0]:longer[1]])
                span = doc.char_span(longer[0], longer[1], alignment_mode="expand")
                ent = Span(doc, span.start, span.end, label=ent.label_) if span is not None else ent
            if len(form) < 2 or not any(c.isupper() for c in form) or _vessel(ent):
                continue
            owned = OWNED_PERSON.match(form)
            if owned and is_given_name(owned.group(2).split()[0]):
                # "NBC's Dante Chinni": the person, of the body named before them.
                at = ent.start_char + ent.text.find(owned.group(2))
                span = doc.char_span(at, at + len(owned.group(2)), alignment_mode="expand")
                if span is not None:
                    ent, form = Span(doc, span.start, span.end, label="PERSON"), owned.group(2)
            # The known actor the ruler tagged, unless the name grew around its form ("Hamza"
            # before "bin Laden" is another person).
            known = self.known_by_form.get(actor_key(form)) or (
                self.known.get(ent.ent_id_) if actor_key(form) in self.known_forms.get(ent.ent_id_, ()) else None)
            if known:
                draft = add(known.name, known.name, known.type, form, ent, self._country_name(known.affiliation))
                if known.type == "person":
                    role = " ".join(x for x in (_role_before(ent), strip_titles(form, self.gaz)[1]) if x)
                    if role:
                        draft.roles[role] += 1
                continue
            country = self._country(form)
            if country or ent.label_ in PLACE_LABELS or _overlaps(ent, places):
                state = country or self._capital_of(form)
                if state and _acts(ent, state_verbs=not country):
                    add(state, self.gaz.countries[state].name, "state", form, ent)
                # A body that is also a place ("the headquarters of the Paris Police
                # Prefecture") is an actor as well.
                words = form.split()
                if country or ent.label_ != "ORG" or len(words) < 2 or not {w.lower() for w in words} & BODY_WORDS:
                    continue
            if not _is_name(ent, self.gaz):
                continue
            if ent.label_ == "PERSON" and " " not in form and norm(form) not in full_names and form not in speaking \
                    and (norm(form) in place_forms or any(h.how == 0 for h in self.gaz.lookup(form))):
                continue
            if ent.label_ == "PERSON" and " " in form and (
                    _title_place(form.split(), self.gaz) or _place_list(form, self.gaz)):
                continue          # "New York" in "The New York Post reports": a place, no one's name;
                                  # "Alabama, Arkansas": places listed
            if ent.label_ == "PERSON" and _people_of(form, self.gaz):
                add("group:" + form, form, "group", form, ent)     # "Mexicans", "Samoans": a people
                continue
            if ent.label_ == "PERSON":
                name, title = strip_titles(form, self.gaz)
                if title and " " not in name and (is_common_word(name.lower()) or _is_title_word(name)) \
                        and not any(w.endswith(".") or w.lower() in COURTESY for w in title.split()):
                    continue      # "Foreign Relations" stripped of its "title": an ordinary word, no one
                                  # ("Mr. Tribe", "Mr. Ban" are surnames); "Labour MP": a title alone
                name = self._before_home(name)        # "Raul Grijalva of Arizona": where he is from
                name, title = _occupation_split(name, title)
                role = " ".join(x for x in (_role_before(ent), title) if x)
                untitled = False          # the words before are no title ("the nomination of X")
                if role.endswith((" of", " of the", " from")):
                    # "Mayor of London Sadiq Khan", "Minister of Health Alan Johnson", "Senator
                    # from Vermont Bernie Sanders": what the title is of belongs to the role;
                    # "Mayor of New Orleans" names no one.
                    of, name = _object_of_title(name, self.gaz)
                    span = doc.char_span(ent.end_char - len(name), ent.end_char, alignment_mode="expand") \
                        if name and ent.text.endswith(name) else None
                    if span is None:
                        continue
                    ent, form, role, untitled = Span(doc, span.start, span.end, label="PERSON"), name, \
                        f"{role} {of}" if of else "", not of
                # "Mr. Obama" and "Mrs. Obama" are two people: a surname is keyed by the sex
                # its courtesy title gives.
                gender = courtesy_gender(role or _role_before(ent))
                draft = add("person:" + name + (f"#{gender}" if gender and " " not in name else ""),
                            name, "person", form, ent)
                draft.gender = draft.gender or gender
                role = role or ("" if untitled else _role(ent))
                if role:
                    draft.roles[role] += 1
            elif ent.label_ == "ORG":
                words = {w.lower() for w in form.split()}
                type_ = "armed_group" if words & ARMED_WORDS else "organization"
                add("org:" + form, form, type_, form, ent)

        for span, iso in _blamed_states(doc, self.gaz):
            add(iso, self.gaz.countries[iso].name, "state", clean_name(span.text), span)
        forces: list[tuple[Span, str]] = []
        for span, iso in _state_phrases(doc, self.gaz):
            phrase = clean_name(span.text)
            known = self.known_by_form.get(actor_key(phrase))
            if known:
                add(known.name, known.name, known.type, phrase, span, self._country_name(known.affiliation))
            elif span.end < len(doc) and doc[span.end].text[:1].isupper() and doc[span.end].pos_ == "PROPN":
                continue           # the start of a longer name ("Indonesian State Intelligence Agency")
            elif span[-1].lower_ in FORCE_NOUNS and not _modifier(span[-1]):
                forces.append((span, iso))
            else:
                add(iso, self.gaz.countries[iso].name, "state", phrase, span)
        # A state's forces are the state where the state acts in its own name too ("Moscow
        # is setting up … Russian military forces"); else they are a body of their own,
        # named as the text names them ("the Mexican Army" in a story of a gun battle), and
        # always where the text writes its proper name ("the Indonesian National Police").
        proper = {(iso, FORCE_NOUNS[s[-1].lower_]) for s, iso in forces if all(t.text[:1].isupper() for t in s)}
        for span, iso in forces:
            phrase = clean_name(span.text)
            if iso in drafts and (iso, FORCE_NOUNS[span[-1].lower_]) not in proper:
                add(iso, self.gaz.countries[iso].name, "state", phrase, span)
            else:
                name = _force_name(span, [s for s, i in forces if i == iso])
                add(f"force:{iso}:{FORCE_NOUNS[span[-1].lower_]}", name, "organization", phrase, span,
                    self.gaz.countries[iso].name)

        merged = _merge(list(drafts.values()), doc_text(doc))
        _sweep(doc, merged, headline_end, places)
        merged = [d for d in merged if not _stray_opening_word(d, text, speaking)]
        bodies = [d.name for d in merged if d.type != "person"]
        return [self._finish(d, bodies) for d in merged]

    def _before_home(self, name: str) -> str:
        """A person's name without the place or the body written after it ("Raul Grijalva of
        Arizona", "Richard Winger of Ballot Access News", "Xiaogang Wei of the Beijing …"); a
        name that goes on after "of"
        stays whole ("Catherine of Aragon" has no place the gazetteer knows as such)."""
        dangling = re.match(r"^((?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]*)\s+of(?:\s+[Tt]he)?$", name)
        if dangling:
            return dangling.group(1)   # "Mick Jagger of The": the recogniser stopped inside the body
        m = re.match(r"^((?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]*)\s+of\s+([Tt]he\s+)?([A-Z].*)$", name)
        # A full name before "of" is a person's ("Kristian Andersen of Scripps Research");
        # one word before it may be a name that goes on ("Catherine of Aragon").
        if m and (m.group(2) or any(h.how == 0 for h in self.gaz.lookup(m.group(3)))
                  or {w.lower() for w in m.group(3).split()} & BODY_WORDS or len(m.group(1).split()) >= 2):
            return m.group(1)
        return name

    def _country(self, form: str) -> str:
        return next((p.country for p in self.gaz.candidates(form) if p.kind == "country"), "")

    def _capital_of(self, form: str) -> str:
        """A capital standing for its government ("Moscow", "Tehran")."""
        for place in self.gaz.candidates(form):
            if place.kind == "city" and self.gaz.capitals.get(place.country) == place.name:
                return place.country
        return ""

    def _affiliation(self, role: str, bodies: list[str]) -> str:
        """The state or body a person's role ties them to: "Russian President" → Russia,
        "Taliban spokesperson" → Taliban, "spokesperson for the provincial governor" →
        provincial governor, "US Secretary of State" → United States."""
        if not role:
            return ""
        for body in sorted(bodies, key=len, reverse=True):
            if re.search(rf"(?<![\w-]){re.escape(body)}(?![\w-])", role):
                return body
        words = re.findall(r"[A-Z][\w.'’-]*", role)
        pairs = [" ".join(words[k:k + 2]) for k in range(len(words) - 1)]
        # a word inside a longer place's name is not a country ("New Mexico governor")
        inside = {w for pair in pairs if self._sub_national(pair) for w in pair.split()}
        for word in pairs + [w for w in words if w not in inside]:  # "Sri Lankan" before one word
            iso = self.gaz.country_of_demonym(word) or next(
                (p.country for p in self.gaz.candidates(word) if p.kind == "country"), "")
            if iso in self.gaz.countries:
                return self.gaz.countries[iso].name
        m = re.search(r"\b(?:for|of)\s+(?:the\s+)?([\w' -]{3,60})$", role)
        if m is None or _portfolio(m.group(1).strip(), self.gaz):
            return ""
        return m.group(1).strip()

    def _sub_national(self, name: str) -> bool:
        """A region or city of that exact name, and no country: "New Mexico", not "South Korea"."""
        kinds = {p.kind for p in self.gaz.candidates(name) if p.name == name}
        return bool(kinds & {"region", "city"}) and "country" not in kinds

    def _country_name(self, iso: str) -> str:
        place = self.gaz.countries.get(iso)
        return place.name if place else iso

    def _finish(self, d: Draft, bodies: list[str]) -> Actor:
        mentions = len(d.evidence)
        role = d.roles.most_common(1)[0][0] if d.roles else ""
        affiliation = d.affiliation or (self._affiliation(role, bodies) if d.type == "person" else "")
        return Actor(name=d.name, type=d.type, role=role, affiliation=affiliation,
                     aliases=sorted(d.aliases - {d.name}), mentions=mentions,
                     key=mentions >= 3 or (d.in_headline and d.type != "person") or
                     (d.in_headline and mentions >= 2),
                     evidence=sorted(d.evidence, key=lambda e: e.start))


# Nouns of bodies that a title can be "of" ("Speaker of the House"): no portfolio.
BODY_NOUNS = BODY_WORDS | LEGISLATURES


def _portfolio(words: str, gaz: Gazetteer) -> bool:
    """What a title is of is a portfolio, no body: ordinary words written with capitals
    ("Minister of Information", "Secretary of State", "of Foreign Affairs"); not a
    legislature ("Speaker of the House"), an acronym ("WHO") or a place ("South Bend")."""
    parts = words.split()
    return all(w == "and" or w[:1].isupper() and not w.isupper() and is_common_word(w.lower())
               and w.lower() not in BODY_NOUNS for w in parts) \
        and not any(h.how == 0 for h in gaz.lookup(words))


def _overlaps(ent: Span, places: list[tuple[int, int]]) -> bool:
    """The entity is one the location rules read as a place (not a longer name holding one).
    `places` is sorted; the spans that can hold the entity start at most 300 characters
    before it."""
    i = bisect.bisect_right(places, (ent.start_char + 4, float("inf")))
    return any(s <= ent.start_char + 4 and ent.end_char <= e + 2
               for s, e in places[bisect.bisect_left(places, (ent.start_char - 300, 0)):i])


SITE_WORDS = {"square", "avenue", "street", "road", "plaza", "hill", "park", "bridge", "airport", "hospital",
              "hotel", "station", "cathedral", "mosque", "church", "stadium", "highway", "boulevard", "lane",
              "tower", "complex", "market", "beach", "valley", "river", "mountain", "mountains", "island"}
EVENT_WORDS = {"war", "week", "day", "festival", "games", "olympics", "cup", "championship", "election",
               "elections", "summit", "conference", "revolution", "uprising", "crisis", "protests", "awards"}
OPENING_PREPOSITIONS = {"on", "in", "at", "by", "since", "until", "during", "after", "before", "from"}
NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december", "today", "yesterday", "tomorrow", "late", "early",
             "we", "they", "it", "he", "she", "i", "you", "our", "their", "state", "security",
             "government", "combat", "president", "minister", "twitter", "facebook", "telegram",
             "youtube", "instagram", "god", "allah", "dozens", "hundreds", "thousands", "scores",
             "many", "several", "some", "officials", "police", "witnesses", "residents"}


COURTESY = {"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "dame", "lady", "lord", "professor"}
MALE_COURTESY = {"mr", "sir", "lord"}
FEMALE_COURTESY = {"mrs", "ms", "miss", "madam", "dame", "lady"}
POSSESSIVES = {"my", "your", "his", "her", "its", "our", "their"}


def _is_name(ent: Span, gaz: Gazetteer) -> bool:
    """A proper name of an actor: not a date, pronoun, demonym, title or common word, not a
    site or a street ("Grosvenor Square"), not an event ("Syrian Civil War"), not a number
    ("Article 5")."""
    words = [t for t in ent if not t.is_punct]
    # "On Saturday": a sentence's opening phrase, a preposition and what it governs.
    opening = words[1:] if words and words[0].lower_ in OPENING_PREPOSITIONS else words
    if not words or all(t.lower_ in NOT_NAMES or gaz.is_demonym(t.text) or t.lower_ in HEAD_TITLES
                        or t.lower_ in TITLE_WORDS or t.lower_ in STATE_NOUNS for t in opening) \
            or gaz.is_demonym(" ".join(t.text for t in opening)):
        return False      # a demonym of two words too ("South Korean")
    if ent.label_ in ("PERSON", "ORG") and _office(words, gaz):
        return False      # "Trade Minister of": an office, no one's name
    if ent.label_ == "PERSON" and words[0].lower_ in POSSESSIVES:
        return False      # "My Bride is a Mermaid", "His Band of Renown": a title, no one's name
    if len(words) == 1 and words[0].pos_ not in ("PROPN", "") and not words[0].text.isupper():
        return False      # "Combat will continue": a capitalised common word
    if len(words) == 1 and is_common_word(words[0].lower_) and not words[0].text.isupper():
        return False      # "Violence", "Footage", "Search": a sentence's first word
    last = words[-1].lower_
    if last in SITE_WORDS or any(t.like_num for t in words):
        return False
    if _a_cause(words):
        return False
    # An event, not a body that studies one ("Institute for the Study of War").
    # ("Doris Day" is a given name and a surname)
    return last not in EVENT_WORDS or bool({t.lower_ for t in words} & BODY_WORDS) \
        or ent.label_ == "PERSON" and len(words) == 2 and is_given_name(words[0].text) and is_surname(words[1].text)


def _people_of(form: str, gaz: Gazetteer) -> bool:
    """A people or a kind of people written with a capital ("Mexicans", "Samoans", "Europeans",
    "Egyptologists"): a demonym in the plural, or a plural of "-ans" or "-ists" that is no
    surname ("Evans")."""
    if " " in form or not form.endswith("s") or is_surname(form) or is_given_name(form):
        return False
    return gaz.is_demonym(form[:-1]) or form.endswith(("ans", "ists")) and len(form) > 6


def _is_title_word(word: str) -> bool:
    """"MP", "Sen": a title or its abbreviation, no one's name."""
    return word.lower() in TITLE_WORDS or f"{word.lower()}." in TITLE_WORDS or word in POSTNOMINALS


def _vessel(ent: Span) -> bool:
    """A ship's name: after a vessel prefix ("MV Alan Kurdi", "the tanker MT Stena Impero"),
    not a body that starts with those letters ("SS Panzer Division")."""
    prefix = ent[0] if ent[0].text in VESSEL_PREFIXES and len(ent) > 1 else \
        ent.doc[ent.start - 1] if ent.start and ent.doc[ent.start - 1].text in VESSEL_PREFIXES else None
    return prefix is not None and not {t.lower_ for t in ent} & BODY_WORDS


def _a_cause(words: list[Token]) -> bool:
    """A disease or a disaster, no actor: one named by its own word ("Ebola", "Bird Flu"),
    or a storm's given name after its kind ("Hurricane Katrina", "Tropical Storm Humberto");
    not a body named after one ("Fire and Rescue Service", "Ebola Treatment Centre")."""
    lowered = [t.lower_ for t in words]
    if set(lowered) & BODY_WORDS:
        return False
    cause = lexicon().not_violence
    return bool(cause.fullmatch(lowered[-1])) or len(words) > 1 and not is_common_word(lowered[-1]) \
        and any(cause.fullmatch(w) for w in lowered[:-1])


# Titles that end no one's name (unlike "King", "Major", "Prince", "Mayor" or "General": surnames too).
OFFICE_ENDINGS = HEAD_TITLES - {"king", "queen", "prince", "major", "general", "speaker", "head", "leader", "chief",
                                "captain", "judge", "pope", "founder", "emir", "sheikh", "imam", "marshal", "mayor",
                                "chancellor"}


def _office(words: list[Token], gaz: Gazetteer) -> bool:
    """The words are an office ("Trade Minister of", "Health Secretary", "Labour Minister of
    Paraguay"): they end in a title, or in a title of a place or a body."""
    of = next((k for k, t in enumerate(words) if t.lower_ == "of"), len(words))
    rest = " ".join(t.text for t in words[of + 1:] if t.lower_ != "the")
    of_body = bool(rest) and bool(gaz.lookup(rest) or any(w in BODY_WORDS or w[:-1] in BODY_WORDS
                                                          for w in rest.lower().split()))
    if of_body:
        words = words[:of]      # "Superintendent of Buffalo Public Schools": the title alone
    while words and words[-1].lower_ in ("of", "the", "for"):
        words = words[:-1]
    return (len(words) > 1 or of_body) and bool(words) and words[-1].lower_ in OFFICE_ENDINGS


# Forms, not lemmas: the shipped pipeline has no lemmatizer.
BE_OR_HAVE = {"be", "is", "was", "are", "were", "been", "being", "'s", "’s", "has", "had", "have", "having"}


def _acts(ent: Span, state_verbs: bool = False) -> bool:
    """A country or capital used as an agent: the subject of an action, an agent, a possessor
    of forces. With `state_verbs` (a capital), the action must be one a government takes
    ("Tehran dispatched", "Moscow said"), not any ("Paris is mourning")."""
    root = ent.root
    after = [t for t in ent.doc[ent.end:ent.end + 3] if not t.is_space]
    verb = root.head if root.dep_ in ("nsubj", "csubj") else after[0] if after else None
    if state_verbs and verb is not None and verb.lower_ not in _government_verbs():
        verb = None
    if verb is not None and root.dep_ in ("nsubj", "csubj") and verb.lower_ not in BE_OR_HAVE \
            and verb.pos_ != "AUX":
        return True
    before = ent.doc[ent.start - 1] if ent.start else None
    if before is not None and before.lower_ in ("by", "against"):
        return True
    # The parser may miss the subject ("Moscow setting up"), but not a name that hangs on
    # another noun ("the mayor of Paris wrote").
    if verb is not None and after and after[0] is verb and verb.tag_.startswith(("VBD", "VBZ", "VBP", "MD")) \
            and verb.lower_ not in BE_OR_HAVE and root.dep_ not in ("nmod", "obl", "obj", "iobj"):
        return True
    if after and after[0].text in ("'s", "’s") and len(after) > 1 and after[1].lower_ in STATE_NOUNS:
        return True
    return False


@functools.cache
def _government_verbs() -> frozenset[str]:
    from .attribution import cue_words
    lex = lexicon()
    return cue_words() | lex.acts_on | lex.state_acts


BLAME = re.compile(r"\b(?:blam\w+|accus\w+|sanction\w*|warn\w*|condemn\w*|against|by)\s+(?:the\s+)?$", re.I)
BACKED = re.compile(r"^-(?:backed|aligned|sponsored|funded|supported|led|allied)\b")


def _blamed_states(doc: Doc, gaz: Gazetteer):
    """Countries that act without being a clause's subject: the one blamed or accused
    ("blaming Iran"), the backer ("Iran-backed militias")."""
    text = doc_text(doc)
    for ent in doc.ents:
        iso = next((p.country for p in gaz.candidates(ent.text) if p.kind == "country"), "")
        if not iso or iso not in gaz.countries:
            continue
        if BLAME.search(text[max(0, ent.start_char - 30):ent.start_char]) or BACKED.match(text[ent.end_char:ent.end_char + 12]):
            yield ent, iso


PARTICLE_AFTER = re.compile(r"\s(?:al|el|bin|ibn|abu|bint)[- ][A-Z][\w'’-]+|"
                            r"\s(?:bin|ibn|de|van|von|da|di|du|del|della|der|le|la)\s[A-Z][\w'’-]+")
PARTICLE_BEFORE = re.compile(r"(?:^|(?<=\s))(?:Al|El|al|el)[- ]$")


def _particle_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a name that runs on over an Arabic particle the recogniser cut at."""
    m = PARTICLE_AFTER.match(text, end)
    b = PARTICLE_BEFORE.search(text, max(0, start - 4), start)
    if not m and not b:
        return None
    return (b.start() if b else start), (m.end() if m else end)


OCCUPATION = re.compile(r"(?:ologist|ician|ographer)$")      # "Immunologist", "Statistician"


# A word capitalised inside as brands are ("UpGuard", "LibrePlanet"), not as surnames after
# their prefix are ("McCarthy", "DeWine", "LaToya", "MacArthur", "FitzGerald", "VanDyke").
BRAND_WORD = re.compile(r"(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|St)[A-Z])[A-Z][a-z]+[A-Z][a-z]+")


def _named_like_a_thing(name: str) -> bool:
    """A "person" the recogniser found whose name ends in an ordinary word that is no surname,
    after no given name ("Mahan Air", "Smart Financial Services", "Bird Flu"): a body or a
    thing. A name of three words or more counts only with an ordinary word inside too ("Jong
    Woo Son" is a man). A brand's one word is a body too ("UpGuard")."""
    words = name.split()
    if len(words) == 1 and BRAND_WORD.fullmatch(words[0]):
        return True
    if len(words) < 2 or any(w.lower() in NAME_LINKS_LOWER or PARTICLE_NAME.match(w) for w in words):
        return False
    last = re.sub(r"['’]s$", "", words[-1])
    if not is_common_word(last.lower()) or is_surname(last) or is_given_name(words[0]):
        return False
    return len(words) == 2 or any(is_common_word(w.lower()) for w in words[1:-1])


def _occupation_split(name: str, title: str) -> tuple[str, str]:
    """An occupation the recogniser took into the name, capitalised by opening the sentence
    ("Economist Nkem Obi, who …, said"), is the role: a word of ordinary text, no given name,
    before a name of two words or more."""
    words = name.split()
    if len(words) in (3, 4) and words[0][:1].isupper() \
            and (is_common_word(words[0]) or OCCUPATION.search(words[0].lower())) \
            and not is_given_name(words[0]) and words[0].lower() not in NAME_LINKS_LOWER \
            and all(re.fullmatch(r"[A-Z][a-z’'-]+", w) and w.lower() not in TITLE_WORDS | HEAD_TITLES
                    and (is_given_name(w) or not is_common_word(w)) for w in words[1:]):
        return " ".join(words[1:]), " ".join(x for x in (title, words[0]) if x)
    return name, title


def _trim_person(form: str) -> str:
    """A person's name without the words the recogniser ran on into: lower-case words and
    dashes ("Rittenhouse a", "Minnesota Vikings - while"), a weekday ("Florida Friday",
    "Saturday Sirhan Sirhan"), a caption's "Image" ("Susan Rice Image: White House"),
    a Title Case headline's verb and what follows it ("Chris Christie Calls Hillary Clinton")."""
    words = form.split()
    verb = next((i for i, w in enumerate(words) if i and w[:1].isupper() and w.lower() in cue_words()
                 and w.lower().endswith(("s", "ed")) and w.lower() != "states"), None)   # not "Said", "State"
    if verb is not None:
        words = words[:verb]
    link = next((i for i, w in enumerate(words) if i and w in RUN_ON_WORDS), None)
    if link is not None:
        words = words[:link]      # "Dasbach to Wikinews", "Dasbach nor Mears": the name before
    if "and" in words[1:-1] and all(w.lower() in TITLE_WORDS | HEAD_TITLES for w in words[:words.index("and")]):
        words = words[words.index("and") + 1:]      # "(Vice) President and C.L. Gammon": the one after
    while len(words) > 2 and words[-1].rstrip(".") in POSTNOMINALS:
        words.pop()               # "Kama Melly QC": an honour or a rank after the name
    while len(words) > 1 and (words[-1][:1].islower() and words[-1] not in NAME_LINKS_LOWER
                              and not PARTICLE_NAME.match(words[-1])
                              or not any(c.isalnum() for c in words[-1]) or words[-1].lower() in WEEKDAYS
                              or words[-1].lower() in CAPTION_WORDS):
        words.pop()
    while len(words) > 1 and (words[0].lower() in WEEKDAYS or words[0].lower() in LEADING_WORDS
                              or words[0][:1].islower() and words[0] not in NAME_LINKS_LOWER
                              and not PARTICLE_NAME.match(words[0])):
        words.pop(0)          # "on Saturday Sirhan Sirhan was stabbed", "and C.L. Gammon", "Both Trump"
    return " ".join(words)


# Words no name holds: the recogniser ran on over them into the next words.
RUN_ON_WORDS = {"to", "nor", "or", "for", "with", "from", "at", "by", "than", "as", "on", "in", "told", "said"}
# What ends a company's name, never a person's ("Metz Fresh LLC", "McLane Co.").
COMPANY_SUFFIXES = {"inc", "llc", "ltd", "plc", "co", "corp", "gmbh", "holdings"}
# A photo caption's credit run on into the name ("Susan Rice Image: White House").
CAPTION_WORDS = {"image", "photo", "photograph", "picture", "credit"}
# "al-Assad", "el-Sisi", "bin-Salman": a name after its particle, not a word run on into.
PARTICLE_NAME = re.compile(r"(?:al|el|ad|as|ash|at|az|ar|an|abu|ibn|bin|bint|de|di|da|du|van|von|le|la)-[A-Z]")


OWNED_PERSON = re.compile(r"^([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['’]s\s+([A-Z][\w.-]+(?:\s+[A-Z][\w.-]+){1,2})$")
NAME_LINKS_LOWER = {"bin", "ibn", "al", "de", "van", "von", "da", "el"}


def _state_phrases(doc: Doc, gaz: Gazetteer):
    """Demonym-led state bodies: "Russian military forces", "the Afghan government"."""
    for token in doc:
        if not token.text[:1].isupper():
            continue
        if token.i > 0 and gaz.country_of_demonym(f"{doc[token.i - 1].text} {token.text}") \
                not in ("", gaz.country_of_demonym(token.text)):
            continue               # "Sudanese" of "South Sudanese": the longer demonym speaks
        if token.i > 0 and doc[token.i - 1].pos_ == "PROPN" and not doc[token.i - 1].is_sent_start:
            continue               # inside a longer name: "the Royal Canadian Mounted Police"
        # "South Sudanese government": a demonym of two words, read from its first.
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        pair = gaz.country_of_demonym(f"{token.text} {nxt.text}") if nxt is not None else ""
        if pair and pair == gaz.country_of_demonym(nxt.text):
            pair = ""              # "The Russian" is "Russian"
        iso = pair or gaz.country_of_demonym(token.text)
        if not iso or iso not in gaz.countries:
            continue
        if pair:
            token = nxt
        end = token.i + 1
        while end < len(doc) and end - token.i <= 3 and doc[end].pos_ in ("ADJ", "NOUN", "PROPN") \
                and not doc[end].is_space:
            if doc[end].lower_ in STATE_NOUNS:
                yield doc[token.i - (1 if pair else 0):end + 1], iso
                break
            end += 1


# A state's armed bodies, by kind: the army's words name one body, the police's another.
FORCE_NOUNS = {"army": "army", "military": "army", "troops": "army", "soldiers": "army", "forces": "army",
               "force": "army", "navy": "navy", "police": "police"}


def _force_name(span: Span, spans: list[Span]) -> str:
    """The force's name: demonym and noun ("Mexican Army"), as written most often among
    the phrases of its kind, a capitalised form first."""
    kind = FORCE_NOUNS[span[-1].lower_]
    forms = Counter(_demonym_and_noun(s) for s in spans if FORCE_NOUNS[s[-1].lower_] == kind)
    return max(forms, key=lambda f: (f.split()[-1][:1].isupper(), forms[f], -len(f)))


def _modifier(token: Token) -> bool:
    """A word that qualifies the next noun ("military" of "Iraqi military bases"), not
    another word for the force ("army soldiers")."""
    nxt = token.nbor() if token.i + 1 < len(token.doc) else None
    return nxt is not None and nxt.pos_ == "NOUN" and nxt.lower_ not in FORCE_NOUNS


def _demonym_and_noun(span: Span) -> str:
    """"Russian military forces" → "Russian forces"; "South Sudanese army" as written."""
    words = [t.text for t in span]
    lead = 1
    while lead < len(words) - 1 and words[lead][:1].isupper():
        lead += 1
    return clean_name(" ".join(words[:lead] + [words[-1]]))


def _object_of_title(form: str, gaz: Gazetteer) -> tuple[str, str]:
    """A name written after "<title> of" split into what the title is of and the person:
    "London Sadiq Khan" → ("London", "Sadiq Khan"), "Health Alan Johnson" → ("Health",
    "Alan Johnson"), "the Iranian Chess Federation Mehrdad Pahlavanzadeh"; ("New Orleans",
    "") where all of it is what the title is of. The object is made of places, words of
    ordinary text and demonyms, up to a word that begins a name."""
    words = form.split()
    i = 0
    while i < len(words):
        n = next((n for n in (3, 2, 1) if i + n <= len(words) and _title_place(words[i:i + n], gaz)), 0)
        if n:
            i += n
            continue
        w = words[i]
        if w.lower() not in ("the", "and", "of", "&") and not gaz.is_demonym(w) and not is_common_word(w) \
                and not (i == 0 and i + 2 < len(words) and given_name_gender(words[i + 1])
                         and not given_name_gender(w)):
            break                 # "Treasury Steven Mnuchin": the word after "of", before a given name,
                                  # is the office's ("Parliament Shiv Chandra Kushwaha": Shiv is a name)
        if given_name_gender(w) and i + 1 < len(words) and not is_common_word(words[i + 1]):
            break                 # "Health Mark Smith": Mark begins the name
        i += 1
    return " ".join(words[:i]), " ".join(words[i:])


TITLE_PLACE_POPULATION = 50_000     #: a town smaller than this is more likely a name's first word ("Merrick")


def _title_place(words: list[str], gaz: Gazetteer) -> bool:
    """Whether the words name a country, a region or a sizeable town ("London", "Goa"),
    not a given name that is also a town somewhere ("Alan", "Roman")."""
    places = [h.place for h in gaz.lookup(" ".join(words)) if h.how == 0]
    if any(p.kind == "country" for p in places):
        return True
    if len(words) == 1 and given_name_gender(words[0]):
        return False
    return any(p.kind == "region" or p.kind == "city" and p.population >= TITLE_PLACE_POPULATION for p in places)


def _place_list(form: str, gaz: Gazetteer) -> bool:
    """Whether the words list places ("Alabama, Arkansas", "Alberta and Manitoba")."""
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", form)
    return len(parts) > 1 and all(_title_place(part.split(), gaz) for part in parts)


def _role_before(ent: Span) -> str:
    """A title written right before the name ("US Secretary of State" before "Mike Pompeo")."""
    role = _role(ent, after=False)
    return role


def _role(ent: Span, after: bool = True) -> str:
    """A title written before the name ("Quds Force commander") or in apposition after it;
    not another person's joined by "and" ("Senator Bernie Sanders and President")."""
    doc = ent.doc
    i = ent.start - 1
    words: list[Token] = []
    while i >= 0 and len(words) < MAX_ROLE_TOKENS:
        tok = doc[i]
        if tok.is_space or tok.is_punct and tok.text not in ("-",) or tok.pos_ in ("DET", "VERB", "AUX") \
                or tok.pos_ == "CCONJ" and i and doc[i - 1].text[:1].isupper() and doc[i - 1].lower_ not in TITLE_WORDS \
                or tok.pos_ == "ADP" and tok.lower_ not in ("of", "from"):
            break
        words.insert(0, tok)
        if opens_sentence(doc, i):
            break
        i -= 1
    while words and (words[0].lower_ in ("of", "from")
                     or words[0].lower_ not in TITLE_WORDS and not words[0].text[:1].isupper()):
        words.pop(0)
    if words and words[-1].pos_ == "CCONJ":
        words = []        # "for Vice President and C.L. Gammon": the title is another's
    if any(w.lower_ in HEAD_TITLES or w.lower_ in OFFICE_ABBREVIATIONS for w in words):
        return doc[words[0].i:words[-1].i + 1].text
    if not after:
        return ""
    # Apposition: "Abdurrahman Mangal, spokesperson for the provincial governor, said"
    if ent.end < len(doc) - 2 and doc[ent.end].text == ",":
        j = ent.end + 1
        while j < len(doc) and j - ent.end <= 9 and doc[j].text not in (",", ".", ";", "\n") \
                and not (doc[j].lower_ in cue_words() and doc[j].pos_ == "VERB"):
            j += 1            # "X, Executive Officer of the AQMD said": up to the cue
        phrase = doc[ent.end + 1:j]
        if len(phrase) and (phrase[0].pos_ in ("ADP", "CCONJ", "SCONJ", "VERB")
                            or phrase[0].lower_ in ("also", "then", "along", "together", "as")):
            return ""      # "Felipe Calderon, along with American President Barack Obama,": no role
        if j < len(doc) and (doc[j].text == "," or doc[j].lower_ in cue_words()
                             and not any(t.pos_ in ("VERB", "AUX") for t in phrase)) \
                and any(t.lower_ in HEAD_TITLES for t in phrase):
            return re.sub(r"^(a|an|the)\s+", "", phrase.text, flags=re.I)
    return ""


def _sweep(doc: Doc, drafts: list[Draft], headline_end: int, places: list[tuple[int, int]] = ()) -> None:
    """Count every further occurrence of a known actor's name, alias or surname that the
    recogniser missed ("Putin said" after "President Vladimir Putin"), but not one inside
    a longer place name ("Sudan" in "South Sudan")."""
    text = doc_text(doc)
    taken = bytearray(len(text))          # 1 where a name already stands
    for s, e in places:
        taken[s:e] = b"\x02" * (e - s)
    for d in drafts:
        for e in d.evidence:
            taken[e.start:e.end] = b"\x01" * (e.end - e.start)
    forms: list[tuple[str, Draft]] = []
    for d in drafts:
        names = {d.name, *d.aliases}
        if d.type == "person" and len(d.name.split()) > 1:
            names.add(d.name.split()[-1])
        forms += [(f, d) for f in names if len(f) > 2 and f[:1].isupper()]
    for form, d in sorted(forms, key=lambda x: -len(x[0])):
        for start, end in whole_word_matches(text, form):
            if any(b == 1 for b in taken[start:end]):
                continue
            if any(taken[start:end]) and _inside_longer(places, start, end):
                continue
            taken[start:end] = b"\x01" * (end - start)
            d.add("", Evidence(form, start, end), start < headline_end)


def _inside_longer(places: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e and e - s > end - start for s, e in places)


def _consonants(name: str) -> str:
    return re.sub(r"[aeiouy\s]", "", norm(name))


def _defines(body: Draft, acronym: Draft, text: str) -> bool:
    """Whether the text spells the acronym out in brackets right after the body's name, its
    letters the name's initials in any order ("the Georgian Tennis Federation (GFT)", where
    the acronym follows the words of another language)."""
    if len(body.name.split()) < 2 or sorted(_initials(body.name)) != sorted(acronym.name):
        return False
    bracketed = re.compile(r"\s*\(\s*%s\s*\)" % re.escape(acronym.name))
    return any(bracketed.match(text, b.end) for b in body.evidence)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name)
                   if w.lower() not in ("of", "the", "and", "for")).upper()


# "28-year-old Usman Khan": the recogniser misses names after an age more often than not.
AGED_NAME = re.compile(r"\b\d{1,3}-year-old\s+((?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+)")


def _aged_names(doc: Doc, ents: list[Span], gaz: Gazetteer) -> list[Span]:
    """People named right after their age whom the recogniser missed: two or three
    capitalised words, none a word of ordinary text, that name no place."""
    out = []
    for m in AGED_NAME.finditer(doc_text(doc)):
        words = m.group(1).split()
        if any(is_common_word(w) for w in words) or gaz.lookup(m.group(1)):
            continue              # "54-year-old Metropolitan Police", "39-year-old Las Vegas"
        span = doc.char_span(m.start(1), m.end(1))
        if span is not None and not any(e.start < span.end and span.start < e.end for e in ents):
            out.append(Span(doc, span.start, span.end, label="PERSON"))
    return out


def courtesy_gender(title: str) -> str:
    """"m" for "Mr." or "Sir", "f" for "Mrs.", "Ms." or "Miss", else ""."""
    words = {w.lower().rstrip(".") for w in title.split()}
    return "m" if words & MALE_COURTESY else "f" if words & FEMALE_COURTESY else ""


def _gender(person: Draft) -> str:
    return person.gender or given_name_gender(person.name.split()[0])


def _ends_in(name: str, key: str) -> bool:
    """The person's name ends in the normalised surname `key`, of one word or more ("Beto
    O'Rourke" in "o rourke", "Bill de Blasio" in "de blasio")."""
    return (" " + norm(name)).endswith(" " + key) and norm(name) != key


def _without_initials(name: str) -> str:
    return " ".join(w for w in norm(name).split() if len(w) > 1)


def _surname_holder(d: Draft, people: list[Draft]) -> Draft | None:
    """The full name a surname stands for: of several, the first named that the sex of a
    courtesy title fits ("Mr. Corby" is not Schapelle Corby); a bare surname, the one
    the text's courtesy titles for that surname mostly fit ("President Obama" beside many
    "Mr. Obama" is not Michelle Obama, named first)."""
    key = norm(d.name)
    holders = [p for p in people if p is not d and len(p.name.split()) > 1 and _ends_in(p.name, key)]
    gender = d.gender
    if not gender and len(holders) > 1:
        titled = [o for o in people if o is not d and o.gender and norm(o.name) == key]
        gender = max(titled, key=lambda o: len(o.evidence)).gender if titled else ""
    fitting = [p for p in holders if _gender(p) in ("", gender)] if gender else holders
    return fitting[0] if fitting else None if d.gender else holders[0] if holders else None


# What comes just before a sentence's or a quote's first word.
OPENING_BEFORE = re.compile(r"(?:[.!?][\"”’)]*\s+|\n\s*|[\"“]\s*)$")
APPOSED_AFTER = re.compile(r",\s+(?:an?|the)\s")


def _stray_opening_word(d: Draft, text: str, speaking: set[str]) -> bool:
    """A one-word "person" the text names once, as the first word of a sentence or a quote,
    that is no known given name or surname and speaks nowhere: an ordinary word the
    recogniser took for a name for its capital ("Underwhelmed with her role, she left",
    "“Steak and seafood … would continue”", "Immunizations started up")."""
    if d.type != "person" or " " in d.name or d.aliases or len(d.evidence) != 1 or d.name in speaking \
            or not d.name[1:].islower() or is_given_name(d.name) or is_surname(d.name):
        return False          # "O'Donnell", "Browne-Jorgensen", "CEO" are no ordinary words
    start, end = d.evidence[0].start, d.evidence[0].end
    if APPOSED_AFTER.match(text, end):
        return False          # "Scheiderman, a Democrat whose office …": a name with its apposition
    return start == 0 or OPENING_BEFORE.search(text, max(0, start - 6), start) is not None


def _person_shaped(name: str) -> bool:
    """Written as people's names are: capitalised words, the first no ordinary word and no
    prefix ("Enrolling Minetest", "Don and Deirdre", "U.S.S. Grayback" are not)."""
    words = name.split()
    first = words[0]
    return not is_common_word(first.lower()) and first.replace(".", "") not in VESSEL_PREFIXES \
        and not (first.endswith("ing") and not is_given_name(first)) \
        and all(w[:1].isupper() or w.lower() in NAME_LINKS_LOWER for w in words)


def _merge(drafts: list[Draft], text: str = "") -> list[Draft]:
    """Fold people named by one of their names into full names, and acronyms into what they
    stand for."""
    people = [d for d in drafts if d.type == "person"]
    out = []
    for d in drafts:
        target = None
        words = d.name.split()
        if d.type == "person" and (len(words) == 1 or d.name[:1].islower()):     # "Obama", "de Blasio"
            # Of two with that surname, the one named first: the story's own, not one it
            # mentions later ("Mayor of London Sadiq Khan (no relation)", "Trump's niece").
            target = _surname_holder(d, people)
            if target is None:
                # A given name or the first of two surnames, where it is the only full name
                # that holds it ("Hosni" of "Hosni Mubarak", "Vázquez" of "Wanda Vázquez Garced").
                holders = [p for p in people if p is not d and norm(d.name) in norm(p.name).split()[:-1]]
                target = holders[0] if len(holders) == 1 else None
            if target is None:
                # A company's name without its suffix ("Burisma" of "Burisma Holdings").
                target = next((o for o in drafts if o.type == "organization" and len(o.name.split()) > 1
                               and norm(o.name).split()[0] == norm(d.name)
                               and o.name.split()[-1].lower().rstrip(".") in COMPANY_SUFFIXES), None)
        elif d.type in ("organization", "armed_group") and d.name.isupper() and len(d.name) >= 2:
            target = next((o for o in drafts if o is not d and o.type != "person"
                           and len(o.name.split()) > 1 and _initials(o.name) == d.name), None) \
                or next((o for o in drafts if o is not d and o.type != "person" and _defines(o, d, text)), None)
        if target is None and d.type in ("organization", "armed_group"):
            # "Russian Federation forces" spelt twice: same normalised name; a person's name
            # or surname the recogniser took for a body once ("Rosselló's chief of staff").
            target = next((o for o in out if actor_key(o.name) == actor_key(d.name)
                           or o.type == "person" and len(words) == 1
                           and norm(d.name) in {norm(a) for a in o.aliases}), None)
            if target is None and len(words) == 1 and not d.name.isupper():
                # the surname of the one full name that ends in it ("Zinichev" typed a body
                # beside "Emergencies Minister Yevgeny Zinichev")
                holders = [p for p in people if len(p.name.split()) > 1 and _ends_in(p.name, norm(d.name))
                           and _person_shaped(p.name)]
                target = holders[0] if len(holders) == 1 else None
        if target is None and d.type == "person" and len(words) > 1:
            # One name transliterated two ways ("Hamza bin Laden", "Hamza bin Ladin"): the
            # same first word and the same consonants; or written with a middle initial and
            # without ("Brian T. Carroll", "Brian Carroll").
            target = next((o for o in out if o.type == "person" and o.name.split()[0] == words[0]
                           and (_consonants(o.name) == _consonants(d.name)
                                or _without_initials(o.name) == _without_initials(d.name))), None)
        if target is not None and target is not d:
            target.aliases |= d.aliases | {d.name}
            for ev in d.evidence:
                target.add("", ev, False)
            target.in_headline |= d.in_headline
            target.roles.update(d.roles)
            target.gender = target.gender or d.gender if target.type == "person" else ""
            continue
        out.append(d)
    return [d for d in out if d.evidence]
