"""Feedback on workbook answers: right, or what is wrong and a hint, never the answer itself.

Every check accepts the equivalent forms a student may type (60000000000, 6e10, "600亿";
traditional or simplified characters; full-width digits; pinyin with tone marks or tone
numbers) and never raises, whatever it is given: a check that crashes teaches nothing.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import wraps
from typing import TYPE_CHECKING, Any

from . import numbers
from .text import simplified  # noqa: F401 - the workbooks call checks.simplified

if TYPE_CHECKING:
    import pandas as pd

PLACEHOLDER = ...     # what a blank answer holds in a student workbook: `answer = ...`


@dataclass(frozen=True)
class Feedback:
    """The result of a check. ``ok`` is True, False, or None (not answered yet)."""
    ok: bool | None
    message: str

    def __repr__(self):           # what the notebook shows under the check cell
        return self.message

    def __bool__(self):
        return bool(self.ok)


def correct(extra: str = "") -> Feedback:
    return Feedback(True, "✔ Correct." + (f" {extra}" if extra else ""))


def wrong(problem: str, hint: str = "") -> Feedback:
    return Feedback(False, f"✘ Not yet: {problem}" + (f"\n  Hint: {hint}" if hint else ""))


def not_answered(what: str = "your answer") -> Feedback:
    return Feedback(None, f"… Not answered yet: replace the ... with {what}, run that cell, "
                          "then run this one.")


_KINDS = {"str": "text", "int": "a whole number", "float": "a number", "bool": "True or False",
          "list": "a list", "tuple": "a tuple (values in round brackets)", "dict": "a dictionary",
          "set": "a set", "NoneType": "nothing (None)", "DataFrame": "a table (a DataFrame)",
          "Series": "one column (a Series)", "ellipsis": "the placeholder ..."}


def kind(value: Any) -> str:
    """What a value is, in plain words for a student: 'text', 'a number', 'a table (a DataFrame)'
    (numpy's number types count as numbers: never 'float64' or 'np.float64(11.8)')."""
    name = type(value).__name__
    if name.startswith(("int", "uint")) and name not in _KINDS:
        name = "int"
    elif name.startswith("float"):
        name = "float"
    elif name == "ndarray":
        return "an array of values"
    return _KINDS.get(name, f"a value of type {name}")


def is_blank(answer: Any) -> bool:
    if answer is PLACEHOLDER or answer is None:
        return True
    return isinstance(answer, str) and not answer.strip(" .…\t\n")


def never_raises(check: Callable[..., Feedback]) -> Callable[..., Feedback]:
    """Wrap a check so any unexpected error becomes friendly feedback instead of a traceback."""
    @wraps(check)
    def safe(*args, **kwargs):
        try:
            return check(*args, **kwargs)
        except Exception as err:   # noqa: BLE001 - by design: a check must never crash
            return Feedback(False, "✘ This answer could not be checked "
                                   f"({type(err).__name__}). Check that it has the form the "
                                   "question asks for, then run the cell again.")
    return safe


# --- Normalising what students type -----------------------------------------------------------

def plain(text: Any) -> str:
    """Comparable form of a short text answer: simplified, lower case, no spaces or quotes."""
    text = simplified(str(text)).casefold()
    return re.sub(r"[\s\"'“”‘’「」『』《》.,,。、!?!?;;::()()\[\]-]", "", text)


_TONE_MARKS = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}


def _mark_syllable(syllable, tone):
    syllable = syllable.replace("v", "ü").replace("u:", "ü")
    if tone in (0, 5):
        return syllable
    for vowel in ("a", "e"):
        if vowel in syllable:
            return syllable.replace(vowel, _TONE_MARKS[vowel][tone - 1], 1)
    if "ou" in syllable:
        return syllable.replace("o", _TONE_MARKS["o"][tone - 1], 1)
    for i in range(len(syllable) - 1, -1, -1):
        if syllable[i] in _TONE_MARKS:
            return syllable[:i] + _TONE_MARKS[syllable[i]][tone - 1] + syllable[i + 1:]
    return syllable


def pinyin_marks(text: str) -> str:
    """'dui4kou3 zhi1yuan2' -> 'duìkǒu zhīyuán'; text already marked is returned unchanged."""
    text = unicodedata.normalize("NFC", str(text)).lower()
    return re.sub(r"([a-zü:v]+)([0-5])", lambda m: _mark_syllable(m.group(1), int(m.group(2))),
                  text)


def _toneless(text):
    """Pinyin without its tone marks or numbers (ü keeps its dots), spaces dropped."""
    marked = unicodedata.normalize("NFD", pinyin_marks(text))
    return re.sub(r"[\u0300\u0301\u0304\u030c\s'’·0-5-]", "", marked)


def same_pinyin(answer: str, expected: str) -> bool:
    def squash(s):
        return re.sub(r"[\s'’·-]", "", unicodedata.normalize("NFC", pinyin_marks(s)))
    return squash(answer) == squash(expected)


_WORD_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def as_number(answer: Any) -> float | None:
    """A number from what a student gave (int, float, '6e10', '60,000,000,000', '600亿元',
    '60 billion'), or None if it is not one."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, (int, float)) or type(answer).__name__.startswith(("int", "float")):
        try:
            return float(answer)      # inf and nan are numbers too, just never the answer
        except OverflowError:
            return math.inf
    if not isinstance(answer, str):
        return None
    text = unicodedata.normalize("NFKC", answer).strip().replace(",", "").replace("_", "")
    m = re.fullmatch(r"([-+]?\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion)?\s*(yuan)?",
                     text, flags=re.I)
    if m:
        return float(m.group(1)) * _WORD_SCALES.get((m.group(2) or "").lower(), 1)
    try:
        return float(text)
    except (ValueError, OverflowError):
        pass
    amount = numbers.try_parse(answer)
    return amount.value if amount is not None else None


def _scale_hint(given, expected):
    """A hint when the number is off by a power of ten typical of 万 and 亿 mistakes."""
    if not given or not expected or not math.isfinite(given):
        return ""
    ratio = given / expected
    for factor, word in ((1e4, "万 (10,000)"), (1e8, "亿 (100,000,000)"), (10, "ten"),
                         (1e3, "a thousand")):
        if math.isclose(ratio, factor, rel_tol=0.02):
            return f"your number is {word} times too large: recheck the scale words."
        if math.isclose(ratio, 1 / factor, rel_tol=0.02):
            return f"your number is {word} times too small: recheck the scale words."
    return ""


# --- The checks ------------------------------------------------------------------------------

@never_raises
def number(answer: Any, expected: float, hint: str, rel_tol: float = 1e-6,
           what: str = "a number") -> Feedback:
    """Right when ``answer`` is the number ``expected`` in any form a student may type."""
    if is_blank(answer):
        return not_answered(what)
    value = as_number(answer)
    if value is None:
        return wrong(f"this is not a number I can read (you gave {kind(answer)}). "
                     "Give digits such as 1400 or an amount such as 600亿.", hint)
    if math.isclose(value, expected, rel_tol=rel_tol, abs_tol=1e-9):
        return correct()
    return wrong("that is not the number asked for.", _scale_hint(value, expected) or hint)


def as_items(answer):
    """The items of a list-like answer, each as text, or None when it is not list-like.

    A list, tuple or set; anything with ``.tolist()`` (a pandas Series or Index, a NumPy
    array); or a string of items separated by commas, 、, semicolons (half- or full-width) or
    spaces ("0.6, 2.0" or "喀什、泽普"). A dict or a number is not list-like."""
    if isinstance(answer, str):
        # commas, 、 and semicolons, half- and full-width (written as escapes to stay visible)
        return [part for part in re.split(r"[,\uff0c\u3001;\uff1b\s]+", answer) if part]
    if hasattr(answer, "tolist"):
        answer = answer.tolist()
    if isinstance(answer, (list, tuple, set, frozenset)):
        return [str(item) for item in answer]
    return None


@never_raises
def choice(answer: Any, expected: str, options: Sequence[str], hint: str) -> Feedback:
    """A multiple-choice answer: the letter ("b", "(B)") or the option's own text."""
    if is_blank(answer):
        return not_answered("a letter such as \"a\"")
    if not isinstance(answer, str):
        return wrong(f"give the letter of your choice as text, e.g. \"a\" (you gave "
                     f"{kind(answer)}).", hint)
    letters = "abcdefgh"[:len(options)]
    given = plain(answer)
    if given not in letters:
        matches = [letters[i] for i, option in enumerate(options) if plain(option) == given]
        if not matches:
            return wrong(f"choose one of {', '.join(letters)}.", hint)
        given = matches[0]
    return correct() if given == expected else wrong("that is not the best choice.", hint)


@never_raises
def text_answer(answer: Any, accepted: Iterable[str], hint: str,
                what: str = "a word or phrase") -> Feedback:
    """A short text answer, compared after simplifying, NFKC and dropping spaces and quotes."""
    if is_blank(answer):
        return not_answered(what)
    if not isinstance(answer, str):
        return wrong(f"give {what} as text in quotation marks (you gave {kind(answer)}).",
                     hint)
    if plain(answer) in {plain(a) for a in accepted}:
        return correct()
    return wrong(f"“{answer.strip()[:40]}” is not what the question asks for.", hint)


@never_raises
def pinyin(answer: Any, expected: str, hint: str) -> Feedback:
    """Pinyin with tone marks or tone numbers ("duìkǒu" or "dui4kou3")."""
    if is_blank(answer):
        return not_answered("pinyin such as \"dui4kou3\" or \"duìkǒu\"")
    if not isinstance(answer, str):
        return wrong("give the pinyin as text in quotation marks.", hint)
    if same_pinyin(answer, expected):
        return correct()
    if _toneless(answer) == _toneless(expected):
        return wrong("the syllables are right but a tone is not.", hint)
    return wrong("those are not the right syllables.", hint)


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_PINYIN_PUNCTUATION = re.compile(r"[,,、;;。.!?!?+:：\"'“”‘’]")


def _has_tones(pinyin_text: str) -> bool:
    marked = unicodedata.normalize("NFD", str(pinyin_text))
    return bool(re.search(r"[\u0300\u0301\u0304\u030c]|[a-zü:v][1-5]", marked, flags=re.I))


@never_raises
def recall(answer: Any, expected_zh: str, expected_pinyin: str, hint: str) -> Feedback:
    """English → Chinese recall: the characters (simplified or traditional), or the pinyin
    with tone marks ("duìkǒu"), tone numbers ("dui4kou3") or no tones at all ("duikou";
    right, and the feedback gives the tones). Spaces and punctuation do not matter."""
    if is_blank(answer):
        return not_answered("the Chinese, as characters (\"对口支援\") or pinyin "
                            "(\"duìkǒu zhīyuán\", \"dui4kou3 zhi1yuan2\" or \"duikou zhiyuan\")")
    if not isinstance(answer, str):
        return wrong(f"give the Chinese as text in quotation marks (you gave {kind(answer)}).",
                     hint)
    if plain(answer) == plain(expected_zh):
        return correct()
    if _HAN.search(answer):
        return wrong("those are not the characters asked for.", hint)
    given = _PINYIN_PUNCTUATION.sub("", answer).replace("v", "ü").replace("V", "Ü")
    wanted = _PINYIN_PUNCTUATION.sub("", expected_pinyin)
    if not _toneless(given):
        return wrong("give characters or pinyin.", hint)
    if same_pinyin(given, wanted):
        return correct()
    if _toneless(given) == _toneless(wanted):
        if _has_tones(given):
            return wrong("the syllables are right but a tone is not.", hint)
        return correct(f"With its tones: {expected_pinyin}.")
    return wrong("those are not the right syllables.", hint)


@never_raises
def item_set(answer: Any, expected: Iterable[str], hint: str,
             what: str = "a list of ids") -> Feedback:
    """A set of ids (e.g. ["F03", "F07"]): order and case do not matter."""
    if is_blank(answer):
        return not_answered(what)
    items = as_items(answer)
    if items is None:
        # no example of ids here: ``what`` gives one that cannot be an answer
        return wrong(f"give {what}, as a list in square brackets (you gave {kind(answer)}).",
                     hint)
    given, wanted = {plain(i) for i in items}, {plain(i) for i in expected}
    if given == wanted:
        return correct()
    missing, extra = len(wanted - given), len(given - wanted)
    parts = []
    if missing:
        parts.append(f"{missing} missing")
    if extra:
        parts.append(f"{extra} that should not be there")
    return wrong(f"your list has {' and '.join(parts)}.", hint)


@never_raises
def frame(answer: Any, expected: pd.DataFrame, hint: str,
          what: str = "a DataFrame") -> Feedback:
    """A pandas result: same rows (as a set of records, index ignored) in the given columns."""
    if is_blank(answer):
        return not_answered(what)
    if hasattr(answer, "to_frame") and not hasattr(answer, "columns"):
        answer = answer.to_frame()
    if not hasattr(answer, "columns"):
        return wrong(f"expected {what}, not {kind(answer)}.", hint)
    missing = [c for c in expected.columns if c not in answer.columns]
    if missing:
        return wrong(f"your table lacks the column(s) {', '.join(missing)}.", hint)
    if len(answer) != len(expected):
        return wrong(f"your table has {len(answer)} rows; check your filter.", hint)

    def records(df):
        return sorted(tuple(str(v) for v in row) for row in
                      df[list(expected.columns)].itertuples(index=False))

    if records(answer) == records(expected):
        return correct()
    return wrong("the rows are not the ones asked for.", hint)


# --- Beginner slips in code ----------------------------------------------------------------

_BARE_ANSWER = re.compile(r"^\s*(answer_\w+)\s*=\s*([^\W\d]\w*)\s*(#.*)?$", re.M)


def quote_hint(name, cell_source):
    """The hint for a NameError in a cell: an answer typed without quotation marks
    (``answer_2 = d``) gets one line about them; any other name gets nothing."""
    for match in _BARE_ANSWER.finditer(cell_source or ""):
        if match.group(2) == name:
            return (f"Hint: {name} is not defined. If you meant the text {name}, put it in "
                    f"quotation marks: {match.group(1)} = \"{name}\"")
    return ""


def _name_error_handler(shell, etype, value, tb, tb_offset=None):
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)   # the traceback stays
    name = getattr(value, "name", None) or \
        (re.findall(r"'(\w+)'", str(value)) or [""])[0]
    history = shell.user_ns.get("_ih") or [""]
    hint = quote_hint(name, history[-1])
    if hint:
        print(hint)
    return None


def install_hints():
    """In a notebook, add the quotation-mark hint under a NameError (once per kernel)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None and not getattr(shell, "_counterpart_hints", False):
        shell.set_custom_exc((NameError,), _name_error_handler)
        shell._counterpart_hints = True
