"""Checks for workbook 04, the numbers: ``from counterpart.workbooks import wb04 as check``.

Answers that are data (a figure's value, which figures count occurrences, a share, a measure)
are computed here from data/figures.csv and data/context.csv each time, so they follow any
correction of the tables. Only the multiple-choice key is written here. No message ever
contains an expected answer.
"""
import math
import re

from .. import checks
from ..data import load
from ..widgets import choice_question
from . import figure_with as shared_figure_with

LESSON = "lesson 04 (notebooks/04_the_numbers.ipynb)"


def _see(section):
    return f"See {LESSON}, section '{section}'."


def figure_with(quote_part):
    """The one row of figures.csv whose Chinese quote contains ``quote_part``."""
    return shared_figure_with(load("figures"), quote_part)


# --- Task 1 · 600多亿元 in yuan --------------------------------------------------------------

QUOTE_1 = "600多亿元"


@checks.never_raises
def task_1(answer):
    expected = float(figure_with(QUOTE_1)["value"])
    return checks.number(answer, expected,
                         _see("1. Reading Chinese numbers") + " 亿 is a hundred million (10⁸), "
                         "not a billion; 多 makes the figure a floor but does not change the "
                         "number to write.",
                         what="a number of yuan, e.g. 1400 or 5e6")


# --- Task 2 · The hedge of 近4200人次 --------------------------------------------------------

OPTIONS_2 = [
    "exact: 4,200 precisely",
    "more than 4,200",
    "about 4,200, a little over or under",
    "nearly 4,200, a little under",
]
KEY_2 = "d"
# The options' one-word labels (as plain() writes them) are accepted as well as the letters.
LABELS_2 = {"exact": "a", "morethan": "b", "about": "c", "nearly": "d"}


@checks.never_raises
def task_2(answer):
    if isinstance(answer, str):
        answer = LABELS_2.get(checks.plain(answer), answer)
    return checks.choice(answer, KEY_2, OPTIONS_2,
                         _see("1. Reading Chinese numbers") + " Find 近 in the table of "
                         "hedging words: where does it stand, and which side of the number "
                         "does it put the true value?")


def task_2_widget():
    """The same question as a widget: pick a letter, press Check."""
    return choice_question(OPTIONS_2, task_2)


# --- Task 3 · Figures that count occurrences ----------------------------------------------

def per_time_fids():
    figures = load("figures")
    return figures.loc[figures["per_time"].fillna(False), "fid"].tolist()


@checks.never_raises
def task_3(answer):
    # A student may hand in the filtered table itself: take its fid column.
    if hasattr(answer, "columns") and "fid" in answer.columns:
        answer = answer["fid"]
    hint = (_see("2. Person-times are not people") + " Filter figures.csv on its per_time "
            "column and list the fid column with .tolist().")
    feedback = checks.item_set(answer, per_time_fids(), hint,
                               what="a list of fids such as [\"F01\", \"F02\"]")
    if feedback.ok is not False:
        return feedback
    figures = load("figures")
    items = checks._as_items(answer) or []
    given = {checks.plain(i) for i in items}
    only_renci = {checks.plain(f) for f in
                  figures.loc[figures["zh_quote"].str.contains("人次"), "fid"]}
    if given and given == only_renci:
        return checks.wrong("you found the figures whose quote says 人次, but 人次 is not the "
                            "only way the report counts occurrences.",
                            "Look again at 所(次) and 场次 in the lesson. " + hint)
    return feedback


# --- Task 4 · Input, output or outcome ----------------------------------------------------

# The three figures of the task, in the order the task lists them.
FIDS_4 = ["F06", "F26", "F24"]
KINDS = ("input", "output", "outcome")


def measures_4():
    figures = load("figures").set_index("fid")
    return {fid: str(figures.loc[fid, "measure"]) for fid in FIDS_4}


def _kind(label):
    """'Input', 'inputs ', 'OUTCOME' -> the kind; anything else -> None."""
    word = checks.plain(label)
    word = word[:-1] if word.endswith("s") else word
    return word if word in KINDS else None


@checks.never_raises
def task_4(answer):
    hint = (_see("4. Inputs, outputs and outcomes") + " For each figure ask: is it something "
            "put in (resources, people sent), something done or delivered, or a change in "
            "the partner areas?")
    if checks.is_blank(answer):
        return checks.not_answered("a dict from fid to kind (input, output or outcome)")
    if hasattr(answer, "to_dict") and not hasattr(answer, "columns"):
        answer = answer.to_dict()          # a pandas Series indexed by fid
    if isinstance(answer, dict):
        labels = {checks.plain(k).upper(): v for k, v in answer.items()}
        if set(labels) != set(FIDS_4):
            return checks.wrong("the keys of your dict should be the three fids of the task "
                                f"({', '.join(FIDS_4)}), each once.", hint)
        given = [labels[fid] for fid in FIDS_4]
    elif isinstance(answer, str):
        given = [part for part in re.split(r"[,,、;;/\s]+", answer) if part]
    elif isinstance(answer, (list, tuple)):
        given = list(answer)
    else:
        return checks.wrong("give a dict from fid to kind, e.g. {\"F06\": \"input\", ...} "
                            f"(you gave a {type(answer).__name__}).", hint)
    if len(given) != len(FIDS_4):
        return checks.wrong(f"give exactly three labels, one per figure (you gave {len(given)}).",
                            hint)
    kinds = [_kind(label) if isinstance(label, str) else None for label in given]
    if None in kinds:
        return checks.wrong("each label must be one of input, output or outcome.", hint)
    expected = measures_4()
    right = sum(kind == expected[fid] for fid, kind in zip(FIDS_4, kinds))
    if right == len(FIDS_4):
        return checks.correct()
    problem = {1: "one of the three labels is", 2: "two of the three labels are",
               3: "none of the three labels is"}[len(FIDS_4) - right]
    return checks.wrong(f"{problem} right." if right == 0 else f"{problem} not right.", hint)


# --- Task 5 · The figures in yuan ---------------------------------------------------------

def yuan_figures():
    figures = load("figures")
    return figures.loc[figures["unit"] == "yuan", ["fid", "value"]]


def _comparable(frame):
    """fid as upper-case text, value as a float, so 6e10, 60000000000 and Float64 agree."""
    import pandas as pd

    return pd.DataFrame({"fid": frame["fid"].astype(str).str.strip().str.upper(),
                         "value": pd.to_numeric(frame["value"], errors="coerce")
                         .astype(float).to_numpy()})


@checks.never_raises
def task_5(answer):
    hint = (_see("5. (Optional) Whose money?") + " Keep the rows of figures whose unit is \"yuan\", "
            "then select the two columns with [[\"fid\", \"value\"]].")
    expected = yuan_figures()
    if checks.is_blank(answer):
        return checks.not_answered("a DataFrame with the columns fid and value")
    if hasattr(answer, "columns") and {"fid", "value"} <= set(answer.columns):
        if len(answer) == len(load("figures")):
            return checks.wrong("your table has every figure of the report.",
                                "Filter the rows first. " + hint)
        answer = _comparable(answer)
    return checks.frame(answer, _comparable(expected), hint,
                        what="a DataFrame with the columns fid and value")


# --- Task 6 · Share of the national poverty counties --------------------------------------

TOLERANCE_6 = 0.05     # percentage points: the share rounded to one decimal place is inside


def counties_share():
    """The report's poverty counties as a percentage of the national list."""
    context = load("context").set_index("key")
    return (100 * float(figure_with("国家贫困县")["value"])
            / float(context.loc["national_poverty_counties", "value"]))


@checks.never_raises
def task_6(answer):
    expected = counties_share()
    hint = (_see("6. (Optional) 909万: households or people?") + " Divide the report's number of "
            "poverty counties (figures.csv) by the national number (context.csv, key "
            "national_poverty_counties), multiply by 100 and round to one decimal place.")
    if checks.is_blank(answer):
        return checks.not_answered("a percentage such as 12.3")
    value = checks.as_number(answer)
    if value is None:
        return checks.wrong("this is not a number I can read (you gave a "
                            f"{type(answer).__name__}). Give a percentage such as 12.3.", hint)
    if math.isfinite(value) and abs(value - expected) <= TOLERANCE_6 + 1e-9:
        return checks.correct()
    if value == round(expected):
        return checks.wrong("that is rounded to a whole number.",
                            "Keep one decimal place: round(share, 1). " + hint)
    if value == math.floor(expected * 10) / 10:
        return checks.wrong("that cuts the digits off instead of rounding.",
                            "round(share, 1) rounds to the nearest tenth. " + hint)
    if math.isfinite(value) and abs(100 * value - expected) <= TOLERANCE_6 + 1e-9:
        return checks.wrong("that looks like a fraction, not a percentage.",
                            "Multiply by 100. " + hint)
    inverted = 100 * 100 / expected                 # national / report, as a percentage
    if any(math.isclose(value, x, rel_tol=0.01) for x in (inverted, inverted / 100)):
        return checks.wrong("your division is upside down.",
                            "Divide the part (the report's counties) by the whole (the "
                            "national list). " + hint)
    context = load("context").set_index("key")
    people_share = (100 * float(figure_with("909万")["value"])
                    / float(context.loc["rural_poor_exited_2013_2020", "value"]))
    if math.isfinite(value) and abs(value - round(people_share, 1)) <= TOLERANCE_6 + 1e-9:
        return checks.wrong("that is the share of people (909万), not of counties.", hint)
    return checks.wrong("that is not the share asked for.", hint)
