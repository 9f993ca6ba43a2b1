"""Workbook 06 checks: every accepted form of a right answer passes, plausible mistakes get a
hint that does not give the answer away, blanks await an answer, expected answers follow the
data, Task 6's key mirrors the lesson's evidence table, and nothing a student types makes a
check crash."""
import re
from functools import partial

import pandas as pd
import pytest
import workbook_helpers
from hypothesis import strategies as st
from workbook_helpers import (
    answer_key,
    answers,
    assert_broken_data_gives_feedback,
    cells_by_id,
    fuzz_test,
    replace_table,
)

from counterpart import text
from counterpart.data import load
from counterpart.workbooks import wb06

TASKS = [wb06.task_1, wb06.task_2, wb06.task_3, wb06.task_4, wb06.task_5, wb06.task_6]


def figures():
    return load("figures")


def report():
    return load("report")


assert_wrong = partial(workbook_helpers.assert_wrong, lesson="06")


def with_table(monkeypatch, name, change):
    """Make the checks see a changed copy of one table (the others unchanged)."""
    replace_table(monkeypatch, wb06, name, change)


# --- Task 1 · The amounts in yuan -------------------------------------------------------------

def yuan_fids():
    f = figures()
    return f.loc[f["unit"] == "yuan", "fid"].tolist()


def test_task_1_expects_the_yuan_figures():
    assert wb06.yuan_fids() == yuan_fids() and len(yuan_fids()) >= 2


def test_task_1_accepts_any_order_case_and_container():
    fids, f = yuan_fids(), figures()
    for form in (fids, fids[::-1], [x.lower() for x in fids], ", ".join(fids), tuple(fids),
                 set(fids), pd.Series(fids), f[f["unit"] == "yuan"]):
        assert wb06.task_1(form).ok is True, form


def test_task_1_rejects_short_padded_or_unfiltered_lists_without_naming_fids():
    fids, f = yuan_fids(), figures()
    assert_wrong(wb06.task_1(fids[:2]), *fids, says="missing")
    assert_wrong(wb06.task_1(fids + ["F20"]), *fids, says="should not be there")
    assert_wrong(wb06.task_1(f["fid"].tolist()), *fids, says="should not be there")
    assert_wrong(wb06.task_1(42), *fids, says="as a list")


def test_task_1_follows_the_data(monkeypatch):
    fids = yuan_fids()
    with_table(monkeypatch, "figures", lambda f: f.assign(
        unit=f["unit"].where(f["fid"] != fids[0], "count")))
    assert wb06.task_1(fids).ok is False and wb06.task_1(fids[1:]).ok is True


# --- Task 2 · The verb before 600多亿元 --------------------------------------------------------

SECRETS_2 = ["引导", "引導", "guide", "yindao", "yǐndǎo"]


def test_task_2_expects_the_verb_in_the_quote_of_600_yi():
    quote = figures().loc[lambda f: f["zh_quote"].str.contains("600多亿元"), "zh_quote"].item()
    assert wb06.verb_of("600多亿元") == "引导" and "引导" in quote


@pytest.mark.parametrize("form", ["引导", "引導", " 引导 ", "“引导”", "guided", "Guided", "to guide",
                                  "guide", "ｇｕｉｄｅｄ", "yǐndǎo", "yin3dao3"])
def test_task_2_accepts_simplified_traditional_english_and_pinyin(form):
    assert wb06.task_2(form).ok is True, form


@pytest.mark.parametrize("slip, says", [("投资", "investing is what the firms did"),
                                        ("invested", "investing is"),
                                        ("销售", "another of the report's amounts"),
                                        ("leveraged", "another of the report's amounts"),
                                        ("撬动", "another"), ("帮扶", "not what the question"),
                                        (1.3, "as text")])
def test_task_2_rejects_other_verbs_with_a_hint(slip, says):
    assert_wrong(wb06.task_2(slip), *SECRETS_2, says=says)


def test_task_2_follows_the_data(monkeypatch):
    with_table(monkeypatch, "figures", lambda f: f.assign(zh_quote=f["zh_quote"].str.replace(
        "引导企业在当地投资600多亿元", "撬动企业在当地投资600多亿元", regex=False)))
    assert wb06.task_2("引导").ok is False and wb06.task_2("leveraged").ok is True


# --- Task 3 · Why not add them up? -----------------------------------------------------------

# Letters, option texts and the widget: see test_workbook_kit.py. Here, the words of the key.

@pytest.mark.parametrize("wrong", ["a", "b", "d", wb06.CHOICE_3.options[0]])
def test_task_3_rejects_the_other_options_without_naming_the_key(wrong):
    assert_wrong(wb06.task_3(wrong), "gifts", "floor", "periods", says="not the best choice")


# --- Task 4 · How many production bases? ------------------------------------------------------

def bases():
    return figures().loc[lambda f: f["zh_quote"].str.contains("生产基地"), "value"].item()


@pytest.mark.parametrize("form", ["int", "float", "text", "with 个", "full-width"])
def test_task_4_accepts_the_count_in_any_form(form):
    n = int(bases())
    answer = {"int": n, "float": float(n), "text": str(n), "with 个": f"{n}个",
              "full-width": str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))}[form]
    assert wb06.task_4(answer).ok is True, answer


def test_task_4_names_the_figure_a_wrong_count_belongs_to():
    secret = f"{bases():.0f}"
    assert_wrong(wb06.task_4(42), secret, says="another figure of the report (F36")
    assert_wrong(wb06.task_4(40), secret, says="another figure")
    unused = next(n for n in range(int(bases()) + 1, 10**6) if n not in set(figures()["value"]))
    assert_wrong(wb06.task_4(unused), secret, says="not the number asked for")
    assert_wrong(wb06.task_4("many"), secret, says="not a number")


def test_task_4_follows_the_data(monkeypatch):
    before = bases()
    with_table(monkeypatch, "figures", lambda f: f.assign(
        value=f["value"].where(~f["zh_quote"].str.contains("生产基地"), 41)))
    assert wb06.task_4(before).ok is False and wb06.task_4(41).ok is True


# --- Task 5 · Which rows name the state-owned firms? -----------------------------------------

def guoqi_pids():
    r = report()
    return r.loc[r["zh"].str.contains("国企"), "pid"].tolist()


def test_task_5_expects_the_rows_with_guoqi_and_the_near_miss_differs():
    r = report()
    assert wb06.rows_naming("国企") == guoqi_pids() and len(guoqi_pids()) >= 2
    guozi = r.loc[r["zh"].str.contains("国资"), "pid"].tolist()
    assert set(guozi) != set(guoqi_pids())     # the task's trap exists in the data


def test_task_5_accepts_lists_an_index_a_table_or_a_boolean_series():
    pids = guoqi_pids()
    indexed = report().set_index("pid")
    matches = indexed["zh"].str.contains("国企")
    for form in (pids, pids[::-1], " ".join(pids), tuple(pids), indexed[matches].index,
                 report()[report()["zh"].str.contains("国企")], matches, pd.Series(pids)):
        assert wb06.task_5(form).ok is True, form


def test_task_5_rejects_near_misses_without_naming_pids():
    pids, r = guoqi_pids(), report()
    guozi = r.loc[r["zh"].str.contains("国资"), "pid"].tolist()
    assert_wrong(wb06.task_5(guozi), *pids, says="国资")
    assert_wrong(wb06.task_5(pids[1:]), *pids, says="1 missing")
    assert_wrong(wb06.task_5(pids + ["2.1.3"]), *pids, says="should not be there")


def test_task_5_follows_the_data(monkeypatch):
    pids = guoqi_pids()
    with_table(monkeypatch, "report", lambda r: r.assign(
        zh=r["zh"].where(r["pid"] != "2.1.3", r["zh"] + "国企")))
    assert wb06.task_5(pids).ok is False and wb06.task_5(pids + ["2.1.3"]).ok is True


# --- Task 6 · Three lines and the boomerang hypothesis ----------------------------------------

def lesson_evidence():
    """The rows of lesson 06's evidence table (section 8): data/evidence.csv."""
    return load("evidence")


def test_task_6_lines_are_quoted_exactly_and_the_key_mirrors_the_lesson():
    rows, evidence = report().set_index("pid"), lesson_evidence()
    for pid, quote in wb06.LINES_6:
        assert text.contains(rows.loc[pid, "zh"], quote), (pid, quote)
        match = evidence[(evidence["pid"] == pid) & (evidence["quote"] == quote)]
        assert len(match) == 1, (pid, quote)      # each line has one reading in the lesson
        assert match["reading"].item() == wb06.KEY_6[pid]
    assert sorted(wb06.KEY_6.values()) == sorted(wb06.READINGS_6)   # one of each reading


def in_order():
    return [wb06.KEY_6[pid] for pid, _ in wb06.LINES_6]


def test_task_6_accepts_a_dict_by_pid_letter_or_quote_a_list_a_string_or_a_series():
    key = wb06.KEY_6
    by_letter = {letter: key[pid] for letter, (pid, _) in zip("ABC", wb06.LINES_6)}
    by_quote = {quote: key[pid] for pid, quote in wb06.LINES_6}
    h2_words = {pid: "fits H2" if r == "against H1" else r.upper() for pid, r in key.items()}
    for form in (key, by_letter, by_quote, h2_words, in_order(), tuple(in_order()),
                 ", ".join(in_order()), " / ".join(in_order()), pd.Series(key)):
        assert wb06.task_6(form).ok is True, form


def test_task_6_says_how_many_are_wrong_but_not_which():
    key = wb06.KEY_6
    a, b, c = [pid for pid, _ in wb06.LINES_6]
    secrets = [f"{pid}: {r}" for pid, r in key.items()] + [
        f"'{pid}': '{r}'" for pid, r in key.items()] + ["silent line", "is the silent"]
    assert_wrong(wb06.task_6({**key, a: key[b], b: key[a]}), *secrets,
                 says="two of the three readings are not right")
    assert_wrong(wb06.task_6({a: key[b], b: key[c], c: key[a]}), *secrets,
                 says="none of the three readings is right")
    assert_wrong(wb06.task_6({**key, c: key[a]}), *secrets,
                 says="one of the three readings is not right")
    # "fits H2" stands for "against H1": on the line that fits H1 it is a wrong reading.
    assert_wrong(wb06.task_6({**key, c: "fits H2"}), *secrets, says="one of the three")


def test_task_6_explains_the_form_it_needs():
    assert "keys of your dict" in wb06.task_6({"1.3.0": "silent"}).message
    assert "keys of your dict" in wb06.task_6({"1.3.0": "silent", "1.3.0 ": "silent",
                                               "x": "silent"}).message
    assert "one of fits H1" in wb06.task_6(["yes", "no", "maybe"]).message
    assert "exactly three readings" in wb06.task_6(["silent", "fits H1"]).message
    assert "a dict from pid to reading" in wb06.task_6(42).message


# --- All tasks ----------------------------------------------------------------------------

anything = answers("0123456789０１２万亿多个引導导投资撬动.,%H1h2 fitsagnlF",
    st.dictionaries(st.sampled_from(["1.3.0", "1.1.0", "1.3.1", "a", "B", "x"]),
                    st.sampled_from(["fits H1", "against H1", "silent", "fits H2", 3, None]),
                    max_size=4),
    st.lists(st.sampled_from(["fits H1", "H2", "Silent", 3, None, "F19", "1.3.3"]), max_size=4),
    st.builds(lambda flags: pd.Series(flags, dtype=bool), st.lists(st.booleans(), max_size=4)),
    st.builds(lambda ids: pd.DataFrame({"fid": ids, "pid": ids}),
              st.lists(st.one_of(st.text(max_size=4), st.integers()), max_size=5)),
)


test_no_task_ever_raises = fuzz_test(TASKS, anything, examples=300)


def test_a_broken_table_gives_feedback_not_a_traceback(monkeypatch):
    assert_broken_data_gives_feedback(monkeypatch, wb06, {
        wb06.task_1: ["F19"], wb06.task_2: "引导", wb06.task_4: 39, wb06.task_5: ["1.3.3"]})


# --- The open question's model answer ---------------------------------------------------------

def model_answer():
    return cells_by_id(answer_key("06"))["task-7-answer"]


def test_model_answer_quotes_at_least_three_lines_exactly_with_their_pids():
    model, rows = model_answer(), report().set_index("pid")
    # A quote is a run of Chinese followed by its pid: "… (1.3.1)" or "(…, 1.3.1)".
    cited = re.findall(r"([\u4e00-\u9fff、0-9]{4,}) \((\d\.\d(?:\.\d)?)\)", model)
    cited += re.findall(r"\(([\u4e00-\u9fff、0-9]{4,}), (\d\.\d(?:\.\d)?)\)", model)
    assert len({pid for _, pid in cited}) >= 3, cited
    for quote, pid in cited:
        assert text.contains(rows.loc[pid, "zh"], quote), (pid, quote)


def test_model_answer_numbers_and_sources_match_the_data():
    model = model_answer()
    assert f"the {bases():.0f} production bases" in model
    assert "R10" in model and "R11" in model
    for decisive in ("own", "profits", "prices paid to"):
        assert decisive in model
