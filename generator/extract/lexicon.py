"""Word lists the rules consult (built by model/lexicon.py from the open corpora)."""
from __future__ import annotations

import functools
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


@functools.cache
def _table(name: str) -> dict[str, str]:
    """word → its note (the second column, if any)."""
    out = {}
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, _, note = line.partition("\t")
            out[word.strip()] = note.strip()
    return out


def _words(name: str) -> dict[str, str]:
    return _table(name)


def is_common_word(word: str) -> bool:
    """Written in lower case in ordinary text ("march", "mobile", "union")."""
    return word.lower() in _words("common_words.txt")


def is_given_name(word: str) -> bool:
    """The first word of people's names ("Harvey", "David")."""
    return word.lower() in _words("given_names.txt")


def is_surname(word: str) -> bool:
    """One of the commonest surnames ("Harris", "Clinton")."""
    return word.lower() in _words("surnames.txt")


def given_name_gender(word: str) -> str:
    """"m" or "f" when most people of the census with this given name are men or women."""
    return _table("given_names.txt").get(word.lower(), "")
