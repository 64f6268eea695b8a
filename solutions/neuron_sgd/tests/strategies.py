"""Hypothesis strategies and shared helpers of the neuron_sgd hidden tests.

Everything is drawn by hypothesis (never from numpy's global random state), so with the
grading profile every student meets the same inputs. The course's representation: an input
``x`` is a pair (a tuple, as in the lesson's data, or a float64 array of shape (2,)), the
weights ``w`` a float64 array of shape (2,), the bias ``b`` a Python float, a data set a list
of ``((x1, x2), y)`` pairs. Sizes are tiny: every call takes microseconds. On degenerate
inputs several slips can give the same value; ``expect_close`` then names none of them.
"""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from autograder.checks import expect, fail, lenient

#: The lesson's data and starting point (published in the lesson).
AND_DATA = [((0, 0), -1), ((0, 1), -1), ((1, 0), -1), ((1, 1), 1)]
AND_DATA_01 = [((0, 0), 0), ((0, 1), 0), ((1, 0), 0), ((1, 1), 1)]
W_START = np.array([0.666, 0.333])
B_START = 0.233
CORNERS = [x for x, _ in AND_DATA]

LINEAR_LABELS = (-1, 1)
LOGISTIC_LABELS = (0, 1)


def reals(bound: float = 2.0) -> st.SearchStrategy[float]:
    """Finite float64 numbers in [-bound, bound] (no NaN, no infinity, no subnormals)."""
    return st.floats(-bound, bound, allow_nan=False, allow_infinity=False,
                     allow_subnormal=False, width=64)


def weights(bound: float = 2.0) -> st.SearchStrategy[np.ndarray]:
    """Weights: float64 arrays of shape (2,), entries in [-bound, bound]."""
    return hnp.arrays(np.float64, (2,), elements=reals(bound))


def inputs(bound: float = 2.0) -> st.SearchStrategy:
    """One input x: a corner of the unit square as the lesson writes it (a tuple of ints), a
    tuple of two floats, or a float64 array of shape (2,)."""
    pair = st.tuples(reals(bound), reals(bound))
    return st.one_of(st.sampled_from(CORNERS), pair, pair.map(np.array))


@st.composite
def datasets(draw, labels, min_size: int = 2, max_size: int = 5, bound: float = 1.0):
    """A data set as the lesson gives it: a list of 2..5 ``((x1, x2), y)`` pairs, each input a
    corner of the unit square or a pair of floats in [-bound, bound], labels drawn from
    ``labels``. Training on it is order-dependent almost always."""
    size = draw(st.integers(min_size, max_size))
    point = st.one_of(st.sampled_from(CORNERS), st.tuples(reals(bound), reals(bound)))
    xs = draw(st.lists(point, min_size=size, max_size=size, unique=True))
    ys = draw(st.lists(st.sampled_from(labels), min_size=size, max_size=size))
    return [(x, y) for x, y in zip(xs, ys, strict=True)]


@st.composite
def scored_inputs(draw, min_size: int = 3, max_size: int = 6, margin: float = 0.05):
    """(xs, w, b, z): a list of inputs (tuples of floats) whose scores z = w · x + b are known,
    every |z| >= margin, about half of them in (margin, 0.5] (where sigmoid(z) is within 0.13
    of 0.5 and a threshold on z instead of on sigmoid(z) gives other labels); ‖w‖ >= 0.5 and
    b drawn independently of the scores (forgetting b changes labels)."""
    w = draw(weights())
    if float(np.linalg.norm(w)) < 0.5:
        w = w.copy()
        w[0] = 1.0 if w[0] >= 0 else -1.0
    b = draw(reals(3.0))
    size = draw(st.integers(min_size, max_size))
    starts = draw(st.lists(st.tuples(reals(), reals()), min_size=size, max_size=size))
    sizes = draw(st.lists(st.one_of(st.floats(margin, 0.5), st.floats(margin, 4.0)),
                          min_size=size, max_size=size))
    signs = draw(st.lists(st.sampled_from([-1.0, 1.0]), min_size=size, max_size=size))
    xs, zs = [], []
    for start, magnitude, sign in zip(starts, sizes, signs, strict=True):
        x0 = np.array(start)
        # move x0 along w so that w · x + b hits the target score
        x = x0 + w * ((sign * magnitude - b - float(np.dot(w, x0))) / float(np.dot(w, w)))
        xs.append((float(x[0]), float(x[1])))
        zs.append(float(np.dot(w, x) + b))
    return xs, w, float(b), np.array(zs)


def labels_of(values, allowed: tuple[int, int], what: str) -> np.ndarray:
    """The labels a predict function returned, one number per call, as a float array; fail
    when one is not a single number or not one of ``allowed``."""
    got = np.array([float(lenient(value, (), what)) for value in values])
    if not np.all(np.isin(got, allowed)):
        hint = ""
        if allowed == LINEAR_LABELS and np.any(got == 0):
            hint = (" It returned 0: np.sign(z) is 0 when z is exactly 0, which is not a label;"
                    " return -1 there.")
        fail(f"{what} should return {allowed[1]} or {allowed[0]}, but it returned another "
             f"value.{hint}")
    return got


def expect_same_labels(got: np.ndarray, want: np.ndarray, what: str, mistakes: dict) -> None:
    """Compare labels; name a known mistake when exactly one reproduces the student's labels."""
    wrong = int(np.sum(got != want))
    if wrong == 0:
        return
    matches = [hint for hint, labels in mistakes.items() if np.array_equal(got, labels)]
    hint = f" {matches[0]}" if len(matches) == 1 else ""  # an ambiguous hint would mislead
    fail(f"{wrong} of the {got.size} labels from {what} are wrong.{hint}")


def expect_left_alone(before, after, message: str) -> None:
    """Fail with ``message`` when a call changed an argument (``after`` is the argument as the
    function left it)."""
    if isinstance(before, np.ndarray):
        same = isinstance(after, np.ndarray) and before.shape == after.shape and bool(
            np.array_equal(before, after))
    else:
        same = before == after
    expect(same, message)


#: what a function that updates the caller's w in place is told
IN_PLACE = ("instead of updating the argument in place (w -= ...), compute new values: "
            "w - lr * dw makes a new array.")
