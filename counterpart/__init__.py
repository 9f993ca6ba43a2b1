from . import fonts
fonts.register()  # Chinese text in plots (see counterpart/fonts.py)
