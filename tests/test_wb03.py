"""Workbook 03's checks: every accepted form of the right answer passes, plausible wrong answers
get a hint that does not give the answer away, a blank is "not answered yet", and nothing a
student types makes a check raise."""
import re
from functools import partial

import pandas as pd
import pytest
import workbook_helpers
from hypothesis import strategies as st
from workbook_helpers import answers, fuzz_test

from counterpart import text
from counterpart.data import load
from counterpart.workbooks import wb03

REPORT, SLOGANS = load("report"), load("slogans")
TASKS = [wb03.task_1, wb03.task_2, wb03.task_3, wb03.task_4, wb03.task_5, wb03.task_6]


def glossary(zh, column):
    return SLOGANS.loc[SLOGANS["zh"] == zh, column].iloc[0]


assert_rejected = partial(workbook_helpers.assert_wrong, lesson="03")


# --- Task 1: pinyin of 两个维护 -----------------------------------------------------------------

def test_task_1_expects_the_glossary_pinyin():
    assert glossary("两个维护", "pinyin") == "liǎng gè wéihù"


@pytest.mark.parametrize("form", ["liǎng gè wéihù", "liang3 ge4 wei2hu4", "Liang3ge4wei2hu4",
                                  "liǎnggè wéihù", "liang3 ge5 wei2 hu4", "liǎng ge wéihù"])
def test_task_1_accepts_marks_numbers_and_a_neutral_ge(form):
    assert wb03.task_1(form).ok is True


@pytest.mark.parametrize("form, problem", [("liang3 ge4 wei2hu2", "tone"),
                                           ("liang ge weihu", "tone"),
                                           ("si4 ge4 yi4shi2", "syllables"),
                                           ("liang3 ge4 wei2chi2", "syllables")])
def test_task_1_rejects_wrong_tones_and_syllables(form, problem):
    feedback = wb03.task_1(form)
    assert_rejected(feedback, "liǎng gè wéihù", "liang3", "wéihù")
    assert problem in feedback.message


def test_task_1_refuses_non_text():
    assert wb03.task_1(2).ok is False


# --- Task 2: 攻坚 outside 脱贫攻坚 --------------------------------------------------------------

def occurrences(phrase):
    return sum(text.count(zh, phrase) for zh in REPORT["zh"])


EXPECTED_2 = occurrences("攻坚") - occurrences("脱贫攻坚")


def mentions_number(message, n):
    return re.search(rf"(?<![\d.]){n}(?![\d.])", message) is not None


def test_task_2_expects_a_real_difference():
    assert 0 < EXPECTED_2 < occurrences("攻坚")


@pytest.mark.parametrize("form", [EXPECTED_2, float(EXPECTED_2), str(EXPECTED_2),
                                  f" {EXPECTED_2} "])
def test_task_2_accepts_the_count(form):
    assert wb03.task_2(form).ok is True


@pytest.mark.parametrize("wrong, says", [(occurrences("攻坚"), "every 攻坚"),
                                         (occurrences("脱贫攻坚"), "脱贫攻坚 itself"),
                                         (occurrences("攻坚战"), "not the number")])
def test_task_2_names_the_overlap_mistakes(wrong, says):
    feedback = wb03.task_2(wrong)
    assert_rejected(feedback)
    assert says in feedback.message and not mentions_number(feedback.message, EXPECTED_2)


def test_task_2_refuses_text_that_is_not_a_number():
    assert_rejected(wb03.task_2("攻坚"))


# --- Task 3: which formulation is Shanghai-made ------------------------------------------------

def test_task_3_key_agrees_with_the_glossary_levels():
    levels = [glossary(zh, "level") for zh in wb03.CHOICE_3.options]
    assert levels.count("Shanghai") == 1
    assert "abcd"[levels.index("Shanghai")] == wb03.CHOICE_3.key


@pytest.mark.parametrize("form", ["b", "百县百品", "百縣百品"])   # traditional characters too
def test_task_3_accepts_letter_or_text(form):
    assert wb03.task_3(form).ok is True


@pytest.mark.parametrize("form", ["a", "d", "四个不减", "e"])
def test_task_3_rejects_other_choices(form):
    assert_rejected(wb03.task_3(form), "百县百品", "(b)")


# --- Task 4: the central numbered formulas the report uses -----------------------------------

CENTRAL_NUMBERED = SLOGANS[(SLOGANS["kind"] == "numbered") & (SLOGANS["level"] == "central")]
USED = CENTRAL_NUMBERED[CENTRAL_NUMBERED["zh"].apply(
    lambda zh: any(text.contains(row, zh) for row in REPORT["zh"]))]


def test_task_4_accepts_the_table_in_any_order_with_extra_columns():
    assert wb03.task_4(USED[["zh", "en"]]).ok is True
    assert wb03.task_4(USED[["en", "zh", "kind"]].iloc[::-1].reset_index(drop=True)).ok is True


def test_task_4_in_report_filter_matters():
    assert len(USED) < len(CENTRAL_NUMBERED)    # else the wrong answer below is not wrong


@pytest.mark.parametrize("wrong", [
    CENTRAL_NUMBERED[["zh", "en"]],                                    # in_report forgotten
    SLOGANS[SLOGANS["kind"] == "numbered"][["zh", "en"]],              # level forgotten
    USED[["zh"]],                                                      # a column missing
    USED[["zh", "en"]].head(3),
    list(USED["zh"]),
])
def test_task_4_rejects_wrong_tables(wrong):
    feedback = wb03.task_4(wrong)
    assert_rejected(feedback, *USED["zh"])


# --- Task 5: the four parts of 四个不减 ---------------------------------------------------------

PARTS = [REPORT.set_index("pid")["zh"][pid].split("。")[0][2:]
         for pid in ["2.1.1", "2.1.2", "2.1.3", "2.1.4"]]


def test_task_5_parts_as_the_report_defines_them():
    assert PARTS == glossary("四个不减", "components").split(" | ")
    assert all(part.endswith("不减") for part in PARTS)


@pytest.mark.parametrize("form", [
    PARTS, PARTS[::-1], tuple(PARTS), "、".join(PARTS), ", ".join(PARTS),
    [p[:-2] for p in PARTS],                                      # without 不减
    ["重視程度不減", "投入力度不減", "目標要求不減", "幫扶成效不減"],  # traditional
    pd.Series(PARTS),
])
def test_task_5_accepts_forms(form):
    assert wb03.task_5(form).ok is True


def test_task_5_spots_the_four_no_removals():
    removals = glossary("四个不摘", "components").split(" | ")
    feedback = wb03.task_5(removals)
    assert_rejected(feedback, *PARTS)
    assert "the four parts of 四个不摘" in feedback.message


@pytest.mark.parametrize("wrong, says", [(PARTS[:3], "1 missing"),
                                         (PARTS + ["交支票不交责任"], "1 that should not"),
                                         (["四个不减"], "missing"),
                                         (42, "as a list")])
def test_task_5_rejects_incomplete_lists(wrong, says):
    feedback = wb03.task_5(wrong)
    assert_rejected(feedback, *[p for p in PARTS if p not in (wrong if isinstance(wrong, list)
                                                                else [])])
    assert says in feedback.message


# --- Task 6: numbered formulas in part 2 -------------------------------------------------------

PATTERN = r"[一二三四五六七八九十两]个[^\s,。、“”]{1,4}"
PART_2 = REPORT[REPORT["pid"].str.startswith("2")]
MATCHES = [m for zh in PART_2["zh"] for m in re.findall(PATTERN, zh)]


def test_task_6_expected_set_matches_the_lessons_pattern():
    # The check's answer comes from the glossary by substring search; the lesson's regular
    # expression must find the same set in part 2, or the task is unfair.
    assert wb03.numbered_in_part_2() == sorted(set(MATCHES))
    assert len(MATCHES) > len(set(MATCHES))     # a repeat, so "repeats do not matter" matters


@pytest.mark.parametrize("form", [MATCHES, sorted(set(MATCHES)), "、".join(MATCHES),
                                  set(MATCHES)])
def test_task_6_accepts_lists_with_or_without_repeats(form):
    assert wb03.task_6(form).ok is True


@pytest.mark.parametrize("wrong", [
    sorted(set(MATCHES))[1:],                                         # one missing
    sorted(set(MATCHES)) + ["两保持"],                                 # another shape
    [m for zh in REPORT["zh"] for m in re.findall(PATTERN, zh)],      # whole report
])
def test_task_6_rejects_wrong_lists(wrong):
    assert_rejected(wb03.task_6(wrong), *[m for m in set(MATCHES) if m not in wrong])


# --- No check raises, whatever it is given ----------------------------------------------------

anything = answers("攻坚脱贫个四两不减重视程度liangewihu12345 ,、",
    st.builds(lambda n: pd.DataFrame({"zh": ["x"] * n, "en": ["y"] * n}), st.integers(0, 4)),
)


test_no_task_ever_raises = fuzz_test(TASKS, anything, examples=200)
