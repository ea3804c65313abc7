"""Score place detection and geocoding on GeoVirus (evaluation only; never trained on).

usage: python model/eval_geovirus.py ../shared/corpora/geovirus/GeoVirus.xml

Counts a gold toponym as found when an extracted location has an evidence span
overlapping it (GeoVirus offsets are one character off, so ±3 characters), and as
resolved when the extracted coordinates lie within 161 km of the gold ones.
"""
from __future__ import annotations

import math
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from generator.article import Article
from generator.extract import Extractor


def km(a, b, c, d):
    p1, p2, dl = math.radians(a), math.radians(c), math.radians(d - b)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


def main(path: Path) -> None:
    ex = Extractor()
    gold_n = found = resolved = pred_n = pred_ok = 0
    for art in ET.parse(path).getroot():
        text = art.findtext("text") or ""
        golds = [(int(l.findtext("start")), int(l.findtext("end")), float(l.findtext("lat")),
                  float(l.findtext("lon"))) for l in art.iter("location")]
        a = Article(path="geovirus.txt", slug="g", title="", text=text, body=text, sha256="0" * 64)
        b = ex.extract(a)
        spans = [(e.start, e.end, loc) for loc in b.locations for e in loc.evidence]
        for gs, ge, lat, lon in golds:
            gold_n += 1
            hit = [loc for s, e, loc in spans if s < ge + 3 and gs - 3 < e]
            if hit:
                found += 1
                if hit[0].lat is not None and km(hit[0].lat, hit[0].lon, lat, lon) <= 161:
                    resolved += 1
        for s, e, loc in spans:
            pred_n += 1
            pred_ok += any(s < ge + 3 and gs - 3 < e for gs, ge, _, _ in golds)
    p, r = pred_ok / pred_n, found / gold_n
    print(f"GeoVirus: {gold_n} toponyms; mention precision {p:.2f}, recall {r:.2f}, "
          f"F1 {2 * p * r / (p + r):.2f}; resolved within 161 km: {resolved / max(found, 1):.2f} of found")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
