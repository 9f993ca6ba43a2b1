"""The partners map (lesson 01): pick a partner place, see where it is and what the report says.

The map of all places is drawn once (counterpart.maps.draw) and kept as a picture; choosing a
place only moves a ring and a label drawn over it in SVG, so the kernel answers in a few
milliseconds instead of redrawing the map (about 250 ms).
"""
from __future__ import annotations

import base64

import ipywidgets as widgets
import pandas as pd
from matplotlib.figure import Figure

from .. import maps
from ..data import load
from ..plots import png
from .base import CourseWidget, esc, html_table, zh

SIZE, DPI = (7.5, 5.0), 90
_BASE: dict[tuple, tuple[str, list[tuple[float, float]]]] = {}


def base_map(partners: pd.DataFrame) -> tuple[str, list[tuple[float, float]]]:
    """The map of every partner as a base64 PNG, and each partner's (x, y) in its pixels.

    Drawn once per set of places and remembered for the rest of the session.
    """
    key = tuple(zip(partners["lon"], partners["lat"], partners["until"].isna()))
    if key not in _BASE:
        ax = maps.draw(partners, ax=Figure(figsize=SIZE, dpi=DPI).subplots())
        figure = ax.figure
        figure.canvas.draw()   # fix the layout, so the data-to-pixel transform is final
        height = SIZE[1] * DPI
        points = [(float(x), float(height - y)) for x, y in
                  ax.transData.transform(partners[["lon", "lat"]].to_numpy(dtype=float))]
        _BASE[key] = (base64.b64encode(png(figure, dpi=DPI)).decode("ascii"), points)
    return _BASE[key]


def describe(row: pd.Series, found: list[str]) -> str:
    """The facts shown for one partner: where, since when, how far, where the report says so."""
    km = maps.distance_km(maps.SHANGHAI, (row["lat"], row["lon"]))
    period = (f'since {row["since"]}' if pd.isna(row["until"])
              else f'{row["since"]}–{row["until"]}')
    where = (f'the report names it as {zh(row["report_name"])} in {", ".join(found)}'
             if found else "the report does not name it")
    return (f'<p><b lang="zh-Hans">{esc(row["place_zh"])}</b> '
            f'{esc(row["place_en"])}, {esc(row["province_en"])}</p><ul>'
            f'<li>{zh(row["relation"])}, {period}</li>'
            f'<li>about {km:,.0f} km from Shanghai in a straight line</li>'
            f'<li>{where}</li>'
            f'<li>sources: {esc(row["source"])} (confidence {row["confidence"]})</li>'
            '</ul>')


class PartnersMap(CourseWidget):
    """Pick a partner and see where it is, since when, how far from Shanghai, and where the
    report mentions it; the map rings the chosen place."""

    picker: widgets.Dropdown   #: the partner, by English name, relation and year
    info: widgets.HTML         #: the facts about it
    image: widgets.HTML        #: the map with the chosen place ringed
    controls = ("picker",)

    def __init__(self) -> None:
        self.partners = load("partners").reset_index(drop=True)
        self.found = [maps.mentions(name) for name in self.partners["report_name"]]
        self._png, self._points = base_map(self.partners)
        labels = [(f"{r.place_en} · {r.relation} · {r.since}", i)
                  for i, r in self.partners.iterrows()]
        self.picker = widgets.Dropdown(options=labels, description="Partner",
                                       layout=widgets.Layout(width="95%"))
        self.info = widgets.HTML()
        self.image = widgets.HTML(layout=widgets.Layout(width="95%"))
        self.picker.observe(self._show, names="value")
        self._show()
        super().__init__([self.picker, self.info, self.image])

    def _show(self, *_: object) -> None:
        index = self.picker.value
        row = self.partners.loc[index]
        self.info.value = describe(row, self.found[index])
        x, y = self._points[index]
        width, height = SIZE[0] * DPI, SIZE[1] * DPI
        self.image.value = (
            f'<svg viewBox="0 0 {width:g} {height:g}" style="width:100%;max-width:{width:g}px" '
            f'role="img" aria-label="Map of Shanghai and its partner places, '
            f'{esc(row["place_en"])} ringed">'
            f'<image width="{width:g}" height="{height:g}" '
            f'href="data:image/png;base64,{self._png}"/>'
            f'<circle class="selected" cx="{x:.1f}" cy="{y:.1f}" r="9" fill="none" '
            'stroke="black" stroke-width="2.5"/>'
            f'<text x="{x + 10:.1f}" y="{y - 8:.1f}" font-size="15" lang="zh-Hans" '
            'paint-order="stroke" stroke="white" stroke-width="3">'
            f'{esc(row["place_zh"])}</text></svg>')

    def _places(self) -> list[list[str]]:
        """One row of plain text per place: characters, English, province, relation, period,
        distance and where the report names it."""
        rows = []
        for (_, r), found in zip(self.partners.iterrows(), self.found):
            period = ("" if pd.isna(r["since"]) else f'since {r["since"]}' if pd.isna(r["until"])
                      else f'{r["since"]}–{r["until"]}')
            km = maps.distance_km(maps.SHANGHAI, (r["lat"], r["lon"]))
            rows.append([r["place_zh"], r["place_en"], r["province_en"], r["relation"], period,
                         f"{km:,.0f}", ", ".join(found) or "not named"])
        return rows

    def static_text(self) -> str:
        return "Shanghai's partner places:\n" + "\n".join(
            f"{p[0]} {p[1]} ({p[2]}): {p[3]} {p[4]}, {p[5]} km; in the report: {p[6]}"
            for p in self._places())

    def static_html(self) -> str:
        rows = [[zh(cell) for cell in place] for place in self._places()]
        return html_table(["Place", "English", "Province", "Relation", "Period",
                           "km from Shanghai", "Named in the report at"], rows,
                          caption="Shanghai's partner places (the live widget maps them)")


def partners_map() -> PartnersMap:
    """Pick a partner and see where it is, since when, how far from Shanghai, and where the
    report mentions it."""
    return PartnersMap()
