"""The workbook kit (counterpart.workbooks), for every workbook the manifest lists: each task
awaits an answer when left blank, each multiple-choice task marks letters, option texts and
its widget alike without giving the key away, and each lesson section a hint cites is still a
heading of that lesson."""
import ast
import importlib
import inspect
import json
import re

import pytest

from counterpart import manifest
from counterpart.paths import ROOT
from counterpart.workbooks import MultipleChoice, see_lesson
from workbook_helpers import BLANKS, assert_not_answered, assert_widget_marks, assert_wrong

LESSONS = [lesson for lesson in manifest.lessons() if lesson.has_workbook
           and (ROOT / lesson.check_module.replace(".", "/")).with_suffix(".py").is_file()]
MODULES = {lesson.number: importlib.import_module(lesson.check_module) for lesson in LESSONS}


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
        assert len(tasks(module)) >= 5, number
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


# --- Multiple choice ---------------------------------------------------------------------------

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


# --- "See lesson NN, section S" ----------------------------------------------------------------

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
    return re.sub(r"^\d+(\.|\s*·)\s*", "", title)


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
    assert len(sections) >= 3
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
