"""Chinese text in plots: register the course's subset of Noto Sans CJK SC with matplotlib.

matplotlib's default font has no Chinese glyphs. register() (run when the package is
imported) adds data/fonts/NotoSansCJKsc-course-subset.otf and puts it first in the
sans-serif list, with DejaVu Sans as the fallback, so Chinese, pinyin and English all render.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .paths import FONTS, ROOT

FONT_FILE = FONTS / "NotoSansCJKsc-course-subset.otf"
FAMILY = "Noto Sans CJK SC Course Subset"
FALLBACK = "DejaVu Sans"


class FontMissingError(FileNotFoundError):
    """The course's Chinese font file is not where the package expects it."""


def missing_message(path: Path | None = None) -> str:
    path = path or FONT_FILE
    try:
        shown = path.relative_to(ROOT)
    except ValueError:
        shown = path
    return (
        f"The course's Chinese font is missing: {shown} was not found, so Chinese text in "
        "plots will show as empty boxes. Restore it from git with "
        f"`git checkout -- {shown}`, or rebuild it with `python scripts/make_font_subset.py` "
        "(needs Debian's fonts-noto-cjk package); see data/fonts/README.md."
    )


def register(strict: bool = False) -> bool:
    """Make matplotlib use the course font first. Safe to call again (after a style reset).

    Returns True when the font is in use. When the file is missing: with strict=True raise
    FontMissingError; otherwise print the explanation on stderr and return False, so that
    importing the package never fails (and never raises a warning, which tests turn into errors).
    """
    path = FONT_FILE
    if not path.is_file():
        if strict:
            raise FontMissingError(missing_message(path))
        print(missing_message(path), file=sys.stderr)
        return False

    import matplotlib as mpl
    from matplotlib import font_manager

    if not any(entry.fname == str(path) for entry in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(str(path))
    rest = [name for name in mpl.rcParams["font.sans-serif"] if name not in (FAMILY, FALLBACK)]
    mpl.rcParams["font.sans-serif"] = [FAMILY, FALLBACK, *rest]
    # The subset has U+2212 MINUS SIGN, so matplotlib's default unicode_minus=True is kept.
    return True
