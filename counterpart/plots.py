"""Charts for the lessons: labelled, titled, and in a colour-blind-safe palette."""
import matplotlib.pyplot as plt

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
