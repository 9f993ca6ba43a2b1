"""The workbook kit (counterpart.workbooks), for every workbook the manifest lists: each task
awaits an answer when left blank, each multiple-choice task marks letters, option texts and
its widget alike without giving the key away, and each lesson section a hint cites is still a
heading of that lesson."""
import ast
import importlib
import importlib.util
import inspect
import json
import re

import pandas as pd
import pytest
from workbook_helpers import BLANKS, assert_not_answered, assert_widget_marks, assert_wrong

from counterpart import manifest
from counterpart.paths import ROOT
from counterpart.workbooks import (
    LabelEach,
    MultipleChoice,
    column_if_table,
    labels_in_order,
    number_with_slips,
    see_lesson,
)

LESSONS = [lesson for lesson in manifest.lessons() if lesson.has_workbook
           and (ROOT / lesson.check_module.replace(".", "/")).with_suffix(".py").is_file()]
MODULES = {lesson.number: importlib.import_module(lesson.check_module) for lesson in LESSONS}
DRAFTS = {lesson.number for lesson in LESSONS if lesson.draft}   # new-lesson's placeholder task


def tasks(module):
    """The checks a key's cells call: task_1, task_2, ... (not the widgets)."""
    return [getattr(module, name) for name in sorted(vars(module))
            if re.fullmatch(r"task_\d+", name)]


def choices(module):
    return [(name, value) for name, value in sorted(vars(module).items())
            if isinstance(value, MultipleChoice)]


TASKS = [(number, task) for number, module in MODULES.items() for task in tasks(module)]
CHOICES = [(number, name, choice) for number, module in MODULES.items()
           for name, choice in choices(module)]


def test_every_workbook_has_tasks_and_a_multiple_choice_task():
    assert set(MODULES) >= {"01", "02", "03", "04"}
    for number, module in MODULES.items():
        assert len(tasks(module)) >= (1 if number in DRAFTS else 5), number
        for name, choice in choices(module):
            n = name.removeprefix("CHOICE_")
            # the names a key's cells call stay those of the task's own check and widget
            assert getattr(module, f"task_{n}") == choice.check, (number, name)
            assert getattr(module, f"task_{n}_widget") == choice.widget, (number, name)


@pytest.mark.parametrize("number, task", TASKS,
                         ids=[f"wb{n}.{getattr(t, '__name__', 'check')}" for n, t in TASKS])
def test_a_blank_answer_is_not_answered_yet(number, task):
    for blank in BLANKS:
        assert_not_answered(task(blank))


# --- Multiple choice ------------------------------------------------------------------------------

@pytest.mark.parametrize("number, name, choice", CHOICES,
                         ids=[f"wb{n}.{name}" for n, name, _ in CHOICES])
def test_a_choice_accepts_its_letter_in_any_form_and_its_option_text(number, name, choice):
    key, option = choice.key, choice.options["abcdefgh".index(choice.key)]
    for form in [key, key.upper(), f"({key})", f" {key}) ", f"({key.upper()})", option,
                 f"  {option.upper()} "]:
        assert choice.check(form).ok is True, (form, choice.check(form).message)


@pytest.mark.parametrize("number, name, choice", CHOICES,
                         ids=[f"wb{n}.{name}" for n, name, _ in CHOICES])
def test_a_choice_rejects_the_others_without_giving_the_key_away(number, name, choice):
    letters = "abcdefgh"[:len(choice.options)]
    option = choice.options[letters.index(choice.key)]
    secrets = [option, f"({choice.key})"]
    for letter, other in zip(letters, choice.options):
        if letter != choice.key:
            for form in (letter, other):
                assert_wrong(choice.check(form), *secrets, says="not the best choice",
                             lesson=number)
    assert_wrong(choice.check("z"), *secrets, says=f"choose one of {', '.join(letters)}",
                 lesson=number)
    assert_wrong(choice.check(1), *secrets, says="give the letter", lesson=number)
    other = next(letter for letter in letters if letter != choice.key)
    assert_widget_marks(choice.widget(), other, choice.key, option)


def test_labels_are_other_words_for_an_option():
    choice = MultipleChoice(["exact", "nearly"], key="b", hint="h", labels={"Almost": "b"})
    assert choice.check("almost").ok is True and choice.check("ALMOST").ok is True
    assert choice.check("b").ok is True and choice.check("exact").ok is False


@pytest.mark.parametrize("options, key, labels", [(["x", "y"], "c", None), (["x"], "a", None),
                                                  (["x", "y"], "a", {"w": "q"})])
def test_a_malformed_choice_is_refused_when_the_module_loads(options, key, labels):
    with pytest.raises(ValueError):
        MultipleChoice(options, key=key, hint="h", labels=labels)


# --- Numbers with named slips, and tables for lists -----------------------------------------------

def test_a_number_slip_gets_its_own_message_and_hint():
    slips = [(40, "that counts both ends."), ((-39, 39.5), "wrong sign.", "Subtract again.")]
    assert number_with_slips("39", 39, "Hint.", slips).ok is True
    assert_wrong(number_with_slips(40.0, 39, "Hint.", slips), "39", says="that counts both ends.")
    for value in (-39, "39.5"):
        message = assert_wrong(number_with_slips(value, 39, "Hint.", slips), says="wrong sign.")
        assert "Subtract again." in message and "Hint." not in message
    assert_wrong(number_with_slips(12, 39, "Hint.", slips), says="not the number asked for")
    assert "not a number" in number_with_slips("many", 39, "Hint.", slips).message
    assert_not_answered(number_with_slips(..., 39, "Hint.", slips))


def test_a_table_stands_for_its_id_column():
    table = pd.DataFrame({"fid": ["F01", "F02"], "value": [1, 2]})
    assert column_if_table(table, "fid").tolist() == ["F01", "F02"]
    assert column_if_table(table, "pid") is table
    assert column_if_table(["F01"], "fid") == ["F01"]


# --- A label for each of a few items --------------------------------------------------------------

@pytest.mark.parametrize("answer", [
    {"F06": "input", "f26": "output", " F24": "outcome"}, ["input", "output", "outcome"],
    ("input", "output", "outcome"), "input, output；outcome", "input/output|outcome\n",
    pd.Series({"F24": "outcome", "F06": "input", "F26": "output"})])
def test_labels_come_in_the_items_order_from_every_form(answer):
    labels, problem = labels_in_order(answer, ["F06", "F26", "F24"], lambda k: k.strip().upper())
    assert (labels, problem) == (["input", "output", "outcome"], None)


@pytest.mark.parametrize("answer, problem", [
    ({"F06": "input", "F26": "output"}, "keys"), ({"F06": 1, "F26": 2, "F99": 3}, "keys"),
    ({"F06": 1, "f06": 2, "F26": 3, "F24": 4}, "keys"), (42, "form"), ({"F06"}, "form"),
    (pd.DataFrame({"F06": ["input"]}), "form")])
def test_labels_name_what_is_wrong_with_the_form(answer, problem):
    assert labels_in_order(answer, ["F06", "F26", "F24"], str.upper) == (None, problem)


def test_a_label_task_says_how_many_labels_are_wrong_in_its_own_words():
    task = LabelEach(["x", "y"], lambda: {"x": "up", "y": "down"}, "Look again.",
                     read=lambda w: w.strip().lower() if w.strip().lower() in ("up", "down")
                     else None,
                     item_of=str, allowed="up or down", example='{"x": "up", ...}',
                     id_word="xid", item_word="arrow", label_word="way")
    assert task.check({"x": "UP", "y": "down"}).ok is True and task.check("up, down").ok
    assert_wrong(task.check("down, down"), says="one of the two ways is not right")
    assert_wrong(task.check(["down", "up"]), says="none of the two ways is right")
    assert_wrong(task.check(["up"]), says="give exactly two ways, one per arrow (you gave 1)")
    assert_wrong(task.check(["up", "left"]), says="each way must be one of up or down")
    assert_wrong(task.check({"x": "up"}), says="the keys of your dict should be the two xids")
    assert_wrong(task.check(7), says="give a dict from xid to way, e.g.")
    assert_not_answered(task.check(...))
    with pytest.raises(ValueError):
        LabelEach([], {}, "h", read=str, item_of=str, allowed="", example="")


# --- "See lesson NN, section S" -------------------------------------------------------------------

def test_see_names_the_lesson_from_the_manifest_in_one_wording():
    lesson = manifest.lesson("04")
    see = see_lesson("04")
    where = f"See lesson 04 ({lesson.lesson})"
    assert see("Whose money?") == f"{where}, section 'Whose money?'."
    assert see("A", "B", "C") == f"{where}, sections 'A', 'B' and 'C'."
    assert see("3") == f"{where}, section 3."
    assert see() == f"{where}."


def numbered_headings(path):
    """Every Markdown heading of a notebook, as written."""
    nb = json.loads((ROOT / path).read_text(encoding="utf-8"))
    return [line.lstrip("#").strip() for cell in nb["cells"] if cell["cell_type"] == "markdown"
            for line in "".join(cell["source"]).splitlines() if line.startswith("#")]


def headings(path):
    """Every Markdown heading of a notebook, without its number ("1. " or "1 · ")."""
    return {unnumbered(heading) for heading in numbered_headings(path)}


def unnumbered(title):
    """A heading without its number or its "(Optional)" mark (which the 50-minute path may
    move): "6. (Optional) 909万: ..." -> "909万: ..."."""
    title = re.sub(r"^\d+(\.|\s*·)\s*", "", title)
    return re.sub(r"^\(Optional\)\s*", "", title, flags=re.I)


def cited_sections(module):
    """Every section the module cites: the string arguments of its calls to see(...)."""
    tree = ast.parse(inspect.getsource(module))
    return [arg.value for node in ast.walk(tree) if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name) and node.func.id == "see"
            for arg in node.args if isinstance(arg, ast.Constant)]


@pytest.mark.parametrize("number", MODULES)
def test_every_cited_section_is_still_a_heading_of_its_lesson(number):
    module = MODULES[number]
    assert module.see.lesson.number == number          # the module cites its own lesson
    sections = cited_sections(module)
    assert len(sections) >= (1 if number in DRAFTS else 3)
    present = headings(module.see.lesson.lesson)
    numbers = {re.match(r"\d*", h).group() for h in numbered_headings(module.see.lesson.lesson)}
    for section in sections:
        if section.isdigit():           # cited by its number alone
            assert section in numbers, (module.__name__, section)
            continue
        name = unnumbered(section)
        # a heading may be cited up to a comma or colon, where the rest would give an answer
        assert any(h == name or h.startswith((name + ",", name + ":")) for h in present), (
            f"{module.__name__} cites '{section}', which is no longer a heading of "
            f"{module.see.lesson.lesson}")


@pytest.mark.parametrize("number", MODULES)
def test_no_hint_names_a_lesson_by_hand(number):
    source = inspect.getsource(MODULES[number])
    assert "See lesson" not in source and "notebooks/" not in source


# --- The keys' generated cells: header and "How feedback works" -----------------------------------

_spec = importlib.util.spec_from_file_location("workbook_text",
                                               ROOT / "scripts" / "workbook_text.py")
workbook_text = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(workbook_text)


def test_every_key_header_and_feedback_paragraph_is_up_to_date():
    assert workbook_text.write_feedback_cells(check=True) == [], (
        "run `python scripts/workbook_text.py`, then scripts/make_student_versions.py")


def cell(kind, text, *tags):
    return {"cell_type": kind, "id": kind, "metadata": {"tags": list(tags)} if tags else {},
            "source": text}


def test_stale_cells_are_rewritten_missing_ones_added_and_the_rest_left_alone():
    lesson = manifest.lesson("04")
    intro = cell("markdown", "It practises reading 万 and 亿.")
    code = cell("code", "answer_2 = ...")
    nb = {"cells": [cell("markdown", "# Workbook 04 · An old title", "workbook-header"), intro,
                    code]}
    new = workbook_text.updated(nb, lesson)
    assert [c["source"] for c in new["cells"]] == [
        workbook_text.header_text(lesson), intro["source"],
        workbook_text.feedback_text(nb), code["source"]]
    assert nb["cells"][0]["source"] == "# Workbook 04 · An old title"     # a copy was changed
    assert workbook_text.updated(new, lesson) == new                         # and it is stable
    bare = workbook_text.updated({"cells": [code]}, lesson)
    assert [workbook_text.tags(c) for c in bare["cells"]] == [["workbook-header"],
                                                             ["how-feedback-works"], []]


def test_the_feedback_paragraph_speaks_of_widgets_and_open_questions_only_where_there_are_some():
    plain = {"cells": [cell("code", "check.task_1(answer_1)")]}
    full = {"cells": [cell("code", "check.task_2_widget()"),
                      cell("markdown", "Why?<!-- BEGIN SOLUTION -->Because.<!-- END SOLUTION -->")]}

    def flat(nb):
        return " ".join(workbook_text.feedback_text(nb).split())
    assert flat(plain) == " ".join(workbook_text.FEEDBACK.split())
    assert flat(full) == " ".join(" ".join([workbook_text.FEEDBACK, workbook_text.WIDGET,
                                            workbook_text.OPEN]).split())


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.number for lesson in LESSONS])
def test_the_workbook_names_its_lesson_with_a_link_that_works_where_it_lies(lesson):
    for path in (lesson.key, lesson.workbook):
        nb = json.loads((ROOT / path).read_text(encoding="utf-8"))
        header = "".join(nb["cells"][0]["source"])
        assert header.startswith(f"# Workbook {lesson.number} · {lesson.title}\n")
        target = re.search(r"\]\(([^)]+\.ipynb)\)", header).group(1)
        assert ((ROOT / path).parent / target).resolve() == (ROOT / lesson.lesson).resolve()
        texts = ["".join(c["source"]) for c in nb["cells"]]
        assert sum("How feedback works" in text for text in texts) == 1      # one, generated
