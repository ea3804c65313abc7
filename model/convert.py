"""Convert the openly licensed corpora in ../shared/corpora into spaCy training data.

Writes train.spacy and dev.spacy (one document in ten held out, per corpus) with
named-entity spans labelled PERSON, ORG and LOC. GUM also gives tags and
dependency trees, so the same pipeline learns to parse.

Partial annotation is kept partial: MEANTIME marks only entities that take part in
events, so its unmarked capitalised tokens are left *missing*, not "outside".
Nominal mentions ("rebels", "the country") are never entities.

usage: python model/convert.py CORPORA_DIR OUT_DIR
"""
from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

LABELS = {"person": "PERSON", "organization": "ORG", "place": "LOC",
          "PER": "PERSON", "ORG": "ORG", "LOC": "LOC",
          "Person": "PERSON", "Organisation": "ORG", "Location": "LOC"}
DETERMINERS = {"the", "a", "an", "The", "A", "An"}
CONNECTORS = {"of", "and", "for", "de", "al", "the", "&", "-", "'s", "on", "in", "bin"}

nlp = spacy.blank("en")


def is_name(words: list[str]) -> bool:
    """A span is a proper name when every word is capitalised or a connector."""
    words = [w for w in words if w]
    return bool(words) and words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w in CONNECTORS or not w[:1].isalpha() for w in words)


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and doc[start].text in DETERMINERS:
        start += 1
    while end > start and not doc[end - 1].text[:1].isalnum():
        end -= 1
    return start, end


def set_entities(doc: Doc, spans: list[tuple[int, int, str]], missing: list[int] = ()) -> Doc:
    """Set non-overlapping entities (longest first); tokens in `missing` stay unknown."""
    taken: set[int] = set()
    ents = []
    for start, end, label in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        start, end = trim(doc, start, end)
        if end <= start or taken.intersection(range(start, end)):
            continue
        taken.update(range(start, end))
        ents.append(Span(doc, start, end, label=label))
    unknown = [Span(doc, i, i + 1) for i in missing if i not in taken]
    doc.set_ents(ents, missing=unknown, default="outside")
    return doc


# --- GUM: CoNLL-U with Entity= brackets in MISC -----------------------------------

OPEN = re.compile(r"\((\d+)-([a-z]+)-([^)]*)(\))?(.*)")


def gum_docs(path: Path):
    sents = []
    block: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if block:
                sents.append(block)
            block = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                block.append(cols)
    words, spaces, tags, pos, heads, deps, starts = [], [], [], [], [], [], []
    open_ents: dict[str, tuple[int, str]] = {}
    spans = []
    for sent in sents:
        offset = len(words)
        for i, cols in enumerate(sent):
            idx = offset + i
            misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
            words.append(cols[1])
            spaces.append(misc.get("SpaceAfter") != "No")
            tags.append(cols[4])
            pos.append(cols[3])
            head = int(cols[6])
            heads.append(offset + head - 1 if head else idx)
            deps.append(cols[7].split(":")[0] if head else "ROOT")
            starts.append(i == 0)
            for part in re.split(r"(?=\()", misc.get("Entity", "")):
                m = OPEN.match(part)
                rest = part
                if m:
                    eid, etype = m.group(1), m.group(2)
                    if m.group(4):
                        spans.append((idx, idx + 1, etype))
                    else:
                        open_ents[eid] = (idx, etype)
                    rest = m.group(5)
                for eid in re.findall(r"(\d+)\)", rest):
                    if eid in open_ents:
                        start, etype = open_ents.pop(eid)
                        spans.append((start, idx + 1, etype))
    doc = Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, heads=heads,
              deps=deps, sent_starts=starts)
    named = []
    for start, end, etype in spans:
        if etype not in LABELS:
            continue
        span = doc[start:end]
        if span.root.pos_ == "PROPN" and span.root.tag_ != "NNPS" and is_name([t.text for t in span if t.text not in DETERMINERS]):
            named.append((start, end, LABELS[etype]))
    yield set_entities(doc, named)


# --- wikigold: CoNLL, one token per line, IO tags ---------------------------------

def wikigold_docs(path: Path):
    docs, words, tags = [], [], []
    def flush():
        if words:
            doc = Doc(nlp.vocab, words=list(words))
            spans, start = [], None
            for i, tag in enumerate(tags + ["O"]):
                label = LABELS.get(tag[2:]) if tag != "O" else None
                if start is not None and (label != cur or tag.startswith("B-")):
                    spans.append((start, i, cur))
                    start = None
                if label and start is None:
                    start, cur = i, label
            docs.append(set_entities(doc, spans))
        words.clear(); tags.clear()
    cur = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            flush(); continue
        if not line.strip():
            continue
        word, tag = line.rsplit(" ", 1)
        words.append(word); tags.append(tag)
    flush()
    return docs


# --- re3d: JSON lines with character offsets ---------------------------------------

def re3d_docs(folder: Path):
    entities = defaultdict(list)
    for line in (folder / "entities.json").read_text(encoding="utf-8").splitlines():
        if line.strip():
            e = json.loads(line)
            entities[e["documentId"]].append(e)
    for line in (folder / "documents.json").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        doc = nlp.make_doc(d["text"])
        spans = []
        for e in entities[d["_id"]]:
            label = LABELS.get(e["type"])
            span = doc.char_span(e["begin"], e["end"], alignment_mode="expand")
            if label and span is not None and is_name([t.text for t in span if t.text not in DETERMINERS]):
                spans.append((span.start, span.end, label))
        yield set_entities(doc, spans)


# --- MEANTIME: token CSV with coreference brackets; only event participants marked --

def meantime_docs(path: Path):
    by_doc: dict[str, list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            by_doc[row["topic/subtopic_name"]].append(row)
    for rows in by_doc.values():
        words = [r["token"] for r in rows]
        starts = [r["token_id"] == "0" for r in rows]
        doc = Doc(nlp.vocab, words=words, sent_starts=starts)
        spans, open_ = [], defaultdict(list)
        for i, r in enumerate(rows):
            for ref in r["reference"].split("|"):
                ref = ref.strip()
                if ref in ("", "-"):
                    continue
                chain = ref.strip("()")
                m = re.search(r"intra_([A-Z]+)", chain)
                if ref.startswith("("):
                    open_[chain].append(i)
                if ref.endswith(")") and open_[chain]:
                    start = open_[chain].pop()
                    if m and m.group(1) in LABELS and is_name(
                            [w for w in words[start:i + 1] if w not in DETERMINERS]):
                        spans.append((start, i + 1, LABELS[m.group(1)]))
        # Unmarked capitalised words may be entities MEANTIME chose not to mark.
        missing = [i for i, w in enumerate(words) if w[:1].isupper() and not starts[i]]
        yield set_entities(doc, spans, missing)


def corpus_docs(corpora: Path) -> dict[str, list[Doc]]:
    """Each corpus's documents, in a fixed order (the held-out ones are chosen by it)."""
    return {
        "gum": [d for p in sorted((corpora / "gum").glob("*.conllu")) for d in gum_docs(p)],
        "wikigold": list(wikigold_docs(corpora / "wikigold" / "wikigold.conll.txt")),
        "re3d": [d for f in sorted((corpora / "re3d").iterdir()) if f.is_dir() for d in re3d_docs(f)],
        "meantime": list(meantime_docs(corpora / "meantime" / "conll.csv")),
    }


def held_out(i: int) -> bool:
    """One document in ten is held out of training."""
    return i % 10 == 9


def main(corpora: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    train, dev = DocBin(store_user_data=False), DocBin(store_user_data=False)
    for name, docs in corpus_docs(corpora).items():
        held = DocBin()
        for i, doc in enumerate(docs):
            (dev if held_out(i) else train).add(doc)
            if held_out(i):
                held.add(doc)
        held.to_disk(out / f"dev-{name}.spacy")
        print(f"{name}: {len(docs)} docs, {sum(len(d) for d in docs)} tokens, "
              f"{sum(len(d.ents) for d in docs)} entities")
    train.to_disk(out / "train.spacy")
    dev.to_disk(out / "dev.spacy")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
