"""Navigation cells and the lesson map are generated from one ordering and kept up to date."""
import importlib.util
import json
import re

from counterpart.paths import NOTEBOOKS, ROOT

_spec = importlib.util.spec_from_file_location("navigation", ROOT / "scripts" / "navigation.py")
navigation = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(navigation)


def test_navigation_cells_are_up_to_date():
    assert navigation.main(check=True) == 0, (
        "run `python scripts/navigation.py` to rewrite the navigation cells")


def test_check_notices_a_stale_cell(tmp_path, monkeypatch):
    nb = json.loads((NOTEBOOKS / "00_start_here.ipynb").read_text(encoding="utf-8"))
    nb["cells"][0]["source"] = "stale"
    (tmp_path / "00_start_here.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    monkeypatch.setattr(navigation, "NOTEBOOKS", tmp_path)
    assert navigation.main(check=True) == 1


def test_every_notebook_is_in_the_ordering():
    stems = {stem for stem, _ in navigation.LESSONS}
    found = {p.stem for p in NOTEBOOKS.glob("*.ipynb")}
    assert found <= stems, f"not in scripts/navigation.py LESSONS: {found - stems}"


def test_no_link_points_at_a_missing_notebook():
    for path in NOTEBOOKS.glob("*.ipynb"):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] != "markdown":
                continue
            source = "".join(cell["source"])
            for target in re.findall(r"\]\(([^)#]+\.ipynb)", source):
                assert (path.parent / target).is_file(), f"{path.name} links to {target}"


def test_readme_lists_every_lesson_that_exists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in NOTEBOOKS.glob("*.ipynb"):
        assert f"notebooks/{path.name}" in readme, f"README.md does not link {path.name}"
