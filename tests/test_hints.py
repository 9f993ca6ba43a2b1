"""Beginner slips: an answer typed without quotation marks gets a one-line hint under its
NameError (the traceback stays), and a check given the wrong type names it in plain words."""
import nbformat
import numpy as np
import pandas as pd
from nbclient import NotebookClient

from counterpart import checks


def test_bare_answer_gets_a_quotation_mark_hint_and_keeps_the_traceback(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("from counterpart.workbooks import wb02 as check"),
                nbformat.v4.new_code_cell("answer_2 = d   # my answer"),
                nbformat.v4.new_code_cell("print(undefined_thing)")]
    NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    slip, other = nb.cells[1].outputs, nb.cells[2].outputs
    assert [o.get("ename") for o in slip if o.output_type == "error"] == ["NameError"]
    hint = "".join(o.get("text", "") for o in slip if o.output_type == "stream")
    assert hint.strip() == ('Hint: d is not defined. If you meant the text d, put it in '
                            'quotation marks: answer_2 = "d"')
    assert [o.get("ename") for o in other if o.output_type == "error"] == ["NameError"]
    assert not [o for o in other if o.output_type == "stream"]      # no hint elsewhere


def test_quote_hint_only_for_a_bare_answer():
    assert checks.quote_hint("b", "answer_1 = b") != ""
    assert checks.quote_hint("pd", "answer_1 = pd.read_csv('x')") == ""
    assert checks.quote_hint("x", "y = x") == ""


def test_wrong_types_are_named_in_plain_words():
    assert checks.kind("a") == "text"
    assert checks.kind(np.float64(11.8)) == "a number"
    assert checks.kind(np.int64(3)) == "a whole number"
    assert checks.kind(pd.DataFrame()) == "a table (a DataFrame)"
    message = checks.choice(np.float64(11.8), "b", ["x", "y"], "hint").message
    assert "you gave a number" in message
    assert "float64" not in message and "11.8" not in message
    assert "you gave a whole number" in checks.text_answer(3, ["审议"], "hint").message
