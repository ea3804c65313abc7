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
from .gazetteer import norm
from .spans import doc_text, HONORIFICS, clean_name, evidence

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
PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them", "us", "me"}
PERSONAL = {"he", "she", "i", "him", "her", "me"}
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


@dataclass
class ActorMention:
    start: int
    end: int
    name: str
    type: str


class QuoteFinder:
    def __init__(self, mentions: list[ActorMention]):
        #: every actor mention, for resolving speakers to canonical names
        self.mentions = sorted(mentions, key=lambda m: m.start)

    def find(self, doc: Doc) -> list[Quote]:
        text = doc_text(doc)
        quotes: list[Quote] = []
        last: tuple[str, int] = ("", -1)      # previous speaker and where their quote ended
        self.last_at = -1
        spans = find_quote_spans(text)
        inside = [(q.start - 1, q.end + 1) for q in spans]
        for raw in spans:
            inner = text[raw.start:raw.end]
            body = inner.strip().rstrip(",")
            words = body.split()
            if not words or len(words) == 1 and not _attributed(doc, raw):
                continue
            speaker, cue = self._speaker(doc, raw, inside, last[0])
            if not speaker and last[0] and _continues(text, last[1], raw.start):
                speaker = last[0]          # a quote running on from the same speaker's last one
            if not speaker and len(words) < MIN_WORDS_UNATTRIBUTED:
                continue  # a title or scare quote, not a statement
            start = raw.start + (len(inner) - len(inner.lstrip()))
            ev = evidence(text, start, start + len(body))
            quotes.append(Quote(text=ev.text, speaker=speaker, cue=cue, evidence=[ev]))
            if speaker:
                last = (speaker, raw.end)
                self.last_at = raw.end
        return quotes

    def _speaker(self, doc: Doc, raw: RawQuote, inside: list[tuple[int, int]], last: str) -> tuple[str, str]:
        def quoted(i: int) -> bool:
            return any(a <= i < b for a, b in inside)

        def nearest_quote(t: Token) -> tuple[int, int]:
            """The quote a cue attributes: the nearest one in the cue's own sentence."""
            sent = t.sent
            near = [q for q in inside if q[0] < sent.end_char and q[1] > sent.start_char] + [mine]
            return min(near, key=lambda q: (min(abs(t.idx - q[0]), abs(t.idx - q[1])), q != mine))

        mine = (raw.start - 1, raw.end + 1)
        tokens = [t for t in _sentence_tokens(doc, raw) if not quoted(t.idx)]
        cues = [t for t in tokens if t.lower_ in CUES and t.text[:1].islower() and t.pos_ != "NOUN"
                and nearest_quote(t) == mine]
        if not cues:
            m = re.search(r"[Aa]ccording to ([^,.;:\n]+)", doc_text(doc)[tokens[0].idx:raw.start] if tokens else "")
            if m:
                at = tokens[0].idx + m.start(1)
                return self._resolve(m.group(1), at, doc, last), "according to"
            return self._introducer(doc, raw, quoted, last), ""
        cue = min(cues, key=lambda t: min(abs(t.idx - raw.start), abs(t.idx - raw.end)))
        for phrase in _subjects(cue, quoted):
            if phrase[0].pos_ in ("ADP", "ADV", "SCONJ", "CCONJ", "PART", "VERB", "AUX", "PUNCT"):
                continue      # "beyond the withdrawal", "Speaking on TV": not who spoke
            name = self._resolve(phrase.text, phrase.start_char, doc, last)
            if name:
                return name, cue.text
        # No usable subject: the nearest actor named before the cue in its sentence, else after it.
        sent = cue.sent
        before = [m for m in self.mentions if sent.start_char <= m.start < cue.idx and not quoted(m.start)]
        after = [m for m in self.mentions if cue.idx < m.start <= cue.idx + 40 and not quoted(m.start)]
        pick = before[-1] if before else (after[0] if after else None)
        return (pick.name if pick else ""), cue.text

    def _introducer(self, doc: Doc, raw: RawQuote, quoted, last: str) -> str:
        """No cue verb: a quote introduced by a clause ('X spoke on Fox News, "…"', 'X said
        about Y: "…"') takes that clause's subject; one opening its sentence takes the
        subject of the sentence before it in the same paragraph."""
        span = doc.char_span(raw.start, raw.end, alignment_mode="expand")
        if span is None:
            return ""
        sent = span[0].sent
        lead = doc_text(doc)[sent.start_char:raw.start].rstrip(" “\"")
        if lead.endswith((":", ",", ".")) and len(lead.split()) >= 2:
            clause = sent
        else:
            if lead.strip() or sent.start == 0:
                return ""
            prev = doc[sent.start - 1].sent
            if "\n" in doc_text(doc)[prev.end_char:sent.start_char] and not quoted(prev.start_char):
                return ""      # a new paragraph: the previous sentence may be anyone's
            clause = prev
        subj = [t for t in clause if t.dep_ in ("nsubj", "nsubjpass") and t.head == clause.root and not quoted(t.idx)]
        if subj:
            phrase = _phrase(subj[0], quoted)
            return self._resolve(phrase.text, phrase.start_char, doc, last)
        named = [m for m in self.mentions if clause.start_char <= m.start < raw.start and not quoted(m.start)]
        return named[0].name if named else ""

    def _resolve(self, phrase: str, at: int, doc: Doc, last: str = "") -> str:
        """A subject phrase as a speaker: the actor it names, the person a pronoun stands
        for, or the fullest earlier form of a description ("the source")."""
        phrase = re.sub(r"^(of|in|on|for|from|with|to)\s+", "", clean_name(phrase), flags=re.I)
        low = phrase.lower()
        if low in RELATIVES:
            return ""
        if low in PRONOUNS:
            # In news copy "he said" continues the last speaker, unless another person
            # has since been introduced as the subject of a sentence.
            wanted = ("person",) if low in PERSONAL else ("organization", "state", "armed_group", "group")
            before = [m for m in self.mentions if m.start < at and m.type in wanted]
            introduced = [m for m in before if m.start > self.last_at and _is_subject(doc, m)]
            if introduced:
                return introduced[-1].name
            if last:
                return last
            return before[-1].name if before else ""
        named = [m for m in self.mentions if at <= m.start < at + len(phrase) + 1]
        words = re.sub(r"^(a|an|the|one|another)\s+", "", phrase, flags=re.I)
        if words[:1].islower() and not any(m.type == "person" for m in named):
            # A description ("source within the central Interior Ministry") is its own speaker.
            return _fullest_description(doc_text(doc)[:at], " ".join(words.split()[:8]))
        if len(words.split()) == 1:
            surname = norm(words)
            person = next((m for m in self.mentions if m.type == "person" and len(m.name.split()) > 1
                           and norm(m.name).split()[-1] == surname), None)
            if person:
                return person.name
        tail = _unnamed_tail(phrase, at, named)
        if tail:
            return tail      # a name the recogniser missed ends the phrase
        if named:
            people = [m for m in named if m.type == "person"]
            return (people or named)[-1].name
        return words


RELATIVES = {"who", "which", "that", "whom"}


def _unnamed_tail(phrase: str, at: int, named: list[ActorMention]) -> str:
    """Two or three capitalised words closing the phrase outside any known mention:
    "former US Ambassador to the United Nations Nikki Haley" → "Nikki Haley"."""
    words = list(re.finditer(r"\S+", phrase))
    tail = []
    for w in reversed(words):
        inside = any(m.start <= at + w.start() < m.end for m in named)
        if inside or not w.group()[:1].isupper() or w.group().lower().rstrip(".") in HONORIFICS:
            break
        tail.insert(0, w.group())
    return " ".join(tail) if 2 <= len(tail) <= 3 and len(tail) < len(words) or len(tail) == len(words) >= 2 and not named else ""


def _is_subject(doc: Doc, m: ActorMention) -> bool:
    """The mention is the subject of its sentence's main verb."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass") and span.root.head == span.root.sent.root


def _fullest_description(before: str, words: str) -> str:
    """The longest earlier description with the same head noun: "source" → "senior security source"."""
    head = words.split()[-1]
    best = words
    for m in re.finditer(rf"\b(?:[Aa]n?|[Tt]he|[Oo]ne)\s+((?:[a-z][\w-]*\s+){{0,3}}{re.escape(head)})\b", before):
        if len(m.group(1)) > len(best):
            best = m.group(1)
    return best


def _continues(text: str, prev_end: int, start: int) -> bool:
    """A quote opening right after the previous one (same or next paragraph) continues it."""
    gap = text[prev_end:start]
    return len(gap) < 120 and gap.count("\n") <= 2


def _attributed(doc: Doc, raw: RawQuote) -> bool:
    """A one-word quote counts only with a cue right before it (called it "defensive")."""
    before = doc_text(doc)[max(0, raw.start - 40):raw.start].lower()
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


def _subjects(cue: Token, quoted) -> list[Span]:
    """Candidate speaker phrases for a cue verb, best first: its subject (climbing from a
    participle to the clause it hangs on), the agent of a passive ("by the police"), and
    the name right after an inverted cue ("said Hotak")."""
    doc = cue.doc
    out: list[Span] = []
    verb = cue
    for _ in range(3):
        # A subject after the verb only when it is inverted right behind it ("said Hotak").
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj") and not quoted(c.idx)
                and (c.i < verb.i or c.left_edge.i <= verb.i + 2)]
        if subj:
            out.append(_phrase(subj[0], quoted))
            break
        if verb.dep_ in ("advcl", "xcomp", "conj", "ccomp", "acl", "parataxis") and verb.head.i != verb.i:
            verb = verb.head
        else:
            break
    for i in range(cue.i + 1, min(cue.i + 12, len(doc))):
        if doc[i].lower_ == "by" and i + 1 < len(doc):
            j = i + 1
            while j < min(i + 6, len(doc)) and not doc[j].is_punct and not doc[j].is_space:
                j += 1
            out.append(doc[i + 1:j])
            break
    if cue.i + 1 < len(doc) and doc[cue.i + 1].pos_ in ("PROPN", "DET") and not quoted(doc[cue.i + 1].idx):
        j = cue.i + 1
        while j < len(doc) and j - cue.i <= 6 and doc[j].pos_ in ("PROPN", "DET", "NOUN", "ADJ"):
            j += 1
        out.append(doc[cue.i + 1:j])
    i = cue.i - 1
    while i >= 0 and doc[i].pos_ == "ADV":
        i -= 1
    if i >= 0 and doc[i].pos_ in ("PRON", "PROPN", "NOUN") and not quoted(doc[i].idx):
        end = i + 1
        while i > 0 and doc[i - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "NUM") and not quoted(doc[i - 1].idx):
            i -= 1
        out.append(doc[i:end])
    return [span for span in out if len(span)]


def _phrase(token: Token, quoted) -> Span:
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
    toks = [t for t in span if not quoted(t.idx) and t.text not in ",”“\""]
    if not toks:
        return doc[token.i:token.i + 1]
    return doc[toks[0].i:toks[-1].i + 1]
