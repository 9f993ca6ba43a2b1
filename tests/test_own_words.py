"""Our own words: no run of words in our English (the rendering, the tables, the lessons) is
copied from the blog translation. Facts and names carry over; sentences do not."""
import json
import re

import pytest

from counterpart.data import load
from counterpart.paths import ROOT

SEED = ROOT.parent / "shared" / "seed" / "000_9370aca5d40441e1.txt"
RUN = 8   # words in a row that would amount to a copied phrase, not a shared name or list


def words(text):
    return re.findall(r"[^\W_]+(?:'[^\W_]+)?", text.lower().replace("’", "'"))


def runs(text, n=RUN):
    w = words(text)
    return {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}


@pytest.fixture(scope="module")
def blog_runs():
    if not SEED.is_file():
        pytest.skip("the seed (../shared/seed/) is not beside this checkout")
    english = SEED.read_text(encoding="utf-8").split("关于东西部协作与对口支援情况的报告")[0]
    return runs(english)


def our_texts():
    for table, columns in {"report_en": ["en"], "terms": ["en", "note"],
                           "translation_notes": ["explanation", "suggested_en"],
                           "figures": ["counts", "note"], "evidence": ["why"]}.items():
        frame = load(table)
        for column in columns:
            for i, value in enumerate(frame[column].dropna()):
                yield f"{table}.csv {column} row {i + 2}", value
    for path in sorted(ROOT.glob("notebooks/*.ipynb")) + sorted(ROOT.glob("exercises/**/*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for i, cell in enumerate(nb["cells"]):
            if cell["cell_type"] == "markdown":
                yield f"{path.relative_to(ROOT).as_posix()} cell {i}", "".join(cell["source"])


def test_no_phrase_is_copied_from_the_blog(blog_runs):
    copied = []
    for where, text in our_texts():
        shared = runs(text) & blog_runs
        if shared:
            copied.append(f"{where}: “{sorted(shared)[0]}”")
    assert not copied, "wording taken from the blog translation:\n" + "\n".join(copied)


def test_the_check_would_see_a_copied_sentence(blog_runs):
    english = SEED.read_text(encoding="utf-8")
    sentence = "China has been spending vast amounts of money on rural development in western China"
    assert sentence in english and runs(sentence) & blog_runs
