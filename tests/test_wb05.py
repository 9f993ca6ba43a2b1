"""Workbook 05's checks: every accepted form of the right answer passes, plausible wrong answers
get a hint that does not give the answer away, a blank is "not answered yet", expected answers
follow the data, and nothing a student types makes a check raise."""
import re
from functools import partial

import pandas as pd
import pytest
import workbook_helpers
from hypothesis import strategies as st
from workbook_helpers import answer_key, answers, cells_by_id, fuzz_test, replace_table

from counterpart import text
from counterpart.data import load
from counterpart.workbooks import wb05

REPORT, TERMS, SOURCES = load("report"), load("terms"), load("sources")
BY_PID = REPORT.set_index("pid")["zh"]
TASKS = [wb05.task_1, wb05.task_3, wb05.task_4, wb05.task_5, wb05.task_6, wb05.task_7]


assert_rejected = partial(workbook_helpers.assert_wrong, lesson="05")


def with_report(monkeypatch, change):
    """Make the checks see a changed copy of report.csv (other tables unchanged)."""
    replace_table(monkeypatch, wb05, "report", change)


# --- Task 1 · The English for 民族团结 ---------------------------------------------------------

EXPECTED_1 = TERMS.loc[TERMS["zh"] == "民族团结", "en"].iloc[0]


def test_task_1_expects_the_term_list_rendering():
    assert EXPECTED_1 == "ethnic unity"      # the course standard (common brief, GUIDE.md)


@pytest.mark.parametrize("form", ["ethnic unity", "Ethnic Unity", " \"ethnic unity\" ",
                                  "“ethnic unity”", "ethnic  unity."])
def test_task_1_accepts_the_course_rendering(form):
    assert wb05.task_1(form).ok is True


@pytest.mark.parametrize("wrong, says", [("national unity", "does not use"),
                                         ("National Unity", "does not use"),
                                         ("民族团结", "Chinese term itself"),
                                         ("mínzú tuánjié", "Chinese term itself"),
                                         ("unity of nationalities", "not what the question"),
                                         ("ethnic solidarity", "not what the question")])
def test_task_1_rejects_other_renderings(wrong, says):
    assert_rejected(wb05.task_1(wrong), EXPECTED_1, says=says)


def test_task_1_refuses_non_text():
    assert_rejected(wb05.task_1(["ethnic", "unity"]), says="as text")


def test_task_1_follows_the_term_list(monkeypatch):
    real_load = wb05.load
    monkeypatch.setattr(wb05, "load", lambda name: real_load(name).assign(
        en=lambda t: t["en"].where(t["zh"] != "民族团结", "inter-ethnic unity"))
        if name == "terms" else real_load(name))
    assert wb05.task_1("inter-ethnic unity").ok is True
    assert wb05.task_1(EXPECTED_1).ok is False


# --- Task 3 · The rows that mention 民族团结 ---------------------------------------------------

EXPECTED_3 = [pid for pid, zh in zip(REPORT["pid"], REPORT["zh"]) if "民族团结" in zh]
SECTIONS_3 = sorted(set(REPORT.loc[REPORT["pid"].isin(EXPECTED_3), "section"]))


def test_task_3_rows_span_sections_and_include_a_quotation():
    assert wb05.unity_pids() == EXPECTED_3
    assert len(SECTIONS_3) > 1 and set(SECTIONS_3) != set(EXPECTED_3)
    assert any(not pid.startswith("1.4") for pid in EXPECTED_3)   # so "search all" matters


@pytest.mark.parametrize("form", [EXPECTED_3, EXPECTED_3[::-1], tuple(EXPECTED_3),
                                  set(EXPECTED_3), ", ".join(EXPECTED_3), "、".join(EXPECTED_3),
                                  pd.Series(EXPECTED_3)])
def test_task_3_accepts_the_pids_in_any_order_and_form(form):
    assert wb05.task_3(form).ok is True


def test_task_3_names_the_sections_mistake():
    assert_rejected(wb05.task_3(SECTIONS_3), says="sections")


@pytest.mark.parametrize("wrong, says", [
    ([p for p in EXPECTED_3 if p.startswith("1.4")], "missing"),          # only 一(四) searched
    (EXPECTED_3 + ["1.4.0"], "should not be there"),
    (EXPECTED_3[1:], "1 missing"),
    (42, "as a list"),
])
def test_task_3_rejects_incomplete_or_padded_lists(wrong, says):
    assert_rejected(wb05.task_3(wrong), *[p for p in EXPECTED_3 if len(p) > 3], says=says)


def test_task_3_follows_the_report(monkeypatch):
    with_report(monkeypatch, lambda r: r.assign(zh=r["zh"].where(r["pid"] != "2.2.3", "无")))
    assert wb05.task_3([p for p in EXPECTED_3 if p != "2.2.3"]).ok is True


# --- Task 4 · The share of 一(四) ------------------------------------------------------------

CHARS = REPORT["zh"].str.len()
EXACT_4 = 100 * CHARS[REPORT["section"] == "1.4"].sum() / CHARS.sum()
EXPECTED_4 = round(EXACT_4, 1)
BODY = ~REPORT["section"].isin(["front", "end"])
BODY_SHARE = 100 * CHARS[(REPORT["section"] == "1.4") & BODY].sum() / CHARS[BODY].sum()


def test_task_4_expected_share_is_a_real_decimal():
    assert 0 < EXPECTED_4 < 100 and EXPECTED_4 != round(EXACT_4)
    assert round(BODY_SHARE, 1) != EXPECTED_4


@pytest.mark.parametrize("form", [EXPECTED_4, EXACT_4, str(EXPECTED_4), f"{EXPECTED_4}%",
                                  f" {EXPECTED_4} % ", f"{EXACT_4:.3f}", f"{EXPECTED_4:.2f}"])
def test_task_4_accepts_the_percentage(form):
    assert wb05.task_4(form).ok is True


@pytest.mark.parametrize("wrong, says", [
    (EXACT_4 / 100, "fraction"),
    (round(EXACT_4), "one decimal place"),
    (round(BODY_SHARE, 1), "left some rows out"),
    (round(100 * CHARS[REPORT["section"] == "1.3"].sum() / CHARS.sum(), 1), "not the share"),
    (EXPECTED_4 + 0.1, "not the share"),
    ("sixteen", "not a number"),
    (float("nan"), "not a number"),
])
def test_task_4_rejects_slips_with_a_specific_hint(wrong, says):
    assert_rejected(wb05.task_4(wrong), EXPECTED_4, says=says)


def test_task_4_follows_the_report(monkeypatch):
    with_report(monkeypatch, lambda r: r[r["section"] != "end"])
    kept = REPORT["section"] != "end"
    moved = round(100 * CHARS[REPORT["section"] == "1.4"].sum() / CHARS[kept].sum(), 1)
    assert moved != EXPECTED_4
    assert wb05.task_4(moved).ok is True and wb05.task_4(EXPECTED_4).ok is False


# --- Task 5 · The two wordings of 交往、交流、交融 ------------------------------------------------

ROWS_5 = [pid for pid, zh in zip(REPORT["pid"], REPORT["zh"]) if "交融" in zh]
EXPECTED_5 = {pid: re.findall("交[往流融]", BY_PID[pid]) for pid in ROWS_5}
ORDERS_5 = ["".join(words) for words in EXPECTED_5.values()]


def test_task_5_two_rows_two_orders_computed_independently():
    assert {pid: tuple(w) for pid, w in EXPECTED_5.items()} == wb05.formula_wordings()
    assert len(EXPECTED_5) == 2 and len(set(ORDERS_5)) == 2
    assert all(sorted(w) == ["交往", "交流", "交融"] for w in EXPECTED_5.values())


def wording_as_written(pid):
    """The formula as the row writes it: from the first 交 word to the last."""
    zh = BY_PID[pid]
    start = zh.index(EXPECTED_5[pid][0])
    return zh[start:zh.index(EXPECTED_5[pid][2], start) + 2]


@pytest.mark.parametrize("form", [
    EXPECTED_5,
    {pid: "".join(words) for pid, words in EXPECTED_5.items()},
    {pid: "、".join(words) for pid, words in EXPECTED_5.items()},
    {pid: wording_as_written(pid) for pid in EXPECTED_5},              # with the adjectives
    {pid: tuple(words) for pid, words in EXPECTED_5.items()},
    {"".join(words): pid for pid, words in EXPECTED_5.items()},        # the other way round
    {f" {pid} ": words for pid, words in EXPECTED_5.items()},
])
def test_task_5_accepts_each_form(form):
    assert wb05.task_5(form).ok is True, wb05.task_5(form).message


def test_task_5_accepts_traditional_characters():
    import opencc
    to_trad = opencc.OpenCC("s2t")
    assert wb05.task_5({pid: to_trad.convert("".join(w))
                        for pid, w in EXPECTED_5.items()}).ok is True


SECRETS_5 = ORDERS_5 + [wording_as_written(pid) for pid in EXPECTED_5]
FIRST, SECOND = ROWS_5


@pytest.mark.parametrize("wrong, says", [
    ({FIRST: ORDERS_5[0], SECOND: ORDERS_5[0]}, "not in the order"),   # same order twice
    ({FIRST: ORDERS_5[1], SECOND: ORDERS_5[0]}, "not in the order"),   # swapped
    ({FIRST: ORDERS_5[0]}, "you gave 1"),
    ({FIRST: ORDERS_5[0], "1.4.1": ORDERS_5[1]}, "does not hold all three"),
    ({FIRST: "交往交流", SECOND: ORDERS_5[1]}, "once each"),
    ({"交融": FIRST}, "once each"),
    ({1.4: ORDERS_5[0]}, "pid as text"),
    (ORDERS_5, "dict"),
    ("交往交流交融", "dict"),
])
def test_task_5_rejects_wrong_rows_orders_and_forms(wrong, says):
    assert_rejected(wb05.task_5(wrong), *SECRETS_5, says=says)


def test_task_5_follows_the_report(monkeypatch):
    swapped = BY_PID[SECOND].replace(ORDERS_5[1], ORDERS_5[0])
    with_report(monkeypatch, lambda r: r.assign(zh=r["zh"].where(r["pid"] != SECOND, swapped)))
    assert wb05.task_5({FIRST: ORDERS_5[0], SECOND: ORDERS_5[0]}).ok is True
    assert wb05.task_5(EXPECTED_5).ok is False


# --- Task 6 · Who produced R22? ----------------------------------------------------------

def test_task_6_key_agrees_with_sources_csv():
    producer_type = SOURCES.set_index("id").loc[wb05.SOURCE_6, "producer_type"]
    options = wb05.CHOICE_6.options
    assert options.count(producer_type) == 1
    assert "abcde"[options.index(producer_type)] == wb05.CHOICE_6.key


def test_task_6_options_are_labels_the_course_uses():
    assert set(wb05.CHOICE_6.options) <= set(SOURCES["producer_type"])


@pytest.mark.parametrize("form", ["b", "B", "(b)", "b)", "un_body", "UN", "un", "United Nations"])
def test_task_6_accepts_letter_or_label(form):
    assert wb05.task_6(form).ok is True


@pytest.mark.parametrize("wrong", ["a", "official PRC", "c", "e", "z", 2])
def test_task_6_rejects_other_choices(wrong):
    assert_rejected(wb05.task_6(wrong), "(b)", "is UN")


# --- Task 7 · Which words the report uses ----------------------------------------------------

def occurs(word):
    return any(text.contains(zh, word) for zh in REPORT["zh"])


USED_7 = [w for w in wb05.CANDIDATES_7 if occurs(w)]
UNUSED_7 = [w for w in wb05.CANDIDATES_7 if not occurs(w)]


def test_task_7_has_words_on_both_sides_and_its_traps_are_real():
    assert wb05.used_words() == USED_7 and USED_7 and UNUSED_7
    # 藏 and 稳 occur in other words, so a search by one character would be wrong.
    assert "藏族" in UNUSED_7 and occurs("藏") and "稳定" in UNUSED_7 and occurs("稳")


def test_task_7_words_are_the_ones_the_workbook_shows():
    task = cells_by_id(answer_key("05"))["task-7"]
    assert all(f"| {word} |" in task for word in wb05.CANDIDATES_7)


@pytest.mark.parametrize("form", [USED_7, USED_7[::-1], "、".join(USED_7), set(USED_7),
                                  pd.Series(USED_7)])
def test_task_7_accepts_the_words_in_any_order(form):
    assert wb05.task_7(form).ok is True


def test_task_7_names_the_inverted_answer():
    assert_rejected(wb05.task_7(UNUSED_7), *USED_7, says="never uses")


@pytest.mark.parametrize("wrong, says", [(USED_7 + ["藏族"], "should not be there"),
                                         (USED_7 + ["稳定"], "should not be there"),
                                         (USED_7[1:], "missing"),
                                         (wb05.CANDIDATES_7, "should not be there")])
def test_task_7_rejects_wrong_lists(wrong, says):
    assert_rejected(wb05.task_7(wrong), says=says)


def test_task_7_follows_the_report(monkeypatch):
    with_report(monkeypatch, lambda r: r.assign(zh=r["zh"].str.replace("边境", "边界")))
    assert wb05.task_7([w for w in USED_7 if w != "边境"]).ok is True


# --- The answer key's open questions are marked by reading, and never leak --------------------

def test_the_key_keeps_its_essay_rules_and_instructor_note():
    key = answer_key("05")
    by_id = cells_by_id(key)
    assert "solution-only" in next(c for c in key["cells"]
                                   if c["id"] == "essay-instructor-note")["metadata"]["tags"]
    assert "never on their conclusion" in by_id["task-8"]
    assert "Penalise, in either direction" in by_id["answer-8"]


# --- No check raises, whatever it is given ----------------------------------------------------

anything = answers("交往流融民族团结1234.%、,ethnicuy ",
    st.dictionaries(st.text(alphabet="1234.", max_size=5),
                    st.one_of(st.text(alphabet="交往流融、", max_size=9),
                              st.lists(st.one_of(st.text(alphabet="交往流融", max_size=3),
                                                 st.integers()), max_size=4)),
                    max_size=3),
    st.builds(lambda n: pd.DataFrame({"pid": ["1.4"] * n}), st.integers(0, 3)),
)


test_no_task_ever_raises = fuzz_test(TASKS, anything, examples=200)
