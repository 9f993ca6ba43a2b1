"""Checks for workbook 03, slogans and political language.

Expected answers come from data/report.csv and data/slogans.csv, so they follow any correction
of the data; only the multiple-choice key (task 3) is written here, and a test ties it to the
glossary's `level` column.
"""
import re
from functools import lru_cache

from .. import checks, text
from ..checks import never_raises
from ..data import load

LESSON = "See lesson 03"
# A numbered formula of the shape 「N个…」: a numeral, the measure word 个, then the rest.
N_GE = re.compile(r"^[一二三四五六七八九十两]个")


@lru_cache(maxsize=1)
def _report():
    return load("report")


@lru_cache(maxsize=1)
def _slogans():
    return load("slogans")


def _glossary_row(zh):
    slogans = _slogans()
    return slogans[slogans["zh"] == zh].iloc[0]


def _occurrences(phrase):
    return sum(text.count(zh, phrase) for zh in _report()["zh"])


def _components(zh):
    return [part.strip() for part in _glossary_row(zh)["components"].split("|")]


# --- Task 1: pinyin of 两个维护 ----------------------------------------------------------------

HINT_1 = (f"{LESSON}, section 2 'Alignment formulas: row 1.1.0': the glossary's pinyin column "
          "gives it, with tone marks.")


@never_raises
def task_1(answer):
    expected = _glossary_row("两个维护")["pinyin"]
    feedback = checks.pinyin(answer, expected, HINT_1)
    if feedback.ok is False:
        # 个 is often read in the neutral tone (ge, ge5) in everyday speech: accept it.
        neutral = checks.pinyin(answer, expected.replace("gè", "ge"), HINT_1)
        if neutral.ok:
            return neutral
    return feedback


# --- Task 2: 攻坚 outside 脱贫攻坚 --------------------------------------------------------------

HINT_2 = (f"{LESSON}, section 3 'Battle metaphors', the caution 'They overlap': count 攻坚 in "
          "every row, then take away the ones that are part of 脱贫攻坚.")


@never_raises
def task_2(answer):
    every, inside = _occurrences("攻坚"), _occurrences("脱贫攻坚")
    feedback = checks.number(answer, every - inside, HINT_2, what="a whole number")
    if feedback.ok is False:
        value = checks.as_number(answer)
        if value == every:
            return checks.wrong("that counts every 攻坚, including those inside 脱贫攻坚.",
                                HINT_2)
        if value == inside:
            return checks.wrong("that is how often 脱贫攻坚 itself occurs; the question asks "
                                "about the other uses of 攻坚.", HINT_2)
    return feedback


# --- Task 3: which formulation is Shanghai-made? (multiple choice) ---------------------------

OPTIONS_3 = ["四个意识", "百县百品", "五个认同", "四个不减"]
ANSWER_3 = "b"
HINT_3 = (f"{LESSON}, section 5 (optional), 'Made in Beijing or made in Shanghai?': look each option up in "
          "the glossary's level column, e.g. slogans[slogans[\"zh\"] == \"四个意识\"].")


@never_raises
def task_3(answer):
    return checks.choice(answer, ANSWER_3, OPTIONS_3, HINT_3)


def task_3_widget():
    from ..widgets import choice_question
    return choice_question(OPTIONS_3, task_3)


# --- Task 4: the central numbered formulas the report uses (a table) -------------------------

HINT_4 = (f"{LESSON}, section 1 (the numbered formulas) and section 5 (optional; the level column): keep "
          "the rows whose kind is numbered AND whose level is central AND that occur in the "
          "report (the in_report column), with the columns zh and en.")


@never_raises
def task_4(answer):
    slogans = _slogans()
    wanted = ((slogans["kind"] == "numbered") & (slogans["level"] == "central")
              & slogans["in_report"])
    return checks.frame(answer, slogans.loc[wanted, ["zh", "en"]], HINT_4,
                        what="a DataFrame with the columns zh and en")


# --- Task 5: the four parts of 四个不减 -----------------------------------------------------------

HINT_5 = (f"{LESSON}, section 6 (optional), 'Why check: 四个不减 and 四个不摘': read the start of rows "
          "2.1.1 to 2.1.4 (一是 … 四是 …).")


def _without_bujian(item):
    """One part in comparable form, with or without its closing 不减 (traditional 不減 too)."""
    return re.sub(r"不减$", "", checks.plain(item))


@never_raises
def task_5(answer):
    what = "a list of four Chinese phrases"
    items = checks._as_items(answer) if not checks.is_blank(answer) else None
    if items is None:                       # blank or not a list: item_set says what to do
        return checks.item_set(answer, _components("四个不减"), HINT_5, what=what)
    given = {_without_bujian(i) for i in items}
    if given == {checks.plain(i) for i in _components("四个不摘")}:
        return checks.wrong("those are the four parts of 四个不摘, the Centre's formula in "
                            "row 2.1.0, not of 四个不减.", HINT_5)
    return checks.item_set(sorted(given), [_without_bujian(i) for i in _components("四个不减")],
                           HINT_5, what=what)


# --- Task 6 (optional): numbered formulas 「N个…」 in part 2, found with a regular expression ---

HINT_6 = (f"{LESSON}, section 7 (optional), 'finding formulations with regular expressions': "
          "apply the numbered-formula pattern to each row whose pid starts with 2, then keep "
          "only the matches that are formulas.")


def numbered_in_part_2():
    """The glossary's numbered formulas of the shape 「N个…」 that occur in a row of part 2,
    found by plain substring search (independently of any regular expression)."""
    part_2 = [zh for pid, zh in zip(_report()["pid"], _report()["zh"]) if pid.startswith("2")]
    numbered = _slogans()[_slogans()["kind"] == "numbered"]["zh"]
    return sorted(f for f in numbered if N_GE.match(f)
                  and any(text.contains(zh, f) for zh in part_2))


@never_raises
def task_6(answer):
    return checks.item_set(answer, numbered_in_part_2(), HINT_6,
                           what="a list of formulas, e.g. [\"…\", \"…\"]")
