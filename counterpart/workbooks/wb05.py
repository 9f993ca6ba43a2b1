"""Checks for workbook 05, ethnic unity and the frontier: ``from counterpart.workbooks import
wb05 as check``.

Answers that are data (the course's English for a term, the rows that use a phrase, a share of
the text, the wordings of a formula, which words the report uses) are computed here from
data/terms.csv and data/report.csv on every call, so they follow any correction of the tables.
Only the multiple-choice key is written here, and a test ties it to data/sources.csv. No message
contains an expected answer. The open questions (tasks 2 and 8) are never marked by code.
"""
import math
import re

from .. import checks, text
from ..checks import never_raises
from ..data import load

LESSON = "See lesson 05 (notebooks/05_ethnic_unity_and_the_frontier.ipynb)"


def occurrences(phrase):
    """How often ``phrase`` occurs in the whole report (NFKC, as the lesson counts)."""
    return sum(text.count(zh, phrase) for zh in load("report")["zh"])


# --- Task 1 · The course's English for 民族团结 ------------------------------------------------

HINT_1 = (f"{LESSON}, section 1 (民族 and 中华民族), or look the term up in the `en` column "
          "of `terms`.")


@never_raises
def task_1(answer):
    terms = load("terms")
    expected = terms.loc[terms["zh"] == "民族团结", "en"].iloc[0]
    feedback = checks.text_answer(answer, [expected], HINT_1, what="an English phrase")
    if feedback.ok is False and isinstance(answer, str):
        given = checks.plain(answer)
        if given == checks.plain("national unity"):
            return checks.wrong("that is the rendering the lesson explains the course does "
                                "not use.", HINT_1)
        if given == checks.plain("民族团结") or checks._toneless(answer) == "minzutuanjie":
            return checks.wrong("that is the Chinese term itself; give the course's English "
                                "for it.", HINT_1)
    return feedback


# --- Task 3 · The rows that mention 民族团结 ---------------------------------------------------

HINT_3 = (f"{LESSON}, section 2 (optional; Where the report speaks of ethnic unity): keep the rows whose "
          "`zh` contains the phrase, e.g. with text.contains, and list their `pid`.")


def unity_pids():
    report = load("report")
    return [pid for pid, zh in zip(report["pid"], report["zh"])
            if text.contains(zh, "民族团结")]


def _not_a_list(answer, example, hint):
    return checks.wrong(f"give a list of text, e.g. {example} (you gave a "
                        f"{type(answer).__name__}).", hint)


@never_raises
def task_3(answer):
    what = "a list of pids, e.g. [\"1.2.0\", \"2.1\"]"
    items = None if checks.is_blank(answer) else checks._as_items(answer)
    if items is None and not checks.is_blank(answer):
        return _not_a_list(answer, "[\"1.2.0\", \"2.1\"]", HINT_3)
    if items is not None:
        report = load("report")
        sections = set(report.loc[report["pid"].isin(unity_pids()), "section"])
        given = {str(i).strip() for i in items}
        if given == sections and given != set(unity_pids()):
            return checks.wrong("those are the sections the rows belong to; the question asks "
                                "for the pid of each row.", HINT_3)
    return checks.item_set(answer, unity_pids(), HINT_3, what=what)


# --- Task 4 · The share of 一(四) in the report's characters ---------------------------------

HINT_4 = (f"{LESSON}, section 2 (optional), the share of 一(四): add up `report[\"zh\"].str.len()` for "
          "the rows whose `section` is \"1.4\", divide by the sum over all rows, multiply by "
          "100 and round to one decimal place.")


def share_of_section(section="1.4", rows=None):
    """Percent of the characters of ``rows`` (default: all rows) that lie in ``section``."""
    report = load("report") if rows is None else rows
    chars = report["zh"].str.len()
    return 100 * chars[report["section"] == section].sum() / chars.sum()


def _as_percent(answer):
    """A number from the answer; a trailing % sign is allowed ("16.5%")."""
    if isinstance(answer, str):
        answer = re.sub(r"\s*[%%]\s*$", "", answer.strip())
    return checks.as_number(answer)


@never_raises
def task_4(answer):
    what = "a percentage with one decimal place, e.g. 12.3"
    if checks.is_blank(answer):
        return checks.not_answered(what)
    value = _as_percent(answer)
    if value is None or not math.isfinite(value):
        return checks.wrong("this is not a number I can read. Give a percentage such as "
                            "12.3.", HINT_4)
    exact = share_of_section()
    if round(value, 1) == round(exact, 1):
        return checks.correct()
    if math.isclose(value, exact / 100, rel_tol=0.01):
        return checks.wrong("that looks like a fraction of 1; the question asks for a "
                            "percentage.", HINT_4)
    if value == round(exact) and value != round(exact, 1):
        return checks.wrong("close, but give one decimal place.", HINT_4)
    report = load("report")
    body = report[~report["section"].isin(["front", "end"])]
    if round(value, 1) == round(share_of_section(rows=body), 1):
        return checks.wrong("you left some rows out of the total: the question asks about "
                            "all the rows of the report, front matter and closing included.",
                            HINT_4)
    return checks.wrong("that is not the share of 一(四).", HINT_4)


# --- Task 5 · The two wordings of 交往、交流、交融 ------------------------------------------------

# The three words together, with at most a few characters (、 and an adjective) between them.
FORMULA = re.compile(r"交[往流融][^交。]{0,4}交[往流融][^交。]{0,4}交[往流融]")
WORD = re.compile(r"交[往流融]")

HINT_5 = (f"{LESSON}, section 3 (optional; one formula, two forms): find the rows that hold "
          "all three words together, and apply re.findall(\"交[往流融]\", …) to each.")


def formula_wordings():
    """{pid: (word, word, word)} for each row holding the formula, words in the row's order."""
    report = load("report")
    found = {}
    for pid, zh in zip(report["pid"], report["zh"]):
        for match in FORMULA.finditer(text.normalise(zh)):
            found[pid] = tuple(WORD.findall(match.group()))
    return found


def _words_of(wording):
    """The 交… words of one wording, in order: from a string or a list of strings."""
    if isinstance(wording, (list, tuple)):
        wording = "".join(str(w) for w in wording)
    if not isinstance(wording, str):
        return None
    return tuple(WORD.findall(checks.simplified(wording)))


def _pid_like(value):
    return isinstance(value, str) and re.fullmatch(r"\s*[\d.]+\s*", value) is not None


@never_raises
def task_5(answer):
    what = "a dict that maps each pid to its wording, e.g. {\"9.9\": \"…\", \"9.9.9\": \"…\"}"
    if checks.is_blank(answer):
        return checks.not_answered(what)
    if not isinstance(answer, dict):
        return checks.wrong(f"give {what} (you gave a {type(answer).__name__}).", HINT_5)
    expected = formula_wordings()
    given = {}
    for key, value in answer.items():
        if not _pid_like(key) and _pid_like(value):     # written the other way round
            key, value = value, key
        if not _pid_like(key):
            return checks.wrong("each key should be a pid as text, such as \"9.9.9\".", HINT_5)
        words = _words_of(value)
        if words is None or sorted(words) != sorted(("交融", "交往", "交流")):
            return checks.wrong(f"the wording you gave for {key.strip()} does not hold the "
                                "three words 交融, 交往 and 交流 once each.", HINT_5)
        given[key.strip()] = words
    if len(given) != len(expected):
        return checks.wrong(f"give one entry for each row that holds the whole formula; you "
                            f"gave {len(given)}.", HINT_5)
    stray = sorted(set(given) - set(expected))
    if stray:
        return checks.wrong(f"row {stray[0]} does not hold all three words together.", HINT_5)
    misordered = sorted(pid for pid in given if given[pid] != expected[pid])
    if misordered:
        return checks.wrong(f"the rows are right, but the words of {misordered[0]} are not in "
                            "the order that row has.", HINT_5)
    return checks.correct()


# --- Task 6 · Who produced R22? (multiple choice) ---------------------------------------------

SOURCE_6 = "R22"
OPTIONS_6 = ["government", "un_body", "academic", "ngo", "think_tank"]
ANSWER_6 = "b"
HINT_6 = (f"{LESSON}, section 8 (Xinjiang, 2017–2022: sources side by side): look the source "
          "up, e.g. sources.set_index(\"id\").loc[\"R22\", \"producer_type\"].")


@never_raises
def task_6(answer):
    if isinstance(answer, str) and checks.plain(answer) in (checks.plain("United Nations"),
                                                            checks.plain("UN")):
        answer = "un_body"
    return checks.choice(answer, ANSWER_6, OPTIONS_6, HINT_6)


def task_6_widget():
    from ..widgets import choice_question
    return choice_question(OPTIONS_6, task_6)


# --- Task 7 · Which of these words does the report use? --------------------------------------

CANDIDATES_7 = ["维吾尔", "藏族", "藏戏", "宗教", "稳定", "反恐", "边境", "转移"]
HINT_7 = (f"{LESSON}, section 10 (Back to the report): count each word over every row with "
          "text.count, as the lesson's occurrences() does. Count the whole word as written: a "
          "row that shares only one of its characters does not count.")


def used_words():
    return [word for word in CANDIDATES_7 if occurrences(word) > 0]


@never_raises
def task_7(answer):
    what = "a list of the words that occur, e.g. [\"…\", \"…\"]"
    items = None if checks.is_blank(answer) else checks._as_items(answer)
    if items is None and not checks.is_blank(answer):
        return _not_a_list(answer, "[\"…\", \"…\"]", HINT_7)
    if items is not None:
        unused = {w for w in CANDIDATES_7 if w not in used_words()}
        if {checks.simplified(i).strip() for i in items} == unused:
            return checks.wrong("those are the words the report never uses; the question asks "
                                "for the ones it does use.", HINT_7)
    return checks.item_set(answer, used_words(), HINT_7, what=what)
