"""Checks for workbook 07, the report in English: ``from counterpart.workbooks import wb07 as check``.

Answers that are data (counts of translation notes, figures whose unit was lost, a clause of the
report, a term's English, a consistency check) are computed here from data/ each time, so they
follow any correction of the tables. Only the multiple-choice key (task 5) is written here; a
test ties it to the report's rows 2.1.0-2.1.4. No message ever contains an expected answer.
"""
import re

from .. import checks, text
from ..checks import never_raises
from ..data import load, load_bilingual

LESSON = "lesson 07 (notebooks/07_the_report_in_english.ipynb)"


def _see(section):
    return f"See {LESSON}, section '{section}'."


def _row(pid):
    report = load("report")
    return report.loc[report["pid"] == pid, "zh"].iloc[0]


def _note(nid):
    notes = load("translation_notes")
    return notes[notes["nid"] == nid].iloc[0]


def _not_a_list(answer, what, hint):
    # checks.item_set's own message shows a fixed example of fids, which may be an answer here
    return checks.wrong(f"give {what}, as a list (you gave a {type(answer).__name__}).", hint)


# --- Task 1 · Omissions in 1.2.0 ------------------------------------------------------------

KIND_1, PID_1 = "omitted", "1.2.0"
HINT_1 = (_see("2 · Kinds of departure") + " Keep the notes whose issue_type is 'omitted' "
          "AND whose pid is '1.2.0': two conditions, each in brackets, joined with &.")


@never_raises
def task_1(answer):
    notes = load("translation_notes")
    of_kind, in_row = notes["issue_type"] == KIND_1, notes["pid"] == PID_1
    feedback = checks.number(answer, int((of_kind & in_row).sum()), HINT_1,
                             what="a whole number")
    if feedback.ok is False:
        value = checks.as_number(answer)
        if value == of_kind.sum():
            return checks.wrong("that counts the omissions in every row of the report, not "
                                "only in 1.2.0.", HINT_1)
        if value == in_row.sum():
            return checks.wrong("that counts every note on 1.2.0, of all kinds.", HINT_1)
    return feedback


# --- Task 2 · The clause that credits Shanghai ------------------------------------------------

NOTE_2 = "T19"      # the note that records the omitted clause
SLACK_2 = 2         # characters that may be left off either end of the clause
EXTRA_2 = 10        # characters that may be added around it (e.g. the full stop, 。)
OTHER_OMISSIONS_2 = ("T13", "T14", "T15", "T16", "T18")   # other clauses left out of 1.2.0
HINT_2 = (_see("3 · (Optional) What was left out: a clause of 1.2.0") + " The clause follows the count of "
          "registered poor households leaving poverty and opens with 其中 ('of whom'). Copy it "
          "from report row 1.2.0.")


def _span(haystack, needle):
    start = haystack.find(needle)
    return (start, start + len(needle)) if start >= 0 and needle else None


@never_raises
def task_2(answer):
    what = "the Chinese words in quotation marks"
    if checks.is_blank(answer):
        return checks.not_answered(what)
    if not isinstance(answer, str):
        return checks.wrong(f"give {what} (you gave a {type(answer).__name__}).", HINT_2)
    row, given = checks.plain(_row("1.2.0")), checks.plain(answer)
    clause = checks.plain(_note(NOTE_2)["zh"])
    found, wanted = _span(row, given), _span(row, clause)
    if found is None:
        return checks.wrong("those words are not in row 1.2.0 as written: copy them exactly "
                            "(punctuation does not matter).", HINT_2)
    (a, b), (s, e) = found, wanted
    if a <= s + SLACK_2 and b >= e - SLACK_2:
        if b - a <= e - s + EXTRA_2:
            return checks.correct()
        return checks.wrong("you copied more than the one clause: keep only the words the "
                            "blog's English leaves out.", HINT_2)
    if b > s and a < e:
        return checks.wrong("that is only part of the clause: copy all of it.", HINT_2)
    for nid in OTHER_OMISSIONS_2:
        other = _span(row, checks.plain(_note(nid)["zh"]))
        if other and b > other[0] and a < other[1]:
            return checks.wrong("that is also missing from the blog's English, but it is not "
                                "the clause that credits Shanghai's own projects.", HINT_2)
    return checks.wrong("those words are in 1.2.0, but they are not the clause asked for.",
                        HINT_2)


# --- Task 3 · Figures whose unit was lost -------------------------------------------------------

HINT_3 = (_see("4 · Lost units: 人次 and 所(次)") + " Filter figures.csv on its "
          "translation_issue column and give the fid of each row.")


@never_raises
def task_3(answer):
    figures, notes = load("figures"), load("translation_notes")
    expected = figures.loc[figures["translation_issue"] == "unit_lost", "fid"].tolist()
    what = "a list of figure ids, e.g. [\"F01\", \"F08\"]"
    items = None if checks.is_blank(answer) else checks._as_items(answer)
    if items is None and not checks.is_blank(answer):
        return _not_a_list(answer, what, HINT_3)
    if items:
        given = {checks.plain(i) for i in items}
        lost_notes = notes.loc[notes["issue_type"] == "unit_lost", "nid"]
        if given and given <= {checks.plain(n) for n in lost_notes}:
            return checks.wrong("those are the ids of translation notes (T…); the task asks for "
                                "the ids of figures (F…) in figures.csv.", HINT_3)
        per_time = figures.loc[figures["per_time"].fillna(False), "fid"]
        if given == {checks.plain(f) for f in per_time} and len(per_time) != len(expected):
            return checks.wrong("that is every figure that counts occurrences (per_time); "
                                "not all of them lost their unit in the blog's English.",
                                HINT_3)
    return checks.item_set(answer, expected, HINT_3, what=what)


# --- Task 4 · The English name of 中组部 --------------------------------------------------------

TERM_4 = "中组部"
HINT_4 = (_see("5 · (Optional) Names of organisations") + " Look the abbreviation up in the term list: "
          "terms[terms[\"zh\"] == \"中组部\"], column en.")
# Spellings and expansions that name the same body in the same way.
_SAME_4 = [("Organization", "Organisation"), ("CPC", "CCP"), ("CPC", "Communist Party of China"),
           ("CPC", "Chinese Communist Party")]


def _forms_4(name):
    """The term list's English with 'the', British spelling and the Party's name spelt out."""
    forms = {name}
    for old, new in _SAME_4:
        forms |= {f.replace(old, new) for f in forms}
    reordered = {re.sub(r"of the (\S+(?: \S+)*?) Central Committee$",
                        r"of the Central Committee of the \1", f) for f in forms}
    forms |= reordered
    return forms | {"the " + f for f in forms}


@never_raises
def task_4(answer):
    terms = load("terms")
    name = terms.loc[terms["zh"] == TERM_4, "en"].iloc[0]
    feedback = checks.text_answer(answer, _forms_4(name), HINT_4, what="a name in English")
    if feedback.ok is False and isinstance(answer, str):
        given = checks.plain(answer)
        if "ministry" in given:
            return checks.wrong("a ministry is a government body; 中组部 belongs to the Party.",
                                HINT_4)
        if "municipal" in given or "shanghai" in given:
            return checks.wrong("中组部 is a national body: its 中 stands for 中央, the Centre. "
                                "The city's own department has another name.", HINT_4)
    return feedback


# --- Task 5 · 四个不减 and 四个不摘 (multiple choice) ---------------------------------------------

OPTIONS_5 = [
    "Nothing: 四个不减 is another name for 四个不摘, and the report uses the two names for one "
    "formula.",
    "四个不摘 is a requirement the report attributes to the Centre (2.1.0), about what stays in "
    "place after a county leaves the poverty list; 四个不减 is spelt out by the report's own "
    "items 2.1.1-2.1.4 (attention, investment, targets and requirements, effectiveness).",
    "四个不减 is the Centre's requirement, quoted in brackets in 2.1.0; 四个不摘 is Shanghai's "
    "plan, set out in the items 2.1.1-2.1.4.",
    "四个不摘 is about money only, while 四个不减 is about the cadres Shanghai sends.",
]
ANSWER_5 = "b"
HINT_5 = (_see("7 · (Optional) Notes that explain a different formula") + " Read 2.1.0 (which formula does "
          "it attribute to 中央, and what do its brackets list?) and the openings of 2.1.1-2.1.4 "
          "(一是 … 不减).")


@never_raises
def task_5(answer):
    return checks.choice(answer, ANSWER_5, OPTIONS_5, HINT_5)


def task_5_widget():
    from ..widgets import choice_question
    return choice_question(OPTIONS_5, task_5)


# --- Task 6 · A consistency check with the term list ------------------------------------------

TERM_6 = "乡村振兴"
HINT_6 = (_see("8 · How to check a translation yourself") + " For each row whose Chinese holds "
          "the term, count the term in zh and the term list's English in en (flat() reads "
          "hyphens as spaces); keep the pids where the English count is smaller.")


def flat(english):
    """Lower case, hyphens and dashes read as spaces, spaces collapsed (as in the lesson)."""
    return " ".join(re.sub(r"[-\u2010\u2011\u2013\u2014]", " ", str(english).lower()).split())


def fewer_in_english(zh_term):
    """pids whose English uses the term list's rendering of zh_term fewer times than the
    Chinese uses zh_term."""
    terms, report = load("terms"), load_bilingual()
    en_term = flat(terms.loc[terms["zh"] == zh_term, "en"].iloc[0])
    return [pid for pid, zh, en in zip(report["pid"], report["zh"], report["en"])
            if text.count(zh, zh_term) > flat(en).count(en_term)]


def rows_with(zh_term):
    report = load("report")
    return [pid for pid, zh in zip(report["pid"], report["zh"]) if text.contains(zh, zh_term)]


@never_raises
def task_6(answer):
    expected = fewer_in_english(TERM_6)
    what = "a list of pids, e.g. [\"1.1.0\", \"2.3\"] (or [] if there are none)"
    if isinstance(answer, (list, tuple)) and not answer:
        if expected:
            return checks.wrong("an empty list. Every row may use the English at least once: "
                                "compare how many times, not only whether.", HINT_6)
        return checks.correct()
    items = None if checks.is_blank(answer) else checks._as_items(answer)
    if items is None and not checks.is_blank(answer):
        return _not_a_list(answer, what, HINT_6)
    if items and {checks.plain(i) for i in items} == {checks.plain(p) for p in
                                                      rows_with(TERM_6)} \
            and len(rows_with(TERM_6)) != len(expected):
        return checks.wrong("that is every row whose Chinese holds the term; keep only those "
                            "where the English falls short.", HINT_6)
    return checks.item_set(answer, expected, HINT_6, what=what)
