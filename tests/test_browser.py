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


def test_briefing_page_draws_its_map_and_links_its_pdf(page, served):
    page.goto(f"{served}/briefings/{SEED.stem}.html")
    svg = page.locator("svg.briefing-map").first
    svg.wait_for(state="visible")
    box = svg.bounding_box()
    assert box["width"] > 300 and box["height"] > 100
    assert page.locator("svg.briefing-map circle").count() >= 5
    assert "Damascus" in svg.text_content()
    page.screenshot(path=str(ARTIFACTS / "briefing.png"), full_page=True)
    href = page.get_by_role("link", name="Download PDF").get_attribute("href")
    response = page.request.get(f"{served}/briefings/{href}")
    assert response.status == 200 and response.body().startswith(b"%PDF")


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
