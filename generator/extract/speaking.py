"""People whom only their quotes reveal: a speaker the name layer missed is an actor too.

The recogniser misses some people ("Fredys Cerrato, Trade Minister of Honduras called on
…"), but the quote rules find them beside their verb of saying. A speaker written as a
person's name (two to four capitalised words, none a body's, a title's or a document's
word, the whole no place) that no actor holds becomes a person. A surname alone does so
by the full name the text writes it in ("Indonesia's health minister, Siti Fadilah
Supari" for "Supari, …, stated").
"""
from __future__ import annotations

import re

from ..briefing import Actor, Quote
from ..geo import norm
from .attribution import DOCUMENTS, PERSON_NOUNS, WRITINGS
from .gazetteer import Gazetteer
from .lexicon import is_common_word, is_given_name, is_surname
from .nlp import BODY_WORDS, LEGISLATURES
from .spans import TITLE_WORDS, evidence, whole_word_matches

# One word of a name: capitalised, maybe hyphenated or with an inner apostrophe ("Man-kei",
# "Mung'ou"), never a possessive ("Fishmongers'").
NAME_WORD = r"[A-Z][\w.-]*(?:['’][a-z]+)?"
AGE = re.compile(r"\d|-years?-old$", re.I)      # "Fifteen-year-old Robert"
NOT_IN_NAMES = BODY_WORDS | LEGISLATURES | PERSON_NOUNS | DOCUMENTS | WRITINGS | TITLE_WORDS


def speaking_people(text: str, quotes: list[Quote], actors: list[Actor], places: set[str],
                    gaz: Gazetteer) -> list[Actor]:
    """The people that speak in `quotes` whom no actor holds, as new person actors."""
    quoted = [(e.start, e.end) for q in quotes for e in q.evidence]
    known = [norm(form).split() for a in actors for form in (a.name, *a.aliases)]
    found: dict[str, Actor] = {}
    for quote in quotes:
        name = _untitled(_full_name(text, quote.speaker, quoted) if len(quote.speaker.split()) == 1 else quote.speaker)
        if not name or name in found or not _person_name(name, places, gaz) or _held(norm(name).split(), known):
            continue
        spans = [(s, e) for s, e in whole_word_matches(text, name) if not _inside(quoted, s)]
        if spans:
            found[name] = Actor(name=name, type="person", mentions=len(spans), key=len(spans) >= 3,
                                evidence=[evidence(text, s, e) for s, e in spans])
    return list(found.values())


def _person_name(name: str, places: set[str], gaz: Gazetteer) -> bool:
    words = name.split()
    return 2 <= len(words) <= 4 and all(re.fullmatch(NAME_WORD, w) for w in words) \
        and not any(_not_in_names(w) for w in words) \
        and not any(gaz.is_demonym(w) for w in words) \
        and name not in places and not gaz.lookup(name)


def _untitled(name: str) -> str:
    """The name after the last word no name holds: a title, a body's word or an ordinary
    word ("Broadcaster Piers Morgan", "Amnesty International Man-kei Tam")."""
    words = name.split()
    ordinary = [k for k, w in enumerate(words) if _not_in_names(w) or AGE.search(w) or is_common_word(w.lower())
                and not is_given_name(w) and not (k == len(words) - 1 and is_surname(w))]
    return " ".join(words[ordinary[-1] + 1:] if ordinary else words)


def _not_in_names(word: str) -> bool:
    return word.lower() in NOT_IN_NAMES or word.lower().rstrip(".") in NOT_IN_NAMES


def _full_name(text: str, surname: str, quoted: list[tuple[int, int]]) -> str:
    """The first name of several words outside the quotes that ends in `surname`."""
    if not re.fullmatch(NAME_WORD, surname):
        return ""
    for m in re.finditer(r"((?:%s\s+){1,3})%s\b" % (NAME_WORD, re.escape(surname)), text):
        if not _inside(quoted, m.start()) and "\n" not in m.group(1):
            return " ".join(m.group(0).split())
    return ""


def _held(tokens: list[str], known: list[list[str]]) -> bool:
    """An actor's form is the name, holds it, or lies in it; or shares its surname."""
    for form in known:
        if not form:
            continue
        short, long = sorted((tokens, form), key=len)
        if any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1)) \
                or len(form) > 1 and form[-1] == tokens[-1]:
            return True
    return False


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)
