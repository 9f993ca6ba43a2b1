"""plots.separate_amounts_chart (lesson 06) keeps each amount on its own row: no total, and
floors drawn as floors."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from counterpart.plots import FLOOR_STRETCH, PALETTE, separate_amounts_chart, yuan_words  # noqa: E402

MONEY = pd.DataFrame({
    "value": [6e10, 3e10, 3e8, 2.8e8],
    "qualifier": ["more_than", "more_than", "exact", "more_than"],
    "label": ["引导 guided", "销售 sold", "捐赠 donated", "撬动 leveraged"],
})


@pytest.fixture
def ax():
    axes = separate_amounts_chart(MONEY)
    yield axes
    plt.close(axes.figure)


def points(ax):
    return [line for line in ax.get_lines() if line.get_marker() not in ("None", None, "")
            and len(line.get_xdata()) == 1]


def test_one_point_per_amount_at_its_value_and_row(ax):
    drawn = sorted((line.get_ydata()[0], line.get_xdata()[0]) for line in points(ax))
    assert drawn == [(row, value) for row, value in enumerate(MONEY["value"])]


def test_each_amount_has_its_own_colour_from_the_palette(ax):
    colours = [line.get_color() for line in points(ax)]
    assert len(set(colours)) == len(MONEY) and set(colours) <= set(PALETTE)


def test_floors_get_arrows_and_exact_amounts_do_not(ax):
    arrows = [a for a in ax.texts if getattr(a, "arrow_patch", None) is not None]
    starts = sorted(a.xyann[0] for a in arrows)
    assert starts == sorted(MONEY.loc[MONEY["qualifier"] == "more_than", "value"])
    assert all(a.xy[0] == pytest.approx(a.xyann[0] * FLOOR_STRETCH) for a in arrows)


def test_log_axis_labels_and_no_total(ax):
    assert ax.get_xscale() == "log"
    assert "yuan" in ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    assert [t.get_text() for t in ax.get_yticklabels()] == list(MONEY["label"])
    shown = " ".join([ax.get_title()] + [t.get_text() for t in ax.texts]).lower()
    assert "total" not in shown and "sum" not in shown
    # nothing drawn beyond the arrow of the largest floor: no bar for a grand total
    assert ax.get_xlim()[1] < MONEY["value"].sum() * FLOOR_STRETCH * 4 + 1
    assert not ax.patches


def test_missing_value_is_refused():
    broken = MONEY.copy()
    broken.loc[1, "value"] = float("nan")
    with pytest.raises(ValueError, match="value"):
        separate_amounts_chart(broken)


@pytest.mark.parametrize("amount, words", [(1e8, "100 million"), (1e9, "1 billion"),
                                           (3e10, "30 billion"), (1e11, "100 billion"),
                                           (5e5, "500,000")])
def test_yuan_words(amount, words):
    assert yuan_words(amount) == words


def test_ticks_are_powers_of_ten_in_words(ax):
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["100 million", "1 billion", "10 billion", "100 billion"]
