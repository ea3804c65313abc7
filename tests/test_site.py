"""The reader's side of the site, through the real CLI: feeds and data to take away,
dates, slugs in any script, marking and sourcing, light pages, maps framed on what matters."""
from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
import yaml

from conftest import SEED, make_project, run_cli
from test_build import articles, briefing, page_text, pdf_text

ATOM = "{http://www.w3.org/2005/Atom}"


# --- feeds and data ---------------------------------------------------------------------------

def test_feeds_parse_and_list_the_latest_briefings(built):
    feeds = built / "site" / "feeds"
    root = ET.parse(feeds / "briefings.atom").getroot()
    entries = root.findall(f"{ATOM}entry")
    assert root.tag == f"{ATOM}feed" and len(entries) == len(articles(built))
    for entry in entries:
        assert entry.find(f"{ATOM}id").text.startswith("tag:")
        assert entry.find(f"{ATOM}title").text
        href = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert (built / "site" / href).is_file()
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)", entry.find(f"{ATOM}updated").text)
    json_feed = json.loads((feeds / "briefings.json").read_text(encoding="utf-8"))
    assert json_feed["version"] == "https://jsonfeed.org/version/1.1" and json_feed["items"]
    for level in ("high", "medium", "low"):
        ET.parse(feeds / f"severity-{level}.atom")
    country_feeds = sorted(feeds.glob("country-*.atom"))
    assert country_feeds and all(ET.parse(f).getroot().findall(f"{ATOM}entry") for f in country_feeds)
    home = (built / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="feeds/briefings.atom"' in home and 'href="data/incidents.csv"' in home


def test_incidents_places_and_actors_load_as_csv_and_geojson(built):
    data = built / "site" / "data"
    with open(data / "incidents.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    expected = sum(len(briefing(built, a)["threats"]) for a in articles(built))
    assert len(rows) == expected
    for column in ("event_date", "event_type", "actor", "actor_blamed", "target", "location", "latitude", "longitude",
                   "fatalities", "severity", "source", "briefing_url"):
        assert column in rows[0]
    located = [r for r in rows if r["latitude"]]
    assert located and all(-90 <= float(r["latitude"]) <= 90 for r in located)
    for name in ("incidents", "places", "actors"):
        collection = json.loads((data / f"{name}.geojson").read_text(encoding="utf-8"))
        assert collection["type"] == "FeatureCollection" and collection["features"]
        for feature in collection["features"]:
            if feature["geometry"]:
                lon, lat = feature["geometry"]["coordinates"]
                assert -180 <= lon <= 180 and -90 <= lat <= 90
    with open(data / "places.csv", encoding="utf-8", newline="") as f:
        assert len(list(csv.DictReader(f))) == len(collection_of(data / "places.geojson"))


def collection_of(path):
    return json.loads(path.read_text(encoding="utf-8"))["features"]


# --- dates and slugs ---------------------------------------------------------------------------

def test_dates_are_read_at_ingest_and_sorted_as_dates(tmp_path):
    root = make_project(tmp_path, {
        "seeds/a.md": "---\ntitle: Older\ndate: 30 September 2014\n---\nGunmen attacked a base in Kabul.\n",
        "seeds/b.md": "---\ntitle: Newer\npublished: 2016-01-02\n---\nGunmen attacked a base in Herat.\n",
        "seeds/c.txt": "Dated by its line\n\nSaturday, October 5, 2019\n\nGunmen attacked a base in Kunduz.\n",
        "seeds/d.txt": "Undated\n\nGunmen attacked a base in Ghazni.\n",
        "seeds/e.md": "---\ntitle: Bad date\ndate: sometime soon\n---\nGunmen attacked a base in Kandahar.\n",
    })
    proc = run_cli("build", cwd=root, check=True)
    assert "seeds/e.md: published: 'sometime soon' is not a date" in proc.stderr
    dates = {p.stem: yaml.safe_load(p.read_text())["source"]["published"] for p in (root / "briefings").glob("*.yaml")}
    assert dates == {"a": "2014-09-30", "b": "2016-01-02", "c": "2019-10-05", "d": "", "e": ""}
    text = page_text(root / "site" / "index.html")
    assert text.index("Dated by its line") < text.index("Newer") < text.index("Older")
    assert text.count("date unknown") == 2
    timeline = page_text(root / "site" / "timeline.html")
    assert timeline.index("October 2019") < timeline.index("January 2016") < timeline.index("September 2014")


def test_slugs_are_transliterated_from_any_script(tmp_path):
    root = make_project(tmp_path, {"seeds/Владимир Путин.txt": "Путин\n\nGunmen attacked a base in Kabul.\n",
                                   "seeds/北京.txt": "Beijing\n\nGunmen attacked a base in Kabul.\n"})
    run_cli("build", cwd=root, check=True)
    assert sorted(p.name for p in (root / "briefings").glob("*.yaml")) == ["beijing.yaml", "vladimir-putin.yaml"]
    run_cli("build", "--force", cwd=root, check=True)          # the same on every build
    assert sorted(p.name for p in (root / "briefings").glob("*.yaml")) == ["beijing.yaml", "vladimir-putin.yaml"]


# --- marking and sourcing ------------------------------------------------------------------------

def test_the_marking_is_on_every_page_and_the_grades_on_page_and_pdf(tmp_path):
    root = make_project(tmp_path, {"seeds/w.md": "---\ntitle: Kabul attack\nsource: Wikinews\n"
                                                 "url: https://en.wikinews.org/wiki/X\n---\n"
                                                 "Gunmen attacked a base in Kabul on Monday.\n",
                                   "sources.yaml": "wikinews.org: C\n"}, seed=True)
    run_cli("build", "--marking", "TLP:AMBER", cwd=root, check=True)
    for page in (root / "site").rglob("*.html"):
        if page.name != "404.html":
            assert 'class="tlp tlp-amber">TLP:AMBER<' in page.read_text(encoding="utf-8"), page
    graded = page_text(root / "site" / "briefings" / "w.html")
    assert "Source reliability C" in graded and "wikinews.org" in graded
    assert "Source reliability F" in page_text(root / "site" / "briefings" / f"{SEED.stem}.html")
    path = root / "briefings" / "w.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["review"]["credibility"] = 2
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    run_cli("build", cwd=root, check=True)
    assert "Information credibility 2" in page_text(root / "site" / "briefings" / "w.html")
    text, _ = pdf_text(root / "site" / "pdf" / "w.pdf")
    assert "Source reliability C" in text and "Information credibility 2" in text


def test_a_bad_grade_in_sources_yaml_is_one_line(tmp_path):
    root = make_project(tmp_path, {"sources.yaml": "Reuters: Z\n"}, seed=True)
    proc = run_cli("build", cwd=root, check=False)
    assert "sources.yaml: Reuters: 'Z' is not an Admiralty reliability grade" in proc.stderr


# --- light pages and a search index of what readers search ----------------------------------------

def test_lists_are_cut_into_linked_pages():
    from generator.render.views import paginate
    pages = paginate("archive/2019-10", list(range(950)), per_page=400)
    assert [p.path for p in pages] == ["archive/2019-10.md", "archive/2019-10-2.md", "archive/2019-10-3.md"]
    assert [len(p.rows) for p in pages] == [400, 400, 150]
    assert (pages[0].previous, pages[0].next) == ("", "2019-10-2.md")
    assert (pages[2].previous, pages[2].next) == ("2019-10-2.md", "")


def test_views_are_split_and_left_out_of_search(built):
    site = built / "site"
    assert list((site / "archive").glob("*.html")) and list((site / "threats").glob("*.html"))
    assert list((site / "places").glob("*.html")) and list((site / "actors").glob("letter-*.html"))
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    where = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert not any(w.startswith(("archive/", "threats/", "places/", "actors/")) for w in where), where
    assert any(w.startswith("briefings/") for w in where)
    text = " ".join(doc["text"] for doc in index["docs"])
    seed = briefing(built, SEED)
    assert seed["quotes"][0]["text"][:30] in text.replace("&amp;", "&")
    assert "Generated 20" not in text and "TLP:CLEAR" not in text
    assert max(p.stat().st_size for p in site.rglob("*.html")) < 1_000_000


# --- maps ----------------------------------------------------------------------------------------

def test_a_briefing_map_opens_on_its_key_places_with_far_ones_in_the_inset(built):
    html = (built / "site" / "briefings" / f"{SEED.stem}.html").read_text(encoding="utf-8")
    spec = json.loads(re.search(r'data-map="([^"]+)"', html).group(1).replace("&#34;", '"').replace("&quot;", '"')
                      .replace("&amp;", "&").replace("&#39;", "'"))
    (south, west), (north, east) = spec["bounds"]
    assert 29 < south < north < 40 and 30 < west < east < 45          # Syria and its coast, not the world
    names = {p["name"] for p in spec["points"]}
    assert {"Damascus", "Moscow"} <= names                             # Moscow is a marker, outside the frame
    assert 'class="locator"' in html and "Moscow" in html[html.index('class="locator"'):]
    actor_links = [href for p in spec["points"] for _, href in p["links"] if href.startswith("../actors/")]
    assert actor_links and all((built / "site" / "briefings" / href).resolve().is_file() for href in actor_links)


def test_svg_labels_never_overlap():
    from generator.render.maps import CHAR_PX, Point, map_svg
    points = [Point(f"Place {i}", 33.5 + (i % 5) * 0.05, 36.3 + (i // 5) * 0.05, key=i < 3) for i in range(25)]
    svg = str(map_svg(points, title="crowded"))
    labels = re.findall(r'<text x="([\d.]+)" y="([\d.]+)" text-anchor="(\w+)">([^<]+)</text>',
                        svg.split("</g><g font-family")[-1])
    assert labels and len(labels) < len(points)                       # some left unlabelled, none stacked
    boxes = []
    for x, y, anchor, name in labels:
        x, y, w = float(x), float(y), len(name) * CHAR_PX
        left = x if anchor == "start" else x - w if anchor == "end" else x - w / 2
        boxes.append((left, y - 10, left + w, y + 2))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_the_places_map_data_is_a_script_that_works_from_disk(built):
    script = (built / "site" / "data" / "places.js").read_text(encoding="utf-8")
    assert script.startswith("window.BRIEFING_PLACES=")
    places = json.loads(script.removeprefix("window.BRIEFING_PLACES=").rstrip().rstrip(";"))
    assert places and all(p["links"] for p in places)
    assert (built / "site" / "assets" / "leaflet" / "LICENSE-leaflet.txt").is_file()
