"""Chinese text in plots renders with the course font: no glyph of the data is missing.

Every distinct Chinese (or pinyin) string in data/ is drawn in one matplotlib figure; any
"Glyph ... missing from font" warning fails the test, naming the strings and characters.
"""
import csv
import io
import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from counterpart import fonts
from counterpart.paths import DATA, ROOT

CJK = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
                 "\U00020000-\U0003134f]")
PINYIN = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛÜ]")
MISSING = re.compile(r"Glyph (\d+) .*missing from font")
REBUILD = "run `python scripts/make_font_subset.py` (see data/fonts/README.md) and commit the font"


def chinese_strings(data_dir):
    """{string: where it was found} for every CSV cell and text line with CJK or pinyin."""
    found = {}
    for path in sorted(data_dir.rglob("*")):
        if not path.is_file():
            continue
        where = path.relative_to(data_dir).as_posix()
        if path.suffix.lower() == ".csv":
            with path.open(encoding="utf-8", newline="") as f:
                pieces = [cell for row in csv.reader(f) for cell in row]
        elif path.suffix.lower() in (".txt", ".md"):
            pieces = path.read_text(encoding="utf-8").splitlines()
        else:
            continue
        for piece in pieces:
            if CJK.search(piece) or PINYIN.search(piece):
                found.setdefault(piece, where)
    return found


def drawing_warnings(texts):
    """Draw the texts in one Agg figure; return the messages of the warnings raised."""
    figure = Figure(figsize=(4, 4))
    FigureCanvasAgg(figure)
    for n, text in enumerate(texts):
        figure.text(0.01, (n % 50) / 50, text, fontsize=6)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.canvas.draw()
    return [str(w.message) for w in caught]


def missing_glyphs(data_dir):
    """Problems as lines of text: each string of data_dir with characters the font lacks."""
    strings = chinese_strings(data_dir)
    messages = drawing_warnings(list(strings))
    missing = {chr(int(m.group(1))) for m in map(MISSING.search, messages) if m}
    others = [msg for msg in messages if not MISSING.search(msg)]
    problems = [f"unexpected warning while drawing: {msg}" for msg in others]
    for text, where in strings.items():
        lacking = sorted(set(text) & missing)
        if lacking:
            shown = text if len(text) <= 60 else text[:57] + "..."
            chars = " ".join(f"{c} (U+{ord(c):04X})" for c in lacking)
            problems.append(f"{where}: {shown!r} lacks {chars}")
    return problems


@pytest.fixture(scope="module")
def course_font():
    assert fonts.register(strict=True)
    return fonts.FONT_FILE


def test_the_course_font_is_the_one_matplotlib_picks(course_font):
    found = font_manager.findfont(font_manager.FontProperties(family=fonts.FAMILY),
                                  fallback_to_default=False)
    assert Path(found) == course_font
    import matplotlib
    assert matplotlib.rcParams["font.sans-serif"][:2] == [fonts.FAMILY, fonts.FALLBACK]


def test_the_data_has_chinese_to_draw():
    strings = chinese_strings(DATA)
    assert "关于东西部协作与对口支援情况的报告" in strings
    assert len(strings) > 50


def test_every_chinese_string_in_data_renders(course_font):
    problems = missing_glyphs(DATA)
    assert not problems, (
        "The course font lacks characters used in data/ (they would show as boxes in plots):\n"
        + "\n".join(problems) + f"\nTo fix it, {REBUILD}."
    )


def test_a_character_outside_the_subset_is_caught(course_font, tmp_path):
    # 龘 is in the full Noto font but not in GB2312, so not in the subset.
    (tmp_path / "extra.csv").write_text("pid,zh\n1,一条龘的句子\n2,对口支援\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("English only\nduìkǒu zhīyuán 𠀀\n", encoding="utf-8")
    problems = missing_glyphs(tmp_path)
    assert len(problems) == 2
    assert "extra.csv: '一条龘的句子' lacks 龘 (U+9F98)" in problems
    assert "notes.md: 'duìkǒu zhīyuán 𠀀' lacks 𠀀 (U+20000)" in problems


def test_pinyin_and_tone_marks_render(course_font):
    shown = ["对口支援 duìkǒu zhīyuán", "ā á ǎ à ǖ ǘ ǚ ǜ ü Ǚ Ü", "女 nǚ 绿 lǜ"]
    assert drawing_warnings(shown) == []


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_export_with_chinese_and_pinyin(course_font, fmt):
    figure = Figure(figsize=(4, 3))
    FigureCanvasAgg(figure)
    axes = figure.subplots()
    axes.bar(["上海", "新疆 Xīnjiāng"], [3, -1])
    axes.set_title("对口支援 duìkǒu zhīyuán (ā, ǚ)")
    axes.set_ylabel("金额 (亿元)")
    out = io.BytesIO()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.savefig(out, format=fmt)
    assert [str(w.message) for w in caught] == []
    data = out.getvalue()
    if fmt == "png":
        assert data.startswith(b"\x89PNG")
    else:
        # The glyphs come from the course font (its PostScript name names the embedded
        # PDF font and the SVG glyph ids), not from DejaVu Sans's empty box.
        assert b"NotoSansCJKsc-CourseSubset-Regular" in data


def test_a_missing_font_gives_a_clear_error(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(fonts, "FONT_FILE", tmp_path / "data" / "fonts" / "absent.otf")
    with pytest.raises(fonts.FontMissingError, match="make_font_subset.py"):
        fonts.register(strict=True)
    # Without strict, no exception and no warning (warnings are errors under pytest here).
    assert fonts.register() is False
    err = capsys.readouterr().err
    assert "font is missing" in err and "git checkout" in err and "make_font_subset.py" in err


def test_the_package_imports_without_its_font(tmp_path):
    # A copy of the package and data without the font file, as after a partial checkout.
    shutil.copytree(ROOT / "counterpart", tmp_path / "counterpart",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(DATA, tmp_path / "data", ignore=shutil.ignore_patterns("*.otf"))
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c",
         "import counterpart; print(counterpart.__file__)"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).parent == tmp_path / "counterpart"
    assert "The course's Chinese font is missing" in result.stderr
    assert "data/fonts/NotoSansCJKsc-course-subset.otf" in result.stderr
