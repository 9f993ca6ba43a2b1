"""The patterns of official prose: constructions that carry the genre, found in the report by code.

Each pattern has a name, its Chinese form, a short description of what it does in the text,
and a rule (a regular expression, or a function for the one that needs the word lists).
``find`` returns every match with its paragraph id (pid) and its span in that paragraph's
``zh``, so every example can be checked against the report.

    >>> from counterpart import patterns
    >>> [(m.pid, m.text) for m in patterns.find("yi_wei")][:1]
    [('1.4.0', '以铸牢中华民族共同体意识为')]
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import pandas as pd

from . import data

# Marks that end a clause, in both the half-width forms the source uses and full-width ones.
_STOP = ",。;:!?,;:!?"
_CLAUSE = f"[^{_STOP}]"
_HAN = "[\u4e00-\u9fff]"
_LEAD = "围绕|聚焦|坚持|推动"
_NUMBER = r"\d[\d.,]*(?:多|余)?[万亿]*(?:多|余)?(?:所\(次\)|人次|场次|元|亩|个|家|所|人|次|项|批)?"


@dataclass(frozen=True)
class Pattern:
    """A construction of official prose and the rule that finds it."""

    name: str
    form: str                  # the construction as the course writes it, e.g. 以…为…
    description: str           # what it does, in a sentence or two
    spans: Callable[[str], Iterable[tuple[int, int]]]   # (start, end) of each match in a text


@dataclass(frozen=True)
class Match:
    """One occurrence of a pattern: paragraph id, span in that paragraph's zh, matched text."""

    pattern: str
    pid: str
    start: int
    end: int
    text: str


def _regex(expression: str) -> Callable[[str], Iterator[tuple[int, int]]]:
    compiled = re.compile(expression)
    return lambda text: (m.span() for m in compiled.finditer(text))


def _idiom_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where a four-character set phrase of the vocabulary occurs in ``text``."""
    for idiom in _idioms():
        for m in re.finditer(re.escape(idiom), text):
            yield m.span()


def _idioms() -> list[str]:
    """Four-character words of data/vocab.csv that jieba's dictionary tags as idioms."""
    vocab = data.load("vocab")
    return sorted({w for w, idiom in zip(vocab["word"], vocab["idiom"])
                   if idiom and re.fullmatch(f"{_HAN}{{4}}", w)})


PATTERNS: dict[str, Pattern] = {p.name: p for p in (
    Pattern(
        "yi_wei", "以…为…",
        "'Take X as Y': names what a piece of work is built on or steered by (以市场为导向, "
        "'market-oriented'); the Y is a small set of nouns such as 主线, 导向, 抓手, 代表. "
        "The match runs from 以 to 为 within one clause.",
        # 以 not in 可以, 所以, 予以 ...; not 以及, 以来, 以上 ...; 为 not in 为了, 为止
        _regex(rf"(?<![可所予加难用足得借])以(?![及来上下后前外内]){_CLAUSE}{{1,60}}?为(?![了止])")),
    Pattern(
        "ba_zuowei", "把…作为… / 将…作为…",
        "'Treat X as Y': raises a task to a rank (a priority, a battle, a political duty); "
        "the object comes first, marked by 把 or, more formally, 将. From 把/将 to 作为.",
        _regex(rf"[把将]{_CLAUSE}{{1,40}}?作为")),
    Pattern(
        "lead_verb", "围绕 / 聚焦 / 坚持 / 推动 + object",
        "A verb that sets the direction of the work (focus on, centre on, adhere to, "
        "push forward) and takes a long object; it opens a clause and says what the clause "
        "serves. The match is the verb and its object up to the next punctuation (at most "
        "16 characters).",
        # the object stops before the next lead verb (聚焦不返贫、聚焦可持续) and never ends on 、
        _regex(rf"(?:{_LEAD})(?:(?!{_LEAD}){_CLAUSE}){{0,15}}(?:(?!{_LEAD})[^{_STOP}、])")),
    Pattern(
        "enumeration", "一是…二是…",
        "'First…, second…': numbers the measures of a section. The report cuts a section "
        "into items this way, so each marker starts an item (pid x.y.1, x.y.2 …). The match "
        "is the marker at the start of a paragraph or after a stop.",
        _regex(rf"(?:^|(?<=[{_STOP}]))[一二三四五六七八九十]是")),
    Pattern(
        "cumulative", "累计 / 共 + number",
        "'In total, all told': marks a running total, usually with no period stated, so the "
        "number cannot be compared with a yearly one. From the marker to the first number "
        "and its unit.",
        _regex(rf"(?:累计|共计|共有|总共)(?:{_CLAUSE}{{0,30}}?){_NUMBER}")),
    Pattern(
        "four_character_series", "四字格 in series",
        "Two or more four-character phrases in a row, separated by 、 or a comma: the "
        "balanced rhythm of official prose, often a slogan (中央要求、当地所需、上海所能).",
        _regex(rf"(?:(?<=[{_STOP}、“”()\"])|^){_HAN}{{4}}(?:[、,,]{_HAN}{{4}})+"
               rf"(?=[{_STOP}、“”()\"]|$)")),
    Pattern(
        "four_character_phrase", "四字格 as a set phrase",
        "A four-character set phrase that jieba's dictionary tags as an idiom: classical "
        "成语 (因地制宜, 齐心协力) and the fixed phrases of official prose (贯彻落实, "
        "深入开展). Set phrases overlap where the report chains them (坚决贯彻落实).",
        _idiom_spans),
    Pattern(
        "long_attribute", "long attribute + 的 + noun",
        "A long modifier tied by 的 to the noun it describes: Chinese puts the whole "
        "description before the noun, where English follows it with a relative clause. The "
        "rule finds clauses with at least 12 characters before a 的; the match is the whole "
        "clause, which may also hold the verb and subject, so read where the modifier begins.",
        _regex(rf"(?:(?<=[{_STOP}])|^)[^{_STOP}的]{{12,}}的{_CLAUSE}+")),
)}


def find(name: str | None = None, rows: Iterable[tuple[str, str]] | None = None) -> list[Match]:
    """Every match of pattern ``name`` (or of all patterns) in ``rows`` of (pid, zh),
    by default the report's rows, in document order, then pattern order."""
    if name is not None and name not in PATTERNS:
        raise KeyError(f"no pattern {name!r}; the patterns are {', '.join(PATTERNS)}")
    if rows is None:
        report = data.load("report")
        rows = zip(report["pid"], report["zh"])
    chosen = [PATTERNS[name]] if name else list(PATTERNS.values())
    found = []
    for pid, zh in rows:
        for pattern in chosen:
            for start, end in sorted(set(pattern.spans(zh))):
                found.append(Match(pattern.name, pid, start, end, zh[start:end]))
    return found


def table(name: str | None = None) -> pd.DataFrame:
    """The matches of ``find`` as a DataFrame: pattern, pid, start, end, text."""
    columns = ["pattern", "pid", "start", "end", "text"]
    return pd.DataFrame([[m.pattern, m.pid, m.start, m.end, m.text] for m in find(name)],
                        columns=columns)


def describe() -> pd.DataFrame:
    """One row per pattern: name, form, description, number of matches in the report."""
    counts = table()["pattern"].value_counts()
    return pd.DataFrame([[p.name, p.form, p.description, int(counts.get(p.name, 0))]
                         for p in PATTERNS.values()],
                        columns=["name", "form", "description", "matches"])
