"""Score the name layer end to end on the held-out documents of the training corpora.

usage: python model/eval_names.py ../shared/corpora

The model card's held-out table scores the recogniser alone, span by span. This scores
what a briefing keeps: each held-out document (one in ten, as `convert.py` holds them
out) goes through the whole extractor, and its named people and bodies are looked for
among the actors, its named places among the locations (or the state actors). A name
is found when an actor's or a place's name or alias equals it or holds it as whole
words ("Putin" ~ "Vladimir Putin"), as the briefing gold is scored. Precision counts
actors and places that are no name of the document; MEANTIME marks only some names,
so it gives recall only.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from convert import corpus_docs, held_out  # noqa: E402

from generator.article import Article  # noqa: E402
from generator.extract import Extractor  # noqa: E402

HEADLINE = "Held-out document\n\n"


def words(name: str) -> list[str]:
    return re.findall(r"\w+", name.lower())


def names_match(a: str, b: str, person: bool) -> bool:
    ta, tb = words(a), words(b)
    if not ta or not tb:
        return False
    short, long = sorted((ta, tb), key=len)
    if any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1)) and len(short) >= 2:
        return True
    return ta == tb or person and len(short) == 1 and short[0] == long[-1]


def score(extractor: Extractor, doc, counts: Counter, precision: bool) -> None:
    text = HEADLINE + doc.text
    article = Article(path="held-out.txt", slug="held-out", title=HEADLINE.strip(), text=text, body=text,
                      sha256="0" * 64, headline=(0, len(HEADLINE.strip())))
    briefing = extractor.extract(article)
    gold: dict[str, str] = {}
    for ent in doc.ents:
        gold.setdefault(ent.text.strip(" ."), ent.label_)
    actors = [([a.name, *a.aliases], a.type) for a in briefing.actors]
    places = [[p.name, *p.aliases] for p in briefing.locations]
    for name, label in gold.items():
        if label == "LOC":
            forms = [f for fs in places for f in fs] + [f for fs, t in actors if t == "state" for f in fs]
        else:
            forms = [f for fs, _ in actors for f in fs]
        counts[f"gold {label}"] += 1
        counts[f"found {label}"] += any(names_match(f, name, label == "PERSON") for f in forms)
    if precision:
        for forms, kind in actors:
            counts["actors"] += 1
            counts["actors right"] += any(names_match(f, g, kind == "person") for f in forms for g in gold)
        for forms in places:
            counts["places"] += 1
            counts["places right"] += any(names_match(f, g, False) for f in forms for g in gold)


def main(corpora: Path) -> None:
    extractor = Extractor()
    print("| corpus | docs | people found | bodies found | places found | actors right | places right |")
    print("|---|---|---|---|---|---|---|")
    for name, all_docs in corpus_docs(corpora).items():
        docs = [d for i, d in enumerate(all_docs) if held_out(i)]
        counts: Counter = Counter()
        for doc in docs:
            score(extractor, doc, counts, precision=name != "meantime")

        def share(part: str, whole: str) -> str:
            return f"{counts[part] / counts[whole]:.2f} ({counts[part]}/{counts[whole]})" if counts[whole] else "–"
        print(f"| {name} | {len(docs)} | {share('found PERSON', 'gold PERSON')} | {share('found ORG', 'gold ORG')} "
              f"| {share('found LOC', 'gold LOC')} | {share('actors right', 'actors')} "
              f"| {share('places right', 'places')} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
