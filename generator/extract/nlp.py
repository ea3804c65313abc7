"""Load the language pipeline once, with the project's knowledge added to it.

The default is the compact English pipeline trained by ``make model`` and shipped in
``generator/models/``; any installed spaCy pipeline (``en_core_web_trf``) or a path
can be named instead with ``--model``.
"""
from __future__ import annotations

import functools
import logging
from pathlib import Path

import spacy
from spacy.language import Language

from ..errors import ModelError
from ..modelinfo import DEFAULT_MODEL, label
from .tagmap import TAG_MAP
from .gazetteer import COUNTRY_ALIASES, gazetteer, known_actors

log = logging.getLogger(__name__)

# Aliases too ambiguous to match on their own ("IS" in a headline, "AP" in an address).
AMBIGUOUS = {"IS", "AP", "the Met", "Wagner", "SAA", "WHO", "Gaza", "America"}


@Language.component("paragraph_sentences")
def paragraph_sentences(doc):
    """A line break always ends a sentence: headlines and paragraphs never run together."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if prev.is_space and "\n" in prev.text:
            token.is_sent_start = True
    return doc


def model_label(nlp: Language) -> str:
    return label(nlp.meta)


@functools.cache
def load(model: str = "") -> Language:
    """The pipeline named by `model` (a package name or a folder), ready for extraction."""
    name = model or str(DEFAULT_MODEL)
    try:
        nlp = spacy.load(name, exclude=["lemmatizer"])
    except OSError as exc:
        raise ModelError(f"language model {name!r} cannot be loaded ({exc}); "
                         f"run 'make model' or name an installed spaCy pipeline with --model")
    if nlp.meta.get("lang") != "en":
        raise ModelError(f"language model {name!r} is not English; name an English spaCy pipeline")
    if "tagger" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names:
        # Our tagger predicts PTB tags; the extractors read universal POS.
        ruler = nlp.add_pipe("attribute_ruler", after="tagger")
        for tag, pos in TAG_MAP.items():
            ruler.add([[{"TAG": tag}]], {"POS": pos})
    first = "parser" if "parser" in nlp.pipe_names else nlp.pipe_names[0]
    nlp.add_pipe("paragraph_sentences", before=first)
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(_patterns())
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
    for alias in COUNTRY_ALIASES:
        if alias not in AMBIGUOUS:
            patterns.append({"label": "LOC", "pattern": alias})
    return patterns
