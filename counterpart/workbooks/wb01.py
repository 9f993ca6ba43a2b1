"""Checks for workbook 01, counterpart support: ``from counterpart.workbooks import wb01 as check``.

Answers that are data (counts, years, distances, place names, row ids) are computed here from
data/ each time, so a corrected table keeps the checks right. Only the multiple-choice key is
written down. No message ever contains the expected answer.
"""
import math
import re

from .. import checks, maps, text
from ..checks import correct, never_raises, not_answered, wrong
from ..data import load

LESSON = "lesson 01 (notebooks/01_counterpart_support.ipynb)"


def _see(section):
    # sections are named without their numbers or dates, which could give an answer away
    return f"See {LESSON}, the section '{section}'."


# --- Task 1: what 对口帮扶 abbreviates (row 0.6) ---------------------------------------------

TASK_1_OPTIONS = [
    "精准扶贫: targeted poverty alleviation",
    "东西部协作与对口支援: East-West cooperation and counterpart support together",
    "对口支援 alone: counterpart support for Tibet (Xizang) and Xinjiang",
    "东西部扶贫协作: the pre-2021 name of East-West cooperation",
]
TASK_1_KEY = "b"


@never_raises
def task_1(answer):
    hint = ("Read row 0.6 in full: what comes just before 以下简称 ('hereinafter called')? "
            + _see("Two programmes, one name"))
    return checks.choice(answer, TASK_1_KEY, TASK_1_OPTIONS, hint)


def task_1_widget():
    """The same question as a widget: pick an option and press Check."""
    from ..widgets import choice_question
    return choice_question(TASK_1_OPTIONS, task_1)


# --- Task 2: East-West cooperation in Chinese ----------------------------------------------

def _term(english):
    terms = load("terms")
    return terms.loc[terms["en"] == english, "zh"].iloc[0]


@never_raises
def task_2(answer):
    hint = ("The programme's name since 2021, in characters (simplified or traditional). "
            + _see("Two programmes, one name"))
    if isinstance(answer, str) and not checks.is_blank(answer):
        if checks.plain(answer) == checks.plain(
                _term("East-West cooperation in poverty alleviation")):
            return wrong("that is the programme's name before 2021; the question asks for "
                         "the name in use since the 2021 renaming.", hint)
    return checks.text_answer(answer, [_term("East-West cooperation")], hint,
                              what="the Chinese term")


# --- Task 3: the rows that use the current name -------------------------------------------

def rows_containing(quote):
    report = load("report")
    return [pid for pid, zh in zip(report["pid"], report["zh"]) if text.contains(zh, quote)]


@never_raises
def task_3(answer):
    hint = ("Test every row's zh with text.contains and keep the pid of each row that "
            "matches; search for the simplified form, as the report writes it. "
            + _see("Two programmes, one name"))
    return checks.item_set(answer, rows_containing(_term("East-West cooperation")), hint,
                           what='a list of pids such as ["1.3", "end.1"]')


# --- Task 4: the earliest year in the timeline -----------------------------------------

def timeline_years():
    return load("timeline")["date"].str[:4].astype(int)


@never_raises
def task_4(answer):
    hint = ("Take the first four characters of the date column, make them whole numbers, "
            "and find the smallest. " + _see("A timeline"))
    years = timeline_years()
    if isinstance(answer, str) and not checks.is_blank(answer):
        written = answer.strip()
        if re.fullmatch(r"\d{4}\s*年", written):          # 1979年 is a year too
            answer = written.rstrip("年 ")
        elif re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", written):
            return wrong("that is a date; give the year only, as a number such as 2010.", hint)
    feedback = checks.number(answer, int(years.min()), hint, what="a year such as 2010")
    if feedback.ok is False:
        value = checks.as_number(answer)
        if value is not None and value in set(years.tolist()):
            return wrong("that year is in the timeline, but it is not the earliest.", hint)
    return feedback


# --- Task 5: pairings that have ended ----------------------------------------------------

@never_raises
def task_5(answer):
    partners = load("partners")
    ended = int(partners["until"].notna().sum())
    hint = ("A pairing has ended when its row has an end year: count the rows whose until "
            "is not empty. " + _see("Shanghai's partners, past and present"))
    feedback = checks.number(answer, ended, hint, what="a count, e.g. 12")
    value = checks.as_number(answer) if feedback.ok is False else None
    if value is not None and value == len(partners) - ended:
        return wrong("that is the number of rows with NO end year recorded.", hint)
    if value is not None and value == len(partners):
        return wrong("that is the number of all rows in the table.", hint)
    return feedback


# --- Task 6: distance from Shanghai to Kashgar ------------------------------------------

TASK_6_TOLERANCE_KM = 50     # "to the nearest 100 km": the rounded and the exact value both pass
KM_PER_MILE = 1.609344


def partner_km(place_en_start):
    partners = load("partners")
    row = partners[partners["place_en"].str.startswith(place_en_start)].iloc[0]
    return maps.distance_km(maps.SHANGHAI, (float(row["lat"]), float(row["lon"])))


@never_raises
def task_6(answer):
    km = partner_km("Kashgar")
    hint = ("Pick the Kashgar row of partners, then call maps.distance_km(maps.SHANGHAI, "
            "(lat, lon)). " + _see("Shanghai's partners, past and present"))
    what = "a distance in km, e.g. 1500"
    if checks.is_blank(answer):
        return not_answered(what)
    value = checks.as_number(answer)
    if value is not None and math.isfinite(value) and abs(value - km) <= TASK_6_TOLERANCE_KM:
        return correct()
    feedback = checks.number(answer, km, hint, what=what)    # unreadable, or a scale slip
    if value is None or not math.isfinite(value) or feedback.ok is not False:
        return feedback
    if abs(value * 1000 - km) <= TASK_6_TOLERANCE_KM:
        return wrong("your number is a thousand times too small: give whole kilometres, "
                     "not thousands of them.", hint)
    if abs(value * KM_PER_MILE - km) <= TASK_6_TOLERANCE_KM:
        return wrong("that looks like miles; the question asks for kilometres.", hint)
    partners = load("partners")
    others = [maps.distance_km(maps.SHANGHAI, (float(lat), float(lon)))
              for lat, lon in zip(partners["lat"], partners["lon"])]
    if any(abs(value - other) <= 5 for other in others):
        return wrong("that is the distance to another partner place: check which row you "
                     "picked.", hint)
    return feedback


# --- Task 7: Xinjiang partners that the report names --------------------------------------

def xinjiang_named():
    partners = load("partners")
    return partners[(partners["province_en"] == "Xinjiang") & partners["in_report"]]


def _aliases(row):
    """Every way a student may name a partner place: its Chinese name, the report's short form,
    its English name and each spelling inside it ("Kashgar (Kashi)" -> Kashgar, Kashi)."""
    names = {row["place_zh"], row["place_en"]}
    if isinstance(row["report_name"], str):
        names.add(row["report_name"])
    names.update(p for p in re.split(r"\s*[()/,]\s*", row["place_en"]) if p)
    return {_place_key(n) for n in names}


def _place_key(name):
    key = checks.plain(name)
    return re.sub(r"(prefecture|county|city)$", "", key) or key


@never_raises
def task_7(answer):
    hint = ("Filter partners on two columns: province_en and in_report. You may give the "
            "Chinese, the report's short form or the English name of each place. "
            + _see("The partners on a map, and in the report"))
    what = 'a list of place names such as ["日喀则", "Lhatse"]'
    if checks.is_blank(answer):
        return not_answered(what)
    if hasattr(answer, "columns"):           # the filtered table itself is fine too
        column = next((c for c in ("place_zh", "place_en") if c in answer.columns), None)
        if column is None:
            return wrong("your table has no place_zh or place_en column; give a list of "
                         "place names instead.", hint)
        answer = answer[column]
    items = checks._as_items(answer)
    if items is None:
        return wrong(f"give {what} (you gave a {type(answer).__name__}).", hint)
    expected = xinjiang_named()
    aliases = {i: _aliases(row) for i, row in expected.iterrows()}
    found, extra = set(), 0
    for item in items:
        matches = [i for i, names in aliases.items() if _place_key(item) in names]
        if matches:
            found.add(matches[0])
        else:
            extra += 1
    missing = len(aliases) - len(found)
    if not missing and not extra:
        return correct()
    parts = ([f"{missing} missing"] if missing else []) + (
        [f"{extra} that should not be there (or a name I cannot read)"] if extra else [])
    return wrong(f"your list has {' and '.join(parts)}.", hint)
