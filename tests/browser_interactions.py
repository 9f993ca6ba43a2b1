"""What tests/test_browser.py does in a real browser, one entry per notebook (path from the
repository root).

Each entry says what must be on the page after "Run All Cells":
  widgets: CSS selectors of widgets that must have rendered (.widget-dropdown, .widget-slider,
           .widget-html, .widget-text, .widget-button, ...);
  images:  the least number of plots (rendered images) in the outputs;
and the interactions to perform, in order, one per widget. Each interaction:
  action: "select" (choose another option of a dropdown), "type" (type text and press Enter),
          "press" (press a key on a slider handle), "click" (click a button);
  box:    optional CSS selector of the widget's box (Playwright CSS: :has(), :has-text());
          target and watch are then looked up inside it (box_nth: which box, default 0);
  target: the CSS selector of the widget; nth: which one (default 0; -1 is the last);
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
    # bilingual_reader(): choosing a section shows its first paragraph.
    "notebooks/02_the_report_as_a_document.ipynb": {
        "widgets": [".widget-dropdown", ".widget-toggle-button", ".widget-html"],
        "interactions": [
            {"action": "select", "box": ".widget-vbox:has(.widget-toggle-button)",
             "target": ".widget-dropdown", "watch": ".widget-html", "watch_nth": -1},
        ],
    },
    # flashcards(): "Next card" turns to another term.
    "notebooks/03_slogans_and_political_language.ipynb": {
        "widgets": [".widget-button", ".widget-html"],
        "interactions": [
            {"action": "click", "box": ".widget-vbox:has(.widget-radio)",
             "target": "button:has-text('Next card')", "watch": ".widget-html"},
        ],
    },
    # number_converter() reads a typed amount; figures_explorer() filters by unit.
    "notebooks/04_the_numbers.ipynb": {
        "widgets": [".widget-text", ".widget-dropdown", ".widget-html"],
        "images": 1,
        "interactions": [
            {"action": "type", "box": ".widget-vbox:has(> .widget-text)",
             "target": ".widget-text", "text": "909万户", "watch": ".widget-html",
             "expect": "9,090,000"},
            {"action": "select", "box": ".widget-vbox:has(.widget-image)",
             "target": ".widget-dropdown", "watch": ".widget-html", "watch_nth": -1},
        ],
    },
}
