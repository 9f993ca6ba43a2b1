"""What the never-raise tests throw at the workbook checks: anything a student might hand in."""
import pandas as pd
from hypothesis import strategies as st


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
