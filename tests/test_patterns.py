"""The patterns of official prose (counterpart.patterns), tested against the report."""
import pytest

from counterpart import data, patterns

REPORT = data.load("report").set_index("pid")["zh"]


@pytest.fixture(scope="module")
def found():
    return patterns.find()


def test_every_pattern_finds_real_examples(found):
    names = {m.pattern for m in found}
    assert names == set(patterns.PATTERNS)
    for m in found:
        assert REPORT[m.pid][m.start:m.end] == m.text and m.text


def test_every_pattern_is_described():
    for p in patterns.PATTERNS.values():
        assert p.form and len(p.description) > 40, p.name
    assert list(patterns.describe()["matches"]) == [
        sum(m.pattern == name for m in patterns.find()) for name in patterns.PATTERNS]


@pytest.mark.parametrize("name, pid, text", [
    ("yi_wei", "1.4.0", "以铸牢中华民族共同体意识为"),
    ("yi_wei", "2.2.1", "以市场为"),
    ("ba_zuowei", "0.7", "把精准脱贫作为"),
    ("ba_zuowei", "1.1.0", "将助力对口帮扶地区打赢脱贫攻坚战、推进乡村振兴作为"),
    ("lead_verb", "1.3.1", "围绕“三带两转”目标"),
    ("lead_verb", "end.1", "聚焦不返贫"),
    ("enumeration", "2.3.3", "三是"),
    ("cumulative", "1.4.1",
     "累计培训对口帮扶地区党员干部、专业技术人才、农村致富带头人等21万余人次"),
    ("cumulative", "1.2.0", "累计援助对口帮扶地区市县乡村各级医疗机构1400多所(次)"),
    ("four_character_series", "1.0", "中央要求、当地所需、上海所能"),
    ("four_character_series", "0.7", "尽锐出战、持续攻坚"),
    ("four_character_phrase", "2.2.2", "因地制宜"),
    ("long_attribute", "2.1.3", "协助对口帮扶地区加强对易返贫致贫群体的动态管理和即时帮扶"),
])
def test_spot_checks(found, name, pid, text):
    hits = [m for m in found if (m.pattern, m.pid, m.text) == (name, pid, text)]
    assert len(hits) == 1
    assert REPORT[pid].find(text) == hits[0].start


def test_enumeration_markers_open_the_items(found):
    items = data.load("report")
    items = set(items.loc[items["kind"] == "item", "pid"])
    marked = {m.pid for m in found if m.pattern == "enumeration"}
    assert marked == items
    assert all(m.start == 0 for m in found if m.pattern == "enumeration")


@pytest.mark.parametrize("name, text", [
    ("yi_wei", "我们可以为当地做事"),           # 可以 + 为: not the frame
    ("yi_wei", "以及为此"),                     # 以及
    ("ba_zuowei", "作为一个整体"),              # 作为 without 把/将
    ("cumulative", "共同发展,互利共赢"),         # 共 in 共同: no total
    ("enumeration", "这是一个问题"),             # 是 after an ordinary character
    ("four_character_series", "推进乡村振兴工作"),
    ("long_attribute", "我们的工作"),
])
def test_near_misses_are_not_matched(name, text):
    assert patterns.find(name, rows=[("x", text)]) == []


def test_rules_work_on_other_text():
    rows = [("a", "一是以人民为中心,二是把发展作为第一要务。累计投入资金2.5亿元")]
    got = {(m.pattern, m.text) for m in patterns.find(rows=rows)}
    assert {("enumeration", "一是"), ("enumeration", "二是"), ("yi_wei", "以人民为"),
            ("ba_zuowei", "把发展作为"), ("cumulative", "累计投入资金2.5亿元")} <= got


def test_unknown_pattern_says_which_exist():
    with pytest.raises(KeyError, match="yi_wei"):
        patterns.find("no_such")
