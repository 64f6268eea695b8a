"""Inputs and helper functions shared by the computation-graph hidden tests.

Everything comes from hypothesis draws, so with the grading profile (derandomized) every
student meets the same inputs. Inputs are Python floats, as in the lecture; arrays for
``numeric_grad`` are small (at most 4 × 4) because each entry costs two calls of a function
the grader answers.
"""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from autograder.checks import expect_dict, lenient

#: The lecture's example, a = 5, b = 3, c = 2, and its published values.
LECTURE = (5.0, 3.0, 2.0)
LECTURE_FORWARD = {"u": 6.0, "v": 11.0, "J": 33.0}
LECTURE_BACKWARD = {"dv": 3.0, "du": 3.0, "da": 3.0, "db": 6.0, "dc": 9.0}
#: Another example for the public checks, where hard-coded lecture numbers are wrong.
OTHER = (-1.5, 0.5, 4.0)

#: The lesson's logistic-regression example, (x1, x2, w1, w2, b, y), with y = 1 and y = 0.
LOGISTIC_LESSON = (1.5, -2.0, 1.0, 0.5, 0.5, 1.0)
LOGISTIC_LESSON_Y0 = (1.5, -2.0, 1.0, 0.5, 0.5, 0.0)

FORWARD_KEYS = ["u", "v", "J"]
BACKWARD_KEYS = ["dv", "du", "da", "db", "dc"]
LOGISTIC_FORWARD_KEYS = ["z", "a", "L"]
LOGISTIC_BACKWARD_KEYS = ["da", "dz", "dw1", "dw2", "db"]


def reals(bound: float = 10.0) -> st.SearchStrategy[float]:
    """Finite Python floats in [-bound, bound] (no NaN, no infinity, no subnormals)."""
    return st.floats(-bound, bound, allow_nan=False, allow_infinity=False,
                     allow_subnormal=False)


def labels() -> st.SearchStrategy[float]:
    """A label y: 0 or 1, as an int or as a float."""
    return st.sampled_from([0.0, 1.0, 0, 1])


def logistic_examples(bound: float = 2.0) -> st.SearchStrategy[tuple]:
    """(x1, x2, w1, w2, b, y): features, weights and bias in [-bound, bound], y 0 or 1.

    With the default bound |z| <= 5·bound = 10, so a = sigmoid(z) stays well inside (0, 1)
    and the textbook log loss is accurate.
    """
    return st.tuples(reals(bound), reals(bound), reals(bound), reals(bound), reals(bound),
                     labels())


def arrays(min_dims: int = 1) -> st.SearchStrategy[np.ndarray]:
    """float64 arrays of min_dims..2 dimensions, sides 1 to 4, entries in [-3, 3]."""
    shapes = hnp.array_shapes(min_dims=min_dims, max_dims=2, min_side=1, max_side=4)
    return hnp.arrays(np.float64, shapes, elements=reals(3.0))


def values(got, keys: list[str], what: str) -> dict[str, np.ndarray]:
    """The student's dict, each entry as a float64 number (value tests compare leniently)."""
    got = expect_dict(got, keys, what)
    return {key: lenient(got[key], (), f"{what}[{key!r}]") for key in keys}


def slope(function, point: tuple, index: int, step: float = 1e-5) -> float:
    """The centred-difference derivative of a scalar ``function(*point)`` in argument
    ``index``: the tests' own numerical check of a backward pass."""
    up, down = list(point), list(point)
    up[index] += step
    down[index] -= step
    return (float(function(*up)) - float(function(*down))) / (2 * step)


# Functions of the tests' own, handed to the student's numeric_grad (the grader answers the
# student's calls of them). Each takes an array and returns a Python float.

def cubes(v):
    """The sum of the cubes of the entries; its gradient is 3·v²."""
    return float(np.sum(np.asarray(v, dtype=float) ** 3))


def coupled(v):
    """A function whose every entry interacts with every other one (so that an entry that is
    not put back after its nudge changes the other entries' derivatives) and whose
    derivative depends on the position of each entry."""
    v = np.asarray(v, dtype=float)
    weights = np.arange(1.0, v.size + 1.0).reshape(v.shape)
    return float(np.sum(v) ** 3 / 10.0 + np.sum(weights * np.sin(v)))


def coupled_gradient(v):
    """The exact gradient of :func:`coupled`."""
    v = np.asarray(v, dtype=float)
    weights = np.arange(1.0, v.size + 1.0).reshape(v.shape)
    return 0.3 * np.sum(v) ** 2 + weights * np.cos(v)


def ripples(v):
    """Fast ripples: its centred difference depends visibly on the step (by a factor
    sin(1000·eps) / (1000·eps)), so it shows whether eps is the step actually taken."""
    return float(np.sum(np.sin(1000.0 * np.asarray(v, dtype=float))) / 1000.0)
