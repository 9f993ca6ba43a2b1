"""One term, one English: terms.csv, slogans.csv and report_en.csv agree wherever they overlap.

Three overlaps are checked:
(a) a slogan that is itself a listed term carries the term's English;
(b) a listed term inside a longer slogan keeps its English inside the slogan's gloss;
(c) a named programme or campaign that the report names keeps its English in our translation.
Deliberate exceptions are listed below, each with its reason. Lesson 03 must name every formula
whose established English our translation does not use (d).
"""
import json
import re

from counterpart.data import load
from counterpart.paths import ROOT
from counterpart.text import contains

TERMS = load("terms")
SLOGANS = load("slogans")
REPORT = load("report")
EN_BY_PID = dict(zip(load("report_en")["pid"], load("report_en")["en"]))


def flat(text):
    """Compare without case, quotation marks, italics or hyphens; drop a leading 'the'."""
    text = re.sub(r"[*'\"‘’“”]", "", str(text).lower())
    text = re.sub(r"[-\u2010\u2011\u2013\u2014]", " ", text)
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


def without_brackets(text):
    return " ".join(re.sub(r"\([^)]*\)", " ", text).split())


# (b) term inside a slogan: (term zh, slogan sid) pairs where the gloss may differ, with why.
INSIDE_EXCEPTIONS = {}

# (c) named programmes whose English in report_en differs from the glossary, with why.
PROGRAMME_EXCEPTIONS = {
    # the period's name stands as an adjective in our translation: "'13th Five-Year' plans"
    "SL55": "adjective in running text",
    "SL56": "adjective in running text",
    # the umbrella abbreviation: checked term by term in test_translation.py
    "SL03": "checked by the term list",
}

# (d) formulas with an established English (standard_en) that our translation does not use,
# because the established English is not a name: lesson 03 need not discuss these.
NOT_A_NAME = {"四个不摘"}


def rows_with(zh):
    return [pid for pid, text in zip(REPORT["pid"], REPORT["zh"]) if contains(text, zh)]


def same_term_mismatches(terms, slogans):
    en = dict(zip(terms["zh"], terms["en"]))
    return [(s.sid, s.zh) for s in slogans.itertuples()
            if s.zh in en and flat(en[s.zh]) not in flat(s.en)]


def inside_mismatches(terms, slogans):
    found = []
    for s in slogans.itertuples():
        for zh, en in zip(terms["zh"], terms["en"]):
            if (len(zh) > 1 and zh != s.zh and zh in s.zh and (zh, s.sid) not in INSIDE_EXCEPTIONS
                    and flat(en) not in flat(s.en)):
                found.append((s.sid, zh))
    return found


def programme_mismatches(slogans, en_by_pid):
    found = []
    for s in slogans.itertuples():
        if s.kind != "programme" or s.sid in PROGRAMME_EXCEPTIONS:
            continue
        gloss = flat(without_brackets(s.en))
        found += [(s.sid, pid) for pid in rows_with(s.zh) if gloss not in flat(en_by_pid[pid])]
    return found


def test_a_slogan_that_is_a_term_has_the_terms_english():
    assert same_term_mismatches(TERMS, SLOGANS) == []


def test_a_term_keeps_its_english_inside_a_longer_slogan():
    assert inside_mismatches(TERMS, SLOGANS) == []


def test_named_programmes_read_the_same_in_the_glossary_and_our_translation():
    assert programme_mismatches(SLOGANS, EN_BY_PID) == []


def test_the_checks_notice_a_changed_gloss():
    changed = SLOGANS.copy()
    changed.loc[changed["zh"] == "广泛交往、全面交流、深度交融",
                "en"] = "wide contact, deep blending"
    changed.loc[changed["zh"] == "小胡杨", "en"] = "Little Desert Poplar"
    assert ("SL35", "交融") in inside_mismatches(TERMS, changed)
    assert ("SL44", "1.4.4") in programme_mismatches(changed, EN_BY_PID)
    terms = TERMS.copy()
    terms.loc[terms["zh"] == "摘帽", "en"] = "hat"
    changed.loc[changed["zh"] == "摘帽", "en"] = "take off"
    assert any(zh == "摘帽" for _, zh in same_term_mismatches(terms, changed))


def test_every_exception_is_still_needed_and_names_a_real_row():
    sids = set(SLOGANS["sid"])
    assert set(PROGRAMME_EXCEPTIONS) <= sids
    assert all(sid in sids and zh in set(TERMS["zh"]) for zh, sid in INSIDE_EXCEPTIONS)


def departures_from_established_english(slogans, en_by_pid):
    """Formulas in the report whose established English our translation does not use."""
    found = set()
    for s in slogans.itertuples():
        if not isinstance(s.standard_en, str) or not s.in_report:
            continue
        forms = [flat(form) for form in s.standard_en.split(" / ")]
        for pid in rows_with(s.zh):
            if not any(form in flat(en_by_pid[pid]) for form in forms):
                found.add(s.zh)
    return found - NOT_A_NAME


def lesson_03_markdown():
    path = ROOT / "notebooks" / "03_slogans_and_political_language.ipynb"
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def test_lesson_03_names_every_formula_where_we_depart_from_the_established_english():
    departures = departures_from_established_english(SLOGANS, EN_BY_PID)
    assert departures, "no departures: then lesson 03 must not claim any"
    text = lesson_03_markdown()
    unnamed = sorted(zh for zh in departures if zh not in text)
    assert unnamed == [], f"lesson 03 does not name these departures: {unnamed}"
