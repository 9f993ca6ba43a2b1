"""Every course widget keeps the contract of counterpart.widgets.base.CourseWidget: named parts,
callbacks that run, and static forms that are the same on every run, hold no scripts or outside
links, mark their Chinese as zh-Hans, give tables header cells and images alt text."""
import inspect
import re
from html.parser import HTMLParser

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import pytest  # noqa: E402

from counterpart import bench  # noqa: E402
from counterpart.widgets import CourseWidget  # noqa: E402

WIDGETS = bench._benchmarked()
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
VOID = {"br", "img", "hr", "input", "meta", "link", "col", "area", "source", "wbr"}


class Audit(HTMLParser):
    """Walks static HTML and records what breaks the contract."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.tables, self.headers = [], [], 0, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" or any(k.startswith("on") for k in attrs):
            self.problems.append(f"script: <{tag} {attrs}>")
        for key in ("href", "src"):
            if re.match(r"\s*(https?:)?//", attrs.get(key) or ""):
                self.problems.append(f"outside link: {attrs[key]}")
        if tag == "img" and not attrs.get("alt"):
            self.problems.append("image without alt text")
        self.tables += tag == "table"
        self.headers += tag == "th"
        if tag not in VOID:
            self.stack.append(attrs.get("lang"))

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if HAN.search(data) and "zh-Hans" not in self.stack:
            self.problems.append(f"Chinese outside lang=zh-Hans: {data[:40]!r}")


@pytest.fixture(scope="module", params=sorted(WIDGETS))
def made(request):
    return request.param, WIDGETS[request.param]()


def test_parts_are_declared_on_the_class(made):
    _, box = made
    assert isinstance(box, CourseWidget) and isinstance(box, ipywidgets.VBox)
    hints = {}
    for cls in type(box).__mro__:
        hints.update(getattr(cls, "__annotations__", {}))
    assert box.controls, "a widget names the controls a student operates"
    for name in box.controls:
        assert name in hints, f"{name} is not declared on {type(box).__name__}"
    assert inspect.getdoc(type(box)) and inspect.getdoc(type(box).static_html)


def test_static_forms_are_the_same_on_every_run(made):
    label, box = made
    again = WIDGETS[label]()
    assert box.static_text() == again.static_text()
    assert box.static_html() == again.static_html()
    assert box.static_text().strip() and box.static_html().strip()


def test_static_html_keeps_the_contract(made):
    _, box = made
    audit = Audit()
    audit.feed(box.static_html())
    audit.close()
    assert audit.problems == []
    assert audit.headers >= audit.tables        # every table has header cells


def test_display_gives_the_live_view_and_both_static_forms(made):
    _, box = made
    bundle = box._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"] == box.static_text()
    assert box.static_html() in bundle["text/html"]


def visible(box):
    """Everything a student can read in the widget: the values of its HTML parts."""
    shown, todo = [], [box]
    while todo:
        widget = todo.pop()
        todo.extend(getattr(widget, "children", ()))
        if isinstance(widget, ipywidgets.HTML):
            shown.append(widget.value)
    return shown


# Controls that only record a choice; another control (Check, Compare) acts on it.
ONLY_RECORD = {("Flashcards", "choices"), ("Flashcards", "typed"), ("ChoiceQuestion", "pick"),
               ("EvidenceSorter", "pickers")}


def test_every_control_runs_its_callbacks(made):
    """Not a timing test: driving each control (as the benchmark does) changes what is shown."""
    label, _ = made
    for name in WIDGETS[label]().controls:
        box = WIDGETS[label]()
        if name == "check" and type(box).__name__ == "Flashcards":
            box.quiz_mode.value = True
        before = visible(box)
        changed = False
        for act in bench.actions(box, name, sets=6):
            act()
            changed |= visible(box) != before
        assert changed or (type(box).__name__, name) in ONLY_RECORD, f"{label}: {name}"
