"""The environment files agree with each other, so conda, Binder and pip install the same."""
import re

from counterpart.paths import ROOT


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


def test_environment_yml_pins_exactly_the_runtime_requirements():
    pip_section = read("environment.yml").split("- pip:", 1)[1]
    assert pins(pip_section) == pins(read("requirements.txt"))


def test_every_requirement_is_pinned():
    for name in ("requirements.txt", "requirements-test.txt"):
        for line in read(name).splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-r "):
                assert "==" in line, f"{name}: {line!r} is not pinned"


def test_constraints_agree_with_requirements():
    locked = pins(read("constraints.txt"))
    wanted = pins(read("requirements.txt")) | pins(read("requirements-test.txt"))
    for name, version in wanted.items():
        assert locked.get(name) == version, f"constraints.txt has {name}=={locked.get(name)}"


def test_runtime_install_leaves_out_test_tools():
    assert not {"pytest", "nbval", "playwright", "hypothesis"} & set(pins(read("requirements.txt")))


def test_the_parser_sees_a_disagreement():
    # Guard the guard: a changed pin in the conda file must show as a difference.
    assert pins("  - pip:\n      - pandas==0.1\n") != pins(read("requirements.txt"))
    assert pins("  - pip:\n      - pandas==0.1\n") == {"pandas": "0.1"}
