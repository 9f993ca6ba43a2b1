"""Charts for the lessons: labelled, titled, and in a colour-blind-safe palette."""
import io

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

# Okabe & Ito's palette, distinguishable with the common forms of colour blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000"]


def bar_chart(series, title, xlabel, ylabel, horizontal=False, ax=None):
    """Draw a pandas Series as bars (index = labels) and return the Axes."""
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3.5))
    labels = [str(label) for label in series.index]
    if horizontal:
        ax.barh(labels, series.values, color=PALETTE[0])
        ax.invert_yaxis()   # first item on top, as in the table
    else:
        ax.bar(labels, series.values, color=PALETTE[0])
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    ax.figure.tight_layout()
    return ax


def new_axes(figsize):
    """Axes on a Figure made without pyplot, for widgets: nothing is shown inline by itself."""
    return Figure(figsize=figsize).subplots()


def png(figure, dpi=90):
    """The figure as PNG bytes, for an ipywidgets.Image.

    Widgets show charts as images rather than through ipywidgets.Output: an Output widget that
    receives output while the notebook is executed without widget state (course.py execute)
    makes nbclient raise KeyError.
    """
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
