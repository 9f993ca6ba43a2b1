"""The checks of each workbook: ``from counterpart.workbooks import wb04 as check``.

One module per workbook (wb01 ... wb07). Each task's check is a function taking the student's
answer and returning checks.Feedback. Expected answers are computed from data/ where they are
data (so they stay right if the data is corrected) and written here only where they are
judgements (multiple choice). They never appear in a student's notebook or feedback.

The kit every workbook module builds on:

- :class:`MultipleChoice`: a multiple-choice task, its check and its widget, in one line each;
- :func:`see_lesson`: the one wording of "See lesson NN ..., section '...'." in hints, with the
  lesson's file taken from the manifest (a test checks each cited section is still a heading);
- :func:`counterpart.checks.as_items`: a list, a Series or a comma-separated string as items;
- :func:`column_if_table`: a student may hand in the filtered table instead of its ids;
- :func:`number_with_slips`: a number, with its own message for each likely wrong value;
- :class:`LabelEach`: a task asking for a label for each of a few items, and its check;
  :func:`labels_in_order` reads such an answer (a dict, a list or a string);
- :func:`figure_with`: the one row of the figures table whose quote contains a phrase.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .. import checks, manifest

if TYPE_CHECKING:           # pandas is imported by the checks that need it, when they run
    import pandas as pd


def figure_with(figures: pd.DataFrame, quote_part: str) -> pd.Series:
    """The one row of the figures table whose Chinese quote contains ``quote_part``."""
    rows = figures[figures["zh_quote"].str.contains(quote_part, regex=False)]
    if len(rows) != 1:
        raise LookupError(f"{len(rows)} figures quote {quote_part!r}")
    return rows.iloc[0]


def column_if_table(answer: Any, column: str) -> Any:
    """The ``column`` of ``answer`` when it is a table that has one (a student may hand in the
    filtered table itself rather than the list of its ids); otherwise ``answer`` unchanged."""
    if hasattr(answer, "columns") and column in answer.columns:
        return answer[column]
    return answer


Slip = tuple[float | Sequence[float], str] | tuple[float | Sequence[float], str, str]


def number_with_slips(answer: Any, expected: float, hint: str, slips: Sequence[Slip],
                      what: str = "a number") -> checks.Feedback:
    """:func:`checks.number`, but a wrong answer that is one of the ``slips`` gets the message
    that names that slip. Each slip is ``(value, problem)`` or ``(value, problem, hint)``:
    the value (or values) a likely mistake gives, what the mistake is ("that counts every
    row"), and a hint of its own if the task's ``hint`` is not the right one. The first slip
    that matches is said."""
    feedback = checks.number(answer, expected, hint, what=what)
    value = checks.as_number(answer) if feedback.ok is False else None
    if value is None:
        return feedback
    for slip in slips:
        values, problem = slip[0], slip[1]
        if value in (values if isinstance(values, (list, tuple, set)) else [values]):
            return checks.wrong(problem, slip[2] if len(slip) > 2 else hint)
    return feedback


LABEL_SEPARATORS = r"[,\uff0c\u3001;\uff1b/|\n]+"   # commas, 、, semicolons, / | and new lines
_COUNTS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def labels_in_order(answer: Any, items: Sequence[Hashable],
                    item_of: Callable[[Any], Hashable | None],
                    separators: str = LABEL_SEPARATORS) -> tuple[list | None, str | None]:
    """The labels a student gave to each of ``items`` (e.g. three fids), in the items' order.

    Accepted: a dict or a pandas Series whose keys ``item_of`` maps to the items, each once; a
    list or tuple of labels in the items' order; a string of labels cut at ``separators``
    (:data:`LABEL_SEPARATORS` by default). Returns ``(labels, None)``; ``(None, "keys")`` when
    a dict's keys are not the items, each once; or ``(None, "form")`` for any other kind of
    answer. How many labels there are is the caller's to check."""
    if hasattr(answer, "to_dict") and not hasattr(answer, "columns"):
        answer = answer.to_dict()          # a Series indexed by item
    if isinstance(answer, dict):
        keyed = {item_of(key): label for key, label in answer.items()}
        if len(answer) != len(items) or set(keyed) != set(items):
            return None, "keys"
        return [keyed[item] for item in items], None
    if isinstance(answer, str):
        return [part.strip() for part in re.split(separators, answer) if part.strip()], None
    if isinstance(answer, (list, tuple)):
        return list(answer), None
    return None, "form"


def see_lesson(number: str) -> Callable[..., str]:
    """The hint-writer for one lesson: ``see = see_lesson("04")``, then
    ``see("1. Reading Chinese numbers")`` gives
    "See lesson 04 (notebooks/04_the_numbers.ipynb), section '1. Reading Chinese numbers'."

    Name each section as the lesson's heading reads; its number may be left off, a heading may
    be cut at a comma or colon, and where its words would give an answer away, give its number
    alone (``see("3")``: "section 3"). A test checks that every section cited this way is still
    a heading of that lesson."""
    lesson = manifest.lesson(number)
    where = f"lesson {lesson.number} ({lesson.lesson})"

    def see(*sections: str) -> str:
        if not sections:
            return f"See {where}."
        quoted = [section if section.isdigit() else f"'{section}'" for section in sections]
        if len(quoted) == 1:
            return f"See {where}, section {quoted[0]}."
        return f"See {where}, sections {', '.join(quoted[:-1])} and {quoted[-1]}."

    see.lesson = lesson          # for the test that the sections are still there
    return see


class MultipleChoice:
    """A multiple-choice task: its options (shown as a, b, c ...), the key's letter and a hint.

    ``check`` marks a typed answer (the letter, "(B)", the option's own text, or any of the
    ``labels``: other words a student may use for an option, mapped to its letter);
    ``widget`` makes the same question as a widget that submits through ``check``. In a
    workbook module::

        CHOICE_2 = MultipleChoice(["exact", "more than", ...], key="d", hint=see("..."))
        task_2, task_2_widget = CHOICE_2.check, CHOICE_2.widget
    """

    def __init__(self, options: Sequence[str], key: str, hint: str,
                 labels: Mapping[str, str] | None = None):
        letters = "abcdefgh"[:len(options)]
        if not 2 <= len(options) <= len(letters) or key not in letters:
            raise ValueError(f"key {key!r} must be one of the letters {letters!r} of the options")
        self.options, self.key, self.hint = list(options), key, hint
        # labels compared as checks.plain() leaves a student's text
        self.labels = {checks.plain(word): letter for word, letter in (labels or {}).items()}
        if not set(self.labels.values()) <= set(letters):
            raise ValueError("every label must name one of the options' letters")

    def check(self, answer: Any) -> checks.Feedback:
        """✔ when ``answer`` names the key's option; otherwise what is wrong and the hint."""
        if isinstance(answer, str) and self.labels:
            answer = self.labels.get(checks.plain(answer), answer)
        return checks.choice(answer, self.key, self.options, self.hint)

    def widget(self):
        """The same question as a widget: pick an option and press Check."""
        from ..widgets import choice_question  # imported here: ipywidgets is slow to load
        return choice_question(self.options, self.check)


class LabelEach:
    """A task asking for a label for each of a few items: "input", "output" or "outcome" for
    three figures, say. Its ``check`` says how many labels are wrong, never which.

    ``key`` maps each item to its label, or is a function returning that mapping (so a key that
    is data is read from data/ at each check); ``read`` turns what a student wrote for one item
    into a label, or None when it is not one; ``item_of`` turns a dict key into an item, or
    None. The words of the feedback: ``id_word`` names an item's id ("fid"), ``item_word`` an
    item ("figure"), ``label_word`` a label ("label"); ``allowed`` lists the labels in words
    and ``example`` shows a dict answer."""

    def __init__(self, items: Sequence[str], key: Mapping[str, str] | Callable[[], Mapping],
                 hint: str, *, read: Callable[[Any], Hashable | None],
                 item_of: Callable[[Any], Hashable | None], allowed: str, example: str,
                 id_word: str = "item", item_word: str = "item", label_word: str = "label",
                 separators: str = LABEL_SEPARATORS):
        if not 1 <= len(items) <= len(_COUNTS):
            raise ValueError(f"a task labels one to {len(_COUNTS)} items")
        self.items, self.key, self.hint = list(items), key, hint
        self.read, self.item_of, self.separators = read, item_of, separators
        self.allowed, self.example = allowed, example
        self.id_word, self.item_word, self.label_word = id_word, item_word, label_word

    def expected(self) -> dict:
        """The label of each item, as the key gives it now."""
        return dict(self.key() if callable(self.key) else self.key)

    @checks.never_raises
    def check(self, answer: Any) -> checks.Feedback:
        """✔ when every item has its label; otherwise how many are wrong, and the hint."""
        n, count = len(self.items), _COUNTS[len(self.items)]
        labels = f"{self.label_word}s"
        if checks.is_blank(answer):
            return checks.not_answered(
                f"a dict from {self.id_word} to {self.label_word} ({self.allowed})")
        given, problem = labels_in_order(answer, self.items, self.item_of, self.separators)
        if problem == "keys":
            return checks.wrong(f"the keys of your dict should be the {count} {self.id_word}s "
                                f"of the task ({', '.join(self.items)}), each once.", self.hint)
        if problem:
            return checks.wrong(f"give a dict from {self.id_word} to {self.label_word}, e.g. "
                                f"{self.example} (you gave a {type(answer).__name__}).",
                                self.hint)
        if len(given) != n:
            return checks.wrong(f"give exactly {count} {labels}, one per {self.item_word} "
                                f"(you gave {len(given)}).", self.hint)
        read = [self.read(label) for label in given]
        if None in read:
            return checks.wrong(f"each {self.label_word} must be one of {self.allowed}.",
                                self.hint)
        expected = self.expected()
        wrong = sum(label != expected[item] for item, label in zip(self.items, read))
        if not wrong:
            return checks.correct()
        if wrong == n:
            return checks.wrong(f"none of the {count} {labels} is right.", self.hint)
        verb = "is" if wrong == 1 else "are"
        return checks.wrong(f"{_COUNTS[wrong]} of the {count} {labels} {verb} not right.",
                            self.hint)


# Importing any workbook's checks adds the quotation-mark hint under a NameError (an answer
# typed as `answer_2 = d`): see checks.install_hints. Kept here, not in the wbNN modules.
checks.install_hints()
