"""The built site in a real browser: headless Chromium driven by Playwright, offline."""
from __future__ import annotations

import functools
import http.server
import shutil
import threading

import pytest

from conftest import REPO, SEED
from test_build import articles, briefing

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (scripts/system-deps.sh --browser)")
ARTIFACTS = REPO / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-features=Translate,MediaRouter"]


@pytest.fixture(scope="module")
def served(built):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    sync = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")
    with sync.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, served):
    """A page that records console errors and every request, and blocks any that leave localhost."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    pg = context.new_page()
    pg.errors, pg.requests = [], []
    pg.on("console", lambda msg: msg.type == "error" and pg.errors.append(msg.text))
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))

    def route(r):
        pg.requests.append(r.request.url)
        return r.continue_() if r.request.url.startswith(served) else r.abort()
    pg.route("**/*", route)
    yield pg
    assert pg.errors == [], pg.errors
    assert [u for u in pg.requests if not u.startswith(served)] == []
    context.close()


def test_home_lists_every_briefing_and_a_click_reaches_one(page, served, built):
    page.goto(f"{served}/index.html")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)
    cards = page.locator(".briefing-cards a[href^='briefings/']")
    titles = cards.all_inner_texts()
    for article in articles(built):
        assert briefing(built, article)["title"] in " ".join(titles)
    seed = briefing(built, SEED)
    page.get_by_role("link", name=seed["title"]).first.click()
    page.wait_for_url(f"**/briefings/{SEED.stem}.html")
    assert page.locator("h1").first.inner_text().rstrip("¶").strip() == seed["title"]


def test_briefing_map_zooms_and_its_markers_open_popups(page, served):
    page.goto(f"{served}/briefings/{SEED.stem}.html")
    live = page.locator(".leaflet-map.leaflet-live").first
    live.wait_for(state="visible")
    box = live.bounding_box()
    assert box["width"] > 300 and box["height"] > 200
    assert page.locator(".leaflet-overlay-pane path").count() > 20           # the shipped outlines
    zoom = lambda: page.evaluate("document.querySelector('.leaflet-map').leafletMap.getZoom()")  # noqa: E731
    before = zoom()
    assert before >= 4                                  # opened on Syria, not on the world
    page.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(400)
    assert zoom() > before
    # Open every cluster until single markers show, then click one for its popup.
    for _ in range(4):
        clusters = page.locator(".marker-cluster")
        if not clusters.count():
            break
        clusters.first.click()
        page.wait_for_timeout(400)
    page.locator("path.leaflet-interactive").last.click(force=True)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(state="visible")
    assert popup.locator("strong").inner_text()
    page.screenshot(path=str(ARTIFACTS / "briefing.png"), full_page=True)
    href = page.get_by_role("link", name="Download PDF").get_attribute("href")
    response = page.request.get(f"{served}/briefings/{href}")
    assert response.status == 200 and response.body().startswith(b"%PDF")


def test_without_javascript_the_static_map_stays(browser, served):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 1000})
    pg = context.new_page()
    pg.goto(f"{served}/briefings/{SEED.stem}.html")
    svg = pg.locator("svg.briefing-map").first
    assert svg.is_visible() and "Damascus" in svg.text_content()
    context.close()


def test_places_map_clusters_every_place_and_links_briefings(page, served):
    page.goto(f"{served}/places.html")
    page.locator(".leaflet-map.leaflet-live").wait_for(state="visible")
    assert page.evaluate("window.BRIEFING_PLACES.length") > 10
    page.locator(".marker-cluster").first.wait_for(state="visible")
    page.screenshot(path=str(ARTIFACTS / "places.png"), full_page=True)


def test_feeds_and_data_load_from_the_home_page(page, served):
    import csv
    import io
    import json
    import xml.etree.ElementTree as ET
    page.goto(f"{served}/index.html")
    for name, check in (("all briefings (Atom)", lambda b: ET.fromstring(b).tag.endswith("feed")),
                        ("JSON Feed", lambda b: json.loads(b)["items"]),
                        ("CSV", lambda b: list(csv.DictReader(io.StringIO(b.decode())))[0]["event_type"] is not None),
                        ("GeoJSON", lambda b: json.loads(b)["type"] == "FeatureCollection")):
        href = page.get_by_role("link", name=name, exact=True).first.get_attribute("href")
        response = page.request.get(f"{served}/{href}")
        assert response.status == 200 and check(response.body()), name


def test_marking_grade_and_pages_are_visible(page, served):
    page.goto(f"{served}/briefings/{SEED.stem}.html")
    assert page.locator(".tlp").first.inner_text() == "TLP:CLEAR"
    assert "Source reliability" in page.locator(".grading").first.inner_text()
    page.goto(f"{served}/timeline.html")
    page.locator("table a[href^='archive/']").first.click()
    page.wait_for_url("**/archive/*.html")
    assert page.locator(".tlp").first.is_visible()
    assert page.locator("table a[href^='../briefings/']").count() >= 1
    for width, name in ((1280, "timeline-wide.png"), (390, "timeline-phone.png")):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{served}/timeline.html")
        page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_search_finds_an_actor_by_name(page, served):
    page.goto(f"{served}/index.html")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    search = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item")
    for _ in range(3):         # the index loads in a worker: type again until it answers
        search.fill("")
        search.type("Hezbollah", delay=50)
        try:
            results.first.wait_for(state="visible", timeout=10000)
            break
        except Exception:
            continue
    assert "Hezbollah" in results.first.inner_text() or "Hezbollah" in page.locator(".md-search-result").inner_text()
