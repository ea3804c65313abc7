"""The summary: 3–5 key points, each a sentence of the article.

The lede is always the first point; further sentences are ranked by how many of
the briefing's key actors, places and threat triggers they carry, and kept in
article order so the points read as a story.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..briefing import Actor, Location, Threat
from .spans import sentences

MAX_POINTS = 5
MIN_POINTS = 3
MAX_CHARS = 300


def summarise(doc: Doc, headline_end: int, actors: list[Actor], locations: list[Location],
              threats: list[Threat]) -> list[str]:
    sents = [s for s in sentences(doc) if s.start_char >= headline_end and len(s.text.split()) >= 6
             and not s.text.strip().startswith(("“", '"'))]
    if not sents:
        sents = sentences(doc)
    key_spans = [(e.start, e.end) for a in actors if a.key for e in a.evidence]
    key_spans += [(e.start, e.end) for loc in locations if loc.key for e in loc.evidence]
    threat_weight = {t.evidence[0].start: {"high": 3, "medium": 2, "low": 1}[t.severity]
                     for t in threats if t.evidence}

    def score(sent) -> float:
        hits = sum(1 for s, _ in key_spans if sent.start_char <= s < sent.end_char)
        threat = max((w for s, w in threat_weight.items() if sent.start_char <= s < sent.end_char), default=0)
        return hits + threat - len(sent.text) / 400

    lede, rest = sents[0], sents[1:]
    chosen = sorted(sorted(rest, key=score, reverse=True)[:MAX_POINTS - 1], key=lambda s: s.start)
    points = [_point(s.text) for s in [lede, *chosen]]
    return [p for p in points if p][:MAX_POINTS]


def _point(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS].rsplit(" ", 1)[0] + "…"
