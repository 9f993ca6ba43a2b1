"""A class on a real JupyterHub, on this machine.

    python3 course.py classroom-test --students 30 [--json results.json]

Starts JupyterHub (dummy authenticator: any password; simple local process spawner: each
student gets a home folder under a temporary directory) behind configurable-http-proxy
(scripts/install_proxy.sh), all on 127.0.0.1. The course is a local clone served through a
file:// address. Then, all students at once, as a browser would:

1. log in and open the link printed by `course.py link`: the hub starts the student's server
   and nbgitpuller's page; its pull API clones the course; the link's notebook opens;
2. start a kernel and run 00_start_here and one lesson cell by cell (kernel websocket);
3. edit 00 and write a file of their own.

A course update then lands upstream, every student opens the same link again, and the
script checks that the update arrived and every student's edits are still there.

Measured: seconds from the click until both notebooks have run (p50, p95, max), peak
memory per student (resident memory of the student's server and kernel, summed), the hub's
and proxy's memory, failures. The hub, the proxy, the servers and the kernels are stopped
by process id when the run ends, whether it passed or not. Exit status 1 on any failure.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import html
import json
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import parse_qs, quote, urlencode

import aiohttp
import psutil

ROOT = Path(__file__).resolve().parent.parent
PROXY = ROOT / ".proxy" / "node_modules" / ".bin" / "configurable-http-proxy"
REPO_NAME = "counterpart-course"
START = "notebooks/00_start_here.ipynb"
UPDATE_LINE = "Course update: a note added by the instructor after the class began."
STUDENT_NOTE = "My notes on lesson 00 ({name}): the report was delivered on 27 October 2022."

sys.path.insert(0, str(ROOT))

import course  # noqa: E402  (the launcher: stdlib only)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def proxy_command() -> str:
    if PROXY.exists():
        return str(PROXY)
    found = subprocess.run(["sh", "-c", "command -v configurable-http-proxy"],
                           capture_output=True, text=True).stdout.strip()
    if not found:
        sys.exit("configurable-http-proxy is not installed: run sh scripts/install_proxy.sh")
    return found


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", "-c", "user.name=Instructor", "-c",
                           "user.email=instructor@example.org", *args], cwd=cwd, check=True,
                          capture_output=True, text=True).stdout


def make_upstream(tmp: Path) -> Path:
    """A clone of the course's committed state, standing in for the course's repository."""
    upstream = tmp / "upstream" / REPO_NAME
    head = git("rev-parse", "HEAD", cwd=ROOT).strip()
    git("clone", "-q", "--no-hardlinks", str(ROOT), str(upstream), cwd=tmp)
    git("checkout", "-q", "-B", "main", head, cwd=upstream)
    return upstream


def land_update(upstream: Path, lesson: str) -> None:
    """The instructor's course update: 00's first cell and a lesson change upstream."""
    for path in (START, lesson):
        nb_path = upstream / path
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        first = nb["cells"][0]
        first["source"] = "".join(first["source"]) + f"\n\n{UPDATE_LINE}\n"
        nb_path.write_text(json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n",
                           encoding="utf-8")
    git("commit", "-q", "-am", "A course update", cwd=upstream)


HUB_CONFIG = """\
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.JupyterHub.db_url = "sqlite:///{tmp}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{tmp}/jupyterhub_cookie_secret"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.pid_file = "{tmp}/jupyterhub-proxy.pid"
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{tmp}/homes/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = {args!r}
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 600
c.Spawner.http_timeout = 600
c.Spawner.environment = {{"PYDEVD_DISABLE_FILE_VALIDATION": "1"}}
c.JupyterHub.services = [{{"name": "classroom", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "classroom", "services": ["classroom"],
                             "scopes": ["admin:users", "admin:servers"]}}]
"""


class Hub:
    """JupyterHub in a temporary folder; `with Hub(tmp) as hub:` stops it and everything it
    started (proxy, servers, kernels) by process id on the way out, also after an error."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_hex(16)
        self.process: subprocess.Popen | None = None
        self.seen: dict[int, psutil.Process] = {}   # every descendant of the hub ever seen
        self.owner: dict[int, str] = {}             # pid -> student, for the memory figures
        self.log = tmp / "jupyterhub.log"

    def __enter__(self) -> Hub:
        bin_dir = Path(sys.executable).parent
        as_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        config = self.tmp / "jupyterhub_config.py"
        config.write_text(HUB_CONFIG.format(
            port=self.port, hub_port=free_port(), proxy_api_port=free_port(), tmp=self.tmp,
            proxy=proxy_command(), singleuser=str(bin_dir / "jupyterhub-singleuser"),
            args=as_root, token=self.token), encoding="utf-8")
        env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(config)], cwd=self.tmp, env=env,
                stdout=log, stderr=subprocess.STDOUT)
        try:
            self.wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterHub exited:\n{self.log_tail()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    pass
                if self.api("GET", "/hub/api/")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"JupyterHub did not answer within {timeout} s:\n{self.log_tail()}")

    def api(self, method: str, path: str, body: dict | None = None) -> tuple[int, object]:
        """A request to the hub's REST API with the service's token (blocking)."""
        import urllib.error
        import urllib.request
        request = urllib.request.Request(
            self.url + path, method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {self.token}"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read()
                return response.status, json.loads(text) if text else None
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def log_tail(self, lines: int = 30) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def snapshot(self) -> list[psutil.Process]:
        """The hub's descendants now (servers, kernels, the proxy), remembered for stop()."""
        try:
            children = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.Error:
            return []
        for child in children:
            if child.pid not in self.seen:
                self.seen[child.pid] = child
                try:
                    self.owner[child.pid] = child.environ().get("JUPYTERHUB_USER", "")
                except psutil.Error:
                    self.owner[child.pid] = ""
        return children

    def proxy_pid(self) -> int | None:
        pid_file = self.tmp / "jupyterhub-proxy.pid"
        try:
            return int(pid_file.read_text().strip())
        except (OSError, ValueError):
            return None

    def stop(self) -> None:
        """SIGINT to the hub (it stops its servers and the proxy), then end, by process id,
        anything it started that is still running."""
        if self.process is None:
            return
        self.snapshot()
        proxy = self.proxy_pid()
        if proxy and proxy not in self.seen:
            with contextlib.suppress(psutil.Error):
                self.seen[proxy] = psutil.Process(proxy)
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=90)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        left = [p for p in self.seen.values() if p.is_running()]   # is_running checks pid reuse
        for process in left:
            with contextlib.suppress(psutil.Error):
                process.terminate()
        _, alive = psutil.wait_procs(left, timeout=10)
        for process in alive:
            with contextlib.suppress(psutil.Error):
                process.kill()
        psutil.wait_procs(alive, timeout=10)

    def still_running(self) -> list[int]:
        """Process ids of the hub and everything it started that are still alive."""
        alive = [p.pid for p in self.seen.values() if p.is_running()]
        if self.process is not None and self.process.poll() is None:
            alive.append(self.process.pid)
        return alive


class MemorySampler(threading.Thread):
    """Every half second: resident memory of each student's server and kernel (summed per
    student) and of the hub and proxy; keeps the peaks."""

    def __init__(self, hub: Hub):
        super().__init__(daemon=True)
        self.hub = hub
        self.peak_student: dict[str, int] = {}
        self.peak_hub = 0
        self.peak_used = 0
        self.baseline_used = psutil.virtual_memory().used
        self.halt = threading.Event()

    def run(self) -> None:
        hub_process = psutil.Process(self.hub.process.pid)
        while not self.halt.wait(0.5):
            per_student: dict[str, int] = {}
            infrastructure = 0
            try:
                infrastructure += hub_process.memory_info().rss
            except psutil.Error:
                return
            for child in self.hub.snapshot():
                try:
                    rss = child.memory_info().rss
                except psutil.Error:
                    continue
                owner = self.hub.owner.get(child.pid, "")
                if owner:
                    per_student[owner] = per_student.get(owner, 0) + rss
                else:
                    infrastructure += rss
            for name, rss in per_student.items():
                self.peak_student[name] = max(rss, self.peak_student.get(name, 0))
            self.peak_hub = max(self.peak_hub, infrastructure)
            self.peak_used = max(self.peak_used, psutil.virtual_memory().used - self.baseline_used)


KERNEL_START_S = 180   # a kernel that has not answered by then is restarted (once)
CELL_S = 300           # the longest any one cell may take


class KernelLost(RuntimeError):
    """The kernel never answered, or its connection closed: a student would restart it."""


class Student:
    """One student with a browser's cookie jar, driving the hub over HTTP and websockets."""

    def __init__(self, name: str, hub_url: str, link: str, timeout: float):
        self.name, self.hub_url, self.link = name, hub_url, link
        self.timeout = timeout
        self.jar = aiohttp.CookieJar(unsafe=True)   # unsafe: keep cookies for 127.0.0.1
        self.session: aiohttp.ClientSession | None = None
        self.times: dict[str, float] = {}
        self.folder = ""
        self.notebook = ""
        self.retries: list[str] = []

    def cookie(self, name: str, path_prefix: str = "/") -> str:
        for morsel in self.jar:
            if morsel.key == name and morsel["path"].startswith(path_prefix):
                return morsel.value
        return ""

    async def open_link(self) -> None:
        """Follow the link as a browser: the hub starts the server (polling the spawn page as
        its script would), nbgitpuller's page answers, its pull API runs, the notebook opens."""
        deadline = time.monotonic() + self.timeout
        s = self.session
        page = None
        while time.monotonic() < deadline:
            async with s.get(self.link) as response:
                body = await response.text()
                if (response.status == 200
                        and response.url.path.startswith(f"/user/{self.name}/git-pull")):
                    page = body
                    break
                if response.status >= 500 and "spawn" not in response.url.path:
                    raise RuntimeError(f"{response.status} at {response.url}")
            await asyncio.sleep(0.5)
        if page is None:
            raise RuntimeError("the server did not start in time")
        self.times.setdefault("server_ready", time.monotonic())
        # What nbgitpuller's page script does with the data- attributes of its page.
        data = {k: html.unescape(v) for k, v in re.findall(r'data-([a-z-]+)="([^"]*)"', page)}
        data = {k: parse_qs(f"x={v}")["x"][0] if v else v for k, v in data.items()}
        params = {"_xsrf": data["xsrf"], "repo": data["repo"], "targetpath": data["targetpath"]}
        for optional in ("depth", "branch"):
            if data.get(optional):
                params[optional] = data[optional]
        api = f"{self.hub_url}/user/{self.name}/git-pull/api?{urlencode(params)}"
        outcome = None
        async with s.get(api) as response:
            async for line in response.content:
                if line.startswith(b"data:"):
                    event = json.loads(line[5:])
                    if event.get("phase") in ("finished", "error"):
                        outcome = event
                        break
        if not outcome or outcome["phase"] != "finished":
            raise RuntimeError(f"nbgitpuller: {outcome and outcome.get('message')}")
        self.folder = data["targetpath"]
        async with s.get(self.hub_url + data["base-url"] + data["path"]) as response:
            await response.read()
            if response.status != 200:
                raise RuntimeError(f"the link's page answered {response.status}")
        # The page the link opens is a file of the pulled course (JupyterLab would show an
        # error for a missing one, with a 200 page all the same).
        self.notebook = data["path"].removeprefix("lab/tree/")
        await self.contents(self.notebook)

    def headers(self) -> dict:
        return {"X-XSRFToken": self.cookie("_xsrf", f"/user/{self.name}")}

    def server(self, path: str) -> str:
        return f"{self.hub_url}/user/{self.name}/{path}"

    async def contents(self, path: str) -> dict:
        async with self.session.get(self.server(f"api/contents/{quote(path)}")) as response:
            if response.status != 200:
                raise RuntimeError(f"{path} is not in the student's home ({response.status})")
            return await response.json()

    async def save(self, path: str, model: dict) -> None:
        async with self.session.put(self.server(f"api/contents/{quote(path)}"), json=model,
                                    headers=self.headers()) as response:
            if response.status not in (200, 201):
                raise RuntimeError(f"saving {path}: {response.status} {await response.text()}")

    async def run_notebook(self, path: str) -> int:
        """Run the notebook in a new kernel; if the kernel never came up (a loaded machine),
        once more in another, as a student would restart it. Returns the cells run."""
        try:
            return await self.run_in_new_kernel(path)
        except KernelLost as lost:
            self.retries.append(f"{path}: {lost}")
            return await self.run_in_new_kernel(path)

    async def run_in_new_kernel(self, path: str) -> int:
        """Start a kernel for the notebook, run its code cells in order; returns the count."""
        nb = (await self.contents(path))["content"]
        body = {"path": path, "type": "notebook", "name": Path(path).name,
                "kernel": {"name": "python3"}}
        async with self.session.post(self.server("api/sessions"), json=body,
                                     headers=self.headers()) as response:
            if response.status != 201:
                raise KernelLost(f"no kernel: {response.status} {await response.text()}")
            created = await response.json()
        kernel = created["kernel"]["id"]
        session = uuid.uuid4().hex
        url = self.server(f"api/kernels/{kernel}/channels?session_id={session}")
        ran = 0
        try:
            ws = await self.session.ws_connect(url.replace("http", "ws", 1), max_msg_size=0)
            await self.wait_for_kernel(ws, session)
        except (KernelLost, aiohttp.WSServerHandshakeError) as lost:
            # Shut the stuck kernel down, as JupyterLab's restart would replace it.
            async with self.session.delete(self.server(f"api/sessions/{created['id']}"),
                                           headers=self.headers()) as response:
                await response.read()
            raise KernelLost(str(lost)) from None
        async with ws:
            for cell in nb["cells"]:
                if cell["cell_type"] != "code":
                    continue
                expect_error = "raises-exception" in cell.get("metadata", {}).get("tags", [])
                status, error = await self.execute(ws, session, "".join(cell["source"]))
                if (status == "ok") == expect_error:
                    raise RuntimeError(f"{path}, cell {ran + 1}: {status} {error}")
                ran += 1
        return ran

    async def send(self, ws, session: str, msg_type: str, content: dict) -> str:
        msg_id = uuid.uuid4().hex
        await ws.send_json({
            "header": {"msg_id": msg_id, "msg_type": msg_type, "session": session,
                       "username": self.name, "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": content})
        return msg_id

    async def receive(self, ws, timeout: float) -> dict:
        message = await asyncio.wait_for(ws.receive(), timeout=timeout)
        if message.type == aiohttp.WSMsgType.TEXT:
            return json.loads(message.data)
        if message.type == aiohttp.WSMsgType.BINARY:
            # A message with binary buffers (a widget's, say): the first part is the JSON.
            data = message.data
            count = int.from_bytes(data[:4], "big")
            offsets = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(count)]
            return json.loads(data[offsets[0]:offsets[1] if count > 1 else None])
        raise KernelLost(f"the kernel's websocket closed ({message.type.name})")

    async def wait_for_kernel(self, ws, session: str) -> None:
        """Ask for kernel_info until the kernel answers, as JupyterLab does on connecting."""
        deadline = time.monotonic() + KERNEL_START_S
        while time.monotonic() < deadline:
            msg_id = await self.send(ws, session, "kernel_info_request", {})
            try:
                while True:
                    msg = await self.receive(ws, timeout=5)
                    if (msg["msg_type"] == "kernel_info_reply"
                            and msg.get("parent_header", {}).get("msg_id") == msg_id):
                        return
            except TimeoutError:
                continue
        raise KernelLost(f"no answer from the kernel in {KERNEL_START_S} s")

    async def execute(self, ws, session: str, code: str) -> tuple[str, str]:
        msg_id = await self.send(ws, session, "execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True})
        error = ""
        while True:
            msg = await self.receive(ws, timeout=CELL_S)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "error":
                error = f"{msg['content']['ename']}: {msg['content']['evalue']}"
            if msg["msg_type"] == "execute_reply":
                return msg["content"]["status"], error

    async def edit(self) -> None:
        """A student's own work: a note appended to 00 and a file of their own."""
        path = f"{self.folder}/{START}"
        model = await self.contents(path)
        model["content"]["cells"].append({"cell_type": "markdown", "metadata": {},
                                          "source": STUDENT_NOTE.format(name=self.name)})
        await self.save(path, {"type": "notebook", "format": "json",
                               "content": model["content"]})
        await self.save(f"{self.folder}/my_answers.md",
                        {"type": "file", "format": "text", "content": f"{self.name}'s answers\n"})

    async def check_edits_survived(self, lesson: str) -> None:
        start = await self.contents(f"{self.folder}/{START}")
        sources = ["".join(c["source"]) for c in start["content"]["cells"]]
        if STUDENT_NOTE.format(name=self.name) not in sources:
            raise RuntimeError("the student's note in 00 was lost in the update")
        if UPDATE_LINE not in sources[0]:
            raise RuntimeError("the course update did not reach 00")
        if UPDATE_LINE not in "".join((await self.contents(f"{self.folder}/{lesson}"))
                                      ["content"]["cells"][0]["source"]):
            raise RuntimeError(f"the course update did not reach {lesson}")
        mine = await self.contents(f"{self.folder}/my_answers.md")
        if mine["content"] != f"{self.name}'s answers\n":
            raise RuntimeError("the student's own file changed in the update")

    async def first_class(self, lesson: str, click: float) -> dict:
        self.session = aiohttp.ClientSession(cookie_jar=self.jar,
                                             timeout=aiohttp.ClientTimeout(total=None))
        await self.login()
        await self.open_link()
        cells = await self.run_notebook(self.notebook)
        cells += await self.run_notebook(f"{self.folder}/{lesson}")
        self.times["done"] = time.monotonic()
        await self.edit()
        return {"cells": cells, "ready_s": self.times["server_ready"] - click,
                "done_s": self.times["done"] - click}

    async def login(self) -> None:
        s = self.session
        async with s.get(f"{self.hub_url}/hub/login") as response:
            await response.read()
        form = {"username": self.name, "password": "classroom",
                "_xsrf": self.cookie("_xsrf", "/hub")}
        async with s.post(f"{self.hub_url}/hub/login", data=form,
                          allow_redirects=False) as response:
            await response.read()
            if response.status != 302:
                raise RuntimeError(f"login failed: {response.status}")


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share in 0..1) of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


async def classroom(hub: Hub, link: str, students: int, lesson: str, upstream: Path,
                    timeout: float) -> dict:
    names = [f"student{i:02d}" for i in range(1, students + 1)]
    people = [Student(name, hub.url, link, timeout) for name in names]
    try:
        return await lessons_and_update(people, lesson, upstream)
    finally:
        for person in people:
            if person.session is not None:
                await person.session.close()


async def lessons_and_update(people: list[Student], lesson: str, upstream: Path) -> dict:
    failures: dict[str, str] = {}
    click = time.monotonic()
    first = await asyncio.gather(*(p.first_class(lesson, click) for p in people),
                                 return_exceptions=True)
    runs = {}
    for person, result in zip(people, first):
        if isinstance(result, BaseException):
            failures[person.name] = f"first class: {type(result).__name__}: {result}"
        else:
            runs[person.name] = result
    land_update(upstream, lesson)

    async def second_click(person: Student) -> None:
        await person.open_link()
        await person.check_edits_survived(lesson)

    update_start = time.monotonic()
    second = await asyncio.gather(*(second_click(p) for p in people if p.name in runs),
                                  return_exceptions=True)
    update_s = time.monotonic() - update_start
    for person, result in zip([p for p in people if p.name in runs], second):
        if isinstance(result, BaseException):
            failures[person.name] = f"update: {type(result).__name__}: {result}"
    retries = {p.name: p.retries for p in people if p.retries}
    return {"runs": runs, "failures": failures, "update_s": update_s, "retries": retries}


def run_class(students: int, lesson: str | None = None, timeout: float = 900) -> dict:
    """The whole classroom test; returns the figures (see the module docstring)."""
    manifest = course.course_module("manifest")
    lesson = lesson or next(entry.lesson for entry in manifest.lessons()
                            if entry.track == "core")
    with tempfile.TemporaryDirectory(prefix="classroom-") as tmp_name:
        tmp = Path(tmp_name)
        upstream = make_upstream(tmp)
        load_before = os.getloadavg()[0]
        began = time.monotonic()
        with Hub(tmp) as hub:
            hub_start_s = time.monotonic() - began
            link = subprocess.run(
                [sys.executable, str(ROOT / "course.py"), "link", "--hub", hub.url,
                 "--repo", upstream.as_uri(), "--branch", "main"],
                check=True, capture_output=True, text=True).stdout.strip()
            sampler = MemorySampler(hub)
            sampler.start()
            try:
                outcome = asyncio.run(classroom(hub, link, students, lesson, upstream, timeout))
            finally:
                sampler.halt.set()
                sampler.join()
            stopping = time.monotonic()
            hub.stop()
            hub_stop_s = time.monotonic() - stopping
            left = hub.still_running()
        done = [r["done_s"] for r in outcome["runs"].values()]
        ready = [r["ready_s"] for r in outcome["runs"].values()]
        memory = [v / 2**20 for k, v in sampler.peak_student.items()]
        mib = lambda values, f: round(f(values), 1) if values else None  # noqa: E731
        return {
            "students": students, "lesson": lesson, "link": link,
            "cpus": os.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
            "load_average_before": round(load_before, 1),
            "hub_start_s": round(hub_start_s, 1), "hub_stop_s": round(hub_stop_s, 1),
            "failures": outcome["failures"],
            "kernel_restarts": outcome["retries"],
            "notebooks_run": len(done),
            "cells_per_student": sorted({r["cells"] for r in outcome["runs"].values()}),
            "server_ready_s": {"p50": mib(ready, statistics.median),
                               "max": mib(ready, max)},
            "notebooks_done_s": {"p50": mib(done, statistics.median),
                                 "p95": mib(done, lambda v: percentile(v, 0.95)),
                                 "max": mib(done, max)},
            "update_pull_all_s": round(outcome["update_s"], 1),
            "peak_mib_per_student": {"median": mib(memory, statistics.median),
                                     "max": mib(memory, max)},
            "peak_mib_hub_and_proxy": round(sampler.peak_hub / 2**20, 1),
            "peak_mib_machine_used": round(sampler.peak_used / 2**20, 1),
            "processes_left_running": left,
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=5, help="how many at once (default 5)")
    parser.add_argument("--lesson", help="the lesson run after 00 (default: the first core one)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if args.students < 1:
        parser.error("--students must be at least 1")
    result = run_class(args.students, args.lesson)
    text = json.dumps(result, indent=1)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 0 if not result["failures"] and not result["processes_left_running"] else 1


if __name__ == "__main__":
    sys.exit(main())
