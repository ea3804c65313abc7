"""Training-data augmentation for headline casing: Title Case and ALL CAPS variants.

News text arrives with Title Case headlines ("Car Bomb Kills Dozens At Military Base")
and ALL CAPS datelines ("KABUL, Aug 3 (Reuters) -"), where capital letters say
nothing about names; the corpora have almost none. A share of the training examples
is shown a second time with its first sentence title-cased, or its first words (a
dateline) or the whole sentence upper-cased, with the same annotation, so the model
learns names from their context and not from their capitals alone.

Loaded by `spacy train --code model/augment.py` (the Makefile's `model` target). The
shipped recipe (config.cfg) does not use it: a retrain with it (in config.cfg, replace
`augmenter = null` by a `[corpora.train.augmenter]` section with
`@augmenters = "briefing.headline_case.v1"` and `level = 0.3`) did better on the public
gold but worse on the dev set; see the model card.
"""
from __future__ import annotations

import random
from typing import Iterator

from spacy.language import Language
from spacy.training import Example
from spacy.training.augment import _doc_to_biluo_tags_with_partial
from spacy.util import registry

SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with"}


def _variant(nlp: Language, example: Example, cased: list[str]) -> Example:
    data = example.to_dict()
    data["doc_annotation"]["entities"] = _doc_to_biluo_tags_with_partial(example.reference)
    data["token_annotation"]["ORTH"] = cased
    text = "".join(w + t.whitespace_ for w, t in zip(cased, example.reference))
    return example.from_dict(nlp.make_doc(text), data)


def _first_sentence_end(example: Example) -> int:
    ref = example.reference
    for token in ref[1:]:
        if token.is_sent_start:
            return token.i
    return len(ref)


@registry.augmenters("briefing.headline_case.v1")
def create_headline_case_augmenter(level: float) -> callable:
    def augment(nlp: Language, example: Example) -> Iterator[Example]:
        yield example
        if random.random() >= level or not len(example.reference):
            return
        words = [t.text for t in example.reference]
        end = _first_sentence_end(example)
        choice = random.random()
        if choice < 0.5:        # a Title Case headline
            cased = [w[:1].upper() + w[1:] if (i == 0 or w.lower() not in SMALL_WORDS) and w[:1].isalpha()
                     else w for i, w in enumerate(words[:end])] + words[end:]
        elif choice < 0.8:      # an ALL CAPS dateline: the first one to three words
            n = random.randint(1, 3)
            cased = [w.upper() for w in words[:n]] + words[n:]
        else:                   # a shouted first sentence
            cased = [w.upper() for w in words[:end]] + words[end:]
        if cased != words:
            yield _variant(nlp, example, cased)

    return augment
