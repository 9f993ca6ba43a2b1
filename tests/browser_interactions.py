"""What tests/test_browser.py does in a real browser, one entry per notebook (path from the
repository root).

Each entry says what must be on the page after "Run All Cells":
  widgets: CSS selectors of widgets that must have rendered (.widget-dropdown, .widget-slider,
           .widget-html, .widget-text, .widget-button, ...);
  images:  the least number of plots (rendered images) in the outputs;
and the interactions to perform, in order, one per widget. Each interaction:
  action: "select" (choose another option of a dropdown), "type" (type text and press Enter),
          "press" (press a key on a slider handle), "click" (click a button);
  target: the CSS selector of the widget; nth: which one on the page (default 0);
  option: for "select", the option label to choose (default: the first one not selected);
  text:   for "type", the text; key: for "press" (default "ArrowRight");
  watch:  the CSS selector of what must change (nth via watch_nth, default 0);
  expect: optional text that must appear in the watched element afterwards.
"""

NOTEBOOKS = {
    "notebooks/00_start_here.ipynb": {
        "widgets": [".widget-dropdown", ".widget-html"],
        "images": 1,
        "interactions": [
            {"action": "select", "target": ".widget-dropdown", "watch": ".widget-html"},
        ],
    },
}
