"""What tests/test_browser.py does in a real browser, one entry per notebook (path from the
repository root).

Each entry says what must be on the page after "Run All Cells":
  widgets: CSS selectors of widgets that must have rendered (.widget-dropdown, .widget-slider,
           .widget-html, .widget-text, .widget-button, ...);
  images:  the least number of plots (rendered images) in the outputs;
and the interactions to perform, in order, one per widget. Each interaction:
  action: "select" (choose another option of a dropdown), "type" (type text and press Enter),
          "press" (press a key on a slider handle), "click" (click a button), "answer"
          (a workbook's multiple-choice widget: click option number `choice`, press Check);
  box:    optional CSS selector of the widget's box (Playwright CSS: :has(), :has-text());
          target and watch are then looked up inside it (box_nth: which box, default 0);
  target: the CSS selector of the widget; nth: which one (default 0; -1 is the last);
  option: for "select", the option label to choose (default: the first one not selected);
  text:   for "type", the text; key: for "press" (default "ArrowRight");
  watch:  the CSS selector of what must change (nth via watch_nth, default 0);
  expect: optional text that must appear in the watched element afterwards.
"""

NOTEBOOKS = {
    # partners_map(): picking another partner describes it and redraws the map.
    "notebooks/01_counterpart_support.ipynb": {
        "widgets": [".widget-dropdown", ".widget-html", ".widget-image"],
        "images": 1,
        "interactions": [
            {"action": "select", "box": ".widget-vbox:has(> .widget-image)",
             "target": ".widget-dropdown", "watch": ".widget-html",
             "expect": "km from Shanghai"},
        ],
    },
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
    # term_picker() and bilingual_reader().
    "notebooks/05_ethnic_unity_and_the_frontier.ipynb": {
        "widgets": [".widget-dropdown", ".widget-toggle-button", ".widget-html"],
        "interactions": [
            {"action": "select", "box": ".widget-vbox:has(.term-card)",
             "target": ".widget-dropdown", "watch": ".widget-html"},
            {"action": "select", "box": ".widget-vbox:has(.widget-toggle-button)",
             "target": ".widget-dropdown", "watch": ".widget-html", "watch_nth": -1},
        ],
    },
    # evidence_sorter(): choose a reading, press Compare, read the comparison.
    "notebooks/06_who_pays_who_gains.ipynb": {
        "widgets": [".widget-toggle-buttons", ".widget-button", ".widget-html"],
        "interactions": [
            {"action": "click", "box": ".widget-vbox:has(.widget-toggle-buttons)",
             "target": "button:has-text('Compare')", "watch": ".widget-html",
             "watch_nth": -1, "expect": "as the lesson does"},
        ],
    },
    # bilingual_reader() in the translation lesson.
    "notebooks/07_the_report_in_english.ipynb": {
        "widgets": [".widget-dropdown", ".widget-toggle-button", ".widget-html"],
        "interactions": [
            {"action": "select", "box": ".widget-vbox:has(.widget-toggle-button)",
             "target": ".widget-dropdown", "watch": ".widget-html", "watch_nth": -1},
        ],
    },
    # A workbook: an answer submitted through the multiple-choice widget gets feedback.
    "exercises/wb04_the_numbers.ipynb": {
        "widgets": [".widget-radio", ".widget-button", ".widget-html"],
        "interactions": [
            {"action": "answer", "box": ".widget-vbox:has(.widget-radio)",
             "target": ".widget-radio", "choice": 0, "watch": ".widget-html",
             "expect": "Not yet"},
            {"action": "answer", "box": ".widget-vbox:has(.widget-radio)",
             "target": ".widget-radio", "choice": 3, "watch": ".widget-html",
             "expect": "Correct"},
        ],
    },
}
