"""Static SVG maps drawn at build time from Natural Earth outlines shipped with the package.

No tile server, no script: the same SVG goes into the site page and the PDF brief.
Places are dots with their names; the view frames them with a margin.
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

WORLD = Path(__file__).resolve().parent.parent / "data" / "countries-110m.json"
MIN_STEP_PX = 1.5   # drop outline points closer than this to the last one drawn: invisible, costly
SEVERITY_COLOURS = {"high": "#c62828", "medium": "#ef6c00", "low": "#2e7d32", "": "#1a3a5c"}


@dataclass(frozen=True)
class Point:
    name: str
    lat: float
    lon: float
    colour: str = SEVERITY_COLOURS[""]


@functools.cache
def countries() -> list[tuple[tuple[float, float, float, float], list[list[tuple[float, float]]]]]:
    """Every country as (bounding box, rings of (lon, lat)), decoded from TopoJSON."""
    topo = json.loads(WORLD.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices):
        points: list[tuple[float, float]] = []
        for i in indices:
            part = arcs[i] if i >= 0 else arcs[~i][::-1]
            points.extend(part[1:] if points else part)
        return points

    out = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = [ring(r) for polygon in polygons for r in polygon]
        lons = [p[0] for r in rings for p in r]
        lats = [p[1] for r in rings for p in r]
        if lons:
            out.append(((min(lons), min(lats), max(lons), max(lats)), rings))
    return out


def map_svg(points: list[Point], width: int = 640, min_span: float = 8.0, title: str = "Map") -> Markup:
    """An SVG map framing `points` (the whole world when there are none)."""
    if points:
        lons, lats = [p.lon for p in points], [p.lat for p in points]
        pad = max(max(lons) - min(lons), max(lats) - min(lats)) * 0.15 + 1.0
        w = max(max(lons) - min(lons) + 2 * pad, min_span)
        h = max(max(lats) - min(lats) + 2 * pad, min_span * 0.7)
        w = max(w, h * 1.3)                      # landscape: labels read left to right
        cx, cy = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
        box = (max(cx - w / 2, -180), max(cy - h / 2, -85), min(cx + w / 2, 180), min(cy + h / 2, 85))
    else:
        box = (-180, -60, 180, 85)
    west, south, east, north = box
    kx = math.cos(math.radians((south + north) / 2))        # equirectangular, true at mid-latitude
    scale = width / ((east - west) * kx)
    height = round((north - south) * scale)

    def xy(lon, lat):
        return (lon - west) * kx * scale, (north - lat) * scale

    paths = []
    for (x0, y0, x1, y1), rings in countries():
        if x1 < west or x0 > east or y1 < south or y0 > north:
            continue
        d = "".join(_ring_path([xy(*p) for p in r]) for r in rings)
        if d:
            paths.append(f'<path d="{d}"/>')
    dots = []
    for p in points:
        x, y = xy(p.lon, p.lat)
        dots.append(f'<g class="place"><circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{p.colour}"/>'
                    f'<text x="{x + 6:.1f}" y="{y + 4:.1f}">{escape(p.name)}</text></g>')
    return Markup(
        f'<svg class="briefing-map" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" aria-label="{escape(title)}">'
        f'<title>{escape(title)}</title>'
        f'<rect width="{width}" height="{height}" fill="#dfe9f3"/>'
        f'<g fill="#f4f1ea" stroke="#9a9a9a" stroke-width="0.6">{"".join(paths)}</g>'
        f'<g font-family="DejaVu Sans, sans-serif" font-size="11" fill="#111" stroke="#fff" '
        f'stroke-width="0.4" paint-order="stroke">{"".join(dots)}</g></svg>')


def _ring_path(points: list[tuple[float, float]]) -> str:
    """One ring as compact SVG path data, thinned to what can be seen at this scale."""
    kept = [points[0]]
    for x, y in points[1:]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= MIN_STEP_PX:
            kept.append((x, y))
    if len(kept) < 3:
        return ""
    return "M" + "L".join(f"{x:.0f},{y:.0f}" for x, y in kept) + "Z"
