"""Cut the Chinese original into rows: one per title line, heading, paragraph and item.

The rule that links the rows back to the source (tested both ways in tests/test_source.py):
take the source's lines, strip their leading indentation and drop the blank ones; line n of
what remains is the concatenation, in order, of the ``zh`` of the rows whose ``line`` is n.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from .paths import SOURCE

COLUMNS = ["order", "pid", "section", "kind", "label", "line", "zh"]
KINDS = ("title", "meta", "salutation", "paragraph", "heading", "item", "closing")

_PART = re.compile(r"^([一二三四五六七八九十])、")        # 一、 二、 : the two parts
_SUB = re.compile(r"^[((]([一二三四五六七八九十])[))]")  # (一) (二): the source uses ASCII brackets
_ITEM = re.compile(r"(?<=。)(?=[一二三四五六七八九十]是)")  # 一是 二是 ... after a full stop
_NUMERALS = "一二三四五六七八九十"

# The opening lines before 一、 in the order the source gives them.
_FRONT_KINDS = ["title", "meta", "meta", "meta", "salutation", "paragraph", "paragraph"]


def _source_lines(text):
    """The source's non-blank lines, stripped of indentation, with their 1-based line number."""
    return [(n, line.strip()) for n, line in enumerate(text.split("\n"), 1) if line.strip()]


def segment(text: str) -> list[dict]:
    """Return the rows of the report as a list of dicts in document order."""
    rows = []
    part = sub = None
    front = 0
    closing_started = False

    def add(pid, section, kind, label, line, zh):
        rows.append({"order": len(rows) + 1, "pid": pid, "section": section, "kind": kind,
                     "label": label, "line": line, "zh": zh})

    for n, line in _source_lines(text):
        if m := _PART.match(line):
            part, sub = _NUMERALS.index(m.group(1)) + 1, None
            add(str(part), str(part), "heading", m.group(0), n, line)
        elif (m := _SUB.match(line)) and part:
            sub = _NUMERALS.index(m.group(1)) + 1
            section = f"{part}.{sub}"
            head, _, body = line.partition("。")
            add(section, section, "heading", m.group(0), n, head + "。")
            pieces = _ITEM.split(body)
            if pieces[0]:
                add(f"{section}.0", section, "paragraph", "", n, pieces[0])
            for i, piece in enumerate(pieces[1:], 1):
                add(f"{section}.{i}", section, "item", piece[:2], n, piece)
        elif part is None:
            add(f"0.{front + 1}", "front", _FRONT_KINDS[front], "", n, line)
            front += 1
        elif sub is None:
            add(f"{part}.0", str(part), "paragraph", "", n, line)
        else:
            # After the last numbered section: the closing paragraphs.
            closing_started = True
            count = sum(1 for r in rows if r["section"] == "end")
            add(f"end.{count + 1}", "end", "closing", "", n, line)
    assert closing_started, "the source has no closing paragraphs: was it cut short?"
    return rows


def to_csv(rows: list[dict]) -> str:
    """The CSV text of the rows, exactly as data/report.csv is stored."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def rebuild(rows: list[dict]) -> list[tuple[int, str]]:
    """The source's non-blank, unindented lines, rebuilt from rows (the stated rule)."""
    lines = {}
    for row in sorted(rows, key=lambda r: int(r["order"])):
        lines.setdefault(int(row["line"]), []).append(row["zh"])
    return [(n, "".join(parts)) for n, parts in sorted(lines.items())]


def source_text(path: Path = SOURCE) -> str:
    """The primary source's text."""
    return path.read_text(encoding="utf-8")
