"""plots.timeline_chart (lesson 01): dates land at the right place, every event gets its own row
and label, and the confidence grade is visible."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from counterpart.plots import GRADE_STYLE, decimal_year, timeline_chart  # noqa: E402


@pytest.mark.parametrize("date, expected", [
    ("1979", 1979.5),                       # year only: mid-year
    ("1996-05", 1996 + 4 / 12 + 14 / 365),  # month only: mid-month
    ("1996-09-23", 1996 + 8 / 12 + 22 / 365),
    ("2010-01-01", 2010.0),
])
def test_decimal_year(date, expected):
    assert decimal_year(date) == pytest.approx(expected)


def test_later_dates_lie_further_right():
    dates = ["1979", "1996-05", "1996-09-23", "1997-02", "2021"]
    values = [decimal_year(d) for d in dates]
    assert values == sorted(values)


EVENTS = pd.DataFrame({
    "date": ["1979-04", "1996-05", "1996-09-23", "2021"],
    "event_en": ["Border Defence Work Conference", "East-West cooperation (May, per S4)",
                 "East-West cooperation (Sep, per S3) " + "x" * 80, "Renaming"],
    "confidence": ["H", "M", "M", "L"],
})


@pytest.fixture
def ax():
    axes = timeline_chart(EVENTS)
    yield axes
    plt.close(axes.figure)


def test_one_point_per_event_at_its_date(ax):
    points = [(line.get_xdata()[0], line.get_ydata()[0]) for line in ax.get_lines()]
    assert len(points) == len(EVENTS)
    for row, date in enumerate(EVENTS["date"]):
        assert points[row] == pytest.approx((decimal_year(date), row))


def test_each_row_labelled_and_long_labels_shortened(ax):
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[:2] == ["Border Defence Work Conference", "East-West cooperation (May, per S4)"]
    assert len(labels) == len(EVENTS)
    assert labels[2].endswith("…") and len(labels[2]) <= 48
    assert ax.yaxis_inverted()      # earliest event at the top


def test_confidence_grade_shown_by_colour_marker_and_legend(ax):
    for line, grade in zip(ax.get_lines(), EVENTS["confidence"]):
        colour, marker, _ = GRADE_STYLE[grade]
        assert (line.get_color(), line.get_marker()) == (colour, marker)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [GRADE_STYLE[g][2] for g in ("H", "M", "L")]


def test_title_axes_and_span(ax):
    assert ax.get_xlabel() == "Year" and ax.get_ylabel()
    assert ax.get_title().endswith("1979–2021")

