"""Read the figures of a Chinese government report: 600多亿元, 近4200人次, 数百万人次 ...

``parse_amount("600多亿元")`` gives the value in base units (60,000,000,000 yuan), how the
report hedges it (多: more than), the unit and a sentence explaining the reading.
``find_figures(text)`` lists every figure-like span in a text, so a check can prove that no
figure of the report is missed.

What the libraries do and what this module adds:
- NFKC (unicodedata) turns full-width digits and signs (６００, ％, （次）) into ASCII.
- OpenCC('t2s') turns traditional characters (萬, 億, 餘, 約, 過, 數) into simplified ones.
- cn2an reads a pure Chinese numeral (三十四, 两百, 一万二千). It knows nothing of 多/余/约,
  of 数百万 ("several million"), of units (元, 亩, %) or measure words (人次, 所(次)), and
  rejects a numeral broken by 多 (二十多万); those are handled here with regular expressions.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import cn2an

from .text import to_simplified

MAX_LENGTH = 500  # parse_amount reads one figure with a little context, not a whole text


# Qualifier words and what they mean, with where they stand relative to the number.
_BEFORE = {"超过": "more_than", "超": "more_than", "逾": "more_than",
           "将近": "nearly", "接近": "nearly", "近": "nearly",
           "大约": "about", "约": "about"}
_AFTER = {"多": "more_than", "余": "more_than", "以上": "more_than", "左右": "about"}
_GLOSS = {"多": "'more than'", "余": "'more than' (literally 'with a remainder')",
          "超过": "'more than'", "超": "'more than'", "逾": "'more than'",
          "以上": "'or more'", "左右": "'about'", "约": "'about'", "大约": "'about'",
          "近": "'nearly' (a little less than)", "将近": "'nearly' (a little less than)",
          "接近": "'nearly' (a little less than)"}
_SCALE = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_VAGUE_EN = {"十": "tens", "百": "hundred", "千": "thousand", "万": "tens of thousands",
             "十万": "hundred thousand", "百万": "million", "千万": "tens of millions",
             "亿": "hundred million"}

# Measure words that follow a number. Longest first so 人次 wins over 人.
_PER_TIME = ("所(次)", "人次", "场次", "架次", "车次", "班次", "户次", "批次", "次")
_PER_TIME_GLOSS = {
    "人次": "人次 counts person-times: one person helped twice is counted twice",
    "所(次)": "所(次) counts institution-times: one institution helped twice may be counted twice",
    "场次": "场次 counts shows (occurrences), not distinct programmes"}
_MEASURE_WORDS = _PER_TIME + (
    "元", "亩", "%", "人", "个", "家", "所", "名", "位", "户", "项", "场", "批", "支", "条",
    "座", "件", "张", "台", "辆", "吨", "年", "天", "届", "倍", "种", "处", "间", "期")
_MEASURE_RE = "|".join(re.escape(w) for w in sorted(_MEASURE_WORDS, key=len, reverse=True))

_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_NUMERAL = f"[{_CN_DIGITS}十百千万亿]+(?:点[{_CN_DIGITS}]+)?"
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

_DATE = (r"\d{4}[/-]\d{1,2}[/-]\d{1,2}(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
         r"|\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日)?")
_ORDINAL = rf"第(?:\d+|[{_CN_DIGITS}十百千]+)[届次个年期批号]?"
_AMOUNT = (
    rf"(?P<pre>{'|'.join(sorted(_BEFORE, key=len, reverse=True))})?"
    r"(?P<pct>百分之)?"
    rf"(?P<num>[数几][十百千万亿]+|{_ARABIC}|{_CN_NUMERAL})"
    r"(?P<a1>多|余)?(?P<scale>[十百千万亿]*)(?P<a2>多|余)?"
    rf"(?P<unit>{_MEASURE_RE})?"
    r"(?P<post>以上|左右)?")
_FIGURE = re.compile(rf"(?P<date>{_DATE})|(?P<ordinal>{_ORDINAL})|(?P<amount>{_AMOUNT})")


class NumberParseError(ValueError):
    """The text holds no single figure that can be read."""


@dataclass(frozen=True)
class Amount:
    value: float | None      # in base units: yuan, mu, percent points or items counted
    qualifier: str           # exact | more_than | about | nearly | unstated
    unit: str                # yuan | mu | percent | count
    per_time: bool           # counts occurrences (人次, 场次, 所(次)), not distinct things
    measure_word: str        # the word after the number: 人次, 所(次), 个, 元 ... or ""
    text: str                # the figure as read (normalised: simplified, half-width)
    explanation: str         # one plain-English sentence on how it was read


def _normalise(text):
    """Half-width simplified text, and for each of its characters the index in ``text``."""
    chars, origin = [], []
    for i, char in enumerate(text):
        for out in unicodedata.normalize("NFKC", char):
            chars.append(out)
            origin.append(i)
    plain = "".join(chars)
    simple = to_simplified(plain)
    if len(simple) != len(plain):  # a phrase conversion changed the length: go char by char
        simple = "".join(s if len(s := to_simplified(c)) == 1 else c for c in plain)
    return simple, origin


def _is_figure(match):
    """Drop single characters that are words, not numbers (一批, 万企, 二是)."""
    if match["amount"] is None:
        return True
    num = match["num"]
    if not re.fullmatch(f"[{_CN_DIGITS}十百千万亿]", num):
        return True
    if num == "一":  # 一批, 一支, 一道: "a", not a count
        return bool(match["scale"] or match["pct"])
    return any(match[g] for g in ("pre", "pct", "a1", "scale", "a2", "unit"))


def _matches(normal):
    return [m for m in _FIGURE.finditer(normal) if _is_figure(m)]


def find_figures(text: str) -> list[tuple[int, int, str]]:
    """Every figure-like span in ``text`` as (start, end, span), positions in ``text``.

    Dates (2021年8月), ordinals (第十五届) and numbers in names (十二木卡姆) are found
    too: deciding which spans are figures of the report is the caller's job.
    """
    text = str(text)
    normal, origin = _normalise(text)
    spans = []
    for match in _matches(normal):
        start, end = origin[match.start()], origin[match.end() - 1] + 1
        spans.append((start, end, text[start:end]))
    return spans


def _cn_number(numeral):
    if numeral[0] in "百千":  # cn2an rejects a bare 百 (as in 百分之百); 一百 means the same
        numeral = "一" + numeral
    try:
        return Decimal(str(cn2an.cn2an(numeral, "normal")))
    except Exception:  # cn2an raises ValueError and, on odd input, other errors
        raise NumberParseError(f"could not read {numeral!r} as a Chinese numeral") from None


def _fmt(number):
    return f"{number:,.0f}" if number == int(number) else f"{number:,}"


def parse_amount(text: str) -> Amount:
    """Read one figure such as 600多亿元, 近4200人次, 学校1800多所(次) or 数百万人次.

    Context words around the figure are allowed (学校1800多所(次)); a text with no figure,
    or with several, raises NumberParseError saying what it found.
    """
    if not isinstance(text, str):
        raise NumberParseError(f"expected text such as '600多亿元', got {type(text).__name__} "
                               f"{text!r:.40}")
    if len(text) > MAX_LENGTH:
        raise NumberParseError(f"text of {len(text)} characters is too long for one figure "
                               f"(at most {MAX_LENGTH}); pass just the figure, e.g. '600多亿元'")
    normal = re.sub(r"\s+", "", _normalise(text)[0])
    if not normal:
        raise NumberParseError("empty text: nothing to read; try a figure such as '600多亿元'")
    found = _matches(normal)
    amounts = [m for m in found if m["amount"]]
    if not found:  # a bare single numeral (十, 三) counts only when asked about on its own
        amounts = [m for m in _FIGURE.finditer(normal) if m["amount"]]
        if len(amounts) != 1 or amounts[0].group() != normal:
            raise NumberParseError(f"found no number in {text!r:.60}")
    if not amounts:
        kind = "a date" if found[0]["date"] else "an ordinal (a rank, not an amount)"
        raise NumberParseError(f"{found[0].group()!r} is {kind}; there is no amount to read")
    if len(amounts) > 1:
        listed = ", ".join(m.group() for m in amounts)
        raise NumberParseError(f"found {len(amounts)} figures ({listed}); "
                               f"give one figure at a time")
    return _read(amounts[0])


def _read(match):
    num, scale_text = match["num"], match["scale"] or ""
    unit_word = match["unit"] or ""
    if match["pct"] or unit_word == "%":
        unit = "percent"
    elif unit_word == "元":
        unit = "yuan"
    elif unit_word == "亩":
        unit = "mu"
    else:
        unit = "count"
    per_time = unit_word in _PER_TIME
    markers = [w for w in (match["pre"], match["a1"], match["a2"], match["post"]) if w]
    qualifier = next((_BEFORE.get(w) or _AFTER[w] for w in markers), "exact")

    unit_name = {"yuan": " yuan", "mu": " mu", "percent": " percent", "count": ""}[unit]
    parts = []
    if num[0] in "数几":  # 数百万: "several million", no number given
        value, qualifier = None, "unstated"
        parts.append(f"{num} means 'several {_VAGUE_EN.get(num[1:], num[1:])}': no exact "
                     f"number is given, so the value is left empty")
        if unit != "count":
            parts.append(f"the unit is{unit_name}")
    else:
        if re.fullmatch(r"[\d,.]+", num):
            base = Decimal(num.replace(",", ""))
            reading = _fmt(base)
        else:
            base = _cn_number(num)
            reading = f"{num} is the Chinese numeral for {_fmt(base)}"
        scale = math.prod(_SCALE[c] for c in scale_text)
        try:
            value = float(base * scale)
        except (InvalidOperation, OverflowError):
            value = math.inf
        if not math.isfinite(value):
            raise NumberParseError(f"{match.group()!r:.60} is too large to be a figure")
        if scale_text:
            reading += f" × {scale_text} ({scale:,})"
        total = _fmt(Decimal(value)) + unit_name
        if scale_text:
            reading += f" = {total}"
        elif unit != "count":
            reading += f" {unit_name.strip()}" if reading == _fmt(base) else f", so {total}"
        parts.append(reading)
        if unit == "mu":
            parts.append(f"15 mu make 1 hectare, so about {_fmt(round(Decimal(value) / 15))} "
                         f"hectares")
    if match["pct"]:
        parts.append("百分之 means 'out of a hundred' (per cent)")
    if per_time:
        parts.append(_PER_TIME_GLOSS.get(unit_word, f"{unit_word} counts occurrences, "
                                                    f"not distinct things"))
    elif unit == "count":
        parts.append(f"a count with the measure word {unit_word}" if unit_word
                     else "a count (no measure word follows)")
    for word in markers:
        where = "before" if word in _BEFORE else "after"
        parts.append(f"{word} {where} the number means {_GLOSS[word]}")
    if len(markers) > 1 and len({_BEFORE.get(w) or _AFTER[w] for w in markers}) > 1:
        parts.append(f"the first of these, {markers[0]}, is taken as the qualifier")
    explanation = f"{match.group()}: {'; '.join(parts)}."
    return Amount(value, qualifier, unit, per_time, unit_word, match.group(), explanation)


def try_parse(text: str) -> Amount | None:
    """parse_amount(text), or None where it cannot be read (for widgets and checks)."""
    try:
        return parse_amount(text)
    except NumberParseError:
        return None
