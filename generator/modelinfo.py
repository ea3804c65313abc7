"""Which language model a build uses, read from its meta.json without loading spaCy.

Kept apart from the extractors so that a build with nothing to extract (the common
case) starts in a fraction of a second.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

DEFAULT_MODEL = Path(__file__).resolve().parent / "models" / "en_briefing"


def label(meta: dict) -> str:
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')} {meta.get('version', '')}".strip()


@functools.cache
def model_id(model: str = "") -> str:
    """The model's name and version, e.g. 'en_briefing 1.0.0'."""
    name = model or str(DEFAULT_MODEL)
    try:
        if Path(name).exists():
            path = Path(name)
        else:
            import spacy.util   # an installed package: only spaCy knows where it lives
            path = spacy.util.get_package_path(name)
        return label(json.loads((Path(path) / "meta.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, ImportError):
        return name
