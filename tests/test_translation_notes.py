"""translation_notes.csv: each note points at a real report row and quotes both texts exactly."""
import re
import shutil

import pytest

from counterpart import data
from counterpart.paths import DATA, ROOT
from counterpart.text import contains, normalise

# The blog post (source S50): its English first, then the Chinese original from the line
# holding the report's title on its own. CI checks the repository out beside shared/.
SEED = ROOT.parent / "shared" / "seed" / "000_9370aca5d40441e1.txt"
TITLE = "关于东西部协作与对口支援情况的报告"
# Issue types that concern a figure; each such row must quote the figure itself.
FIGURE_TYPES = {"unit_lost"}
PER_TIME_UNITS = ("人次", "所(次)", "场次", "架次")
NUMBER = re.compile(r"[0-9一二三四五六七八九十百千万亿]")  # 数百万 has no Arabic digit


@pytest.fixture(scope="module")
def notes():
    return data.load("translation_notes")


@pytest.fixture(scope="module")
def report():
    return data.load_report().set_index("pid")


def fold(text):
    """Compare English quotes ignoring curly versus straight quotes and runs of whitespace."""
    text = re.sub("[\u201c\u201d\u201e\u201f\u2033]", '"', text)
    text = re.sub("[\u2018\u2019\u201a\u201b\u2032]", "'", text)
    return re.sub(r"\s+", " ", text).strip()


def blog_english():
    lines = SEED.read_text(encoding="utf-8").splitlines()
    starts = [i for i, line in enumerate(lines) if line.strip() == TITLE]
    assert starts, f"{SEED.name}: the Chinese title line was not found"
    return fold("\n".join(lines[:starts[-1]]))


def test_every_pid_is_a_report_row(notes, report):
    unknown = sorted(set(notes["pid"]) - set(report.index))
    assert not unknown, f"pids not in report.csv: {unknown}"


def test_every_zh_quote_is_in_its_row(notes, report):
    wrong = [(n.nid, n.pid, n.zh) for n in notes.itertuples()
             if not contains(report.loc[n.pid, "zh"], n.zh)]
    assert not wrong, f"zh quotes not found in their report row: {wrong}"


def test_published_quotes_are_short(notes):
    long = [(n.nid, n.published_en) for n in notes.itertuples()
            if len(n.published_en.split()) > 10]
    assert not long, f"published_en longer than 10 words: {long}"


def test_published_quotes_occur_in_the_blog_english(notes):
    if not SEED.is_file():
        pytest.skip(f"the blog post is not at {SEED.parent.parent.name}/seed/ beside the "
                    f"repository, so its quotes cannot be checked here")
    english = blog_english()
    missing = [(n.nid, n.published_en) for n in notes.itertuples()
               if fold(n.published_en) not in english]
    assert not missing, f"published_en not found in the blog's English: {missing}"


def test_issue_types_are_allowed(notes):
    allowed = {c.allowed for c in data.TABLES["translation_notes"].columns
               if c.name == "issue_type"}.pop()
    assert set(notes["issue_type"]) <= set(allowed)


def test_a_wrong_issue_type_is_rejected(tmp_path):
    shutil.copy(DATA / "translation_notes.csv", tmp_path / "translation_notes.csv")
    path = tmp_path / "translation_notes.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",unit_lost,", ",style,", 1), encoding="utf-8")
    with pytest.raises(data.DataError, match="issue_type"):
        data.read_table("translation_notes", tmp_path)


def test_no_two_rows_say_the_same(notes):
    content = notes.drop(columns="nid").apply(tuple, axis=1)
    repeated = notes.loc[content.duplicated(keep=False), "nid"].tolist()
    assert not repeated, f"rows identical apart from nid: {repeated}"


# Notes are never renumbered, because lessons cite them by id: a later reading of the whole
# text appended its notes from FIRST_ADDED on, in document order among themselves.
FIRST_ADDED = 54


def test_nids_run_in_document_order(notes, report):
    numbers = [int(nid[1:]) for nid in notes["nid"]]
    assert numbers == list(range(1, len(notes) + 1)), "nids should be T01, T02, ... in turn"
    place = [(int(report.loc[n.pid, "order"]),
              normalise(report.loc[n.pid, "zh"]).find(normalise(n.zh)))
             for n in notes.itertuples()]
    first, added = place[:FIRST_ADDED - 1], place[FIRST_ADDED - 1:]
    assert first == sorted(first) and added == sorted(added), (
        "rows should follow the report's order")


def test_unit_lost_rows_quote_a_per_time_figure(notes):
    # A figure-related row quotes the figure with its unit, so figures.csv can be matched.
    wrong = [(n.nid, n.zh) for n in notes.itertuples()
             if n.issue_type in FIGURE_TYPES
             and not (NUMBER.search(n.zh) and any(u in normalise(n.zh)
                                                     for u in map(normalise, PER_TIME_UNITS)))]
    assert not wrong, f"unit_lost rows should quote a figure with its unit: {wrong}"


def test_explanations_are_short(notes):
    # One to three sentences: count sentence ends followed by a space or the end.
    long = [n.nid for n in notes.itertuples()
            if len(re.findall(r"[.!?](?:\s|$)", n.explanation)) > 3]
    assert not long, f"explanations over three sentences: {long}"
