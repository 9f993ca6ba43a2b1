"""What every course widget has in common: named parts, and a static form of itself.

A course widget is a ``VBox`` subclass whose parts (its controls and what it displays) are
declared on the class with their types, so a reader, a test and a type checker can find them
by name. ``controls`` names the parts a student operates; the benchmark and the tests drive
those. ``static_text()`` and ``static_html()`` describe the widget without a kernel: stored
notebook outputs, a hand-in page and the website show them where the live widget cannot run.
They are the same on every run, hold no scripts and link nowhere outside the course, and wrap
every run of Chinese in an element marked ``lang="zh-Hans"``.
"""
from __future__ import annotations

import html
import re
from typing import Any, ClassVar

import ipywidgets as widgets

# Han characters and the CJK punctuation that travels with them (、。“”《》（）…).
_CHINESE_RUN = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e"
                          r"“”‘’…·]*[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
                          r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e"
                          r"“”‘’…·0-9.%+]*")


def esc(value: object) -> str:
    """``value`` as HTML text (None as empty)."""
    return html.escape("" if value is None else str(value))


def zh(value: object) -> str:
    """``value`` as HTML text, with every run of Chinese in a ``<span lang="zh-Hans">``."""
    out, pos = [], 0
    plain = "" if value is None else str(value)
    for match in _CHINESE_RUN.finditer(plain):
        out.append(esc(plain[pos:match.start()]))
        out.append(f'<span lang="zh-Hans">{esc(match.group())}</span>')
        pos = match.end()
    out.append(esc(plain[pos:]))
    return "".join(out)


def html_table(header: list[str], rows: list[list[str]], caption: str = "") -> str:
    """A table with <th> header cells; ``rows`` hold HTML already escaped (use esc or zh)."""
    head = "".join(f'<th scope="col">{h}</th>' for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    cap = f"<caption>{caption}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


class CourseWidget(widgets.VBox):
    """A course widget: a VBox with named parts and a static form of itself."""

    #: The parts a student operates, by attribute name (the benchmark and tests drive them).
    controls: ClassVar[tuple[str, ...]] = ()
    #: Values to type into a Text control, for the benchmark and tests.
    samples: ClassVar[tuple[str, ...]] = ()

    def static_text(self) -> str:
        """The widget as plain text, for a reader without a kernel."""
        raise NotImplementedError

    def static_html(self) -> str:
        """The widget as self-contained HTML (no scripts, no outside links)."""
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """The live widget view, plus the static forms for wherever it cannot run."""
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = self.static_text()
        bundle["text/html"] = f'<div class="course-widget-static">{self.static_html()}</div>'
        return bundle
