"""The primary source and its segmentation: data/report.csv is generated and reproduces it."""
import hashlib
import json

from counterpart import segment, text
from counterpart.data import load_report
from counterpart.paths import DATA, SOURCE


def test_source_is_unchanged_since_it_was_cited():
    citation = json.loads((DATA / "source" / "citation.json").read_text(encoding="utf-8"))
    assert hashlib.sha256(SOURCE.read_bytes()).hexdigest() == citation["sha256"], (
        "data/source/report_zh.txt differs from the cited copy: the primary source is kept "
        "verbatim; restore it with git")


def test_source_keeps_its_record_form():
    lines = segment.source_text().split("\n")
    assert lines[0] == "关于东西部协作与对口支援情况的报告"
    assert lines[2] == "2023/3/17 13:27:18"              # the page timestamp line
    body = [line for line in lines[3:] if line.strip()]
    assert all(line.startswith("  ") and not line.startswith("   ") for line in body)
    assert "," in lines[10] and "\uff0c" not in lines[10]  # half-width commas, as published


def test_script_regenerates_report_csv_byte_identically():
    rows = segment.segment(segment.source_text())
    assert segment.to_csv(rows).encode("utf-8") == (DATA / "report.csv").read_bytes(), (
        "data/report.csv is out of date or was edited by hand: run "
        "python scripts/segment_report.py")


def test_rows_rebuild_the_source_under_the_stated_rule():
    report = load_report()
    rebuilt = segment.rebuild(report.to_dict("records"))
    expected = [(n, line.strip()) for n, line in
                enumerate(segment.source_text().split("\n"), 1) if line.strip()]
    assert rebuilt == expected


def test_rule_would_catch_a_dropped_or_altered_row():
    rows = load_report().to_dict("records")
    expected = segment.rebuild(rows)
    assert segment.rebuild(rows[:20] + rows[21:]) != expected
    altered = [dict(r) for r in rows]
    altered[30]["zh"] = altered[30]["zh"].replace("。", ",", 1)
    assert segment.rebuild(altered) != expected


def test_enumerated_items_are_rows_of_their_own():
    report = load_report()
    for section, count in {"1.3": 5, "1.4": 4, "1.5": 3, "2.1": 4, "2.2": 3, "2.3": 3}.items():
        items = report[(report["section"] == section) & (report["kind"] == "item")]
        assert list(items["label"]) == [f"{n}是" for n in "一二三四五"[:count]]
        assert all(z.startswith(label) for z, label in zip(items["zh"], items["label"]))


def test_pids_follow_the_outline_in_document_order():
    report = load_report()
    assert list(report["order"]) == list(range(1, len(report) + 1))
    assert list(report["pid"][:8]) == ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "1"]
    assert report.set_index("pid").loc["1.3.2", "zh"].startswith("二是做深就业帮扶")
    assert list(report["kind"][-2:]) == ["closing", "closing"]


def test_quotes_match_whether_typed_full_width_or_half_width():
    paragraph = load_report().set_index("pid").loc["1.2.0", "zh"]
    assert text.contains(paragraph, "医疗机构1400多所(次)")      # as the source writes it
    assert text.contains(paragraph, "医疗机构1400多所\uff08次\uff09")  # full-width brackets
    assert text.contains(paragraph, "医疗机构\uff11\uff14\uff10\uff10多所(次)")  # full-width digits
    assert not text.contains(paragraph, "医疗机构1500多所(次)")
    assert text.count(paragraph, "对口帮扶") >= 3
