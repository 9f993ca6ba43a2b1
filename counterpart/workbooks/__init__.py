"""The checks of each workbook: ``from counterpart.workbooks import wb04 as check``.

One module per workbook (wb01 ... wb07). Each task's check is a function taking the student's
answer and returning checks.Feedback. Expected answers are computed from data/ where they are
data (so they stay right if the data is corrected) and written here only where they are
judgements (multiple choice). They never appear in a student's notebook or feedback.
"""


def figure_with(figures, quote_part):
    """The one row of the figures table whose Chinese quote contains ``quote_part``."""
    rows = figures[figures["zh_quote"].str.contains(quote_part, regex=False)]
    if len(rows) != 1:
        raise LookupError(f"{len(rows)} figures quote {quote_part!r}")
    return rows.iloc[0]


# Importing any workbook's checks adds the quotation-mark hint under a NameError (an answer
# typed as `answer_2 = d`): see checks.install_hints. Kept here, not in the wbNN modules.
from .. import checks as _checks  # noqa: E402

_checks.install_hints()
