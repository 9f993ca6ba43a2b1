"""Text helpers for matching Chinese quotes however they were typed."""
import unicodedata


def normalise(text):
    """NFKC form: full-width letters, digits and punctuation become their half-width forms.

    The source writes ASCII brackets and commas (, : ( )); a student or a web page may
    write the full-width ones (,:()). After NFKC both read the same.
    """
    return unicodedata.normalize("NFKC", str(text))


def contains(text, quote):
    """Whether ``quote`` occurs in ``text``, ignoring full-width/half-width differences."""
    return normalise(quote) in normalise(text)


def count(text, quote):
    """How many times ``quote`` occurs in ``text`` (non-overlapping, after NFKC)."""
    quote = normalise(quote)
    return normalise(text).count(quote) if quote else 0
