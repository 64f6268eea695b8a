"""The lesson notebook, with the reference filled in, runs top to bottom in a real kernel."""

from __future__ import annotations

import re

import nbformat
import pytest
from nbclient import NotebookClient

from autograder.release import build_notebook

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def executed(assignment, tmp_path_factory):
    """The instructor's notebook executed inside a scratch copy of the release folder."""
    import shutil

    folder = tmp_path_factory.mktemp("run") / assignment.name
    shutil.copytree(assignment.release_dir, folder)
    notebook = build_notebook(assignment.source.read_text(), solutions=True)
    NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": folder}},
    ).execute()
    nbformat.write(notebook, folder / "executed.ipynb")
    return notebook


def _text(notebook) -> str:
    chunks = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            chunks.append(output.get("text", ""))
            chunks.append(output.get("data", {}).get("text/plain", ""))
    return "\n".join(chunks)


def test_runs_without_errors_or_failed_checks(executed):
    errors = [o for c in executed.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors, errors
    text = _text(executed)
    assert "FAIL" not in text
    assert "J = 33.0; dJ/dv = 3.0, dJ/da = 3.0, dJ/db = 6.0, dJ/dc = 9.0" in text


def test_shows_cost_curves_and_accuracies(executed):
    images = [o for c in executed.cells for o in c.get("outputs", [])
              if "image/png" in o.get("data", {})]
    assert len(images) >= 3  # the sample digits, the cost curve, the learning-rate comparison
    text = _text(executed)
    train = float(re.search(r"train accuracy: ([\d.]+) %", text).group(1))
    test = float(re.search(r"test accuracy: ([\d.]+) %", text).group(1))
    print(f"train accuracy {train:.2f} %, test accuracy {test:.2f} %")
    assert train > 90 and test > 80  # well above the 50 % of guessing on this balanced set
    assert "Cost after iteration 1900" in text
