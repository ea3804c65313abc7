"""Who the words naming a speaker stand for: a person the article names, or a description.

- A name: the person it names ("Warren" → Elizabeth Warren; "Clinton spokesman Jesse
  Lehrich" → Jesse Lehrich; "NBC's Dante Chinni" → Dante Chinni); titles and party
  tags are not part of it ("Rep. Jim Clyburn (D-S.C.)" → Jim Clyburn).
- "he" / "she": the person the sentence before the quote introduces with their role
  ("according to Dr. Tom Frieden, formerly the director of …"), else the speaker of the
  quote just before, when the sex fits and it is one person (not "protesters"), else the
  person named last before it whose sex fits (from a title, a given name, or the
  pronouns the text has used for them); "they" / "we": the body named last.
- A description ("the spokesman", "the president"): the person it describes when the
  text names them (in apposition, or by the role given them earlier), else the
  fullest form of the description the text uses ("a senior security source").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..briefing import Actor
from ..geo import norm
from .lexicon import given_name_gender
from .attribution import DOCUMENTS, PERSON_NOUNS, SUBORDINATORS, WRITINGS, cue_words
from .nlp import BODY_WORDS
from .dates import MONTHS, WEEKDAYS
from .spans import HONORIFICS, LEADING_WORDS, POSTNOMINALS, doc_text

MALE = {"mr", "sir", "king", "prince", "lord", "father", "brother", "son", "husband", "sheikh", "emir"}
FEMALE = {"mrs", "ms", "miss", "madam", "queen", "princess", "lady", "mother", "sister", "daughter", "wife"}
BODY_TYPES = ("organization", "state", "armed_group", "group")
PARTY_TAG = re.compile(r"\s*\((?:[RDI]|Rep|Dem)[-–,.]?\s*[A-Za-z. ]*\)")
TITLE_WORDS = {"rep", "sen", "gov", "lt", "gen", "col", "capt", "sgt", "adm", "maj", "dr", "mr", "mrs", "ms",
               "president", "vice", "prime", "minister", "secretary", "senator", "governor", "mayor",
               "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "leader", "chief",
               "director", "judge", "justice", "sheriff", "commissioner", "ambassador", "envoy", "speaker",
               "deputy", "former", "general", "colonel", "captain", "king", "queen", "prince", "pope",
               "ayatollah", "sheikh", "imam", "foreign", "defence", "defense", "interior", "state", "us", "u.s.",
               "del", "delegate", "representative", "congressman", "congresswoman", "councilman",
               "councilwoman", "assemblyman", "assemblywoman"}


# Words before a title that make a lower office of it ("Deputy Prime Minister", "Vice President").
LOWER_RANKS = {"deputy", "vice", "assistant", "under", "associate", "junior", "lt"}
CLAUSE_WORDS = "(?:that|who|which|whom|whose|has|have|had|is|was|are|were|be|been|and|or|but)"
OF_AFFILIATION = re.compile(r",?\s+of\s+(?:the\s+)?[A-Z]")
CUE_FORMS = sorted(cue_words())
CUE_SET = frozenset(CUE_FORMS)
RELATIVES = {"who", "which", "that", "whom"}
# Words that open no speaker's name: a question ("What would you say about that sign: …"), or a
# preposition in lower case ("“goodbye” written as the caption").
QUESTION_WORDS = {"what", "how", "why", "whose"}
PREPOSITIONS = {"as", "in", "on", "at", "for", "with", "by", "from", "to", "into", "under", "about", "like"}
# Bodies that a person's name heads ("the Biden campaign", "Clinton's team"): they speak, not the person.
PERSONS_BODY = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:['’]s)?\s+"
                          r"(?:campaign|administration|camp|team|office|family|government)")
# Cues that name or label rather than report speech ("Vizmedia dubbed the series").
NAMING_CUES = {"dub", "dubbed", "dubs", "dubbing", "call", "called", "calls", "calling", "label", "labelled",
               "labeled", "labels", "term", "termed", "terms", "brand", "branded", "brands", "read", "reads", "put",
               "puts", "sing", "sang", "sings", "sung"}
# A name right before a cue of speech speaks ("services manager Geoff Bowes says").
CUE_AFTER_NAME = re.compile(r"\s+(?:%s)\b" % "|".join(f for f in CUE_FORMS if f not in NAMING_CUES))
# "a White House statement", "the Kremlin press release": the capitalised words name its author.
OWNER_BEFORE = re.compile(r"(?:an?|the)\s+([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*$")
# "a statement on the Water Board's website": the site's owner issued it.
ON_SITE = re.compile(r"(?:an?\s+|the\s+)?(?:%s)\s+(?:on|of)\s+(?:the\s+)?(.+?)['’]s?\s+[\w-]+$"
                     % "|".join(sorted(DOCUMENTS)), flags=re.I)
# "a May, 2007 report by the Red Harbour Trust": its author.
AUTHORED_BY = re.compile(r"\b(?:%s)s?\s+(?:by|from)\s+(?:the\s+)?([A-Z].*)$" % "|".join(sorted(DOCUMENTS | WRITINGS)))
# A name followed by its role in apposition: ", president of", ", a professor at".
INTRODUCED = re.compile(r",\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:%s)\b" % "|".join(sorted(PERSON_NOUNS)))


# A name, then its apposition up to where a place's name begins: "Santosh Mishra, a villager in
# the Gondra district of ".
APPOSITION_TO_PLACE = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}),\s+(?:an?|the)\s+"
                                 r"[^,;:“”\"\n]{2,80}?"
                                 r"\b(?:of|in|from|at)\s+(?:the\s+)?$")


@dataclass
class Person:
    name: str
    gender: str                   #: "m", "f" or ""
    role: str
    spans: list[tuple[int, int]]


class SpeakerResolver:
    def __init__(self, doc: Doc, actors: list[Actor], quoted: list[tuple[int, int]], places: set[str] = frozenset()):
        self.doc = doc
        self.places = places
        self.text = doc_text(doc)
        self.quoted = quoted
        self.actors = actors
        self.people = [Person(a.name, self._gender(a), a.role.lower(), [(e.start, e.end) for e in a.evidence])
                       for a in actors if a.type == "person"]
        self.mentions = sorted(((s, e, a) for a in actors for s, e in ((ev.start, ev.end) for ev in a.evidence)),
                               key=lambda m: m[0])
        self.last: tuple[str, int] | None = None     # the last speaker and where their quote ended
        # Every name and alias of a body, a state or a group: no "he" or "she" ("the E.U.").
        self.body_keys = {norm(form) for a in actors if a.type != "person" for form in (a.name, *a.aliases)}

    def spoke(self, speaker: str, at: int) -> None:
        self.last = (speaker, at)

    # --- the resolution -------------------------------------------------------------------

    def resolve(self, start: int, end: int, at: int, kind: str) -> str:
        end = start + _person_before_of(self.text[start:end])
        # A name the words begin inside is all of it ("the Food and | Agriculture Organization,
        # both part of …, have stated": the walk to the subject stops at "and").
        start = next((m[0] for m in self.mentions if m[0] < start < m[1] and not self.inside_quote(m[0])), start)
        phrase = " ".join(PARTY_TAG.sub("", self.text[start:end]).split()).strip(" ,.;:“”\"'")
        parts = phrase.split()
        if len(parts) > 2 and parts[-1] in CUE_SET and all(w[:1].isupper() or w[:1].isdigit() for w in parts[-3:-1]) \
                and parts[-2].lower() not in ("the", "a", "an"):
            phrase = " ".join(parts[:-1])       # "The New York Times reports", "The 14th Amendment states":
                                                #  the cue is no part of a name
        first, _, rest = phrase.partition(" ")
        if first.lower() in LEADING_WORDS and rest[:1].isupper():
            phrase = rest                       # "Even China, …, said": China
        opening = OPENING.match(phrase)
        if opening:
            # "Since then, a Republican, Mark Amodei, has …": the clause's opening is no speaker
            phrase = phrase[opening.end():]
            start += max(0, self.text[start:end].find(phrase.split()[0]))
        low = phrase.lower()
        described = re.fullmatch(r"(?:(?:the|a|an)\s+)?((?:[a-z][\w-]*\s+){1,3}[A-Z][a-z]+)", phrase)
        if described and phrase.split()[-1].lower() in TITLE_WORDS | PERSON_NOUNS \
                and not set(phrase.split()[:-1]) & SUBORDINATORS:
            # "the state's public health Commissioner said": a title written with a capital
            # after the words that describe it is that description
            return self._description(described.group(1), start + described.start(1), at)
        if phrase in RELATIVES and not self.inside_quote(start):
            # "Christie, who …, blasted": the name before it (in lower case only: "WHO
            # describes" is the body).
            return self._relative(start, at)
        if not phrase or low in SUBORDINATORS and not phrase.isupper() or self.inside_quote(start) \
                or _opens_no_name(phrase):
            return ""          # "After saying …": a clause's first word (not "WHO"); words inside a quote
        # A pronoun stands for someone named before it, not for a name between it and the
        # quote ("He said Putin was “a far stronger leader …”": not Putin).
        if low in ("he", "she", "him", "her", "i", "me"):
            return self._pronoun("f" if low in ("she", "her") else "m" if low in ("he", "him") else "",
                                 min(start, at))
        if low in ("you", "your"):
            return ""          # "could you tell us …?": an interviewer's question, nobody named
        if low in ("they", "we", "them", "us"):
            return self._plural_before(min(start, at)) or self._body_before(min(start, at))
        if low == "it":
            # "the Times wrote. … it added": the body or publication that spoke last, else
            # the body named last.
            if self.last and self._person(self.last[0]) is None and not self._looks_personal(self.last[0]):
                return self.last[0]
            return self._body_before(at)
        author = AUTHORED_BY.search(phrase)
        if author:
            at_author = self.text.find(author.group(1), start, end)
            if at_author >= 0:
                return self.resolve(at_author, at_author + len(author.group(1)), at, kind)
        document = phrase.split()[-1] in DOCUMENTS       # in lower case: not "the New York Post"
        owner = document and (re.match(r"(?:the\s+)?(.+?)['’]s?\s+(?:[\w-]+\s+){0,2}[\w-]+$", phrase, flags=re.I)
                              or OWNER_BEFORE.match(phrase)) or ON_SITE.match(phrase)
        if owner and owner.group(1)[:1].isupper() and owner.group(1).lower() not in (*WEEKDAYS, *MONTHS):
            # "reads Judge Miller's statement", "the ministry's report said": its author
            at_owner = self.text.find(owner.group(1), start, end)
            if at_owner >= 0:
                return self.resolve(at_owner, at_owner + len(owner.group(1)), at, kind)
        if document:
            # "Halliburton issued a statement stating": the one who issued it, by the parse;
            # else ("read the statement") the speaker quoted last in this paragraph, else
            # whoever the sentence before reports as speaking.
            issuer = self._issuer(start, end)
            if issuer is not None:
                return self.resolve(*issuer, at, kind)
            if self.last and "\n" not in self.text[self.last[1]:at]:
                return self.last[0]
            # else the document as written, when no one is named to have issued it
            return self._reported_speaker(start) or self._body_before(at) \
                or re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", phrase)
        named = [m for m in self.mentions if start <= m[0] < end and not self.inside_quote(m[0])]
        people = [m for m in named if m[2].type == "person"]
        if named and PERSONS_BODY.fullmatch(phrase):
            return _as_written(re.sub(r"^(?:[Tt]he)\s+", "", phrase))   # "the Biden campaign": not Biden himself
        head = _before_preposition(phrase).split()[-1].lower()
        if people and head in PERSON_NOUNS and all(self.text[m[1]:m[1] + 2] in ("'s", "’s") for m in people):
            people = []      # "Vance's aide" is not Vance: a person described, by name where named
        if people:
            return self._as_named(people[-1][2])
        if named and head in PERSON_NOUNS:
            # "the UN representative", "the ministry's spokesman", "a source within the Interior
            # Ministry": a person described, not the body; by name where the text names them.
            return self._named_after(phrase, start) or re.sub(r"^(?:a|an|the)\s+", "", phrase, flags=re.I)
        # "one of the users": all of it; "her surgeon": the surgeon ("His Holiness" stays)
        words = re.sub(r"^(?:[Aa]n?|[Tt]he|his|her|their|its|[Oo]ne(?!\s+of\b)|[Aa]nother)\s+", "", phrase)
        qualified = _before_preposition(words)
        if qualified != words and re.fullmatch(r"[a-z][\w-]*(?:\s+[a-z][\w-]*)*", qualified) \
                and qualified.split()[-1] in PERSON_NOUNS:
            return self._description(words, start, at)     # "a narrator in the Vance video"
        if not named and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", words) \
                and re.search(r"\b[Tt]he\s+$", self.text[max(0, start - 5):start] + phrase[:-len(words)]):
            # "the Governor", "the Department": a title or a name's head noun written as the
            # text's short form for the person or body it named before.
            short = self._titled(words.lower(), at) or self._body_named(words, at)
            if short:
                return short
        if not named and phrase.split()[0].lower() in ("a", "an", "the"):
            appositive = self._named_after(phrase, start)     # "a Republican, Mark Amodei,"
            if appositive:
                return appositive
        name = _strip_titles(_before_apposition(words) if not named else words)
        if name in self.places and not named:
            # "Santosh Mishra, a villager in the Gondra district of Uttar Pradesh remarked": the
            # place ends the apposition of the one who speaks
            owner = APPOSITION_TO_PLACE.search(self.text, self._sentence(start)[0], start)
            if owner:
                person = self._by_surname(owner.group(1), at)
                return person.name if person else owner.group(1)
            if words.split()[0].lower().rstrip(".,") in TITLE_WORDS and len(words.split()) > len(name.split()):
                # "the Mayor of Boston declared": the office's holder, not the place
                return self._named_after(phrase, start) or words
        if name and name[:1].isupper() and not named:
            person = self._by_surname(name, at, _title_gender(words))
            if person is not None:
                return person.name
            if not self._is_body_word(name):
                return name
        if named:
            # A body speaks when no person is named ("the Pentagon said"), by the name the text
            # gives it ("US State Department"); its spokesperson named in the same sentence
            # speaks for it ("the ministry's spokesman, X, said"); a name that holds a place's
            # is all of it ("The New York Post reports", not New York).
            spokesperson = self._spokesperson_near(start, end)
            if spokesperson:
                return spokesperson
            if re.fullmatch(r"[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|and|for|the))*", words) \
                    and len(words) > named[-1][1] - named[-1][0] and all(m[2].type == "state" for m in named):
                return words
            return _as_written(self.text[named[-1][0]:named[-1][1]]) or named[-1][2].name
        if words[:1].islower():
            return self._body_named(words, at) or self._description(words, start, at)
        return words

    def acting_before(self, at: int) -> str:
        """The person who acts in the sentences just before `at` (a subject, or the one a
        statement is "according to"), whatever their sex."""
        return self._pronoun("", at)

    def labelled(self, label: str, at: int) -> str:
        """A transcript's speaker label ("PENCE", "CHRIS WALLACE") → the person the article
        names so, else the label written as a name ("Wallace")."""
        name = " ".join(w.capitalize() for w in label.split())
        person = self._by_surname(_strip_titles(name), at)
        return person.name if person else name

    def _pronoun(self, gender: str, at: int) -> str:
        introduced = self._introduced(gender, at)
        if introduced:
            return introduced
        if self.last is not None:
            person = self._person(self.last[0])
            if person is not None and (not gender or person.gender in ("", gender)) \
                    or person is None and self._one_person(self.last[0]):
                if self._nobody_new_since(self.last[1], at, gender):
                    return self.last[0]
        before = [(s, e, p) for p in self.people for s, e in p.spans if s < at and not self.inside_quote(s)]
        before.sort(key=lambda sp: sp[0])
        fitting = [(s, e, p) for s, e, p in before if not gender or p.gender in ("", gender)]
        # The one who acts in the last sentences (their subject) before one merely named
        # ("he appreciated Soleimani's lifepath" after "Khamenei ordered …": Khamenei).
        recent = [x for x in fitting if at - x[0] < 400]
        subjects = [x for x in recent if self._subject_like(x[0], x[1], sources=True)]
        if subjects:
            return subjects[-1][2].name
        if fitting:
            return fitting[-1][2].name
        return self.last[0] if self.last and self._one_person(self.last[0]) else ""

    def _introduced(self, gender: str, at: int) -> str:
        """The person the sentence just before the quote introduces with their role ("…
        according to Dr. Tom Frieden, formerly the director of the CDC, …. He said, “…”"):
        news copy names the one it quotes next that way."""
        before = self.text[:at].rstrip(" \n“\"")
        start = self._sentence(max(0, len(before) - 1))[0]
        found = [(s, p) for p in self.people for s, e in p.spans
                 if start <= s < at and not self.inside_quote(s) and (not gender or p.gender in ("", gender))
                 and INTRODUCED.match(self.text, e)]
        return max(found, key=lambda sp: sp[0])[1].name if found else ""

    def _looks_personal(self, speaker: str) -> bool:
        """A speaker that may be "he" or "she": a name not of a body, or a description of a person."""
        if norm(speaker) in self.body_keys or speaker in self.places:
            return False          # a body, a state or a place is no "he" or "she"
        return _before_preposition(speaker).split()[-1].lower() in PERSON_NOUNS \
            or speaker[:1].isupper() and not self._is_body_word(speaker)

    def _one_person(self, speaker: str) -> bool:
        """A speaker "he" or "she" may stand for: personal, and not several people."""
        return self._looks_personal(speaker) and not _plural(speaker)

    def _nobody_new_since(self, since: int, at: int, gender: str) -> bool:
        """No other person of that sex named since the last quote as the one who acts or
        speaks (a subject, or the name after a cue: "…, noted NBC's Dante Chinni")."""
        for person in self.people:
            if self.last and person.name == self.last[0]:
                continue
            if gender and person.gender not in ("", gender):
                continue
            if any(since < s < at and not self.inside_quote(s) and self._subject_like(s, e, sources=True) for s, e in person.spans):
                return False
        return True

    def _subject_like(self, start: int, end: int, sources: bool = False) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if root.dep_ == "appos":
            root = root.head  # "Conservative economist Aparna Mathur, …, said": the subject's name
        if root.dep_ == "ROOT" or root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT":
            return True       # the main clause's subject, not one of a clause it governs
        before = self.text[max(0, start - 30):start]
        # The name after a cue ("…, noted NBC's Dante Chinni"), not whose words the cue
        # reports ("said Ivanka Trump's statement …").
        after_cue = bool(re.search(r"\b(?:%s)\s+(?:[A-Z][\w’'.-]*\s+)*$" % "|".join(CUE_FORMS), before)) \
            and not re.match(r"['’]s?\b", self.text[end:end + 2])
        # With `sources`, the person a statement is "according to" speaks too.
        according = sources and re.search(r"\b[Aa]ccording to\s+(?:[A-Z][\w’'.-]*\s+)*$", before) is not None
        # The name right before a cue speaks however the parser took the sentence ("services
        # manager Geoff Bowes says …").
        before_cue = CUE_AFTER_NAME.match(self.text, end) is not None
        return after_cue or according or before_cue or start == 0 \
            or self.text[max(0, start - 2):start].strip() in ("", ".")

    def _issuer(self, start: int, end: int) -> tuple[int, int] | None:
        """The subject of the verb whose object the document is, where it precedes it."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.root.dep_ not in ("obj", "dobj") or span.root.head.pos_ not in ("VERB", "AUX"):
            return None
        subject = [c for c in span.root.head.children if c.dep_ == "nsubj" and c.i < span.start]
        if not subject:
            return None
        tokens = list(subject[0].subtree)
        # "Fifty former officials, including X and Y, signed a letter": the officials
        cut = next((t.i for t in tokens if t.i > subject[0].i and t.text in (",", "(", "—")), tokens[-1].i + 1)
        first, last = tokens[0], self.doc[cut - 1]
        return first.idx, last.idx + len(last.text)

    def _reported_speaker(self, start: int) -> str:
        m = None
        for m in re.finditer(r"(?:^|[.!?]\s+)((?:[Aa]n?|[Tt]he)\s+[\w-]+(?:\s+[\w-]+)?|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)*)\s+"
                             r"(?:told|said|says|stated|confirmed)\b", self.text[max(0, start - 500):start]):
            pass
        if m is None:
            return ""
        phrase = m.group(1)
        return self.resolve(max(0, start - 500) + m.start(1), max(0, start - 500) + m.end(1), start, "before") \
            if phrase.split()[-1] not in DOCUMENTS else ""

    def _as_named(self, actor: Actor) -> str:
        """The person's name as this article spells it in full ("Volodymyr Zelenskyy" where
        the known name is "Volodymyr Zelensky"), else their canonical name."""
        surname = norm(actor.name).split()[-1:]
        full = [f for f in actor.aliases if len(f.split()) >= 2 and f[:1].isupper()
                and norm(_strip_titles(f)).split()[-1:] != surname and len(norm(f).split()) == len(norm(actor.name).split())
                and norm(f)[:3] == norm(actor.name)[:3]]
        return full[0] if full else actor.name

    def _relative(self, start: int, at: int) -> str:
        """"Amman, who said": the name before the relative pronoun; "a statement which read":
        whoever issued the document."""
        before = [m for m in self.mentions if m[1] <= start and start - m[1] <= 4 and not self.inside_quote(m[0])]
        if before:
            return before[-1][2].name
        document = re.search(r"\b(?:an?|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:%s)\s*,?\s*$"
                             % "|".join(sorted(DOCUMENTS)), self.text[max(0, start - 60):start])
        if document:
            at_document = max(0, start - 60) + document.start()
            return self.resolve(at_document, at_document + len(document.group(0).rstrip(" ,")), at, "before")
        # "Mark Hay, a marine ecologist at the institute, who said": the person before the apposition
        apposition = re.search(r",[^,;:\n“”\"]{2,90},\s*$", self.text[max(0, start - 120):start])
        if apposition:
            cut = max(0, start - 120) + apposition.start()
            people = [m for m in self.mentions if m[1] <= cut and cut - m[1] <= 2 and m[2].type == "person"
                      and not self.inside_quote(m[0])]
            if people:
                return people[-1][2].name
        return ""

    def _plural_before(self, at: int) -> str:
        """"They" → the people a plural subject of this paragraph or the one before names,
        when no body is a subject there ("Critics of the program, like Senators X and Y, see
        … . They sent a letter … . “…,” they wrote": the critics)."""
        floor = max(0, self.text.rfind("\n", 0, max(0, self.text.rfind("\n", 0, at) - 1)))
        if any(m[2].type in BODY_TYPES and floor <= m[0] < at and self._subject_like(m[0], m[1])
               for m in self.mentions):
            return ""
        for token in reversed(self.doc.char_span(floor, at, alignment_mode="contract") or []):
            if token.dep_ == "nsubj" and token.tag_ in ("NNS", "NNPS") and token.head.dep_ == "ROOT" \
                    and token.head.pos_ in ("VERB", "AUX") and token.head.i > token.i \
                    and not self.inside_quote(token.idx):
                subtree = list(token.subtree)
                last = next((t.i - 1 for t in subtree if t.i > token.i and t.text in (",", "(", "—")), subtree[-1].i)
                end = self.doc[min(last, token.i + 6)]
                return _as_written(self.text[subtree[0].idx:end.idx + len(end.text)])     # "Critics of the program"
        return ""

    def _body_before(self, at: int) -> str:
        """The body named last before `at`, the one that acts in the last sentences (their
        subject) before one merely named ("… would take measures if North Korea conducted
        another test. “…,” they said": not North Korea)."""
        bodies = [m for m in self.mentions if m[0] < at and m[2].type in BODY_TYPES and not self.inside_quote(m[0])]
        # A body its own paragraph names before one an earlier paragraph made a subject.
        paragraph = [m for m in bodies if "\n" not in self.text[m[0]:at]]
        subjects = [m for m in paragraph or bodies if at - m[0] < 400 and self._subject_like(m[0], m[1])]
        return subjects[-1][2].name if subjects else paragraph[-1][2].name if paragraph \
            else bodies[-1][2].name if bodies else ""

    def _by_surname(self, name: str, at: int = 0, gender: str = "") -> Person | None:
        """The person a name or surname stands for: of several with that surname ("Mr.
        Obama", "Mrs. Obama"), the one the title's sex fits, then the one named last."""
        key = norm(name)
        found = [p for p in self.people if norm(p.name) == key
                 or len(key.split()) == 1 and norm(p.name).split()[-1:] == key.split()]
        if gender:
            found = [p for p in found if p.gender in ("", gender)]     # "Mr. Corby" is not Schapelle
        if len(found) > 1 and at:
            found.sort(key=lambda p: max((s for s, _ in p.spans if s < at), default=-1))
        return found[-1] if found else None

    def _person(self, name: str) -> Person | None:
        return next((p for p in self.people if p.name == name), None)

    def _spokesperson_near(self, start: int, end: int) -> str:
        sentence = self._sentence(start)
        for person in self.people:
            if any(sentence[0] <= s < sentence[1] for s, _ in person.spans) and \
                    re.search(r"spokes(?:man|woman|person)|official", person.role):
                return person.name
        return ""

    def _body_named(self, words: str, at: int) -> str:
        """"the party" → the body named last before whose name ends in that noun ("Thai
        Raksa Chart Party"), not a fuller description of another one."""
        if " " in words or words.lower() not in BODY_WORDS:
            return ""
        bodies = [m for m in self.mentions if m[0] < at and m[2].type in BODY_TYPES and not self.inside_quote(m[0])
                  and _head_noun(m[2].name) == words.lower()]
        return bodies[-1][2].name if bodies else ""

    def _titled(self, title: str, at: int) -> str:
        """"the Senator", "the Prime Minister" → the person with that title mentioned last before `at`."""
        words = title.split()
        if not all(w in TITLE_WORDS or w in PERSON_NOUNS for w in words):
            return ""
        return self._named_last(lambda p: _holds(p.role.split(), words), at)

    def _named_last(self, fits, at: int) -> str:
        """Of the people who fit and are named before `at`, the one named last."""
        last = [(max(s for s, _ in p.spans if s < at), p.name) for p in self.people
                if any(s < at for s, _ in p.spans) and fits(p)]
        return max(last)[1] if last else ""

    def _named_after(self, words: str, start: int) -> str:
        """The name in apposition to a description ("the spokesman, Tom Reyes,"), or after its
        own words ("said director of health within the Food Safety Authority, Stein Ivar
        Ormsettrø."): a person the article names."""
        end = start + len(words)
        appositive = re.match(r"\s*,\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\s*,",
                              self.text[end:self._sentence(start)[1]])
        if appositive:
            person = self._by_surname(appositive.group(1))
            return person.name if person else appositive.group(1)
        word = r"(?:[A-Z][a-z]{0,2}\.|[A-Z][\w'’-]*)"       # "Dr.", "J.", "Shariff"
        named = re.match(rf"[^,.\n]*,\s*({word}(?:\s+{word}){{1,3}})\s*(?:[,.]|$)", self.text[end:end + 160])
        person = self._by_surname(_strip_titles(named.group(1))) if named else None
        return person.name if person else ""

    def _description(self, words: str, start: int, at: int) -> str:
        """"the spokesman" → the person the text names as the spokesman, else the
        fullest description with the same head noun ("source" → "senior security source")."""
        head = _before_preposition(words).split()[-1].lower()
        named = self._named_after(words, start)
        if named:
            return named
        if head not in ("person", "man", "woman", "people", "source", "sources"):
            # "… criticised by archbishop X. … the archbishop said": the one with that role, else
            # the one it was written before, named last (not "Vice President X" for "the president")
            titled = re.compile(rf"(?<!\w)(\w+\s+)?{re.escape(head)}\s+$", flags=re.I)
            holder = self._named_last(lambda p: _holds(p.role.split(), [head]), at) or self._named_last(
                lambda p: any(s < at and (m := titled.search(self.text[max(0, s - 40):s]))
                              and (m.group(1) or "").strip().lower() not in LOWER_RANKS for s, _ in p.spans), at)
            if holder:
                return holder
        best = " ".join(words.split()[:8])
        # The words before the head qualify it ("senior security source"), they are no clause
        # ("a door that has writing in a foreign language": not a fuller "writing").
        for m in re.finditer(rf"\b(?:[Aa]n?|[Tt]he|[Oo]ne)\s+((?:(?!{CLAUSE_WORDS}\b)[a-z][\w-]*\s+){{0,3}}"
                             rf"{re.escape(head)}(?:\s+(?:within|in|of|for|from|at)\s+(?:the\s+)?(?!an?\b)"
                             rf"[\w\s]{{1,40}}?)?)(?=[,.;:\s])",
                             self.text[:at]):
            if len(m.group(1)) > len(best) and not self.inside_quote(m.start()):
                best = " ".join(m.group(1).split())
        return best

    # --- helpers -----------------------------------------------------------------------------

    def inside_quote(self, pos: int) -> bool:
        """Whether `pos` lies inside quotation marks (a name there is nobody speaking)."""
        return any(a <= pos < b for a, b in self.quoted)

    def _sentence(self, pos: int) -> tuple[int, int]:
        start = max(self.text.rfind(". ", 0, pos) + 2, self.text.rfind("\n", 0, pos) + 1, 0)
        end = min([i for i in (self.text.find(". ", pos), self.text.find("\n", pos)) if i >= 0] or [len(self.text)])
        return start, end

    def _is_body_word(self, name: str) -> bool:
        return name.split()[-1].lower() in ("department", "ministry", "office", "agency", "police", "army",
                                            "government", "committee", "council", "times", "news", "post")

    def _gender(self, actor: Actor) -> str:
        for form in [actor.role, *actor.aliases, actor.name]:
            words = [w.lower().rstrip(".") for w in form.split()]
            if set(words) & MALE:
                return "m"
            if set(words) & FEMALE:
                return "f"
        first = actor.name.split()[0] if actor.name.split() else ""
        gender = given_name_gender(first)
        if gender:
            return gender
        return self._pronoun_after(actor)

    def _pronoun_after(self, actor: Actor) -> str:
        """The pronoun the text first uses for the person: after a mention, the first "he" or
        "she" before the paragraph ends or another person is named (the "he said" that
        follows in the next paragraph may be another's)."""
        others = sorted(e.start for p in self.actors if p.type == "person" and p is not actor for e in p.evidence)
        for evidence in actor.evidence:
            if self.inside_quote(evidence.start):
                continue
            end = evidence.end
            stop = min([end + 160, *(s for s in others if s > end)])
            paragraph = self.text.find("\n", end)
            if paragraph >= 0:
                stop = min(stop, paragraph)
            m = re.search(r"\b(he|his|him|she|her|hers)\b", self.text[end:stop].lower())
            if m:
                return "m" if m.group(1) in ("he", "his", "him") else "f"
        return ""


# An adverbial that opens the clause before its subject ("Since then, …", "Meanwhile, …").
OPENING = re.compile(r"(?:since|then|meanwhile|later|earlier|however|separately|afterwards|previously|now|"
                     r"instead|still|yesterday|today|also)(?:\s+[a-z]+){0,2}\s*,\s+(?=\S)", re.I)


def _person_before_of(phrase: str) -> int:
    """Where the person's name ends in "Rep. Charles Rangel of New York" (the place or
    body after "of" is where they come from, not who speaks); the whole phrase when it
    is no such name ("Secretary of State John Kerry", "Bank of America")."""
    m = OF_AFFILIATION.search(phrase)
    if m is None:
        return len(phrase)
    name = _strip_titles(phrase[:m.start()]).split()
    if len(name) >= 2 and all(w[:1].isupper() for w in name) \
            and not any(w.lower().rstrip(".,") in TITLE_WORDS for w in name) \
            and name[-1].lower() not in BODY_WORDS:      # "the United States Department of Agriculture"
        return m.start()
    return len(phrase)


def _holds(role: list[str], title: list[str]) -> bool:
    """Whether the words of a role hold those of a title, in order ("Slovak prime minister"
    holds "prime minister"), and not as a lower rank ("deputy prime minister" does not)."""
    n = len(title)
    return any(role[i:i + n] == title and not (i and role[i - 1].rstrip(".") in LOWER_RANKS)
               for i in range(len(role) - n + 1))


def _head_noun(name: str) -> str:
    """"Oregon Department of Transportation" → "department", "Supreme Court" → "court"."""
    words = re.split(r"\s+of\s+", name, maxsplit=1)[0].split()
    return words[-1].lower() if words else ""


def _plural(description: str) -> bool:
    """A description of several people ("small groups of protesters", "local officials"),
    whom "he" or "she" cannot stand for; a name ("Adams") is none."""
    head = _before_preposition(description).split()[-1]
    return head[:1].islower() and (head in ("people", "police", "men", "women", "spokesmen")
                                   or head.endswith("s") and not head.endswith(("ss", "us", "is")))


def _opens_no_name(phrase: str) -> bool:
    """A question word or a lower-case preposition opens the words ("What would you say …",
    "written as the caption"): no speaker's name."""
    opening = phrase.split()[0].lower()
    return opening in QUESTION_WORDS and not phrase.isupper() or opening in PREPOSITIONS and phrase[:1].islower()


def _before_apposition(words: str) -> str:
    """The name before a role in apposition ("Fredys Cerrato, Trade Minister of Honduras"),
    else all of the words."""
    name, comma, _ = words.partition(",")
    parts = name.split()
    if comma and 2 <= len(parts) <= 4 and all(re.fullmatch(r"[A-Z][\w.'’-]*", w) for w in parts) \
            and not any(w.lower().rstrip(".") in TITLE_WORDS for w in parts):
        return name
    return words


def _before_preposition(words: str) -> str:
    """The words a prepositional phrase qualifies ("woman in the crowd": "woman"), else all."""
    m = re.match(r"(.+?)\s+(?:in|of|for|at|from|with|within|on)\s", words)
    return m.group(1) if m else words


def _strip_titles(words: str) -> str:
    """"Rep. Jim Clyburn" → "Jim Clyburn", "Mr. Obama" → "Obama"."""
    parts = words.split()
    while len(parts) > 2 and parts[-1].rstrip(".,") in POSTNOMINALS:
        parts.pop()       # "Prosecutor Kama Melly QC" → "Kama Melly"
    i = 0
    while i < len(parts) - 1 and (parts[i].lower().rstrip(".,") in TITLE_WORDS
                                  or parts[i].lower().rstrip(".,") in HONORIFICS or parts[i][:1].islower()
                                  or parts[i].lower() in PERSON_NOUNS and len(parts) - i > 2):
        i += 1
    return " ".join(parts[i:])


def _as_written(text: str) -> str:
    """A body's name as the text writes it, without an article or a possessive."""
    return re.sub(r"^(?:the|The)\s+|['’]s?$", "", " ".join(text.split())).strip()


def _title_gender(words: str) -> str:
    first = words.split()[0].lower().rstrip(".") if words.split() else ""
    return "m" if first in MALE else "f" if first in FEMALE else ""
