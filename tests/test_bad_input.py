"""Bad input: one line naming the file, the problem and the fix; the rest still builds."""
from __future__ import annotations

import os

import pytest

from conftest import make_project, run_cli

GOOD = "Rebels seize city\n\nRebels seized the city of Idlib on Monday, a spokesman said.\n"

CASES = {
    "empty.txt": ("", "seeds/empty.txt: the file is empty; add a headline line and the article body"),
    "blank.txt": ("  \n \t\n", "seeds/blank.txt: the file is empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "seeds/binary.txt: is a binary file, not text"),
    "headline-only.txt": ("Just a headline\n", "seeds/headline-only.txt: has a headline but no body text"),
    "front.md": ("---\ntitle: [unclosed\n---\nBody text here.\n", "seeds/front.md: malformed YAML front matter"),
    "huge.txt": ("Huge\n\n" + "word " * 500_000, "seeds/huge.txt: 2,500,006 bytes is over the 2,000,000-byte limit"),
}


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    files = {f"seeds/{name}": content for name, (content, _) in CASES.items()}
    files["seeds/notes.docx"] = "not an article"
    files["seeds/latin1.txt"] = "Headline\n\nThe minister’s warning came after gunmen attacked a base.\n".encode("cp1252")
    files["seeds/good.txt"] = GOOD
    root = make_project(tmp_path_factory.mktemp("bad"), files)
    os.symlink(root / "seeds" / "missing-target.txt", root / "seeds" / "unreadable.txt")
    return root, run_cli("build", cwd=root, check=False)


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_bad_file_gets_one_clear_error(bad_build, name):
    _, proc = bad_build
    lines = [line for line in proc.stderr.splitlines() if f"seeds/{name}:" in line]
    assert len(lines) == 1, proc.stderr
    assert CASES[name][1] in lines[0]
    assert lines[0].startswith("ERROR: ")


def test_the_rest_is_built_and_the_exit_is_non_zero(bad_build):
    root, proc = bad_build
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert (root / "site" / "briefings" / "good.html").exists()
    assert (root / "site" / "briefings" / "latin1.html").exists()


def test_unsupported_and_unreadable_files_are_reported(bad_build):
    _, proc = bad_build
    assert "seeds/notes.docx: skipped: unsupported file type '.docx'" in proc.stderr
    assert "seeds/unreadable.txt: skipped: a broken link" in proc.stderr


def test_non_utf8_is_a_warning_and_strict_makes_it_fail(tmp_path):
    root = make_project(tmp_path, {"seeds/latin1.txt": "Headline\n\nGunmen attacked a base’s gate.\n".encode("cp1252")})
    proc = run_cli("build", cwd=root, check=True)
    assert "WARNING: seeds/latin1.txt: not UTF-8; read as Windows-1252" in proc.stderr
    assert run_cli("build", "--strict", "--force", cwd=root).returncode == 1


def test_the_size_limit_is_configurable(tmp_path):
    root = make_project(tmp_path, {"seeds/a.txt": GOOD})
    proc = run_cli("extract", "--max-bytes", "20", cwd=root, check=False)
    size = len(GOOD.encode())
    assert f"seeds/a.txt: {size} bytes is over the 20-byte limit; split the article or raise --max-bytes" in proc.stderr


def test_same_titles_and_awkward_file_names_get_distinct_safe_slugs(tmp_path):
    root = make_project(tmp_path, {
        "seeds/same.txt": GOOD, "seeds/same.md": "---\ntitle: Rebels seize city\n---\n\nRebels seized Idlib.\n",
        "seeds/with spaces & $(shell) chars.txt": GOOD, "seeds/Ünïcødé ДАМАСК.txt": GOOD,
    })
    run_cli("build", cwd=root, check=True)
    names = sorted(p.name for p in (root / "briefings").glob("*.yaml"))
    assert names == ["same-2.yaml", "same.yaml", "unicode-damask.yaml", "with-spaces-shell-chars.yaml"]
    assert sorted(p.name for p in (root / "site" / "pdf").iterdir()) == [n.replace(".yaml", ".pdf") for n in names]


def test_a_briefing_cannot_point_outside_its_folder(tmp_path):
    root = make_project(tmp_path, {"seeds/a.txt": GOOD})
    run_cli("extract", cwd=root, check=True)
    path = root / "briefings" / "a.yaml"
    path.write_text(path.read_text().replace("id: a\n", "id: ../../etc/x\n"))
    proc = run_cli("build", cwd=root, check=False)
    assert "briefings/a.yaml: line 2: id: '../../etc/x' does not match" in proc.stderr
    assert not (root.parent / "etc").exists()
