"""Checks on our English rendering of the report (data/report_en.csv) and its term list
(data/terms.csv): complete, consistent with the term list, no figure lost, and pinyin that
agrees with pypinyin."""
import re
import unicodedata
from decimal import Decimal

import pytest
from pypinyin import Style, lazy_pinyin

from counterpart.data import load
from counterpart.text import contains, normalise

REPORT = load("report")
ENGLISH = load("report_en")
TERMS = load("terms")
EN_BY_PID = dict(zip(ENGLISH["pid"], ENGLISH["en"]))
ZH_BY_PID = dict(zip(REPORT["pid"], REPORT["zh"]))


# ---------------------------------------------------------------- (a) completeness

def test_english_has_every_pid_of_the_report_in_order():
    assert list(ENGLISH["pid"]) == list(REPORT["pid"])


def test_no_english_row_is_blank():
    blank = [pid for pid, en in EN_BY_PID.items() if not en.strip()]
    assert blank == []


# ---------------------------------------------------------------- (b) term consistency

def flat(text):
    """Lower case, hyphens and dashes read as spaces: 'paired-assistance areas' then matches
    the term 'paired assistance', since English hyphenates a compound before a noun."""
    return " ".join(re.sub(r"[-\u2010\u2011\u2013\u2014]", " ", str(text).lower()).split())


# (term zh, pid) pairs where grammar forces another wording, each with the reason.
TERM_EXCEPTIONS = {
    # a finite verb: "had removed their poverty hats" rather than "removing the hat"
    ("摘帽", "1.2.0"): "finite verb",
}


def term_misses(english_by_pid):
    """(term, pid) pairs whose row holds the term in Chinese but not its English rendering."""
    misses = []
    for zh_term, en_term in zip(TERMS["zh"], TERMS["en"]):
        for pid, zh in ZH_BY_PID.items():
            if (contains(zh, zh_term) and (zh_term, pid) not in TERM_EXCEPTIONS
                    and flat(en_term) not in flat(english_by_pid[pid])):
                misses.append((zh_term, en_term, pid))
    return misses


def test_every_term_is_rendered_the_same_way_wherever_it_occurs():
    assert term_misses(EN_BY_PID) == []


def test_the_consistency_check_notices_a_changed_rendering():
    changed = dict(EN_BY_PID)
    changed["0.6"] = changed["0.6"].replace("paired assistance", "targeted assistance")
    assert ("对口帮扶", "paired assistance", "0.6") in term_misses(changed)


def test_every_term_occurs_in_the_report():
    # a term that never occurs would make the consistency check above vacuous
    unused = [t for t in TERMS["zh"] if not any(contains(zh, t) for zh in ZH_BY_PID.values())]
    assert unused == []


def test_exceptions_name_real_terms_and_rows():
    for zh_term, pid in TERM_EXCEPTIONS:
        assert zh_term in set(TERMS["zh"]) and pid in ZH_BY_PID


def test_targeted_only_where_the_chinese_says_jingzhun():
    # 对口帮扶 must never come out as "targeted": that word belongs to 精准
    wrong = [pid for pid, en in EN_BY_PID.items()
             if "targeted" in en.lower() and "精准" not in ZH_BY_PID[pid]]
    assert wrong == []


# ---------------------------------------------------------------- (c) numbers kept

MULTIPLIER = {"万": 10_000, "亿": 100_000_000}
MONTHS = ("January February March April May June July August September October November "
          "December").split()
# a date: 2022年10月27日, 2021年2月, 5月20日, or the page timestamp's 2023/3/17
DATE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})|(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?")
# an Arabic number with its Chinese multiplier: 909万, 600多亿, 21万余, 1400多, 2.8亿
NUMBER = re.compile(r"(\d+(?:\.\d+)?)(?:多|余)?([万亿])?")

# (pid, number) pairs that may be missing from the English, with the reason. None so far.
NUMBER_EXCEPTIONS = {}


def plain(value):
    """A Decimal without trailing zeros or exponent: 9.090 -> '9.09', 6E+1 -> '60'."""
    return format(value.normalize(), "f")


def english_forms(digits, multiplier=""):
    """The usual English ways of writing a Chinese number: 1400 -> 1400 / 1,400;
    909万 -> 9090000 / 9,090,000 / 9.09 million; 2.8亿 -> 280 million; 600亿 -> 60 billion."""
    value = Decimal(digits) * MULTIPLIER.get(multiplier, 1)
    forms = {digits} if not multiplier else set()
    if value == value.to_integral_value():
        forms |= {str(int(value)), f"{int(value):,}"}
    for word, size in (("billion", 10**9), ("million", 10**6)):
        if value >= size:
            forms.add(f"{plain(value / size)} {word}")
    return forms


def has_number(english, form):
    """Whether ``form`` stands in ``english`` as a whole number (1,400 is not 400)."""
    return re.search(rf"(?<![\d.,]){re.escape(form)}(?!\d|[.,]\d)", english) is not None


def required_numbers(zh):
    """What the English must show for each Arabic number in ``zh``: a list of
    (what, alternatives) where any one alternative will do. Dates need the year, the
    English month name and the day."""
    zh = normalise(zh)
    needs = []
    for match in DATE.finditer(zh):
        year = match.group(1) or match.group(4)
        month = match.group(2) or match.group(5)
        day = match.group(3) or match.group(6)
        if year:
            needs.append((year, {year}))
        needs.append((month + "月", {MONTHS[int(month) - 1]}))
        if day:
            needs.append((day + "日", {str(int(day))}))
    rest = DATE.sub(" ", zh)
    for match in NUMBER.finditer(rest):
        needs.append((match.group(0), english_forms(match.group(1), match.group(2) or "")))
    return needs


def missing_numbers(pid, english):
    return [what for what, forms in required_numbers(ZH_BY_PID[pid])
            if (pid, what) not in NUMBER_EXCEPTIONS
            and not any(has_number(english, form) for form in forms)]


@pytest.mark.parametrize("pid", list(ZH_BY_PID))
def test_every_number_of_the_chinese_is_in_the_english(pid):
    assert missing_numbers(pid, EN_BY_PID[pid]) == []


@pytest.mark.parametrize("digits, multiplier, expected", [
    ("1400", "", "1,400"),
    ("909", "万", "9.09 million"),
    ("20", "万", "200,000"),
    ("600", "亿", "60 billion"),
    ("2.8", "亿", "280 million"),
    ("3", "亿", "300 million"),
])
def test_english_forms_include_the_usual_form(digits, multiplier, expected):
    assert expected in english_forms(digits, multiplier)


def test_number_check_reads_dates_and_units():
    needs = dict(required_numbers("在同年5月20日召开,909万户,1400多所(次)"))
    assert needs["5月"] == {"May"} and needs["20日"] == {"20"}
    assert "9.09 million" in needs["909万"] and "1,400" in needs["1400多"]


def test_number_check_notices_a_lost_or_changed_figure():
    pid = "1.4.4"    # 超过3亿元 ... 超2.8亿元
    assert missing_numbers(pid, EN_BY_PID[pid].replace("280 million", "28 million")) == ["2.8亿"]
    assert missing_numbers(pid, "more than 1,300 million yuan") == ["3亿", "2.8亿"]


def test_exceptions_name_real_rows():
    assert all(pid in ZH_BY_PID for pid, _ in NUMBER_EXCEPTIONS)


# ---------------------------------------------------------------- (d) person-times

def test_renci_is_always_person_times():
    rows = [pid for pid, zh in ZH_BY_PID.items() if "人次" in zh]
    assert rows, "the report counts in 人次; the check would be empty otherwise"
    assert [pid for pid in rows if "person-times" not in EN_BY_PID[pid]] == []


# ---------------------------------------------------------------- (e) pinyin

TONE_MARKS = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")

# Terms whose reading pypinyin gets wrong (its default for a polyphonic character, or a
# neutral tone it does not mark): character -> the reading our pinyin column must give.
PINYIN_EXCEPTIONS = {
    "引客进藏": {"藏": "zàng"},     # Tibet (西藏); pypinyin reads cáng, "to hide"
    "长三角": {"长": "cháng"},      # the Yangtze (长江) delta; pypinyin reads zhǎng, "to grow"
    "师傅带徒弟": {"傅": "fu"},     # 师傅 shīfu, neutral tone; pypinyin marks fù
}


def letters(pinyin):
    """Only the letters, lower case, in NFC: 'Xí Jìnpíng' -> 'xíjìnpíng'."""
    text = unicodedata.normalize("NFC", pinyin).lower()
    return "".join(ch for ch in text if ch.isalpha())


def expected_reading(zh, fixes=None):
    """pypinyin's reading of a term, with the listed characters read our way."""
    fixes = PINYIN_EXCEPTIONS.get(zh, {}) if fixes is None else fixes
    syllables = lazy_pinyin(zh, style=Style.TONE, errors=lambda text: list(text))
    return letters("".join(fixes.get(ch, syl) for ch, syl in zip(zh, syllables)))


def test_every_pinyin_word_has_a_tone_mark():
    bare = [(zh, word) for zh, pinyin in zip(TERMS["zh"], TERMS["pinyin"])
            for word in pinyin.split()
            if not TONE_MARKS & set(unicodedata.normalize("NFC", word.lower()))]
    assert bare == []


def pinyin_disagreements(terms):
    return [(zh, pinyin) for zh, pinyin in terms if letters(pinyin) != expected_reading(zh)]


def test_pinyin_agrees_with_pypinyin():
    assert pinyin_disagreements(zip(TERMS["zh"], TERMS["pinyin"])) == []


def test_pinyin_check_notices_a_wrong_tone():
    assert pinyin_disagreements([("对口帮扶", "duìkǒu bàngfú")]) == [("对口帮扶", "duìkǒu bàngfú")]
    # an excepted term is still checked, against our reading of its polyphonic character
    assert pinyin_disagreements([("长三角", "Zhǎngsānjiǎo")]) == [("长三角", "Zhǎngsānjiǎo")]


@pytest.mark.parametrize("zh", sorted(PINYIN_EXCEPTIONS))
def test_each_pinyin_exception_is_still_needed(zh):
    # once pypinyin reads the term our way, the exception should go
    assert zh in set(TERMS["zh"])
    assert expected_reading(zh, fixes={}) != expected_reading(zh)


def test_term_list_is_long_enough_to_matter():
    assert len(TERMS) >= 40
