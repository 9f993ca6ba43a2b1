"""Load the course's tables as pandas DataFrames, checking every column on the way in.

Each table has a schema below: its columns, their types and allowed values. A file that is
missing, or a cell that breaks its schema, raises DataError naming the file, the row (as a
line number in the CSV file, counting the header as line 1), the column and what was expected.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from .paths import DATA

CONFIDENCE = ("H", "M", "L")
# Source labels (sources.csv). The website groups sources by these names: keep them stable.
PRODUCER_TYPES = ("government", "party", "state_media", "independent_media", "academic",
                  "research_institute", "think_tank", "ngo", "un_body", "multilateral",
                  "individual", "translation", "reference", "unknown")
# Towards the official account, set from what the work says (never from nationality).
STANCES = ("close", "critical", "analytic", "unknown")


class DataError(ValueError):
    """A data file is missing or does not match its schema."""


@dataclass(frozen=True)
class Col:
    name: str
    kind: str = "str"            # str | int | float | bool
    required: bool = True        # may the cell be empty?
    allowed: tuple = ()          # allowed values (for str), empty: any
    pattern: str = ""            # a regular expression the whole cell must match
    many: bool = False           # ";"-separated list (each part checked against allowed)


@dataclass(frozen=True)
class Table:
    file: str
    columns: tuple
    key: str = ""                # a column whose values must be unique


TABLES = {
    "report": Table("report.csv", (
        Col("order", "int"),
        Col("pid", pattern=r"0\.\d+|[12](\.\d+){0,2}|end\.\d+"),
        Col("section"),
        Col("kind", allowed=("title", "meta", "salutation", "paragraph", "heading", "item",
                             "closing")),
        Col("label", required=False),
        Col("line", "int"),
        Col("zh"),
    ), key="pid"),
    "report_en": Table("report_en.csv", (Col("pid"), Col("en")), key="pid"),
    "terms": Table("terms.csv", (Col("zh"), Col("pinyin"), Col("en"), Col("note", required=False),
                                 Col("source", many=True)),
                   key="zh"),
    "sources": Table("sources.csv", (
        Col("id", pattern=r"[A-Za-z][A-Za-z0-9_-]*"),
        Col("short"),
        Col("citation"),
        Col("url", required=False, pattern=r"https?://\S+"),
        # Who made the work and where it stands: the same labels for every side (data/README.md).
        Col("producer_type", allowed=PRODUCER_TYPES),
        Col("producer"),
        Col("country"),
        Col("stance", allowed=STANCES),
        Col("confidence", allowed=CONFIDENCE),
        Col("note", required=False),
    ), key="id"),
    "figures": Table("figures.csv", (
        Col("fid", pattern=r"F\d{2,3}"),
        Col("pid"),
        Col("zh_quote"),
        Col("value", "float", required=False),
        Col("unit", allowed=("yuan", "mu", "percent", "count")),
        Col("counts"),
        Col("per_time", "bool"),
        Col("qualifier", allowed=("exact", "more_than", "about", "nearly", "unstated")),
        # The field a figure belongs to; `measure` says what kind of number it is.
        Col("category", allowed=("poverty", "health", "education", "water", "industry",
                                 "employment", "consumption", "talent", "exchange",
                                 "pairing", "society", "programme", "recognition")),
        Col("measure", allowed=("input", "output", "outcome", "recognition", "scope")),
        Col("cumulative", "bool"),
        Col("translation_issue", allowed=("none", "omitted", "unit_lost", "mistranslated")),
        Col("note", required=False),
    ), key="fid"),
    "slogans": Table("slogans.csv", (
        Col("sid", pattern=r"S?L\d{2,3}"),
        Col("zh"),
        Col("pinyin"),
        Col("en"),
        Col("standard_en", required=False),
        Col("meaning"),
        Col("components", required=False),
        Col("kind", allowed=("numbered", "slogan", "programme", "principle")),
        Col("level", allowed=("central", "Shanghai", "other")),
        Col("in_report", "bool"),
        Col("source", many=True),
        Col("confidence", allowed=CONFIDENCE),
    ), key="sid"),
    "partners": Table("partners.csv", (
        Col("place_zh"),
        Col("place_en"),
        Col("report_name", required=False),
        Col("province_zh"),
        Col("province_en"),
        Col("level", allowed=("province", "prefecture", "county", "district")),
        Col("relation"),
        Col("since", "int", required=False),   # empty for places only named in the report
        Col("until", "int", required=False),
        Col("lat", "float"),
        Col("lon", "float"),
        Col("in_report", "bool"),
        Col("source", many=True),
        Col("confidence", allowed=CONFIDENCE),
        Col("note", required=False),
    )),
    "timeline": Table("timeline.csv", (
        Col("date", pattern=r"\d{4}(-\d{2}(-\d{2})?)?"),
        Col("event_en"),
        Col("event_zh", required=False),
        Col("source", many=True),
        Col("confidence", allowed=CONFIDENCE),
    )),
    "translation_notes": Table("translation_notes.csv", (
        Col("nid", pattern=r"T\d{2,3}"),
        Col("pid"),
        Col("zh"),
        Col("published_en"),
        Col("issue_type", allowed=("omitted", "mistranslated", "unit_lost", "name_error",
                                   "inconsistent", "conflated")),
        Col("explanation"),
        Col("suggested_en"),
    ), key="nid"),
    # Generated by scripts/make_vocab.py: one row per paragraph and word.
    "vocab": Table("vocab.csv", (
        Col("pid", pattern=r"0\.\d+|[12](\.\d+){0,2}|end\.\d+"),
        Col("word"),
        Col("pinyin"),
        Col("hsk_level", required=False, allowed=("1", "2", "3", "4", "5", "6", "7-9")),
        Col("en", required=False),
        Col("en_source", required=False, allowed=("terms", "slogans")),
        Col("idiom", "bool"),       # jieba's dictionary tags the word as an idiom (成语)
    )),
    # CC-CEDICT's entries for the words of vocab.csv (CC BY-SA 4.0), kept apart from ours.
    "vocab_cedict": Table("vocab_cedict.csv", (
        Col("word"),
        Col("pinyin"),              # as CC-CEDICT writes it: tone numbers, e.g. dui4 kou3
        Col("gloss"),
    )),
    # Lesson 06's sorting of the report's lines against the "boomerang aid" hypothesis (H1):
    # the quotes are the report's (exact, by pid); the readings are the course's.
    "evidence": Table("evidence.csv", (
        Col("pid"),
        Col("quote"),
        Col("reading", allowed=("fits H1", "against H1", "silent")),
        # what kind of line it is: a claim of the report, an aim, a plan (part 2), or a claim
        # whose outcome official checks also covered (still official, not independent)
        Col("kind", allowed=("claim", "aim", "plan", "claim with official checks")),
        # whether each hypothesis, if true, allows the line taken as accurate: a line
        # discriminates only if one allows it and the other does not
        Col("allowed_by_h1", "bool"),
        Col("allowed_by_h2", "bool"),
        Col("why"),
    )),
    # National figures that put the report's numbers in context (lesson 04); external only.
    "context": Table("context.csv", (
        Col("key", pattern=r"[a-z][a-z0-9_]*"),
        Col("value", "float"),
        Col("unit", allowed=("counties", "people", "villages", "yuan",
                             "yuan per person per year")),
        Col("description"),
        Col("source", many=True, pattern=r"S\d{1,2}|R\d{1,2}"),
        Col("confidence", allowed=CONFIDENCE),
    ), key="key"),
}

_BOOL = {"True": True, "False": False}


def _convert(value, col, where):
    """Turn one CSV cell into a Python value, or raise DataError saying what was expected."""
    if value == "":
        if col.required:
            raise DataError(f"{where}: empty, but column '{col.name}' needs a value")
        return None
    if col.kind == "int":
        if not re.fullmatch(r"-?\d+", value):
            raise DataError(f"{where}: expected a whole number, found {value!r}")
        return int(value)
    if col.kind == "float":
        try:
            return float(value)
        except ValueError:
            raise DataError(f"{where}: expected a number, found {value!r}") from None
    if col.kind == "bool":
        if value not in _BOOL:
            raise DataError(f"{where}: expected True or False, found {value!r}")
        return _BOOL[value]
    parts = value.split(";") if col.many else [value]
    for part in parts:
        if col.allowed and part not in col.allowed:
            raise DataError(f"{where}: expected one of {', '.join(col.allowed)}; "
                            f"found {part!r}")
        if col.pattern and not re.fullmatch(col.pattern, part):
            raise DataError(f"{where}: {part!r} does not have the expected form "
                            f"({col.pattern})")
    return value


def read_table(name: str, directory: Path | None = None) -> pd.DataFrame:
    """Read and check one table by name (see TABLES); ``directory`` defaults to data/."""
    table = TABLES[name]
    path = (directory or DATA) / table.file
    if not path.is_file():
        raise DataError(f"{path.name}: file not found in {path.parent.name}/; the course "
                        f"needs it (restore it with git, or re-download the course)")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise DataError(f"{path.name}: not readable as UTF-8 text (byte {err.start}); "
                        f"was it saved in another encoding?") from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        return _check_rows(table, path, reader)
    except csv.Error as err:
        raise DataError(f"{path.name}, line {reader.line_num}: not valid CSV ({err}); "
                        f"was the file cut short or edited by hand?") from None


def _check_rows(table, path, reader):
    header = next(reader, None)
    expected = [c.name for c in table.columns]
    if header != expected:
        missing = [c for c in expected if c not in (header or [])]
        extra = [c for c in (header or []) if c not in expected]
        raise DataError(f"{path.name}, line 1 (header): expected columns {expected}; "
                        f"missing {missing}, unexpected {extra}")
    records, seen = [], {}
    for cells in reader:
        line_no = reader.line_num
        if len(cells) != len(expected):
            raise DataError(f"{path.name}, line {line_no}: expected {len(expected)} cells, "
                            f"found {len(cells)} (a stray comma or quote?)")
        record = {}
        for col, value in zip(table.columns, cells):
            where = f"{path.name}, line {line_no}, column '{col.name}'"
            record[col.name] = _convert(value, col, where)
        if table.key:
            key = record[table.key]
            if key in seen:
                raise DataError(f"{path.name}, line {line_no}, column '{table.key}': "
                                f"{key!r} repeats line {seen[key]}; ids must be unique")
            seen[key] = line_no
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=expected)
    for col in table.columns:
        if col.kind == "int":
            frame[col.name] = frame[col.name].astype("Int64")
        elif col.kind == "float":
            frame[col.name] = frame[col.name].astype("Float64")
        elif col.kind == "bool":
            frame[col.name] = frame[col.name].astype("boolean")
        else:
            frame[col.name] = frame[col.name].astype("string")
    return frame


@cache
def _cached(name):
    return read_table(name)


def load(name: str) -> pd.DataFrame:
    """A checked copy of one table (report, report_en, figures, slogans, ...)."""
    return _cached(name).copy()


def load_report() -> pd.DataFrame:
    """The report's rows, one per title line, heading, paragraph and item, in order."""
    return load("report")


def load_bilingual() -> pd.DataFrame:
    """The report's rows with our English rendering beside the Chinese."""
    report, english = load("report"), load("report_en")
    missing = sorted(set(report["pid"]) - set(english["pid"]))
    if missing:
        raise DataError(f"report_en.csv: no English for pid {', '.join(missing)}")
    return report.merge(english, on="pid", how="left", validate="one_to_one")
