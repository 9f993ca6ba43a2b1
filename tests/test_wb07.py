"""Workbook 07's checks: every accepted form of a right answer passes, plausible mistakes get a
hint that does not give the answer away, blanks await an answer, expected answers follow the
data, and nothing a student types makes a check raise. Also: the answer key's model
retranslation keeps to the term list and quotes 2.1.3 exactly."""
import re
from functools import partial

import pandas as pd
import pytest
import workbook_helpers
from hypothesis import strategies as st
from workbook_helpers import answer_key, answers, cells_by_id, fuzz_test

from counterpart import text
from counterpart.data import load, load_bilingual
from counterpart.workbooks import wb07

TASKS = [wb07.task_1, wb07.task_2, wb07.task_3, wb07.task_4, wb07.task_5, wb07.task_6]
NOTES, FIGURES, TERMS, REPORT = (load("translation_notes"), load("figures"), load("terms"),
                                 load("report"))


def row(pid):
    return REPORT.loc[REPORT["pid"] == pid, "zh"].iloc[0]


def mentions_number(message, n):
    return re.search(rf"(?<![\d.]){n}(?![\d.])", message) is not None


assert_wrong = partial(workbook_helpers.assert_wrong, lesson="07")


def replace_table(monkeypatch, name, changed):
    """Make the checks see a changed copy of one table (the others unchanged)."""
    workbook_helpers.replace_table(monkeypatch, wb07, name, lambda table: changed)


# --- Task 1 · omitted notes on 1.2.0 ---------------------------------------------------------

OMITTED = NOTES["issue_type"] == "omitted"
ON_120 = NOTES["pid"] == "1.2.0"
EXPECTED_1 = int((OMITTED & ON_120).sum())


def test_task_1_expects_a_count_that_differs_from_either_single_filter():
    assert 0 < EXPECTED_1 < min(OMITTED.sum(), ON_120.sum())


@pytest.mark.parametrize("form", [EXPECTED_1, float(EXPECTED_1), str(EXPECTED_1),
                                  f" {EXPECTED_1} "])
def test_task_1_accepts_the_count(form):
    assert wb07.task_1(form).ok is True


@pytest.mark.parametrize("wrong, says", [(int(OMITTED.sum()), "every row"),
                                         (int(ON_120.sum()), "all kinds"),
                                         (EXPECTED_1 + 1, "not the number"),
                                         ("omitted", "not a number")])
def test_task_1_names_the_one_filter_mistakes(wrong, says):
    feedback = wb07.task_1(wrong)
    assert_wrong(feedback, says=says)
    assert not mentions_number(feedback.message, EXPECTED_1)


def test_task_1_follows_the_data(monkeypatch):
    # Drop one omitted note on 1.2.0: the old count is now wrong, the new one right.
    dropped = NOTES.drop(NOTES[OMITTED & ON_120].index[0])
    replace_table(monkeypatch, "translation_notes", dropped)
    assert wb07.task_1(EXPECTED_1).ok is False
    assert wb07.task_1(EXPECTED_1 - 1).ok is True


# --- Task 2 · the omitted clause that credits Shanghai --------------------------------------

CLAUSE = NOTES.loc[NOTES["nid"] == "T19", "zh"].iloc[0]


def test_task_2_the_clause_is_in_the_row_and_records_an_omission():
    assert text.contains(row("1.2.0"), CLAUSE)
    assert NOTES.loc[NOTES["nid"] == "T19", "issue_type"].iloc[0] == "omitted"


@pytest.mark.parametrize("form", [CLAUSE, CLAUSE + "。", f" “{CLAUSE}” ", CLAUSE[2:],
                                  "其中200多萬貧困人口從我市幫扶項目中直接受益脫貧"])
def test_task_2_accepts_the_clause_with_or_without_its_edges(form):
    assert wb07.task_2(form).ok is True


SECRETS_2 = ("200多万", "直接受益", "帮扶项目")


@pytest.mark.parametrize("wrong, says", [
    ("实施65个自然能提水项目", "also missing"),                      # another omission (T14)
    ("提升日喀则市上海实验学校高考上线率达到100%", "also missing"),    # another omission (T13)
    ("200多万贫困人口", "only part"),
    ("超过909万建档立卡贫困户脱贫出列," + CLAUSE, "more than the one clause"),
    ("2017年以来", "not the clause asked for"),
    ("上海帮助200万人脱贫", "not in row 1.2.0"),
    (2000000, "you gave a int"),
])
def test_task_2_rejects_other_clauses_parts_and_paraphrase(wrong, says):
    assert_wrong(wb07.task_2(wrong), *SECRETS_2, says=says)


# --- Task 3 · figures whose unit was lost -----------------------------------------------------

LOST = FIGURES.loc[FIGURES["translation_issue"] == "unit_lost", "fid"].tolist()
PER_TIME = FIGURES.loc[FIGURES["per_time"], "fid"].tolist()


def test_task_3_lost_units_are_a_proper_subset_of_the_per_time_figures():
    assert LOST and set(LOST) < set(PER_TIME)


@pytest.mark.parametrize("form", [LOST, LOST[::-1], tuple(LOST), [f.lower() for f in LOST],
                                  ", ".join(LOST), pd.Series(LOST)])
def test_task_3_accepts_the_ids_in_any_order_and_form(form):
    assert wb07.task_3(form).ok is True


@pytest.mark.parametrize("wrong, says", [
    (NOTES.loc[NOTES["issue_type"] == "unit_lost", "nid"].tolist(), "translation notes"),
    (PER_TIME, "per_time"),
    (LOST[:-1], "1 missing"),
    (LOST + ["F01"], "1 that should not be there"),
    (7, "as a list"),
])
def test_task_3_rejects_note_ids_the_per_time_filter_and_near_misses(wrong, says):
    feedback = wb07.task_3(wrong)
    assert_wrong(feedback, says=says)
    assert not any(fid in feedback.message for fid in LOST)


# --- Task 4 · the English name of 中组部 --------------------------------------------------------

NAME = TERMS.loc[TERMS["zh"] == "中组部", "en"].iloc[0]


def test_task_4_expects_the_term_list_entry():
    assert "Organization Department" in NAME


@pytest.mark.parametrize("form", [
    NAME, NAME.upper(), "the " + NAME, NAME.replace("Organization", "Organisation"),
    NAME.replace("CPC", "Communist Party of China"), NAME.replace("CPC", "CCP"),
    "Organization Department of the Central Committee of the Communist Party of China",
])
def test_task_4_accepts_close_forms(form):
    assert wb07.task_4(form).ok is True


@pytest.mark.parametrize("wrong, says", [
    ("Ministry of Organization", "ministry"),
    (TERMS.loc[TERMS["zh"] == "市委组织部", "en"].iloc[0], "national body"),
    ("Organization Department", "not what the question asks for"),
    ("State Council", "not what the question asks for"),
    (["Organization"], "as text"),
])
def test_task_4_rejects_a_ministry_the_city_body_and_fragments(wrong, says):
    assert_wrong(wb07.task_4(wrong), NAME, "CPC Central", says=says)


def test_task_4_follows_the_term_list(monkeypatch):
    changed = TERMS.copy()
    changed.loc[changed["zh"] == "中组部", "en"] = "Central Organization Department"
    replace_table(monkeypatch, "terms", changed)
    assert wb07.task_4("Central Organization Department").ok is True
    assert wb07.task_4(NAME).ok is False


# --- Task 5 · 四个不减 and 四个不摘 -------------------------------------------------------------

def test_task_5_key_agrees_with_the_report():
    # (b): 2.1.0 attributes 四个不摘 to the Centre and spells it out; 2.1.1-2.1.4 each open
    # with an item ending in 不减. (c) swaps the two, (a) merges them.
    assert text.contains(row("2.1.0"), "中央“四个不摘”(摘帽不摘")
    assert "四个不减" not in row("2.1.0")
    openings = [row(f"2.1.{i}").split("。")[0] for i in range(1, 5)]
    assert all(re.fullmatch(r".是.{2,4}不减", o) for o in openings), openings
    assert wb07.CHOICE_5.key == "b" and "2.1.0" in wb07.CHOICE_5.options[1]


@pytest.mark.parametrize("wrong", ["a", "c"])   # letters, texts, widget: test_workbook_kit.py
def test_task_5_rejects_other_choices_without_a_word_of_the_key(wrong):
    assert_wrong(wb07.task_5(wrong), "(b)", wb07.CHOICE_5.options[1][:20],
                 says="not the best choice")


# --- Task 6 · consistency check, count for count ----------------------------------------------

def shortfall(term, bilingual):
    """Computed independently of wb07: rows whose English has the term list's rendering
    fewer times than the Chinese has the term."""
    english = TERMS.loc[TERMS["zh"] == term, "en"].iloc[0].lower().replace("-", " ")
    return [pid for pid, zh, en in zip(bilingual["pid"], bilingual["zh"], bilingual["en"])
            if zh.count(term) > " ".join(en.lower().replace("-", " ").split()).count(english)]


EXPECTED_6 = shortfall("乡村振兴", load_bilingual())
WITH_TERM = REPORT.loc[REPORT["zh"].str.contains("乡村振兴"), "pid"].tolist()


def test_task_6_expects_a_short_list_within_the_rows_with_the_term():
    assert EXPECTED_6 == wb07.fewer_in_english("乡村振兴")
    assert EXPECTED_6 and set(EXPECTED_6) < set(WITH_TERM)


@pytest.mark.parametrize("form", [EXPECTED_6, tuple(EXPECTED_6), ", ".join(EXPECTED_6),
                                  pd.Series(EXPECTED_6, dtype="str")])
def test_task_6_accepts_the_pids_in_any_form(form):
    assert wb07.task_6(form).ok is True


@pytest.mark.parametrize("wrong, says", [
    ([], "compare how many times"),           # the lesson's at-least-once check
    (WITH_TERM, "every row whose Chinese"),
    (EXPECTED_6 + ["2.2"], "should not be there"),
    (1.2, "as a list"),
])
def test_task_6_rejects_the_weaker_check_and_the_unfiltered_rows(wrong, says):
    feedback = wb07.task_6(wrong)
    assert_wrong(feedback, *EXPECTED_6, says=says)


def test_task_6_follows_the_english(monkeypatch):
    # If the agency's name took the course spelling, no row would fall short: [] is right.
    fixed = load_bilingual()
    fixed["en"] = fixed["en"].str.replace("Rural Revitalization", "Rural Revitalisation")
    monkeypatch.setattr(wb07, "load_bilingual", lambda: fixed.copy())
    assert wb07.fewer_in_english("乡村振兴") == shortfall("乡村振兴", fixed) == []
    assert wb07.task_6([]).ok is True
    assert wb07.task_6(EXPECTED_6).ok is False


# --- Arbitrary input -----------------------------------------------------------------------

anything = answers("其中200多万贫困人口从我市帮扶项目直接受益脱貧。,abcF.T ",
    st.lists(st.sampled_from(["F02", "f21", "T10", "1.2.0", "2.2", "", None, 3]), max_size=8),
)


test_no_task_ever_raises = fuzz_test(TASKS, anything, examples=300)


# --- The answer key's model retranslation --------------------------------------------------

def model_answer():
    return cells_by_id(answer_key("07"))["answer-7"]


def flat(english):
    return " ".join(re.sub(r"[-\u2010\u2011\u2013\u2014]", " ", english.lower()).split())


def test_model_retranslation_uses_the_term_list_for_every_term_in_2_1_3():
    model = model_answer()
    translation = flat(" ".join(line.lstrip("> ") for line in model.splitlines()
                                if line.startswith(">")))
    assert translation.startswith("third")
    in_passage = TERMS[TERMS["zh"].map(lambda t: text.contains(row("2.1.3"), t))]
    missing = [en for en in in_passage["en"] if flat(en) not in translation]
    assert not missing and "targeted" not in translation


def test_model_answer_quotes_2_1_3_exactly_and_cites_known_sources():
    model, passage = model_answer(), row("2.1.3")
    for quote in re.findall(r"[\u4e00-\u9fff“”()…]{6,}", model):
        pieces = [p for p in re.split(r"[“”()…]+", quote) if len(p) >= 4]
        for piece in pieces:
            assert text.contains(passage, piece) or text.contains(row("2.1"), piece) \
                or piece in ("四个不减", "四个不摘"), piece
    cited = set(re.findall(r"\b([SR]\d{1,2})\b", model))
    assert cited and cited <= set(load("sources")["id"])
