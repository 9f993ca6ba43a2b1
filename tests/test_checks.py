"""The shared checking code: right answers in every accepted form pass, wrong ones get a
helpful message that never contains the answer, and nothing a student types makes it raise."""
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from workbook_helpers import assert_widget_marks

from counterpart import checks

HINT = "See the lesson."


@pytest.mark.parametrize("form", [60000000000, 6e10, "60000000000", "6e10", "60,000,000,000",
                                  "600亿", "600亿元", "６００億元", "60 billion", " 6E10 "])
def test_number_accepts_equivalent_forms(form):
    assert checks.number(form, 6e10, HINT).ok is True


@pytest.mark.parametrize("form, hint_part", [(6e6, "万 (10,000) times too small"),
                                             (6e14, "万 (10,000) times too large"),
                                             (6e9, "ten times too small"),
                                             (5e10, HINT)])
def test_number_rejects_plausible_mistakes_with_a_hint(form, hint_part):
    feedback = checks.number(form, 6e10, HINT)
    assert feedback.ok is False and hint_part in feedback.message
    assert "60000000000" not in feedback.message and "6e10" not in feedback.message


@pytest.mark.parametrize("blank", [..., None, "", "   ", "..."])
def test_blank_answers_are_not_answered_yet(blank):
    for feedback in (checks.number(blank, 1, HINT), checks.choice(blank, "a", ["x"], HINT),
                     checks.text_answer(blank, ["x"], HINT), checks.pinyin(blank, "ā", HINT),
                     checks.recall(blank, "对口支援", "duìkǒu zhīyuán", HINT),
                     checks.item_set(blank, ["F01"], HINT),
                     checks.frame(blank, pd.DataFrame({"a": [1]}), HINT)):
        assert feedback.ok is None and "Not answered yet" in feedback.message


def test_number_refuses_things_that_are_not_numbers():
    for thing in (True, "abc", [1, 2], {"a": 1}, float("nan"), float("inf"), 10 ** 400):
        assert checks.number(thing, 98, HINT).ok is False


def test_choice_accepts_letter_forms_and_option_text():
    options = ["households", "people", "villages"]
    for form in ("b", "B", "(b)", " b) ", "people", "People"):
        assert checks.choice(form, "b", options, HINT).ok is True
    for form in ("a", "households", "d"):
        feedback = checks.choice(form, "b", options, HINT)
        assert feedback.ok is False and "people" not in feedback.message


def test_text_accepts_traditional_full_width_and_spacing():
    for form in ("对口支援", "對口支援", " 对口 支援 ", "“对口支援”"):
        assert checks.text_answer(form, ["对口支援"], HINT).ok is True
    for form in ("对口帮扶", "东西部协作"):
        feedback = checks.text_answer(form, ["对口支援"], HINT)
        assert feedback.ok is False and "对口支援" not in feedback.message


def test_pinyin_with_marks_or_numbers():
    for form in ("duìkǒu zhīyuán", "dui4kou3 zhi1yuan2", "Dui4 kou3 zhi1 yuan2", "duìkǒuzhīyuán"):
        assert checks.pinyin(form, "duìkǒu zhīyuán", HINT).ok is True
    assert "tone" in checks.pinyin("dui4kou3 zhi1yuan3", "duìkǒu zhīyuán", HINT).message
    assert "syllables" in checks.pinyin("duikou bangfu", "duìkǒu zhīyuán", HINT).message
    assert checks.pinyin("lv4", "lǜ", HINT).ok is True
    assert checks.pinyin("lu4", "lǜ", HINT).ok is False


def test_pinyin_tone_placement_follows_the_rules():
    assert checks.pinyin_marks("hao3 dou4 gui4 liu2 xue2") == "hǎo dòu guì liú xué"


def test_item_set_ignores_order_and_case_and_says_what_is_off():
    assert checks.item_set("f02, F01", ["F01", "F02"], HINT).ok is True
    assert checks.item_set(pd.Series(["F02", "F01"]), ["F01", "F02"], HINT).ok is True
    missing = checks.item_set(["F01"], ["F01", "F02"], HINT)
    assert missing.ok is False and "1 missing" in missing.message and "F02" not in missing.message
    extra = checks.item_set(["F01", "F02", "F03"], ["F01", "F02"], HINT)
    assert "1 that should not be there" in extra.message


def test_frame_compares_rows_not_index_or_order():
    expected = pd.DataFrame({"fid": ["F01", "F02"], "value": [1.0, 2.0]})
    shuffled = expected.iloc[::-1].set_index("fid", drop=False)
    assert checks.frame(shuffled, expected, HINT).ok is True
    assert "lacks the column" in checks.frame(expected[["fid"]], expected, HINT).message
    assert "1 rows" in checks.frame(expected.head(1), expected, HINT).message
    assert checks.frame("a string", expected, HINT).ok is False


anything = st.one_of(
    st.none(), st.just(...), st.booleans(), st.integers(), st.floats(allow_nan=True),
    st.text(), st.text(alphabet="0123456789０１２万亿多余约近元人次.,%％ 億萬abcF"),
    st.lists(st.text(max_size=5), max_size=5), st.binary(max_size=10),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=3),
    st.builds(lambda n: pd.DataFrame({"a": range(n)}), st.integers(0, 5)),
    st.builds(lambda n: pd.Series(range(n), dtype="int64"), st.integers(0, 5)),
)


@settings(max_examples=300, deadline=None)
@given(anything)
def test_no_check_ever_raises(answer):
    results = [
        checks.number(answer, 6e10, HINT),
        checks.choice(answer, "b", ["x", "y", "z"], HINT),
        checks.text_answer(answer, ["对口支援"], HINT),
        checks.pinyin(answer, "duìkǒu zhīyuán", HINT),
        checks.recall(answer, "对口支援", "duìkǒu zhīyuán", HINT),
        checks.item_set(answer, ["F01", "F02"], HINT),
        checks.frame(answer, pd.DataFrame({"a": [0, 1]}), HINT),
    ]
    for feedback in results:
        assert feedback.ok in (True, False, None)
        assert isinstance(feedback.message, str) and feedback.message
        assert "could not be checked" not in feedback.message, (answer, feedback.message)


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=1, max_value=1e15))
def test_a_wrong_number_never_shows_the_expected_one(value):
    feedback = checks.number(value, 909e4, HINT)
    if not math.isclose(value, 909e4, rel_tol=1e-6):
        assert "9090000" not in feedback.message and "909万" not in feedback.message


def test_choice_widget_shows_feedback_without_the_answer():
    from counterpart.widgets import choice_question

    options = ["households", "people"]
    box = choice_question(options, lambda a: checks.choice(a, "b", options, HINT))
    assert_widget_marks(box, "a", "b", "people")


@pytest.mark.parametrize("answer, items", [
    (["0.6", 2.0], ["0.6", "2.0"]), (("a",), ["a"]), ({"x"}, ["x"]), ([], []),
    ("0.6, 2.0", ["0.6", "2.0"]), ("喀什、泽普;克拉玛依", ["喀什", "泽普", "克拉玛依"]),
    ("0.6，2.0  end.1", ["0.6", "2.0", "end.1"]), ("", []),
    (pd.Series(["F01", "F02"]), ["F01", "F02"]), (pd.Index([1, 2]), ["1", "2"]),
    (np.array(["x", "y"]), ["x", "y"]),
])
def test_as_items_reads_every_list_like_answer_as_text(answer, items):
    assert checks.as_items(answer) == items


@pytest.mark.parametrize("answer", [None, 3, 2.5, {"a": 1}, b"ab", ...])
def test_as_items_refuses_what_is_not_list_like(answer):
    assert checks.as_items(answer) is None


@pytest.mark.parametrize("form", ["对口支援", "對口支援", " 对口 支援 ", "duìkǒu zhīyuán",
                                  "Duìkǒu Zhīyuán", "dui4kou3 zhi1yuan2", "dui4 kou3 zhi1 yuan2"])
def test_recall_takes_characters_or_pinyin_with_marks_or_numbers(form):
    assert checks.recall(form, "对口支援", "duìkǒu zhīyuán", HINT).ok is True


def test_recall_takes_pinyin_without_tones_and_gives_the_tones_back():
    feedback = checks.recall("duikou zhiyuan", "对口支援", "duìkǒu zhīyuán", HINT)
    assert feedback.ok is True and "duìkǒu zhīyuán" in feedback.message
    assert checks.recall("lv4", "绿", "lǜ", HINT).ok is True
    assert checks.recall("lv", "绿", "lǜ", HINT).ok is True


def test_recall_ignores_the_punctuation_of_a_slogan():
    zh = "中央要求、当地所需、上海所能"
    pinyin = "zhōngyāng yāoqiú, dāngdì suǒ xū, Shànghǎi suǒ néng"
    for form in ("中央要求,当地所需,上海所能", "zhong1yang1 yao1qiu2 dang1di4 suo3xu1 "
                 "shang4hai3 suo3neng2", "zhongyang yaoqiu dangdi suoxu shanghai suoneng"):
        assert checks.recall(form, zh, pinyin, HINT).ok is True


@pytest.mark.parametrize("form, problem", [("dui3kou3 zhi1yuan2", "a tone is not"),
                                           ("duìkǒu zhīyuan3", "a tone is not"),
                                           ("duìkǒu bāngfú", "not the right syllables"),
                                           ("对口帮扶", "not the characters"),
                                           ("!!", "characters or pinyin"),
                                           (42, "as text")])
def test_recall_names_what_is_wrong_without_giving_the_answer(form, problem):
    feedback = checks.recall(form, "对口支援", "duìkǒu zhīyuán", HINT)
    assert feedback.ok is False and problem in feedback.message
    assert "对口支援" not in feedback.message and "zhīyuán" not in feedback.message
