"""Build the word lists the place and name rules consult, from the open corpora.

- common_words.txt: words the corpora write in lower case at least three times
  ("march", "mobile", "union"): a capitalised one may be an ordinary word, so as a
  place it needs evidence ("in Mobile") beyond its capital letter;
- given_names.txt: first words of people's names in the annotated corpora ("Harvey",
  "Georgia") that the corpora do not write in lower case (not the "President" of
  "President Obama"), and the commonest given names of the 1990 US census (public domain; read
  from the `names` package when it is installed), with the sex the census gives most
  bearers of each ("m", "f"): before another capitalised word they start a person's
  name rather than a place's, and they tell "he" from "she" in quote attribution;
- surnames.txt: the commonest surnames of the same census ("Harris", "Clinton"): a
  capitalised word that is one needs evidence to be read as a town.

Texts: Wikinews (CC BY 2.5), GUM, wikigold, MEANTIME (CC BY 4.0), re3d (see each
licence); the lists are word counts, not text. Run by `make lexicon`; the lists
are committed in generator/data/.

usage: python model/lexicon.py CORPORA_DIR OUT_DIR
"""
from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from convert import gum_docs, meantime_docs, re3d_docs, wikigold_docs  # noqa: E402

WORD = re.compile(r"[A-Za-z][a-z'-]*[a-z]|[a-z]")
MIN_LOWER = 3
MIN_GIVEN = 1
CENSUS_GIVEN = 0.004     #: per cent of people bearing a given name, at least
CENSUS_SURNAMES = 3000   #: the commonest surnames


def census(name: str) -> list[tuple[str, float]]:
    """Rows (name, per cent) of a census file of the `names` package, if installed."""
    try:
        import names
    except ImportError:
        return []
    path = Path(names.__file__).parent / name
    rows = []
    for line in path.read_text(encoding="ascii").splitlines():
        cols = line.split()
        if len(cols) >= 2:
            rows.append((cols[0].lower(), float(cols[1])))
    return rows


def texts(corpora: Path):
    for path in sorted((corpora / "wikinews").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        yield re.sub(r"\A---.*?\n---\n", "", text, flags=re.S)
    for path in sorted((corpora / "gum").glob("*.conllu")):
        yield " ".join(line.split("\t")[1] for line in path.read_text(encoding="utf-8").splitlines()
                       if line and not line.startswith("#") and line.split("\t")[0].isdigit())
    with (corpora / "meantime" / "conll.csv").open(encoding="utf-8") as f:
        yield " ".join(row["token"] for row in csv.DictReader(f))
    for line in (corpora / "wikigold" / "wikigold.conll.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("-DOCSTART-"):
            yield line.rsplit(" ", 1)[0]
    for folder in sorted(p for p in (corpora / "re3d").iterdir() if p.is_dir()):
        for line in (folder / "documents.json").read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)["text"]


def person_docs(corpora: Path):
    yield from (d for p in sorted((corpora / "gum").glob("*.conllu")) for d in gum_docs(p))
    yield from wikigold_docs(corpora / "wikigold" / "wikigold.conll.txt")
    yield from (d for f in sorted((corpora / "re3d").iterdir()) if f.is_dir() for d in re3d_docs(f))
    yield from meantime_docs(corpora / "meantime" / "conll.csv")


def main(corpora: Path, out: Path) -> None:
    lower = Counter()
    for text in texts(corpora):
        lower.update(w for w in WORD.findall(text) if w.islower())
    common = sorted(w for w, n in lower.items() if n >= MIN_LOWER and len(w) > 1)
    given = Counter()
    for doc in person_docs(corpora):
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) >= 2 and ent[0].text.isalpha() and ent[0].text[:1].isupper():
                given[ent[0].text.lower()] += 1
    ordinary = set(common)     # a title or a word before a name ("President", "Foreign"), no given name
    gender: dict[str, str] = {w: "" for w, n in given.items() if n >= MIN_GIVEN and len(w) > 2 and w not in ordinary}
    share: dict[str, dict[str, float]] = {}
    for file, sex in (("dist.male.first", "m"), ("dist.female.first", "f")):
        for w, pct in census(file):
            share.setdefault(w, {})[sex] = pct
            if pct >= CENSUS_GIVEN and len(w) > 2:
                gender.setdefault(w, "")
    for w, by_sex in share.items():
        if w in gender:
            m, f = by_sex.get("m", 0.0), by_sex.get("f", 0.0)
            gender[w] = "m" if m > 4 * f else "f" if f > 4 * m else ""
    names = [f"{w}\t{gender[w]}" if gender[w] else w for w in sorted(gender)]
    surnames = sorted(w for w, _ in census("dist.all.last")[:CENSUS_SURNAMES] if len(w) > 2)
    header = ("# Built by model/lexicon.py from the open corpora in ../shared/corpora "
              "(Wikinews CC BY 2.5; GUM, wikigold, MEANTIME CC BY 4.0; re3d per folder).\n")
    (out / "common_words.txt").write_text(header + "\n".join(common) + "\n", encoding="utf-8")
    census_note = "# Census name lists: 1990 US Census (public domain), via the `names` package.\n"
    (out / "given_names.txt").write_text(header + census_note + "\n".join(names) + "\n", encoding="utf-8")
    if surnames:
        (out / "surnames.txt").write_text(census_note + "\n".join(surnames) + "\n", encoding="utf-8")
    print(f"{len(common)} common words, {len(names)} given names, {len(surnames)} surnames")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
