"""Small helpers shared by the extractors: evidence spans and name clean-up."""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..briefing import Evidence
from .lexicon import is_given_name, is_surname

TITLE_WORDS = {
    "president", "vice", "minister", "prime", "commander", "leader", "chief", "general", "gen.",
    "spokesperson", "spokesman", "spokeswoman", "secretary", "envoy", "ambassador", "mayor",
    "governor", "head", "director", "king", "queen", "prince", "emir", "sheikh", "ayatollah",
    "senator", "representative", "chairman", "chairwoman", "colonel", "col.", "major", "captain",
    "lieutenant", "sergeant", "admiral", "marshal", "officer", "official", "founder", "deputy",
    "foreign", "defence", "defense", "interior", "supreme", "chancellor", "premier", "mr.", "mrs.",
    "ms.", "dr.", "sir", "lord", "judge", "justice", "pope", "cardinal", "imam", "cleric", "analyst",
    "correspondent", "editor", "reporter", "mp", "congressman", "congresswoman", "speaker",
    "attorney", "inspector", "superintendent", "commissioner", "assistant", "counter", "terrorism",
    "state", "of", "military", "security", "national", "peace", "police", "army", "force", "forces",
    "top", "senior", "former", "acting", "current", "incumbent", "outgoing", "interim", "provincial",
    "regional", "local", "rep.", "sen.", "gov.", "del.", "lt.", "maj.", "sgt.", "capt.", "adm.", "amb.",
    "rev.", "cmdr.", "professor", "prof.", "doctor", "councilor", "councillor", "councilman",
    "councilwoman", "assemblyman", "assemblywoman", "mufti", "taoiseach", "monsignor", "archbishop", "rabbi",
    "crown",
}
# A party written before a name is the person's side, no part of the name ("Republican Cory
# Gardner", "Labour MP Jess Phillips").
PARTY_WORDS = {"republican", "democrat", "democratic", "gop", "labour", "tory", "conservative", "liberal"}
HEAD_TITLES = {
    "president", "minister", "commander", "leader", "chief", "general", "spokesperson", "spokesman",
    "spokeswoman", "secretary", "envoy", "ambassador", "mayor", "governor", "head", "director",
    "king", "queen", "prince", "emir", "ayatollah", "senator", "chairman", "colonel", "captain",
    "admiral", "officer", "official", "chancellor", "premier", "judge", "pope", "imam", "cleric",
    "analyst", "correspondent", "editor", "reporter", "commissioner", "superintendent", "sheikh",
    "lieutenant", "sergeant", "major", "founder", "deputy", "speaker", "attorney", "inspector",
    "member",             # "Board Member Jennifer Homendy", "Council Member …"
    "doctor", "professor", "administrator", "prosecutor",
}
# Letters after a name: honours, ranks, seats ("Kama Melly QC", "Jane Doe OBE").
POSTNOMINALS = {"QC", "KC", "OBE", "MBE", "CBE", "KBE", "DBE", "MP", "MEP", "MSP", "PhD", "MD"}
OFFICE_ABBREVIATIONS = {"sen.", "rep.", "gov.", "del.", "lt."}   # "Vermont Sen. Bernie Sanders"
# Prefixes of a ship's name ("MV Alan Kurdi", "MT Stena Impero"): a vessel, nobody.
VESSEL_PREFIXES = {"MV", "MT", "MY", "SS", "HMS", "USS", "RMS", "HMAS", "HMCS", "INS"}
# Words that open a sentence before a name, capitalised there and no part of it ("Both
# Trump and Biden said", "Even China, Pyongyang's only ally, said", "From Israel, Secretary
# of State Mike Pompeo spoke"). Not "per": a given name ("Per Stig Møller").
LEADING_WORDS = {"both", "all", "each", "either", "neither", "several", "many", "some", "only", "even",
                 "from", "in", "at", "for", "with", "after", "before", "during", "under", "since", "unlike",
                 "despite", "among", "amid", "against", "without", "within", "across", "through", "toward",
                 "towards", "via", "upon", "beyond", "behind", "outside", "inside", "by", "to", "of", "into",
                 "on", "according", "born"}
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "president", "general", "gen", "prime", "minister",
              "sheikh", "ayatollah", "imam", "king", "queen", "prince", "emir", "colonel", "col",
              "captain", "lieutenant", "sergeant", "admiral", "senator", "judge", "pope",
              "commander", "chancellor", "governor", "mayor", "lord", "shahid", "monsenor", "monseñor"}


def doc_text(doc) -> str:
    """The document's text, computed once: spaCy joins every token on each `doc.text`."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


TERMINAL = re.compile(r"[.!?…:][\"'”’)\]]*$")


def sentences(doc) -> list[Span]:
    """The parser's sentences, rejoined where it split without a reason: no full stop
    (or ?, !, :) and no line break between ("Security | source: Moscow", "kills |
    Qasem Soleimani"). Whitespace-only pieces are dropped. Computed once per document."""
    spans = doc.user_data.get("sentences")
    if spans is None:
        text = doc_text(doc)
        bounds: list[list[int]] = []
        for sent in doc.sents:
            if not text[sent.start_char:sent.end_char].strip():
                continue
            if bounds:
                before = text[doc[bounds[-1][0]].idx:sent.start_char]
                words = before.rstrip()
                if "\n" not in before[len(words):] and not TERMINAL.search(words):
                    bounds[-1][1] = sent.end
                    continue
            bounds.append([sent.start, sent.end])
        spans = doc.user_data["sentences"] = [doc[a:b] for a, b in bounds]
    return list(spans)


def span_text(span: Span) -> str:
    """A span's text sliced from the document's: `Span.text` joins its tokens each time."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def whole_word_matches(text: str, form: str):
    """Start and end of each occurrence of `form` not inside a longer word
    ("Iran" not in "Iranian"); plain searching, no regex to compile per name."""
    start = text.find(form)
    while start >= 0:
        end = start + len(form)
        if not (start and (text[start - 1].isalnum() or text[start - 1] == "-")) \
                and not (end < len(text) and (text[end].isalnum() or text[end] == "-")):
            yield start, end
        start = text.find(form, end)


def evidence(text: str, start: int, end: int) -> Evidence:
    """An evidence span, trimmed of surrounding whitespace, pointing into `text`."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(text=text[start:end], start=start, end=end)


def span_evidence(span: Span) -> Evidence:
    return evidence(doc_text(span.doc), span.start_char, span.end_char)


def sentence_evidence(span: Span) -> Evidence:
    return span_evidence(span.sent)


def opens_sentence(doc, j: int) -> bool:
    """Whether a sentence or paragraph begins at token j, by the punctuation: the parser
    of a small model breaks sentences inside a title ("Secretary | General | Ban Ki-moon",
    "Vermont | Sen. | Bernie Sanders")."""
    if j == 0:
        return True
    before = doc[j - 1]
    return before.is_space or "\n" in before.whitespace_ or before.text in (".", "!", "?", ":", ";") \
        or before.text in ("\"", "”", "“") and doc[j].is_sent_start


def clean_name(text: str) -> str:
    """A name as written, without a leading article, possessive or stray punctuation."""
    text = " ".join(text.replace("’", "'").split())
    text = re.sub(r"^(the|The|THE)\s+", "", text)
    text = re.sub(r"'s?$", "", text)
    return text.strip(" ,.;:-–—\"'()[]")


def strip_titles(name: str, gaz=None) -> tuple[str, str]:
    """Split leading titles off a person's name.

    'Israeli Prime Minister Benjamin Netanyahu' → ('Benjamin Netanyahu', 'Israeli Prime Minister').
    """
    words = name.split()
    i = 0
    while i < len(words) - 1:
        of = "of" in (w.lower() for w in words[:i])
        # An initial is part of the name ("J. R. Myers"), and so is a given name that is also
        # a group's adjective, of no country, before a surname ("Christian Keysers").
        demonym = gaz is not None and gaz.is_demonym(words[i]) and not (
            i == 0 and len(words) == 2 and is_given_name(words[0]) and not gaz.country_of_demonym(words[0]))
        acronym = words[i].isupper() and not re.fullmatch(r"[A-Z]\.", words[i]) and i + 2 < len(words)
        nxt = words[i + 1]
        party = words[i].lower() in PARTY_WORDS and (_is_title(nxt) or is_given_name(nxt) or is_surname(nxt))
        if _is_title(words[i]) or party or not of and (demonym or acronym) \
                or words[i].lower() == "the" and i and words[i - 1].lower() == "of":
            # "Secretary of the Treasury …" up to what the title is of; after "of" a demonym
            # is of that ("President of the European Council" names no one)
            i += 1
            continue
        if not of and gaz is not None and i + 2 < len(words) and gaz.is_demonym(" ".join(words[i:i + 2])):
            i += 2        # "Sri Lankan Prime Minister …", "South African President …"
            continue
        # The place a title is of, written before it ("Vermont Sen. Bernie Sanders", "New
        # York Gov. Andrew Cuomo").
        n = next((n for n in (1, 2, 3) if i + n < len(words) - 1 and _heads_title(words[i + n])
                  and words[i + n + 1][:1].isupper() and gaz is not None and gaz.lookup(" ".join(words[i:i + n]), regions_only=True)), 0)
        if not n and all(_is_title(w) for w in words[:i]):
            # The portfolio or body a title is of, written before it ("Health Minister Tony
            # Ryall", "House Speaker Nancy Pelosi", "Detective Inspector Steven Jones", after a
            # title: "Deputy Emergency Situations Minister …"), before a name of two words or more.
            n = next((n for n in (1, 2, 3) if i + n + 2 < len(words) and _heads_title(words[i + n])
                      and all(re.fullmatch(r"[A-Z][a-z]+", w) and not _heads_title(w) for w in words[i:i + n])
                      and all(w[:1].isupper() for w in words[i + n + 1:])), 0)
            if n:
                n += 1
        if not n:
            break
        i += n
    return " ".join(words[i:]), " ".join(words[:i])


def _is_title(word: str) -> bool:
    word = re.sub(r"^(?:ex|former)-", "", word.lower())     # "Ex-Prime Minister"
    return word.rstrip(".") in HONORIFICS or word in TITLE_WORDS


def _heads_title(word: str) -> bool:
    """A word that opens an office ("Sen.", "Governor", "Attorney"), not one that only
    continues it ("of", "national")."""
    return word.lower().rstrip(".") in HONORIFICS or word.lower() in HEAD_TITLES or word.lower() in OFFICE_ABBREVIATIONS
