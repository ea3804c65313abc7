"""A build killed at any moment loses nothing, and nothing is fetched from the network."""
from __future__ import annotations

import http.server
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time

import yaml

from conftest import REPO, SEED, make_project, run_cli
from generator.schema import read_briefing


def test_kill_9_mid_build_leaves_briefings_and_site_intact(tmp_path):
    root = make_project(tmp_path, seed=True)
    for i in range(5):
        shutil.copy(SEED, root / "seeds" / f"copy-{i}.txt")
    run_cli("build", cwd=root, check=True)
    before = {p.name: p.read_bytes() for p in (root / "briefings").glob("*.yaml")}
    site_files = {p.relative_to(root / "site") for p in (root / "site").rglob("*") if p.is_file()}

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for delay in (0.5, 1.5, 3.0, random.uniform(0.2, 4.0)):
        proc = subprocess.Popen([sys.executable, "-m", "generator", "build", "--force"], cwd=root,
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        for path in (root / "briefings").glob("*.yaml"):
            read_briefing(path)                        # every briefing whole and valid
        assert set(before) <= {p.name for p in (root / "briefings").glob("*.yaml")}
        assert (root / "site" / "index.html").exists()
        now = {p.relative_to(root / "site") for p in (root / "site").rglob("*") if p.is_file()}
        assert site_files <= now

    proc = run_cli("build", cwd=root, check=True)           # the next build completes
    assert "Built 6 articles" in proc.stderr


class Trap(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):
        Trap.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_no_request_leaves_for_urls_in_articles_or_edited_briefings(tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Trap)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    trap = f"http://127.0.0.1:{server.server_port}"
    try:
        article = (f"Trap article\n\nMilitants attacked a base near Kabul. <img src=\"{trap}/img.png\"> "
                   f"![x]({trap}/md.png) <link rel=stylesheet href=\"{trap}/x.css\"> "
                   f"<iframe src=\"file:///etc/passwd\"></iframe>\n"
                   f"The governor said: \"<img src='{trap}/quote.png'> they attacked at dawn.\"\n")
        root = make_project(tmp_path, {"seeds/trap.txt": article})
        run_cli("build", cwd=root, check=True)
        path = root / "briefings" / "trap.yaml"
        data = yaml.safe_load(path.read_text())
        data["source"]["url"] = f"{trap}/source"
        data["summary"] = [f"<img src=\"{trap}/summary.png\">", f"<style>@import url({trap}/s.css)</style>"]
        data["title"] = f"<script src=\"{trap}/t.js\"></script>"
        path.write_text(yaml.safe_dump(data, sort_keys=False))
        run_cli("build", cwd=root, check=True)
        assert Trap.hits == []
        page = (root / "site" / "briefings" / "trap.html").read_text()
        assert f'<img src="{trap}' not in page and f'<script src="{trap}' not in page
    finally:
        server.shutdown()
