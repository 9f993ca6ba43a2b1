"""A class on a real JupyterHub (scripts/classroom_test.py), the link that opens the course
there (course.py link), and the launcher's choice of environment on a hub."""
import json
import math
import subprocess
import sys
import time
from urllib.parse import parse_qs, urlsplit

import psutil
import pytest
import yaml

from counterpart import launch, manifest
from counterpart.paths import ROOT

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
import classroom_test  # noqa: E402

import course  # noqa: E402


def query(link):
    return {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}


def test_link_names_the_folder_and_opens_start_here():
    link = launch.hub_link("https://hub.example.edu/", "https://github.com/a/course.git", "v1.2")
    assert link.startswith("https://hub.example.edu/hub/user-redirect/git-pull?")
    assert query(link) == {"repo": "https://github.com/a/course.git", "branch": "v1.2",
                           "targetpath": "course",
                           "urlpath": "lab/tree/course/notebooks/00_start_here.ipynb"}
    # A trailing slash would give nbgitpuller an empty folder name; the link names it.
    assert query(launch.hub_link("http://h", "https://github.com/a/course/"))["targetpath"] == \
        "course"


@pytest.mark.parametrize("hub, repo, branch", [("hub.example.edu", "https://x/c", "main"),
                                               ("https://h", "", "main"),
                                               ("https://h", "https://x/c", ""),
                                               ("https://h", "https://x/", "main")])
def test_link_refuses_what_cannot_work(hub, repo, branch):
    with pytest.raises(ValueError):
        launch.hub_link(hub, repo, branch)


def test_course_py_link_prints_the_same_link(capsys, monkeypatch):
    course.main(["link", "--hub", "https://h.edu", "--repo", "https://g/c.git", "--branch", "t1"])
    assert capsys.readouterr().out.strip() == launch.hub_link("https://h.edu", "https://g/c.git",
                                                               "t1")
    # Without options, course.toml's [launch] defaults; when they are empty, a clear message.
    monkeypatch.setattr(course.course_module("launch"), "defaults",
                        lambda: {"hub": "https://d.edu", "repo": "https://g/d", "branch": "b"})
    course.main(["link"])
    assert query(capsys.readouterr().out)["branch"] == "b"
    monkeypatch.setattr(course.course_module("launch"), "defaults", lambda: {})
    with pytest.raises(SystemExit, match="--hub"):
        course.main(["link"])


def test_course_py_link_warns_that_a_tag_link_cannot_update(capsys, monkeypatch):
    # `git tag --list v1.0` finds the tag (the only command `link` runs).
    monkeypatch.setattr(course.subprocess, "run", lambda command, **kw: subprocess.CompletedProcess(
        command, 0, "v1.0\n"))
    course.main(["link", "--hub", "https://h.edu", "--repo", "https://g/c", "--branch", "v1.0"])
    assert "v1.0 is a tag" in capsys.readouterr().err
    monkeypatch.setattr(course.subprocess, "run", lambda command, **kw: subprocess.CompletedProcess(
        command, 0, ""))
    course.main(["link", "--hub", "https://h.edu", "--repo", "https://g/c", "--branch", "main"])
    assert capsys.readouterr().err == ""


def test_course_py_classroom_test_runs_the_script_in_the_test_environment(monkeypatch):
    ran = []
    monkeypatch.setattr(course, "ensure_env", lambda with_tests: with_tests and "test-python")
    monkeypatch.setattr(course, "run", lambda command, **kw: ran.append(command))
    course.main(["classroom-test", "--students", "3"])
    assert ran == [["test-python", str(ROOT / "scripts" / "classroom_test.py"), "--students", "3"]]


def test_course_toml_launch_table_has_the_keys_the_link_reads():
    assert {"hub", "repo", "branch", "binder"} <= set(manifest.read()["launch"])


def test_on_a_hub_the_course_uses_the_hubs_environment(monkeypatch):
    built = []
    monkeypatch.setattr(course, "ensure_env", lambda with_tests: built.append(1) or "venv")
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.delenv("COURSE_USE_CURRENT_ENV", raising=False)
    assert course.course_python() == "venv"                  # a laptop: .venv
    monkeypatch.setenv("JUPYTERHUB_USER", "student01")
    assert str(course.course_python()) == sys.executable     # a hub with the packages
    monkeypatch.setattr(course, "COURSE_PACKAGES", ("counterpart", "no_such_package_here"))
    assert course.course_python() == "venv"                  # a hub without them
    assert len(built) == 2


def test_a_class_of_five_gets_the_course_runs_it_and_keeps_its_edits(tmp_path):
    figures = tmp_path / "classroom.json"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "classroom_test.py"),
                             "--students", "5", "--json", str(figures)],
                            capture_output=True, text=True, timeout=600)
    assert figures.exists(), result.stderr[-3000:]
    found = json.loads(figures.read_text(encoding="utf-8"))
    assert found["failures"] == {} and result.returncode == 0, found
    assert found["notebooks_run"] == 5
    # Every code cell of 00 and the lesson ran, for every student.
    lesson = next(item.lesson for item in manifest.lessons() if item.track == "core")
    cells = sum(sum(c["cell_type"] == "code" for c in json.loads(
        (ROOT / path).read_text(encoding="utf-8"))["cells"]) for path in (launch.START, lesson))
    assert found["cells_per_student"] == [cells]
    # The students opened the link course.py link prints (for the hub and repository used).
    assert found["link"] == launch.hub_link(found["link"].split("/hub/")[0],
                                            query(found["link"])["repo"], "main")
    assert found["peak_mib_per_student"]["max"] > 50
    assert found["processes_left_running"] == []


def test_the_hub_and_its_servers_stop_even_when_the_run_fails(tmp_path):
    with pytest.raises(RuntimeError, match="a failure mid-class"), \
            classroom_test.Hub(tmp_path) as hub:
            assert hub.api("POST", "/hub/api/users/student01")[0] == 201
            assert hub.api("POST", "/hub/api/users/student01/server")[0] in (201, 202)
            deadline = time.monotonic() + 300
            while not hub.api("GET", "/hub/api/users/student01")[1]["servers"].get(
                    "", {}).get("ready") and time.monotonic() < deadline:
                time.sleep(0.5)
            started = hub.snapshot()
            assert any(hub.owner.get(p.pid) == "student01" for p in started)   # a server runs
            assert hub.proxy_pid()
            raise RuntimeError("a failure mid-class")
    assert hub.still_running() == []
    assert not psutil.pid_exists(hub.process.pid)
    assert hub.seen and not any(p.is_running() for p in hub.seen.values())


def measured():
    """The figures of the class of 30 (deploy/classroom-30.json) and the sizes derived from
    them: guarantee = the peak per student rounded up to 64 MiB, limit = twice the peak
    rounded up to 256 MiB."""
    found = json.loads((ROOT / "deploy" / "classroom-30.json").read_text(encoding="utf-8"))
    peak = found["peak_mib_per_student"]["max"]
    return found, math.ceil(peak / 64) * 64, math.ceil(2 * peak / 256) * 256


def test_the_class_of_thirty_passed():
    found, _, _ = measured()
    assert found["students"] == 30 and found["notebooks_run"] == 30
    assert found["failures"] == {} and found["processes_left_running"] == []


def test_deployment_values_use_the_measured_memory_and_the_course_link():
    _, guarantee, limit = measured()
    values = yaml.safe_load((ROOT / "deploy" / "z2jh-values.yaml").read_text(encoding="utf-8"))
    user = values["singleuser"]
    assert (user["memory"]["guarantee"], user["memory"]["limit"]) == (f"{guarantee}M", f"{limit}M")
    assert values["cull"]["enabled"] is True
    link = launch.hub_link("https://hub", "https://github.com/OWNER/counterpart-course", "main")
    assert user["defaultUrl"] == "/" + link.split("/hub/user-redirect/", 1)[1]
    tljh = (ROOT / "deploy" / "tljh-install.sh").read_text(encoding="utf-8")
    size = f"{limit // 1024}G" if limit % 1024 == 0 else f"{limit}M"
    assert f"limits.memory {size}" in tljh
    assert "requirements-hub.txt" in tljh and "constraints.txt" in tljh


def test_readme_reports_the_measured_figures():
    found, guarantee, limit = measured()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## On a JupyterHub", 1)[1].split("\n## ", 1)[0]
    done = found["notebooks_done_s"]
    for figure in (done["p50"], done["p95"], done["max"], found["peak_mib_per_student"]["max"],
                   found["server_ready_s"]["p50"]):
        assert f"{figure:g}" in section, figure
    assert f"{guarantee} MiB" in section and f"{limit} MiB" in section
