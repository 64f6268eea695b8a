"""Grading .ipynb submissions: which cells run, magics, broken notebooks, a class of notebooks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from autograder.notebook import NotebookError, fill_notebook, read_cells, strip_magics
from tests.test_grading import CORPUS, EXERCISES, LR_SOURCE, ROOT, grade, header_of

RELEASED = ROOT / "assignments" / "logistic_regression" / "logistic_regression.ipynb"


def code_cell(source: str, nbgrader: dict | None = None) -> dict:
    metadata = {"nbgrader": nbgrader} if nbgrader else {}
    return {"cell_type": "code", "metadata": metadata, "source": source, "outputs": [],
            "execution_count": None}


def write_notebook(path: Path, cells: list[dict], version: int = 4) -> Path:
    path.write_text(json.dumps({"nbformat": version, "nbformat_minor": 5, "metadata": {},
                                "cells": cells}))
    return path


@pytest.mark.parametrize("source, expected, removed", [
    ("%matplotlib inline\nimport numpy as np", "pass\nimport numpy as np", 1),
    ("!pip install numpy\nx = 1", "pass\nx = 1", 1),
    ("files = !ls\nnp.exp?", "pass\npass", 2),
    ("if True:\n    %time y = 2", "if True:\n    pass", 1),
    ("%%time\nz = 3", "z = 3", 1),
    ("%%bash\necho hi", "", 2),
    ("x = 5 % 3\ny = x != 2", "x = 5 % 3\ny = x != 2", 0),
])
def test_magics_become_pass_and_python_is_untouched(source, expected, removed):
    assert strip_magics(source) == (expected, removed)


def test_nbgrader_notebook_runs_solutions_added_cells_and_released_locked_cells(tmp_path):
    solution = {"grade": False, "grade_id": "sigmoid", "locked": False, "schema_version": 3,
                "solution": True}
    locked = {"grade": False, "grade_id": "setup-01", "locked": True, "schema_version": 3,
              "solution": False}
    test = {"grade": True, "grade_id": "test_sigmoid", "locked": True, "points": 10,
            "schema_version": 3, "solution": False}
    path = write_notebook(tmp_path / "s.ipynb", [
        code_cell("import os  # the student edited a locked cell", locked),
        code_cell("def helper():\n    return 1"),
        code_cell("def sigmoid(z):\n    return z", solution),
        code_cell("assert False, 'a test cell never runs'", test),
        code_cell("unknown = 1", {**locked, "grade_id": "not-released"}),
    ])
    cells, notes = read_cells(path, {"setup-01": "import numpy as np"})
    assert [(c.name, c.source) for c in cells] == [
        ("cell 1", "import numpy as np"),
        ("cell 2", "def helper():\n    return 1"),
        ("cell 3", "def sigmoid(z):\n    return z"),
    ]
    assert notes == []


def test_plain_notebook_runs_every_code_cell_and_notes_magics(tmp_path):
    path = write_notebook(tmp_path / "p.ipynb", [
        code_cell(["%load_ext autoreload\n", "import numpy as np"]),
        {"cell_type": "markdown", "metadata": {}, "source": "text"},
        code_cell("x = 1"),
    ])
    cells, notes = read_cells(path, {})
    assert [c.source for c in cells] == ["pass\nimport numpy as np", "x = 1"]
    assert len(notes) == 1 and "cell(s) 1" in notes[0] and "magics" in notes[0]


@pytest.mark.parametrize("content, message", [
    (b'{"cells": [', "invalid JSON at line 1"),
    (b"\xff\xfe not text", "not UTF-8"),
    (b"[1, 2]", "no list of cells"),
    (json.dumps({"nbformat": 5, "cells": []}).encode(), "format 5 is newer"),
    (json.dumps({"nbformat": 3, "cells": []}).encode(), "too old"),
    (json.dumps({"nbformat": 4, "cells": [{"cell_type": "markdown", "source": "x"}]}).encode(),
     "no code to grade"),
])
def test_broken_notebooks_get_one_line_reasons(tmp_path, content, message):
    path = tmp_path / "broken.ipynb"
    path.write_bytes(content)
    with pytest.raises(NotebookError, match=message) as raised:
        read_cells(path, {})
    assert "\n" not in str(raised.value)


def test_fill_notebook_puts_each_function_in_its_cell():
    released = nbformat.read(RELEASED, as_version=4)
    code = (CORPUS / "correct" / sorted(p.name for p in (CORPUS / "correct").glob("*.py"))[0])
    filled = fill_notebook(released, code.read_text())
    solutions = [c for c in filled["cells"] if c["metadata"].get("nbgrader", {}).get("solution")]
    for cell in solutions:
        name = cell["metadata"]["nbgrader"]["grade_id"]
        assert f"def {name}(" in cell["source"] and "NotImplementedError" not in cell["source"]


@pytest.mark.slow
def test_a_class_of_notebooks_mixed_with_py_and_broken_files(tmp_path):
    """30 notebooks made from the corpus, a .py file, a notebook with magics and a raising
    cell, and three broken notebooks, graded in one batch."""
    released = nbformat.read(RELEASED, as_version=4)
    folder = tmp_path / "class"
    folder.mkdir()
    sources = sorted(CORPUS.glob("buggy/*.py"))[::2] + sorted(CORPUS.glob("correct/*.py"))[:6]
    assert len(sources) == 30
    for path in sources:
        notebook = nbformat.from_dict(fill_notebook(released, path.read_text()))
        nbformat.write(notebook, folder / f"{path.parent.name}_{path.stem}.ipynb")
    shutil.copy(LR_SOURCE, folder / "reference.py")
    reference = fill_notebook(released, (LR_SOURCE)
                              .read_text())
    first = next(c for c in reference["cells"] if c["metadata"]["nbgrader"]["solution"])
    reference["cells"].insert(0, nbformat.v4.new_code_cell("%matplotlib inline\n1 / 0"))
    first["source"] = "!pip install numpy\n" + first["source"]
    nbformat.write(nbformat.from_dict(reference), folder / "magic.ipynb")
    (folder / "garbled.ipynb").write_text('{"cells": [')
    write_notebook(folder / "future.ipynb", [code_cell("x = 1")], version=5)
    write_notebook(folder / "empty.ipynb", [])
    out = tmp_path / "out"
    book = grade([folder], out, "--jobs", "2")
    for path in sources:
        row = book[f"{path.parent.name}_{path.stem}"]
        if path.parent.name == "correct":
            assert row["score"] == "100", (path.name, row)
        else:
            full = book["reference"]
            lost = [name for name in EXERCISES if row[name] != full[name]]
            assert lost == [header_of(path, "bug")], (path.name, row)
    assert book["magic"]["score"] == "100"
    feedback = (out / "magic" / "feedback.md").read_text()
    assert "magics" in feedback and "cell 1, line 2: ZeroDivisionError" in feedback
    for student, reason in [("garbled", "invalid JSON"), ("future", "newer than"),
                            ("empty", "no code")]:
        assert book[student]["score"] == "error"
        assert reason in (out / student / "feedback.md").read_text()
