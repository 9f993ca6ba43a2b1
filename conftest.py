"""pytest configuration for the whole suite: the unit tests in tests/ and the notebooks (nbval).

It lives at the repository root because nbval items under notebooks/ and exercises/ only see
hooks from a conftest.py above them."""
import os
import tempfile
from pathlib import Path

import pytest

# Kernels started by nbval inherit this environment: a fixed hash seed makes printed sets
# reproducible, and the temporary folders keep test runs from writing to $HOME.
_TMP = Path(tempfile.mkdtemp(prefix="course-pytest-"))
os.environ["PYTHONHASHSEED"] = "0"
os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
for _name in ("IPYTHONDIR", "MPLCONFIGDIR", "JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR",
              "JUPYTER_RUNTIME_DIR"):
    os.environ.setdefault(_name, str(_TMP / _name.lower()))

# nbval waits only 5 s for a cell's output by default; plots and imports can take longer.
OUTPUT_TIMEOUT = 60


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives JupyterLab in a real browser")


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]


def need_browser():
    """Skip a browser test when Debian's chromium or playwright is missing, except under
    CI=true, where that is a failure."""
    problems = []
    if not CHROMIUM.exists():
        problems.append(f"{CHROMIUM} is missing (run `sh scripts/install_browser.sh`)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problems.append("the playwright package is missing (pip install -r requirements-test.txt)")
    if problems:
        message = "browser test: " + "; ".join(problems)
        if os.environ.get("CI") == "true":
            pytest.fail(message + " -- CI must run the browser test", pytrace=False)
        pytest.skip(message)


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for every browser test of the session (JupyterLab, the website,
    the handouts): Debian's binary, never a browser Playwright downloads."""
    need_browser()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                             headless=True)
        yield browser
        browser.close()


def _is_nbval_cell(item):
    return type(item).__name__ == "IPyNbCell"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if _is_nbval_cell(item):
            item.output_timeout = OUTPUT_TIMEOUT


def pytest_runtest_setup(item):
    # nbval runs a code cell stored without outputs but never compares it, so such a cell
    # would pass whatever it printed. Fail it instead.
    if _is_nbval_cell(item):
        cell = item.cell
        if cell.get("execution_count") is None and cell.get("source", "").strip():
            pytest.fail(f"{item.name}: this code cell was stored without being executed; "
                        f"re-store outputs with `python course.py execute {_relative(item)}`",
                        pytrace=False)


def _relative(item):
    path = Path(str(item.fspath))
    root = Path(__file__).resolve().parent
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
