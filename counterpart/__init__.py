"""The course's package: loading the data, reading numbers, plots, widgets and checks."""
from . import fonts

fonts.register()  # Chinese text in plots (see counterpart/fonts.py)

from . import data, maps, numbers, plots, text, widgets  # noqa: E402,F401
