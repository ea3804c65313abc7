"""The summary: 3–5 key points, each a sentence of the article.

The lede is always the first point; further sentences are ranked by how many of
the briefing's key actors, places and threat triggers they carry, and kept in
article order so the points read as a story.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc

from ..briefing import Actor, Location, Threat
from .spans import sentences, span_text

MAX_POINTS = 5
MIN_POINTS = 3
MAX_CHARS = 300


def summarise(doc: Doc, headline_end: int, actors: list[Actor], locations: list[Location],
              threats: list[Threat]) -> list[str]:
    all_sents = [(s.start_char, s.end_char, span_text(s)) for s in sentences(doc)]
    sents = [s for s in all_sents if s[0] >= headline_end and len(s[2].split()) >= 6
             and not s[2].strip().startswith(("“", '"'))]
    if not sents:
        sents = all_sents
    key_spans = [(e.start, e.end) for a in actors if a.key for e in a.evidence]
    key_spans += [(e.start, e.end) for loc in locations if loc.key for e in loc.evidence]
    threat_weight = {t.evidence[0].start: {"high": 3, "medium": 2, "low": 1}[t.severity]
                     for t in threats if t.evidence}

    key_starts = sorted(s for s, _ in key_spans)
    threat_starts = sorted(threat_weight)

    def score(sent: tuple[int, int, str]) -> float:
        start, end, text = sent
        hits = bisect.bisect_left(key_starts, end) - bisect.bisect_left(key_starts, start)
        inside = threat_starts[bisect.bisect_left(threat_starts, start):bisect.bisect_left(threat_starts, end)]
        threat = max((threat_weight[s] for s in inside), default=0)
        return hits + threat - len(text) / 400

    lede, rest = sents[0], sents[1:]
    chosen = sorted(sorted(rest, key=score, reverse=True)[:MAX_POINTS - 1], key=lambda s: s[0])
    points = [_point(text) for _, _, text in [lede, *chosen]]
    return [p for p in points if p][:MAX_POINTS]


def _point(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS].rsplit(" ", 1)[0] + "…"
