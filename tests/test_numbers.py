"""parse_amount, try_parse and find_figures: the report's figures, what students type, junk."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counterpart.numbers import Amount, NumberParseError, find_figures, parse_amount, try_parse

# (text, value, qualifier, unit, per_time): the report's own forms, then Chinese numerals.
EXAMPLES = [
    ("1400多所(次)", 1400, "more_than", "count", True),
    ("600多亿元", 60_000_000_000, "more_than", "yuan", False),
    ("2.8亿元", 280_000_000, "exact", "yuan", False),
    ("近4200人次", 4200, "nearly", "count", True),
    ("约40万人次", 400_000, "about", "count", True),
    ("21万余人次", 210_000, "more_than", "count", True),
    ("8万亩", 80_000, "exact", "mu", False),
    ("100%", 100, "exact", "percent", False),
    ("数百万人次", None, "unstated", "count", True),
    ("超300亿元", 30_000_000_000, "more_than", "yuan", False),
    ("超过909万", 9_090_000, "more_than", "count", False),
    ("超过8000多个", 8000, "more_than", "count", False),
    ("20多万人", 200_000, "more_than", "count", False),
    ("200余场次", 200, "more_than", "count", True),
    ("超过3亿元", 300_000_000, "more_than", "yuan", False),
    ("三十四", 34, "exact", "count", False),
    ("两百", 200, "exact", "count", False),
    ("一万二千", 12_000, "exact", "count", False),
    ("十", 10, "exact", "count", False),
    ("二十多万人", 200_000, "more_than", "count", False),
    ("大约三万元", 30_000, "about", "yuan", False),
    ("将近五十个", 50, "nearly", "count", False),
    ("接近2万人", 20_000, "nearly", "count", False),
    ("100人以上", 100, "more_than", "count", False),
    ("40万人次左右", 400_000, "about", "count", True),
    ("百分之五十", 50, "exact", "percent", False),
    ("数百万元", None, "unstated", "yuan", False),
    ("学校1800多所(次)", 1800, "more_than", "count", True),  # context words are allowed
    ("上海34家三级医院", 34, "exact", "count", False),  # 三级 is a grade, not a figure
]


@pytest.mark.parametrize("text, value, qualifier, unit, per_time", EXAMPLES)
def test_examples(text, value, qualifier, unit, per_time):
    amount = parse_amount(text)
    assert isinstance(amount, Amount)
    assert (amount.value, amount.qualifier, amount.unit, amount.per_time) == (
        value, qualifier, unit, per_time)


# Each group: what the report prints, then what a student might type for the same figure.
EQUIVALENT = [
    ["600多亿元", "６００多億元", "600 多 亿元", "600多億元"],
    ["1400多所(次)", "1,400多所(次)", "１，４００多所（次）", "1400多所（次）"],
    ["21万余人次", "21萬餘人次", "21 万余 人次"],
    ["约40万人次", "約40萬人次", "约 40 万人次"],
    ["100%", "100％", "１００%", "百分之百"],
    ["超过909万", "超過909萬", "超过 909 万"],
    ["近4200人次", "近4,200人次", "將近4200人次"],
    ["三十四", "34", "３４"],
    ["200余场次", "200餘場次"],
]


@pytest.mark.parametrize("forms", EQUIVALENT, ids=lambda forms: forms[0])
def test_equivalent_forms_agree(forms):
    first = parse_amount(forms[0])
    for form in forms[1:]:
        other = parse_amount(form)
        assert (other.value, other.qualifier, other.unit, other.per_time) == (
            first.value, first.qualifier, first.unit, first.per_time), form


def test_explanation_spells_out_the_reading():
    text = parse_amount("600多亿元").explanation
    for part in ("600", "亿", "100,000,000", "60,000,000,000 yuan", "多", "more than"):
        assert part in text
    assert "person-times" in parse_amount("近4200人次").explanation
    assert "no exact number" in parse_amount("数百万人次").explanation
    assert "hectares" in parse_amount("8万亩").explanation


BAD = [
    (None, "got NoneType"),
    ("", "empty"),
    ("   ", "empty"),
    ("abc", "no number"),
    (3.5, "got float"),
    (1400, "got int"),
    ("多" * 10_000, "too long"),
    ("2021年", "a date"),
    ("第十五届", "ordinal"),
    ("十三五", "Chinese numeral"),  # a plan's name, not a number cn2an can read
    ("33名个人和25个集体", "2 figures"),
    ("万企帮万村", "no number"),
    ("9" * 400 + "亿元", "too large"),
]


@pytest.mark.parametrize("bad, message", BAD, ids=lambda v: repr(v)[:20])
def test_bad_input_gets_a_friendly_error(bad, message):
    with pytest.raises(NumberParseError, match=message):
        parse_amount(bad)
    assert try_parse(bad) is None


def test_number_parse_error_is_a_value_error():
    assert issubclass(NumberParseError, ValueError)


def test_try_parse_returns_the_amount_when_readable():
    assert try_parse("600多億元") == parse_amount("600多亿元")


def test_find_figures_gives_positions_in_the_original_text():
    text = "募集资金超過３億元，培训21万余人次。"
    assert find_figures(text) == [(4, 9, "超過３億元"), (12, 18, "21万余人次")]


def test_find_figures_keeps_dates_and_ordinals_whole_and_skips_words():
    text = "2022年10月27日在第十五届会议上,一批项目、一支队伍、两个阶段"
    assert [span for _, _, span in find_figures(text)] == ["2022年10月27日", "第十五届", "两个"]


CHINESEISH = st.text(alphabet="0123456789０１２.,，%％万亿萬億多余餘约約近將超过過以上左右元亩"
                              "人次所()（）个家场數数几十百千零〇一二两三四五六七八九点第年月日"
                              "/: 　a",
                     max_size=40)
ANYTHING = st.one_of(st.text(), CHINESEISH, st.floats(), st.integers(), st.none(),
                     st.binary(max_size=20))


@settings(max_examples=400, deadline=None, database=None)
@given(ANYTHING)
def test_parse_amount_raises_only_number_parse_error(value):
    try:
        amount = parse_amount(value)
    except NumberParseError:
        return
    assert amount.qualifier in ("exact", "more_than", "about", "nearly", "unstated")
    assert amount.unit in ("yuan", "mu", "percent", "count")
    assert (amount.value is None) == (amount.qualifier == "unstated")


@settings(max_examples=400, deadline=None, database=None)
@given(ANYTHING)
def test_try_parse_never_raises(value):
    assert try_parse(value) is None or isinstance(try_parse(value), Amount)


@settings(max_examples=300, deadline=None, database=None)
@given(st.one_of(st.text(), CHINESEISH))
def test_find_figures_spans_are_slices_of_the_text(text):
    for start, end, span in find_figures(text):
        assert 0 <= start < end <= len(text)
        assert text[start:end] == span
