"""Sphinx configuration of the course website (built by `python3 course.py site`).

This folder (website/) is copied into _build/site-src/ beside the pages that
counterpart/site.py generates
and the notebooks as stored; nothing here is built in place. Plain Sphinx with myst-nb and
sphinx-book-theme (the stack Jupyter Book 1 wraps), so this one file says everything the build
does and the table of contents comes from the manifest, not from a second config file.
"""
from pathlib import Path

import sphinx.search
from sphinx.search.zh import SearchChinese

from counterpart import manifest, site


class CourseSearch(SearchChinese):
    """Sphinx 9.0's Chinese search with its JavaScript fixed: the zh language ships the English
    stemmer (for the English words of a Chinese index) but names it ChineseStemmer, which is
    not defined, so every page logged an error. The Python side is unchanged (jieba)."""

    language_name = "English"


sphinx.search.languages["zh"] = CourseSearch

project = manifest.course().get("title", "Counterpart support")
author = "The counterpart course authors"
copyright = "the counterpart course authors; course text CC BY 4.0, code MIT"

# <html lang="en">; Chinese runs are tagged zh-Hans after the build
language = "en"
# Sphinx's Chinese search: jieba segments the index, English is stemmed
html_search_language = "zh"
# The glossary's words as jieba's user dictionary (written by counterpart.site.stage), so that
# 对口支援 is indexed as one word: the search box does not segment what a reader types.
html_search_options = {"dict": str(Path(__file__).resolve().parent / site.SEARCH_WORDS)}
extensions = ["myst_nb"]
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
nb_execution_mode = "off"         # the notebooks as stored: never re-executed for the site
nb_merge_streams = True
myst_heading_anchors = 3
# no dollar math: the lessons write 万 and 亿 amounts, not formulas
myst_enable_extensions = []
suppress_warnings = ["mystnb.unknown_mime_type"]   # (a widget view, should one be stored)

html_theme = "sphinx_book_theme"
html_title = project
html_static_path = ["_static"]
html_favicon = "_static/favicon.svg"   # (else every browser asks for a missing /favicon.ico)
html_css_files = ["course.css"]
html_copy_source = False          # no notebook copies on the site: pages only
html_show_sourcelink = False
html_last_updated_fmt = None
html_theme_options = {
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "home_page_in_toc": True,
    "show_toc_level": 2,
}
html_context = {"default_mode": "light"}   # (an empty mode logs a console error)
html_sidebars = {"**": ["navbar-logo.html", "search-button-field.html", "sbt-sidebar-nav.html"]}


def setup(app):
    # Every run of Chinese wrapped in lang="zh-Hans" once the HTML is written. (MathJax loads
    # only on a page with math, and no page has any: the browser test checks no page reaches out.)
    app.connect("build-finished", site.tag_chinese_in_build)
