"""Interactive widgets: each function returns a ready widget to display in a notebook.

Every widget keeps its parts as attributes (e.g. ``.picker``, ``.display``) so tests can set a
value and read what the student would see, without a browser.
"""
import html

import ipywidgets as widgets

from .data import load


def _term_html(row):
    return (f'<div class="term-card"><span style="font-size:2em">{html.escape(row["zh"])}</span>'
            f'<br><i>{html.escape(row["pinyin"])}</i><br>{html.escape(row["en"])}</div>')


def term_picker(terms=("对口支援", "东西部协作", "对口帮扶", "民族团结")):
    """A self-check: pick a term and see its characters, pinyin and English."""
    table = load("terms").set_index("zh", drop=False)
    missing = [t for t in terms if t not in table.index]
    if missing:
        raise ValueError(f"not in data/terms.csv: {', '.join(missing)}")
    picker = widgets.Dropdown(options=list(terms), value=terms[0], description="Term")
    display = widgets.HTML(_term_html(table.loc[terms[0]]))

    def show(change):
        display.value = _term_html(table.loc[change["new"]])

    picker.observe(show, names="value")
    box = widgets.VBox([picker, display])
    box.picker, box.display = picker, display
    return box
