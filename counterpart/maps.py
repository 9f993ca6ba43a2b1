"""The partners map: land outlines without borders, places as points, drawn offline.

The land comes from Natural Earth (public domain) via data/map/land_east_asia.json, made by
scripts/make_land_outline.py. It has no national or provincial borders: any outline of China
takes a side on disputed borders, so the map draws none and plots the places as points.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Polygon

from . import text
from .data import load_report
from .paths import DATA
from .plots import PALETTE

# Shanghai's coordinates from GeoNames (id 1796236), the gazetteer used for data/partners.csv.
SHANGHAI = (31.22222, 121.45806)
CAPTION = ("Land outlines: Natural Earth (public domain). No borders are drawn; places are "
           "shown as points. Coordinates: GeoNames.")


@lru_cache(maxsize=1)
def land_rings() -> list[list[list[float]]]:
    """The land's outline rings, each a list of [lon, lat] points."""
    path = DATA / "map" / "land_east_asia.json"
    return json.loads(path.read_text(encoding="utf-8"))["rings"]


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points, in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def draw(partners: pd.DataFrame, highlight: pd.Series | None = None,
         ax: Axes | None = None) -> Axes:
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


def mentions(name: str | None) -> list[str]:
    """pids of the report rows that mention ``name`` (as the report writes it)."""
    if pd.isna(name) or not name:
        return []
    report = load_report()
    return [pid for pid, zh in zip(report["pid"], report["zh"]) if text.contains(zh, name)]
