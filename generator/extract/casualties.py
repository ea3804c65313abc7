"""How many were killed and injured, when the text says so in numbers.

"at least 20 people were killed", "killed twelve and injured twelve more", "35 bodies",
"claimed 190 were dead", "the death toll rose to 39", "no casualties", and how many were
arrested ("at least 71 people were arrested"): numbers written in figures or words.
"Dozens" or "many" give no number.
"""
from __future__ import annotations

import re

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
         "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+|(?:%s)(?:[- ](?:%s))?)" % ("|".join(UNITS), "|".join(UNITS))
PEOPLE = (r"(?:(?:more\s+)?(?:people|persons|civilians|soldiers|troops|police(?:men)?|officers|officials|militants|"
          r"fighters|rebels|children|women|men|students|workers|members|passengers|residents|villagers|"
          r"security\s+personnel|personnel|others|pilgrims|worshippers|protesters|guards|staff|crew)\b\s*)?")
# "six aid workers in South Sudan were killed": where they were, between who and the verb.
WHERE = r"(?:(?:in|from|of|at|near)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3})?"
KILLED = [
    rf"(?:at least|some|about|around|nearly|almost|over|more than)?\s*(?P<n>{NUMBER})\s+(?:(?!and\b|or\b|but\b)\w+\s+){{0,3}}?{PEOPLE}"
    rf"{WHERE}(?:were|have been|had been|was|are|being)?\s*(?:all\s+)?(?:killed|dead|died|slain|murdered|massacred|executed|shot dead|"
    rf"stabbed to death|beheaded|lost their lives)",
    rf"(?:killed|killing|kills|kill)\s+(?:at least|some|about|around|nearly|more than)?\s*(?P<n>{NUMBER})\b",
    rf"(?:death toll|toll)\s+(?:rose|climbed|increased|stood|stands|reached|is|was|of|has risen)?\s*(?:to|at)?\s*"
    rf"(?:at least\s+)?(?P<n>{NUMBER})\b",
    rf"(?P<n>{NUMBER})\s+(?:dead|deaths|bodies|fatalities)\b",
    rf"claimed\s+(?P<n>{NUMBER})\s+(?:were dead|lives|deaths)",
    rf"(?:deaths|lives) of\s+(?P<n>{NUMBER})\b",
]
INJURED = [
    rf"(?:at least|some|about|around|nearly|more than)?\s*(?P<n>{NUMBER})\s+(?:(?!and\b|or\b|but\b)\w+\s+){{0,2}}?{PEOPLE}"
    rf"(?:were|have been|had been|was|are)?\s*(?:injured|wounded|hurt|hospitali[sz]ed)",
    rf"(?:injur\w+|wound\w+|hurt)\s+(?:at least|some|about|around|nearly|more than)?\s*(?P<n>{NUMBER})\b",
]
# "Two soldiers and 16 gunmen were killed": the parts of one toll, added up.
PARTS_KILLED = re.compile(
    rf"(?P<a>{NUMBER})\s+(?:\w+\s+){{0,2}}?and\s+(?P<b>{NUMBER})\s+(?:\w+\s+){{0,2}}?"
    rf"(?:were|have been|had been)\s+(?:all\s+)?(?:killed|shot dead|slain)\b", re.I)
# "kills photojournalist, at least five others", "killed the mayor and four others": the one
# named and the others, added up.
ONE_AND_OTHERS = re.compile(
    rf"\b(?:killed|killing|kills|kill)\s+(?:(?!and\b)[\w'’.-]+\s+){{0,3}}?(?!and\b)[\w'’.-]+"
    rf"(?:,\s*(?:and\s+)?|\s+and\s+)"
    rf"(?:at least\s+)?(?P<n>{NUMBER})\s+others\b|"
    # "five other civilians also died": five besides the one the text told of.
    rf"\b(?P<m>{NUMBER})\s+other\s+(?:[\w-]+\s+){{0,3}}?also\s+(?:died|were\s+killed)\b", re.I)
NONE = re.compile(r"\bno (?:casualties|one was (?:killed|hurt|injured)|deaths|fatalities|injuries)\b|"
                  r"\bproduced no casualties\b|\bwithout casualties\b|\bno (?:Coalition |)troops were injured\b", re.I)
HYPOTHETICAL = re.compile(r"\b(?:potential|enough|able|capable|could|would|might|may|can|threaten(?:ed|ing)?|"
                          r"plan(?:ned|ning)?|intend(?:ed|ing)?|tried|trying|attempt(?:ed|ing)?)\s+(?:\w+\s+)?"
                          r"(?:to\s+|of\s+)?(?:kill(?:ed|ing)?|injur(?:e|ed|ing)|wound(?:ed|ing)?|hurt)\b", re.I)
ARRESTED = [
    rf"(?:at least|some|about|around|nearly|more than|over)?\s*(?P<n>{NUMBER})\s+(?:(?!and\b|or\b|but\b)\w+\s+){{0,2}}?"
    rf"{PEOPLE}(?:were|have been|had been|was|are)?\s*(?:arrested|detained|taken into custody)",
    rf"(?:arrested|detained)\s+(?:at least|some|about|around|nearly|more than|over)?\s*(?P<n>{NUMBER})\b",
]
KILLED_RX = [re.compile(p, re.I) for p in KILLED]
ARRESTED_RX = [re.compile(p, re.I) for p in ARRESTED]
INJURED_RX = [re.compile(p, re.I) for p in INJURED]


def number(text: str) -> int | None:
    text = text.lower().replace(",", "").strip()
    if text.isdigit():
        return int(text)
    parts = re.split(r"[- ]", text)
    if all(p in UNITS for p in parts):
        if len(parts) == 2 and parts[1] == "hundred":
            return UNITS[parts[0]] * 100
        return sum(UNITS[p] for p in parts)
    return None


def _counts(text: str, patterns: list[re.Pattern], parts: re.Pattern | None = None) -> list[int]:
    out, summed = [], []
    for m in parts.finditer(text) if parts else ():
        a, b = number(m.group("a")), number(m.group("b"))
        if a is not None and b is not None:
            out.append(a + b)
            summed.append((m.start(), m.end()))
    for rx in patterns:
        for m in rx.finditer(text):
            if any(start <= m.start("n") < end for start, end in summed):
                continue
            if HYPOTHETICAL.search(text, max(0, m.start() - 40), m.start("n")):
                continue        # "enough to kill about 1,400", "could kill 50": no one died
            if re.match(r"\s+(?:were|was)\s+(?:of|among)\b", text[m.end():m.end() + 20]):
                continue        # "six deaths were of children": a part of the toll, not the toll
            n = number(m.group("n"))
            # Years and times are no tolls: "killed in 2015", "at 4:00".
            if n is not None and not (1900 <= n <= 2100 and m.group("n").isdigit()) \
                    and not re.match(r"\s*(?::|a\.m|p\.m|percent|%|km|miles|years?|months?|days?|hours?)", text[m.end("n"):m.end("n") + 8]):
                out.append(n)
    return out


def killed(text: str) -> list[int]:
    """Every number of people the text says were killed (0 for "no casualties")."""
    others = [number(m.group("n") or m.group("m")) for m in ONE_AND_OTHERS.finditer(text)]
    found = [n + 1 for n in others if n is not None]
    found += [n for n in _counts(text, KILLED_RX, PARTS_KILLED) if not others]
    if not found and NONE.search(text):
        return [0]
    return found


def injured(text: str) -> list[int]:
    found = _counts(text, INJURED_RX)
    if not found and NONE.search(text):
        return [0]
    return found


def arrested(text: str) -> list[int]:
    """Every number of people the text says were arrested or detained."""
    return _counts(text, ARRESTED_RX)
