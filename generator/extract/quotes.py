"""Direct quotations with their speaker and cue verb.

Quotation marks are paired per paragraph: curly marks by direction, straight marks
in turn. A quote left open at a paragraph's end runs on into the next paragraph
(the newspaper convention), so quotes over a paragraph break are kept whole.
Single-word scare quotes ("so-called") are not quotes; short fragments with an
attribution (described it as a "new development") are.

The speaker is the subject of the nearest cue verb in the quote's sentence; a
pronoun resolves to the previous speaker or the last person named, and a definite
description ("the source") to the fuller description used before ("a senior
security source").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..briefing import Quote
from .spans import clean_name, evidence

CUES = {"say", "said", "says", "saying", "state", "stated", "states", "stating", "add", "added",
        "adding", "tell", "told", "tells", "describe", "described", "describing", "call",
        "called", "calling", "claim", "claimed", "claims", "allege", "alleged", "alleges",
        "warn", "warned", "warns", "declare", "declared", "announce", "announced", "write",
        "wrote", "writes", "note", "noted", "insist", "insisted", "explain", "explained",
        "tweet", "tweeted", "thank", "thanked", "confirm", "confirmed", "ask", "asked",
        "accuse", "accused", "deny", "denied", "vow", "vowed", "urge", "urged", "condemn",
        "condemned", "report", "reported", "reports", "label", "labelled", "labeled", "promise",
        "promised", "threaten", "threatened", "argue", "argued", "continue", "continued",
        "comment", "commented", "respond", "responded", "reply", "replied", "quote", "quoted",
        "cite", "cited", "term", "termed", "dub", "dubbed", "read", "reads", "speak", "spoke"}
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
OPENERS = {"“": "”", '"': '"', "‘": "’"}
MIN_WORDS_UNATTRIBUTED = 4


@dataclass
class RawQuote:
    start: int        #: offset of the first character inside the marks
    end: int          #: offset just past the last character inside the marks


def find_quote_spans(text: str) -> list[RawQuote]:
    """Every quoted stretch in `text`, as offsets inside its quotation marks."""
    quotes, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "“\"" and (ch == "“" or _opens(text, i)):
            close = "”" if ch == "“" else '"'
            j = _find_close(text, i + 1, close, ch)
            if j is not None:
                quotes.append(RawQuote(i + 1, j))
                i = j + 1
                continue
        i += 1
    return quotes


def _opens(text: str, i: int) -> bool:
    """A straight double quote opens when it does not follow a word character."""
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in ".,!?;:")


def _find_close(text: str, start: int, close: str, opener: str) -> int | None:
    j = start
    while j < len(text):
        ch = text[j]
        if ch == close and (close != '"' or not _opens(text, j) or j + 1 == len(text)
                            or not text[j + 1].isalnum()):
            return j
        if ch == "\n":
            # A paragraph with the quote still open: it continues only if the next
            # paragraph goes on quoting (it opens a quote again, or closes this one).
            rest = text[j:].lstrip()
            para_end = rest.find("\n")
            para = rest if para_end < 0 else rest[:para_end]
            if rest.startswith(opener) or rest.startswith("“"):
                j = len(text) - len(rest) + 1
                continue
            if close in para:
                j += 1
                continue
            return None
        j += 1
    return None


class QuoteFinder:
    def __init__(self, person_spans: list[tuple[int, int, str]]):
        #: (start, end, canonical name) of every actor mention, for pronoun resolution
        self.mentions = sorted(person_spans)

    def find(self, doc: Doc) -> list[Quote]:
        text = doc.text
        quotes: list[Quote] = []
        last_speaker = ""
        descriptions: dict[str, str] = {}
        for raw in find_quote_spans(text):
            inner = text[raw.start:raw.end]
            body = inner.strip().rstrip(",")
            words = body.split()
            if not words or len(words) == 1 and not _attributed(doc, raw):
                continue
            speaker, cue = self._speaker(doc, raw, last_speaker, descriptions)
            if not speaker and len(words) < MIN_WORDS_UNATTRIBUTED:
                continue  # a title or scare quote, not a statement
            start = raw.start + (len(inner) - len(inner.lstrip()))
            ev = evidence(text, start, start + len(body))
            quotes.append(Quote(text=ev.text, speaker=speaker, cue=cue, evidence=[ev]))
            if speaker:
                last_speaker = speaker
        return quotes

    def _speaker(self, doc: Doc, raw: RawQuote, last: str, descriptions: dict[str, str]) -> tuple[str, str]:
        sent_tokens = _sentence_tokens(doc, raw)
        outside = [t for t in sent_tokens if not raw.start - 1 <= t.idx < raw.end + 1]
        cues = [t for t in outside if t.lower_ in CUES or t.lemma_ in CUES]
        if not cues:
            m = re.search(r"according to ([^,.;]+)", doc.text[sent_tokens[0].idx:sent_tokens[-1].idx + 1]) if sent_tokens else None
            if m:
                return self._name(m.group(1), sent_tokens[0].idx + m.start(1), last, descriptions), "according to"
            return "", ""
        cue = min(cues, key=lambda t: min(abs(t.idx - raw.start), abs(t.idx - raw.end)))
        subject = _subject(cue, raw)
        if subject is None:
            return "", cue.text
        return self._name(subject.text, subject.start_char, last, descriptions), cue.text

    def _name(self, phrase: str, at: int, last: str, descriptions: dict[str, str]) -> str:
        phrase = clean_name(phrase)
        low = phrase.lower()
        if low in PRONOUNS:
            if last:
                return last
            before = [m for m in self.mentions if m[0] < at]
            return before[-1][2] if before else ""
        # The canonical actor whose mention this is, when there is one.
        for start, end, name in self.mentions:
            if start <= at < end or at <= start < at + len(phrase):
                return name
        words = re.sub(r"^(a|an|the|one)\s+", "", phrase, flags=re.I)
        head = words.split()[-1].lower() if words else ""
        if words and words[0].islower():
            if head in descriptions and len(descriptions[head]) > len(words):
                return descriptions[head]
            descriptions[head] = words
        return words


def _attributed(doc: Doc, raw: RawQuote) -> bool:
    """A one-word quote counts only with a cue right before it (called it "defensive")."""
    before = doc.text[max(0, raw.start - 40):raw.start].lower()
    return bool(re.search(r"\b(as|called|calling|describ\w+|term\w*|dubbed|label\w*)\b[^.]{0,25}[“\"]$", before))


def _sentence_tokens(doc: Doc, raw: RawQuote) -> list[Token]:
    span = doc.char_span(raw.start, raw.end, alignment_mode="expand")
    if span is None:
        return []
    first, last = span[0].sent, span[-1].sent
    tokens = list(doc[first.start:last.end])
    # Attribution sometimes opens the next sentence: ", he said." after a closing mark.
    if last.end < len(doc):
        nxt = doc[last.end].sent
        if len(nxt) <= 8:
            tokens += list(nxt)
    return tokens


def _subject(cue: Token, raw: RawQuote) -> Span | None:
    """The noun phrase that does the saying: the cue's subject, or the name beside it."""
    doc = cue.doc
    for child in cue.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not raw.start <= child.idx < raw.end:
            return _phrase(child, raw)
    # "said Hotak" / ", the source stated": the noun phrase right before or after the cue.
    after = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
    if after is not None and (after.pos_ == "PROPN" or after.ent_type_):
        j = cue.i + 1
        while j < len(doc) and (doc[j].pos_ == "PROPN" or doc[j].ent_iob_ == "I"):
            j += 1
        return doc[cue.i + 1:j]
    i = cue.i - 1
    while i >= 0 and doc[i].pos_ == "ADV":
        i -= 1
    if i >= 0 and doc[i].pos_ in ("PRON", "PROPN", "NOUN") and not raw.start <= doc[i].idx < raw.end:
        end = i + 1
        while i > 0 and doc[i - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "NUM") \
                and doc[i - 1].text not in ("”", '"') and not raw.start <= doc[i - 1].idx < raw.end:
            i -= 1
        return doc[i:end]
    return None


def _phrase(token: Token, raw: RawQuote) -> Span:
    """The subject's noun phrase, without relative clauses or trailing commas."""
    doc = token.doc
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "appos", "nmod", "prep", "pobj", "amod") and child.i <= right + 6:
            right = max(right, child.right_edge.i)
        else:
            break
    span = doc[left:right + 1]
    toks = [t for t in span if not raw.start <= t.idx < raw.end and t.text not in ",”“\""]
    if not toks:
        return doc[token.i:token.i + 1]
    return doc[toks[0].i:toks[-1].i + 1]
