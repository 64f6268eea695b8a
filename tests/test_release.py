"""The student release: generated from the single source, committed, and free of solutions."""

from __future__ import annotations

import nbformat
import numpy as np
import pytest

from autograder.release import (
    SourceError,
    build_notebook,
    exercise_of,
    exercises,
    leaked_solution_lines,
    release,
    solution_lines,
    stale_files,
    strip_solutions,
)
from tests.conftest import load_module

EXERCISES = [
    "preprocess", "sigmoid", "initialize_with_zeros", "propagate", "optimize", "predict", "model",
]


def test_exercises_are_the_courses_in_lesson_order(lr):
    assert exercises(lr.source.read_text()) == EXERCISES


def test_committed_release_is_up_to_date(assignment):
    """Fails when solutions/ changed but `autograder release` was not re-run."""
    stale = stale_files(assignment)
    assert not stale, f"stale release files {stale}: run `uv run autograder release`"


def test_release_is_idempotent_and_prunes_strays(lr, tmp_path):
    assignment = lr
    out = release(assignment, tmp_path / "out")
    (out / "stray.txt").write_text("left over")
    first = {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    release(assignment, out)
    second = {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert out / "stray.txt" in first and out / "stray.txt" not in second
    del first[out / "stray.txt"]
    assert first == second


def test_no_solution_line_appears_in_the_release(assignment):
    text = assignment.source.read_text()
    assert len(solution_lines(text)) >= len(assignment.exercises())  # the regions were found
    committed = {path.relative_to(assignment.release_dir).as_posix(): path.read_bytes()
                 for path in assignment.release_dir.rglob("*") if path.is_file()}
    leaked = leaked_solution_lines(text, committed)
    assert not leaked, f"solution lines leaked into assignments/: {leaked}"


def test_check_names_a_solution_line_a_public_helper_repeats(tmp_path):
    """A public test's helper that recomputes the answer reaches students with the public
    checks: `autograder check` says so, and which line."""
    from autograder.course import Course
    from autograder.scaffold import scaffold
    from autograder.validate import validate

    folder = scaffold(tmp_path, "demo")
    lesson = (folder / "demo.py").read_text()
    line = next(line.strip() for line in solution_lines(lesson) if line.strip())
    tests = folder / "tests" / "test_scale.py"
    text = tests.read_text().replace(
        'mistakes={"the factor was not applied": x})',
        'mistakes={"the factor was not applied": x, "tripled": _scaled(x, 3.0)})')
    tests.write_text(text + f"\n\ndef _scaled(x, factor):\n    {line}\n    return result\n")
    report = validate(Course(tmp_path).assignment("demo"))
    assert "solution line(s) also stand in the release" in report.text()
    assert repr(line) in report.text()


def test_notebook_has_valid_nbgrader_metadata(assignment):
    released = nbformat.read(assignment.release_dir / f"{assignment.name}.ipynb", as_version=4)
    nbformat.validate(released)
    # right after each solution cell, a read-only cell runs that exercise's public checks; it
    # has no nbgrader metadata (nbgrader would fail on a grade id its source does not have)
    checks = [cell for cell in released.cells if "nbgrader" not in cell.metadata]
    assert [cell.id for cell in checks] == [f"check-{name}" for name in assignment.exercises()]
    for cell, after in zip(released.cells, released.cells[1:], strict=False):
        if "nbgrader" in cell.metadata and cell.metadata["nbgrader"]["solution"]:
            name = cell.metadata["nbgrader"]["grade_id"]
            assert after.id == f"check-{name}" and f'check("{name}", globals())' in after.source
            assert after.metadata == {"deletable": False, "editable": False}
    notebook = nbformat.from_dict({**released, "cells": [cell for cell in released.cells
                                                         if cell not in checks]})
    ids = [cell.metadata["nbgrader"]["grade_id"] for cell in notebook.cells]
    assert len(ids) == len(set(ids))
    solutions = [cell for cell in notebook.cells if cell.metadata["nbgrader"]["solution"]]
    assert [cell.metadata["nbgrader"]["grade_id"] for cell in solutions] == \
        assignment.exercises()
    for cell in notebook.cells:
        meta = cell.metadata["nbgrader"]
        assert meta["schema_version"] == 3 and meta["grade"] is False
        assert set(meta) == {"grade", "grade_id", "locked", "schema_version", "solution"}
        assert meta["locked"] is not meta["solution"]
        assert cell.id == meta["grade_id"]
    for cell in solutions:
        assert "# YOUR CODE HERE\n" in cell.source and "raise NotImplementedError()" in cell.source


def test_notebook_with_solutions_matches_the_release_except_solution_cells(assignment):
    text = assignment.source.read_text()
    student = build_notebook(text, solutions=False)
    instructor = build_notebook(text, solutions=True)
    assert len(student.cells) == len(instructor.cells)
    for released, full in zip(student.cells, instructor.cells, strict=True):
        if full.metadata.get("nbgrader", {}).get("solution"):
            assert "### BEGIN SOLUTION" in full.source and "BEGIN SOLUTION" not in released.source
        else:
            assert released == full


def test_plain_module_stubs_raise_not_implemented(release_copy):
    """The stubs of logistic regression raise, whatever their arguments."""
    stubs = load_module(release_copy / "logistic_regression.py")
    w, X, Y = np.zeros((2, 1)), np.ones((2, 3)), np.ones((1, 3))
    calls = {
        "preprocess": lambda: stubs.preprocess(np.zeros((2, 3, 3), np.uint8)),
        "sigmoid": lambda: stubs.sigmoid(0.0),
        "initialize_with_zeros": lambda: stubs.initialize_with_zeros(2),
        "propagate": lambda: stubs.propagate(w, 0.0, X, Y),
        "optimize": lambda: stubs.optimize(w, 0.0, X, Y),
        "predict": lambda: stubs.predict(w, 0.0, X),
        "model": lambda: stubs.model(X, Y, X, Y),
    }
    assert list(calls) == EXERCISES
    for call in calls.values():
        with pytest.raises(NotImplementedError):
            call()


def test_strip_solutions_keeps_the_indent_and_the_scaffold():
    source = (
        "def f(x):\n"
        "    y = 1\n"
        "    ### BEGIN SOLUTION\n"
        "    z = x + y\n"
        "    ### END SOLUTION\n"
        "    return z\n"
    )
    assert strip_solutions(source) == (
        "def f(x):\n"
        "    y = 1\n"
        "    # YOUR CODE HERE\n"
        "    raise NotImplementedError()\n"
        "    return z\n"
    )
    assert solution_lines(source) == ["    z = x + y"]


@pytest.mark.parametrize(
    "source, message",
    [
        ("### BEGIN SOLUTION\nx\n", "never closed"),
        ("x\n### END SOLUTION\n", "without"),
        ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION\n", "nested"),
    ],
)
def test_malformed_markers_are_refused(source, message):
    with pytest.raises(SourceError, match=message):
        strip_solutions(source)


def test_an_exercise_is_the_function_around_its_solution_region():
    cell = ("def helper(x):\n    return x\n\n\n"
            "def scale(x):\n    ### BEGIN SOLUTION\n    y = helper(x) * 2\n"
            "    ### END SOLUTION\n    return y\n")
    assert exercise_of(cell, "cell 1") == "scale"


@pytest.mark.parametrize(
    "cell, message",
    [
        ("### BEGIN SOLUTION\nx = 1\n### END SOLUTION\n", "inside a top-level function"),
        ("def f():\n    ### BEGIN SOLUTION\n    pass\n    ### END SOLUTION\n\n\n"
         "def g():\n    ### BEGIN SOLUTION\n    pass\n    ### END SOLUTION\n", "one exercise"),
        ("def f(:\n", "line 1"),
    ],
)
def test_badly_placed_solution_regions_are_refused(cell, message):
    with pytest.raises(SourceError, match=message):
        exercise_of(cell, "cell 1")


def test_a_marker_must_be_a_line_of_its_own():
    """nbgrader takes a marker anywhere in a line, prose included: refused here first."""
    text = "# Write your code between `### BEGIN SOLUTION` and the end.\nx = 1\n"
    with pytest.raises(SourceError, match="line 1: ### BEGIN SOLUTION must be a line of its own"):
        strip_solutions(text)


def test_exercises_read_with_ast_match_the_notebooks_solution_cells(assignment):
    """The grader reads the exercise names without building the notebook; both agree."""
    text = assignment.source.read_text()
    cells = build_notebook(text, solutions=True, checks=False).cells
    assert exercises(text) == [cell.metadata["nbgrader"]["grade_id"] for cell in cells
                               if cell.metadata["nbgrader"]["solution"]]


@pytest.mark.parametrize("text, message", [
    ("x = 1\n### BEGIN SOLUTION\ny = 2\n### END SOLUTION\n", "inside a top-level function"),
    ("def f():\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION\n\n\n"
     "def f():\n    ### BEGIN SOLUTION\n    return 2\n    ### END SOLUTION\n", "defined twice"),
])
def test_exercises_refuse_a_region_outside_an_exercise_or_one_defined_twice(text, message):
    with pytest.raises(SourceError, match=message):
        exercises(text)
