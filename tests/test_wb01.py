"""Workbook 01's checks: every accepted form of the right answer passes, plausible mistakes get
a helpful message without the answer, blanks are 'not answered yet', nothing makes a check
raise, and the expected answers follow the data rather than being typed in."""
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import strategies as st
from workbook_helpers import (
    answer_key,
    answers,
    assert_broken_data_gives_feedback,
    assert_wrong,
    cells_by_id,
    fuzz_test,
)

from counterpart import text
from counterpart.data import load
from counterpart.workbooks import wb01

TASKS = [wb01.task_1, wb01.task_2, wb01.task_3, wb01.task_4, wb01.task_5, wb01.task_6,
         wb01.task_7]

RIGHT = {
    wb01.task_2: ["东西部协作", "東西部協作", " 东西部 协作 ", "“东西部协作”"],
    wb01.task_3: [["0.1", "0.6", "2.0"], ("2.0", "0.1", "0.6"), "0.6, 2.0, 0.1",
                  pd.Series(["0.1", "0.6", "2.0"])],
    wb01.task_4: [1979, np.int64(1979), "1979", "1979年", 1979.0, "１９７９"],
    wb01.task_5: [5, np.int64(5), "5", 5.0],
    wb01.task_6: [4200, 4200.0, "4,200", "4200 km", 4179, 4179.285, "约4200公里"],
    wb01.task_7: [["喀什", "泽普", "克拉玛依"], ["喀什地区", "泽普县", "克拉玛依市"],
                  "Kashgar, Zepu, Karamay", ["Karamay (Kelamayi)", "Kashgar (Kashi)",
                                             "Zepu (Poskam)"],
                  ["Kashi Prefecture", "Poskam", "克拉瑪依"], {"kashgar", "zepu", "karamay"}],
}

# (answer, a phrase the feedback must contain, texts the feedback must not contain)
WRONG = {
    wb01.task_2: [("东西部扶贫协作", "before 2021", ["东西部协作"]),
                  ("对口支援", "not what the question asks", ["东西部协作"]),
                  ("East-West cooperation", "not what the question asks", ["东西部协作"])],
    wb01.task_3: [(["0.1", "0.6"], "1 missing", ["2.0"]),
                  (["1.1.0", "1.2.0"], "3 missing and 2 that should not be there", ["0.6"]),
                  (["0.1", "0.6", "2.0", "1.1.0"], "1 that should not be there", [])],
    wb01.task_4: [("1979-04", "give the year only", ["1979"]),
                  (1996, "in the timeline, but it is not the earliest", ["1979"]),
                  (1950, "not the number asked for", ["1979"]),
                  ("the seventies", "not a number", ["1979"])],
    wb01.task_5: [(28, "NO end year", ["5"]), (33, "all rows", ["5"]),
                  (3, "not the number asked for", [" 5"])],
    wb01.task_6: [(4100, "not the number asked for", ["4200", "4179"]),
                  (2597, "miles", ["4200", "4179"]),
                  (3524, "another partner place", ["4200", "4179"]),
                  (4.2, "a thousand times too small", ["4200", "4179"])],
    wb01.task_7: [(["喀什", "克拉玛依"], "1 missing", ["泽普", "Zepu"]),
                  (["喀什", "泽普", "克拉玛依", "Aksu"], "1 that should not be there", []),
                  (["Kashgar", "Bachu", "Shache", "Zepu", "Yecheng"],
                   "1 missing and 3 that should not be there", ["Karamay", "克拉玛依"]),
                  (42, "list of place names", [])],
}


def _ids(cases):
    return [f"{task.__name__}-{i}" for task, answers in cases.items() for i in range(len(answers))]


@pytest.mark.parametrize("task, answer", [(t, a) for t, answers in RIGHT.items() for a in answers],
                         ids=_ids(RIGHT))
def test_right_answers_in_every_accepted_form_pass(task, answer):
    feedback = task(answer)
    assert feedback.ok is True, feedback.message
    assert feedback.message.startswith("✔")


@pytest.mark.parametrize("task, answer, says, never",
                         [(t, *case) for t, cases in WRONG.items() for case in cases],
                         ids=_ids(WRONG))
def test_plausible_wrong_answers_get_help_but_not_the_answer(task, answer, says, never):
    assert_wrong(task(answer), *never, says=says, lesson="01")


def test_task_7_accepts_the_filtered_table_itself():
    partners = load("partners")
    named = partners[(partners["province_en"] == "Xinjiang") & partners["in_report"]]
    assert wb01.task_7(named).ok is True
    assert wb01.task_7(partners[partners["province_en"] == "Xinjiang"]).ok is False
    assert "no place_zh or place_en" in wb01.task_7(pd.DataFrame({"a": [1]})).message


# The expected answers are data: they must follow the tables, not be typed into wb01.

def test_expected_answers_are_computed_from_the_data(monkeypatch):
    partners, timeline = load("partners"), load("timeline")
    earlier = timeline.copy()
    earlier.loc[0, "date"] = "1958-01"
    fewer = partners.copy()
    fewer.loc[fewer["until"].notna().idxmax(), "until"] = pd.NA
    moved = partners.copy()
    moved.loc[moved["place_en"].str.startswith("Kashgar"), ["lat", "lon"]] = (31.3, 121.5)
    tables = {"timeline": earlier, "partners": fewer}
    monkeypatch.setattr(wb01, "load", lambda name: tables.get(name, load(name)).copy())
    assert wb01.task_4(1958).ok is True and wb01.task_4(1979).ok is False
    assert wb01.task_5(4).ok is True and wb01.task_5(5).ok is False
    tables["partners"] = moved
    assert wb01.task_6(0).ok is True and wb01.task_6(4200).ok is False


def test_task_3_and_task_7_follow_the_text_and_the_table():
    report = load("report")
    expected = [pid for pid, zh in zip(report["pid"], report["zh"])
                if text.contains(zh, "东西部协作")]
    assert wb01.rows_containing("东西部协作") == expected
    named = wb01.xinjiang_named()
    assert (named["province_en"] == "Xinjiang").all() and named["in_report"].all()
    assert len(named) == int(((load("partners")["province_en"] == "Xinjiang")
                              & load("partners")["in_report"]).sum())


# Nothing a student types makes a check crash.

anything = answers("0123456789０１２万亿约公里km年-.,、 東西部协作喀什abcdBD",
    st.sets(st.sampled_from(["喀什", "Kashgar", "Aksu", "0.1", "2.0", "泽普", ""])),
    st.builds(lambda n: pd.DataFrame({"place_en": ["x"] * n}), st.integers(0, 3)),
)


test_no_task_ever_raises = fuzz_test(TASKS, anything, examples=150)


# The answer key's model answer quotes the report exactly, by pid.

def test_model_answer_quotes_are_in_the_rows_they_cite():
    report = load("report").set_index("pid")
    quotes = []
    for source in cells_by_id(answer_key("01")).values():
        quotes += re.findall(r"\((\d(?:\.\d+)*): ([^()A-Za-z]+?)\)", source)
    assert len(quotes) >= 4
    for pid, quote in quotes:
        assert text.contains(report.loc[pid, "zh"], quote), (pid, quote)


def test_every_task_turns_an_internal_error_into_feedback(monkeypatch):
    assert_broken_data_gives_feedback(monkeypatch, wb01, dict(zip(
        TASKS[1:], ["东西部协作", ["0.1"], 1979, 5, 4200, ["喀什"]])))
