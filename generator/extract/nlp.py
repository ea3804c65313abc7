"""Load the language pipeline once, with the project's knowledge added to it.

The default is the compact English pipeline trained by ``make model`` and shipped in
``generator/models/``; any installed spaCy pipeline (``en_core_web_trf``) or a path
can be named instead with ``--model``.
"""
from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from thinc.api import use_ops
from threadpoolctl import threadpool_limits
from spacy.tokens import Doc, Span

from ..errors import ModelError
from ..modelinfo import DEFAULT_MODEL, label
from ..geo.sources import tsv
from .dates import MONTHS, WEEKDAYS
from .lexicon import is_common_word, is_given_name, is_surname
from .spans import HEAD_TITLES, HONORIFICS, opens_sentence
from .tagmap import TAG_MAP
from .gazetteer import gazetteer, known_actors

log = logging.getLogger(__name__)
_UPOS = {spacy.strings.get_string_id(tag): spacy.parts_of_speech.IDS[pos] for tag, pos in TAG_MAP.items()}

# Aliases too ambiguous to match on their own ("IS" in a headline, "AP" in an address).
AMBIGUOUS = {"IS", "AP", "the Met", "Wagner", "SAA", "WHO", "Gaza", "America"}


# The network's working memory grows with the tokens of a batch (a 100,000-character
# interview alone takes ~600 MB), so long articles go through in pieces of whole
# paragraphs and batches stay small. Sentences never cross a paragraph break, so the
# pieces parse as the whole would.
PIECE_CHARS = 4000
LONGEST_PARAGRAPH = 100_000     # a paragraph longer than this is cut inside (the parser's limit is 1,000,000)
BATCH_PIECES = 8
OFFICE_ENDING = re.compile(r"(?:ist|[aeo]r|ive|able)$")     # "Epidemiologist", "Adviser", "Honourable"
MAJOR_TOWN = 100_000     #: a word naming a town this big alone is read as the town, not a surname
SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s+(?=[\"'‘“(]*[A-Z0-9])")


def parse(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """One Doc per text, in order, with memory bounded however long a text is."""
    pieces = [_pieces(text) for text in texts]
    docs = nlp.pipe((piece for parts in pieces for piece in parts), batch_size=BATCH_PIECES)
    for parts in pieces:
        done = [next(docs) for _ in parts]
        yield done[0] if len(done) == 1 else Doc.from_docs(done, ensure_whitespace=False)


def _pieces(text: str) -> list[str]:
    """The text cut after line breaks into runs of at most PIECE_CHARS (a longer
    paragraph stays whole up to LONGEST_PARAGRAPH); a paragraph longer than that, such as
    a whole article on one line, is cut after a sentence, else at a space, else anywhere.
    Joined, the pieces give the text back exactly."""
    if len(text) <= PIECE_CHARS:
        return [text]
    out, start = [], 0
    while len(text) - start > PIECE_CHARS:
        cut = text.rfind("\n", start, start + PIECE_CHARS)
        if cut < 0:
            cut = text.find("\n", start + PIECE_CHARS, start + LONGEST_PARAGRAPH)
        if cut < 0:
            cut = _inside_paragraph(text, start, start + PIECE_CHARS)
        else:
            cut += 1
            while cut < len(text) and text[cut] == "\n":
                cut += 1               # blank lines stay with the paragraph before them
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return [piece for piece in out if piece]


def _inside_paragraph(text: str, start: int, end: int) -> int:
    """Where to cut text[start:end] with the least harm: after the last sentence's end,
    else after the last space, else at `end`."""
    window = text[start:end]
    for m in reversed(list(SENTENCE_END.finditer(window))):
        if m.end() > len(window) // 2:
            return start + m.end()
        break
    space = window.rfind(" ", len(window) // 2)
    return start + space + 1 if space > 0 else end


@Language.component("ptb_to_upos")
def ptb_to_upos(doc):
    """Universal POS from the tagger's Penn Treebank tags: a table lookup per token,
    several times faster than an attribute ruler's matcher."""
    for token in doc:
        pos = _UPOS.get(token.tag)
        if pos is not None:
            token.pos = pos
    return doc


@Language.component("paragraph_sentences")
def paragraph_sentences(doc):
    """A line break always ends a sentence: headlines and paragraphs never run together."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if prev.is_space and "\n" in prev.text:
            token.is_sent_start = True
    return doc


TITLES = {"president", "minister", "secretary", "secretary-general", "general", "gen.", "senator",
          "commander", "spokesperson", "spokesman", "spokeswoman", "king", "queen", "prince", "sheikh",
          "ayatollah", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "dr", "colonel", "col.", "captain",
          "lieutenant", "major", "chancellor", "premier", "envoy", "ambassador", "governor", "mayor",
          "chief", "leader", "emir", "imam", "cleric", "judge", "rep.", "sen.", "gov.", "pope",
          "director", "head", "officer", "official", "analyst", "correspondent", "reporter", "member",
          "chairman", "chairwoman", "professor", "doctor", "administrator", "commissioner", "superintendent",
          "prosecutor", "justice", "adviser", "advisor"}
ROMAN = re.compile(r"I{1,3}|IV|VI{0,3}|IX|XI{0,3}")     # "Elizabeth II", "Louis XIV" (not "X", a letter)
# Words that open a title before its word in TITLES ("Prime Minister", "Deputy Director").
TITLE_MODIFIERS = {"prime", "vice", "deputy", "acting", "interim", "first", "foreign", "interior", "defence",
                   "defense", "finance", "health", "assistant", "executive", "senior", "former", "chief"}
NAME_LINKS = {"al", "bin", "ibn", "de", "van", "von", "abu", "el"}


@Language.component("person_rules")
def person_rules(doc):
    """Names a small model gets wrong, by their shape (data: the word lists in data/):

    - a capitalised name after a title is a person: "President Vladimir Putin", "Taliban
      spokesperson Zabiullah Mujahid", "Secretary of State Mike Pompeo";
    - a census given name before a capitalised word is a person: "Mike Pompeo";
    - capitalised names joined by "bin", "ibn" or "bint" are a person's, even around a
      known actor's shorter form ("Hamza bin Laden" is not "bin Laden");
    - a "person" ending in a site word is a site ("Grosvenor Square"), one holding the
      word of a body is a body ("Sam Houston State University"), and a lone ordinary
      word is nothing ("Violence broke out");
    - a body the model ran into a name gives the name back ("World Health Organisation
      Vivian | Tan");
    - two capitalised words whose surname speaks alone elsewhere are a person ("Franky
      Zapata … Zapata said");
    - a body named for its field or its people is one name ("World Organisation for Animal
      Health", "Korean People's Army").
    """
    ents = [_corrected(e) for e in doc.ents]
    ents = [e for e in ents if e is not None]
    patronymic = _patronymic_names(doc)
    titled_names = _titled_names(doc)
    titled = {span.start: title for span, title in titled_names}
    given_names = _given_names(doc)
    for span in [span for span, _ in titled_names] + given_names + _described_names(doc) + patronymic:
        clash = [e for e in ents if e.start < span.end and span.start < e.end]
        # a body the model ran into a name after a title or into a given name and its surname
        # (not a place that "Mayor of | New York City" took for the name)
        if clash and all(e.start < span.start < e.end <= span.end and e.label_ != "PERSON" and not e.ent_id_
                         for e in clash) and (
                span.start in titled and all(e.label_ != "LOC" for e in clash)
                or span in given_names and (is_surname(span[-1].text) or _office_word(doc[span.start - 1]))):
            ents = _ran_into(ents, clash, span)     # "World Health Organisation Vivian | Tan"
            continue
        # a model's "person" that runs from the title into the name ("Minister of Health
        # Hatem" before "Hatem Mostafa El-Gabaly") gives way to the name
        lead = titled.get(span.start, span.start)
        office = span.start in titled and len(clash) == 1 and clash[0].label_ == "PERSON" \
            and not clash[0].ent_id_ and clash[0].start == lead and clash[0].end == span.end \
            and "of" in {t.lower_ for t in doc[lead:span.start]} and not any(is_common_word(t.lower_) for t in span)
        cut = office or span.start in titled and clash and all(
            not e.ent_id_ and lead <= e.start and span.start < e.end and (
                e.label_ == "PERSON" and e.end < span.end
                or e.end == span.end and is_given_name(doc[span.start].text)) for e in clash)
        # (a model's "person" cut inside the name after a title, "Prime Minister Igor | Matovič",
        # or holding the title of a place, "First Minister of Scotland Nicola Sturgeon",
        # or a body made of a title and a given name, "General Wesley Clark", gives way to the name)
        if not cut and any((e.start < lead or e.start < span.start and (e.label_ != "PERSON" or e.ent_id_))
               or e.end > span.end for e in clash) or \
                any(e.label_ == "PERSON" and e.end - max(e.start, span.start) >= len(span) and not office
                    or e.ent_id_ and (span not in patronymic or len(e) >= len(span)) for e in clash):
            continue     # a longer or curated entity already covers it ("Hamza" before a curated
                         # "bin Laden" makes another person)
        ents = [e for e in ents if e not in clash] + [Span(doc, span.start, span.end, label="PERSON")]
    for span in _echoed_names(doc):
        clash = [e for e in ents if e.start < span.end and span.start < e.end]
        if any(e.label_ == "PERSON" or e.ent_id_ or e.start >= span.start and e.end >= span.end
               or e.start <= span.start and e.end > span.end for e in clash):
            continue     # the model's or a curated name already there, or the model's body of just
                         # these words ("Flyboard Air") or of more
        ents = _ran_into(ents, clash, span)
    ents = _bodies_of_a_people(doc, _bodies_of_a_field(doc, sorted(ents, key=lambda e: e.start)))
    doc.ents = _completed(_conjoined_bodies(ents))
    return doc


def _office_word(token) -> bool:
    """A title or a word for someone's office ("Justice", "Adviser", "Epidemiologist"), by its
    list or its ending: what a body the model ran into a name ends with before the name."""
    word = token.lower_.rstrip(".")
    return word in TITLES or word in HEAD_TITLES or word in HONORIFICS \
        or token.is_title and OFFICE_ENDING.search(word) is not None


def _ran_into(ents: list, clash: list, span) -> list:
    """The entities with the person's name `span` in: a body the model ran into the name
    ("Vermont Bernie") keeps the words before it, a place where they name one, less a
    title ("Supreme Court | Justice"); the surname alone elsewhere is the person too."""
    doc = span.doc
    kept = []
    for e in clash:
        end = span.start
        while end > e.start and _office_word(doc[end - 1]):
            end -= 1          # "Supreme Court | Justice": the title is the person's
        if e.start < end and (end == span.start or doc[end - 1].lower_ in BODY_WORDS):
            place = gazetteer().known(doc[e.start:end].text)
            kept.append(Span(doc, e.start, end, label="LOC" if place else e.label_))
    surname = span[-1].text
    return [e for e in ents if e not in clash and not (e.text == surname and not e.ent_id_)] + kept \
        + [Span(doc, span.start, span.end, label="PERSON")] \
        + [Span(doc, e.start, e.end, label="PERSON") for e in ents
           if e.text == surname and not e.ent_id_ and e not in clash]


def _echoed_names(doc) -> list:
    """Two capitalised words whose second the text also writes alone ("French inventor
    Franky Zapata … wrote Zapata", "Senator from Vermont Bernie Sanders … after Sanders
    ended"): a person named in full and then by surname, however rare the given name, where
    the first is a given name or a cue tells the surname speaks. Not ordinary words,
    titles, demonyms, bodies' words, a place's name, nor part of a longer name ("University of
    California Davis", "Red Hat Linux")."""
    gaz = gazetteer()
    alone: dict[str, list[int]] = {}
    for tok in doc:
        if _capitalised(tok) and not (tok.i and _capitalised(doc[tok.i - 1]) and not opens_sentence(doc, tok.i)) \
                and not (tok.i + 1 < len(doc) and _capitalised(doc[tok.i + 1])):
            alone.setdefault(tok.text, []).append(tok.i)
    spans = []
    for tok in doc[1:-1]:
        first, surname = tok, doc[tok.i + 1]
        if not (surname.text in alone and first.is_alpha and surname.is_alpha and _capitalised(first)
                and _capitalised(surname)) or first.whitespace_ != " ":
            continue
        before, after = doc[first.i - 1], doc[surname.i + 1] if surname.i + 1 < len(doc) else None
        if after is not None and (_capitalised(after) or after.text == "-" and not surname.whitespace_) \
                or before.text == "-" or before.lower_ in ("of", "the", "a", "an") \
                or _capitalised(before) and not opens_sentence(doc, first.i) and not major_place(gaz, before.text) \
                and before.lower_ not in TITLES \
                and not (opens_sentence(doc, before.i) and is_common_word(before.lower_)):
            continue      # part of a longer name: the model's to read
        speaks_alone = any(next_to_cue(doc, i) for i in alone[surname.text])
        cued = speaks_alone or next_to_cue(doc, surname.i)
        # an ordinary word is a surname after a given name when it speaks alone ("Doris Day …
        # Day said")
        ordinary = is_common_word(first.lower_) or is_common_word(surname.lower_) \
            and not (is_given_name(first.text) and speaks_alone)
        words = (first.lower_, surname.lower_)
        if ordinary or any(w in TITLES or w in TITLE_MODIFIERS or w in BODY_WORDS or w in DATE_WORDS
                           or gaz.is_demonym(w) or gaz.is_demonym(w.removesuffix("s")) for w in words) \
                or opens_sentence(doc, first.i) and not is_given_name(first.text):
            continue
        if gaz.known(f"{first.text} {surname.text}") or major_place(gaz, surname.text):
            continue      # "Costa Rica", "Wells Fargo": a place's name, not a surname
        if is_given_name(first.text) or cued or before.lower_ in TITLES:
            spans.append(Span(doc, first.i, surname.i + 1, label="PERSON"))
    return spans


def major_place(gaz, word: str) -> bool:
    """A word that names a country, a first-level region or a big town ("Vermont", "Fargo")."""
    return any(h.how == 0 and (h.place.feature in ("PCLI", "ADM1") or h.place.population >= MAJOR_TOWN)
               for h in gaz.lookup(word))


def next_to_cue(doc, i: int) -> bool:
    """A speech verb right after the name ("Zapata said") or right before it ("wrote Cattelan")."""
    return any(0 <= j < len(doc) and doc[j].lower_ in speech_verbs() for j in (i - 1, i + 1))


@functools.cache
def speech_verbs() -> frozenset[str]:
    """The verbs that attribute a quotation to whoever is their subject (data/speech_verbs.txt)."""
    return frozenset(w for row in tsv("speech_verbs.txt") for cell in row for w in cell.split())


def _bodies_of_a_field(doc, ents: list) -> list:
    """A body named for its field ("World Organisation for | Animal Health", "European Centre
    for | Disease Prevention and Control", "Department for Environment, Food and Rural
    Affairs") is one name: the model often cuts it at "for" and takes the field for a person."""
    out = list(ents)
    for i in range(1, len(doc) - 1):
        if doc[i].lower_ != "for" or not doc[i - 1].is_title or doc[i - 1].lower_ not in FIELD_BODIES:
            continue
        start = _run_back(doc, i - 1, i - 6)
        end = i + 1
        while end < len(doc) and end - i < 8:
            if doc[end].is_title and not doc[end].is_stop:
                end += 1
            elif doc[end].lower_ == "and" and end + 1 < len(doc) and doc[end + 1].is_title \
                    and is_common_word(doc[end + 1].lower_) and doc[end + 1].lower_ not in FIELD_BODIES and end > i + 1:
                end += 1      # "Disease Prevention and Control"; not "… and Greenpeace"
            elif doc[end].text == "," and end + 1 < len(doc) and doc[end + 1].is_title and end > i + 1 \
                    and is_common_word(doc[end + 1].lower_) \
                    and _and_before_a_stop(doc, end + 1):
                end += 1      # "Environment, Food and Rural Affairs"
            else:
                break
        if end == i + 1:
            continue
        inside = [e for e in out if e.start < end and start < e.end]
        if any(e.start < start or e.end > end or e.ent_id_ or e.label_ == "PERSON" and is_given_name(e[0].text)
               for e in inside):
            continue          # a longer or curated name, or a person ("Campaign for Bernie Sanders")
        out = [e for e in out if e not in inside] + [Span(doc, start, end, label="ORG")]
    return sorted(out, key=lambda e: e.start)


def _bodies_of_a_people(doc, ents: list) -> list:
    """A body named for the people it stands for ("Korean People's Army", "Sudan People's
    Liberation Army", "Pakistan People's Party") is one name: the model cuts it at the
    possessive and keeps only "Army", or nothing. Where the possessor is itself a name
    ("United Kingdom's Health Protection Agency"), the body is the name after it. Either
    way the name ends in a body's word, not before "of" (the name would go on)."""
    out = list(ents)
    for i in range(1, len(doc) - 1):
        if doc[i].text not in ("'s", "’s", "'", "’") or not doc[i - 1].is_title or not doc[i + 1].is_title:
            continue
        end = i + 1
        while end < len(doc) and end - i < 5 and doc[end].is_title and not doc[end].is_stop:
            end += 1
        if doc[end - 1].lower_ not in PEOPLES_BODIES or end < len(doc) and doc[end].lower_ == "of":
            continue
        named = any(e.end == i for e in out)       # "United States'", "Fleet Command's"
        if named:
            start = i + 1
        elif is_common_word(doc[i - 1].lower_) and not is_given_name(doc[i - 1].text):
            start = _run_back(doc, i - 1, i - 4)
        else:
            continue          # a person's ("Trump's Republican Party" is two)
        if end - start < 2:
            continue
        inside = [e for e in out if e.start < end and start < e.end]
        if any(e.start < start or e.end > end or e.ent_id_ or e.label_ == "PERSON" for e in inside):
            continue          # a longer or curated name, or a person's
        out = [e for e in out if e not in inside] + [Span(doc, start, end, label="ORG")]
    return sorted(out, key=lambda e: e.start)


def _run_back(doc, start: int, lowest: int) -> int:
    """Where a name ending in a body's word begins: back from `start` over capitalised words
    that are no stop words, not below `lowest`, and not over a sentence's first word the
    model left out ("Remarked Center for …")."""
    while start > max(0, lowest) and doc[start - 1].is_title and not doc[start - 1].is_stop \
            and not (doc[start - 1].is_sent_start and not doc[start - 1].ent_type_):
        start -= 1
    return start


def _and_before_a_stop(doc, j: int) -> bool:
    """Capitalised words from `j` reach "and" before any other word or mark."""
    while j < len(doc) and doc[j].is_title and not doc[j].is_stop:
        j += 1
    return j < len(doc) and doc[j].lower_ == "and"


def _conjoined_bodies(ents: list) -> list:
    """A body whose name joins two ordinary words with "and" ("Food and Drug
    Administration", "Department of Health and Human Services", "Law and Justice Party")
    is one name, not the ordinary word and a shorter body: the name runs back over "and"
    when the word before it is an ordinary word written in capitals and the name ends in
    a body's word. Two bodies ("Reuters and NBC", "Washington and Stanford University")
    stay two."""
    out = list(ents)
    for ent in ents:
        doc, i = ent.doc, ent.start
        if ent.label_ == "PERSON" or ent.ent_id_ or i < 2 or doc[i - 1].lower_ != "and" \
                or not {ent[-1].lower_, ent[-1].lower_[:-1]} & BODY_WORDS \
                or not doc[i - 2].is_title or not is_common_word(doc[i - 2].text):
            continue      # the body's word may be plural ("Human Services")
        left = [e for e in out if e.start < i - 1 and e.end > i - 2]
        word = doc[i - 2].text
        if any(e.label_ in ("LOC", "GPE") or e.ent_id_ for e in left) or left and left[0].label_ == "PERSON" \
                and (is_given_name(word) or is_surname(word)):
            continue      # "Bill and Melinda Gates": a person; "Rogaland Fire" is none
        start = min([i - 2] + [e.start for e in left])
        others = {t for e in out if e not in left for t in range(e.start, e.end)}
        while start > 0 and i - start < 6 and start - 1 not in others \
                and (doc[start - 1].is_title and not doc[start - 1].is_stop
                     or start > 1 and doc[start - 1].lower_ in ("of", "for") and start - 2 not in others
                     and doc[start - 2].is_title and not doc[start - 2].is_stop):
            start -= 1    # "National Oceanic and …", "Department of Health and …"
        whole = Span(doc, start, ent.end, label=ent.label_)
        out = [e for e in out if e is not ent and e not in left] + [whole]
    return sorted(out, key=lambda e: e.start)


NAME_JOINS = {"for", "of", "and", "the", "on", "to"}
DATE_WORDS = set(WEEKDAYS) | set(MONTHS)


def _completed(ents: list) -> list:
    """A name the model cut after a joining word ("The Movement for | Black Lives") runs on
    over the capitalised words that follow it, taking in a name the model found there; a
    person's name cut at a hyphen ("Park Geun | -hye", "Jean- | Marc Ayrault") takes its other half."""
    out, taken = [], set()
    people = {t.i for e in ents if e.label_ == "PERSON" for t in e}
    occupied = {t.i for e in ents for t in e}
    for ent in ents:
        if ent.start in taken:
            continue
        if ent.label_ == "PERSON":
            out.append(_hyphen_whole(ent, occupied))
            continue
        ent, inside = _run_on(ent, ents, people)
        taken |= {e.start for e in inside}
        end = ent.end
        while end - ent.start > 1 and ent.doc[end - 1].lower_ in NAME_JOINS:
            end -= 1          # "University of Washington and | Stanford University": two bodies
        out.append(ent if end == ent.end else Span(ent.doc, ent.start, end, label=ent.label_, kb_id=ent.kb_id_))
    return out


def _hyphen_whole(ent, occupied: set[int]):
    doc, i, j = ent.doc, ent.start, ent.end
    while j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
            and doc[j + 1].is_alpha and not occupied & {j, j + 1} \
            and doc[j + 1].tag_ not in ("VBN", "VBD") and not doc[j + 1].lower_.endswith("ed"):
        j += 2            # "Ban Ki | -moon", "Prayuth Chan-o-cha"; not "Sanders-backed"
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
            and doc[i - 2].is_title and not occupied & {i - 1, i - 2} \
            and doc[i].lower_ not in TITLES and doc[i - 2].lower_ not in TITLES:
        i -= 2            # "Jean | -Marc Ayrault"; not "Vice-President", a title
    if (i, j) != (ent.start, ent.end) and not gazetteer().known(doc[i:j].text):
        return Span(doc, i, j, label=ent.label_, kb_id=ent.kb_id_)     # not a place: "Sharm el-Sheikh"
    return ent


def _run_on(ent, ents: list, people: set[int]):
    """The entity run on past its joining word, and the entities it takes in; not for an
    office ("Chancellor of | Germany"), nor into a person's name, a day or a title."""
    doc, j = ent.doc, ent.end
    if not (ent[-1].lower_ in NAME_JOINS and j < len(doc) and doc[j].is_title and ent[-1].whitespace_
            and not (len(ent) > 1 and ent[-2].lower_ in TITLES)):
        return ent, []
    while j < len(doc) and j - ent.end < 4 and j not in people \
            and doc[j].lower_ not in DATE_WORDS and doc[j].lower_ not in TITLES \
            and (doc[j].is_title and not doc[j].is_sent_start
                 or doc[j].lower_ in NAME_JOINS and j + 1 < len(doc) and doc[j + 1].is_title):
        j += 1
    while j > ent.end and doc[j - 1].lower_ in NAME_JOINS:
        j -= 1
    inside = [e for e in ents if ent.end <= e.start < j]
    if j > ent.end and all(e.end <= j for e in inside) and not (ent[-1].lower_ == "and" and inside):
        return Span(doc, ent.start, j, label=ent.label_, kb_id=ent.kb_id_), inside
    return ent, []


def _inner_hyphen(doc, j: int) -> bool:
    """A hyphen inside a capitalised word the tokenizer split ("El-Gabaly")."""
    return doc[j].text == "-" and j and j + 1 < len(doc) and not doc[j - 1].whitespace_ \
        and not doc[j].whitespace_ and doc[j - 1].is_title and doc[j + 1].is_title


def _titled_names(doc) -> list:
    """The names written after a title, each with where its title begins."""
    spans = []
    for tok in doc:
        if tok.lower_ not in TITLES or tok.i + 1 >= len(doc):
            continue
        j = tok.i + 1
        # "Secretary of State Mike Pompeo": the office's words are part of the title.
        while j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].is_title and j - tok.i <= 3:
            j += 2
        start, hyphens = j, 0
        while j < len(doc) and j - start - hyphens <= 3 and (
                doc[j].is_title or doc[j].lower_ in NAME_LINKS or "-" in doc[j].text and doc[j].text[:1].isupper()
                or _inner_hyphen(doc, j)) and doc[j].lower_ not in TITLES and not opens_sentence(doc, j):
            hyphens += _inner_hyphen(doc, j) * 2      # "El | - | Gabaly": one word
            j += 1
        # one word after a capitalised title is a surname ("Governor Schwarzenegger"), or a
        # given name before its ordinal ("Queen Elizabeth II"), when it is no ordinary word
        single = j - start == 1 and tok.is_title and not is_common_word(doc[start].lower_) \
            and (j >= len(doc) or not doc[j].is_title or ROMAN.fullmatch(doc[j].text))
        if j < len(doc) and ROMAN.fullmatch(doc[j].text) and j - start >= 1:
            j += 1
        if (j - start >= 2 or single) and (doc[j - 1].is_title or ROMAN.fullmatch(doc[j - 1].text)) \
                and not {t.lower_ for t in doc[start:j]} & BODY_WORDS:
            lead = tok.i
            while lead and doc[lead - 1].lower_ in TITLE_MODIFIERS and doc[lead - 1].is_title:
                lead -= 1                           # "Prime Minister", "Vice President"
            spans.append((doc[start:j], lead))     # not "director of | Anti-Corruption Commission"
    return spans


def _given_names(doc) -> list:
    spans = []
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if not (tok.is_title and _capitalised(nxt) and is_given_name(tok.text)) or is_common_word(nxt.lower_) \
                or nxt.lower_ in TITLES or tok.lower_ in TITLES or tok.whitespace_ != " ":
            continue
        end = tok.i + 2
        if end < len(doc) and _capitalised(doc[end]) and not is_common_word(doc[end].lower_) \
                and doc[end - 1].whitespace_:
            end += 1      # "Mary Ann Smith"
        spans.append(doc[tok.i:end])
    return spans


PREFIXED_NAME = re.compile(r"[A-Z][a-z]{1,2}[A-Z][a-z]+")


def _capitalised(tok) -> bool:
    """A word written as a name is: "Jones", or with a short prefix before a capital
    ("McConnell", "DeSantis", "MacArthur"); not a word glued to the next ("CollinsImage")."""
    return tok.is_title or PREFIXED_NAME.fullmatch(tok.text) is not None


PATRONYMIC = {"bin", "ibn", "bint"}


def _patronymic_names(doc) -> list:
    """"Hamza bin Laden", "Mohammed bin Salman": capitalised names joined by "bin", "ibn"
    or "bint" are a person's, whatever the model took them for ("Hamza" as a place)."""
    spans = []
    for tok in doc:
        if tok.text not in PATRONYMIC or tok.i == 0 or tok.i + 1 >= len(doc):
            continue
        start = tok.i
        while start > 0 and tok.i - start < 2 and doc[start - 1].is_title and doc[start - 1].lower_ not in TITLES \
                and not doc[start - 1].whitespace_.count("\n") and doc[start - 1].whitespace_:
            start -= 1
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 2 and (doc[end].is_title or doc[end].text[:3] in ("al-", "Al-")) \
                and doc[end - 1].whitespace_ == " ":
            end += 1
        if start < tok.i and end > tok.i + 1:
            spans.append(doc[start:end])
    return spans


def _described_names(doc) -> list:
    """"Abdurrahman Mangal, spokesperson for the provincial governor, said": two or three
    capitalised words followed by a title in apposition."""
    spans = []
    for tok in doc:
        if tok.text != "," or tok.i < 2 or tok.i + 2 >= len(doc):
            continue
        k = tok.i + 1
        while k < len(doc) and k - tok.i <= 4 and doc[k].lower_ not in TITLES and doc[k].is_lower:
            k += 1
        if k >= len(doc) or doc[k].lower_ not in TITLES:
            continue
        j = tok.i
        while j > 0 and tok.i - j < 3 and doc[j - 1].is_title and not doc[j - 1].lower_ in TITLES:
            j -= 1
        if tok.i - j >= 2:
            spans.append(doc[j:tok.i])
    return spans


SITE_END = {"square", "avenue", "street", "road", "plaza", "hospital", "hotel", "station", "cathedral",
            "mosque", "church", "stadium", "highway", "boulevard", "bridge", "airport", "park", "tower",
            "facility", "prison", "jail", "penitentiary", "courthouse", "bay", "island", "islands", "corner",
            "beach", "harbour", "harbor", "valley", "lake", "river", "creek", "mall"}
BODY_WORDS = {"university", "college", "school", "department", "ministry", "office", "council", "committee",
              "administration", "commission", "agency", "bureau", "service", "company", "corporation",
              "association", "party", "bank", "police", "court", "institute", "foundation", "center", "centre", "group", "club", "news",
              "prize", "award", "inc", "inc.", "ltd", "ltd.", "farms", "times", "airline", "airlines",
              "airways", "rescue", "laboratory", "laboratories", "patrol", "companies", "organisation",
              "organization", "trust"}
# Legislatures: bodies too, named after the word ("House of Commons", "Michigan House").
LEGISLATURES = {"house", "parliament", "senate", "congress", "assembly", "commons", "lords"}
# Words that end a body's name before the field it is for ("World Organisation for Animal Health").
FIELD_BODIES = BODY_WORDS - {"prize", "award"} | {
    "organisation", "organization", "organisations", "fund", "society", "coalition", "alliance", "union", "programme",
    "program", "network", "federation", "trust", "board", "centre", "forum", "league", "campaign", "partnership",
    "initiative", "authority"}

# Words that end the name of a body named for the people it stands for ("People's Army").
PEOPLES_BODIES = FIELD_BODIES | LEGISLATURES | {"army", "front", "units", "forces", "brigade", "brigades",
                                                "movement", "militia", "guard", "guards"}


COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
           "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east",
           "south-west"}


def _corrected(ent):
    if ent.label_ in ("PERSON", "ORG") and not ent.ent_id_ and _part_of_a_place(ent):
        return Span(ent.doc, ent.start, ent.end, label="LOC")     # "South London": a part of a place
    if ent.label_ != "PERSON" or ent.ent_id_:
        return ent
    words = [t.lower_ for t in ent if not t.is_punct]
    if not words:
        return None
    if words[-1] in SITE_END:
        return Span(ent.doc, ent.start, ent.end, label="FAC")
    # "Sputnik News", "David Geffen School of Medicine"; not "Richard Winger of Ballot Access
    # News", a person of a body.
    first = next((t for t in ent if t.lower_.rstrip(".") not in TITLES and t.lower_ not in TITLES), ent[0])
    named = words[:words.index("of")] if "of" in words and is_given_name(first.text) else words
    unnamed = not any(is_given_name(t.text) for t in ent)
    if unnamed and len(words) > 2 and words[1] == "of" and (words[0] in TITLES or words[0] in HEAD_TITLES) \
            and words[-1] in BODY_WORDS | LEGISLATURES:
        return None           # "Member of Parliament", "Speaker of the House": an office, no one
    if set(named) & BODY_WORDS or {named[0], named[-1]} & LEGISLATURES and unnamed:
        # "House of Commons", "Michigan House"; not "Speaker of the House Newt Gingrich"
        return Span(ent.doc, ent.start, ent.end, label="ORG")
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if after is not None and after.is_title and after.lower_ in BODY_WORDS and ent[-1].whitespace_ \
            and not after.ent_type_ and all(t.is_title for t in ent):
        return Span(ent.doc, ent.start, ent.end + 1, label="ORG")     # "Aam Aadmi | Party": the body's name
    if len(words) == 1 and is_common_word(words[0]) and not ent.text.isupper():
        return None
    if any(c.isdigit() for c in ent.text):
        return None           # no one's name holds a digit ("COVID-19", "Rs.200", "Cox A16")
    return ent


def _part_of_a_place(ent) -> bool:
    """A compass word before a town of MAJOR_TOWN people or more ("South London")."""
    return len(ent) > 1 and ent[0].lower_ in COMPASS and any(
        h.how == 0 and h.place.population >= MAJOR_TOWN for h in gazetteer().lookup(ent[1:].text))


def model_label(nlp: Language) -> str:
    return label(nlp.meta)


@functools.cache
def load(model: str = "") -> Language:
    """The pipeline named by `model` (a package name or a folder), ready for extraction."""
    name = model or str(DEFAULT_MODEL)
    # The build runs in parallel by process (--jobs), so each process keeps to one BLAS
    # thread; and numpy's BLAS multiplies the model's small matrices about three times
    # faster than blis, thinc's default, which makes extraction about a third faster.
    threadpool_limits(1, user_api="blas")
    try:
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(name, exclude=["lemmatizer"])
    except OSError as exc:
        raise ModelError(f"language model {name!r} cannot be loaded ({exc}); "
                         f"run 'make model' or name an installed spaCy pipeline with --model")
    if nlp.meta.get("lang") != "en":
        raise ModelError(f"language model {name!r} is not English; name an English spaCy pipeline")
    if "tagger" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names:
        # Our tagger predicts PTB tags; the extractors read universal POS.
        nlp.add_pipe("ptb_to_upos", after="tagger")
    first = "parser" if "parser" in nlp.pipe_names else nlp.pipe_names[0]
    nlp.add_pipe("paragraph_sentences", before=first)
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(_patterns())
    nlp.add_pipe("person_rules", after="ner")
    return nlp


def _patterns() -> list[dict]:
    patterns = []
    for actor in known_actors():
        label = "PERSON" if actor.type == "person" else "ORG"
        for form in [actor.name, *actor.aliases]:
            if form not in AMBIGUOUS:
                patterns.append({"label": label, "pattern": form, "id": actor.name})
    gaz = gazetteer()
    for place in gaz.countries.values():
        patterns.append({"label": "LOC", "pattern": place.name})
    for row in tsv("country_aliases.tsv"):
        patterns += [{"label": "LOC", "pattern": alias} for alias in row[1:] if alias not in AMBIGUOUS]
    return patterns
