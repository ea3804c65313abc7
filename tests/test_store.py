"""An analyst's edit is never lost."""
from __future__ import annotations

from conftest import make_project, run_cli

ARTICLE = "Rebels seize city\n\nRebels seized the city of Idlib on Monday, a spokesman said.\n"


def test_edited_and_reviewed_briefings_are_kept(tmp_path):
    root = make_project(tmp_path, {"seeds/idlib.txt": ARTICLE})
    run_cli("extract", cwd=root, check=True)
    path = root / "briefings" / "idlib.yaml"
    edited = path.read_text().replace("title: Rebels seize city", "title: Rebels seize Idlib")
    path.write_text(edited)
    run_cli("extract", "--force", cwd=root, check=True)
    assert path.read_text() == edited                      # hand edit kept, even with --force

    # The article changes: the edit stays, the new extraction is proposed beside it.
    (root / "seeds" / "idlib.txt").write_text(ARTICLE + "\nGovernment forces shelled the town.\n")
    proc = run_cli("extract", cwd=root, check=True)
    assert path.read_text() == edited
    assert (root / "briefings" / "idlib.new.yaml").exists()
    assert "kept your edited or reviewed briefing" in proc.stderr


def test_unedited_briefing_is_regenerated_when_its_article_changes(tmp_path):
    root = make_project(tmp_path, {"seeds/idlib.txt": ARTICLE})
    run_cli("extract", cwd=root, check=True)
    (root / "seeds" / "idlib.txt").write_text(ARTICLE.replace("Idlib", "Aleppo"))
    proc = run_cli("extract", cwd=root, check=True)
    assert "1 extracted" in proc.stderr
    assert "Aleppo" in (root / "briefings" / "idlib.yaml").read_text()


def test_an_invalid_hand_edit_is_reported_and_never_replaced(tmp_path):
    root = make_project(tmp_path, {"seeds/idlib.txt": ARTICLE})
    run_cli("extract", cwd=root, check=True)
    path = root / "briefings" / "idlib.yaml"
    broken = path.read_text().replace("status: draft", "status: approved")
    path.write_text(broken)
    proc = run_cli("build", cwd=root, check=False)
    assert "briefings/idlib.yaml: line" in proc.stderr
    assert "review.status: 'approved' is not one of draft, reviewed" in proc.stderr
    assert path.read_text() == broken
