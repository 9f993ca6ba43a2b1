"""Loaders return checked DataFrames, and a damaged file fails with a message that helps."""
import shutil

import pytest

from counterpart import data
from counterpart.paths import DATA


@pytest.fixture
def copy_dir(tmp_path):
    """A scratch data/ folder holding a copy of report.csv to damage."""
    shutil.copy(DATA / "report.csv", tmp_path / "report.csv")
    return tmp_path


def damage(folder, old, new, count=1):
    path = folder / "report.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_report_loads_with_checked_dtypes():
    report = data.load_report()
    assert len(report) == 51
    assert str(report["order"].dtype) == "Int64" and str(report["zh"].dtype) == "string"
    assert set(report["kind"]) == {"title", "meta", "salutation", "paragraph", "heading",
                                   "item", "closing"}


def test_load_returns_a_copy_students_cannot_spoil():
    first = data.load_report()
    first.loc[0, "zh"] = "changed"
    assert data.load_report().loc[0, "zh"] != "changed"


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(data.DataError, match=r"report\.csv: file not found"):
        data.read_table("report", tmp_path)


def test_wrong_header_names_missing_and_extra_columns(copy_dir):
    damage(copy_dir, "order,pid,section", "order,pid,sektion")
    with pytest.raises(data.DataError, match=r"line 1 .*missing \['section'\].*'sektion'"):
        data.read_table("report", copy_dir)


def test_bad_number_names_row_and_column(copy_dir):
    damage(copy_dir, "\n3,0.3,front,meta,,5,", "\n3,0.3,front,meta,,five,")
    with pytest.raises(data.DataError,
                       match=r"report\.csv, line 4, column 'line': expected a whole number"):
        data.read_table("report", copy_dir)


def test_value_outside_the_allowed_list(copy_dir):
    damage(copy_dir, ",front,title,", ",front,titel,")
    with pytest.raises(data.DataError, match=r"line 2, column 'kind': expected one of title"):
        data.read_table("report", copy_dir)


def test_empty_required_cell(copy_dir):
    damage(copy_dir, "2023/3/17 13:27:18", "")
    with pytest.raises(data.DataError, match=r"line 3, column 'zh': empty"):
        data.read_table("report", copy_dir)


def test_duplicate_id(copy_dir):
    damage(copy_dir, "\n2,0.2,", "\n2,0.1,")
    with pytest.raises(data.DataError, match=r"line 3, column 'pid': '0.1' repeats line 2"):
        data.read_table("report", copy_dir)


def test_stray_comma_changes_the_cell_count(copy_dir):
    damage(copy_dir, "\n4,0.4,front,meta,,7,", "\n4,0.4,front,meta,,7,,")
    with pytest.raises(data.DataError, match=r"line 5: expected 7 cells, found 8"):
        data.read_table("report", copy_dir)


def test_file_in_another_encoding(copy_dir):
    path = copy_dir / "report.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    with pytest.raises(data.DataError, match=r"not readable as UTF-8"):
        data.read_table("report", copy_dir)


def test_truncated_file_is_not_silently_short(copy_dir):
    # A file cut off mid-quote leaves an unterminated field: it must not load as fewer rows.
    path = copy_dir / "report.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("\n11,") + 30], encoding="utf-8")
    with pytest.raises(data.DataError):
        data.read_table("report", copy_dir)
