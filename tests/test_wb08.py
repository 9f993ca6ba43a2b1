"""Workbook 08's checks: the right answer passes in every form a student may type, a wrong
one gets a hint without the answer, a blank is 'not answered yet', and nothing makes a check
raise. The cloze sentences are the report's own, and our English waits for an answer."""
import pytest
from workbook_helpers import answers, fuzz_test

from counterpart import patterns
from counterpart.data import load
from counterpart.workbooks import wb08

TASKS = [wb08.task_1, wb08.task_2, wb08.task_4, wb08.task_5, wb08.task_6, wb08.task_7,
         wb08.task_8, wb08.task_9]
REPORT = load("report").set_index("pid")["zh"]


@pytest.mark.parametrize("task, options", [(wb08.task_1, wb08.OPTIONS_1),
                                           (wb08.task_2, wb08.OPTIONS_2)])
def test_choices_take_the_letter_or_the_option_and_refuse_the_others(task, options):
    assert task("b").ok is True and task("(B)").ok is True and task(options[1]).ok is True
    for letter in "acd":
        feedback = task(letter)
        assert feedback.ok is False and "Hint" in feedback.message
    assert task("z").ok is False and "choose one of" in task("z").message


def test_the_right_choices_are_what_the_paragraphs_say():
    assert "把培育“造血”功能作为治本之策" in REPORT["1.3.0"]          # task 1: b
    assert "以铸牢中华民族共同体意识为主线" in REPORT["1.4.0"]          # task 2: b


@pytest.mark.parametrize("number", sorted(wb08.CLOZES))
def test_each_cloze_is_the_reports_sentence_and_its_gap_is_checked(number):
    pid, before, gap, after = wb08.CLOZES[number]
    assert before + gap + after in REPORT[pid]
    assert gap not in wb08.cloze(number) and "＿" in wb08.cloze(number)
    task = getattr(wb08, f"task_{number}")
    assert task(gap).ok is True and task(f" “{gap}” ").ok is True
    feedback = task("不是")
    assert feedback.ok is False and gap not in feedback.message


@pytest.mark.parametrize("number", sorted(wb08.RECALL))
def test_recall_takes_characters_and_pinyin_and_hides_the_answer(number):
    zh = wb08.RECALL[number]
    row = load("slogans").set_index("zh").loc[zh]
    assert wb08.recall_prompt(number) == row["en"]
    task = getattr(wb08, f"task_{number}")
    for form in (zh, row["pinyin"], row["pinyin"].replace(" ", "").upper()):
        assert task(form).ok is True, form
    feedback = task("shūxuè")
    assert feedback.ok is False and zh not in feedback.message
    assert row["pinyin"] not in feedback.message


def test_task_9_follows_the_pattern_finder():
    verbs = patterns.table("lead_verb")["text"].str[:2].value_counts()
    assert wb08.commonest_lead_verb() == verbs.index[0] and verbs.iloc[0] > verbs.iloc[1]
    assert wb08.task_9(verbs.index[0]).ok is True
    feedback = wb08.task_9(verbs.index[1])
    assert feedback.ok is False and verbs.index[0] not in feedback.message


def test_our_english_waits_for_an_answer():
    assert "Answer the task first" in wb08.english_after(..., "1.3.0")
    assert "Answer the task first" in wb08.english_after("  ", "1.3.0")
    english = load("report_en").set_index("pid").loc["1.3.0", "en"]
    assert english in wb08.english_after("b", "1.3.0")


def test_blank_answers_are_not_answered_yet():
    for task in TASKS:
        assert task(...).ok is None and task("").ok is None


test_no_answer_makes_a_check_raise = fuzz_test(
    TASKS, answers("作为主线累计对口支援造血坚持推动abcdz1234 "), examples=60)
