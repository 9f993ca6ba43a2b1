"""The partners map: land outlines without borders, places as points, drawn offline.

The land comes from Natural Earth (public domain) via data/map/land_east_asia.json, made by
scripts/make_land_outline.py. It has no national or provincial borders: any outline of China
takes a side on disputed borders, so the map draws none and plots the places as points.
"""
import html
import json
import math
from functools import lru_cache

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Polygon

from . import text
from .data import load, load_report
from .paths import DATA
from .plots import PALETTE, new_axes, png

# Shanghai's coordinates from GeoNames (id 1796236), the gazetteer used for data/partners.csv.
SHANGHAI = (31.22222, 121.45806)
CAPTION = ("Land outlines: Natural Earth (public domain). No borders are drawn; places are "
           "shown as points. Coordinates: GeoNames.")


@lru_cache(maxsize=1)
def land_rings():
    path = DATA / "map" / "land_east_asia.json"
    return json.loads(path.read_text(encoding="utf-8"))["rings"]


def distance_km(a, b):
    """Great-circle distance between two (lat, lon) points, in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def draw(partners, highlight=None, ax=None):
    """Draw the land, every partner as a point, Shanghai as a star; return the Axes."""
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 5))
    for ring in land_rings():
        ax.add_patch(Polygon(ring, closed=True, facecolor="#EEEEEE", edgecolor="#999999",
                             linewidth=0.4))
    current = partners["until"].isna()
    ax.scatter(partners.loc[current, "lon"], partners.loc[current, "lat"], s=22,
               color=PALETTE[0], label="no end year recorded", zorder=3)
    ax.scatter(partners.loc[~current, "lon"], partners.loc[~current, "lat"], s=22,
               color=PALETTE[1], marker="s", label="pairing ended", zorder=3)
    ax.scatter([SHANGHAI[1]], [SHANGHAI[0]], s=160, marker="*", color=PALETTE[5],
               label="Shanghai", zorder=4)
    if highlight is not None:
        ax.scatter([highlight["lon"]], [highlight["lat"]], s=180, facecolors="none",
                   edgecolors="black", linewidths=2, zorder=5, label="selected")
        ax.annotate(highlight["place_zh"], (highlight["lon"], highlight["lat"]),
                    xytext=(6, 6), textcoords="offset points", fontsize=11)
    ax.set_xlim(72, 124)
    ax.set_ylim(18, 50)
    ax.set_aspect(1.2)
    ax.set_xlabel("Longitude (degrees east)")
    ax.set_ylabel("Latitude (degrees north)")
    ax.set_title("上海的帮扶对象 Shanghai's partner places")
    ax.legend(loc="lower left", fontsize=8)
    ax.figure.text(0.01, 0.01, CAPTION, fontsize=7)
    return ax


def mentions(name):
    """pids of the report rows that mention ``name`` (as the report writes it)."""
    if pd.isna(name) or not name:
        return []
    report = load_report()
    return [pid for pid, zh in zip(report["pid"], report["zh"]) if text.contains(zh, name)]


def describe(row):
    """The facts shown for one partner: where, since when, how far, where the report says so."""
    km = distance_km(SHANGHAI, (row["lat"], row["lon"]))
    period = (f'since {row["since"]}' if pd.isna(row["until"])
              else f'{row["since"]}–{row["until"]}')
    found = mentions(row["report_name"])
    where = (f'the report names it as {html.escape(row["report_name"])} in '
             f'{", ".join(found)}' if found else "the report does not name it")
    return (f'<p><b lang="zh-Hans">{html.escape(row["place_zh"])}</b> '
            f'{html.escape(row["place_en"])}, {html.escape(row["province_en"])}</p><ul>'
            f'<li>{html.escape(row["relation"])}, {period}</li>'
            f'<li>about {km:,.0f} km from Shanghai in a straight line</li>'
            f'<li>{where}</li>'
            f'<li>sources: {html.escape(row["source"])} (confidence {row["confidence"]})</li>'
            '</ul>')


def partners_map():
    """Pick a partner and see where it is, since when, how far from Shanghai, and where the
    report mentions it."""
    partners = load("partners").reset_index(drop=True)
    labels = [(f'{r.place_en} · {r.relation} · {r.since}', i) for i, r in partners.iterrows()]
    picker = widgets.Dropdown(options=labels, description="Partner",
                              layout=widgets.Layout(width="95%"))
    info = widgets.HTML()
    image = widgets.Image(format="png", layout=widgets.Layout(width="95%"))
    box = widgets.VBox([picker, info, image])

    def show(*_):
        row = partners.loc[picker.value]
        info.value = describe(row)
        box.axes = draw(partners, highlight=row, ax=new_axes((7.5, 5)))
        image.value = png(box.axes.figure)

    picker.observe(show, names="value")
    show()
    box.picker, box.info, box.image = picker, info, image
    return box
