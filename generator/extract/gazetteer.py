"""Well-known actors: the knowledge a small model cannot learn, as data (data/actors.yaml)."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..geo import Gazetteer, Place, gazetteer, norm

DATA = Path(__file__).resolve().parent.parent / "data"
__all__ = ["Gazetteer", "KnownActor", "Place", "actor_key", "gazetteer", "known_actors", "norm"]

# One name in British and American spelling ("World Health Organisation"): the key folds them.
# Not "Labour"/"Labor": two parties.
SPELLINGS = {"organisation": "organization", "organisations": "organizations", "centre": "center",
             "centres": "centers", "defence": "defense", "programme": "program"}


@dataclass
class KnownActor:
    name: str
    type: str
    affiliation: str = ""
    aliases: list[str] = field(default_factory=list)


def actor_key(form: str) -> str:
    """The key one actor's forms share: `norm`, with British spellings made American."""
    return " ".join(SPELLINGS.get(w, w) for w in norm(form).split())


@functools.cache
def known_actors() -> list[KnownActor]:
    entries = yaml.safe_load((DATA / "actors.yaml").read_text(encoding="utf-8"))
    return [KnownActor(e["name"], e["type"], e.get("affiliation", ""), e.get("aliases", [])) for e in entries]


@functools.cache
def known_actor_forms() -> frozenset[str]:
    """Every name and alias of a known actor, normalised."""
    return frozenset(norm(f) for a in known_actors() for f in [a.name, *a.aliases])
