"""The tables agree with each other: one term, one rendering; figures and translation notes
tell the same story about the blog translation."""
import pytest

from counterpart import numbers, text
from counterpart.data import load

FIGURE_ISSUES = ("omitted", "unit_lost", "mistranslated")


def squash(pinyin):
    return pinyin.replace(" ", "").lower()


def test_slogans_use_the_term_list_rendering_and_pinyin():
    terms = load("terms").set_index("zh")
    problems = []
    for _, slogan in load("slogans").iterrows():
        if slogan["zh"] in terms.index:
            term = terms.loc[slogan["zh"]]
            if term["en"].lower() not in slogan["en"].lower():
                problems.append(f'{slogan["zh"]}: slogans.csv “{slogan["en"]}” vs '
                                f'terms.csv “{term["en"]}”')
            if squash(term["pinyin"]) != squash(slogan["pinyin"]):
                problems.append(f'{slogan["zh"]}: pinyin {slogan["pinyin"]} vs {term["pinyin"]}')
    assert not problems, "\n".join(problems)


def _overlap(a, b):
    a, b = text.normalise(a), text.normalise(b)
    return a in b or b in a


def test_every_flagged_figure_has_a_matching_translation_note():
    notes = load("translation_notes")
    for _, figure in load("figures").iterrows():
        if figure["translation_issue"] == "none":
            continue
        match = notes[(notes["pid"] == figure["pid"])
                      & (notes["issue_type"] == figure["translation_issue"])
                      & notes["zh"].map(lambda z, f=figure: _overlap(z, f["zh_quote"]))]
        assert len(match), f'{figure["fid"]} is flagged {figure["translation_issue"]} ' \
                           "but no translation note says so"


def test_every_note_about_a_figure_is_flagged_on_that_figure():
    figures = load("figures")
    for _, note in load("translation_notes").iterrows():
        if note["issue_type"] not in FIGURE_ISSUES or not numbers.find_figures(note["zh"]):
            continue   # a note about words, not about a number
        same = figures[(figures["pid"] == note["pid"])
                       & figures["zh_quote"].map(lambda q, n=note: _overlap(q, n["zh"]))]
        for _, figure in same.iterrows():
            if any(text.normalise(span) in text.normalise(figure["zh_quote"])
                   for _, _, span in numbers.find_figures(note["zh"])):
                assert figure["translation_issue"] == note["issue_type"], (
                    f'{note["nid"]} says {note["issue_type"]} about {figure["fid"]}, '
                    f'which is flagged {figure["translation_issue"]}')


@pytest.mark.parametrize("table, column", [("figures", "pid"), ("translation_notes", "pid"),
                                           ("evidence", "pid")])
def test_every_pid_is_a_report_row(table, column):
    pids = set(load("report")["pid"])
    assert set(load(table)[column]) <= pids


def test_every_evidence_quote_is_in_its_paragraph():
    report = load("report").set_index("pid")
    for _, row in load("evidence").iterrows():
        assert text.contains(report.loc[row["pid"], "zh"], row["quote"]), (row["pid"],
                                                                            row["quote"])


KEY_TERMS = ("对口帮扶", "对口支援", "东西部协作", "民族团结")   # the terms the lessons turn on


def test_our_translation_notes_use_the_term_list_for_key_terms():
    terms = load("terms").set_index("zh")
    for _, note in load("translation_notes").iterrows():
        for zh in KEY_TERMS:
            if text.contains(note["zh"], zh):
                wanted = terms.loc[zh, "en"].lower()
                assert wanted in note["suggested_en"].lower().replace("-", " "), (
                    f'{note["nid"]} suggests “{note["suggested_en"]}” for {zh}; the term '
                    f'list says “{wanted}”')
