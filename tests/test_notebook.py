"""The lesson notebook, with the reference filled in, runs top to bottom in a real kernel."""

from __future__ import annotations

import re

import nbformat
import pytest
from nbclient import NotebookClient

from autograder.release import build_notebook

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """run(assignment): its instructor's notebook executed inside a scratch copy of its
    release folder (each notebook runs once per module)."""
    import shutil

    done = {}

    def run(assignment):
        if assignment.name not in done:
            folder = tmp_path_factory.mktemp("run") / assignment.name
            shutil.copytree(assignment.release_dir, folder)
            notebook = build_notebook(assignment.source.read_text(), solutions=True)
            NotebookClient(notebook, timeout=600, kernel_name="python3",
                           resources={"metadata": {"path": folder}}).execute()
            nbformat.write(notebook, folder / "executed.ipynb")
            done[assignment.name] = notebook
        return done[assignment.name]

    return run


def _text(notebook) -> str:
    chunks = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            chunks.append(output.get("text", ""))
            chunks.append(output.get("data", {}).get("text/plain", ""))
    return "\n".join(chunks)


def test_runs_without_errors_or_failed_checks(assignment, executed):
    notebook = executed(assignment)
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors, errors
    text = _text(notebook)
    assert "FAIL" not in text
    # every check cell ran its exercise's public checks, and all passed
    for name in assignment.exercises():
        assert f"{name}: " in text and "public checks passed" in text


def test_lesson_works_the_computation_graph(lr, executed):
    text = _text(executed(lr))
    assert "J = 33.0; dJ/dv = 3.0, dJ/da = 3.0, dJ/db = 6.0, dJ/dc = 9.0" in text


def test_shows_cost_curves_and_accuracies(lr, executed):
    notebook = executed(lr)
    images = [o for c in notebook.cells for o in c.get("outputs", [])
              if "image/png" in o.get("data", {})]
    assert len(images) >= 3  # the sample digits, the cost curve, the learning-rate comparison
    text = _text(notebook)
    train = float(re.search(r"train accuracy: ([\d.]+) %", text).group(1))
    test = float(re.search(r"test accuracy: ([\d.]+) %", text).group(1))
    print(f"train accuracy {train:.2f} %, test accuracy {test:.2f} %")
    assert train > 90 and test > 80  # well above the 50 % of guessing on this balanced set
    assert "Cost after iteration 1900" in text


@pytest.mark.parametrize("corpus_file", ["16_propagate_dw_not_averaged.py",
                                         "37_predict_forgot_bias.py"])
def test_check_cells_and_public_tests_py_agree_on_a_notebook(lr, tmp_path, corpus_file):
    """A student's notebook: its check cells, and `python public_tests.py` next to the module
    that Jupyter's "save as script" exports from it, print the same verdicts."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from autograder.notebook import fill_notebook

    assignment = lr
    folder = tmp_path / assignment.name
    shutil.copytree(assignment.release_dir, folder)
    released = nbformat.read(folder / f"{assignment.name}.ipynb", as_version=4)
    corpus = Path(__file__).parent / "corpus" / "logistic_regression" / "buggy" / corpus_file
    notebook = nbformat.from_dict(fill_notebook(released, corpus.read_text()))
    NotebookClient(notebook, timeout=600, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": folder}}).execute()
    nbformat.write(notebook, folder / f"{assignment.name}.ipynb")
    (folder / f"{assignment.name}.py").unlink()
    exported = subprocess.run(
        [sys.executable, "-m", "jupyter", "nbconvert", "--to", "script",
         f"{assignment.name}.ipynb"], cwd=folder, capture_output=True, text=True, timeout=120)
    assert (folder / f"{assignment.name}.py").is_file(), exported.stderr
    command = subprocess.run([sys.executable, "-I", "public_tests.py"], cwd=folder,
                             capture_output=True, text=True, timeout=300)
    verdict = re.compile(r"^(PASS|FAIL)  \w+: .*$", re.MULTILINE)
    in_notebook = [m.group(0) for m in verdict.finditer(_text(notebook))]
    on_command_line = [m.group(0) for m in verdict.finditer(command.stdout)]
    assert command.returncode == 1
    assert any(line.startswith("FAIL") for line in on_command_line)
    assert in_notebook == on_command_line, "\n".join(
        ["notebook:", *in_notebook, "command line:", *on_command_line])
