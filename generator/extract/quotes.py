"""Direct quotations with their speaker and cue verb.

Quotation marks are paired per paragraph: curly marks by direction, straight marks
in turn. A quote left open at a paragraph's end runs on into the next paragraph
(the newspaper convention), so quotes over a paragraph break are kept whole.

Who said it, by the written rule (`attribution.py` finds the words, `speakers.py`
resolves them to a person):

1. the cue right after the quote, with its subject between ("…,” Warren said) or
   after it ("…,” said Daryl Kimball, director of …); a dash and a name ("… ― Jorge
   Falcon");
2. else the cue before it in its sentence ("Schiff told Capital Download: “…”": the
   subject, not the listener); "according to X";
3. else a clause that introduces it ("In his message, he wrote: “…”");
4. else, for a quote of four words or more with no cue at all, the name or "he"/"she"
   whose clause quotes it ("Trump attacked “the hateful ideology of …”"), not through a
   passive ("was considered one of the “…”") and not for a title ("the “Hero of …”");
5. else the speaker of the quote just before it, when this one follows in the same
   paragraph or opens the next one (a speaker's quotes run on);
6. else nobody: a quoted fragment of fewer than four words with no speaker is a
   title, a slogan or a scare quote, and is not listed.

A quoted transcript ("WALLACE: … / "PENCE: …") is one quote per turn, each its
speaker's: the name in capitals before the colon.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..briefing import Actor, Quote
from .attribution import Attribution, attribution, cue_words, governing_subject
from .speakers import SpeakerResolver
from .spans import doc_text, evidence

MIN_WORDS_UNATTRIBUTED = 4
CONTINUATION_GAP = 300       #: most characters between a speaker's quote and the next that continues it

CUES = cue_words()           # kept for the threat rules: a verb of saying is no act


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
            j = _find_close(text, i + 1, close, ch, nested=ch == "“") or _find_close(text, i + 1, close, ch)
            if j is not None:
                if not _nickname(text, i, j):
                    quotes.append(RawQuote(i + 1, j))
                i = j + 1
                continue
        i += 1
    return quotes


NICKNAME = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?")


# A turn of a transcript: a paragraph (or the quote) opening with a name in capitals and a colon.
LABEL = r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):[ \t]+"
TURN = re.compile(r"\n[ \t]*[“\"]?" + LABEL)
OPENING_TURN = re.compile(LABEL)


def transcript_turns(text: str, quote: RawQuote) -> list[tuple[RawQuote, str]]:
    """The turns of a quoted transcript, each with the label naming its speaker; [] when
    the quote is no transcript: one where no one speaks twice ("NOTE: … / WARNING: …") is none."""
    opening = OPENING_TURN.match(text, quote.start)
    labels = [m for m in [opening, *TURN.finditer(text, quote.start, quote.end)] if m and len(m.group(1)) > 2]
    if len({m.group(1) for m in labels}) == len(labels):
        return []
    turns = []
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else quote.end
        body = text[m.end():end].rstrip(" \n“”\"")
        if body:
            turns.append((RawQuote(m.end(), m.end() + len(body)), m.group(1)))
    return turns


def _nickname(text: str, i: int, j: int) -> bool:
    """A quoted name inside a name is a nickname, nobody's words: Robert C. “Bobby” Scott."""
    return NICKNAME.fullmatch(text[i + 1:j]) is not None \
        and re.search(r"\b[A-Z][\w'’.-]* $", text[max(0, i - 30):i]) is not None \
        and re.match(r" [A-Z]", text[j + 1:j + 3]) is not None


def _opens(text: str, i: int) -> bool:
    """A straight double quote opens when it does not follow a word character."""
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in ".,!?;:")


def _find_close(text: str, start: int, close: str, opener: str, nested: bool = False) -> int | None:
    """Where the quote opened before `start` closes; with `nested`, past a quote inside it
    (“… what he calls “hell” than …”); None where it never closes."""
    j, depth = start, 0
    while j < len(text):
        ch = text[j]
        if nested and ch == "“" and text[j + 1:j + 2].strip() and "\n" not in text[start:j]:
            depth += 1            # a quote opens inside this one, in its first paragraph
        elif nested and ch == "”" and depth:
            depth -= 1
        elif ch == close and (close != '"' or not _opens(text, j) or j + 1 == len(text)
                              or not text[j + 1].isalnum()):
            return j
        if ch == "”" and close == '"' and "“" not in text[start:j]:
            return j      # a straight mark closed by a curly one (copy that mixes the two), not one a "“" opened
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
    def __init__(self, actors: list[Actor], places: set[str] = frozenset()):
        self.actors = actors
        self.places = places      #: the article's place names: no one "he" or "she" can be

    def find(self, doc: Doc) -> list[Quote]:
        text = doc_text(doc)
        spans = [q for q in find_quote_spans(text) if text[q.start:q.end].strip()]
        resolver = SpeakerResolver(doc, self.actors, [(q.start - 1, q.end + 1) for q in spans], self.places)
        labelled: dict[int, str] = {}       # a transcript's turns: the label naming each one's speaker
        split: list[RawQuote] = []
        for raw in spans:
            for turn, label in transcript_turns(text, raw) or [(raw, "")]:
                if label:
                    labelled[len(split)] = label
                split.append(turn)
        spans = split
        quotes: list[Quote] = []
        previous: tuple[RawQuote, str] | None = None
        for i, raw in enumerate(spans):
            inner = text[raw.start:raw.end]
            body = inner.strip().rstrip(",")
            found: Attribution | None = None if i in labelled else attribution(doc, spans, i)
            if found is not None and found.kind == "name":
                continue          # "a process called “exfiltration”": a name given, nobody's words
            speaker, cue = "", ""
            if i in labelled:
                speaker = resolver.labelled(labelled[i], raw.start)
            elif found is not None and found.kind == "inverted" and found.cue.lower() in ("quotes", "quoted"):
                # "“…,” quotes the China Daily": the paper reports someone's words, the one
                # the text names as acting before them; else the paper
                speaker = resolver.acting_before(raw.start) \
                    or resolver.resolve(found.phrase_start, found.phrase_end, raw.start, found.kind)
                cue = found.cue
            elif found is not None:
                speaker = resolver.resolve(found.phrase_start, found.phrase_end, raw.start, found.kind)
                cue = found.cue
            if not speaker and found is None and i not in labelled and len(body.split()) >= MIN_WORDS_UNATTRIBUTED:
                clause = governing_subject(doc, raw.start, raw.end)
                if clause is not None:
                    speaker = resolver.resolve(clause.phrase_start, clause.phrase_end, raw.start, clause.kind)
            # Continued: no cue of its own, or one whose "speaker" lies inside the quote before
            # ("“A,” said X, a strategist. “B.”": the cue is X's, read backwards from B).
            if not speaker and previous is not None and _continues(text, previous[0], raw) \
                    and (found is None or found.kind == "introducer" or resolver.inside_quote(found.phrase_start)):
                speaker = previous[1]
            if not speaker and len(body.split()) < MIN_WORDS_UNATTRIBUTED:
                continue          # a title, a slogan or a scare quote, not a statement
            start = raw.start + (len(inner) - len(inner.lstrip()))
            ev = evidence(text, start, start + len(body))
            quotes.append(Quote(text=ev.text, speaker=speaker, cue=cue, evidence=[ev]))
            if speaker:
                previous = (raw, speaker)
                resolver.spoke(speaker, raw.end)
        return quotes


def _continues(text: str, before: RawQuote, raw: RawQuote) -> bool:
    """The quote follows the previous one in the same paragraph, or opens the next."""
    gap = text[before.end + 1:raw.start - 1]
    if len(gap) > CONTINUATION_GAP or gap.count("\n") > 2:
        return False
    if "\n" in gap:
        return not gap[gap.rfind("\n") + 1:].strip()     # the quote opens its paragraph
    return True


def _strip_marks(text: str) -> str:
    return re.sub(r"^[\s“”\"']+|[\s“”\"',]+$", "", text)
