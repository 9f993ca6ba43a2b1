"""Runs one submission's cells in a fresh IPython shell and reports its answers as plain data.

Started by sandbox.py as a separate process (never imported by the grader):

    python runner.py PROGRAM.json FD COURSE_DIR

PROGRAM.json is a list of steps: {"run": source, "id": cell id} runs a cell, {"capture":
[names], "id": ...} reports the current values of those variables. Events go to file
descriptor FD as JSON lines: {"start": i}, {"end": i, "error": "..."}, {"answers": {...}},
{"done": true}. Only plain JSON leaves this process: the checks run in the grading process,
so nothing a submission does here can change its grade, only its answers.

Standard library plus IPython; numpy and pandas values are recognised without importing them.
"""
import contextlib
import json
import math
import os
import sys

MAX_ANSWER_CHARS = 2_000_000     # an answer bigger than this is reported as too large
_dumps = json.dumps              # kept before any submission code can replace json.dumps


def _module(value):
    return type(value).__module__.split(".")[0]


def encode(value, depth=0):
    """``value`` as JSON-safe data that grading.decode turns back into an equivalent object."""
    if depth > 30:
        return {"$other": "nested too deeply", "text": ""}
    if value is Ellipsis:
        return {"$ellipsis": True}
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value if abs(value) < 10 ** 300 else {"$other": "int", "text": "a huge number"}
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$float": repr(value)}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = list(value)
        if isinstance(value, (set, frozenset)):
            items.sort(key=repr)
        encoded = [encode(item, depth + 1) for item in items]
        kind = {list: "$list", tuple: "$tuple"}.get(type(value), "$set")
        return encoded if kind == "$list" else {kind: encoded}
    if isinstance(value, dict):
        return {"$dict": [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]}
    module = _module(value)
    if module == "numpy" and getattr(value, "ndim", None) == 0 and hasattr(value, "item"):
        return encode(value.item(), depth + 1)
    if module == "numpy" and hasattr(value, "tolist"):
        return {"$array": encode(value.tolist(), depth + 1)}
    if module == "pandas" and hasattr(value, "columns") and hasattr(value, "itertuples"):
        rows = [list(row) for row in value.itertuples(index=False, name=None)]
        return {"$frame": {"columns": encode(list(value.columns), depth + 1),
                           "index": encode(list(value.index), depth + 1),
                           "data": encode(rows, depth + 1)}}
    if module == "pandas" and hasattr(value, "index") and hasattr(value, "tolist"):
        return {"$series": {"name": encode(value.name, depth + 1),
                            "index": encode(list(value.index), depth + 1),
                            "data": encode(value.tolist(), depth + 1)}}
    try:
        text = str(value)[:200]
    except Exception:            # noqa: BLE001 - a hostile __str__ must not stop the report
        text = ""
    return {"$other": type(value).__name__[:60], "text": text}


def capture(namespace, names):
    found = {}
    for name in names:
        if name not in namespace:
            found[name] = {"$undefined": True}
            continue
        try:
            data = encode(namespace[name])
            if len(_dumps(data, ensure_ascii=False)) > MAX_ANSWER_CHARS:
                data = {"$other": "too large", "text": ""}
        except Exception as error:   # noqa: BLE001
            data = {"$other": type(error).__name__, "text": "could not be read"}
        found[name] = data
    return found


def limit_resources(limits):
    """Memory, CPU time and file size limits for this process and its children (POSIX)."""
    try:
        import resource
        import signal
    except ImportError:          # Windows: no resource limits; the time limits still apply
        return
    for name, key in (("RLIMIT_AS", "memory_bytes"), ("RLIMIT_CPU", "cpu_seconds"),
                      ("RLIMIT_FSIZE", "file_bytes"), ("RLIMIT_CORE", None)):
        value = limits.get(key, 0) if key else 0
        if hasattr(resource, name) and value is not None:
            # A limit this system does not allow is skipped: the others still apply.
            with contextlib.suppress(ValueError, OSError):
                resource.setrlimit(getattr(resource, name), (value, value))
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # writing past the limit fails, no kill


def main():
    program_path, fd, course = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    events = os.fdopen(fd, "w", encoding="utf-8", buffering=1)
    write = events.write

    def send(event):
        write(_dumps(event, ensure_ascii=False) + "\n")
        events.flush()

    with open(program_path, encoding="utf-8") as f:
        program = json.load(f)
    sys.path.insert(0, course)
    os.chdir(os.path.dirname(os.path.abspath(program_path)))
    from IPython.core.interactiveshell import InteractiveShell
    limit_resources(program["limits"])

    shell = InteractiveShell.instance(colors="nocolor")
    for index, step in enumerate(program["steps"]):
        if "capture" in step:
            send({"answers": capture(shell.user_ns, step["capture"]), "id": step["id"]})
            continue
        send({"start": index, "id": step["id"]})
        result = shell.run_cell(step["run"], store_history=True)
        failure = result.error_before_exec or result.error_in_exec
        error = f"{type(failure).__name__}: {failure}"[:300] if failure else None
        send({"end": index, "id": step["id"], "error": error})
    send({"done": True})


if __name__ == "__main__":
    main()
