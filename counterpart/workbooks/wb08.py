"""Checks for workbook 08, The patterns of official prose.

Use: ``from counterpart.workbooks import wb08 as check``.

Expected answers that are data are computed here from data/ each time, so they follow any
correction of the tables. No message ever contains an expected answer. Free English (the
open questions) is never string-matched: the model answers are in the key.
"""
from .. import checks, patterns
from ..data import load, load_bilingual
from . import MultipleChoice, see_lesson

# Where a section's title would give the answer away, hints cite its number alone: see("2").
see = see_lesson("08")


def english_after(answer, pid: str) -> str:
    """Our English of paragraph ``pid``, once ``answer`` is given: read the Chinese first."""
    if checks.is_blank(answer):
        return "Answer the task first (run its cells), then run this cell to see our English."
    return f"Our English of {pid}:\n" + load_bilingual().set_index("pid").loc[pid, "en"]


def chinese(pid: str) -> str:
    """The Chinese of paragraph ``pid``."""
    return load("report").set_index("pid").loc[pid, "zh"]


# --- Task 1 · Read 1.3.0: what cures the root cause? --------------------------------------

OPTIONS_1 = ["bringing Shanghai's capital to the paired areas",
             "cultivating the areas' own 'blood-making' capacity",
             "combining agriculture, culture and tourism",
             "the support of the Party Centre"]


CHOICE_1 = MultipleChoice(OPTIONS_1, key="b",
                          hint=see("2 · 把…作为…: \"treat X as Y\"") + " Find 作为 and read "
                          "what stands between 把 and 作为.")
task_1, task_1_widget = CHOICE_1.check, CHOICE_1.widget


# --- Task 2 · Read 1.4.0: what is the main line? ------------------------------------------

OPTIONS_2 = ["contact, exchange and integration among all ethnic groups",
             "forging a strong sense of community of the Chinese nation",
             "persisting in the work without a break",
             "the development of the frontier"]


CHOICE_2 = MultipleChoice(OPTIONS_2, key="b",
                          hint=see("1 · 以…为…: \"take X as Y\"") + " The X of 以 X 为 Y is what "
                          "the Y (主线) names.")
task_2, task_2_widget = CHOICE_2.check, CHOICE_2.widget


# --- Tasks 4-6 · Cloze items from the report ------------------------------------------------

#: task number -> (pid, text before the gap, the gap, text after it): the sentence is the
#: report's own (a test checks it), the gap is a word of the pattern the task practises.
CLOZES = {
    4: ("1.5.3", "特别是把资金项目管理", "作为", "对口帮扶工作重中之重"),
    5: ("1.4.0", "坚持以铸牢中华民族共同体意识为", "主线", ",不断促进各民族"),
    6: ("1.2.0", "", "累计", "援助对口帮扶地区市县乡村各级医疗机构1400多所(次)"),
}
CLOZE_HINTS = {
    4: see("2") + " 把 X … Y: which two-character verb links X to its rank?",
    5: see("1") + " The Y here is a noun for 'main line'.",
    6: see("5") + " Which word marks a running total?",
}


def cloze(number: int) -> str:
    """The sentence of cloze task ``number`` with its gap shown as ＿＿."""
    _, before, gap, after = CLOZES[number]
    return f"{before}{'＿' * len(gap)}{after}"


def _cloze_check(number: int, answer):
    return checks.text_answer(answer, [CLOZES[number][2]], CLOZE_HINTS[number],
                              what="the missing characters, e.g. \"可以\"")


@checks.never_raises
def task_4(answer):
    return _cloze_check(4, answer)


@checks.never_raises
def task_5(answer):
    return _cloze_check(5, answer)


@checks.never_raises
def task_6(answer):
    return _cloze_check(6, answer)


# --- Tasks 7-8 · English → Chinese recall -----------------------------------------------------

def _slogan(zh: str):
    row = load("slogans").set_index("zh").loc[zh]
    return zh, row["pinyin"], row["en"]


RECALL = {7: "造血", 8: "对口支援"}


def recall_prompt(number: int) -> str:
    """The course's English of the term task ``number`` asks for."""
    return _slogan(RECALL[number])[2]


@checks.never_raises
def task_7(answer):
    zh, pinyin, _ = _slogan(RECALL[7])
    return checks.recall(answer, zh, pinyin, see("2 · 把…作为…: \"treat X as Y\"") +
                         " It is in quotation marks in 1.3.0.")


@checks.never_raises
def task_8(answer):
    zh, pinyin, _ = _slogan(RECALL[8])
    return checks.recall(answer, zh, pinyin, "It is in the report's title (0.1): the second "
                         "of the two programmes.")


# --- Task 9 · Which lead verb opens most clauses? -------------------------------------------

def commonest_lead_verb() -> str:
    """The verb of 围绕/聚焦/坚持/推动 that the pattern rule finds most often in the report."""
    lead = patterns.table("lead_verb")
    return lead["text"].str[:2].value_counts().index[0]


@checks.never_raises
def task_9(answer):
    return checks.text_answer(answer, [commonest_lead_verb()],
                              see("3") + " Take the "
                              "first two characters of each match and count them.",
                              what="the verb in Chinese, e.g. \"围绕\"")
