"""Make the course's Chinese font: a subset of Noto Sans CJK SC Regular.

matplotlib's default font (DejaVu Sans) has no Chinese glyphs, and the full Noto CJK font is
about 19 MB, too big to ship. This keeps only the characters the course needs:

- GB2312 level 1 (the 3,755 most common hanzi) and GB2312's symbol rows 1-2,
- ASCII, Latin-1 and the tone-marked pinyin vowels (ā á ǎ à ... ǖ ǘ ǚ ǜ ü),
- general punctuation, CJK symbols and punctuation, full-width forms,
- every character in every text file (.csv, .txt, .md) under data/.

Run it whenever data/ gains a character the font lacks (tests/test_fonts.py says so):

    python scripts/make_font_subset.py

It needs fontTools and the source font, Debian's fonts-noto-cjk package
(apt-get install fonts-noto-cjk); the font is needed only to build the subset, not to use it.
The output is byte-for-byte the same on every run from the same inputs.
"""
import argparse
import contextlib
import hashlib
import sys
import unicodedata
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
OUTPUT = DATA / "fonts" / "NotoSansCJKsc-course-subset.otf"
SOURCE_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SOURCE_FAMILY = "Noto Sans CJK SC"
# A family name of its own, so matplotlib never confuses the subset with a full Noto CJK
# installed on the same machine (the test must check the file we ship).
FAMILY = "Noto Sans CJK SC Course Subset"
POSTSCRIPT_NAME = "NotoSansCJKsc-CourseSubset-Regular"
TEXT_SUFFIXES = {".csv", ".txt", ".md"}
PINYIN = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛÜ"


def gb2312_chars(first_row, last_row):
    """The characters of GB2312 rows first_row..last_row (lead bytes 0xA0 + row)."""
    chars = []
    for lead in range(0xA0 + first_row, 0xA0 + last_row + 1):
        for trail in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):  # unassigned, e.g. end of row 55
                chars.append(bytes([lead, trail]).decode("gb2312"))
    return chars


def data_chars(data_dir):
    """Every character in the text files under data_dir."""
    chars = set()
    for path in sorted(data_dir.rglob("*")):
        if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES:
            chars.update(path.read_text(encoding="utf-8"))
    return chars


def wanted_chars(data_dir=DATA):
    chars = set(gb2312_chars(16, 55))          # level 1 hanzi: lead bytes 0xB0..0xD7
    chars |= set(gb2312_chars(1, 2))           # symbols, numbered forms (①, ⑴, Ⅰ)
    chars |= {chr(c) for c in range(0x20, 0x7F)}       # ASCII
    chars |= {chr(c) for c in range(0xA0, 0x100)}      # Latin-1
    chars |= set(PINYIN)
    chars |= {chr(c) for c in range(0x2000, 0x2070)}   # general punctuation
    chars |= {chr(c) for c in range(0x3000, 0x3040)}   # CJK symbols and punctuation
    chars |= {chr(c) for c in range(0xFF00, 0xFFF0)}   # full-width and half-width forms
    chars |= {"\u2212", "\u00d7", "\u2103"}            # minus sign, ×, ℃ in plot labels
    chars |= data_chars(data_dir)
    return {c for c in chars if has_glyph(c)}


def has_glyph(char):
    """Control and format characters (newline, tab, BOM) have no glyph to keep."""
    return unicodedata.category(char) not in ("Cc", "Cf")


def source_font_number(path):
    """Which font of the collection is Simplified Chinese (2 in Debian's file)."""
    from fontTools.ttLib import TTCollection
    fonts = TTCollection(str(path), lazy=True).fonts
    for number, font in enumerate(fonts):
        if font["name"].getDebugName(1) == SOURCE_FAMILY:
            return number
    raise SystemExit(f"{SOURCE_FAMILY} not found in {path}")


def rename(font):
    """Give the subset its own family name (the OFL asks modified fonts to be told apart)."""
    names = {1: FAMILY, 3: f"{POSTSCRIPT_NAME};course subset", 4: FAMILY,
             6: POSTSCRIPT_NAME, 16: FAMILY}
    table = font["name"]
    for record in list(table.names):
        if record.nameID in names:
            table.setName(names[record.nameID], record.nameID, record.platformID,
                          record.platEncID, record.langID)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [POSTSCRIPT_NAME]
        top = cff.topDictIndex[0]
        top.FullName = FAMILY
        top.FamilyName = FAMILY


def build(source=SOURCE_FONT, output=OUTPUT, data_dir=DATA):
    if not source.exists():
        raise SystemExit(f"{source} not found: install it with `apt-get install fonts-noto-cjk`")
    font = TTFont(str(source), fontNumber=source_font_number(source), lazy=False)
    # Keep the font's own dates, so the output does not change from run to run.
    font.recalcTimestamp = False
    cmap = font.getBestCmap()
    chars = wanted_chars(data_dir)
    # Characters of the data the source font lacks cannot be fixed here: say so.
    absent = sorted(c for c in data_chars(data_dir) if has_glyph(c) and ord(c) not in cmap)
    options = subset.Options()
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 7, 13, 14, 16, 17]  # keep copyright and licence
    options.name_languages = [0x0409]                            # English names only
    options.layout_features = ["kern", "palt", "vert", "vrt2", "locl"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in chars if ord(c) in cmap))
    subsetter.subset(font)
    rename(font)
    output.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(output))
    digest = hashlib.sha256(output.read_bytes()).hexdigest()
    print(f"wrote {output}: {len(font.getBestCmap())} characters, "
          f"{output.stat().st_size:,} bytes, sha256 {digest}")
    if absent:
        listing = " ".join(f"{c} U+{ord(c):04X}" for c in absent)
        print(f"characters in data/ that {SOURCE_FAMILY} lacks: {listing}", file=sys.stderr)
    return output


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE_FONT, help="the Noto CJK .ttc")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    build(args.source, args.output)


if __name__ == "__main__":
    main()
