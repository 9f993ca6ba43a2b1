"""How fast each widget answers: set every control 30 times and time its callbacks.

Measured in the kernel, as a student's change arrives there: the time from setting a
control's value (or clicking a button) until every observer has run and the widget's new
state has been sent. Each control is set to its options in turn, so first visits of every
option count (a cache that helps only the second visit would not show up as fast).
Run ``python -m counterpart.bench``. The goal is p95 <= 50 ms for every control, so that the
browser shows the change within the 100 ms that feels instant.
"""
from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import cycle, islice

import ipywidgets as widgets

from .widgets.base import CourseWidget

SETS = 30
GOAL_MS = 50.0


def _benchmarked() -> dict[str, Callable[[], CourseWidget]]:
    """Every widget the course shows, made as its notebook makes it."""
    from . import widgets as w
    from .data import load
    from .workbooks import wb04

    return {
        "term picker (00, 05)": w.term_picker,
        "partners map (01)": w.partners_map,
        "bilingual reader (02, 05, 07)": w.bilingual_reader,
        "reader, Chinese first (08)": lambda: w.bilingual_reader(chinese_first=True,
                                                                 pinyin="6"),
        "flashcards (03)": w.flashcards,
        "flashcards, English first (08)": lambda: w.flashcards(direction="en-zh"),
        "number converter (04)": w.number_converter,
        "figures explorer (04)": w.figures_explorer,
        "evidence sorter (06)": lambda: w.evidence_sorter(
            load("evidence").drop_duplicates("quote", keep=False),
            readings=("fits H1", "against H1", "silent")),
        "multiple choice (workbooks)": wb04.task_2_widget,
    }


def _values(control: widgets.Widget, box: CourseWidget) -> list:
    """The values a control can take, in order (its options, or the widget's samples)."""
    if isinstance(control, widgets.Text):
        return list(box.samples)
    if isinstance(control, (widgets.ToggleButton, widgets.Checkbox)):
        return [not control.value, control.value]
    return [option[1] if isinstance(option, tuple) else option
            for option in control._options_full] if hasattr(control, "_options_full") else [
        value for _, value in control.options]


def actions(box: CourseWidget, name: str, sets: int = SETS) -> Iterator[Callable[[], None]]:
    """``sets`` actions on the control ``name`` of ``box``: set a new value, or click."""
    part = getattr(box, name)
    controls = part if isinstance(part, list) else [part]
    steps = []
    for control in controls:
        if isinstance(control, widgets.Button):
            steps.append(lambda c=control: c.click())
        else:
            steps += [lambda c=control, v=v: setattr(c, "value", v)
                      for v in _values(control, box)]
    return islice(cycle(steps), sets)


@dataclass(frozen=True)
class Timing:
    """One control's callback times over its sets, in milliseconds."""

    widget: str
    control: str
    times: tuple[float, ...]

    @property
    def p50(self) -> float:
        return statistics.median(self.times)

    @property
    def p95(self) -> float:
        ordered = sorted(self.times)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    @property
    def max(self) -> float:
        return max(self.times)


def measure(sets: int = SETS) -> list[Timing]:
    """Time every control of every widget, each on a freshly made widget."""
    results = []
    for label, make in _benchmarked().items():
        for name in make().controls:
            box = make()
            times = []
            for act in actions(box, name, sets):
                start = time.perf_counter()
                act()
                times.append((time.perf_counter() - start) * 1000)
            results.append(Timing(label, name, tuple(times)))
    return results


def table(results: list[Timing]) -> str:
    """The timings as a text table, with the goal marked."""
    lines = [f"{'widget':32} {'control':14} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}",
             "-" * 71]
    for r in results:
        flag = "" if r.p95 <= GOAL_MS else f"  over the {GOAL_MS:.0f} ms goal"
        lines.append(f"{r.widget:32} {r.control:14} {r.p50:7.1f} {r.p95:7.1f} "
                     f"{r.max:7.1f}{flag}")
    return "\n".join(lines)


def in_kernel(sets: int = SETS) -> str:
    """The table, measured in a fresh Jupyter kernel of this environment.

    Only there do widgets have a front-end connection, so each set also pays for sending the
    widget's new state, as it does for a student.
    """
    import subprocess

    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3", stderr=subprocess.DEVNULL)
    printed: list[str] = []

    def collect(message: dict) -> None:
        if message["msg_type"] == "stream":
            printed.append(message["content"]["text"])
        elif message["msg_type"] == "error":
            printed.append("\n".join(message["content"]["traceback"]))

    code = ("import matplotlib\nmatplotlib.use('Agg')\nfrom counterpart import bench\n"
            f"print(bench.table(bench.measure({int(sets)})))")
    try:
        client.execute_interactive(code, output_hook=collect, timeout=600)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    return "".join(printed).rstrip()


def main(sets: int = SETS) -> None:
    """Measure in a kernel and print the table (what ``course.py bench`` shows for widgets)."""
    print(f"Widget callbacks, {sets} sets per control, timed in a Jupyter kernel until every "
          "observer has run (first visits included):")
    print(in_kernel(sets))


if __name__ == "__main__":
    main()
