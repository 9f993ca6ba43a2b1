"""Text helpers for matching Chinese quotes however they were typed."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional characters to simplified (OpenCC's t2s): 萬 -> 万, 億 -> 亿, 幫扶 -> 帮扶."""
    return _t2s().convert(text)


def simplified(text: str) -> str:
    """Traditional characters to simplified, full-width forms to half-width (NFKC)."""
    return to_simplified(unicodedata.normalize("NFKC", text))


def normalise(text: object) -> str:
    """NFKC form: full-width letters, digits and punctuation become their half-width forms.

    The source writes ASCII brackets and commas (, : ( )); a student or a web page may
    write the full-width ones (,:()). After NFKC both read the same.
    """
    return unicodedata.normalize("NFKC", str(text))


def contains(text: object, quote: object) -> bool:
    """Whether ``quote`` occurs in ``text``, ignoring full-width/half-width differences."""
    return normalise(quote) in normalise(text)


def count(text: object, quote: object) -> int:
    """How many times ``quote`` occurs in ``text`` (non-overlapping, after NFKC)."""
    quote = normalise(quote)
    return normalise(text).count(quote) if quote else 0


def pid_anchor(pid: str) -> str:
    """The HTML id of a paragraph on the website's parallel text: 'p-1-2-0' for pid 1.2.0."""
    return "p-" + re.sub(r"[^0-9A-Za-z]+", "-", pid)
