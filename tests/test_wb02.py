"""Workbook 02's checks: every accepted form of each right answer passes, plausible mistakes get
a message that helps without giving the answer away, blanks await an answer, and nothing a
student types makes a check raise."""
import re

import pandas as pd
import pytest
from hypothesis import strategies as st
from workbook_helpers import (
    answer_key,
    answers,
    assert_wrong,
    cells_by_id,
    fuzz_test,
    student_workbook,
)

from counterpart import text
from counterpart.data import load, load_bilingual
from counterpart.workbooks import wb02

TASKS = [wb02.task_1, wb02.task_2, wb02.task_3, wb02.task_4, wb02.task_5, wb02.task_6,
         wb02.task_7, wb02.task_8]


def rows(pids):
    return load("report").set_index("pid").loc[pids, "zh"]


def shows(message, answer):
    """Whether a feedback message contains an answer as a whole token."""
    return re.search(rf"(?<![\w.]){re.escape(str(answer))}(?![\w.])", message) is not None


def rejected(feedback, *answers):
    """Not yet, with a hint to lesson 02, and none of ``answers`` shown as a whole token."""
    message = assert_wrong(feedback, lesson="02")
    for answer in answers:
        assert not shows(message, answer), (answer, message)
    return message


# --- The expected answers are the data's, and the data says what the tasks assume ----------

def test_the_data_behind_the_answers():
    zh = rows(["0.6", "end.2"])
    assert text.contains(zh["0.6"], "向市人大常委会报告") and text.contains(zh["end.2"], "请予审议")
    opened, closed, delivered = wb02._timeline_dates()
    assert (opened, closed, delivered) == tuple(pd.Timestamp(d) for d in
                                                ("2022-10-16", "2022-10-22", "2022-10-27"))
    assert wb02.epidemic_pids() == ["1.3.2", "1.5.3"]
    assert wb02.section_lengths().idxmax() == "1.3"
    assert len(wb02.section_items()) == 4
    assert wb02.figures_by_part().get("2", 0) == 0
    english = load_bilingual().set_index("pid").loc["0.6"]
    assert "我" not in english["zh"] and re.search(r"\bI now report\b", english["en"])


# Task 1 (multiple choice) is tested with every other one in test_workbook_kit.py.

# --- Task 2 · 审议 --------------------------------------------------------------------------

@pytest.mark.parametrize("form", ["审议", "審議", " 审议 ", "“审议”", "请予审议", "請予審議"])
def test_task_2_accepts_the_characters(form):
    assert wb02.task_2(form).ok is True


@pytest.mark.parametrize("wrong", ["报告", "委托", "批准", "shenyi"])
def test_task_2_rejects_other_words(wrong):
    message = rejected(wb02.task_2(wrong))
    assert "审议" not in message and "審議" not in message


# --- Task 3 · days from the Congress's close ------------------------------------------------

@pytest.mark.parametrize("form", [5, 5.0, "5", " 5 ", "５"])
def test_task_3_accepts_the_count_of_days(form):
    assert wb02.task_3(form).ok is True


@pytest.mark.parametrize("wrong, says", [(11, "opened"), (6, "both end days"),
                                          (-5, "wrong sign"), (141, "not the number")])
def test_task_3_names_the_likely_mistake(wrong, says):
    message = rejected(wb02.task_3(wrong), 5)
    assert says in message


# --- Task 4 · rows mentioning the epidemic --------------------------------------------------

def test_task_4_accepts_a_list_in_any_order_a_series_a_string_or_the_table():
    report = load("report")
    mentions = report[report["zh"].str.contains("疫情")]
    for form in (["1.3.2", "1.5.3"], ("1.5.3", "1.3.2"), {"1.3.2", "1.5.3"}, "1.5.3, 1.3.2",
                 mentions["pid"], mentions):
        assert wb02.task_4(form).ok is True, form


@pytest.mark.parametrize("wrong, says", [(["1.3.2"], "1 missing"),
                                          (["1.3.2", "1.5.3", "1.5"], "1 that should not"),
                                          (["1.3", "1.5"], "missing"),
                                          (1.3, "as a list")])
def test_task_4_says_what_is_off_without_listing_the_rows(wrong, says):
    message = rejected(wb02.task_4(wrong), "1.3.2", "1.5.3")
    assert says in message


# --- Task 5 · the longest section -------------------------------------------------------------

@pytest.mark.parametrize("form", ["1.3", " 1.3 ", "section 1.3", "１.３"])
def test_task_5_accepts_the_section_id(form):
    assert wb02.task_5(form).ok is True


@pytest.mark.parametrize("wrong, says", [("1.2", "longest single row"),
                                          ("1.2.0", "longest single row"),
                                          ("1", "a part"), ("1.4", "more characters"),
                                          ("9.9", "not a section id"), (1.3, "as text")])
def test_task_5_explains_the_mistake(wrong, says):
    message = rejected(wb02.task_5(wrong), "1.3")
    assert says in message


# --- Task 6 · items of section 1.4 ------------------------------------------------------------

@pytest.mark.parametrize("form", [4, "4", 4.0, "四"])
def test_task_6_accepts_the_count(form):
    assert wb02.task_6(form).ok is True


@pytest.mark.parametrize("wrong, says", [(6, "heading or opening paragraph"),
                                          (5, "heading or opening paragraph"),
                                          (22, "whole report"), (3, "not the number")])
def test_task_6_names_the_likely_mistake(wrong, says):
    message = rejected(wb02.task_6(wrong), 4)
    assert says in message


# --- Task 7 · figures in part 二 -------------------------------------------------------------

@pytest.mark.parametrize("form", [0, "0", 0.0, "零", "０"])
def test_task_7_accepts_the_count(form):
    assert wb02.task_7(form).ok is True


@pytest.mark.parametrize("wrong, says", [(35, "part 一"), (36, "every figure"),
                                          (3, "not the number")])
def test_task_7_names_the_likely_mistake(wrong, says):
    message = rejected(wb02.task_7(wrong), 0)
    assert says in message


# --- Task 8 · the English subject of 0.6 ------------------------------------------------------

@pytest.mark.parametrize("form", ["I", "i", " I ", "“I”"])
def test_task_8_accepts_the_pronoun(form):
    assert wb02.task_8(form).ok is True


@pytest.mark.parametrize("wrong, says", [("we", "no 我们"), ("我", "English word"),
                                          ("Pan Xiaogang", "not what the question asks")])
def test_task_8_rejects_other_words(wrong, says):
    message = rejected(wb02.task_8(wrong))
    assert says in message and "“I”" not in message and "'I'" not in message


# --- Every task: arbitrary input ----------------------------------------------------------

anything = answers("0123456789０１２.是一二三四审议疫情 Iab,",
    st.builds(lambda n: pd.DataFrame({"pid": [str(i) for i in range(n)]}), st.integers(0, 5)),
)


test_no_task_ever_raises_or_gives_up = fuzz_test(TASKS, anything, examples=150)


# --- The student version: no answer in it, in any cell ---------------------------------------

def test_student_version_holds_no_solution_line_and_keeps_every_placeholder():
    # Compares cell sources, not the notebook's JSON (where quotes are escaped and a
    # leaked line like answer_8 = "I" would go unnoticed).
    key, student = cells_by_id(answer_key("02")), cells_by_id(student_workbook("02"))
    student_text = "\n".join(student.values())
    solution_lines = []
    for text_ in key.values():
        for block in re.findall(r"### BEGIN SOLUTION(.*?)### END SOLUTION", text_, re.S):
            solution_lines += block.splitlines()
        for block in re.findall(r"<!-- BEGIN SOLUTION -->(.*?)<!-- END SOLUTION -->", text_, re.S):
            solution_lines += block.splitlines()
    solution_lines = [line.strip() for line in solution_lines if len(line.strip()) > 3]
    assert len(solution_lines) > 20
    for line in solution_lines:
        assert line not in student_text, line
    assert "teaching-note" in key and "teaching-note" not in student
    for n in range(1, 9):
        assert re.search(rf"^answer_{n} = \.\.\.", student[f"answer-{n}"], re.M)
        assert student[f"check-{n}"] == f"check.task_{n}(answer_{n})"
