"""Where the text names a place: candidate mentions, each with the evidence for it.

A capitalised name the gazetteer knows is only a *candidate*: "March", "Man" and
"Obama" are towns somewhere. A candidate becomes a place mention on evidence:

- strong: the recogniser labels it a place; it is one of the project's curated
  names; a type word follows ("Borno State", "Jackson County"); a containing place
  follows ("London, Kentucky", "Gainesville, Ga."); it heads a dateline ("KABUL,
  Aug 3 (Reuters) -"); a place noun introduces it ("the village of Kuchlak", "X, a
  town in Y"); a locative preposition precedes it ("in Zabadani");
- by name: a country, a first-level region, or a town of 100,000 people or more,
  written as the gazetteer writes it.

A month, weekday or other ordinary word, a name the text gives a person or a body,
and any word of a Title Case or ALL CAPS line need strong evidence. A name that
was a place once in the article is a place at each later mention too.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..geo import Gazetteer, Hit, norm
from ..geo.sources import admin_words
from .lexicon import is_common_word, is_given_name, is_surname
from .spans import doc_text

PLACE_LABELS = {"LOC", "GPE", "FAC"}
OTHER_NAME_LABELS = {"PERSON", "ORG", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE"}
LOCATIVE = {"in", "into", "at", "near", "from", "to", "toward", "towards", "across", "inside", "outside",
            "throughout", "within", "around", "via", "through", "off", "along", "nearby", "outskirts",
            "across", "beyond", "entered", "reached", "visited", "visiting", "bombed", "shelled",
            "captured", "seized", "besieged", "stormed", "attacked", "surrounded", "fled", "evacuated",
            "resident", "residents", "native", "based", "struck", "hit", "targeted", "raided", "admitted"}
HEADQUARTERS_OF = re.compile(r"\b(?:at|in|inside|outside|near|to|into)\s+the\s+(?:headquarters|offices|premises|"
                             r"compound)\s+of\s+(?:the\s+)?$", re.I)
SENTENCE_BREAK = re.compile(r"(?<![A-Z])[.!?]\s+|\n")   # not the dots of "D.C." or "St."
# "north of X", "the village of X", "the outskirts of X", "a town in X"
STRONG_LOCATIVE = {"in", "near", "inside", "outside", "throughout", "within", "across", "around", "into",
                   "toward", "towards", "outskirts", "nearby"}
PLACE_NOUN_OF = re.compile(
    r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|outskirts|centre|center|"
    r"heart|suburbs?|streets|people|residents|city|town|village|hamlet|district|province|governorate|state|"
    r"county|region|capital|port|island|municipality|neighbou?rhood|area|camp|border|shores|coast|resort|"
    r"oasis|enclave|exclave|territory|commune|municipality|township|parish|borough|cities|towns|villages|"
    r"counties|provinces|states|districts|regions|communities|suburbs|parts)"
    r"\s+of\s+(?:the\s+)?$", re.I)
PLACE_NOUN_AFTER = re.compile(
    r",\s+(?:a|an|the)\s+(?:[a-z][\w-]*\s+){0,3}?(city|town|village|hamlet|district|province|region|county|"
    r"suburb|neighbou?rhood|port|island|camp|settlement|municipality|community)\b(?!['’]s)"
    r"(?=\s*(?:[,.;]|in\b|of\b|near\b|on\b|north|south|east|west|about\b|some\b|\d))")
AREA_AFTER = re.compile(r"\s+area\b")
MIN_BIG_CITY = 100_000
MIN_BIG_REGION = 200_000       #: a state or province this populous is named by its name alone
MIN_BIG_ALTERNATE = 250_000     #: a town this big is named by its other names too ("Acapulco")
MAX_NAME_WORDS = 5
# Lower-case words inside a name ("Bosnia and Herzegovina", "Dar es Salaam", "Abu al-Khasib").
POSSESSIVES = ("'s", "’s")
CONNECTORS = {"of", "de", "del", "la", "le", "les", "al", "el", "es", "da", "do", "dos", "das", "du", "van",
              "von", "der", "den", "di", "bin", "ibn", "and"}
NOT_PLACES = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
              "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
              "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
              "today", "yesterday", "tomorrow", "god", "allah", "christmas", "easter", "ramadan", "eid",
              "internet", "mr", "mrs", "ms", "dr", "north", "south", "east", "west", "northeast", "northwest",
              "southeast", "southwest", "north west", "north east", "south west", "south east", "central",
              "northern", "southern", "eastern", "western", "midwest", "downtown", "uptown"}
_WORDS = admin_words()
FACILITY_WORDS = {norm(f) for f in _WORDS["facilities"]}
LOCATED_BY_NAME = {norm(f) for f in _WORDS["located_by_name"]}
OFFICE_WORDS = {"gov", "governor", "sen", "senator", "rep", "representative", "mayor", "sheriff", "attorney",
                "treasurer", "legislator", "lawmaker", "congressman", "congresswoman", "delegate", "del",
                "councilman", "councilwoman", "commissioner", "judge", "prosecutor", "police", "chief"}
OF_PERSON = re.compile(r"(?:\b[A-Z][\w'’-]+|\b\d{1,3}|\b(?:man|woman|boy|girl|resident|native|family|couple))"
                       r",?\s+of\s+$")
# A given name or an initial with its dot (the article of "A Paris man" is no initial).
PERSON_SHAPE = re.compile(r"\b([A-Z][a-z]+\.?|[A-Z]\.)\s+(?:[A-Z][a-z]*\.?\s+)?([A-Z][a-z][\w'’-]*)\b")
# Between a site and the place that holds it: ", north London", " in the US capital city of Washington".
SITE_GAP = re.compile(r"(?:,\s*|\s+in\s+)(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|"
                      r"eastern|western|downtown|[A-Z]\w*|US|capital|city|town|of)\s+){0,6}")
HYPHENATED = re.compile(r"-[a-z]")
POSSESSOR_BEFORE = re.compile(r"([A-Z][\w-]*)['’]s\s+$")
# Capitalised words that may stand before or after a place without making one name with
# it: sentence openers, prepositions and titles in headlines.
FLANK_OK = {"the", "in", "at", "on", "of", "to", "from", "near", "and", "or", "but", "for", "with", "by",
            "as", "after", "before", "since", "while", "when", "where", "if", "during", "between",
            "outside", "inside", "across", "into", "over", "under", "a", "an", "this", "that", "its",
            "his", "her", "their", "our", "greater", "downtown", "central", "northern", "southern",
            "eastern", "western", "north", "south", "east", "west", "upper", "lower", "old", "new",
            "yesterday", "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "says", "said", "police", "officials", "residents", "we", "they", "he", "she", "it",
            "i", "you", "there", "here", "then", "also", "both", "all", "some", "many", "most", "two",
            "three", "several", "around", "about", "against", "toward", "towards", "via", "like"}
LIST_GAP = re.compile(r",\s*|,?\s+(?:and|or|&)\s+")
SPEECH_AFTER = re.compile(r"^(?:['’]?s?\s+(?:said|says|told|added|explained|noted|stated|wrote|asked|"
                          r"argued|recalled|insisted|replied|agreed|admitted|testified|claimed|"
                          r"was\s+(?:born|arrested|charged|killed|found|taken)|died)\b|,?\s+who\b)")
SPEECH_BEFORE = re.compile(r"\b(?:said|says|told|asked|by|killing|killed|shot|married|wife|husband|son|"
                           r"daughter|mother|father|brother|sister)\s+$")
STREET_AFTER = re.compile(r"\s+(?:Drive|Dr\.|Court|Ct\.|Road|Rd\.|Street|St\.|Avenue|Ave\.|Boulevard|Blvd\.|"
                          r"Lane|Ln\.|Way|Parkway|Pkwy\.|Pike|Trail|Circle|Terrace|Loop|Alley|"
                          r"(?:Highway|Hwy\.|Route)\s+\d)\b")
OWNED_AFTER = re.compile(r"['’]s(?:\s+[A-Z0-9]|,?\s*\d)|['’]s\s+(?:opened|closed|owner|owners|restaurant|store)\b")
ORG_WORDS = {"university", "college", "school", "department", "office", "police", "court", "council",
             "company", "corporation", "inc", "co", "club", "association", "society", "service", "services",
             "commission", "board", "bank", "group", "party", "church", "center", "centre", "state",
             "authority", "agency", "ministry", "forest", "fire", "highway", "patrol", "district", "public",
             "utilities", "health", "hospital", "airport", "high", "elementary", "middle", "market",
             "radio", "tv", "television", "system", "systems", "project", "parks", "recreation", "seniors",
             "library", "museum", "coastal", "regional", "county", "city", "town", "village", "township",
             "foundation", "fund", "institute", "academy", "league", "federation", "union", "committee",
             "national", "guard", "army", "navy", "marines", "corps", "force", "forces", "militia", "assembly",
             "legislature", "senate", "house", "congress", "delegation", "democrats", "republicans",
             "government", "administration", "bureau", "division", "court", "courts", "prison", "jail",
             "international", "route", "interstate", "metro", "metropolitan", "area", "conference", "chamber"}
PERSON_TITLES = {"president", "minister", "prime", "general", "gen", "mr", "mrs", "ms", "dr", "sir", "king",
                 "queen", "prince", "sheikh", "senator", "governor", "mayor", "secretary", "commander",
                 "colonel", "captain", "lieutenant", "sergeant", "officer", "judge", "pope", "ayatollah"}
TYPE_WORDS = {norm(t) for t in _WORDS["types"]}
# Region types that say an unknown name is a region ("Kuchlak district"); "State",
# "Region" or "Department" after a name more often close the name of a body.
UNKNOWN_REGION_TYPES = {"province", "governorate", "district", "county", "oblast", "prefecture", "municipality",
                        "parish", "township", "tehsil", "lga", "emirate", "canton", "voivodeship", "subdistrict",
                        "sub district", "krai", "kray", "twp"}
_TYPES = "|".join(re.escape(t) for t in sorted(_WORDS["types"], key=len, reverse=True))
TYPE_RX = re.compile(r"\s+(%s)(?!\w)" % _TYPES, re.I)   # used with .match(text, pos): no ^
# "Oconee and Clarke counties": each name of the list is a region.
LISTED_TYPE_RX = re.compile(r"(?:\s*,\s*[A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*)?)*,?\s+(?:and|or|&)\s+"
                            r"[A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*)?\s+(counties|provinces|states|districts|"
                            r"governorates|regions|parishes)(?!\w)")
DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,3})"
                      r"(?:,[ \t]*([A-Z][A-Za-z.]+(?:[ \t][A-Z][A-Za-z.]+)?))?[ \t]*(?:,|\(|—|–|-{1,2}|\d)")


@dataclass
class Mention:
    start: int
    end: int
    form: str                          #: the name as written, without a type word
    hits: list[Hit]
    evidence: set[str] = field(default_factory=set)
    regions_only: bool = False         #: a type word follows: only regions fit
    kind_hint: str = ""                #: what a place noun says it is ("village" → city)
    container: "Mention | None" = None  #: the place named as holding it ("London, Kentucky")
    ambiguous: bool = False            #: an ordinary word or a person's name too
    in_run: bool = False               #: one word of a longer capitalised name ("Kyle Rittenhouse")
    why: str = ""                      #: the rule that accepted or refused it (for debugging)

    @property
    def strong(self) -> bool:
        return bool(self.evidence - {"name"})


class MentionFinder:
    def __init__(self, doc: Doc, gaz: Gazetteer, actor_forms: set[str]):
        self.doc, self.gaz, self.actor_forms = doc, gaz, actor_forms
        self.text = doc_text(doc)
        self.ents = list(doc.ents)          # sorted and never overlapping
        self._ent_starts = [e.start_char for e in self.ents]
        self.weak_lines = _weak_capital_lines(self.text)
        # Every word of a person's full name in this article: "Amman" after "Sudesh Amman".
        # One-word "persons" are left out (the recogniser takes many towns for people), and
        # so are names with the words of a body or a site ("Sam Houston State University").
        self.person_words = {norm(w) for e in self.ents if e.label_ == "PERSON" and _full_name(e)
                             and not _ordinary_first_word(e)
                             for w in e.text.split() if w[:1].isupper() and norm(w) not in PERSON_TITLES
                             and not gaz.is_demonym(w)}
        self.person_words |= self._surnames()

    def _surnames(self) -> set[str]:
        """Last words of names that read as a person's ("Jon Dailing", "Clay Cox", "Kyle
        Rittenhouse"): a given name or an initial, then one or two capitalised words, none
        a word of a body or a site."""
        out = set()
        for m in PERSON_SHAPE.finditer(self.text):
            first, last = m.group(1).rstrip("."), m.group(2)
            if not (is_given_name(first) or norm(first) in self.person_words or len(first) == 1):
                continue
            if norm(last) in ORG_WORDS | FACILITY_WORDS | TYPE_WORDS | LOCATED_BY_NAME:
                continue
            out.add(norm(last))
        return out

    def find(self) -> list[Mention]:
        found: dict[tuple[int, int], Mention] = {}
        for m in self._curated():
            found[(m.start, m.end)] = m
        taken = sorted(found)          # the curated names' spans
        for m in self._runs():
            # A site and the place in its name both stand ("Jolo Cathedral", "Jolo").
            i = bisect.bisect_left(taken, (m.end, m.end))
            if not any(s < m.end and m.start < e and "site" not in found[(s, e)].evidence
                       for s, e in taken[max(0, i - 8):i]):
                found[(m.start, m.end)] = m
                bisect.insort(taken, (m.start, m.end))
        for m in self._datelines():
            found.setdefault((m.start, m.end), m).evidence.add("dateline")
        mentions = sorted(found.values(), key=lambda m: m.start)
        self._all = mentions
        self._link_containers(mentions)
        # A name used as a person's anywhere in the article is nobody's place elsewhere in it.
        self.person_forms = {norm(m.form) for m in mentions if self._speaker(m) and not _major(m)}
        accepted = [m for m in mentions if self._accept(m)]
        ids = {id(m) for m in accepted}
        # States and big cities inside the names of bodies, not persons: context for
        # resolving the others ("Georgia Bureau of Investigation").
        self.in_names = [m for m in mentions if id(m) not in ids and m.why == "inside a name" and m.hits
                         and (e := self._holding(m.start)) is not None
                         and (e.label_ != "PERSON" or not _full_name(e))      # "Georgia Bureau" is no one
                         and (_major(m) or m.hits[0].how == 0 and m.hits[0].place.population >= MIN_BIG_CITY)]
        # A list of places: a name joined to an accepted place by "and" or a comma is one too
        # ("Dayton and Cincinnati", "Middletown, Trenton and Monroe").
        for _ in range(2):
            for a, b in zip(mentions, mentions[1:]):
                for x, y in ((a, b), (b, a)):
                    if id(x) in ids and id(y) not in ids and y.hits and LIST_GAP.fullmatch(
                            self.text[min(a.end, b.end):max(a.start, b.start)]) and self._listed(y):
                        y.evidence.add("list")
                        accepted.append(y)
                        ids.add(id(y))
        # One sense per article: a name that is a place once is a place at each mention.
        places = {norm(m.form) for m in accepted}
        accepted += [m for m in mentions if id(m) not in ids and norm(m.form) in places
                     and m.why in ("town", "title case", "ordinary word", "other name")
                     and not (m.ambiguous and not m.strong)]
        return sorted(accepted, key=lambda m: m.start)

    # --- candidates ---------------------------------------------------------------------

    def _curated(self):
        for m in self.gaz.curated_pattern().finditer(self.text):
            start = m.start() + (4 if m.group(0)[:4].lower() == "the " else 0)
            form = self.text[start:m.end()]
            if norm(form) in self.actor_forms or _inside_capital_run(self.text, start, m.end()):
                continue        # "Kurdistan Workers' Party", "New South Wales" (not Wales)
            spelt = self.gaz.curated_form(form)
            if spelt is None or not _case_fits(form, spelt) and not any(a <= start < b for a, b in self.weak_lines):
                continue        # "SWAT" is not the Swat Valley, "gulf" not the Gulf
            hits = [h for h in self.gaz.hits(norm(form)) if h.place.curated]
            if hits:
                yield Mention(start, m.end(), form, hits, {"curated"})

    def _runs(self):
        """Capitalised runs of words, each cut into the longest names the gazetteer knows; a
        possessive is inside one only where the gazetteer's name holds it ("Hawke's Bay", not
        "London's Hyde Park")."""
        doc = self.doc
        i, n = 0, len(doc)
        while i < n:
            if not _capitalised(doc[i]):
                i += 1
                continue
            j = i + 1
            while j < n and (_capitalised(doc[j]) or doc[j].lower_ in CONNECTORS and j + 1 < n
                             and _capitalised(doc[j + 1]) or doc[j].text in ("-", "'", "’")
                             and j + 1 < n and _capitalised(doc[j + 1])
                             or doc[j].lower_ in POSSESSIVES and self._possessive_name(j)) \
                    and not doc[j].is_sent_start and not doc[j - 1].whitespace_.count("\n"):
                j += 1
            yield from self._names_in(i, j)
            i = j

    def _possessive_name(self, j: int) -> bool:
        """The possessive at `j` is inside a name the gazetteer knows ("Hawke's Bay", "Queen
        Anne's County")."""
        doc = self.doc
        if j + 1 >= len(doc) or not doc[j].whitespace_ or doc[j - 1].whitespace_ or not _capitalised(doc[j + 1]):
            return False
        return any(h.how == 0 for a in (j - 1, j - 2) for b in (j + 2, j + 3) if a >= 0 and b <= len(doc)
                   for h in self.gaz.lookup(doc[a:b].text))

    def _names_in(self, i: int, j: int):
        doc = self.doc
        while i < j and doc[i].lower_ in ("the", "a", "an"):
            i += 1
        site = self._facility(i, j)
        if site is not None:
            yield site
        k = i
        while k < j:
            for end in range(min(j, k + MAX_NAME_WORDS), k, -1):
                if doc[end - 1].text in CONNECTORS or doc[k].text in CONNECTORS \
                        or doc[k].lower_ in POSSESSIVES or doc[end - 1].lower_ in POSSESSIVES:
                    continue        # "of", "de" end no name; "El Salvador", "La Paz" start one
                if site is not None and end == j and k > i:
                    continue        # the "Plaza" of "Freedom Plaza" is the site's, no town's
                span = doc[k:end]
                mention = self._mention(span)
                if mention is not None:
                    a, b = _segment(doc, i, j, k, end)
                    mention.in_run = end - k < b - a and not mention.regions_only \
                        and not all(norm(t.text) in TYPE_WORDS for t in doc[end:b])
                    if site is not None and _located_by_name(doc[k:j]):
                        mention.evidence.add("site")     # "Jolo" of "Jolo Cathedral"
                    yield mention
                    k = end
                    break
            else:
                k += 1

    def _mention(self, span: Span) -> Mention | None:
        start, end = span.start_char, span.end_char
        form = self.text[start:end]
        if form.endswith(".") and not (_abbreviation(span[-1].text) and self.gaz.lookup(form)):
            form = form.rstrip(".")       # a full stop, not an abbreviation's dot ("Kabul.")
        elif self.text.startswith(".", end) and len(form) <= 5 and self.gaz.lookup(form + "."):
            form += "."                   # "Vt." that the tokenizer split from its dot
        end = start + len(form)
        key = norm(form)
        if not key or key in NOT_PLACES and self._postal_code_after(end) is None or self.gaz.is_demonym(form):
            return None       # a month, a compass point, "English", "Arab"
        if re.fullmatch(r"[A-Z]{2,4}", form) and not any(h.place.feature == "PCLI" for h in self.gaz.lookup(form)):
            return None      # "PA", "AP", "TASS": an agency or a code, unless a country's ("UK", "UAE")
        typed = TYPE_RX.match(self.text, end)
        if typed and is_common_word(key) and (typed.group(1)[:1].isupper() or span[0].is_sent_start):
            typed = None        # "Police Prefecture", "Federal District": a body's name; "But county policy"
        if typed and norm(typed.group(1)) in TYPE_WORDS:
            hits = self.gaz.lookup(form, regions_only=True)
            if hits:
                return Mention(start, typed.end(), form, hits, {"type"}, regions_only=True)
        if LISTED_TYPE_RX.match(self.text, end):
            hits = self.gaz.lookup(form, regions_only=True)
            if hits:
                return Mention(start, end, form, hits, {"type"}, regions_only=True)
        hits = self.gaz.lookup(form)
        if hits and typed and norm(typed.group(1)) in UNKNOWN_REGION_TYPES and self._new_name(span, common=True):
            # "the Mokha district": a district the gazetteer knows by its town's name.
            return Mention(start, typed.end(), form, hits, {"type"})
        if not hits:
            if typed and norm(typed.group(1)) in UNKNOWN_REGION_TYPES and self._new_name(span):
                # "Kuchlak district", a region the gazetteer lacks: listed as unresolved.
                return Mention(start, typed.end(), form, [], {"type"}, regions_only=True,
                               kind_hint="region")
            return self._place_noun_mention(span, start, end, form)
        return Mention(start, end, form, hits, ambiguous=self._ambiguous(span, key, hits))

    def _facility(self, i: int, j: int) -> Mention | None:
        """A site named by a capitalised run ending in a facility word ("Freedom Plaza",
        "Barnet General Hospital"), where the text says something happens at or in it."""
        doc = self.doc
        start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
        if j - i >= 2 and HEADQUARTERS_OF.search(self.text, max(0, start - 45), start):
            # "at the headquarters of the Paris Police Prefecture": the body's seat is a site.
            return Mention(start, end, self.text[start:end], [], {"site", "locative"}, kind_hint="place")
        if j - i < 2 or norm(doc[j - 1].text) not in FACILITY_WORDS or doc[i].lower_ in CONNECTORS:
            return None
        if self._locative_before(start) or PLACE_NOUN_OF.search(self.text[max(0, start - 40):start]):
            return Mention(start, end, self.text[start:end], [], {"site"}, kind_hint="place")
        return None

    def _new_name(self, span: Span, common: bool = False) -> bool:
        """A name the gazetteer lacks that may still be a place's: one to three capitalised
        words, none an ordinary word, starting its capitalised run ("Kuchlak", not "While"
        or the "Transportation Improvement" of "Butler County Transportation Improvement
        District")."""
        if not 1 <= len(span) <= 3 or not all(t.is_title or t.lower_ in CONNECTORS for t in span) \
                or any(t.lower_ in ("and", "&") for t in span):
            return False        # "Paris and Henry County" names two places, not one
        if any(not common and is_common_word(t.lower_) or t.lower_ in NOT_PLACES for t in span
               if t.lower_ not in CONNECTORS):
            return False
        before = self.doc[span.start - 1] if span.start else None
        return before is None or not _capitalised(before) or before.is_sent_start and before.lower_ == "the"

    def _place_noun_mention(self, span: Span, start: int, end: int, form: str) -> Mention | None:
        """A name the gazetteer lacks, introduced as a place: "the village of Kuchlak",
        "Kuchlak, a town in ...". Listed as unresolved."""
        if not self._new_name(span) \
                or self._inside_other_name_span(start, end) and not self._place_label(start, end):
            return None
        before = self.text[max(0, start - 40):start]
        noun = re.search(r"\b(city|town|village|hamlet|district|province|region|county|suburb|neighbou?rhood|"
                         r"camp|settlement)\s+of\s+(?:the\s+)?$", before, re.I)
        after = PLACE_NOUN_AFTER.match(self.text, end)
        if not (noun or after) and AREA_AFTER.match(self.text, end) and self._place_label(start, end) \
                and self._locative_before(start, strong=True):
            # "stormed a village in Kisima area": a locality the recogniser calls a place.
            return Mention(start, end, form, [], {"place-noun"}, kind_hint="city")
        if noun or after:
            kind = (noun or after).group(1).lower()
            return Mention(start, end, form, [], {"place-noun"},
                           kind_hint="city" if kind in ("city", "town", "village", "hamlet", "suburb",
                                                        "settlement", "neighborhood", "neighbourhood")
                           else "region" if kind in ("district", "province", "region", "county") else "place")
        return None

    def _datelines(self):
        for m in DATELINE.finditer(self.text):
            words = m.group(1)
            if len(words) < 3 or not re.sub(r"[.\s-]", "", words).isalpha():
                continue
            form = words.title()
            hits = self.gaz.lookup(form)
            if hits:
                yield Mention(m.start(1), m.end(1), form, hits, {"dateline"})

    # --- evidence -------------------------------------------------------------------------

    def _link_containers(self, mentions: list[Mention]) -> None:
        """"London, Kentucky", "Gainesville, Ga.", "Maidan Shahr in Maidan Wardak province",
        "Afghanistan's Maidan Wardak province": the second names the region holding the first."""
        for a in mentions:
            if not a.hits:
                # "Barnet General Hospital, north London": where the site is; of names read
                # outer to inner ("in the US capital city of Washington"), the innermost.
                after = [n for n in mentions if a.end <= n.start < a.end + 80 and n.hits
                         and re.fullmatch(SITE_GAP, self.text[a.end:n.start])]
                for b in after:
                    if a.container is None or any(_inside(x.place, h.place) for x in b.hits
                                                  for h in a.container.hits):
                        a.container = b
        for a, b, c in zip(mentions, mentions[1:], [*mentions[2:], None]):
            gap = self.text[a.end:b.start]
            if not a.hits:
                continue
            if re.fullmatch(r",\s*|,?\s+(?:located\s+|situated\s+)?in\s+(?:the\s+)?(?:[\w-]+\s+(?:of\s+)?)?(?:the\s+)?",
                            gap) \
                    and not b.ambiguous and not b.in_run and not (_a_country(a) and _a_country(b)) \
                    and not (gap.strip() == "," and self._states_listed(a, b, c)) \
                    and (any(_holds(h.place) and any(_inside(x.place, h.place) for x in a.hits) for h in b.hits)
                         or re.fullmatch(r",\s*", gap) and _major_region(b) and not _major(a)
                         and not a.in_run and any(h.how == 0 for h in a.hits)):
                # "Orient, Ohio" holds Orient even when the gazetteer knows no Orient there:
                # it is then listed unresolved, at the state's point, not at a namesake's.
                a.container = b
                a.evidence.add("container")
                b.evidence.add("container")
            elif re.fullmatch(r"['’]s?\s+", gap) and any(h.place.feature == "PCLI" for h in a.hits):
                b.container = a
        for m in mentions:
            if m.container is None:
                state = self._postal_code_after(m.end)
                if state is not None:
                    m.container = Mention(m.end, m.end, state.name, [Hit(state, 0)], {"container"})
                    m.evidence.add("container")

    def _states_listed(self, a: Mention, b: Mention, c: Mention | None) -> bool:
        """"Virginia, Washington, West Virginia and Wyoming": states listed, not a town named
        like one state in the next; the list goes on after the second."""
        return bool(states_named(a.hits) & states_named(b.hits)) and c is not None \
            and LIST_GAP.fullmatch(self.text[b.end:c.start]) is not None

    def _postal_code_after(self, end: int):
        """"Gainesville, GA": a US state's postal code after a town."""
        code = re.match(r",\s*([A-Z]{2})\b(?![-.'’]\w)", self.text[end:end + 6])
        return self.gaz.us_states.get(code.group(1)) if code else None

    def _has_container_after(self, end: int) -> bool:
        """"March, Cambridgeshire": a region named right after a word that is seldom a place."""
        if self._postal_code_after(end) is not None:
            return True
        m = re.match(r",\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)", self.text[end:end + 40])
        return bool(m) and any(_holds(h.place) for h in self.gaz.lookup(m.group(1)))

    def _accept(self, m: Mention) -> bool:
        ok, m.why = self._verdict(m)
        return ok

    def _verdict(self, m: Mention) -> tuple[bool, str]:
        """Whether the mention names a place here, and the rule that decided."""
        if not m.hits and not m.evidence:
            return False, "unknown"
        if norm(m.form) in self.actor_forms and not any(h.place.feature == "PCLI" for h in m.hits):
            return False, "actor"          # "Hezbollah", "Islamic State": actors, not places
        self._collect_evidence(m)
        certain = m.evidence & {"container", "type", "dateline", "curated", "place-noun"}
        if self._inside_other_name(m):
            return False, "inside a name"
        if (self._person_word(m) or norm(m.form) in self.person_forms) and not certain \
                and "place-noun" not in m.evidence:
            return False, "person"         # "Rittenhouse", "Amman" after "Sudesh Amman"
        if self._speaker(m) and not certain and not _major(m):
            return False, "speaker"        # "Harris said", "said Harding"
        if not certain and (STREET_AFTER.match(self.text, m.end) or OWNED_AFTER.match(self.text, m.end)
                            and "name" not in m.evidence and not any(h.place.is_admin for h in m.hits[:1])):
            return False, "street or shop"  # "Elkview Drive", "Culver's", "St. Paul's Church"
        if not certain and (HYPHENATED.match(self.text, m.end) or m.start and self.text[m.start - 1] == "-"):
            return False, "part of a word"   # "Yu Hoi-kwan"
        if not certain and POSSESSOR_BEFORE.search(self.text, max(0, m.start - 30), m.start) \
                and not _major(m) and not self._possessor_is_place(m):
            return False, "in a longer name"  # "Hawke's Bay", "Martha's Vineyard"
        m.in_run = m.in_run or self._flanked(m)
        if m.in_run and not certain and "site" not in m.evidence and not self._region_in_body_name(m):
            return False, "in a longer name"  # "Kyle" of "Kyle Rittenhouse", "Kabul" of "Kabul Bank"
        exact_other = self._other_name_exactly(m) if "site" not in m.evidence or m.hits else None
        if exact_other == "PERSON":
            # The recogniser names a person here: a place only with strong evidence that is
            # not itself a preposition ("at Obama", "from Clinton").
            return bool(certain) or "name" in m.evidence and ("locative" in m.evidence or _major(m)), "person label"
        if exact_other is not None:
            return bool(m.evidence), "other label"
        if m.ambiguous:
            # An ordinary word ("Mobile", "Union"): the recogniser's label is not enough, nor
            # "to" or "at" before a name ("to the Section 2AA championship").
            return (bool(certain) or "place-noun" in m.evidence
                    or self._locative_before(m.start, strong=True) and any(h.how == 0 for h in m.hits)
                    and not re.match(r"\s+(?:[A-Z0-9])", self.text[m.end:m.end + 2])), "ordinary word"
        if not any(h.how == 0 for h in m.hits):
            # Known only by another language's or an old name ("Aš" for "As"): the text must
            # say it is a place.
            return bool(m.evidence & {"locative", "container", "type", "dateline", "place-noun"}), "other name"
        if any(a <= m.start < b for a, b in self.weak_lines):
            return m.strong, "title case"
        if m.evidence:
            return True, "evidence"
        return not self._sentence_initial(m) and self._known_town(m), "town"

    def _collect_evidence(self, m: Mention) -> None:
        if self._place_label(m.start, m.end):
            m.evidence.add("ner")
        if self._locative_before(m.start):
            m.evidence.add("locative")
        if PLACE_NOUN_OF.search(self.text[max(0, m.start - 40):m.start]):
            m.evidence.add("place-noun")
        if typed_base(m.form) and any(h.how == 0 and h.place.is_admin for h in m.hits):
            m.evidence.add("type")          # "Butler County" as the gazetteer writes it: no person
        if any(h.how == 0 and (h.place.feature in ("PCLI", "CONT") or h.place.curated
                               or h.place.feature == "ADM1" and h.place.population >= MIN_BIG_REGION
                               or h.place.kind == "city" and h.place.population >= MIN_BIG_CITY)
               or h.place.kind == "city" and h.place.population >= MIN_BIG_ALTERNATE for h in m.hits):
            m.evidence.add("name")

    def _flanked(self, m: Mention) -> bool:
        """A capitalised word right before or after it on the same line, as in a longer
        name, whatever the parser's sentences say ("Ain Issa", "Kyle Rittenhouse")."""
        before = re.search(r"(?:^|[^\w.!?:;])\s*([A-Z][\w'’-]*) $", self.text[max(0, m.start - 30):m.start])
        after = re.match(r" ([A-Z][\w'’-]*)", self.text[m.end:m.end + 30])
        lead = before.group(1).lower() if before else ""
        if before and lead not in CONNECTORS and lead not in FLANK_OK and not self.gaz.is_demonym(lead) \
                and not before.group(0).lstrip().startswith(("“", '"')):
            return True
        return bool(after) and norm(after.group(1)) not in TYPE_WORDS | FACILITY_WORDS | LOCATED_BY_NAME \
            and after.group(1).lower() not in FLANK_OK

    def _possessor_is_place(self, m: Mention) -> bool:
        """"Afghanistan's Maidan Wardak": the possessor is itself a place."""
        word = POSSESSOR_BEFORE.search(self.text, max(0, m.start - 30), m.start).group(1)
        return any(h.how == 0 and h.place.feature in ("PCLI", "ADM1", "PPLC") for h in self.gaz.lookup(word))

    def _listed(self, m: Mention) -> bool:
        return not (m.in_run or m.ambiguous or self._inside_other_name(m) or self._person_word(m)
                    or self._speaker(m) or self._other_name_exactly(m) == "PERSON")

    def _speaker(self, m: Mention) -> bool:
        """Used as a person: followed by a verb of saying or by "who", preceded by a verb of
        saying or by "by" ("Harris said", "said Harding", "Colton, who", "founded by Colton")."""
        after = self.text[m.end:m.end + 30]
        before = self.text[max(0, m.start - 12):m.start]
        # "by Colton", but not "by Paris Police": there the body's name goes on.
        return bool(SPEECH_AFTER.match(after) or SPEECH_BEFORE.search(before) and not re.match(r"\s+[A-Z]", after))

    def _region_in_body_name(self, m: Mention) -> bool:
        """A place naming a body, a site or an office of it ("Texas Forest Service", "Norfolk
        High School", "Arkansas Gov. Mike Huckabee"), not a person ("Virginia Madsen"): a
        country always, a state, county or town when such a word follows."""
        if any(h.place.feature == "PCLI" and h.how == 0 for h in m.hits):
            return True
        before = re.search(r"([A-Z][\w'’-]*)\s+$", self.text[max(0, m.start - 30):m.start])
        if before and not _major_region(m) and not is_common_word(before.group(1).lower()):
            return False       # "Nebraska Centennial Conference": the body's place is the first name
        if self.text[max(0, m.start - 4):m.start].lower() == "the " and not _major_region(m):
            return False       # "the Washington Post": a newspaper's name
        rest = re.match(r"(?:\s+[A-Z][\w'’.-]*){1,5}", self.text[m.end:m.end + 80])
        words = {norm(w) for w in rest.group(0).split()} if rest else set()
        if not any(h.how == 0 and (h.place.kind == "city" or h.place.is_admin) for h in m.hits):
            return False
        return bool(words & (ORG_WORDS | LOCATED_BY_NAME | TYPE_WORDS | OFFICE_WORDS))

    def _known_town(self, m: Mention) -> bool:
        """A capitalised town name in running text with nothing else against it (not a
        given name: "Lindsay", "Florence")."""
        key = norm(m.form)
        return any(h.how == 0 and h.place.kind in ("city", "region") for h in m.hits) \
            and not self._person_word(m) and not is_given_name(key) and not is_surname(key)

    def _person_word(self, m: Mention) -> bool:
        """A one-word name that is also a word of a person's name in this article, unless
        it is a country ("Jordan" stays a country beside "Michael Jordan")."""
        key = norm(m.form)
        return " " not in key and key in self.person_words \
            and not any(h.place.feature == "PCLI" and h.how == 0 for h in m.hits)

    def _ambiguous(self, span: Span, key: str, hits: list[Hit]) -> bool:
        if span.text.endswith(".") and len(key.replace(" ", "")) <= 5:
            return False        # "Ill.", "Mass.": an abbreviation, with its dot
        if any(h.how == 0 and h.place.feature == "PCLI" for h in hits[:2]) or not is_common_word(key) and \
                any(h.how == 0 and h.place.feature == "ADM1" and h.place.population >= MIN_BIG_REGION for h in hits[:2]):
            return False        # "Georgia", "Jordan": a country or a state first
        words = key.split()
        if len(words) == 1 and (is_common_word(key) or key in self.person_words):
            return True
        return len(words) == 1 and is_given_name(key) and span.end < len(self.doc) \
            and _capitalised(self.doc[span.end]) and not span.doc[span.end].whitespace_ == ""

    def _ents_from(self, lo: int, hi: int) -> list[Span]:
        """The entities that start between character offsets `lo` and `hi` (bisected:
        long articles have thousands)."""
        return self.ents[bisect.bisect_left(self._ent_starts, lo):bisect.bisect_right(self._ent_starts, hi)]

    def _holding(self, start: int) -> Span | None:
        """The entity that covers offset `start`, if any (entities never overlap)."""
        i = bisect.bisect_right(self._ent_starts, start) - 1
        return self.ents[i] if i >= 0 and self.ents[i].end_char > start else None

    def _place_label(self, start: int, end: int) -> bool:
        e = self._holding(start)
        return e is not None and e.label_ in PLACE_LABELS and end <= e.end_char + 1

    def _other_name_exactly(self, m: Mention) -> str | None:
        for e in self._ents_from(m.start - 4, m.start + 4):
            if e.label_ in OTHER_NAME_LABELS and not e.ent_id_ and abs(e.end_char - m.end) <= 2:
                return e.label_
        return None

    def _inside_other_name(self, m: Mention) -> bool:
        return self._inside_other_name_span(m.start, m.end, m.hits[:2])

    def _inside_other_name_span(self, start: int, end: int, major: list[Hit] = ()) -> bool:
        """Part of a longer name of a person or body ("Kabul Bank", "Georgia Modular
        Systems"), unless the place follows "of" in it ("University of Nebraska")."""
        for e in filter(None, [self._holding(start)]):
            if e.label_ in OTHER_NAME_LABELS and e.start_char <= start and end <= e.end_char \
                    and (e.end_char - e.start_char) > (end - start) + 2:
                if e.ent_id_:
                    return True         # a known actor's name ("Islamic State of Iraq")
                if re.search(r"\bof\s+(?:the\s+)?$", self.text[e.start_char:start]):
                    continue    # "University of Nebraska", "John Boehner of Ohio"
                if e.label_ == "PERSON" and _listing(e):
                    continue    # "Alabama, Arkansas" taken for one person
                if e.label_ == "PERSON" or not (major and _major_region(Mention(start, end, self.text[start:end],
                                                                                list(major)))):
                    return True
        return False

    def _locative_before(self, start: int, strong: bool = False) -> bool:
        before = self.text[max(0, start - 40):start]
        # Only this sentence's words: "… on its Web site at . We also met" is no "at We".
        before = SENTENCE_BREAK.split(before)[-1]
        if OF_PERSON.search(before) and not strong:
            return True         # "Terry McAuliffe of McLean", "a man, 84, of Scottdale"
        words = re.findall(r"[\w-]+", before[-25:])
        if not words:
            return False
        last = words[-1].lower()
        if last == "the" and len(words) > 1:
            last = words[-2].lower()
        return last in (STRONG_LOCATIVE if strong else LOCATIVE)

    def _sentence_initial(self, m: Mention) -> bool:
        before = self.text[max(0, m.start - 3):m.start]
        return m.start == 0 or not before.strip() or before.rstrip()[-1:] in ".!?:\"“"


def _segment(doc: Doc, i: int, j: int, k: int, end: int) -> tuple[int, int]:
    """The part of the capitalised run i..j that holds the name k..end, cut at "and" and
    "&" outside the name: "Nebraska and Iowa" is a list, not one name."""
    a, b = i, j
    for t in doc[i:k]:
        if t.lower_ in ("and", "&"):
            a = t.i + 1
    for t in doc[end:j]:
        if t.lower_ in ("and", "&"):
            b = t.i
            break
    return a, b


def _located_by_name(rest: Span) -> bool:
    """The words after a place in a site's name say the site stands there ("Cathedral",
    "International Airport"), unlike a street or a company named after it."""
    words = norm(rest.text).split()
    return any(" ".join(words[i:]) in LOCATED_BY_NAME for i in range(1, len(words)))


def states_named(hits: list[Hit]) -> set[str]:
    """The countries of which the name, as written, is a populous state or province."""
    return {h.place.country for h in hits if h.how == 0 and h.place.feature == "ADM1"
            and h.place.population >= MIN_BIG_REGION}


def _a_country(m: Mention) -> bool:
    """The name is a country's own: "Mexico, China, Japan" lists countries (but "Mexico,
    Missouri" is a town in a state)."""
    return any(h.how == 0 and h.place.feature == "PCLI" for h in m.hits)


def _listing(ent: Span) -> bool:
    """Names listed, no one's name ("Alabama, Arkansas", "Alberta and Manitoba")."""
    return any(t.text in (",", "and", "&") for t in ent)


def _full_name(ent: Span) -> bool:
    """A person's name as people write one: two to four words, each capitalised or an
    initial, none a word of a body, a site or a region ("Gainesville VFW Post No")."""
    words = [t.text for t in ent if not t.is_punct or t.text == "."]
    if not 2 <= len(words) <= 5 or _listing(ent):
        return False
    for w in words:
        key = norm(w)
        if key in FACILITY_WORDS or key in TYPE_WORDS or key in ORG_WORDS or w.isupper() and len(w) > 2:
            return False
        if not (w[:1].isupper() or w in CONNECTORS or w == "."):
            return False
    return True


def typed_base(form: str) -> str:
    """The base of a name written with its type word ("dekalb" of "DeKalb County"), else ""."""
    words = norm(form).rsplit(" ", 1)
    return words[0] if len(words) == 2 and words[1] in TYPE_WORDS else ""


def _ordinary_first_word(ent: Span) -> bool:
    """A "person" that opens with an ordinary word no one is named ("New Gainesville" of a
    headline); a title before the name is none ("President Obama")."""
    first = norm(ent[0].text)
    return is_common_word(first) and not is_given_name(first) and first.rstrip(".") not in PERSON_TITLES


def _major_region(m: Mention) -> bool:
    """A country, a first-level region, or a county by its full name: a place even inside
    the name of a body ("Texas Forest Service", "Guernsey County Common Pleas Court")."""
    return any(h.how == 0 and (h.place.feature == "PCLI"
                               or h.place.feature == "ADM1" and h.place.population >= MIN_BIG_REGION
                               or h.place.feature == "ADM2" and norm(m.form).split()[-1] in TYPE_WORDS)
               for h in m.hits[:2])


def _major(m: Mention) -> bool:
    """Named as a country, a national capital or a first-level region is named."""
    return any(h.how == 0 and h.place.feature in ("PCLI", "PPLC", "ADM1") for h in m.hits[:1])


def _case_fits(text: str, spelt: str) -> bool:
    """The text capitalises the name's proper words as its spelling does, and does not
    shout them: "Persian Gulf" for "Persian Gulf", not "persian gulf" or "SWAT" for "Swat"."""
    words, wanted = re.findall(r"[^\W_]+", text), re.findall(r"[^\W_]+", spelt)
    if len(words) != len(wanted):
        return True
    for w, s in zip(words, wanted):
        if s[:1].isupper() and not w[:1].isupper() or w.isupper() and len(w) > 1 and not s.isupper():
            return False
    return True


def _capitalised(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() and (token.is_alpha or re.fullmatch(r"[A-Z][\w.'’-]*", text) is not None)


def _abbreviation(text: str) -> bool:
    """"St.", "Ky.", "D.C.": a dot that belongs to the word."""
    return bool(re.fullmatch(r"(?:[A-Z]\.){2,}|[A-Z][a-z]{0,4}\.|(?:[A-Z]\.\s?)+[A-Z][a-z]*\.?", text))


def _holds(place) -> bool:
    return place.feature in ("PCLI", "ADM1", "ADM2", "RGN")


def _inside(place, region) -> bool:
    """The place lies in the region, as far as the gazetteer tells."""
    if place is region or place.id == region.id or not place.country:
        return False
    if region.feature == "PCLI":
        return place.country == region.country
    if region.feature == "ADM1":
        return place.country == region.country and place.admin1 == region.admin1
    if region.feature == "ADM2":
        return place.country == region.country and place.admin2 == region.admin2
    return place.country == region.country


def _inside_capital_run(text: str, start: int, end: int) -> bool:
    """Part of a longer proper name ("New South Wales" is not Wales)."""
    return bool(re.search(r"[A-Z][\w'-]*\s$", text[max(0, start - 20):start])) and text[start:start + 1].isupper() \
        or bool(re.match(r"\s[A-Z][a-z]", text[end:end + 3]))


def _weak_capital_lines(text: str) -> list[tuple[int, int]]:
    """Lines in Title Case or ALL CAPS, where a capital letter says nothing of a name."""
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", line) if len(w) > 3]
        if len(words) >= 3:
            upper = sum(w.isupper() for w in words)
            title = sum(w[:1].isupper() for w in words)
            if upper >= 0.8 * len(words) or title >= 0.8 * len(words):
                out.append((pos, pos + len(line)))
        pos += len(line)
    return out
