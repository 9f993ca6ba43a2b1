"""Vocabulary decks to take away: an Anki deck and a Pleco flashcard file for a lesson's
paragraphs or the whole report, from data/vocab.csv (made by scripts/make_vocab.py).

    python3 course.py vocab [--lesson NN] [--level L] [--out DIR] [--force]

One note per word, in the order the words first occur; the example is the paragraph where
the word first occurs, with our English of it. The English of a word is the course's own
(terms.csv, slogans.csv) where the course has it, else CC-CEDICT's: a deck holding any
CC-CEDICT gloss says so, and is shared under CC BY-SA 4.0 like the dictionary.

Which paragraphs belong to a lesson: those the lesson cites by paragraph id (pid) in its
prose, e.g. "(1.3.4)" or "row 0.6", read from the lesson notebook when the deck is made.
"""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import data, manifest
from .paths import ROOT

LEVELS = ("1", "2", "3", "4", "5", "6", "7-9")
CEDICT_LICENCE = ("Glosses marked CC-CEDICT are from CC-CEDICT (MDBG, cc-cedict.org), "
                  "licensed CC BY-SA 4.0; so this deck is shared under CC BY-SA 4.0 "
                  "(https://creativecommons.org/licenses/by-sa/4.0/).")
COURSE_CREDIT = ("From the course 'Counterpart support: reading Shanghai's 2022 report': "
                 "words and paragraphs of the Shanghai Municipal Government's report on "
                 "East-West cooperation and counterpart support (2022); English and word "
                 "lists by the course authors, CC BY 4.0.")
PLECO_NEWLINE = "\ueab1"      # the line break Pleco uses inside a definition

# Fixed so that a re-imported deck updates its notes instead of adding a new note type.
MODEL_ID = 1607392319


class VocabError(ValueError):
    """A request for a deck that cannot be met (unknown lesson, existing file, ...)."""


@dataclass(frozen=True)
class Card:
    """One word to learn, with its example paragraph."""

    word: str
    pinyin: str
    english: str
    source: str         # "course" or "CC-CEDICT"
    level: str          # "1" … "6", "7-9", or "" (in neither HSK list)
    pid: str
    example: str        # the paragraph, in Chinese
    example_en: str     # our English of the paragraph


# ------------------------------------------------------------------ which paragraphs

_PID_TOKEN = re.compile(r"(?<![\w.])(0\.\d|[12](?:\.\d){1,2}|end\.\d)(?![\w]|\.\d)")


def lesson_pids(number: str) -> list[str]:
    """The paragraph ids lesson ``number`` cites in its prose (markdown cells), in report order."""
    lesson = _lesson(number)
    path = ROOT / lesson.lesson
    if not path.is_file():
        raise VocabError(f"{lesson.lesson} is missing: restore it with git")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    prose = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return cited_pids(prose, list(data.load("report")["pid"]))


def cited_pids(prose: str, pids: list[str]) -> list[str]:
    """The ``pids`` (in their order) that ``prose`` names as a token, e.g. "(1.3.4)" or
    "row 0.6"; the bare part numbers 1 and 2 are too common in prose to count."""
    cited = {m.group(1) for m in _PID_TOKEN.finditer(prose)}
    return [pid for pid in pids if pid in cited]


def _lesson(number: str):
    lessons = {lesson.number: lesson for lesson in manifest.lessons()}
    key = str(number).zfill(2)
    if key not in lessons:
        raise VocabError(f"there is no lesson {number!r}; the lessons are "
                         f"{', '.join(sorted(lessons))}")
    return lessons[key]


# ------------------------------------------------------------------ which words

def level_rank(level: str) -> int:
    """1 … 6, 7 for the 7-9 band, 10 for a word in neither HSK list."""
    return LEVELS.index(level) + 1 if level in LEVELS else 10


def parse_level(text: str) -> str:
    """'5' -> '5'; '7', '7-9', '8' or '9' -> '7-9'; anything else raises VocabError."""
    text = str(text).strip()
    if text in ("7", "8", "9", "7-9"):
        return "7-9"
    if text in LEVELS:
        return text
    raise VocabError(f"--level takes 1 to 6 or 7-9 (the HSK levels); not {text!r}")


def _toneless_and_tones(pinyin: str) -> tuple[str, tuple[int, ...]]:
    """('duikou', (4, 3)) for 'duìkǒu' and for CC-CEDICT's 'dui4 kou3' alike (neutral
    tones are left out, since only CC-CEDICT writes them)."""
    marks = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
    text = unicodedata.normalize("NFD", pinyin.lower().replace("u:", "ü"))
    letters, tones = [], []
    for ch in text:
        if ch in marks:
            tones.append(marks[ch])
        elif ch in "1234":
            tones.append(int(ch))
        elif ch.isalpha() or ch == "\u0308":
            letters.append(ch)
    return unicodedata.normalize("NFC", "".join(letters)), tuple(tones)


def cedict_entries() -> dict[str, list[tuple[str, str]]]:
    """{word: [(CC-CEDICT pinyin, gloss), ...]} from data/vocab_cedict.csv."""
    table = data.load("vocab_cedict")
    entries: dict[str, list[tuple[str, str]]] = {}
    for word, pinyin, gloss in zip(table["word"], table["pinyin"], table["gloss"]):
        entries.setdefault(word, []).append((pinyin, gloss))
    return entries


def cedict_gloss(word: str, pinyin: str, entries: dict[str, list[tuple[str, str]]]) -> str:
    """CC-CEDICT's senses of ``word``: those of the entries read as ``pinyin`` if any are,
    else of all its entries; '' when CC-CEDICT lacks the word."""
    found = entries.get(word, [])
    ours = _toneless_and_tones(pinyin)
    chosen = [e for e in found if _toneless_and_tones(e[0]) == ours] or found
    # CC-CEDICT capitalises the reading of a name (surname Dang): a common word keeps to
    # the common senses when there are any.
    common = [e for e in chosen if not e[0][:1].isupper()]
    if common and not pinyin[:1].isupper():
        chosen = common
    return " | ".join(gloss for _, gloss in chosen)


def cards(lesson: str | None = None, level: str | None = None) -> list[Card]:
    """The cards for a lesson's paragraphs (or the whole report), at ``level`` or above
    (words in neither HSK list always count as above). Words with no English are left out."""
    vocab = data.load("vocab")
    if lesson is not None:
        pids = lesson_pids(lesson)
        if not pids:
            raise VocabError(f"lesson {lesson} cites no paragraph of the report")
        vocab = vocab[vocab["pid"].isin(pids)]
    if level is not None:
        floor = level_rank(parse_level(level))
        vocab = vocab[[level_rank(lv or "") >= floor for lv in vocab["hsk_level"].fillna("")]]
    vocab = vocab.drop_duplicates("word")
    report = data.load_bilingual().set_index("pid")
    cedict = cedict_entries()
    out = []
    for row in vocab.itertuples():
        english, source = row.en, "course"
        if not isinstance(english, str):      # pandas gives <NA> for an empty cell
            english, source = cedict_gloss(row.word, row.pinyin, cedict), "CC-CEDICT"
        if not english:
            continue
        out.append(Card(row.word, row.pinyin, english, source,
                        row.hsk_level if isinstance(row.hsk_level, str) else "",
                        row.pid, report.at[row.pid, "zh"], report.at[row.pid, "en"]))
    return out


# ------------------------------------------------------------------ the two files

def deck_name(lesson: str | None, level: str | None) -> str:
    """'Counterpart report vocabulary · lesson 04 · HSK 5 and above'."""
    name = "Counterpart report vocabulary"
    if lesson is not None:
        name += f" · lesson {str(lesson).zfill(2)}"
    if level is not None:
        name += f" · HSK {parse_level(level)} and above"
    return name


def file_stem(lesson: str | None, level: str | None) -> str:
    """'counterpart-vocab-lesson04-hsk5': the deck's file names without their suffix."""
    stem = "counterpart-vocab"
    if lesson is not None:
        stem += f"-lesson{str(lesson).zfill(2)}"
    if level is not None:
        stem += f"-hsk{parse_level(level)}"
    return stem


def _stable_id(text: str) -> int:
    """An Anki id that stays the same for the same deck, so a re-import updates it."""
    return 1 << 30 | int(hashlib.sha256(text.encode()).hexdigest(), 16) % (1 << 30)


def _highlight(paragraph: str, word: str) -> str:
    return html.escape(paragraph).replace(html.escape(word), f"<b>{html.escape(word)}</b>")


def licence_note(items: list[Card]) -> str:
    """What the deck's description says about where it comes from and its licence."""
    if any(card.source == "CC-CEDICT" for card in items):
        return COURSE_CREDIT + " " + CEDICT_LICENCE
    return COURSE_CREDIT


FIELDS = ["Word", "Pinyin", "English", "Source", "Level", "Example", "ExampleEnglish", "Pid"]


def write_anki(items: list[Card], path: Path, name: str) -> None:
    """Write an Anki package (.apkg): one note per card, two cards per note (Chinese to
    English, English to Chinese)."""
    import genanki

    back = ("{{FrontSide}}<hr id=answer>"
            "<div class=pinyin>{{Pinyin}}</div><div>{{English}}</div>"
            "<p class=example lang=zh-Hans>{{Example}}</p><p class=example>{{ExampleEnglish}}</p>"
            "<div class=source>paragraph {{Pid}} · HSK {{Level}} · {{Source}}</div>")
    model = genanki.Model(
        MODEL_ID, "Counterpart report word",
        fields=[{"name": f} for f in FIELDS],
        templates=[
            {"name": "Chinese to English",
             "qfmt": "<div class=word lang=zh-Hans>{{Word}}</div>",
             "afmt": back},
            {"name": "English to Chinese",
             "qfmt": "<div>{{English}}</div>",
             "afmt": "{{FrontSide}}<hr id=answer><div class=word lang=zh-Hans>{{Word}}</div>"
                     + back.split("<hr id=answer>", 1)[1]},
        ],
        css=(".card {font-family: sans-serif; font-size: 20px; text-align: center;} "
             ".word {font-size: 40px;} .example {text-align: left; font-size: 16px;} "
             ".source {font-size: 12px; color: #555;}"))
    deck = genanki.Deck(_stable_id(name), name, description=html.escape(licence_note(items)))
    for card in items:
        source = "CC-CEDICT (CC BY-SA 4.0)" if card.source == "CC-CEDICT" else "course"
        deck.add_note(genanki.Note(
            model=model,
            fields=[html.escape(card.word), html.escape(card.pinyin), html.escape(card.english),
                    source, card.level or "none", _highlight(card.example, card.word),
                    html.escape(card.example_en), card.pid],
            guid=genanki.guid_for("counterpart", card.word)))
    genanki.Package(deck).write_to_file(str(path))


def pleco_text(items: list[Card], name: str) -> str:
    """A Pleco flashcard import file: a category line (//name), then one card per line,
    word TAB pinyin TAB definition; the example goes into the definition on its own lines."""
    lines = [f"//{name}"]
    for card in items:
        tag = " [CC-CEDICT, CC BY-SA 4.0]" if card.source == "CC-CEDICT" else ""
        definition = PLECO_NEWLINE.join([
            card.english + tag,
            f"({card.pid}) {card.example}",
            card.example_en])
        lines.append("\t".join(_one_line(x) for x in (card.word, card.pinyin, definition)))
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return re.sub(r"[\t\r\n]+", " ", text)


def write_decks(out: Path, lesson: str | None = None, level: str | None = None,
                force: bool = False) -> tuple[list[Path], list[Card]]:
    """Write the Anki deck and the Pleco file into ``out``; refuse to replace either file
    unless ``force`` (nothing is written then). Returns the two paths and the cards."""
    if level is not None:
        level = parse_level(level)
    items = cards(lesson, level)
    if not items:
        raise VocabError("no words match: try a lower --level")
    name, stem = deck_name(lesson, level), file_stem(lesson, level)
    out = Path(out)
    anki, pleco = out / f"{stem}.apkg", out / f"{stem}-pleco.txt"
    existing = [p for p in (anki, pleco) if p.exists()]
    if existing and not force:
        raise VocabError(f"{', '.join(str(p) for p in existing)} already exists: nothing "
                         f"written. Use --force to replace, or --out for another folder.")
    out.mkdir(parents=True, exist_ok=True)
    write_anki(items, anki, name)
    pleco.write_text(pleco_text(items, name), encoding="utf-8")
    return [anki, pleco], items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="course.py vocab",
        description="Write an Anki deck and a Pleco flashcard file of the report's words.")
    parser.add_argument("--lesson", help="only the paragraphs this lesson cites (e.g. 04)")
    parser.add_argument("--level", help="only words at this HSK level or above "
                                        "(1-6 or 7-9; words in no HSK list always count)")
    parser.add_argument("--out", default=str(ROOT / "my-work" / "decks"),
                        help="the folder to write into (default: my-work/decks)")
    parser.add_argument("--force", action="store_true", help="replace existing deck files")
    args = parser.parse_args(argv)
    try:
        paths, items = write_decks(Path(args.out), args.lesson, args.level, args.force)
    except VocabError as err:
        print(f"[course] {err}", file=sys.stderr)
        return 1
    print(f"[course] {len(items)} words")
    for path in paths:
        print(f"[course] wrote {path}")
    if any(card.source == "CC-CEDICT" for card in items):
        print("[course] some glosses are CC-CEDICT's: share these decks under CC BY-SA 4.0")
    return 0


if __name__ == "__main__":
    sys.exit(main())
