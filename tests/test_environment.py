"""The environment files agree with each other, so conda, Binder and pip install the same."""
import json
import re
import sys
from importlib import metadata

import pytest

from counterpart.paths import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import pins as pinning  # noqa: E402  (scripts/pins.py)

REQUIREMENTS = ("requirements.txt", "requirements-hub.txt", "requirements-test.txt")


def pins(text):
    """{name: version} of the 'name==version' lines (plain or YAML list items) of a text."""
    found = {}
    for line in text.splitlines():
        m = re.match(r"\s*(?:-\s+)?([A-Za-z0-9_.-]+)==([^\s#]+)", line)
        if m:
            found[m.group(1).lower()] = m.group(2)
    return found


def read(name):
    return (ROOT / name).read_text(encoding="utf-8")


def conda_pins():
    return pins(read("environment.yml").split("- pip:", 1)[1])


def test_environment_yml_is_generated_from_the_constraints():
    # Every package the hub set needs, at the constraints' version (scripts/pins.py).
    assert read("environment.yml") == pinning.environment_yml(), "run scripts/pins.py"


def test_environment_yml_pins_the_constraints_versions_and_every_requirement():
    locked, conda = pins(read("constraints.txt")), conda_pins()
    assert len(conda) > 100
    assert {n: v for n, v in conda.items() if locked.get(n) != v} == {}
    wanted = pins(read("requirements.txt")) | pins(read("requirements-hub.txt"))
    assert {n: v for n, v in wanted.items() if conda.get(n) != v} == {}


def test_the_installed_packages_are_the_constraints():
    # The metadata the pins are computed from is that of exactly the pinned versions.
    locked = pinning.pins(read("constraints.txt"))
    needed = pinning.closure(pinning.requirement_names(ROOT / "requirements-test.txt"))
    assert {n: metadata.version(n) for n in needed if metadata.version(n) != locked.get(n)} == {}


@pytest.fixture(scope="module")
def plan():
    return pinning.repo2docker_plan()


def test_repo2docker_builds_from_environment_yml_and_postbuild(plan):
    assert re.search(r'env update -p \S+ --file "environment.yml"', plan)
    assert "RUN ./postBuild" in plan
    assert pinning.base_lock(plan).is_file()


def test_binder_environment_has_no_conflict(plan):
    lock = pinning.base_lock(plan)
    base, combined = pinning.base_packages(lock), pinning.combined_set(lock)
    assert {"jupyterlab", "notebook", "jupyterhub"} <= set(base)
    assert combined["jupyterlab"] == conda_pins()["jupyterlab"]   # ours replaces the base's
    recorded = json.loads((ROOT / "deploy" / "binder-base-requires.json").read_text())
    assert pinning.conflicts(combined, recorded) == []


def test_the_conflict_check_sees_a_conflict(plan):
    # Guard the guard: our notebook with the base's older JupyterLab must be reported.
    lock = pinning.base_lock(plan)
    older_lab = {"jupyterlab": pinning.base_packages(lock)["jupyterlab"]}
    combined = pinning.combined_set(lock) | older_lab
    found = pinning.conflicts(combined, {})
    assert any(line.startswith("notebook==") and "jupyterlab" in line for line in found), found


def test_every_requirement_is_pinned():
    for name in REQUIREMENTS:
        for line in read(name).splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-r "):
                assert "==" in line, f"{name}: {line!r} is not pinned"


def test_constraints_agree_with_requirements():
    locked = pins(read("constraints.txt"))
    wanted = {}
    for name in REQUIREMENTS:
        wanted |= pins(read(name))
    for name, version in wanted.items():
        assert locked.get(name) == version, f"constraints.txt has {name}=={locked.get(name)}"


def test_runtime_install_leaves_out_test_tools():
    assert not {"pytest", "nbval", "playwright", "hypothesis"} & set(pins(read("requirements.txt")))


def test_the_parser_sees_a_disagreement():
    # Guard the guard: a changed pin in the conda file must show as a difference.
    assert pins("  - pip:\n      - pandas==0.1\n") != pins(read("requirements.txt"))
    assert pinning.pins(read("environment.yml").replace("pandas==", "pandas==0.")) != \
        pinning.pins(read("environment.yml"))
    assert pins("  - pip:\n      - pandas==0.1\n") == {"pandas": "0.1"}
