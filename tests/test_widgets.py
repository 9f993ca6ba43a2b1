"""Each widget, driven headlessly: set a value, fire the callbacks, read what is shown."""
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from counterpart import maps, widgets  # noqa: E402
from counterpart.data import load  # noqa: E402
from counterpart.widgets.base import esc  # noqa: E402
from counterpart.widgets.reader import highlight, word_level, word_spans  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_term_picker_shows_the_chosen_term():
    box = widgets.term_picker()
    box.picker.value = "民族团结"
    terms = load("terms").set_index("zh")
    assert "民族团结" in box.display.value
    assert terms.loc["民族团结", "pinyin"] in box.display.value
    assert terms.loc["民族团结", "en"] in box.display.value


def test_term_picker_refuses_an_unknown_term():
    with pytest.raises(ValueError, match="not in data/terms.csv"):
        widgets.term_picker(terms=("不存在的词",))


def test_reader_shows_chinese_and_english_side_by_side():
    box = widgets.bilingual_reader()
    box.section.value = "1.3"
    assert box.paragraph.value == "1.3"          # the section's heading comes first
    box.paragraph.value = "1.3.1"
    english = load("report_en").set_index("pid").loc["1.3.1", "en"]
    shown = box.display.value
    assert "一是做强产业帮扶" in shown
    assert esc(english[:40]) in shown


def test_reader_highlights_slogans_and_figures_with_glosses_on_demand():
    box = widgets.bilingual_reader()
    box.section.value = "1.3"
    box.paragraph.value = "1.3.1"
    assert '<mark class="figure"' in box.display.value
    assert "<ul>" not in box.display.value
    box.glosses.value = True
    assert "<ul>" in box.display.value and "<li><b>" in box.display.value


def test_reader_shows_a_translation_note_where_there_is_one():
    notes = load("translation_notes")
    pid = notes["pid"].iloc[0]
    report = load("report").set_index("pid")
    box = widgets.bilingual_reader()
    box.section.value = report.loc[pid, "section"]
    box.paragraph.value = pid
    assert "Translation note" in box.display.value


def test_highlight_escapes_html_and_keeps_every_character():
    marked = highlight("a<b>对口帮扶c", [("对口帮扶", "slogan", "tip")])
    assert "&lt;b&gt;" in marked and '<mark class="slogan" title="tip">对口帮扶</mark>' in marked


def _at(box, pid):
    box.section.value = load("report").set_index("pid").loc[pid, "section"]
    box.paragraph.value = pid
    return box


def test_reader_keeps_the_english_beside_the_chinese_by_default():
    box = _at(widgets.bilingual_reader(), "0.6")
    english = load("report_en").set_index("pid").loc["0.6", "en"]
    assert esc(english[:40]) in box.display.value and "<ruby>" not in box.display.value
    assert box.english.description == "Hide English" and not box.chinese_first.value


def test_chinese_first_hides_the_english_of_each_paragraph_until_asked():
    english = load("report_en").set_index("pid")["en"]
    notes = load("translation_notes")
    pid = notes["pid"].iloc[0]
    box = _at(widgets.bilingual_reader(chinese_first=True), pid)
    assert esc(english[pid][:40]) not in box.display.value
    assert "Translation note" not in box.display.value       # it quotes the English
    assert "english-hidden" in box.display.value and box.english.description == "Show English"
    box.english.value = True
    assert esc(english[pid][:40]) in box.display.value and "Translation note" in box.display.value
    other = next(p for p in box.paragraph.options if p[1] != pid)[1]
    box.paragraph.value = other                                 # the next paragraph: hidden
    assert esc(english[other][:40]) not in box.display.value
    box.chinese_first.value = False                             # back to the default track
    assert esc(english[other][:40]) in box.display.value


def test_static_form_folds_the_english_in_chinese_first_mode():
    box = _at(widgets.bilingual_reader(chinese_first=True), "0.6")
    assert "<details><summary>Our English</summary>" in box.static_html()
    box.chinese_first.value = False
    assert "<details>" not in box.static_html()


def test_any_word_of_the_paragraph_can_be_glossed():
    box = _at(widgets.bilingual_reader(), "1.3.1")
    vocab = load("vocab")
    assert list(box.word.options)[1:] == list(vocab[vocab["pid"] == "1.3.1"]["word"])
    assert "Choose a word" in box.gloss.value
    box.word.value = "产业帮扶"                                 # a term: the course's English
    terms = load("terms").set_index("zh")
    assert esc(terms.loc["产业帮扶", "en"]) in box.gloss.value and "terms.csv" in box.gloss.value
    box.word.value = "联合"                                     # not a term: CC-CEDICT's
    assert "to combine" in box.gloss.value and "CC-CEDICT" in box.gloss.value
    assert "liánhé" in box.gloss.value and "HSK 5" in box.gloss.value
    box.next_word.click()                                       # the keyboard path
    following = list(box.word.options)[list(box.word.options).index("联合") + 1]
    assert box.word.value == following and esc(following) in box.gloss.value
    box.paragraph.value = "1.3.2"                               # a new paragraph: a new list
    assert "联合" not in box.gloss.value and box.word.value == "(choose a word)"


def test_pinyin_only_above_the_chosen_level():
    box = _at(widgets.bilingual_reader(pinyin="6"), "1.3.1")
    shown = set(re.findall(r"<ruby>([^<]+)<rt>", box.display.value))
    assert "国资" in shown                                       # in no HSK list
    assert "联合" not in shown                                   # HSK 5
    box.pinyin.value = "4"
    assert "联合" in re.findall(r"<ruby>([^<]+)<rt>", box.display.value)
    box.pinyin.value = "off"
    assert "<ruby>" not in box.display.value
    with pytest.raises(ValueError, match="pinyin must be one of"):
        widgets.bilingual_reader(pinyin="HSK 9")


def test_a_compound_of_listed_words_takes_the_level_of_its_hardest_part():
    known = {"市": "3", "政府": "5", "审": "7-9"}
    assert word_level("市政府", known) == "5"
    assert word_level("审议", known) == ""                       # 议 is unknown
    assert word_level("政府", known) == "5"


def test_word_spans_take_the_longest_listed_word():
    assert word_spans("东西部协作与协作", ["协作", "东西部协作"]) == [
        (0, 5, "东西部协作"), (6, 8, "协作")]


def test_pinyin_sits_inside_a_highlight_and_keeps_every_character():
    marked = highlight("a<b>对口帮扶c", [("对口帮扶", "slogan", "tip")], [(4, 8, "duìkǒu bāngfú")])
    assert ('<mark class="slogan" title="tip"><ruby>对口帮扶<rt>duìkǒu bāngfú</rt></ruby></mark>'
            in marked)
    assert re.sub(r"<rt>[^<]*</rt>|<[^>]+>", "", marked) == "a&lt;b&gt;对口帮扶c"


def test_flashcards_reveal_and_advance():
    box = widgets.flashcards()
    first = box.current()
    assert first["zh"] in box.front.value and box.back.value == ""
    box.reveal.click()
    assert first["pinyin"] in box.back.value and esc(first["en"]) in box.back.value
    box.next.click()
    assert box.current()["zh"] != first["zh"] and box.back.value == ""


def test_quiz_keeps_score_and_never_scores_twice():
    box = widgets.flashcards()
    box.quiz_mode.value = True
    box.check.click()
    assert "Choose" in box.feedback.value and box.score.value == "Score: 0 / 0"
    box.choices.value = box.current()["en"]
    box.check.click()
    assert box.score.value == "Score: 1 / 1" and "Correct" in box.feedback.value
    box.check.click()
    assert box.score.value == "Score: 1 / 1"
    box.next.click()
    wrong = next(o for o in box.choices.options if o != box.current()["en"])
    box.choices.value = wrong
    box.check.click()
    assert box.score.value == "Score: 1 / 2" and "Not this one" in box.feedback.value


def test_quiz_options_include_the_right_answer_once():
    box = widgets.flashcards()
    box.quiz_mode.value = True
    for _ in range(5):
        assert list(box.choices.options).count(box.current()["en"]) == 1
        box.next.click()


def test_flashcards_english_first_reveal_the_chinese():
    box = widgets.flashcards(direction="en-zh")
    row = box.current()
    assert esc(row["en"]) in box.front.value and row["zh"] not in box.front.value
    box.reveal.click()
    assert row["zh"] in box.back.value and row["pinyin"] in box.back.value
    box.direction.value = "zh-en"
    assert row["zh"] in box.front.value and box.back.value == ""
    with pytest.raises(ValueError, match="direction must be"):
        widgets.flashcards(direction="english")


@pytest.mark.parametrize("form", ["characters", "marks", "numbers", "no tones", "traditional"])
def test_typed_quiz_takes_characters_or_pinyin(form):
    box = widgets.flashcards(direction="en-zh")
    box.quiz_mode.value = True
    while box.current()["zh"] != "对口支援":
        box.next.click()
    assert box.typed.layout.display == "" and box.choices.layout.display == "none"
    box.typed.value = {"characters": "对口支援", "marks": "duìkǒu zhīyuán",
                       "numbers": "dui4kou3 zhi1yuan2", "no tones": "duikou zhiyuan",
                       "traditional": "對口支援"}[form]
    box.check.click()
    assert "Correct" in box.feedback.value and box.score.value == "Score: 1 / 1"
    if form == "no tones":
        assert "duìkǒu zhīyuán" in box.feedback.value          # the tones, given back


def test_typed_quiz_scores_wrong_answers_once_and_asks_for_an_answer():
    box = widgets.flashcards(direction="en-zh")
    box.quiz_mode.value = True
    box.check.click()
    assert "Type the Chinese" in box.feedback.value and box.score.value == "Score: 0 / 0"
    box.typed.value = "<b>不对</b>"
    box.check.click()
    assert "Not yet" in box.feedback.value and "<b>" not in box.feedback.value
    assert box.score.value == "Score: 0 / 1"
    box.typed.value = box.current()["zh"]
    box.check.click()
    assert "Already scored" in box.feedback.value and box.score.value == "Score: 0 / 1"


def test_figures_explorer_filters_and_redraws():
    box = widgets.figures_explorer()
    everything = len(box.selection)
    box.per_time.value = True
    assert 0 < len(box.selection) < everything
    assert box.selection["per_time"].all()
    bars = box.chart.value.count('<tr class="bar">')
    assert bars == len(box.selection.dropna(subset=["value"])) > 0
    first_quote = box.selection["zh_quote"].iloc[0]
    assert esc(first_quote) in box.table.value


def test_figures_explorer_has_all_units():
    box = widgets.figures_explorer()
    box.unit.value = "(all)"
    figures = load("figures")
    assert len(box.selection) == len(figures)
    assert box.chart.value.count('<tr class="bar">') == figures["value"].notna().sum()
    for unit in set(figures.dropna(subset=["value"])["unit"]):   # one scale per unit
        assert f"Unit: {unit} (" in box.chart.value


def test_figures_explorer_says_when_nothing_matches():
    box = widgets.figures_explorer()
    box.unit.value = "percent"
    box.per_time.value = True
    assert box.selection.empty and box.chart.value == ""
    assert "No figure matches these filters" in box.table.value
    assert "<table" not in box.table.value          # a sentence, not a bare header


def test_figures_explorer_chart_shows_full_labels_and_title():
    """The chart is HTML: labels are whole (not cut), bars fit their cell, the title is there.

    The browser lays it out at any width, wrapping text inside its cells, so instead of
    measuring text against the chart's bounds this checks the HTML's structure.
    """
    box = widgets.figures_explorer()
    box.unit.value = "(all)"
    chart = box.chart.value
    assert chart.startswith('<figure class="figures-chart"') and chart.endswith("</figure>")
    assert "<figcaption><b>Figures the report states</b>" in chart
    plotted = load("figures").dropna(subset=["value"])
    for _, row in plotted.iterrows():       # every label whole, however long
        assert f'{row["fid"]} {widgets.base.zh(row["counts"])}</th>' in chart
    widths = [float(w) for w in re.findall(r"height:1em;width:([0-9.]+)%", chart)]
    assert len(widths) == len(plotted) and all(0 < w <= 100 for w in widths)
    assert "…" not in chart and "text-overflow" not in chart and "nowrap" not in chart


def test_figures_explorer_bars_grow_with_the_value_on_a_log_scale():
    box = widgets.figures_explorer()
    box.unit.value = "yuan"
    shown = box.selection.dropna(subset=["value"])
    widths = [float(w) for w in re.findall(r"height:1em;width:([0-9.]+)%", box.chart.value)]
    order = shown["value"].astype(float).argsort().to_numpy()
    assert [widths[i] for i in order] == sorted(widths)


def test_converter_reads_what_a_student_types():
    box = widgets.number_converter()
    assert "60,000,000,000" in box.display.value
    box.text.value = "约40万人次"
    assert "400,000" in box.display.value and "about" in box.display.value
    box.text.value = "不是数字"
    assert "Could not read" in box.display.value
    box.text.value = ""
    assert "Type an amount" in box.display.value


def test_partners_map_describes_and_rings_the_chosen_place():
    box = widgets.partners_map()
    partners = load("partners").reset_index(drop=True)
    index = int(partners.index[partners["report_name"].fillna("") == "日喀则"][0])
    box.picker.value = index
    assert "日喀则" in box.info.value and "km from Shanghai" in box.info.value
    assert "0.7" in box.info.value                       # the row that names it
    ring = re.search(r'<circle class="selected" cx="([0-9.]+)" cy="([0-9.]+)"', box.image.value)
    assert (float(ring[1]), float(ring[2])) == pytest.approx(box._points[index], abs=0.1)
    assert f'stroke-width="3">{partners.loc[index, "place_zh"]}</text>' in box.image.value


def test_partners_map_ring_lies_where_the_map_puts_the_place():
    """The ring's pixel position, put back through the map's axes, is the place's lon/lat."""
    from matplotlib.figure import Figure

    from counterpart.widgets.partners_map import DPI, SIZE
    partners = load("partners").reset_index(drop=True)
    ax = maps.draw(partners, ax=Figure(figsize=SIZE, dpi=DPI).subplots())
    ax.figure.canvas.draw()
    box = widgets.partners_map()
    for index in (0, len(partners) - 1):
        x, y = box._points[index]
        lon, lat = ax.transData.inverted().transform((x, SIZE[1] * DPI - y))
        assert (lon, lat) == pytest.approx((partners.loc[index, "lon"],
                                            partners.loc[index, "lat"]), abs=0.01)
        assert 0 <= x <= SIZE[0] * DPI and 0 <= y <= SIZE[1] * DPI


def test_distance_is_a_great_circle_distance():
    # Shanghai to Kashgar is roughly 4,000 km; a point to itself is 0.
    assert maps.distance_km(maps.SHANGHAI, maps.SHANGHAI) == 0
    assert 3800 < maps.distance_km(maps.SHANGHAI, (39.47, 75.99)) < 4300


def test_map_draws_land_without_borders_and_every_partner():
    partners = load("partners")
    ax = maps.draw(partners)
    points = sum(len(c.get_offsets()) for c in ax.collections)
    assert points == len(partners) + 1                   # every partner, plus Shanghai
    assert len(ax.patches) == len(maps.land_rings())


EVIDENCE = pd.DataFrame({
    "pid": ["1.3.1", "1.3.2", "1.1.0"],
    "quote": ["又丰富了上海市民菜篮子", "就地就近就业80多万人次", "专项资金预算"],
    "reading": ["consistent", "against", "silent"],
})


def test_sorter_counts_agreement_and_shows_every_row():
    box = widgets.evidence_sorter(EVIDENCE)
    box.pickers[0].value = "consistent"
    box.pickers[1].value = "silent"
    box.button.click()
    shown = box.result.value
    assert "You read 1 of 3" in shown
    assert "(not chosen)" in shown
    assert shown.count("<tr><td>") == 3
    assert "different: can you say why?" in shown


def test_sorter_all_same():
    box = widgets.evidence_sorter(EVIDENCE)
    for picker, reading in zip(box.pickers, EVIDENCE["reading"]):
        picker.value = reading
    box.button.click()
    assert "You read 3 of 3" in box.result.value
    assert "different" not in box.result.value


# The width of a notebook's output area in JupyterLab at a 1280-pixel window (the browser
# test's window), and a narrower one, as on a laptop with the file browser open.
NOTEBOOK_WIDTHS = (800, 560)
TEXT_OUTSIDE = """(width) => {
  const box = document.querySelector('#chart');
  const bounds = box.getBoundingClientRect();
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  const outside = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.data.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.left < bounds.left - 0.5 || r.right > bounds.right + 0.5)
        outside.push(node.data.trim().slice(0, 30));
    }
  }
  return outside;
}"""


@pytest.mark.browser
def test_figures_explorer_chart_text_lies_inside_the_chart(chromium):
    """Every text element of the chart (title, labels, values, legend) is drawn inside the
    chart's bounds at a notebook's width: nothing is cut off or spills out."""
    box = widgets.figures_explorer()
    box.unit.value = "(all)"
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    try:
        for width in NOTEBOOK_WIDTHS:
            page.set_content(f'<html lang="en"><body style="margin:0">'
                             f'<div id="chart" style="width:{width}px">{box.chart.value}</div>'
                             "</body></html>")
            assert page.evaluate("document.querySelectorAll('#chart tr.bar').length") == len(
                box.selection.dropna(subset=["value"]))
            assert page.evaluate(TEXT_OUTSIDE, width) == [], width
            overflow = page.evaluate("(() => { const b = document.querySelector('#chart');"
                                     " return b.scrollWidth - b.clientWidth; })()")
            assert overflow <= 0, (width, overflow)
        # The check sees a label that spills out of the chart (so it can fail).
        page.set_content('<div id="chart" style="width:100px"><span style="white-space:'
                         'nowrap">a label far too long for its chart</span></div>')
        assert page.evaluate(TEXT_OUTSIDE, 100)
    finally:
        page.close()
