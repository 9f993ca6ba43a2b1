"""Vocabulary decks (counterpart.vocab, `course.py vocab`): the Anki deck is read back from its
SQLite database, the Pleco file parses, and no deck is overwritten without --force."""
import json
import sqlite3
import sys
import zipfile

import pytest

from counterpart import data, vocab
from counterpart.paths import ROOT

sys.path.insert(0, str(ROOT))
import course  # noqa: E402


def read_anki(path, tmp_path):
    """(notes as {field: value} dicts, number of cards, the deck's description) of an .apkg."""
    with zipfile.ZipFile(path) as package:
        package.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        notes = [dict(zip(vocab.FIELDS, flds.split("\x1f")))
                 for (flds,) in db.execute("select flds from notes order by id")]
        n_cards = db.execute("select count(*) from cards").fetchone()[0]
        decks = json.loads(db.execute("select decks from col").fetchone()[0])
    finally:
        db.close()
    descriptions = [d["desc"] for d in decks.values() if d["name"] != "Default"]
    return notes, n_cards, descriptions


def read_pleco(path):
    """(categories, [(word, pinyin, definition)]) of a Pleco import file; fails on a bad line."""
    categories, entries = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("//"):
            categories.append(line[2:])
        elif line.strip():
            fields = line.split("\t")
            assert len(fields) == 3 and all(fields), f"line {n}: {line!r}"
            entries.append(tuple(fields))
    return categories, entries


def expected_words(lesson, floor):
    """The words a deck should hold, worked out here from the tables directly."""
    table = data.load("vocab")
    pids = vocab.lesson_pids(lesson)
    cedict_words = set(data.load("vocab_cedict")["word"])
    words = []
    for pid, word, level, en in zip(table["pid"], table["word"], table["hsk_level"], table["en"]):
        rank = 10 if not isinstance(level, str) else 7 if level == "7-9" else int(level)
        if pid in pids and rank >= floor and word not in words and (
                isinstance(en, str) or word in cedict_words):
            words.append(word)
    return words


@pytest.fixture(scope="module")
def deck04(tmp_path_factory):
    out = tmp_path_factory.mktemp("decks")
    paths, items = vocab.write_decks(out, lesson="04", level="6")
    return paths, items


def test_anki_deck_holds_the_expected_notes(deck04, tmp_path):
    (anki, _), items = deck04
    assert anki.name == "counterpart-vocab-lesson04-hsk6.apkg"
    notes, n_cards, descriptions = read_anki(anki, tmp_path)
    assert [n["Word"] for n in notes] == expected_words("04", 6) == [c.word for c in items]
    assert n_cards == 2 * len(notes)             # Chinese to English and back
    for note in notes:
        assert note["Level"] in ("6", "7-9", "none")
        assert f"<b>{note['Word']}</b>" in note["Example"]
        zh = data.load("report").set_index("pid").at[note["Pid"], "zh"]
        assert note["Example"].replace("<b>", "").replace("</b>", "") == zh
    # a course term keeps the course's English; any other word has CC-CEDICT's, marked
    by_word = {n["Word"]: n for n in notes}
    terms = data.load("terms").set_index("zh")
    term = next(w for w in by_word if w in terms.index)
    assert by_word[term]["English"] == terms.at[term, "en"]
    assert by_word[term]["Source"] == "course"
    assert any(n["Source"] == "CC-CEDICT (CC BY-SA 4.0)" for n in notes)
    assert len(descriptions) == 1 and "CC BY-SA 4.0" in descriptions[0]


def test_pleco_file_parses_and_matches_the_deck(deck04):
    (_, pleco), items = deck04
    categories, entries = read_pleco(pleco)
    assert categories == ["Counterpart report vocabulary · lesson 04 · HSK 6 and above"]
    assert [e[0] for e in entries] == [c.word for c in items]
    for (_word, pinyin, definition), card in zip(entries, items, strict=True):
        english, example, example_en = definition.split(vocab.PLECO_NEWLINE)
        assert pinyin == card.pinyin and english.startswith(card.english)
        assert english.endswith("[CC-CEDICT, CC BY-SA 4.0]") == (card.source == "CC-CEDICT")
        assert example == f"({card.pid}) {card.example}"


def test_a_deck_of_course_words_only_does_not_claim_cc_by_sa():
    items = [c for c in vocab.cards() if c.source == "course"]
    assert items and "CC BY-SA" not in vocab.licence_note(items)
    assert "CC BY-SA 4.0" in vocab.licence_note(vocab.cards(level="7-9"))


def test_existing_decks_are_kept_without_force(tmp_path):
    (tmp_path / "counterpart-vocab-hsk7-9-pleco.txt").write_text("my notes", encoding="utf-8")
    with pytest.raises(vocab.VocabError, match="already exists"):
        vocab.write_decks(tmp_path, level="7-9")
    # nothing written, the student's file untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["counterpart-vocab-hsk7-9-pleco.txt"]
    assert (tmp_path / "counterpart-vocab-hsk7-9-pleco.txt").read_text() == "my notes"
    paths, _ = vocab.write_decks(tmp_path, level="7-9", force=True)
    assert all(p.is_file() for p in paths)
    assert read_pleco(paths[1])[1]


def test_whole_report_deck_has_every_word_with_english():
    items = vocab.cards()
    table = data.load("vocab")
    assert len(items) == len({c.word for c in items})
    cedict_words = set(data.load("vocab_cedict")["word"])
    with_english = {w for w, en in zip(table["word"], table["en"])
                    if isinstance(en, str) or w in cedict_words}
    assert {c.word for c in items} == with_english


def test_cedict_gloss_follows_the_reading():
    cedict = vocab.cedict_entries()
    wei2, wei4 = vocab.cedict_gloss("为", "wéi", cedict), vocab.cedict_gloss("为", "wèi", cedict)
    assert wei2 != wei4 and "to act as" in wei2 and "for" in wei4
    assert "surname" not in vocab.cedict_gloss("党", "dǎng", cedict)
    assert vocab.cedict_gloss("没有这个词", "méi", cedict) == ""


@pytest.mark.parametrize("bad, message", [
    ({"lesson": "99"}, "there is no lesson '99'"),
    ({"level": "10"}, "--level takes 1 to 6 or 7-9"),
    ({"level": "hsk"}, "--level takes"),
])
def test_bad_requests_get_a_clear_message(tmp_path, bad, message):
    with pytest.raises(vocab.VocabError, match=message):
        vocab.write_decks(tmp_path, **bad)
    assert list(tmp_path.iterdir()) == []


def test_main_reports_an_error_without_a_traceback(tmp_path, capsys):
    assert vocab.main(["--lesson", "99", "--out", str(tmp_path)]) == 1
    assert "there is no lesson" in capsys.readouterr().err


def test_levels_parse():
    assert [vocab.parse_level(x) for x in ("1", " 6 ", "7", "8", "9", "7-9")] == \
        ["1", "6", "7-9", "7-9", "7-9", "7-9"]
    assert vocab.level_rank("7-9") == 7 and vocab.level_rank("") == 10


def test_cited_pids_reads_citations_not_other_numbers():
    prose = "See (1.3.4) and row 0.6; pids 2.1.1, end.2. Version 1.4.2.1, 3.14, 12.5, 2 parts."
    pids = ["0.6", "1.3.4", "1.4.2", "2", "2.1.1", "3.1", "end.2"]
    assert vocab.cited_pids(prose, pids) == ["0.6", "1.3.4", "2.1.1", "end.2"]


def test_every_lesson_cites_paragraphs_of_the_report():
    from counterpart import manifest
    pids = set(data.load("report")["pid"])
    for lesson in manifest.lessons():
        cited = vocab.lesson_pids(lesson.number)
        assert cited and set(cited) <= pids, lesson.number


def test_course_py_vocab_writes_then_refuses_to_overwrite(tmp_path, monkeypatch):
    monkeypatch.setattr(course, "ensure_env", lambda with_tests: sys.executable)
    course.main(["vocab", "--lesson", "4", "--level", "7", "--out", str(tmp_path)])
    written = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert sorted(written) == ["counterpart-vocab-lesson04-hsk7-9-pleco.txt",
                               "counterpart-vocab-lesson04-hsk7-9.apkg"]
    with pytest.raises(SystemExit) as stop:
        course.main(["vocab", "--lesson", "4", "--level", "7", "--out", str(tmp_path)])
    assert stop.value.code == 1
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == written
