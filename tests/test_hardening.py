"""Faults and hostile input, each through the real CLI as a user meets them: two builds at
once, hostile YAML, huge one-line articles, unwritable folders, special files, Ctrl-C,
broken caches, a task that runs too long, and values the schema allows but nobody tried."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import REPO, SEED, make_project, run_cli

BOMB = "\n".join(["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"] + [
    f"{x}: &{x} [{', '.join([f'*{p}'] * 9)}]" for p, x in zip("abcdefgh", "bcdefghi")])
ARTICLE = "Gunmen kill five in Kabul\n\nGunmen killed five people in Kabul on Monday, police said.\n"


def _popen(root: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=root, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def _site_files(root: Path) -> dict[str, int]:
    return {p.relative_to(root / "site").as_posix(): p.stat().st_size
            for p in (root / "site").rglob("*") if p.is_file() and p.suffix != ".pdf"}


def _corpus(root: Path, n: int = 6) -> None:
    """The seed and a few more articles, enough for worker pools."""
    for i in range(n):
        text = SEED.read_text(encoding="utf-8").replace("Russia, Iran", f"Report {i}: Russia, Iran", 1)
        (root / "seeds" / f"report-{i}.txt").write_text(text, encoding="utf-8")


# --- one build at a time --------------------------------------------------------------------------

def test_two_builds_started_together_leave_the_site_whole_and_equal_to_one_build(tmp_path):
    one = make_project(tmp_path / "one", seed=True)
    _corpus(one)
    run_cli("build", cwd=one, check=True)
    two = make_project(tmp_path / "two", seed=True)
    _corpus(two)
    first, second = _popen(two, "build", "--wait"), _popen(two, "build", "--wait")
    outs = [p.communicate(timeout=600) for p in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, outs
    assert any("waiting for the build" in err for _, err in outs)
    assert (two / "site" / "index.html").is_file()
    assert _site_files(two).keys() == _site_files(one).keys()
    assert not list(two.glob(".site.*"))


def test_a_second_build_refuses_with_one_line_or_waits_with_wait(tmp_path):
    from generator.lock import project_lock
    root = make_project(tmp_path, {"seeds/a.txt": ARTICLE})
    with project_lock(root):
        proc = run_cli("build", cwd=root, check=False)
        assert "another build of this project is running" in proc.stderr and "--wait" in proc.stderr
        assert "Traceback" not in proc.stderr and not (root / "briefings").exists()
        waiting = _popen(root, "extract", "--wait")
        time.sleep(2)
        assert waiting.poll() is None                       # queued behind the lock
    _, err = waiting.communicate(timeout=300)
    assert waiting.returncode == 0 and "waiting for the build" in err
    assert (root / "briefings" / "a.yaml").is_file()


def test_a_killed_builds_lock_is_taken_over(tmp_path):
    root = make_project(tmp_path, {"seeds/a.txt": ARTICLE})
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (root / ".briefings.lock").write_text("")
    (root / ".briefings.lock.info").write_text(json.dumps({"pid": dead.pid, "host": socket.gethostname(),
                                                           "started": "2026-01-01T00:00:00"}))
    proc = run_cli("extract", cwd=root, check=True)
    assert "taken over" in proc.stderr


# --- everything the schema allows renders; one briefing's problem stops no other -------------------

def test_a_valid_hand_edit_with_null_coordinates_renders(tmp_path):
    root = make_project(tmp_path, seed=True)
    run_cli("extract", cwd=root, check=True)
    path = root / "briefings" / "seed-russia-iran-assad.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["locations"][0]["lon"] = None
    data["locations"][1]["lat"] = None
    data["threats"][0]["fatalities"] = None
    data["actors"][0]["evidence"] = []
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    run_cli("validate", cwd=root, check=True)
    run_cli("build", cwd=root, check=True)
    assert (root / "site" / "briefings" / "seed-russia-iran-assad.html").is_file()
    assert (root / "build" / "docs" / "pdf" / "seed-russia-iran-assad.pdf").is_file()


def test_a_render_problem_names_the_briefing_and_the_template_line_and_stops_no_other(tmp_path):
    root = make_project(tmp_path, {"seeds/a.txt": ARTICLE}, seed=True)
    run_cli("extract", cwd=root, check=True)
    template = root / "templates" / "briefing.md.j2"
    # A template edited for briefings whose first location has coordinates.
    template.write_text(template.read_text(encoding="utf-8").replace(
        "## Locations", "## Locations\n\n{% if b.locations %}{{ '%.1f' | format(b.locations[0].lat) }}{% endif %}"),
        encoding="utf-8")
    path = root / "briefings" / "seed-russia-iran-assad.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["locations"][0]["lat"] = None
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    proc = run_cli("render", cwd=root, check=False)
    error = next(line for line in proc.stderr.splitlines() if line.startswith("ERROR"))
    assert "briefings/seed-russia-iran-assad.yaml" in error and "briefing.md.j2 line" in error
    assert "Traceback" not in proc.stderr
    assert (root / "build" / "docs" / "briefings" / "a.md").is_file()
    assert (root / "build" / "docs" / "pdf" / "seed-russia-iran-assad.pdf").is_file()   # its PDF still made


# --- bounded input ---------------------------------------------------------------------------------

def test_a_long_article_on_one_line_is_parsed_in_bounded_pieces():
    from generator.extract.nlp import PIECE_CHARS, _pieces
    text = SEED.read_text(encoding="utf-8").replace("\n", " ") * 400      # ~1.5 MB, no line break
    assert len(text) > 1_000_000
    pieces = _pieces(text)
    assert "".join(pieces) == text and max(map(len, pieces)) <= PIECE_CHARS


def test_a_long_one_line_article_builds_with_the_others(tmp_path):
    body = SEED.read_text(encoding="utf-8").split("\n", 2)[2].replace("\n", " ")
    root = make_project(tmp_path, {"seeds/long.txt": "A long article\n" + body * 60, "seeds/a.txt": ARTICLE})
    run_cli("extract", cwd=root, check=True)
    run_cli("validate", cwd=root, check=True)          # evidence offsets point into the text


@pytest.mark.parametrize("where", ["front matter", "briefing"])
def test_a_yaml_bomb_fails_fast_naming_the_file_and_line(tmp_path, where):
    if where == "front matter":
        root = make_project(tmp_path, {"seeds/bomb.md": f"---\n{BOMB}\ntitle: Bomb\n---\nBody text.\n",
                                       "seeds/a.txt": ARTICLE})
        started = time.monotonic()
        proc = run_cli("extract", cwd=root, check=False)
        expected = "seeds/bomb.md: line "
        assert (root / "briefings" / "a.yaml").is_file()      # the others are built
    else:
        root = make_project(tmp_path, {"briefings/bomb.yaml": BOMB + "\n"})
        started = time.monotonic()
        proc = run_cli("validate", cwd=root, check=False)
        expected = "bomb.yaml: line "
    assert time.monotonic() - started < 20                # not minutes, and no MemoryError
    assert expected in proc.stdout + proc.stderr and "aliases" in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and "MemoryError" not in proc.stderr


def test_an_alias_that_refers_to_itself_is_refused(tmp_path):
    root = make_project(tmp_path, {"briefings/loop.yaml": "a: &a [1, *a]\n"})
    proc = run_cli("validate", cwd=root, check=False)
    assert "refers to the value that contains it" in proc.stdout


# --- one line for each fault -----------------------------------------------------------------------

@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to read-only folders")
def test_a_read_only_briefings_folder_is_one_line(tmp_path):
    root = make_project(tmp_path, {"seeds/a.txt": ARTICLE})
    (root / "briefings").mkdir()
    (root / "briefings").chmod(0o555)
    try:
        proc = run_cli("extract", cwd=root, check=False)
    finally:
        (root / "briefings").chmod(0o755)
    assert "Traceback" not in proc.stderr and "Permission denied" in proc.stderr


def test_a_file_where_the_briefings_folder_should_be_is_one_line(tmp_path):
    root = make_project(tmp_path, {"seeds/a.txt": ARTICLE, "briefings": "not a folder"})
    proc = run_cli("extract", cwd=root, check=False)
    errors = [line for line in proc.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1 and "briefings" in errors[0] and "Traceback" not in proc.stderr


def test_offsets_past_the_end_and_missing_fields_are_told_with_their_line(tmp_path):
    root = make_project(tmp_path, seed=True)
    run_cli("extract", cwd=root, check=True)
    path = root / "briefings" / "seed-russia-iran-assad.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["quotes"][0]["evidence"][0].update(start=10**6, end=10**6 + 5)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    proc = run_cli("validate", cwd=root, check=False)
    assert "line " in proc.stdout and "quotes.0.evidence.0: offsets" in proc.stdout
    del data["threats"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    proc = run_cli("validate", cwd=root, check=False)
    assert "line 1: (top level): 'threats' is missing" in proc.stdout


def test_special_files_and_odd_links_in_seeds_are_named_with_the_fix(tmp_path):
    root = make_project(tmp_path, {"seeds/a.txt": ARTICLE})
    seeds = root / "seeds"
    os.mkfifo(seeds / "pipe.txt")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(seeds / "sock.txt"))
    (seeds / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (seeds / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "elsewhere").mkdir()
    (seeds / "folder").symlink_to(tmp_path / "elsewhere")
    try:
        proc = run_cli("extract", cwd=root, check=True)
    finally:
        listener.close()
    said = proc.stderr
    assert "seeds/pipe.txt: skipped: a named pipe" in said
    assert "seeds/sock.txt: skipped: a socket" in said
    assert "seeds/dangling.txt: skipped: a broken link" in said
    assert "seeds/loop.txt: skipped: a link that loops" in said
    assert "seeds/folder: skipped: a link to the folder" in said
    assert "permissions" not in said and (root / "briefings" / "a.yaml").is_file()


# --- Ctrl-C ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("after_s", [0.3, 2.0, 6.0])
def test_ctrl_c_at_any_moment_prints_one_line_and_the_next_build_completes(tmp_path, after_s):
    root = make_project(tmp_path, seed=True)
    _corpus(root)
    build = _popen(root, "build", "--jobs", "2")
    time.sleep(after_s)
    os.killpg(build.pid, signal.SIGINT)          # as the terminal does: every process of the build
    _, err = build.communicate(timeout=120)
    lines = [line for line in err.splitlines() if line.strip()]
    if build.returncode != 0:                    # (a build may have finished before the interrupt)
        assert build.returncode == 130, err
        assert len(lines) <= 2 and "interrupted" in lines[-1], err
    assert "Traceback" not in err and "Exception" not in err
    assert not list(root.rglob("*.tmp"))
    run_cli("build", cwd=root, check=True)
    assert (root / "site" / "index.html").is_file()


def _cli_with(tmp_path: Path, root: Path, setup: str, *args: str) -> subprocess.CompletedProcess:
    """`python -m` a module that runs `setup` and then the real CLI's main with `args`: for
    timings a real build cannot hit on demand. `-m` as users run it: CPython treats a Ctrl-C
    differently there than in a script."""
    (tmp_path / "cli_under_test.py").write_text(
        f"import os, signal, sys, time\nfrom generator import cli, pipeline\n{setup}\n"
        f"sys.argv = ['generator', *{list(args)!r}]\ncli.main()\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(REPO)])}
    return subprocess.run([sys.executable, "-m", "cli_under_test"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)


def test_ctrl_c_landing_inside_a_librarys_string_eval_still_exits_130(tmp_path):
    # Style sheets and fonts are compiled with eval(); a Ctrl-C raised there made CPython
    # end `python -m` by the signal, whatever status the handler asked for.
    root = make_project(tmp_path / "p", seed=True)
    proc = _cli_with(tmp_path, root, "def extract(config):\n"
                                     "    exec('os.kill(os.getpid(), signal.SIGINT); time.sleep(5)')\n"
                                     "pipeline.extract = extract", "extract")
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 130, proc.stderr
    assert len(lines) == 1 and "interrupted" in lines[0], proc.stderr
    assert not (root / ".briefings.lock.info").exists()      # the lock was let go on the way out


def test_a_ctrl_c_while_a_finished_build_shuts_down_leaves_its_status(tmp_path):
    # An interrupt that arrives while Python tears the modules down (a second or more with the
    # model loaded) found the default action back in place and killed the finished build.
    root = make_project(tmp_path / "p")
    proc = _cli_with(tmp_path, root, "class LateInterrupt:\n    def __del__(self):\n"
                                     "        os.kill(os.getpid(), signal.SIGINT)\n        time.sleep(0.2)\n"
                                     "late = LateInterrupt()", "extract")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr


# --- caches hold data, and a broken one is rebuilt --------------------------------------------------

def test_corrupt_cache_entries_are_ignored_and_rebuilt(tmp_path):
    cache = tmp_path / "cache"
    root = make_project(tmp_path / "p", seed=True)
    env_run = lambda *args: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "generator", *args], cwd=root, capture_output=True, text=True, timeout=900,
        env={**os.environ, "PYTHONPATH": str(REPO), "XDG_CACHE_HOME": str(cache)})
    _corpus(root)
    first = env_run("build", "--jobs", "2", "--no-pdf")
    assert first.returncode == 0, first.stderr
    # built once, before the worker processes start, not by each of them
    assert first.stderr.count("building the gazetteer index") == 1, first.stderr
    entries = list((cache / "briefing-generator").rglob("*.json"))
    index = next((cache / "briefing-generator").glob("gazetteer-*.sqlite"))
    assert entries and not list(cache.rglob("*.pickle")) and not list(cache.rglob("*.pkl"))
    for entry in entries:
        entry.write_text("{not json", encoding="utf-8")
    index.write_bytes(b"not a database" * 100)
    shutil.rmtree(root / "site")
    (root / "briefings" / "seed-russia-iran-assad.yaml").unlink()
    proc = env_run("build")
    assert proc.returncode == 0, proc.stderr
    assert (root / "site" / "index.html").is_file() and index.read_bytes()[:15] == b"SQLite format 3"


# --- per-task time limit ---------------------------------------------------------------------------

def test_an_article_that_takes_too_long_is_stopped_and_named(tmp_path):
    body = SEED.read_text(encoding="utf-8").split("\n", 2)[2]
    root = make_project(tmp_path, {"seeds/slow.txt": "A long article\n" + body * 40, "seeds/a.txt": ARTICLE})
    proc = run_cli("extract", "--task-timeout", "1", "--jobs", "1", cwd=root, check=False)
    assert "seeds/slow.txt: extraction took over 1 s and was stopped" in proc.stderr
    assert (root / "briefings" / "a.yaml").is_file() and not (root / "briefings" / "slow.yaml").exists()
