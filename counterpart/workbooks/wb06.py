"""Checks for workbook 06, who pays and who gains: ``from counterpart.workbooks import wb06 as check``.

Answers that are data (which figures are in yuan, the verb in a quote, a count, which rows
name a word) are computed here from data/figures.csv and data/report.csv each time, so they
follow any correction of the tables. Only judgements are written here: the multiple-choice key
and the readings of three lines, which mirror the evidence table of lesson 06 (a test checks
that they still do). No message ever contains an expected answer.
"""
import re

from .. import checks, text
from ..data import load
from ..widgets import choice_question
from . import figure_with as shared_figure_with

LESSON = "lesson 06 (notebooks/06_who_pays_who_gains.ipynb)"


def _see(section):
    return f"See {LESSON}, section '{section}'."


def figure_with(quote_part):
    """The one row of figures.csv whose Chinese quote contains ``quote_part``."""
    return shared_figure_with(load("figures"), quote_part)


# --- Task 1 · The figures in yuan -------------------------------------------------------------

def yuan_fids():
    figures = load("figures")
    return figures.loc[figures["unit"] == "yuan", "fid"].tolist()


@checks.never_raises
def task_1(answer):
    # A student may hand in the filtered table itself: take its fid column.
    if hasattr(answer, "columns") and "fid" in answer.columns:
        answer = answer["fid"]
    hint = (_see("3. Four kinds of money") + " Keep the rows of figures.csv whose unit column "
            "is \"yuan\" and list their fid column with .tolist().")
    return checks.item_set(answer, yuan_fids(), hint,
                           what="a list of fids such as [\"F01\", \"F02\"]")


# --- Task 2 · The verb before 600多亿元 --------------------------------------------------------

# The verbs lesson 06 pulls out of the yuan quotes, with the English forms accepted for each.
VERBS = {
    "引导": ["guided", "guide", "to guide", "guides", "guiding", "yǐndǎo", "yindao", "yin3dao3"],
    "销售": ["sold", "sell", "to sell", "sales", "xiāoshòu", "xiaoshou"],
    "撬动": ["leveraged", "leverage", "to lever", "prised loose", "qiàodòng", "qiaodong"],
    "捐赠": ["donated", "donate", "to donate", "juānzèng", "juanzeng"],
    "募集": ["raised", "raise", "to raise", "mùjí", "muji"],
}
QUOTE_2 = "600多亿元"
# What the firms did, in the same quote: a likely slip, since it stands next to the amount.
FIRMS_VERB = ["投资", "invested", "invest", "investment", "touzi", "tóuzī"]


def verb_of(quote_part):
    """The lesson's verb in the quote of the figure containing ``quote_part``."""
    quote = figure_with(quote_part)["zh_quote"]
    found = [verb for verb in VERBS if verb in quote]
    if len(found) != 1:
        raise LookupError(f"{len(found)} verbs in {quote!r}")
    return found[0]


@checks.never_raises
def task_2(answer):
    hint = (_see("3. Four kinds of money") + " Read the quote of the figure in 1.3.1 and find "
            "the verb that says what Shanghai did, not what the firms did; the table of verbs "
            "in the lesson gives its English.")
    what = "a word in Chinese or English"
    if isinstance(answer, str) and not checks.is_blank(answer):
        given = checks.plain(answer)
        verb = verb_of(QUOTE_2)
        if given in {checks.plain(w) for w in FIRMS_VERB}:
            return checks.wrong("investing is what the firms did. The question asks for the "
                                "verb the report uses for Shanghai's part in that investment.",
                                hint)
        others = {checks.plain(w) for v, forms in VERBS.items() if v != verb
                  for w in [v, *forms]}
        if given in others:
            return checks.wrong("that verb belongs to another of the report's amounts in yuan.",
                                hint)
    verb = verb_of(QUOTE_2)
    return checks.text_answer(answer, [verb, *VERBS[verb]], hint, what=what)


# --- Task 3 · Why the four amounts must not be added ------------------------------------------

OPTIONS_3 = [
    "they are written in different units: some in yuan, some in 万元 (ten thousands of yuan)",
    "the report already gives their total, so a second sum would count everything twice",
    "they are different kinds of money (investment, sales, gifts, others' funds) from "
    "different payers, over periods the report does not state, and each is only a floor",
    "the two smallest amounts are too small next to 600多亿元 to change the total",
]
KEY_3 = "c"


@checks.never_raises
def task_3(answer):
    return checks.choice(answer, KEY_3, OPTIONS_3,
                         _see("3. Four kinds of money") + " Reread 'Why not add them up?': "
                         "which options are true of the report at all, and which one gives "
                         "reasons about the money itself?")


def task_3_widget():
    """The same question as a widget: pick a letter, press Check."""
    return choice_question(OPTIONS_3, task_3)


# --- Task 4 · How many production bases? -----------------------------------------------------

QUOTE_4 = "外延生产基地"


@checks.never_raises
def task_4(answer):
    base = figure_with(QUOTE_4)
    hint = (_see("5. (Optional) The channels: firms, state groups, unions, districts") + " Find the row "
            "of figures.csv whose zh_quote contains 生产基地 and take its value.")
    feedback = checks.number(answer, float(base["value"]), hint,
                             what="a number, e.g. 12")
    if feedback.ok is not False:
        return feedback
    value = checks.as_number(answer)
    if value is None:
        return feedback
    figures = load("figures")
    same = figures[(figures["value"] == value) & (figures["fid"] != base["fid"])]
    if len(same):
        other = same.iloc[0]
        return checks.wrong(f"that is another figure of the report ({other['fid']}, "
                            f"{other['pid']}: {other['counts']}).", hint)
    return feedback


# --- Task 5 · Which rows name the state-owned firms? -----------------------------------------

WORD_5 = "国企"
NEAR_MISS_5 = "国资"   # state capital: a related word, in other rows


def rows_naming(word):
    report = load("report")
    return [pid for pid, zh in zip(report["pid"], report["zh"]) if text.contains(zh, word)]


@checks.never_raises
def task_5(answer):
    hint = (_see("5. (Optional) The channels: firms, state groups, unions, districts") + " Search the zh "
            f"column of the report for {WORD_5} (report[\"zh\"].str.contains(...)) and list "
            "the pids of the rows that match.")
    if hasattr(answer, "columns") and "pid" in answer.columns:
        answer = answer["pid"]
    elif hasattr(answer, "index") and str(getattr(answer, "dtype", "")) in ("bool", "boolean"):
        answer = answer[answer.fillna(False)].index      # a boolean Series indexed by pid
    feedback = checks.item_set(answer, rows_naming(WORD_5), hint,
                               what="a list of pids such as [\"1.2.0\", \"2.1.3\"]")
    if feedback.ok is not False:
        return feedback
    given = {checks.plain(i) for i in checks._as_items(answer) or []}
    if given and given == {checks.plain(p) for p in rows_naming(NEAR_MISS_5)}:
        return checks.wrong(f"those are the rows that name {NEAR_MISS_5} (state capital). The "
                            f"task asks for {WORD_5}.", hint)
    return feedback


# --- Task 6 · Three lines against the boomerang hypothesis ------------------------------------

# The three lines of the task, in the order the task lists them (pid, quote), and their
# readings as lesson 06's evidence table (section 8) gives them.
LINES_6 = [
    ("1.3.0", "坚持把培育“造血”功能作为治本之策"),
    ("1.1.0", "专项资金预算"),
    ("1.3.1", "又丰富了上海市民菜篮子"),
]
KEY_6 = {"1.3.0": "against H1", "1.1.0": "silent", "1.3.1": "fits H1"}
LETTERS_6 = "abc"
READINGS_6 = ("fits H1", "against H1", "silent")
# The forms a student may write for each reading, as checks.plain() leaves them.
_READING_FORMS = {
    "fits H1": {"fitsh1", "h1", "fith1", "boomerang", "fitsboomerang", "supportsh1",
                "forh1", "consistent", "consistentwithh1"},
    "against H1": {"againsth1", "against", "fitsh2", "fith2", "h2", "supportsh2", "forh2",
                   "mutualbenefit", "tellsagainsth1"},
    "silent": {"silent", "silence", "neither", "silentonboth", "nodecision"},
}


def _reading(label):
    """'Fits H1', 'fits H2', 'SILENT' -> the lesson's reading; anything else -> None."""
    if not isinstance(label, str):
        return None
    word = checks.plain(label)
    return next((r for r, forms in _READING_FORMS.items() if word in forms), None)


def _line_key(key):
    """A dict key naming one of the three lines: its pid, its letter or its quote."""
    if not isinstance(key, str):
        return None
    word = checks.plain(key)
    for letter, (pid, quote) in zip(LETTERS_6, LINES_6):
        if word in (checks.plain(pid), letter, checks.plain(quote)):
            return pid
    return None


@checks.never_raises
def task_6(answer):
    hint = (_see("8. Sorting the report's lines") + " For each line ask: is it what the "
            "boomerang hypothesis expects to see? Is it a claim that, if true, tells against "
            "it? Or does it point to something the report leaves out (a figure, an owner, "
            "a price)?")
    pids = [pid for pid, _ in LINES_6]
    if checks.is_blank(answer):
        return checks.not_answered("a dict from pid to reading (fits H1, against H1 or silent)")
    if hasattr(answer, "to_dict") and not hasattr(answer, "columns"):
        answer = answer.to_dict()          # a pandas Series indexed by pid
    if isinstance(answer, dict):
        labels = {_line_key(k): v for k, v in answer.items()}
        if len(answer) != len(pids) or set(labels) != set(pids):
            return checks.wrong("the keys of your dict should be the three pids of the task "
                                f"({', '.join(pids)}), each once.", hint)
        given = [labels[pid] for pid in pids]
    elif isinstance(answer, str):
        given = [part for part in re.split(r"[,,、;;/|\n]+", answer) if part.strip()]
    elif isinstance(answer, (list, tuple)):
        given = list(answer)
    else:
        return checks.wrong("give a dict from pid to reading, e.g. {\"1.3.0\": \"silent\", ...} "
                            f"(you gave a {type(answer).__name__}).", hint)
    if len(given) != len(pids):
        return checks.wrong(f"give exactly three readings, one per line (you gave {len(given)}).",
                            hint)
    readings = [_reading(label) for label in given]
    if None in readings:
        return checks.wrong("each reading must be one of fits H1, against H1 (or fits H2) "
                            "or silent.", hint)
    right = sum(reading == KEY_6[pid] for pid, reading in zip(pids, readings))
    if right == len(pids):
        return checks.correct()
    problem = {1: "one of the three readings is not right.",
               2: "two of the three readings are not right.",
               3: "none of the three readings is right."}[len(pids) - right]
    return checks.wrong(problem, hint)
