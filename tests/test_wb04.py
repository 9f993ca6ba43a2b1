"""Workbook 04 checks: every accepted form of a right answer passes, plausible mistakes get a
hint that does not give the answer away, blanks await an answer, expected answers follow the
data, and nothing a student types makes a check crash."""
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

from counterpart.data import load
from counterpart.workbooks import wb04

TASKS = [wb04.task_1, wb04.task_2, wb04.task_3, wb04.task_4, wb04.task_5, wb04.task_6]


def figures():
    return load("figures")


assert_wrong = partial(workbook_helpers.assert_wrong, lesson="04")


def with_figures(monkeypatch, change):
    """Make the checks see a changed copy of figures.csv (other tables unchanged)."""
    replace_table(monkeypatch, wb04, "figures", change)


# --- Task 1 · 600多亿元 in yuan ------------------------------------------------------------

YUAN_FORMS = ["60000000000", "6e10", "60,000,000,000", "600亿", "600亿元", "60 billion"]


@pytest.mark.parametrize("form", [60000000000, 6e10, 600 * 10**8, *YUAN_FORMS, "６００億元"])
def test_task_1_accepts_every_form_of_the_amount(form):
    assert wb04.task_1(form).ok is True


@pytest.mark.parametrize("slip, says", [(6e11, "ten times too large"),      # 亿 read as billion
                                        (6e6, "万 (10,000) times too small"),  # 亿 read as 万
                                        (600, "亿"), (6.5e10, "亿")])
def test_task_1_rejects_scale_slips_with_a_hint(slip, says):
    feedback = wb04.task_1(slip)
    assert feedback.ok is False and says in feedback.message
    for secret in YUAN_FORMS:
        assert secret not in feedback.message


def test_task_1_follows_the_data(monkeypatch):
    with_figures(monkeypatch, lambda f: f.assign(
        value=f["value"].where(f["fid"] != "F19", 7e10)))
    assert wb04.task_1(6e10).ok is False and wb04.task_1(7e10).ok is True


# --- Task 2 · What does 近 say? -------------------------------------------------------------

@pytest.mark.parametrize("form", ["nearly", "Nearly", " NEARLY "])   # letters: the kit's tests
def test_task_2_accepts_the_options_first_word(form):
    assert wb04.task_2(form).ok is True


@pytest.mark.parametrize("wrong", ["c", "about", "b", "more than", "a", "exact"])
def test_task_2_rejects_the_other_hedges(wrong):
    assert_wrong(wb04.task_2(wrong), "nearly", "a little under", says="近")




# --- Task 3 · Figures that count occurrences --------------------------------------------------

def per_time_fids():
    f = figures()
    return f.loc[f["per_time"], "fid"].tolist()


def test_task_3_expects_the_per_time_figures_and_they_are_more_than_the_renci_ones():
    f = figures()
    assert wb04.per_time_fids() == per_time_fids()
    renci = f.loc[f["zh_quote"].str.contains("人次"), "fid"].tolist()
    assert set(renci) < set(per_time_fids())     # the task's trap exists in the data


def test_task_3_accepts_any_order_case_and_container():
    fids = per_time_fids()
    f = figures()
    for form in (fids, fids[::-1], [x.lower() for x in fids], ", ".join(fids), tuple(fids),
                 pd.Series(fids), f[f["per_time"]], set(fids)):
        assert wb04.task_3(form).ok is True, form


def test_task_3_rejects_incomplete_or_padded_lists_without_naming_fids():
    fids, f = per_time_fids(), figures()
    renci_only = f.loc[f["zh_quote"].str.contains("人次"), "fid"].tolist()
    assert_wrong(wb04.task_3(renci_only), *fids, says="人次 is not the only way")
    assert_wrong(wb04.task_3(fids[1:]), *fids, says="1 missing")
    assert_wrong(wb04.task_3(fids + ["F01"]), *fids, says="should not be there")
    assert_wrong(wb04.task_3(f["fid"].tolist()), *fids)


def test_task_3_follows_the_data(monkeypatch):
    fids = per_time_fids()
    with_figures(monkeypatch, lambda f: f.assign(per_time=f["per_time"] & (f["fid"] != fids[0])))
    assert wb04.task_3(fids).ok is False and wb04.task_3(fids[1:]).ok is True


# --- Task 4 · Input, output or outcome -------------------------------------------------------

def key_4():
    f = figures().set_index("fid")
    return {fid: f.loc[fid, "measure"] for fid in wb04.FIDS_4}


def test_task_4_figures_cover_each_kind_once():
    # The task only makes sense if its three figures are one of each kind.
    assert sorted(key_4().values()) == ["input", "outcome", "output"]


def test_task_4_accepts_a_dict_a_list_a_string_or_a_series():
    key = key_4()
    in_order = [key[fid] for fid in wb04.FIDS_4]
    for form in (key, {fid.lower(): kind.upper() for fid, kind in key.items()},
                 {fid: kind + "s" for fid, kind in key.items()}, in_order, tuple(in_order),
                 ", ".join(in_order), " ".join(k.title() for k in in_order), pd.Series(key)):
        assert wb04.task_4(form).ok is True, form


def test_task_4_says_how_many_are_wrong_but_not_which():
    key = key_4()
    a, b, c = wb04.FIDS_4
    swapped = {**key, a: key[b], b: key[a]}
    rotated = {a: key[b], b: key[c], c: key[a]}
    secrets = [f"{fid}: {kind}" for fid, kind in key.items()] + [
        f"'{fid}': '{kind}'" for fid, kind in key.items()] + list(key)
    assert_wrong(wb04.task_4(swapped), *secrets, says="two of the three labels are not right")
    assert_wrong(wb04.task_4(rotated), *secrets, says="none of the three labels is right")
    one_off = {**key, a: key[b]}
    assert_wrong(wb04.task_4(one_off), *secrets, says="one of the three labels is not right")


def test_task_4_explains_the_form_it_needs():
    assert "keys of your dict" in wb04.task_4({"F01": "input"}).message
    assert "one of input, output or outcome" in wb04.task_4(["in", "out", "result"]).message
    assert "exactly three labels" in wb04.task_4(["input", "output"]).message
    assert "a dict from fid to label" in wb04.task_4(42).message


def test_task_4_follows_the_data(monkeypatch):
    key = key_4()
    a = wb04.FIDS_4[0]
    with_figures(monkeypatch, lambda f: f.assign(
        measure=f["measure"].where(f["fid"] != a, "scope")))
    assert wb04.task_4(key).ok is False


# --- Task 5 · The figures in yuan ------------------------------------------------------------

def yuan():
    f = figures()
    return f[f["unit"] == "yuan"]


def test_task_5_accepts_the_table_however_it_is_indexed_ordered_or_typed():
    table = yuan()[["fid", "value"]]
    as_plain = pd.DataFrame({"fid": [x.lower() for x in table["fid"]],
                             "value": [int(v) for v in table["value"]]})
    for form in (table, yuan(), table.iloc[::-1], table.reset_index(drop=True), as_plain,
                 table.set_index("fid", drop=False)):
        assert wb04.task_5(form).ok is True


def test_task_5_rejects_wrong_tables_without_showing_values():
    f = figures()
    secrets = [f"{v:.0f}" for v in yuan()["value"]] + [str(v) for v in yuan()["value"]]
    assert_wrong(wb04.task_5(f[["fid", "value"]]), *secrets, says="every figure")
    assert_wrong(wb04.task_5(f[f["unit"] == "count"][["fid", "value"]].head(len(yuan()))),
                 *secrets, says="not the ones asked for")
    billions = yuan()[["fid", "value"]].assign(value=lambda d: d["value"] / 1e9)
    assert_wrong(wb04.task_5(billions), *secrets, says="not the ones asked for")
    assert_wrong(wb04.task_5(yuan()[["fid"]]), *secrets, says="lacks the column")
    assert_wrong(wb04.task_5(yuan()["fid"].tolist()), *secrets, says="expected a DataFrame")


# --- Task 6 · The 98 counties against the national list ---------------------------------------

def share():
    f, context = figures(), load("context").set_index("key")
    partner = f.loc[f["zh_quote"].str.contains("98个国家贫困县"), "value"].item()
    return 100 * partner / context.loc["national_poverty_counties", "value"]


def test_task_6_share_is_computed_from_the_tables():
    assert wb04.counties_share() == pytest.approx(share())


@pytest.mark.parametrize("form", ["rounded", "exact", "percent text", "two decimals"])
def test_task_6_accepts_the_share_within_the_tolerance(form):
    answer = {"rounded": round(share(), 1), "exact": share(),
              "percent text": f"{share():.1f}%", "two decimals": round(share(), 2)}[form]
    assert wb04.task_6(answer).ok is True


def test_task_6_rejects_common_slips_with_a_hint_that_keeps_the_answer():
    f, context = figures(), load("context").set_index("key")
    secret = f"{share():.1f}"
    assert_wrong(wb04.task_6(share() / 100), secret, says="fraction")
    assert_wrong(wb04.task_6(100 * 100 / share()), secret, says="upside down")
    assert_wrong(wb04.task_6(100 / share()), secret, says="upside down")
    people = 100 * f.loc[f["fid"] == "F11", "value"].item() / context.loc[
        "rural_poor_exited_2013_2020", "value"]
    assert_wrong(wb04.task_6(round(people, 1)), secret, says="share of people")
    assert_wrong(wb04.task_6(round(share())), secret, says="whole number")
    assert_wrong(wb04.task_6(int(share() * 10) / 10), secret, says="instead of rounding")
    assert_wrong(wb04.task_6(round(share(), 1) + 0.1), secret, says="not the share")
    assert_wrong(wb04.task_6("about a tenth"), secret, says="not a number")


def test_task_6_follows_the_data(monkeypatch):
    before = round(share(), 1)
    with_figures(monkeypatch, lambda f: f.assign(
        value=f["value"].where(~f["zh_quote"].str.contains("国家贫困县"), 104)))
    assert wb04.task_6(before).ok is False and wb04.task_6(12.5).ok is True


# --- All tasks ----------------------------------------------------------------------------

anything = answers("0123456789０１２万亿多余约近元人次.,%％ 億萬abcdF",
    st.dictionaries(st.sampled_from(["F06", "F24", "F26", "f06"]),
                    st.sampled_from(["input", "output", "outcome", "x", ""]), max_size=4),
    st.lists(st.sampled_from(["input", "outputs", "Outcome", 3, None]), max_size=4),
    st.builds(lambda fids, values: pd.DataFrame({"fid": fids, "value": values[:len(fids)]
                                                 + [None] * (len(fids) - len(values))}),
              st.lists(st.text(max_size=4), max_size=5),
              st.lists(st.one_of(st.floats(allow_nan=True), st.text(max_size=4)), max_size=5)),
)


test_no_task_ever_raises = fuzz_test(TASKS, anything, examples=300)


# --- The answer key's model answer carries the data's numbers --------------------------------

def test_model_answer_numbers_match_the_data():
    model = cells_by_id(answer_key("04"))["task-7-answer"]
    f, context = figures().set_index("fid"), load("context").set_index("key")
    people = f.loc["F11", "value"] / context.loc["rural_poor_exited_2013_2020", "value"]
    counties = f.loc["F10", "value"] / context.loc["national_poverty_counties", "value"]
    flat = " ".join(model.split())
    assert f"909万 is about {people:.1%} of that" in flat
    national = context.loc["national_poverty_counties", "value"]
    assert f"{f.loc['F10', 'value']:.0f} of {national:.0f} or about {counties:.1%}" in flat
    assert f"treating the {people:.1%} figure" in flat
    assert f"{context.loc['rural_poor_exited_2013_2020', 'value'] / 1e6:,.2f} million" in flat
    assert "户" in model and "其中" in model and "S41" in model


def test_a_broken_table_gives_feedback_not_a_traceback(monkeypatch):
    assert_broken_data_gives_feedback(monkeypatch, wb04, {
        wb04.task_1: 6e10, wb04.task_3: ["F02"], wb04.task_4: ["input"] * 3,
        wb04.task_5: pd.DataFrame({"fid": ["F19"], "value": [6e10]}), wb04.task_6: 11.8})
