"""Where the text says who is quoted: the cue verb and the words naming the speaker.

Read off the surface around the quote, with the parse only as a fallback: news copy
attributes quotes in a handful of fixed shapes that a small parser often gets wrong.
The words are returned as character offsets; `speakers.py` resolves them.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .dates import MONTHS, WEEKDAYS
from .nlp import BODY_WORDS, speech_verbs
from .spans import HEAD_TITLES, TITLE_WORDS, doc_text

APPOSITION_TOKENS = 24       #: the longest apposition between a speaker's name and its cue
NEAR_CUE_TOKENS = 8          #: a cue this close after a quote is its attribution
# Words between a subject and its cue ("Trump also said", "Ryan has said", "he later told").
SKIP = {"also", "later", "then", "has", "had", "have", "would", "will", "was", "is", "recently", "once",
        "earlier", "further", "previously", "repeatedly", "reportedly", "simply", "only", "again",
        "subsequently", "quickly", "finally", "publicly", "privately", "initially", "first", "last",
        "himself", "herself", "themselves", "immediately", "allegedly", "apparently", "often", "never"}
PRONOUNS = {"he", "she", "they", "we", "i", "it", "you"}
QUANTIFIERS = {"one", "some", "many", "several", "most", "few", "none", "each", "all", "both"}
# Words set off by commas between a subject and its verb ("X, however, said").
ASIDES = {"however", "though", "meanwhile", "moreover", "furthermore", "nevertheless", "nonetheless", "too",
          "also", "therefore", "thus", "instead", "likewise", "similarly", "separately", "later", "then"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
               "another", "one", "some", "several", "many", "two", "three", "other"}
NAMING = {"called", "dubbed", "named", "termed", "nicknamed", "titled", "entitled", "labelled", "labeled"}
NAME_SUFFIXES = {"inc", "ltd", "llc", "plc", "co", "corp", "jr", "sr", "ii", "iii", "phd"}
NAME_JOINERS = {"'s", "’s", "de", "al", "bin", "ibn", "van", "von", "der", "da", "di", "el", "la", "le", "-", "of",
                "for"}
DASHES = "―—–"
# What may follow a cue that closes its sentence: "X said on Monday", "X told reporters".
AFTER_CUE = {"on", "in", "at", "to", "during", "after", "before", "yesterday", "today", "last", "this",
             "reporters", "journalists", "the", "a", "an", "friday", "monday", "tuesday", "wednesday",
             "thursday", "saturday", "sunday", "via", "through", "with", "when", "while", "later"}


cue_words = speech_verbs     #: the verbs that attribute a quotation (data/speech_verbs.txt)


@dataclass
class Attribution:
    kind: str            #: after | inverted | before | according | dash | introducer | subject | name
    cue: str             #: the verb ("said"), or "according to", or "" for a dash
    phrase_start: int    #: character offsets of the words naming the speaker
    phrase_end: int


def attribution(doc: Doc, quotes: list, i: int) -> Attribution | None:
    """The attribution of quote `i` of `quotes` (RawQuote objects in text order)."""
    text = doc_text(doc)
    raw = quotes[i]
    para_start = text.rfind("\n", 0, raw.start) + 1
    if _named_here(doc, para_start, raw.start - 1):
        return Attribution("name", "", raw.start, raw.start)
    para_end = text.find("\n", raw.end)
    para_end = len(text) if para_end < 0 else para_end
    prev_end = max((q.end + 1 for q in quotes[:i] if q.end + 1 <= raw.start and q.end >= para_start), default=para_start)
    next_start = min((q.start - 1 for q in quotes[i + 1:] if q.start - 1 >= raw.end), default=para_end)
    right_limit = min(next_start, para_end)
    left_limit = max(prev_end, _sentence_start(text, raw.start - 1, para_start))
    # A quote that opens its sentence may be the words of the one the sentence before
    # reports ("X said the epidemic was slowing. “…”"): the window for cues before it.
    wide_left = left_limit
    if not text[left_limit:raw.start].strip(" “\"‘'") and left_limit > prev_end:
        wide_left = max(prev_end, _sentence_start(text, left_limit - 1, para_start))
    # "…the region." China urged that Pyongyang “halt…”: a quote closing its sentence
    # leaves the cue that follows to the next quote, unless it comes right after ("…?" X asked).
    # A scare quote earlier in the sentence is part of the clause introducing this one
    # ("X justified the strike as “defensive” in nature: “…”"): the clause is read whole.
    sentence = _sentence_start(text, raw.start - 1, para_start)
    intro_left = sentence if sentence < wide_left and len(text[raw.start:raw.end].split()) > 3 and all(
        len(q.split()) <= 3 for q in re.findall(r"[“\"]([^”\"]*)[”\"]", text[sentence:raw.start])) else wide_left
    ends_sentence = text[raw.start:raw.end].rstrip().endswith((".", "!", "?"))
    if ends_sentence and next_start < para_end and not re.search(r"[.!?]\s", text[raw.end + 1:next_start]):
        right_limit = raw.end + 1
    closes = ends_sentence or re.match(r"\s*[.!?]", text[raw.end + 1:raw.end + 4]) is not None
    if closes:
        # The quote ends its sentence: a cue before it in that sentence is its attribution;
        # one after it only if it closes on the cue ("…?" Vitter demanded.).
        # "according to X" after it only while its sentence goes on ("chants of “Bobby!” at a
        # conference, according to X"), not in the next sentence.
        goes_on = re.match(r"\s+[a-z]", text[raw.end + 1:raw.end + 4]) is not None
        return (_before(doc, left_limit, raw.start - 1)
                or _according(text, left_limit, raw.start - 1, right_limit if goes_on else raw.end + 1, raw.end + 1)
                or _after(doc, raw.end + 1, right_limit, closing=True)
                or _before(doc, wide_left, raw.start - 1)
                or _according(text, wide_left, raw.start - 1, right_limit if goes_on else raw.end + 1, raw.end + 1)
                or _introducer(doc, intro_left, raw.start - 1)
                or _colon_paragraph(doc, para_start, raw.start - 1))
    # "X called it a “breach …,” according to NBC": X's words, which NBC reports.
    return (_after(doc, raw.end + 1, right_limit)
            or _according(text, wide_left, raw.start - 1, raw.end + 1, raw.end + 1)
            or _before(doc, wide_left, raw.start - 1)
            or _according(text, raw.start, raw.start, right_limit, raw.end + 1)
            or _after(doc, raw.end + 1, right_limit, far=True)
            or _introducer(doc, intro_left, raw.start - 1)
            or _opening(doc, para_start, raw.start - 1, prev_end)
            or _colon_paragraph(doc, para_start, raw.start - 1))


def _named_here(doc: Doc, floor: int, mark: int) -> bool:
    """The quote opening at `mark` is a name given, nobody's words: "a programme dubbed
    “Zrínyi 2026”", "a process called “…”", "a website known as “…”"; not "what lawmakers called “fraud”", whose
    noun is the subject of the naming."""
    lead = [t for t in _tokens(doc, max(floor, mark - 59), mark) if not t.is_space]
    if len(lead) > 2 and lead[-1].lower_ == "as" and lead[-2].lower_ == "known":
        lead = lead[:-1]      # "a website known as “…”"
    if len(lead) < 2 or lead[-1].lower_ not in NAMING | {"known"} or lead[-2].pos_ != "NOUN" or not lead[-2].is_lower:
        return False
    n = len(lead) - 2
    while n > 0 and lead[n - 1].pos_ in ("NOUN", "ADJ", "DET", "NUM"):
        n -= 1            # back over the noun phrase
    return not (n and lead[n - 1].lower_ in ("what", "which", "that", "who"))


def governing_subject(doc: Doc, start: int, end: int) -> Attribution | None:
    """No cue at all: the quoted words are the object of a clause whose subject is a name
    or "he"/"she" ("the senator attacked “the endless delays of …”", "the mayor has gone
    after the council as a “club of old friends …”"). The verbs above the quote, nearest
    first, up to the first one with a subject; it must come before the quote, in its
    sentence."""
    text = doc_text(doc)
    left = _sentence_start(text, start - 1, text.rfind("\n", 0, start) + 1)
    inside = _tokens(doc, start, end)
    if not inside or title_like(text[start:end]):
        return None           # a title, an award, a programme: "the “Hero of the Soviet Union”"
    token = inside[0]
    for _ in range(30):       # the parse's heads, up to its root
        if token.head is token:
            return None
        token = token.head
        if start - 1 <= token.idx < end + 1:
            continue          # still inside the quote
        if token.idx < left or token.idx > end:
            return None
        if token.pos_ not in ("VERB", "AUX"):
            continue
        if token.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had", "'ve")
                                           for c in token.children):
            return None       # "was considered one of the “…”", "described by X as “…”": not the subject's words
        subject = _parse_subject(token)
        if subject is None:
            continue
        if subject[0].idx < left or subject[-1].idx > start:
            return None
        head = subject[-1]
        named = subject[1:] if len(subject) > 1 and subject[0].lower_ == "the" else subject     # "the Prime Minister"
        if not (head.lower_ in ("he", "she") or all(_name_like(t) or t.lower_ in NAME_JOINERS for t in named)):
            return None
        return Attribution("subject", "", subject[0].idx, subject[-1].idx + len(subject[-1].text))
    return None


MINOR_WORDS = {"of", "the", "a", "an", "and", "for", "in", "on", "to", "at", "by", "with", "de", "la"}


def title_like(quoted: str) -> bool:
    """Every word capitalised but the small ones: the name of a work, an award, an office
    or a programme ("Hero of the Soviet Union", "Custodian of the Federal Government"),
    not a statement."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", quoted) if w.lower() not in MINOR_WORDS]
    return bool(words) and all(w[:1].isupper() for w in words)


def _colon_paragraph(doc: Doc, para_start: int, start: int) -> Attribution | None:
    """A quote that opens its paragraph after one ending in a colon ("He said:"): that
    paragraph's last sentence introduces it."""
    text = doc_text(doc)
    if text[para_start:start].strip(" “\"") or para_start == 0:
        return None
    end = len(text[:para_start].rstrip())
    if not text[:end].endswith(":"):
        return None
    line_start = text.rfind("\n", 0, end) + 1
    left = _sentence_start(text, end - 1, line_start)
    return _before(doc, left, end) or _introducer(doc, left, end)


SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Jr|Sr|Inc|Co|Corp|No|"
                          r"vs|U\.S|U\.K|U\.N|D\.C|a\.m|p\.m|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec))\.$")


def _sentence_start(text: str, pos: int, floor: int) -> int:
    """Where the sentence holding `pos` starts, read off the punctuation (the parser's
    sentences break at names it does not know: "She said | Republican Donald Trump")."""
    start = floor
    # Past `pos` by a few characters: the end of a sentence is seen by what follows it, the
    # opening mark and the capital of a quote that starts the next one.
    for m in SENTENCE_END.finditer(text, floor, min(len(text), pos + 3)):
        if m.end() > pos:
            break
        if not ABBREVIATION.search(text[max(floor, m.start() - 6):m.start() + 1]):
            start = m.end()
    return start


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="contract") if end > start else None
    return list(span) if span is not None else []


def _is_cue(token: Token) -> bool:
    if token.lower_ in ("put", "puts"):
        # "as she put it" reports words; "a statement it put out", "put forward" does not
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        return nxt is not None and nxt.lower_ == "it"
    return token.lower_ in cue_words() and token.text[:1].islower() and token.tag_ not in ("NN", "NNS")


def _after(doc: Doc, start: int, end: int, far: bool = False, closing: bool = False) -> Attribution | None:
    """"…,” Warren said" / "…,” said Daryl Kimball" / "… ― Jorge Falcon"."""
    text = doc_text(doc)
    dash = re.match(rf"\s*[{DASHES}]+\s*(?=[A-Z])", text[start:end])
    if dash:
        name = re.match(r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|al|van|von|bin))*", text[start + dash.end():end])
        if name:
            s = start + dash.end()
            return Attribution("dash", "", s, s + len(name.group(0).rstrip(".,")))
    tokens = [t for t in _tokens(doc, start, end) if not t.is_space]
    limit = len(tokens) if far else _near_limit(tokens)
    for k, token in enumerate(tokens[:limit]):
        ends_on_cue = k + 1 >= len(tokens) or tokens[k + 1].text in (".", "!", "?")
        # A cue word that closes the sentence is the verb, however the tagger took it ("…?"
        # a narrator in the ad asks.).
        closes_on_it = k and ends_on_cue and k + 1 < len(tokens) and token.lower_ in cue_words() \
            and token.is_lower and token.lower_.endswith(("s", "ed"))
        # So is one right after a quote that ends in a comma ("…," reads Judge Miller's statement).
        after_comma = k == 0 and token.lower_ in cue_words() and token.is_lower and text[start - 2:start - 1] == ","
        # And so is one between the two parts of a quote ("…," Martin opines, "…").
        splits_quote = k and k + 2 == len(tokens) and tokens[k + 1].text in (",", ":") \
            and token.lower_ in cue_words() and token.is_lower and token.lower_.endswith(("s", "ed"))
        if not (_is_cue(token) or closes_on_it or after_comma or splits_quote):
            if token.text in (".", "!", "?") and k:
                break          # a new sentence begins: not this quote's attribution
            continue
        quoted = _quoted_object(tokens, k)
        if quoted:
            return Attribution("after", token.text, quoted[0].idx, quoted[-1].idx + len(quoted[-1].text))
        between = [t for t in tokens[:k] if not (t.is_punct or t.text in "“”\"'")]
        # A clause inside the speaker's apposition is no other clause ("…,” Ann Lee, who heads
        # the centre and appears in the film, told …").
        comma = next((i for i, t in enumerate(tokens[:k]) if t.text == ","), 0)
        clause = tokens[:comma] if comma and _apposition_before_cue(tokens, comma) == k \
            and all(_name_like(t) for t in tokens[:comma]) else between
        if any(t.lower_ in SUBORDINATORS for t in clause):
            return None    # "… when he said", "…, but he said that": another clause's cue
        words_between = sum(i < k for i in _words(tokens))
        if closing and between and (words_between > (10 if ends_on_cue or _ends_sentence(tokens, k) else 4)
                                    or k + 1 < len(tokens)
                                    and not (tokens[k + 1].is_punct or tokens[k + 1].lower_ in AFTER_CUE)):
            # "… Yemen." BBC's Jonathan Marcus said questions remain: another statement; a
            # sentence that closes on the cue is the quote's ("…?" a narrator in the ad asks.),
            # and so is a cue right after it ("…?" said X, the architect of …).
            return None
        if between:
            phrase = _subject_before(tokens, k)
            if phrase is None and ends_on_cue and (between[0].lower_ in DETERMINERS or _name_like(between[0])) \
                    and any(t.pos_ in ("NOUN", "PROPN") for t in between[1:]):
                phrase = between       # all the words between the quote and the cue that ends it
            if phrase is None:
                return None
            return Attribution("after", token.text, phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
        phrase = _phrase_after(tokens, k) if token.tag_ != "VBG" else None
        if phrase:
            return Attribution("inverted", token.text, phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
        return None
    return None


def _opens_quote(tokens: list[Token], k: int) -> bool:
    """A cue word after a noun is the verb however the tagger took it, followed by "that"
    ("The New York Post reports that …"), or right before the quote after a determiner
    and the noun ("The study reports “…”"; not "in Ballot Access News comments: “…”")."""
    if not (k >= 1 and tokens[k].lower_ in cue_words() and tokens[k].is_lower
            and tokens[k - 1].pos_ in ("NOUN", "PROPN") and tokens[k - 1].tag_ not in ("NNS", "NNPS")):
        return False
    if k + 1 < len(tokens) and tokens[k + 1].lower_ == "that":
        return True       # "The New York Post reports that …"
    return k >= 2 and tokens[k - 2].lower_ in DETERMINERS \
        and all(t.text in (",", ":", "that") or t.text in "“\"" for t in tokens[k + 1:])


def _near_limit(tokens: list[Token]) -> int:
    """How many tokens after a quote may hold its cue: NEAR_CUE_TOKENS words."""
    words = _words(tokens)
    return words[NEAR_CUE_TOKENS] if len(words) > NEAR_CUE_TOKENS else len(tokens)


def _words(tokens: list[Token]) -> list[int]:
    """Which tokens count as words between a quote and its cue: not a parenthesis ("…," Jason
    Chaffetz (R-Utah) said), punctuation, a possessive "'s", the parts of a hyphenated word
    ("…," the 39-year-old woman, Ann Lee, told), or a name's apposition that ends on the cue."""
    words = []
    depth = skip_to = 0
    for i, t in enumerate(tokens):
        if i < skip_to:
            continue
        if t.text == "," and i and tokens[i - 1].pos_ == "PROPN":
            skip_to = _apposition_before_cue(tokens, i)
            if skip_to:
                continue
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and not t.is_punct and t.lower_ not in ("'s", "’s") \
                and not (i and tokens[i - 1].text == "-" and not tokens[i - 1].whitespace_):
            words.append(i)
    return words


def _ends_sentence(tokens: list[Token], k: int) -> bool:
    """Nothing but a short phrase follows the cue at k to the end of its sentence ("… shouted
    to the crowd."): no clause of its own that it reports."""
    rest = list(itertools.takewhile(lambda t: t.text not in (".", "!", "?"), tokens[k + 1:]))
    return len(rest) <= 5 and not any(t.pos_ in ("VERB", "AUX") or t.lower_ == "that" for t in rest)


def _apposition_before_cue(tokens: list[Token], comma: int) -> int:
    """Where the apposition a name's comma opens closes, when a cue follows it ("…,” Ann
    Lee, the director of a centre that works on media justice, told …): the words that
    describe the speaker are not the words between the quote and its cue. 0 when not."""
    for j in range(comma + 1, min(len(tokens) - 1, comma + APPOSITION_TOKENS)):
        if tokens[j].text in (".", "!", "?", ";") or tokens[j].text in "“”\"":
            return 0
        if tokens[j].text == ",":
            return j + 1 if _is_cue(tokens[j + 1]) else 0
    return 0


def _before(doc: Doc, start: int, end: int) -> Attribution | None:
    """"Schiff told Capital Download: “…”", "X said the attack was “…”". Of several cues,
    the nearest whose subject names someone ("Ryan said the spate of shootings demands
    that …": Ryan, not the shootings)."""
    tokens = [t for t in _tokens(doc, start, end) if not t.is_space]
    fallback = None
    for found in _before_each(doc, tokens, start):
        phrase = doc_text(doc)[found.phrase_start:found.phrase_end]
        words = phrase.split()
        if not words:
            continue
        named = re.sub(r"^(?:the|a|an)\s+", "", phrase)      # "the Los Angeles Times"
        if named[:1].isupper() or phrase.lower() in PRONOUNS or _person_noun(words[-1].lower()):
            return found
        fallback = fallback or found
    return fallback


# What a body or a person issues: a quote it "says" is its author's.
DOCUMENTS = {"statement", "report", "letter", "tweet", "release", "message", "post", "memo", "document",
             "communique", "communiqué", "notice", "filing", "complaint", "ruling", "order"}
# What a publication prints: it may be quoted as the speaker, as written ("the article notes: “…”").
WRITINGS = {"article", "story", "piece", "editorial", "column", "book", "study", "paper", "survey", "summary",
            "analysis"}
TIME_WORDS = {*WEEKDAYS, "today", "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week",
              "weekend", "month", "year"}
SUBORDINATORS = {"when", "while", "because", "after", "before", "if", "as", "that", "which", "who", "but",
                 "and", "although", "though", "since", "whether", "where", "until", "unless"}
# Nouns for people: a description headed by one names a speaker ("the UN representative").
PERSON_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "representative", "official", "officials",
                "source", "sources", "minister", "envoy", "ambassador", "president", "leader", "commander",
                "officer", "chief", "head", "director", "secretary", "governor", "mayor", "general", "analyst",
                "expert", "witness", "resident", "man", "woman", "diplomat", "aide", "adviser", "advisor",
                "strategist", "coordinator", "chairman", "chairwoman", "member", "lawyer", "attorney",
                "prosecutor", "judge", "senator", "congressman", "congresswoman", "lawmaker", "candidate",
                "nominee", "correspondent", "reporter", "editor", "professor", "scholar", "researcher",
                "narrator", "police", "protesters", "residents", "witnesses", "experts", "analysts",
                "inspector", "scientist", "doctor", "physician", "nurse", "activist", "economist", "historian"}


# Heads of a subject that can speak when no name is in it.
SPEAKING_HEADS = PRONOUNS | PERSON_NOUNS | BODY_WORDS | DOCUMENTS | WRITINGS


def _described_by(tokens: list[Token], phrase: list[Token]) -> list[Token] | None:
    """"A source within the central Interior Ministry said": the body is the object of a
    preposition after a noun for a person, who is the subject, all of it."""
    at = next((n for n, t in enumerate(tokens) if t.i == phrase[0].i), 0)
    while at and tokens[at - 1].is_lower and tokens[at - 1].pos_ in ("DET", "ADJ"):
        at -= 1
    if at < 2 or tokens[at - 1].tag_ != "IN" or not _person_noun(tokens[at - 2].lower_):
        return None
    first = at - 2
    while first and tokens[first - 1].is_lower and tokens[first - 1].pos_ in ("DET", "ADJ") \
            or first and tokens[first - 1].lower_ in ("a", "an", "the"):
        first -= 1
    return tokens[first:at] + phrase


def _person_noun(word: str) -> bool:
    """A noun for people, in the singular or the plural ("lawmakers", "spokesmen")."""
    return word in PERSON_NOUNS or word.endswith("s") and word[:-1] in PERSON_NOUNS \
        or word.endswith("men") and word[:-3] + "man" in PERSON_NOUNS


def _before_each(doc: Doc, tokens: list[Token], start: int):
    for k in range(len(tokens) - 1, -1, -1):
        if not (_is_cue(tokens[k]) or _opens_quote(tokens, k)):
            continue
        quoting = k
        if k and tokens[k].lower_ == "saying" and tokens[k - 1].lower_ == "as":
            # "Politico quoted Tim Manning, formerly …, as saying": the cue is "quoted"
            quoting = next((m for m in range(k - 2, max(-1, k - 22), -1) if tokens[m].lower_ in QUOTING), k)
        quoted = _quoted_object(tokens, quoting)
        if quoted:
            yield Attribution("before", tokens[quoting].text, quoted[0].idx, quoted[-1].idx + len(quoted[-1].text))
            continue
        aux = k - 1
        while aux > 0 and tokens[aux].tag_ == "RB":
            aux -= 1          # "was previously announced"
        # "both described by the Times as “…”" (not "written by the suspect, could …: “…”")
        by_after = k + 1 < len(tokens) and tokens[k + 1].lower_ == "by" and tokens[-1].lower_ == "as"
        if k and (tokens[aux].lower_ in ("was", "were", "been", "being", "is", "are") or by_after) \
                and tokens[k].tag_ == "VBN":
            agent = _passive_agent(doc, tokens[k])
            if agent is not None:
                yield agent
            continue          # "who was described as … by the police": the agent speaks
        phrase = _subject_before(tokens, k)
        if phrase and tokens[k].tag_ == "VBG" and (tokens[k - 1].text == "," or all(t.lower_ in TIME_WORDS
                                                                                      for t in phrase)):
            # "…,” X said in a statement, adding that …", "tweets early Friday saying that …":
            # the clause's subject speaks, not a name before the comma or a day.
            phrase = None
        if phrase and phrase[0].is_lower and phrase[0].lower_ not in PRONOUNS and phrase[0].i \
                and phrase[0].doc[phrase[0].i - 1].tag_ == "IN":
            # "Students walking across the campus chanted": a preposition's object is no
            # subject; the name before the preposition is ("Regina Ip from the pro-Beijing
            # camp said"), or the word it counts ("One of the children said"), else the verb
            # the cue hangs on has it.
            at = next((n for n, t in enumerate(tokens) if t.i == phrase[0].i - 1), 0)
            if at and tokens[at - 1].pos_ == "PROPN":
                phrase = _subject_before(tokens, at)
            elif at and tokens[at].lower_ == "of" and tokens[at - 1].lower_ in DETERMINERS:
                phrase = tokens[at - 1:at + 1] + phrase
            else:
                head = tokens[k].head
                phrase = _parse_subject(head) if head.i < tokens[k].i else None
        if phrase and not phrase[0].is_lower:
            phrase = _described_by(tokens, phrase) or phrase
        parsed = _parse_subject(tokens[k])
        if phrase and parsed and phrase[0].is_lower and phrase[0].lower_ not in PRONOUNS \
                and parsed[0].i < phrase[0].i and parsed[-1].i < phrase[0].i and parsed[0].idx >= start:
            phrase = parsed       # "Students walking across the campus chanted": Students
        if phrase:
            yield Attribution("before", tokens[k].text, phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
            continue
        phrase = _phrase_after(tokens, k) if tokens[k].tag_ != "VBG" else None   # "…, said Mr. X, that “…”"
        if phrase and parsed and parsed[-1].i < tokens[k].i and parsed[0].idx >= start and len(parsed) <= 6 \
                and not any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i == tokens[k].i for t in phrase) \
                and not any(t.pos_ in ("VERB", "AUX", "SCONJ") or t.dep_ == "mark" for t in parsed) \
                and phrase[-1].i + 1 < len(doc) and doc[phrase[-1].i + 1].text not in (",", "."):
            # "Christie, who has campaigned …, blasted Clinton as a “disgrace”": a subject too
            # far back to walk to, and the name after the cue its object (", says the study,":
            # the study is who says).
            yield Attribution("before", tokens[k].text, parsed[0].idx, parsed[-1].idx + len(parsed[-1].text))
            continue
        if phrase and k and tokens[k - 1].text == "," and (_name_like(phrase[0]) or phrase[0].lower_ in DETERMINERS):
            yield Attribution("inverted", tokens[k].text, phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
            continue
        subject = _quoted_as_saying(tokens, k) or parsed
        if subject is None and tokens[k].tag_ == "VBG":
            # "Trump lashed out at the mayor, accusing her of …": the subject of the clause.
            head = tokens[k].head
            subject = _parse_subject(head) if head.i != tokens[k].i else None
            if subject is not None and not _nominal(subject):
                subject = None    # "policies that help make up …, saying": no one's name
            if subject is None and k and tokens[k - 1].text == ",":
                # The parse hung the participle elsewhere ("Dean, a former party chairman,
                # jabbed at Trump's coughing at the first debate, tweeting, “…”"): the
                # sentence's subject.
                told = tokens[_after_quotes(tokens[:k]):k]       # not a subject inside a quotation
                # Of two, the one next to the verb ("Mexican president Felipe Calderon encouraged").
                subject = next((phrase for t in reversed(told) if t.dep_ == "nsubj"
                                and t.head.dep_ == "ROOT" and t.head.i < tokens[k].i
                                for phrase in [_noun_phrase(t)] if _nominal(phrase)), None) \
                    or _leading_name(told) or _name_after_opening(told)
                if subject is not None and len(subject) > 6:
                    subject = None    # a clause, not a name ("ABC reports of a man in …, saying")
        if subject is not None:
            yield Attribution("before", tokens[k].text, subject[0].idx, subject[-1].idx + len(subject[-1].text))


QUOTING = {"quoted", "quotes", "quoting", "cited", "cites", "citing"}


def _quoted_object(tokens: list[Token], k: int) -> list[Token] | None:
    """"The China Daily quotes Interior Minister Vano Merabishvili: “…”", "…,” AP quoted
    him as saying.": the one quoted, the cue's object, not who quotes him."""
    if tokens[k].lower_ not in QUOTING or tokens[k].tag_ == "VBN" and k and tokens[k - 1].lower_ in (
            "was", "were", "is", "are", "been", "be"):
        return None
    j = k + 1
    if j < len(tokens) and tokens[j].lower_ in ("him", "her", "them"):
        j += 1
    else:
        while j < len(tokens) and j - k <= 6 and (_name_like(tokens[j]) or j > k + 1 and tokens[j].lower_ in NAME_JOINERS):
            j += 1
    if j == k + 1:
        return None
    after = j
    if after < len(tokens) and tokens[after].text == ",":
        # "quoted Tim Manning, formerly a deputy administrator at FEMA, as saying": past the apposition
        after = next((m + 1 for m in range(after + 1, min(len(tokens), after + 16)) if tokens[m].text == ","), after)
    ends = j == len(tokens) or tokens[j].text in (":", ".") \
        or after + 1 < len(tokens) and tokens[after].lower_ == "as" and tokens[after + 1].lower_ == "saying"
    return tokens[k + 1:j] if ends else None


def _quoted_as_saying(tokens: list[Token], k: int) -> list[Token] | None:
    """"Politico quoted Tim Manning, a former official, as saying “…”": the one quoted,
    not who quotes him; "One aid worker was quoted as saying": the passive's subject."""
    if not (k >= 2 and tokens[k].lower_ == "saying" and tokens[k - 1].lower_ == "as"):
        return None
    verb = tokens[k].head
    if verb.lower_ not in QUOTING or verb.i >= tokens[k].i:
        return None
    quoted = next((c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i < tokens[k].i), None)
    if quoted is not None:
        return _noun_phrase(quoted)
    at = next((n for n, t in enumerate(tokens) if t.i == verb.i), None)
    if at is not None and at and tokens[at - 1].lower_ in ("was", "were", "is", "are", "been"):
        return _subject_before(tokens, at - 1) or None
    return None


ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
APPOSED_NAME = re.compile(r",\s*((?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]*)\s*[,:]")
YEAR_AFTER = re.compile(r", \d{4}\b")


def _according(text: str, left: int, left_end: int, right_limit: int, right_start: int) -> Attribution | None:
    for lo, hi in ((left, left_end), (right_start, right_limit)):
        m = ACCORDING.search(text, lo, hi)
        if m:
            end = _source_end(text, m.end(), hi)
            if 2 <= end - m.end() <= 80:
                # "According to Buffalo Fire Chief, Don Mcfeely, “…”": the name in apposition
                named = APPOSED_NAME.match(text, end, hi + 1)
                if named and _person_noun(text[m.end():end].split()[-1].lower()):
                    return Attribution("according", "according to", named.start(1), named.end(1))
                return Attribution("according", "according to", m.end(), end)
    return None


def _source_end(text: str, start: int, limit: int) -> int:
    """Where the source after "according to" ends: at a comma, a colon or a quotation
    mark, or a full stop that closes no abbreviation ("Dr. Amara Nwosu", "U.S. Attorney")."""
    j = start
    while j < limit and (text[j] not in ",;:\n“”\"" or _comma_of_date(text, start, j)):
        if text[j] == "." and not ABBREVIATION.search(text[max(start, j - 6):j + 1]):
            break
        j += 1
    return len(text[:j].rstrip())


def _comma_of_date(text: str, start: int, j: int) -> bool:
    """The comma at `j` is a date's ("a July 14, 2005 report", "a May, 2007 report"), which
    ends no source."""
    before = text[start:j].split()
    return bool(YEAR_AFTER.match(text, j)) and bool(before) \
        and (before[-1][-1].isdigit() or before[-1].lower() in MONTHS)


def _introducer(doc: Doc, start: int, end: int) -> Attribution | None:
    """No cue: a clause that ends in a colon or comma introduces the quote ("In his
    message, he wrote about Y: “…”", "X spoke on Fox News, “…”"): its subject."""
    text = doc_text(doc)
    lead = text[start:end].rstrip(" “\"")
    if not lead.endswith((":", ",")) or len(lead.split()) < 2:
        return None
    tokens = [t for t in _tokens(doc, start, end) if not t.is_space]
    subjects = [t for t in tokens if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"] or [
        # the parser took an opening phrase for the main clause ("In a statement released
        # after the attack, the ministry justified the strike: “…”"): the subject after it
        t for t in tokens if t.dep_ == "nsubj" and t.head.dep_ == "advcl" and t.head.head.dep_ == "ROOT"
        and t.head.head.i < t.i and any(x.text == "," for x in tokens if t.head.head.i < x.i < t.i)]
    for t in subjects[:1]:
        phrase = _noun_phrase(t)
        if not (any(_name_like(x) for x in phrase) or t.lower_ in SPEAKING_HEADS):
            return None   # "The slant shows in how the site rated a claim: “…”": no one speaks
        return Attribution("introducer", "", phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
    return None


def _opening(doc: Doc, para_start: int, start: int, prev_end: int) -> Attribution | None:
    """A quote opening its sentence takes the subject of the sentence before it in the
    same paragraph when that sentence names its subject ("X criticized the decision via
    Twitter. “…”")."""
    text = doc_text(doc)
    if text[_sentence_start(text, start, para_start):start].strip(" “\"") or prev_end > para_start:
        return None
    before = _sentence_start(text, max(para_start, start - 1), para_start)
    if before >= start - 1:
        return None
    tokens = [t for t in _tokens(doc, before, start) if not t.is_space]
    for t in tokens:
        if t.dep_ in ("nsubj",) and t.head.dep_ == "ROOT" and (_name_like(t) or t.lower_ in ("he", "she")):
            phrase = _noun_phrase(t)
            return Attribution("introducer", "", phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
    return None


def _subject_before(tokens: list[Token], k: int) -> list[Token] | None:
    """The words naming the subject, walking left from the cue at k: past adverbs and
    auxiliaries, a parenthesis ("(D-S.C.)") and an apposition (", a Clinton surrogate,")."""
    i = k - 1
    while i >= 0 and tokens[i].lower_ in SKIP:
        i -= 1
    if i >= 2 and tokens[i].text == "," and tokens[i - 1].lower_ in ASIDES and tokens[i - 2].text == ",":
        i -= 2             # "X, deputy director of …, however, said": past the aside, to the comma before it
    j = i
    while j >= 0 and tokens[j].lower_ in TIME_WORDS:
        j -= 1
    if j < i and j >= 1 and tokens[j].lower_ in ("on", "last", "this"):
        i = j - 1         # "the ministry on Tuesday said": past the time
        while i >= 0 and tokens[i].lower_ in SKIP:
            i -= 1
    elif j == i - 1 and j >= 0 and tokens[i].lower_ in ("yesterday", "today", "tonight") and tokens[j].is_lower \
            and tokens[j].pos_ == "NOUN":
        i = j             # "Stardom's official statement yesterday read": past the day
    if i >= 0 and tokens[i].text == ")":
        while i >= 0 and tokens[i].text != "(":
            i -= 1
        i -= 1
    if i >= 2 and tokens[i].text == "," and tokens[i - 1].lower_.rstrip(".") in NAME_SUFFIXES \
            and tokens[i - 2].text == ",":
        i -= 2             # "…Hog Farmers, Inc., warned": the suffix ends the name before it
    if i >= 0 and tokens[i].text == ",":
        j = i - 1
        while j >= 0 and tokens[j].text != "," and i - j <= APPOSITION_TOKENS:
            j -= 1
        inner = tokens[j + 1:i] if j >= 0 else []
        town = _home_town_before(tokens, j) if inner and all(_name_like(t) for t in inner) else -1
        if town >= 0:
            i = town           # "Ben Carter, of Cedar City, Utah, wrote": the person, not the state
        else:
            if inner and _name_like(inner[0]) and all(_name_like(t) or t.lower_ in NAME_JOINERS
                                                      or re.fullmatch(r"[A-Z]\.", t.text) for t in inner) \
                    and inner[0].lower_ not in HEAD_TITLES:
                # "Merkel's spokesperson, Steffen Seibert, said": the name in apposition (not the
                # title in "Dr. James Williams, Superintendent of Buffalo Schools, said")
                return inner
            named = _titled_name(inner)
            if named:
                return named       # "Scott's niece, state Del. Marcia "Cia" Price (D-Va.), said"
            if j >= 2 and tokens[j].text == "," and tokens[j - 1].text == ")":
                j = next((m for m in range(j - 2, -1, -1) if tokens[m].text == "("), 0)   # "Jordan (R-Ohio), a member,"
            if inner and inner[0].lower_ in ("in", "of", "from", "at", "on", "near") and j >= 1 \
                    and tokens[j].text == ",":
                # "Ramesh Kumar, a stall operator on Park Street, in Calcutta, told": the place
                # goes on the apposition before it
                j2 = j - 1
                while j2 >= 0 and tokens[j2].text != "," and j - j2 <= 16:
                    j2 -= 1
                if j2 >= 1 and tokens[j2 + 1].lower_ in ("a", "an", "the"):
                    j = j2
            m = j - 1
            while m > 0 and tokens[m].lower_ in SKIP:
                m -= 1             # "The ministry has, in a statement, called on": past "has"
            if j >= 1 and tokens[j].text == "," and tokens[m].lower_ in TIME_WORDS and m == j - 1 \
                    and any(t.pos_ in ("NOUN", "PROPN") for t in inner):
                return inner       # "Yesterday, the Food and Drug Administration, said": not the day
            if j >= 1 and tokens[j].text in (",", "(") and (_name_like(tokens[m]) or tokens[m].lower_ in PRONOUNS):
                i = m              # "Ed Rendell, a Clinton surrogate, said": Ed Rendell
            else:
                return None
    if i < 0:
        return None
    if tokens[i].lower_ in PRONOUNS:
        return [tokens[i]]
    end = i
    if i >= 2 and tokens[i - 1].text == "-" and _name_like(tokens[i - 2]) and tokens[i].is_lower \
            and not tokens[i - 2].whitespace_ and not tokens[i - 1].whitespace_:
        i -= 2          # "Park Geun-hye": a hyphenated given name
    if _name_like(tokens[i]):
        while i >= 0:
            if _name_like(tokens[i]) or tokens[i].lower_ in NAME_JOINERS and i > 0 and _name_like(tokens[i - 1]) \
                    or tokens[i].lower_ == "the" and i > 1 and tokens[i - 1].lower_ == "of" \
                    and _name_like(tokens[i - 2]) \
                    or tokens[i].lower_ == "in" and i > 1 and _name_like(tokens[i - 1]) and end - i == 1:
                i -= 1      # "Dr. Kevin Reilly of the State Health Department said", "The Aam Aadmi
                            # Party in Goa said": all of it
            elif tokens[i].text == "-" and i > 0 and tokens[i - 1].is_alpha and not tokens[i - 1].whitespace_ \
                    and not tokens[i].whitespace_:
                i -= 2      # "Abdel Fattah el-Sisi of Egypt said": a particle joined by a hyphen
            else:
                break
        if i >= 1 and tokens[i].lower_ in ("for", "of", "at", "from") and tokens[i - 1].is_lower \
                and _person_noun(tokens[i - 1].lower_):
            # "a spokesperson for WHO said": the person described, not the body
            i -= 1
            while i >= 0 and tokens[i].pos_ in ("NOUN", "ADJ") and tokens[i].is_lower and end - i < 10:
                i -= 1
            if i >= 0 and tokens[i].lower_ in DETERMINERS:
                i -= 1
            return tokens[i + 1:end + 1]
        if i >= 4 and tokens[i].lower_ in ("of", "from") and tokens[i - 1].text == "," \
                and tokens[i - 2].like_num and tokens[i - 3].text == "," and _name_like(tokens[i - 4]):
            end = i = i - 4  # "Paul Hartigan, 61, of Lufkin said": the person, not the home town
            while i >= 0 and _name_like(tokens[i]):
                i -= 1
            return tokens[i + 1:end + 1]
        office = [t.lower_ for t in tokens[i + 1:end + 1]]
        if i >= 1 and tokens[i].text == "," and tokens[i - 1].ent_type_ == "PERSON" and "of" in office \
                and any(w in PERSON_NOUNS for w in office[:office.index("of")]) \
                and not any(t.ent_type_ == "PERSON" for t in tokens[i + 1:end + 1]):
            j = i - 1       # "Barry Wallerstein, Executive Officer of the AQMD said": the person
            while j >= 0 and tokens[j].ent_type_ == "PERSON":
                j -= 1
            return tokens[j + 1:i]
        if not (end == i + 1 and (tokens[end].lower_ in PERSON_NOUNS or tokens[end].lower_ in HEAD_TITLES)
                and i >= 0 and tokens[i].is_lower
                and tokens[i].pos_ in ("NOUN", "ADJ")):
            return tokens[i + 1:end + 1]
        # "the state's public health Commissioner said": a title written with a capital, after
        # the words that describe it, is a description
    # A description: nouns and adjectives back to a determiner ("the rebel spokesman").
    while i >= 0 and (tokens[i].pos_ in ("NOUN", "ADJ", "PROPN", "NUM")
                      or tokens[i].text == "-" and i and not tokens[i - 1].whitespace_ and not tokens[i].whitespace_) \
            and end - i < 8:
        i -= 1          # "the 52-year-old lawyer": a hyphenated word is one
    if i >= 1 and tokens[i].lower_ in ("'s", "’s") and _name_like(tokens[i - 1]) \
            and (tokens[end].lower_ in DOCUMENTS or tokens[end].lower_ in PERSON_NOUNS):
        i -= 1            # "the Supreme Court's ruling said", "Vance's aide said": whose it is, with it
        while i >= 0 and (_name_like(tokens[i]) or tokens[i].lower_ in NAME_JOINERS and i and _name_like(tokens[i - 1])):
            i -= 1
    if i >= 0 and tokens[i].lower_ in DETERMINERS:
        i -= 1
    if i >= 1 and tokens[i].lower_ == "of" and (tokens[i - 1].lower_ in QUANTIFIERS or tokens[i - 1].like_num):
        i -= 2            # "one of the listeners said": all of it
    if i >= 1 and tokens[i].lower_ in ("in", "at", "from", "of", "for", "with") and tokens[i - 1].is_lower \
            and tokens[i - 1].lower_ in PERSON_NOUNS:
        # "a woman in the crowd asks": the person the place qualifies, with it
        i -= 1
        while i >= 0 and tokens[i].pos_ in ("NOUN", "ADJ", "NUM") and end - i < 10:
            i -= 1
        if i >= 0 and tokens[i].lower_ in DETERMINERS:
            i -= 1
    phrase = tokens[i + 1:end + 1]
    # A noun for a person counts whatever the tagger says ("an official": often an adjective).
    return phrase if phrase and any(t.pos_ in ("NOUN", "PROPN") or t.lower_ in PERSON_NOUNS for t in phrase) else None


def _home_town_before(tokens: list[Token], j: int) -> int:
    """The name before a home town in apposition: for the comma at `j` of "Ben Carter, of
    Cedar City, Utah, wrote", the index of "Carter"; else -1."""
    k = j - 1
    while k >= 0 and tokens[k].text != "," and j - k <= 6:
        k -= 1
    if k < 1 or tokens[k].text != "," or tokens[k + 1].lower_ not in ("of", "from") \
            or not all(_name_like(t) for t in tokens[k + 2:j]) or k + 2 == j or not _name_like(tokens[k - 1]):
        return -1
    return k - 1


def _phrase_after(tokens: list[Token], k: int) -> list[Token] | None:
    """The subject after an inverted cue ("said Daryl Kimball, director…", "said the
    spokesman"), up to a comma or the sentence's end."""
    out = []
    n = k + 1
    for n in range(k + 1, min(k + 10, len(tokens))):
        t = tokens[n]
        if t.text in (",", ";", ":", "(", "—", "–") and not _date_comma(tokens, n) \
                or t.text == "." and not re.fullmatch(r"[A-Z]\.?", out[-1].text if out else ""):
            break
        if t.lower_ in ("in", "on", "at", "to", "about", "of", "that", "who", "after", "during", "when", "while") \
                and not (t.text.isupper() and len(t.text) > 2):     # "the WHO spokesman"
            # "said a statement on the ministry's website": whose statement, with it
            if not (t.lower_ == "of" and out or t.lower_ in ("on", "of") and out and out[-1].lower_ in DOCUMENTS):
                break
        out.append(t)
    while out and out[-1].lower_ in ("of", "the", "a"):
        out.pop()
    if out and (out[0].lower_ in DETERMINERS or out[-1].is_lower and _person_noun(out[-1].lower_)) \
            and n < len(tokens) and tokens[n].text == ",":
        # "asked the group's North Africa head, Yasmine Kacha.", "said Health Department
        # science advisor, Dr. William Raub.": the name in apposition
        m = n + 1
        while m < len(tokens) and (_name_like(tokens[m]) or tokens[m].lower_ in NAME_JOINERS and m > n + 1):
            m += 1
        if m > n + 1 and (m == len(tokens) or tokens[m].text in (",", ".", ";")):
            return tokens[n + 1:m]
    return out or None


def _date_comma(tokens: list[Token], n: int) -> bool:
    """The comma of a date ("a July 15, 2005 memo by X"), which ends no phrase."""
    return tokens[n].text == "," and 0 < n < len(tokens) - 1 and tokens[n - 1].text.isdigit() \
        and re.fullmatch(r"\d{4}", tokens[n + 1].text) is not None


def _after_quotes(tokens: list[Token]) -> int:
    """Where the last quotation among `tokens` ends (0 when there is none)."""
    return max((n + 1 for n, t in enumerate(tokens) if t.text in ("”", "''") or t.text == '"' and n), default=0)


def _leading_name(tokens: list[Token]) -> list[Token] | None:
    """The name the sentence opens with, before a comma ("Dean, a former chairman, …")."""
    n = 0
    while n < len(tokens) and (_name_like(tokens[n]) or n and tokens[n].lower_ in NAME_JOINERS):
        n += 1
    return tokens[:n] if n and n < len(tokens) and tokens[n].text == "," else None


def _name_after_opening(tokens: list[Token]) -> list[Token] | None:
    """The name that follows an opening adverbial, as the clause's subject ("Since then, Ana
    Ruiz has …", "Since then, a Democrat, Ana Ruiz, has …": the name, not the description)."""
    comma = next((i for i, t in enumerate(tokens[:5]) if t.text == ","), None)
    if not comma or any(t.pos_ == "PROPN" for t in tokens[:comma]):
        return None
    n = comma + 1
    if n < len(tokens) and tokens[n].lower_ in ("a", "an", "the"):
        # a description, then the name in apposition
        close = next((i for i in range(n + 1, min(n + 5, len(tokens))) if tokens[i].text == ","), None)
        if close is None:
            return None
        n = close + 1
    end = n
    while end < len(tokens) and (_name_like(tokens[end]) or end > n and tokens[end].lower_ in NAME_JOINERS):
        end += 1
    follows = tokens[end] if end < len(tokens) else None
    if end > n and follows is not None and (follows.pos_ in ("AUX", "VERB") or follows.text == ","):
        return tokens[n:end]
    return None


def _passive_agent(doc: Doc, cue: Token) -> Attribution | None:
    """The "by" phrase of a passive cue, in its sentence (after the quote, often)."""
    text = doc_text(doc)
    end = text.find(".", cue.idx)
    m = re.search(r"\bby\s+((?:(?:the|an?|his|her|their|its)\s+)?[\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})",
                  text[cue.idx:end if end > 0 else None])     # "was told by her surgeon": not "her"
    if not m:
        return None
    return Attribution("before", cue.text, cue.idx + m.start(1), cue.idx + m.end(1))


def _parse_subject(cue: Token) -> list[Token] | None:
    for child in cue.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return _noun_phrase(child)
    if cue.dep_ == "conj" and cue.head is not cue:
        return _parse_subject(cue.head)     # "the SDF opposed the withdrawal and said"
    return None


def _noun_phrase(token: Token) -> list[Token]:
    doc = token.doc
    left = token.left_edge.i
    if doc[left].lower_ in PRONOUNS and doc[left].pos_ == "PRON":
        return [doc[left]]     # "He publicly stated": he, however the tagger took the adverb
    right = token.i
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "appos", "nmod", "prep", "pobj", "amod") and child.i <= right + 6:
            right = max(right, child.right_edge.i)
        else:
            break
    words = [t for t in doc[left:right + 1] if t.text not in ",“”\""]
    verb = next((n for n, t in enumerate(words) if t.pos_ in ("VERB", "AUX") and t.i != token.i
                 and t.dep_ not in ("amod", "compound", "flat")), None)
    if verb and any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in words[:verb]):
        words = words[:verb]   # a parse that hangs a clause on the subject: the words before its verb
    return words or [token]


def _nominal(phrase: list[Token]) -> bool:
    """Whether the words name someone: a noun, a name or a personal pronoun."""
    return any(t.pos_ in ("NOUN", "PROPN") or t.lower_ in PRONOUNS for t in phrase)


def _titled_name(tokens: list[Token]) -> list[Token] | None:
    """A name written after a title that lower-case words qualify, with a nickname in
    quotation marks or a party in brackets ("former Gov. John "Jack" Smith (R-Ohio)"): the
    name and its title; None for anything else ("superintendent of Buffalo Schools")."""
    if tokens and tokens[-1].text == ")":
        tokens = tokens[:next((m for m in range(len(tokens) - 1, -1, -1) if tokens[m].text == "("), 0)]
    lead = 0
    while lead < min(2, len(tokens)) and tokens[lead].is_lower and tokens[lead].is_alpha and tokens[lead].pos_ != "ADP":
        lead += 1
    name = tokens[lead:]
    quoted = [i for i, t in enumerate(name) if t.text in ("\"", "“", "”")]
    nickname = len(quoted) == 2 and quoted[1] - quoted[0] == 2 and 0 < quoted[0]
    if not lead or not (nickname or not quoted) or not name or name[0].lower_ not in TITLE_WORDS:
        return None
    words = [t for t in name if t.text not in ("\"", "“", "”")]
    return name if len(words) >= 3 and all(_name_like(t) or re.fullmatch(r"[A-Z]\.", t.text) for t in words) else None


def _name_like(token: Token) -> bool:
    """A word of a proper name: capitalised, an initial ("J."), a title ("Rep.")."""
    text = token.text
    return bool(text[:1].isupper() and (token.is_alpha or re.fullmatch(r"[A-Z][\w.'’-]*", text))) \
        and token.lower_ not in PRONOUNS and token.lower_ not in ("the", "a", "an")
