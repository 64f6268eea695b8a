"""Fair scores on work written the way students write it: notebooks graded as they ran,
representation slips that cost only the structure test, and nothing for no effort."""

from __future__ import annotations

import ast
import shutil

import nbformat
import pytest

from autograder.notebook import fill_notebook
from tests.test_grading import CORPUS, EXERCISES, LR_SOURCE, grade
from tests.test_notebook_submissions import RELEASED, code_cell, write_notebook

pytestmark = pytest.mark.slow

REFERENCE = LR_SOURCE.read_text()
NO_EFFORT = CORPUS / "no_effort"
FULL = {"preprocess": 10, "sigmoid": 10, "initialize_with_zeros": 5, "propagate": 30,
        "optimize": 20, "predict": 10, "model": 15}


def functions(source: str = REFERENCE) -> dict[str, str]:
    """{name: source} of the top-level functions of a module's text."""
    lines = source.splitlines()
    return {node.name: "\n".join(lines[node.lineno - 1:node.end_lineno])
            for node in ast.parse(source).body if isinstance(node, ast.FunctionDef)}


def scores(row: dict) -> dict[str, int]:
    return {name: int(float(row[name].split("/")[0])) for name in EXERCISES}


COURSE_IMPORTS = """\
import matplotlib.pyplot as plt
import numpy as np
import copy
import h5py
import scipy
from PIL import Image
from scipy import ndimage
from lr_utils import load_dataset
from public_tests import *

%matplotlib inline
%load_ext autoreload
%autoreload 2"""

LOAD = ("train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes = "
        "load_dataset()")

PLOTS = """\
index = 25
plt.imshow(train_set_x_orig[index])
print("y = " + str(train_set_y[:, index]) + ", it's a '"
      + classes[np.squeeze(train_set_y[:, index])].decode("utf-8") + "' picture.")
fig, ax = plt.subplots()
ax.plot(logistic_regression_model["costs"])
plt.ylabel("cost")
plt.show()"""

OLD_CHECKS = """\
sigmoid_test(sigmoid)
propagate_test(propagate)
my_image = "my_image.jpg"
image = np.array(Image.open("images/" + my_image).resize((64, 64)))"""


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A class of submissions written as students write them, graded in one batch."""
    folder = tmp_path_factory.mktemp("students")
    found = functions()
    # everything in one cell after a data-loading line; an old optimize without defaults
    old_optimize = found["optimize"].replace(
        "num_iterations=100, learning_rate=0.009, print_cost=False",
        "num_iterations, learning_rate, print_cost = False")
    body = "\n\n".join([LOAD, *(old_optimize if name == "optimize" else found[name]
                                 for name in EXERCISES)])
    write_notebook(folder / "course_style.ipynb", [
        code_cell(COURSE_IMPORTS), code_cell(PLOTS), code_cell(body), code_cell(OLD_CHECKS)])
    # a perfect released notebook whose first cell imports matplotlib above numpy
    notebook = fill_notebook(nbformat.read(RELEASED, as_version=4), REFERENCE)
    first = next(cell for cell in notebook["cells"]
                 if cell["metadata"].get("nbgrader", {}).get("solution"))
    first["source"] = "import matplotlib.pyplot as plt\n" + first["source"]
    nbformat.write(nbformat.from_dict(notebook), folder / "plt_first.ipynb")
    # a failing statement that a graded function needs
    needed = found["sigmoid"].replace("def sigmoid(z):", "def sigmoid(z):\n    ONE + 0")
    write_notebook(folder / "needed.ipynb", [
        code_cell("import copy\nONE = undefined_name\nimport numpy as np"),
        code_cell("\n\n".join(found[name] if name != "sigmoid" else needed
                              for name in EXERCISES))])
    # representation slips: the values are right
    for name, old, new in SLIPS:
        assert old in REFERENCE, name
        (folder / f"{name}.py").write_text(REFERENCE.replace(old, new))
    out = tmp_path_factory.mktemp("out")
    return grade([folder], out, "--jobs", "2"), out


SLIPS = [
    ("db_shape_1", "db = np.sum(dZ) / m", "db = np.sum(dZ, axis=1) / m"),
    ("db_shape_1x1", "db = np.sum(dZ) / m", "db = np.sum(dZ, axis=1, keepdims=True) / m"),
    ("dw_float32", "dw = np.dot(X, dZ.T) / m", "dw = (np.dot(X, dZ.T) / m).astype(np.float32)"),
    ("bool_predictions", "Y_prediction = (probabilities > 0.5).astype(float).reshape(1, m)",
     "Y_prediction = (probabilities > 0.5).reshape(1, m)"),
    ("int_predictions", "Y_prediction = (probabilities > 0.5).astype(float).reshape(1, m)",
     "Y_prediction = (probabilities > 0.5).astype(int).reshape(1, m)"),
    ("list_preprocess", "    return X\n", "    return X.tolist()\n"),
    ("int_zero_b", "    b = float(0)", "    b = 0"),
]
#: slip -> (its exercise, the points of that exercise's structure test: all it may cost)
COSTS = {"db_shape_1": ("propagate", 3), "db_shape_1x1": ("propagate", 3),
         "dw_float32": ("propagate", 3), "bool_predictions": ("predict", 2),
         "int_predictions": ("predict", 2), "list_preprocess": ("preprocess", 2),
         "int_zero_b": ("initialize_with_zeros", 1)}


def test_a_notebook_written_like_the_course_scores_full_marks(graded):
    book, out = graded
    assert scores(book["course_style"]) == FULL
    feedback = (out / "course_style" / "feedback.md").read_text()
    # every failing statement is named once, folded into one line that says it cost nothing
    assert feedback.count("raised but cost nothing") == 1, feedback
    assert "5 statement\\(s\\) raised but cost nothing" in feedback, feedback
    assert "may be why" not in feedback


def test_matplotlib_imported_above_numpy_costs_nothing(graded):
    book, _ = graded
    assert scores(book["plt_first"]) == FULL


def test_a_failing_statement_a_graded_function_needs_is_named(graded):
    book, out = graded
    assert scores(book["needed"])["sigmoid"] == 0
    feedback = (out / "needed" / "feedback.md").read_text().replace("\\", "")  # unescaped
    assert "cell 1, line 2 raised NameError" in feedback
    # the statements after the failing one still ran: only sigmoid lost points
    assert scores(book["needed"]) == {**FULL, "sigmoid": 0}
    assert "`ONE`, which sigmoid() uses: that may be why it lost points" in feedback


@pytest.mark.parametrize("slip", [name for name, _, _ in SLIPS])
def test_a_representation_slip_costs_only_structure_tests(graded, slip):
    """The slip's exercise loses its structure test and nothing else, and says what the
    course expects."""
    book, out = graded
    exercise, cost = COSTS[slip]
    expected = {name: FULL[name] - (cost if name == exercise else 0) for name in EXERCISES}
    assert scores(book[slip]) == expected
    feedback = (out / slip / "feedback.md").read_text()
    assert feedback.count("\n- **") == 1, feedback  # one failed check


def test_no_effort_earns_nothing_in_any_exercise(tmp_path):
    """Zeros, constants, identity, random values, garbage, NotImplementedError and the
    untouched release (module and notebook) score 0 in every exercise."""
    folder = tmp_path / "class"
    folder.mkdir()
    for path in NO_EFFORT.glob("*.py"):
        shutil.copy(path, folder / path.name)
    for suffix in (".py", ".ipynb"):
        target = folder / f"untouched_release_{suffix[1:]}{suffix}"
        shutil.copy(RELEASED.with_suffix(suffix), target)
    book = grade([folder], tmp_path / "out", "--jobs", "2")
    assert len(book) == 8
    for student, row in book.items():
        assert row["score"] == "0", (student, row)
