"""What readers take away: feeds to follow and data to load elsewhere.

Feeds (feeds/): an Atom feed of the latest briefings, one per highest severity and one
per country, and a JSON Feed of the latest briefings. Data (data/): every actor, place
and threat incident as CSV (for a spreadsheet) and GeoJSON (for a GIS), incidents with
ACLED-like columns. Links are absolute when mkdocs.yml gives `site_url`, else relative
to the site's root.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from xml.sax.saxutils import escape as xml_escape, quoteattr

from ..briefing import SEVERITIES, Briefing
from ..sources import Sources
from .pages import newest_first
from .views import country_names, place_index

FEED_ENTRIES = 50
INCIDENT_COLUMNS = ["event_id", "event_date", "event_type", "sub_event_type", "actor", "actor_blamed", "target",
                    "location", "country", "latitude", "longitude", "fatalities", "injured", "severity", "category",
                    "source", "source_reliability", "briefing_url", "notes"]


class Links:
    """Addresses of the site's pages, absolute when the site's address is known."""

    def __init__(self, site_url: str = ""):
        self.base = site_url.rstrip("/") + "/" if site_url else ""
        self.with_pdf = True

    def __call__(self, path: str) -> str:
        return self.base + path

    def briefing(self, b: Briefing) -> str:
        return self(f"briefings/{b.id}.html")


# --- feeds ---------------------------------------------------------------------------------

def feeds(briefings: list[Briefing], site_url: str, title: str, updated: str, with_pdf: bool = True) -> dict[str, str]:
    """{path: text} of every feed; `updated` is the newest generation time (stable when
    nothing changed, so that unchanged feeds are not rewritten)."""
    links = Links(site_url)
    ordered = newest_first(briefings)
    links.with_pdf = with_pdf
    out = {"feeds/briefings.atom": _atom(ordered, links, title, "briefings", updated),
           "feeds/briefings.json": _json_feed(ordered, links, title)}
    for level in SEVERITIES:
        chosen = [b for b in ordered if b.top_severity == level]
        out[f"feeds/severity-{level}.atom"] = _atom(chosen, links, f"{title}: highest threat {level}",
                                                    f"severity-{level}", updated)
    names = country_names()
    for code in sorted({loc.country for b in briefings for loc in b.locations if loc.country}):
        chosen = [b for b in ordered if any(loc.country == code for loc in b.locations)]
        out[f"feeds/country-{code.lower()}.atom"] = _atom(chosen, links, f"{title}: {names.get(code, code)}",
                                                          f"country-{code.lower()}", updated)
    return out


def _atom(briefings: list[Briefing], links: Links, title: str, name: str, updated: str) -> str:
    entries = []
    for b in briefings[:FEED_ENTRIES]:
        when = _timestamp(b.source.published) or b.generated.at
        summary = " ".join([b.bluf] + b.summary[:3]) if b.bluf else " ".join(b.summary[:3])
        categories = "".join(f"<category term={quoteattr(t)}/>" for t in
                             ([f"severity:{b.top_severity}"] if b.top_severity else [])
                             + sorted({loc.country for loc in b.locations if loc.country}))
        entries.append(
            f"<entry><id>{xml_escape(_tag(b.id))}</id><title>{xml_escape(b.title)}</title>"
            f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(links.briefing(b))}/>"
            + (f"<link rel=\"enclosure\" type=\"application/pdf\" href={quoteattr(links(f'pdf/{b.id}.pdf'))}/>"
               if links.with_pdf else "") +
            f"<updated>{xml_escape(_timestamp(b.generated.at) or when)}</updated>"
            f"<published>{xml_escape(when)}</published>"
            f"<summary>{xml_escape(summary)}</summary>{categories}</entry>")
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
            f"<id>{xml_escape(_tag('feed-' + name))}</id><title>{xml_escape(title)}</title>"
            f"<updated>{xml_escape(updated)}</updated><author><name>Briefing generator</name></author>"
            f"<link rel=\"self\" href={quoteattr(links(f'feeds/{name}.atom'))}/>"
            f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(links('index.html'))}/>"
            + "".join(entries) + "</feed>\n")


def _json_feed(briefings: list[Briefing], links: Links, title: str) -> str:
    items = [{"id": _tag(b.id), "url": links.briefing(b), "title": b.title,
              "content_text": "\n".join(([b.bluf] if b.bluf else []) + b.summary),
              "date_published": _timestamp(b.source.published) or b.generated.at,
              "tags": ([f"severity:{b.top_severity}"] if b.top_severity else [])
              + sorted({loc.country for loc in b.locations if loc.country}),
              "attachments": [{"url": links(f"pdf/{b.id}.pdf"), "mime_type": "application/pdf"}]
              if links.with_pdf else []}
             for b in briefings[:FEED_ENTRIES]]
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": title, "home_page_url": links("index.html"),
            "feed_url": links("feeds/briefings.json"), "items": items}
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"


def _tag(name: str) -> str:
    """A stable Atom id that needs no domain (RFC 4151 tag URI)."""
    return f"tag:briefing-generator,2026:{name}"


def _timestamp(value: str) -> str:
    """An RFC 3339 time for a date or a time; "" when `value` is neither."""
    if not value:
        return ""
    try:
        if len(value) == 10:
            return f"{value}T00:00:00Z"
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return parsed.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return ""


# --- data ----------------------------------------------------------------------------------

def data_files(briefings: list[Briefing], site_url: str, sources: Sources) -> dict[str, str]:
    """{path: text} of the CSV and GeoJSON downloads."""
    links = Links(site_url)
    ordered = newest_first(briefings)
    incidents = [_incident(b, i, t, links, sources) for b in ordered for i, t in enumerate(b.threats, start=1)]
    places = place_index(briefings)
    actors = [(b, a) for b in ordered for a in b.actors]
    names = country_names()
    place_rows = [{"name": p.name, "country": p.country, "country_name": names.get(p.country, ""),
                   "kind": p.kind, "latitude": p.lat, "longitude": p.lon, "resolved": p.resolved,
                   "briefings": len(p.briefings),
                   "briefing_urls": " ".join(links.briefing(b) for b in p.briefings)} for p in places]
    actor_rows = [{"name": a.name, "type": a.type, "role": a.role, "affiliation": a.affiliation,
                   "aliases": "; ".join(a.aliases), "mentions": a.mentions, "key": a.key,
                   "briefing": b.id, "briefing_title": b.title, "published": b.source.published,
                   "briefing_url": links.briefing(b)} for b, a in actors]
    return {
        "data/incidents.csv": _csv(INCIDENT_COLUMNS, incidents),
        "data/incidents.geojson": _geojson(incidents, "latitude", "longitude"),
        "data/places.csv": _csv(list(place_rows[0]) if place_rows else ["name"], place_rows),
        "data/places.geojson": _geojson(place_rows, "latitude", "longitude"),
        "data/actors.csv": _csv(list(actor_rows[0]) if actor_rows else ["name"], actor_rows),
        "data/actors.geojson": _geojson(actor_rows, None, None),
    }


def _incident(b: Briefing, number: int, t, links: Links, sources: Sources) -> dict:
    place = next((loc for loc in b.locations if loc.name == t.location), None)
    return {
        "event_id": f"{b.id}-{number}", "event_date": t.date or b.source.published,
        "event_type": t.event_type, "sub_event_type": t.sub_event_type, "actor": t.actor,
        "actor_blamed": t.blamed, "target": t.target,
        "location": t.location, "country": place.country if place else "",
        "latitude": place.lat if place else None, "longitude": place.lon if place else None,
        "fatalities": t.fatalities, "injured": t.injured, "severity": t.severity, "category": t.category,
        "source": b.source.name or b.source.url or b.source.file,
        "source_reliability": sources.grade(b.source.name, b.source.url).reliability,
        "briefing_url": links.briefing(b),
        "notes": t.evidence[0].text if t.evidence else t.summary,
    }


def _csv(columns: list[str], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return out.getvalue()


def _geojson(rows: list[dict], lat: str | None, lon: str | None) -> str:
    """A FeatureCollection; rows without coordinates have a null geometry (allowed by RFC 7946)."""
    features = []
    for row in rows:
        located = lat is not None and row.get(lat) is not None and row.get(lon) is not None
        geometry = {"type": "Point", "coordinates": [round(row[lon], 5), round(row[lat], 5)]} if located else None
        properties = {k: v for k, v in row.items() if k not in (lat, lon)}
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False) + "\n"
