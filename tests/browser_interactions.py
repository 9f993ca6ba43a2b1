"""What tests/test_browser.py does in a real browser: an entry for every lesson and workbook
of the manifest (course.toml) that shows a widget. LESSONS is keyed by lesson number;
every workbook gets WORKBOOK (its multiple-choice widget) unless WORKBOOKS holds its own
entry. NOTEBOOKS, built from the manifest, maps each notebook's path to its entry;
tests/test_browser_interactions.py fails when a notebook that shows a widget has none.

Each entry says what must be on the page after "Run All Cells":
  widgets: CSS selectors of widgets that must have rendered (.widget-dropdown, .widget-slider,
           .widget-html, .widget-text, .widget-button, ...);
  images:  the least number of plots (rendered images) in the outputs;
and the interactions to perform, in order, one per widget. Each interaction:
  action: "select" (choose another option of a dropdown), "type" (type text and press Enter),
          "press" (press a key on a slider handle), "key" (focus the widget's button, select
          or input, as Tab would, and press the keys in `key`, separated by spaces: a
          keyboard user), "click" (click a button), "answer"
          (a workbook's multiple-choice widget: click option number `choice`, press Check);
  box:    optional CSS selector of the widget's box (Playwright CSS: :has(), :has-text());
          target and watch are then looked up inside it (box_nth: which box, default 0);
  target: the CSS selector of the widget; nth: which one (default 0; -1 is the last);
  option: for "select", the option label to choose (default: the first one not selected);
  text:   for "type", the text; key: for "press" (default "ArrowRight");
  watch:  the CSS selector of what must change (nth via watch_nth, default 0);
  expect: optional text that must appear in the watched element afterwards;
  absent_before: optional text that must not be in the watched element before the action.
"""
from counterpart import manifest

LESSONS = {
    # partners_map(): picking another partner describes it and rings it on the map.
    "01": {
        "widgets": [".widget-dropdown", ".widget-html"],
        "images": 1,
        "interactions": [
            {"action": "select", "box": ".widget-vbox:has(svg image)",
             "target": ".widget-dropdown", "watch": ".widget-html",
             "expect": "km from Shanghai"},
        ],
    },
    "00": {
        "widgets": [".widget-dropdown", ".widget-html"],
        "images": 1,
        "interactions": [
            {"action": "select", "target": ".widget-dropdown", "watch": ".widget-html"},
        ],
    },
    # bilingual_reader(): choosing a section shows its first paragraph.
    "02": {
        "widgets": [".widget-dropdown", ".widget-toggle-button", ".widget-html"],
        "interactions": [
            {"action": "select", "box": ".widget-vbox:has(.widget-toggle-button)",
             "target": ".widget-dropdown", "watch": ".widget-html", "watch_nth": -1},
        ],
    },
    # flashcards(): "Next card" turns to another term.
    "03": {
        "widgets": [".widget-button", ".widget-html"],
        "interactions": [
            {"action": "click", "box": ".widget-vbox:has(.widget-radio)",
             "target": "button:has-text('Next card')", "watch": ".widget-html"},
        ],
    },
    # number_converter() reads a typed amount; figures_explorer() filters by unit.
    "04": {
        "widgets": [".widget-text", ".widget-dropdown", ".widget-html"],
        "images": 1,
        "interactions": [
            {"action": "type", "box": ".widget-vbox:has(> .widget-text)",
             "target": ".widget-text", "text": "909万户", "watch": ".widget-html",
             "expect": "9,090,000"},
            {"action": "select", "box": ".widget-vbox:has(.figures-chart)",
             "target": ".widget-dropdown", "watch": ".widget-html", "watch_nth": -1},
        ],
    },
    # term_picker() and bilingual_reader().
    "05": {
        "widgets": [".widget-dropdown", ".widget-toggle-button", ".widget-html"],
        "interactions": [
            {"action": "select", "box": ".widget-vbox:has(.term-card)",
             "target": ".widget-dropdown", "watch": ".widget-html"},
            {"action": "select", "box": ".widget-vbox:has(.widget-toggle-button)",
             "target": ".widget-dropdown", "watch": ".widget-html", "watch_nth": -1},
        ],
    },
    # evidence_sorter(): choose a reading, press Compare, read the comparison.
    "06": {
        "widgets": [".widget-toggle-buttons", ".widget-button", ".widget-html"],
        "interactions": [
            {"action": "click", "box": ".widget-vbox:has(.widget-toggle-buttons)",
             "target": "button:has-text('Compare')", "watch": ".widget-html",
             "watch_nth": -1, "expect": "as the lesson does"},
        ],
    },
    # bilingual_reader() in the translation lesson.
    "07": {
        "widgets": [".widget-dropdown", ".widget-toggle-button", ".widget-html"],
        "interactions": [
            {"action": "select", "box": ".widget-vbox:has(.widget-toggle-button)",
             "target": ".widget-dropdown", "watch": ".widget-html", "watch_nth": -1},
        ],
    },
    # The reader in Chinese-first mode: the English appears only when asked for, and a
    # keyboard user opens a gloss from the word list; flashcards from English take typing.
    "08": {
        "widgets": [".widget-dropdown", ".widget-toggle-button", ".widget-html",
                    ".widget-text"],
        "interactions": [
            {"action": "key", "box": ".widget-vbox:has(.reader-text)",
             "target": "button:has-text('Show English')", "key": "Enter",
             "watch": ".reader-text", "absent_before": "main thread",
             "expect": "main thread"},
            {"action": "key", "box": ".widget-vbox:has(.reader-text)",
             "target": "button:has-text('Next word')", "key": "Enter",
             "watch": ".reader-gloss", "expect": "HSK"},
            {"action": "click", "box": ".widget-vbox:has(.widget-text)",
             "target": "button:has-text('Next card')", "watch": ".widget-html"},
        ],
    },
}

# The multiple-choice widget every workbook has: an answer gets feedback.
WORKBOOK = {
    "widgets": [".widget-radio", ".widget-button", ".widget-html"],
    "interactions": [
        {"action": "answer", "box": ".widget-vbox:has(.widget-radio)",
         "target": ".widget-radio", "choice": 0, "watch": ".widget-html"},
    ],
}

# Workbooks whose entry says more than WORKBOOK: here, the right and a wrong answer.
WORKBOOKS = {
    "04": {
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


def notebooks() -> dict[str, dict]:
    """Path of each lesson and workbook with an entry -> the entry, in the manifest's order."""
    found = {}
    for lesson in manifest.lessons():
        if lesson.number in LESSONS:
            found[lesson.lesson] = LESSONS[lesson.number]
        if lesson.has_workbook:
            found[lesson.workbook] = WORKBOOKS.get(lesson.number, WORKBOOK)
    return found


NOTEBOOKS = notebooks()
