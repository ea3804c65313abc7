"""Maps drawn from the Natural Earth outlines shipped with the package; nothing is fetched.

Two forms of one map:
- a static SVG, drawn at build time, for the PDF briefs and for readers without
  JavaScript: framed on the places that matter (the key places and where incidents
  happen fill the frame; far-away ones, such as a distant country's centroid, go to a
  small locator inset), with labels placed so that none overlaps another;
- the data of an interactive map (`MapData`): the site's script (assets/maps.js) puts
  Leaflet over the same outlines, opens it on the same frame, clusters the markers and
  gives each a popup with its links.
"""
from __future__ import annotations

import functools
import json
import math
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup, escape

from ..geo import km

WORLD = Path(__file__).resolve().parent.parent / "data" / "countries-110m.json"
MIN_STEP_PX = 1.5      # drop outline points closer than this to the last one drawn: invisible, costly
SEVERITY_COLOURS = {"high": "#c62828", "medium": "#ef6c00", "low": "#2e7d32", "": "#1a3a5c"}
FAR_KM = 1500          # a place this far from the others' middle goes to the locator inset
CHAR_PX = 6.4          # the mean width of a DejaVu Sans letter at 11 px
WORLD_BOX = (-180.0, -60.0, 180.0, 85.0)


@dataclass
class Point:
    """A place on a map. `links` are (text, href) pairs for the interactive map's popup."""
    name: str
    lat: float
    lon: float
    colour: str = SEVERITY_COLOURS[""]
    key: bool = False                  #: frames the map and is labelled first
    country_level: bool = False        #: a country's centroid: never the reason for a frame
    note: str = ""                     #: a line under the name in the popup ("HIGH · Suicide bomb")
    links: list[tuple[str, str]] = field(default_factory=list)


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
        if (geometry.get("properties") or {}).get("name") == "Antarctica":
            continue           # no briefing's place; it would take a third of a world map
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = [_continuous(ring(r)) for polygon in polygons for r in polygon]
        lons = [p[0] for r in rings for p in r]
        lats = [p[1] for r in rings for p in r]
        if lons:
            out.append(((min(lons), min(lats), max(lons), max(lats)), rings))
    return out


def _continuous(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the 180th meridian (Russia's far east, Fiji) made continuous,
    running past 180° east, rather than jumping across the whole map."""
    if not any(abs(b[0] - a[0]) > 180 for a, b in zip(points, points[1:])):
        return points
    return [(lon + 360 if lon < 0 else lon, lat) for lon, lat in points]


def world_js() -> str:
    """The outlines as a GeoJSON script (assets/world.js): a script, not a file to fetch,
    so that the maps work when the site is opened from disk."""
    features = [{"type": "Feature", "properties": {}, "geometry": {
        "type": "Polygon" if len(rings) == 1 else "MultiPolygon",
        "coordinates": [[[round(x, 2), round(y, 2)] for x, y in rings[0]]] if len(rings) == 1 else
        [[[[round(x, 2), round(y, 2)] for x, y in r]] for r in rings]}} for _, rings in countries()]
    data = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
    return ("/* Natural Earth 1:110m countries (public domain), via world-atlas 2.0.2 (ISC); "
            "see generator/data/MAP_LICENSE.md */\nwindow.BRIEFING_WORLD=" + data + ";\n")


# --- framing -------------------------------------------------------------------------------

def frame(points: list[Point], min_span: float = 3.0) -> tuple[tuple[float, float, float, float], list[Point]]:
    """The box (west, south, east, north) the map opens on, and the points left outside
    it. The frame holds the key places (else all) that are not country centroids, less
    those far from the others' middle; a map of countries alone frames the countries."""
    if not points:
        return WORLD_BOX, []
    specific = [p for p in points if not p.country_level] or points
    focus = [p for p in specific if p.key] or specific
    mid_lat = statistics.median(p.lat for p in focus)
    mid_lon = statistics.median(p.lon for p in focus)
    near = [p for p in focus if km(p.lat, p.lon, mid_lat, mid_lon) <= FAR_KM]
    inside = near if len(near) * 2 >= len(focus) else focus
    # Other places that lie within the frame's reach are framed too.
    inside = inside + [p for p in specific if p not in inside
                       and km(p.lat, p.lon, mid_lat, mid_lon) <= FAR_KM / 2]
    lons, lats = [p.lon for p in inside], [p.lat for p in inside]
    pad = max(max(lons) - min(lons), max(lats) - min(lats)) * 0.15 + 0.5
    w = max(max(lons) - min(lons) + 2 * pad, min_span)
    h = max(max(lats) - min(lats) + 2 * pad, min_span * 0.7)
    cx, cy = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
    w = max(w, h * 1.45 / max(0.2, math.cos(math.radians(cy))))   # landscape once projected
    box = (max(cx - w / 2, -180), max(cy - h / 2, -85), min(cx + w / 2, 180), min(cy + h / 2, 85))
    outside = [p for p in points if not (box[0] <= p.lon <= box[2] and box[1] <= p.lat <= box[3])]
    return box, outside


# --- the static SVG ------------------------------------------------------------------------

class _Projection:
    """Equirectangular, true at the box's middle latitude."""

    def __init__(self, box, width: float):
        self.west, self.south, self.east, self.north = box
        self.kx = math.cos(math.radians((self.south + self.north) / 2))
        self.scale = width / ((self.east - self.west) * self.kx)
        self.width, self.height = width, (self.north - self.south) * self.scale

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.kx * self.scale, (self.north - lat) * self.scale


def map_svg(points: list[Point], width: int = 640, title: str = "Map", labels: int = 40,
            box: tuple[float, float, float, float] | None = None, inset: bool = True) -> Markup:
    """An SVG map: framed by `frame` unless `box` is given, with a locator inset showing
    the frame on the world and the places outside it; at most `labels` names, none
    overlapping another or a dot."""
    if box is None:
        box, outside = frame(points)
    else:
        outside = [p for p in points if not (box[0] <= p.lon <= box[2] and box[1] <= p.lat <= box[3])]
    proj = _Projection(box, width)
    height = round(proj.height)
    shown = [p for p in points if p not in outside]
    dots, texts = [], []
    placed: list[tuple[float, float, float, float]] = [(x - 4, y - 4, x + 4, y + 4)
                                                        for x, y in (proj(p.lon, p.lat) for p in shown)]
    for n, p in enumerate(sorted(shown, key=lambda p: (not p.key, p.colour == SEVERITY_COLOURS[""], p.name))):
        x, y = proj(p.lon, p.lat)
        dots.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{5 if p.key else 3.5}" fill="{p.colour}" '
                    f'stroke="#fff" stroke-width="1"><title>{escape(p.name)}</title></circle>')
        if n < labels:
            spot = _label_spot(p.name, x, y, placed, width, height)
            if spot is not None:
                tx, ty, anchor, rect = spot
                placed.append(rect)
                texts.append(f'<text x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}">{escape(p.name)}</text>')
    locator = _inset(box, outside, width, height) if inset and box != WORLD_BOX else ""
    return Markup(
        f'<svg class="briefing-map" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" aria-label="{escape(title)}">'
        f'<title>{escape(title)}</title>'
        f'<rect width="{width}" height="{height}" fill="#dfe9f3"/>'
        f'<g fill="#f4f1ea" stroke="#9a9a9a" stroke-width="0.6">{_outlines(proj, box)}</g>'
        f'<g>{"".join(dots)}</g>'
        # The halo is a white copy under the names, for renderers without paint-order.
        f'<g font-family="DejaVu Sans, sans-serif" font-size="11" fill="#fff" stroke="#fff" '
        f'stroke-width="2.5" stroke-linejoin="round" aria-hidden="true">{"".join(texts)}</g>'
        f'<g font-family="DejaVu Sans, sans-serif" font-size="11" fill="#111">{"".join(texts)}</g>'
        f'{locator}</svg>')


def _outlines(proj: _Projection, box) -> str:
    """The countries' outlines inside `box`, each ring clipped to it (a little beyond):
    a ring running far outside the frame would only cost size, and some renderers fill
    such rings wrongly."""
    west, south, east, north = box
    margin = max(east - west, north - south) * 0.05
    clip = (west - margin, south - margin, east + margin, north + margin)
    paths = []
    for (x0, y0, x1, y1), rings in countries():
        if x1 < west or x0 > east or y1 < south or y0 > north:
            continue
        d = "".join(_ring_path([proj(*p) for p in _clip(r, clip)]) for r in rings)
        if d:
            paths.append(f'<path d="{d}"/>')
    return "".join(paths)


def _clip(ring: list[tuple[float, float]], box) -> list[tuple[float, float]]:
    """Sutherland–Hodgman: the part of a polygon ring inside a rectangle."""
    west, south, east, north = box
    edges = ((lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
             (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
             (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
             (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north)))
    points = ring
    for inside, cross in edges:
        if not points:
            break
        out = []
        for i, cur in enumerate(points):
            prev = points[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
        points = out
    return points


def _at_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return x, a[1] + t * (b[1] - a[1])


def _at_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), y


def _label_spot(name: str, x: float, y: float, placed: list, width: float, height: float):
    """The first of right, left, above, below where the name's box overlaps nothing
    placed and stays on the map; None when there is no such spot."""
    w, h = len(name) * CHAR_PX + 2, 12
    own = (x - 4, y - 4, x + 4, y + 4)
    for tx, ty, anchor, rect in ((x + 7, y + 4, "start", (x + 6, y - 7, x + 6 + w, y + 5)),
                                 (x - 7, y + 4, "end", (x - 6 - w, y - 7, x - 6, y + 5)),
                                 (x, y - 8, "middle", (x - w / 2, y - 8 - h + 2, x + w / 2, y - 6)),
                                 (x, y + 16, "middle", (x - w / 2, y + 5, x + w / 2, y + 5 + h))):
        if rect[0] < 0 or rect[1] < 0 or rect[2] > width or rect[3] > height:
            continue
        if not any(_overlap(rect, other) for other in placed if other != own):
            return tx, ty, anchor, rect
    return None


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inset(box, outside: list[Point], width: float, height: float) -> str:
    """A small world map in the lower-left corner: where the frame lies, and the places
    the frame leaves out."""
    w = min(170, width * 0.3)
    proj = _Projection(WORLD_BOX, w)
    h = proj.height
    ox, oy = 6, height - h - 6
    west, south, east, north = box
    x0, y0 = proj(west, north)
    x1, y1 = proj(east, south)
    frame_rect = (f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{max(x1 - x0, 3):.1f}" height="{max(y1 - y0, 3):.1f}" '
                  f'fill="none" stroke="#b00020" stroke-width="1.2"/>')
    dots = "".join(f'<circle cx="{proj(p.lon, p.lat)[0]:.1f}" cy="{proj(p.lon, p.lat)[1]:.1f}" r="2.2" '
                   f'fill="{p.colour}"><title>{escape(p.name)}</title></circle>' for p in outside)
    names = ", ".join(p.name for p in outside[:4]) + (" …" if len(outside) > 4 else "")
    caption = (f'<text x="{ox}" y="{oy - 4:.1f}" font-family="DejaVu Sans, sans-serif" font-size="9" '
               f'fill="#333">Also: {escape(names)}</text>') if outside else ""
    return (f'<g class="locator" transform="translate({ox},{oy:.1f})">'
            f'<rect width="{w:.1f}" height="{h:.1f}" fill="#dfe9f3" stroke="#666" stroke-width="0.8"/>'
            f'<g fill="#f4f1ea" stroke="#aaa" stroke-width="0.3">{_outlines(proj, WORLD_BOX)}</g>'
            f'{frame_rect}{dots}</g>{caption}')


def _ring_path(points: list[tuple[float, float]]) -> str:
    """One ring as compact SVG path data, thinned to what can be seen at this scale."""
    if not points:
        return ""
    kept = [points[0]]
    for x, y in points[1:]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= MIN_STEP_PX:
            kept.append((x, y))
    if len(kept) < 3:
        return ""
    return "M" + "L".join(f"{x:.0f},{y:.0f}" for x, y in kept) + "Z"


# --- the interactive map's data ----------------------------------------------------------------

def map_data(points: list[Point], box: tuple[float, float, float, float] | None = None) -> str:
    """The JSON the site's map script reads from a map's `data-map` attribute."""
    if box is None:
        box, _ = frame(points)
    return json.dumps({
        "bounds": [[box[1], box[0]], [box[3], box[2]]],
        "points": [{"name": p.name, "lat": round(p.lat, 4), "lon": round(p.lon, 4), "colour": p.colour,
                    "key": p.key, "note": p.note, "links": [list(link) for link in p.links]} for p in points],
    }, ensure_ascii=False, separators=(",", ":"))


def interactive(points: list[Point], title: str, box=None, source: str = "") -> Markup:
    """The map as the site shows it: the static SVG inside the element the script turns
    into a Leaflet map (`source`: a script-defined array of points instead of inline data,
    for maps with thousands of places)."""
    if box is None:
        box, _ = frame(points)
    svg = map_svg(points, title=title, box=box, labels=40 if len(points) < 200 else 25)
    data = map_data([] if source else points, box)
    extra = f' data-source="{escape(source)}"' if source else ""
    return Markup(f'<div class="leaflet-map" data-search-exclude data-map="{escape(data)}"{extra}>'
                  f'{svg}</div>')
