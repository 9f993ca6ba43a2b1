"""Workbook 08's checks: the right answer passes in every form a student may type, a wrong
one gets a hint without the answer, a blank is 'not answered yet', and nothing makes a check
raise."""
from hypothesis import given, settings

import fuzz
from counterpart.data import load
from counterpart.workbooks import wb08

TASKS = [wb08.task_1]


def test_task_1_follows_the_data():
    assert wb08.row_count() == len(load("report"))


def test_task_1_accepts_the_right_answer_in_several_forms():
    right = wb08.row_count()
    for answer in (right, str(right), float(right)):
        assert wb08.task_1(answer).ok is True, answer


def test_task_1_explains_a_wrong_answer_without_giving_it_away():
    right = wb08.row_count()
    feedback = wb08.task_1(right + 7)
    assert feedback.ok is False and "Hint" in feedback.message
    assert str(right) not in feedback.message


def test_a_blank_answer_is_not_answered_yet():
    assert wb08.task_1(...).ok is None


@settings(max_examples=60, deadline=None)
@given(fuzz.answers("0123456789"))
def test_no_answer_makes_a_check_raise(answer):
    fuzz.assert_every_task_answers(TASKS, answer)
