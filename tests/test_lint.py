"""The code passes ruff (rules in pyproject.toml): the package, scripts, tests and launcher."""
import subprocess
import sys

from counterpart.paths import ROOT

CHECKED = ["counterpart", "scripts", "tests", "course.py", "conftest.py", "website"]


def test_ruff_finds_nothing():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache",
                             "--output-format", "concise", *CHECKED],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
