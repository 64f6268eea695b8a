"""Hand an assignment to nbgrader: a ready course folder whose test cells call our hidden suite.

``autograder export nbgrader COURSE_DIR [ASSIGNMENT]`` writes::

    COURSE_DIR/nbgrader_config.py                       course_id = the folder's name
    COURSE_DIR/source/<assignment>/<assignment>.ipynb   solutions, locked lesson, test cells
    COURSE_DIR/source/<assignment>/...                  public checks, helpers, data
    COURSE_DIR/autograder/solutions/<assignment>/       the hidden suite and reference

Several assignments (even of several of our courses) can share one nbgrader course: each
export adds or refreshes its own folders and leaves the others alone.

After each solution cell comes, in place of our release's check cell, one autograder test cell
worth the exercise's points::

    from public_tests import nbgrader_check
    ### BEGIN HIDDEN TESTS
    from autograder.integrations.nbgrader import checker
    nbgrader_check = checker("my_lesson")
    ### END HIDDEN TESTS
    nbgrader_check("my_exercise", globals())

Students (hidden lines removed) get the public checks, which raise when they fail. At autograde
the hidden lines swap in :func:`checker`, which runs the exercise's hidden tests from
``COURSE_DIR/autograder`` (``nbgrader_config.py`` points ``AUTOGRADER_COURSE`` there) and
returns the score, so nbgrader gives the same partial credit as ``autograder grade``. Its
failures print our feedback lines; no traceback can quote a hidden value, because the hidden
values live in the suite and never in the cell.

What nbgrader cannot protect against: the tests run in the student's kernel, next to code
that can patch numpy or this package. ``autograder grade`` is the safe path.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import nbformat

from ..course import COURSE_ENV, Assignment, UsageError

HIDDEN = "autograder"  # the folder of the nbgrader course that holds our hidden suites
CONFIG = '''\
# Written by `autograder export nbgrader`. Run nbgrader from this folder.
import os

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import ClearHiddenTests, GetGrades

c = get_config()  # noqa: F821 (nbgrader provides it)
c.CourseDirectory.course_id = "{course_id}"
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))

# the test cells' hidden lines grade with the suites kept here (the kernels inherit this)
os.environ["{env}"] = os.path.join(c.CourseDirectory.root, "{hidden}")

# numpy's "overflow encountered in exp" goes to stderr, and nbgrader scores any test cell that
# wrote to stderr as 0, even when every check passed
c.IgnorePattern.enabled = True
c.IgnorePattern.pattern = "RuntimeWarning"

# a student who deleted a test cell is still graded on it
c.OverwriteCells.add_missing_cells = True

# feedback shows what passed and failed, never the hidden test lines
c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, CSSHTMLHeaderPreprocessor]

# seconds per cell; a test cell runs one exercise's whole hidden suite
c.Execute.timeout = 600
'''

TEST_CELL = '''\
# Tests for `{name}` ({points:g} points). Run this cell to apply the public checks.
from public_tests import nbgrader_check
### BEGIN HIDDEN TESTS
from autograder.integrations.nbgrader import checker
nbgrader_check = checker("{assignment}")
### END HIDDEN TESTS
nbgrader_check("{name}", globals())'''


def checker(assignment: str) -> Callable[[str, dict], float]:
    """The hidden half of a test cell: ``check(exercise, globals())`` -> points earned.

    It runs the exercise's hidden tests in this kernel on the functions in ``globals()``
    (calls to other exercises are answered by the reference, as in ``autograder grade``),
    prints each failed property, and returns the score for nbgrader's partial credit.
    """
    from ..course import find_course
    from ..runner import grade_in_process
    from ..submission import InProcessBackend

    graded = find_course().assignment(assignment)

    def check(exercise: str, namespace: dict) -> float:
        def open_backend():
            from ..plugin import load_reference

            return InProcessBackend(namespace, load_reference(graded), graded.exercises())

        result = grade_in_process(graded, open_backend, only=exercise)
        for test in result.tests:
            if test.score < test.points:
                print(f"FAIL  {test.prop} ({test.points:g} pt): {test.message}")
        score, top = result.by_exercise([exercise])[exercise]
        print(f"{exercise}: {score:g} / {top:g} points from the hidden checks")
        return float(score)

    return check


def _test_cell(assignment: str, name: str, points: float) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(TEST_CELL.format(assignment=assignment, name=name,
                                                      points=points))
    cell.id = f"test_{name}"
    cell.metadata = {
        "deletable": False, "editable": False,
        "nbgrader": {"grade": True, "grade_id": f"test_{name}", "locked": True,
                     "points": points, "schema_version": 3, "solution": False},
    }
    return cell


def source_notebook(assignment: Assignment, points: dict[str, float]) -> nbformat.NotebookNode:
    """The instructor's nbgrader notebook: our lesson with solutions, plus one test cell per
    exercise (worth ``points[exercise]``) right after its solution cell, in place of our
    release's check cell."""
    from ..release import build_notebook

    notebook = build_notebook(assignment.source.read_text(encoding="utf-8"), solutions=True,
                              checks=False)
    cells = []
    for cell in notebook.cells:
        cells.append(cell)
        meta = cell.metadata["nbgrader"]
        if meta["solution"]:
            cells.append(_test_cell(assignment.name, meta["grade_id"], points[meta["grade_id"]]))
    notebook.cells = cells
    nbformat.validate(notebook)
    return notebook


def export(assignment: Assignment, course: Path) -> list[Path]:
    """Write (or refresh) ``assignment`` in the nbgrader course folder ``course``; return the
    files written. Other assignments' folders in the course are left alone."""
    from ..release import release_files
    from ..reports import write_atomic
    from ..runner import exercise_points

    if course.exists() and not course.is_dir():
        raise UsageError(f"{course} exists and is not a folder")
    points = exercise_points(assignment)
    source = course / "source" / assignment.name
    config = CONFIG.format(course_id=course.resolve().name, env=COURSE_ENV, hidden=HIDDEN)
    files = {course / "nbgrader_config.py": config.encode(),
             source / f"{assignment.name}.ipynb":
                 nbformat.writes(source_notebook(assignment, points)).encode() + b"\n"}
    for relative, content in release_files(assignment).items():
        if not relative.startswith(f"{assignment.name}."):  # the stubs come from nbgrader
            files[source / relative] = content
    hidden = course / HIDDEN / "solutions" / assignment.name
    for path in sorted(assignment.folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            files[hidden / path.relative_to(assignment.folder)] = path.read_bytes()
    try:
        for path, content in files.items():
            write_atomic(path, content)
        for path in hidden.rglob("*"):  # a test deleted from the suite must not grade on
            if path.is_file() and path not in files:
                path.unlink()
    except OSError as error:
        raise UsageError(f"cannot write {error.filename}: {error.strerror}") from None
    return list(files)
