"""What the tests of every workbook's checks share: the blanks a student leaves, what they might
hand in (for the never-raise fuzzing), and the assertions on feedback, widgets and tables."""
import json

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from counterpart import manifest
from counterpart.data import load
from counterpart.paths import ROOT

# What an unanswered cell may hold: the placeholder, nothing, or only spaces and dots.
BLANKS = [..., None, "", "   ", "..."]


def answers(alphabet, *extra):
    """Answers of every kind: None, the placeholder, booleans, numbers, any text and text made
    of ``alphabet`` (the characters a task is about), lists, bytes, dicts, DataFrames, Series,
    and any task-specific ``extra`` strategies."""
    return st.one_of(
        st.none(), st.just(...), st.booleans(), st.integers(), st.floats(allow_nan=True),
        st.text(), st.text(alphabet=alphabet),
        st.lists(st.text(max_size=6), max_size=6), st.binary(max_size=10),
        st.dictionaries(st.text(max_size=3), st.one_of(st.integers(), st.text(max_size=8)),
                        max_size=3),
        st.builds(lambda n: pd.DataFrame({"a": range(n)}), st.integers(0, 5)),
        st.builds(lambda n: pd.Series(range(n), dtype="int64"), st.integers(0, 5)),
        *extra)


def assert_every_task_answers(tasks, answer):
    """Each task returns Feedback with a message, and never gives up on the answer."""
    for task in tasks:
        feedback = task(answer)
        assert feedback.ok in (True, False, None)
        assert isinstance(feedback.message, str) and feedback.message
        assert "could not be checked" not in feedback.message, (task.__name__, answer,
                                                                feedback.message)


def fuzz_test(tasks, strategy, examples):
    """A test that gives every task ``examples`` answers drawn from ``strategy`` (see
    :func:`answers`), none of which may make a check raise or give up."""
    @settings(max_examples=examples, deadline=None)
    @given(strategy)
    def test_no_task_ever_raises(answer):
        assert_every_task_answers(tasks, answer)
    return test_no_task_ever_raises


def answer_key(number):
    """The answer key of lesson ``number`` ("04"), as the manifest names it: parsed JSON."""
    return json.loads((ROOT / manifest.lesson(number).key).read_text(encoding="utf-8"))


def student_workbook(number):
    """The student workbook of lesson ``number``, generated from its key: parsed JSON."""
    return json.loads((ROOT / manifest.lesson(number).workbook).read_text(encoding="utf-8"))


def cells_by_id(nb):
    """A notebook's cell sources by cell id."""
    return {cell["id"]: "".join(cell["source"]) for cell in nb["cells"]}


def assert_wrong(feedback, *secrets, says="", lesson=None):
    """A "not yet" that says ``says``, gives a hint (pointing to ``lesson`` "NN" when given)
    and shows none of ``secrets``. Returns the message for further checks."""
    message = feedback.message
    assert feedback.ok is False, message
    assert "could not be checked" not in message
    assert "Hint:" in message, message
    if lesson is not None:
        assert f"See lesson {lesson} " in message, message
    assert says in message, message
    for secret in secrets:
        assert str(secret) not in message, (secret, message)
    return message


def assert_not_answered(feedback):
    assert feedback.ok is None and "Not answered yet" in feedback.message, feedback.message


def replace_table(monkeypatch, module, name, change):
    """Make ``module``'s checks load ``change(table)`` for the table ``name`` (the others as
    they are): a check whose answer follows the data must then expect another answer."""
    changed, real_load = change(load(name)), module.load
    monkeypatch.setattr(module, "load",
                        lambda table: changed.copy() if table == name else real_load(table))


def assert_broken_data_gives_feedback(monkeypatch, module, answers):
    """With every table unreadable, each task (a key of ``answers``, given its value) says
    the answer could not be checked, instead of raising."""
    def broken(name):
        raise OSError(f"data/{name}.csv missing")
    monkeypatch.setattr(module, "load", broken)
    for task, answer in answers.items():
        feedback = task(answer)
        assert feedback.ok is False and "could not be checked" in feedback.message, (
            task.__name__, feedback.message)


def assert_widget_marks(box, wrong, right, *secrets):
    """A multiple-choice widget: Check with nothing picked awaits an answer; the letter
    ``wrong`` gets "Not yet" without any of ``secrets``; the letter ``right`` is correct."""
    box.button.click()
    assert "Not answered yet" in box.feedback.value
    box.pick.value = wrong
    box.button.click()
    assert "Not yet" in box.feedback.value, box.feedback.value
    for secret in secrets:
        assert secret not in box.feedback.value, (secret, box.feedback.value)
    box.pick.value = right
    box.button.click()
    assert "Correct" in box.feedback.value, box.feedback.value
