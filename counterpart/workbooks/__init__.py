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
- :func:`labels_in_order`: a label for each of a few items (a dict, a list or a string);
- :func:`figure_with`: the one row of the figures table whose quote contains a phrase.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

from .. import checks, manifest


def figure_with(figures, quote_part: str):
    """The one row of the figures table whose Chinese quote contains ``quote_part``."""
    rows = figures[figures["zh_quote"].str.contains(quote_part, regex=False)]
    if len(rows) != 1:
        raise LookupError(f"{len(rows)} figures quote {quote_part!r}")
    return rows.iloc[0]


def labels_in_order(answer: Any, items: Sequence[Hashable],
                    item_of: Callable[[Any], Hashable | None],
                    separators: str = r"[,\uff0c\u3001;\uff1b/|\n]+"):
    """The labels a student gave to each of ``items`` (e.g. three fids), in the items' order.

    Accepted: a dict or a pandas Series whose keys ``item_of`` maps to the items, each once; a
    list or tuple of labels in the items' order; a string of labels cut at ``separators``
    (commas, 、, semicolons, slashes, bars and new lines by default). Returns
    ``(labels, None)``; ``(None, "keys")`` when a dict's keys are not the items, each once; or
    ``(None, "form")`` for any other kind of answer. How many labels there are is the caller's
    to check."""
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
        from ..widgets import choice_question      # imported here: ipywidgets is slow to load
        return choice_question(self.options, self.check)
