"""Checks for workbook 02, the report as a document: ``from counterpart.workbooks import wb02 as check``.

Answers that are data (dates, row ids, counts) are computed here from data/ each time, so they
follow any correction of the tables; the multiple-choice key and the reading answers are
judgements and are written here. No message ever contains an expected answer.
"""
import re

from .. import checks, text
from ..data import load
from . import MultipleChoice, column_if_table, number_with_slips, see_lesson

see = see_lesson("02")
ITEM_START = r"^[一二三四五六七八九十]是"     # how the lesson finds 一是…二是… items


def _report():
    report = load("report")
    report["part"] = report["section"].str.split(".").str[0]
    return report


# --- Task 1 · Who is addressed -------------------------------------------------------------

CHOICE_1 = MultipleChoice(
    ["The Shanghai Municipal Government, which commissioned the report",
     "The Standing Committee of the Shanghai Municipal People's Congress",
     "The Party Central Committee in Beijing",
     "The governments of Shanghai's partner regions"],
    key="b",
    hint=see("Genre") + " Read whom the salutation (0.5) greets, to whom 0.6 says the report "
         "is made, and who is asked to act in end.2. The body that commissions a report is not "
         "the one it is made to.")
task_1, task_1_widget = CHOICE_1.check, CHOICE_1.widget


# --- Task 2 · What the committee is asked to do --------------------------------------------

# The two characters of end.2 that name the request; the whole formula is accepted too.
ACCEPTED_2 = ["审议", "请予审议"]


def task_2(answer):
    return checks.text_answer(answer, ACCEPTED_2,
                              see("Genre") + " Copy the two characters of end.2 (以上报告,"
                              "请予…) that name what the committee is asked to do.",
                              what="two Chinese characters in quotation marks")


# --- Task 3 · Days from the 20th Congress to delivery ---------------------------------------

def _timeline_dates():
    import pandas as pd

    timeline = load("timeline")
    when = pd.to_datetime(timeline["date"], format="%Y-%m-%d", errors="coerce")
    event = timeline["event_en"]

    def date_of(pattern, source=None):
        rows = event.str.contains(pattern, regex=True)
        if source:
            rows &= timeline["source"] == source
        return when[rows].iloc[0]

    return (date_of(r"20th CCP National Congress opens"),
            date_of(r"20th CCP National Congress closes"),
            date_of(r"delivers the report", source="report"))


@checks.never_raises
def task_3(answer):
    opened, closed, delivered = _timeline_dates()
    expected = (delivered - closed).days
    hint = (see("Timing") + " Take both dates from data/timeline.csv with pandas and "
            "subtract the Congress's closing date from the delivery date; .days gives whole days.")
    return number_with_slips(answer, expected, hint, what="a number of days, e.g. 30", slips=[
        ((delivered - opened).days, "that counts from the day the Congress opened.",
         "The question asks about the day it closed. " + hint),
        (-expected, "your number has the wrong sign.",
         "Subtract the earlier date from the later one. " + see("Timing")),
        (expected + 1, "that counts both end days.",
         "The difference of two dates, (later - earlier).days, counts the days from one to "
         "the other. " + see("Timing"))])


# --- Task 4 · Rows that mention the epidemic ------------------------------------------------

def epidemic_pids():
    report = load("report")
    return [pid for pid, zh in zip(report["pid"], report["zh"]) if text.contains(zh, "疫情")]


@checks.never_raises
def task_4(answer):
    return checks.item_set(column_if_table(answer, "pid"), epidemic_pids(),
                           see("Timing") + " Search the Chinese column zh for 疫情 "
                           "(the English may word it differently), then list the pid column.",
                           what="a list of pids such as [\"0.1\", \"0.2\"]")


# --- Task 5 · The longest section -----------------------------------------------------------

def section_lengths():
    report = _report()
    body = report[report["part"].isin(["1", "2"])]
    return body.groupby("section", sort=False)["zh"].agg(lambda s: s.str.len().sum())


def _section_id(answer):
    """'1.3', ' 1.3 ', 'section 1.3' all read as 1.3: keep digits and dots only."""
    return re.sub(r"[^0-9.]", "", checks.simplified(str(answer))).strip(".")


@checks.never_raises
def task_5(answer):
    lengths = section_lengths()
    expected = lengths.idxmax()
    hint = (see("Structure") + " Group the rows by the section column, sum the length "
            "of zh (.str.len()) in each group, and take the section with the largest sum "
            "(.idxmax()).")
    if checks.is_blank(answer):
        return checks.not_answered("a section id in quotation marks, e.g. \"2.1\"")
    if not isinstance(answer, str):
        return checks.wrong("give the section id as text in quotation marks, e.g. \"2.1\" "
                            f"(you gave a {type(answer).__name__}).", hint)
    given = _section_id(answer)
    if given == expected:
        return checks.correct()
    report = _report()
    longest_row = report.loc[report["zh"].str.len().idxmax()]
    if given == longest_row["pid"] or given == longest_row["section"]:
        return checks.wrong("that section holds the longest single row, not the most text.",
                            "Add up every row of each section before comparing. " + hint)
    if given in ("1", "2"):
        return checks.wrong("that is a part (一 or 二), not a section.",
                            "A section id has one dot, like 2.1. " + hint)
    if given not in lengths.index:
        return checks.wrong(f"“{answer.strip()[:20]}” is not a section id of the report body.",
                            hint)
    return checks.wrong("another section holds more characters.", hint)


# --- Task 6 · Numbered items in section 1.4 --------------------------------------------------

SECTION_6 = "1.4"


def section_items(section=SECTION_6):
    report = load("report")
    rows = report[report["section"] == section]
    return rows[rows["zh"].str.contains(ITEM_START, regex=True)]


@checks.never_raises
def task_6(answer):
    expected = len(section_items())
    hint = (see("Parallel patterns") + " Keep the rows of section 1.4, then those whose "
            "zh starts with a numeral and 是 (the pattern ^[一二三…]是), and count them.")
    report = load("report")
    in_section = int((report["section"] == SECTION_6).sum())
    all_items = int(report["zh"].str.contains(ITEM_START, regex=True).sum())
    return number_with_slips(answer, expected, hint, what="a count, e.g. 7", slips=[
        ((in_section, in_section - 1), "that counts the section's heading or opening paragraph "
         "too.", "Only rows whose text starts with 一是, 二是, … are items. " + hint),
        (all_items, "that counts the items of the whole report.",
         "Filter section 1.4 first. " + hint)])


# --- Task 7 · Figures in part 二 -------------------------------------------------------------

def figures_by_part():
    figures = load("figures")
    return figures["pid"].str.split(".").str[0].value_counts()


@checks.never_raises
def task_7(answer):
    per_part = figures_by_part()
    expected = int(per_part.get("2", 0))
    hint = (see("Achievements and plans") + " In data/figures.csv a figure's part is "
            "what comes before the first dot of its pid (split it as the lesson does); count "
            "the figures whose part is 2.")
    return number_with_slips(answer, expected, hint, what="a count, e.g. 7", slips=[
        (int(per_part.get("1", -1)), "that is the count for part 一 (pid 1…), the achievements.",
         "The question asks about part 二, the plans. " + hint),
        (int(per_part.sum()), "that is every figure in the table.",
         "Keep only the rows of part 二. " + hint)])


# --- Task 8 · What the English adds ------------------------------------------------------------

# 0.6 has no subject in the Chinese (no 我); our English supplies the first-person pronoun.
ACCEPTED_8 = ["I"]


@checks.never_raises
def task_8(answer):
    hint = (see("Read it yourself: the bilingual reader") + " Compare 0.6 in both "
            "columns: the Chinese verb 报告 (report) has no subject; which English word does our "
            "rendering give it?")
    feedback = checks.text_answer(answer, ACCEPTED_8, hint, what="one English word in quotes")
    if feedback.ok is False and isinstance(answer, str):
        if checks.plain(answer) in {"we", "our", "us"}:
            return checks.wrong("the Chinese 0.6 has no 我们 either, and our English does not "
                                "say 'we' there.", hint)
        if checks.plain(answer) in {"我", "我们"}:
            return checks.wrong("the question asks for the English word.", hint)
    return feedback
