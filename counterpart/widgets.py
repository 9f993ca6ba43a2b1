"""Interactive widgets: each function returns a ready widget to display in a notebook.

Every widget keeps its working parts as attributes (``.picker``, ``.display``, ...) so a test
can set a value, fire the callbacks and read what a student would see, without a browser.
"""
import html
import random

import ipywidgets as widgets
import pandas as pd

from . import numbers, text
from .data import load, load_bilingual
from .plots import PALETTE, new_axes, png

QUALIFIER_WORDS = {"exact": "", "more_than": "more than ", "about": "about ",
                   "nearly": "nearly ", "unstated": ""}


def _esc(value):
    return html.escape("" if value is None else str(value))


# --- Self-check (00_start_here) -------------------------------------------------------------

def _term_html(row):
    return (f'<div class="term-card"><span style="font-size:2em">{_esc(row["zh"])}</span>'
            f'<br><i>{_esc(row["pinyin"])}</i><br>{_esc(row["en"])}</div>')


def term_picker(terms=("对口支援", "东西部协作", "对口帮扶", "民族团结")):
    """Pick a term and see its characters, pinyin and English."""
    table = load("terms").set_index("zh", drop=False)
    missing = [t for t in terms if t not in table.index]
    if missing:
        raise ValueError(f"not in data/terms.csv: {', '.join(missing)}")
    picker = widgets.Dropdown(options=list(terms), value=terms[0], description="Term")
    display = widgets.HTML(_term_html(table.loc[terms[0]]))

    def show(change):
        display.value = _term_html(table.loc[change["new"]])

    picker.observe(show, names="value")
    box = widgets.VBox([picker, display])
    box.picker, box.display = picker, display
    return box


# --- Bilingual reader -------------------------------------------------------------------------

def _highlight(zh, marks):
    """Escape ``zh`` and wrap each (quote, css class, tooltip) in a <mark>, longest first."""
    spans = []
    plain = text.normalise(zh)
    for quote, css, tip in sorted(marks, key=lambda m: -len(m[0])):
        start = plain.find(text.normalise(quote))
        if start >= 0 and not any(s < start + len(quote) and start < e for s, e, *_ in spans):
            spans.append((start, start + len(quote), css, tip))
    out, pos = [], 0
    for start, end, css, tip in sorted(spans):
        out.append(_esc(zh[pos:start]))
        out.append(f'<mark class="{css}" title="{_esc(tip)}">{_esc(zh[start:end])}</mark>')
        pos = end
    out.append(_esc(zh[pos:]))
    return "".join(out)


def _paragraph_marks(pid, zh, slogans, figures):
    marks = []
    for _, s in slogans.iterrows():
        if text.contains(zh, s["zh"]):
            marks.append((s["zh"], "slogan", f'{s["pinyin"]}: {s["en"]}'))
    for _, f in figures[figures["pid"] == pid].iterrows():
        marks.append((f["zh_quote"], "figure", f'{f["counts"]} ({f["fid"]})'))
    return marks


def bilingual_reader():
    """Choose a section and paragraph: Chinese and our English side by side, with glosses."""
    rows = load_bilingual()
    slogans, figures, notes = load("slogans"), load("figures"), load("translation_notes")
    headings = rows[rows["kind"] == "heading"].set_index("section")
    sections = []
    for section in dict.fromkeys(rows["section"]):
        if section in headings.index:
            name = f'{headings.loc[section, "label"]} {headings.loc[section, "en"]}'
        else:
            name = {"front": "Opening", "end": "Closing"}.get(section, section)
        sections.append((name[:70], section))
    section_pick = widgets.Dropdown(options=sections, description="Section",
                                    layout=widgets.Layout(width="95%"))
    paragraph_pick = widgets.Dropdown(description="Paragraph")
    glosses = widgets.ToggleButton(value=False, description="Show glosses",
                                   tooltip="List the slogans and figures in this paragraph")
    display = widgets.HTML()

    def paragraphs_of(section):
        part = rows[rows["section"] == section]
        return [(f'{p} ({k})', p) for p, k in zip(part["pid"], part["kind"])]

    def render(*_):
        pid = paragraph_pick.value
        if pid is None:
            return
        row = rows.set_index("pid").loc[pid]
        marks = _paragraph_marks(pid, row["zh"], slogans, figures)
        parts = [
            '<table style="width:100%;table-layout:fixed"><tr>'
            f'<td style="vertical-align:top;padding:6px" lang="zh-Hans">'
            f'{_highlight(row["zh"], marks)}</td>'
            f'<td style="vertical-align:top;padding:6px" lang="en">{_esc(row["en"])}</td>'
            '</tr></table>',
            f'<p><small>pid {pid} · <mark class="slogan">slogan</mark> '
            f'<mark class="figure">figure</mark> · hover over a highlight for its gloss'
            '</small></p>']
        if glosses.value:
            items = "".join(f"<li><b>{_esc(q)}</b>: {_esc(tip)}</li>" for q, _, tip in marks)
            parts.append(f"<ul>{items or '<li>No slogans or figures here.</li>'}</ul>")
        for _, n in notes[notes["pid"] == pid].iterrows():
            parts.append(
                f'<p class="translation-note"><b>Translation note ({_esc(n["issue_type"])}):'
                f'</b> {_esc(n["zh"])}: the blog translation has "{_esc(n["published_en"])}". '
                f'{_esc(n["explanation"])} Our suggestion: "{_esc(n["suggested_en"])}"</p>')
        display.value = "".join(parts)

    def change_section(change):
        options = paragraphs_of(change["new"])
        paragraph_pick.options = options
        paragraph_pick.value = options[0][1]

    section_pick.observe(change_section, names="value")
    paragraph_pick.observe(render, names="value")
    glosses.observe(render, names="value")
    change_section({"new": section_pick.value})
    box = widgets.VBox([section_pick, widgets.HBox([paragraph_pick, glosses]), display])
    box.section, box.paragraph, box.glosses, box.display = (section_pick, paragraph_pick,
                                                            glosses, display)
    return box


# --- Slogan flashcards and quiz ---------------------------------------------------------------

def flashcards(seed=0, only_in_report=True):
    """Characters first; reveal pinyin, English and meaning. Quiz mode keeps a score."""
    cards = load("slogans")
    if only_in_report:
        cards = cards[cards["in_report"]]
    cards = cards.reset_index(drop=True)
    rng = random.Random(seed)
    order = list(range(len(cards)))
    rng.shuffle(order)
    state = {"pos": 0, "right": 0, "asked": 0, "answered": False}

    front = widgets.HTML()
    back = widgets.HTML()
    reveal = widgets.Button(description="Reveal", icon="eye")
    following = widgets.Button(description="Next card", icon="arrow-right")
    quiz_mode = widgets.ToggleButton(description="Quiz mode", value=False)
    choices = widgets.RadioButtons(options=[], layout=widgets.Layout(width="95%"))
    check = widgets.Button(description="Check", button_style="primary")
    score = widgets.HTML()
    feedback = widgets.HTML()

    def card():
        return cards.iloc[order[state["pos"]]]

    def options_for(row):
        others = [g for g in cards["en"] if g != row["en"]]
        picked = random.Random(f'{seed}-{row["zh"]}').sample(others, min(3, len(others)))
        options = picked + [row["en"]]
        random.Random(f'{seed}-{row["zh"]}-order').shuffle(options)
        return options

    def show_front():
        row = card()
        front.value = (f'<div style="font-size:2.2em" lang="zh-Hans">{_esc(row["zh"])}</div>'
                       f'<small>card {state["pos"] + 1} of {len(cards)}</small>')
        back.value = ""
        feedback.value = ""
        state["answered"] = False
        choices.options = options_for(row)
        choices.value = None
        score.value = f'Score: {state["right"]} / {state["asked"]}' if quiz_mode.value else ""
        choices.layout.display = check.layout.display = "" if quiz_mode.value else "none"

    def show_back(*_):
        row = card()
        standard = ("" if pd.isna(row["standard_en"]) else
                    f'<br>Established rendering: {_esc(row["standard_en"])}')
        back.value = (f'<i>{_esc(row["pinyin"])}</i><br><b>{_esc(row["en"])}</b>{standard}'
                      f'<br>{_esc(row["meaning"])}')

    def advance(*_):
        state["pos"] = (state["pos"] + 1) % len(cards)
        show_front()

    def grade(*_):
        if choices.value is None:
            feedback.value = "Choose one of the English glosses first."
            return
        if state["answered"]:
            feedback.value = "Already scored: press Next card for another."
            return
        state["answered"] = True
        state["asked"] += 1
        if choices.value == card()["en"]:
            state["right"] += 1
            feedback.value = "✔ Correct."
        else:
            feedback.value = "✘ Not this one. Press Reveal to see the gloss and meaning."
        score.value = f'Score: {state["right"]} / {state["asked"]}'

    reveal.on_click(show_back)
    following.on_click(advance)
    check.on_click(grade)
    quiz_mode.observe(lambda _: show_front(), names="value")
    show_front()
    box = widgets.VBox([quiz_mode, front, widgets.HBox([reveal, following]), back, choices,
                        check, feedback, score])
    box.front, box.back, box.reveal, box.next, box.quiz_mode = (front, back, reveal,
                                                                following, quiz_mode)
    box.choices, box.check, box.feedback, box.score = choices, check, feedback, score
    box.current = card
    return box


# --- Figures explorer -------------------------------------------------------------------------

def _value_text(row):
    if pd.isna(row["value"]):
        return "no number given"
    return f'{QUALIFIER_WORDS[row["qualifier"]]}{row["value"]:,.0f} {row["unit"]}'


def figures_explorer():
    """Filter the report's figures; a chart that updates, and the quote behind each bar."""
    figures = load("figures")
    any_ = "(all)"
    unit = widgets.Dropdown(options=sorted(set(figures["unit"])), value="count",
                            description="Unit")
    category = widgets.Dropdown(options=[any_] + sorted(set(figures["category"])),
                                description="Category")
    per_time = widgets.Dropdown(options=[(any_, any_), ("person-times etc.", True),
                                         ("distinct things", False)], description="Counts")
    issue = widgets.Dropdown(options=[any_] + sorted(set(figures["translation_issue"])),
                             description="Translation")
    chart = widgets.Image(format="png", layout=widgets.Layout(width="95%"))
    table = widgets.HTML()
    box = widgets.VBox([widgets.HBox([unit, category]), widgets.HBox([per_time, issue]),
                        chart, table])

    def selected():
        chosen = figures[figures["unit"] == unit.value]
        if category.value != any_:
            chosen = chosen[chosen["category"] == category.value]
        if per_time.value != any_:
            chosen = chosen[chosen["per_time"] == per_time.value]
        if issue.value != any_:
            chosen = chosen[chosen["translation_issue"] == issue.value]
        return chosen

    def update(*_):
        chosen = selected()
        box.selection = chosen
        rows = "".join(
            f'<tr><td>{_esc(r["fid"])}</td><td>{_esc(r["pid"])}</td>'
            f'<td lang="zh-Hans">{_esc(r["zh_quote"])}</td><td>{_esc(_value_text(r))}</td>'
            f'<td>{_esc(r["counts"])}</td></tr>' for _, r in chosen.iterrows())
        table.value = (f"<p>{len(chosen)} figure(s).</p><table><tr><th>fid</th><th>pid</th>"
                       f"<th>Chinese</th><th>value</th><th>what is counted</th></tr>{rows}"
                       "</table>")
        plotted = chosen.dropna(subset=["value"])
        if plotted.empty:
            box.axes = None
            chart.layout.display = "none"
            table.value += "<p>No figure with a number matches these filters.</p>"
            return
        ax = new_axes((7, 0.35 * len(plotted) + 1.2))
        labels = [f'{r["fid"]} {r["counts"][:40]}' for _, r in plotted.iterrows()]
        colours = [PALETTE[1] if pt else PALETTE[0] for pt in plotted["per_time"]]
        ax.barh(labels, plotted["value"].astype(float), color=colours)
        ax.invert_yaxis()
        ax.set_xscale("log")
        ax.set_xlabel(f"Value ({unit.value}, log scale)")
        ax.set_title("Figures the report states (orange: counted per time)")
        ax.figure.tight_layout()
        box.axes = ax
        chart.value = png(ax.figure)
        chart.layout.display = ""

    for w in (unit, category, per_time, issue):
        w.observe(update, names="value")
    update()
    box.unit, box.category, box.per_time, box.issue = unit, category, per_time, issue
    box.chart, box.table = chart, table
    return box


# --- Number converter -------------------------------------------------------------------------

def convert_html(typed):
    """What the converter shows for one typed amount (also used by the checks)."""
    if not str(typed).strip():
        return "<p>Type an amount such as 600多亿元 or 约40万人次.</p>"
    amount = numbers.try_parse(typed)
    if amount is None:
        return (f"<p>Could not read <b>{_esc(typed)}</b> as an amount. Try a number with "
                "its unit, such as 8万亩, 近4200人次 or 2.8亿元.</p>")
    value = "no number given" if amount.value is None else f"{amount.value:,.0f}"
    return (f"<p><b>{_esc(amount.text)}</b></p><ul>"
            f"<li>value: {value} ({_esc(amount.unit)})</li>"
            f"<li>qualifier: {_esc(amount.qualifier.replace('_', ' '))}</li>"
            f"<li>counted per time: {'yes' if amount.per_time else 'no'}</li></ul>"
            f"<p>{_esc(amount.explanation)}</p>")


def number_converter(initial="600多亿元"):
    """Type a Chinese amount and see its value, qualifier and an explanation."""
    box_text = widgets.Text(value=initial, description="Amount", continuous_update=True,
                            placeholder="e.g. 约40万人次")
    display = widgets.HTML(convert_html(initial))
    box_text.observe(lambda change: setattr(display, "value", convert_html(change["new"])),
                     names="value")
    box = widgets.VBox([box_text, display])
    box.text, box.display = box_text, display
    return box


# --- Workbook answers -------------------------------------------------------------------------

def choice_question(options, check):
    """Multiple choice as a widget: pick an option, press Check, read the feedback.

    ``check`` is a workbook check taking the chosen letter ("a", "b", ...) and returning
    Feedback; the widget never shows the expected answer, only what the check says.
    """
    letters = "abcdefgh"
    pick = widgets.RadioButtons(options=[(f"{letters[i]}) {o}", letters[i])
                                         for i, o in enumerate(options)],
                                value=None, layout=widgets.Layout(width="95%"))
    button = widgets.Button(description="Check", button_style="primary")
    feedback = widgets.HTML("<i>Choose an answer, then press Check.</i>")

    def on_check(_):
        result = check(pick.value if pick.value is not None else ...)
        feedback.value = f'<pre style="white-space:pre-wrap">{_esc(result.message)}</pre>'

    button.on_click(on_check)
    box = widgets.VBox([pick, button, feedback])
    box.pick, box.button, box.feedback = pick, button, feedback
    return box
