"""``autograder new NAME``: a new assignment that releases, checks and grades as it is.

It writes ``solutions/NAME/`` with a lesson of one example exercise, a hidden suite of two
tests (one public), ``assignment.toml`` and an empty ``files/``. The author then replaces the
example with the lesson's own exercises (docs/authoring.md walks through it).
"""

from __future__ import annotations

import keyword
import sys
from pathlib import Path

from .course import CONFIG, UsageError

#: names a student's module must not take: they would hide a module the release relies on
RESERVED = {"numpy", "public_tests", "public_checks", "checks", "gradcheck", "solutions",
            "assignments", "tests", "autograder"}

LESSON = '''\
# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # {name}
#
# Replace this lesson with yours. Each exercise is a top-level function whose body holds a
# solution region, between the BEGIN and END SOLUTION marker lines: students get the function
# with that region replaced by `raise NotImplementedError()`, and after it a cell that runs
# the exercise's public checks.

# %%
import numpy as np

# %% [markdown]
# ## Exercise 1: `scale`
#
# Multiply every entry of an array by `factor`.

# %%
def scale(x, factor=2.0):
    """Return ``x`` times ``factor``.

    x -- a numpy array of any shape
    factor -- a number
    Returns a float array of the shape of x.
    """
    ### BEGIN SOLUTION
    result = np.asarray(x, dtype=float) * factor
    ### END SOLUTION
    return result


# %%
if __name__ == "__main__":
    print("scale([1, 2]) =", scale(np.array([1.0, 2.0])))
'''

TESTS = '''\
"""Hidden tests of `scale`: one public (the lesson's example), one hidden."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from autograder.checks import expect_close

arrays = hnp.arrays(np.float64, hnp.array_shapes(max_dims=3, max_side=5),
                    elements=st.floats(-100, 100))


@pytest.mark.public
@pytest.mark.exercise("scale", points=2)
def test_lesson_example(submission, reference):
    """scale(np.array([1.0, 2.0])) is the lesson's [2.0, 4.0]"""
    x = np.array([1.0, 2.0])
    expect_close(submission.scale(x), reference.scale(x), "scale(np.array([1.0, 2.0]))",
                 mistakes={"the factor was not applied": x})


@pytest.mark.exercise("scale", points=3)
@given(x=arrays, factor=st.floats(-10, 10))
def test_any_array_and_factor(submission, reference, x, factor):
    """scale(x, factor) equals x times factor, for arrays of any shape"""
    expect_close(submission.scale(x, factor), reference.scale(x, factor), "scale(x, factor)")
'''

TOML = '''\
# What the lesson and its hidden suite cannot say themselves (see docs/authoring.md).
title = "{name}"
points = 5  # the hidden tests' points must add up to this

[release]
engine_modules = []  # e.g. ["gradcheck"]: the finite-difference checker, for students too

[budget]
exercise_wall = 30  # seconds for all calls of one exercise (see autograder.sandbox.jail.Budget)
'''


def scaffold(course_root: Path, name: str) -> Path:
    """Write ``solutions/<name>/`` under ``course_root`` and return it; a UsageError when the
    name is not a usable module name or the folder exists."""
    if not name.isidentifier() or keyword.iskeyword(name) or name in RESERVED \
            or name in sys.stdlib_module_names:
        raise UsageError(f"{name!r} cannot name an assignment: use a Python identifier that "
                         "is not a standard or reserved module name (students import it)")
    folder = course_root / "solutions" / name
    if folder.exists():
        raise UsageError(f"{folder} exists already")
    files = {
        CONFIG: TOML.format(name=name),
        "__init__.py": f'"""The {name} assignment (instructor-only)."""\n',
        f"{name}.py": LESSON.format(name=name),
        "tests/__init__.py": f'"""The hidden suite of {name}."""\n',
        "tests/test_scale.py": TESTS,
        "files/.keep": "",  # released as they are: helpers, data (dot files stay here)
    }
    try:
        for relative, text in files.items():
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            (folder / relative).write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write {error.filename}: {error.strerror}") from None
    return folder
