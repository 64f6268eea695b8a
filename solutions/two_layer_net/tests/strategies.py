"""Hypothesis strategies and the lesson's worked example, shared by the two_layer_net tests.

Everything is derived from hypothesis draws (never from numpy's global random state), so with
the grading profile (derandomized) every student meets exactly the same inputs. Shapes follow
the course: examples are columns, ``X`` is ``(n_x, m)``, ``Y`` is ``(n_y, m)``, and ``params``
holds ``W1 (n_h, n_x)``, ``b1 (n_h, 1)``, ``W2 (n_y, n_h)``, ``b2 (n_y, 1)``. Sides stay at 6
or below, so each call takes microseconds even through the sandbox.
"""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

NAMES = ("W1", "b1", "W2", "b2")

#: The lesson's worked example (n_x = 2, n_h = 3, n_y = 1, m = 4). Z1 is exactly 0 in one entry.
LESSON_X = np.array([[1.0, 2.0, -1.0, 0.0], [0.0, -1.0, 2.0, 1.0]])
LESSON_Y = np.array([[0.5, 2.5, 3.0, 1.0]])
LESSON_PARAMS = {
    "W1": np.array([[1.0, -1.0], [0.5, 1.0], [-1.0, 0.0]]),
    "b1": np.array([[0.0], [0.5], [1.0]]),
    "W2": np.array([[1.0, -0.5, 2.0]]),
    "b2": np.array([[0.5]]),
}


def reals(bound: float = 2.0) -> st.SearchStrategy[float]:
    """Finite float64 numbers in [-bound, bound] (no NaN, no infinity, no subnormals)."""
    return st.floats(
        -bound, bound, allow_nan=False, allow_infinity=False, allow_subnormal=False, width=64
    )


def real_arrays(shape, bound: float = 2.0) -> st.SearchStrategy[np.ndarray]:
    """float64 arrays of exactly ``shape`` (a tuple or a strategy of tuples), entries in ±bound."""
    return hnp.arrays(np.float64, shape, elements=reals(bound))


@st.composite
def networks(draw, max_nx: int = 4, max_nh: int = 5, max_ny: int = 3, min_m: int = 2,
             max_m: int = 6, bound: float = 1.5):
    """(X, Y, params) for a network with n_x in 1..max_nx, n_h in 1..max_nh, n_y in 1..max_ny
    and m in min_m..max_m examples. X and Y have entries in ±2, the weights in ±bound and the
    biases in ±1. Hypothesis readily draws zeros, so some Z1 may sit exactly on the ReLU's
    corner."""
    n_x, n_h = draw(st.integers(1, max_nx)), draw(st.integers(1, max_nh))
    n_y, m = draw(st.integers(1, max_ny)), draw(st.integers(min_m, max_m))
    X = draw(real_arrays((n_x, m), 2.0))
    Y = draw(real_arrays((n_y, m), 2.0))
    params = {
        "W1": draw(real_arrays((n_h, n_x), bound)),
        "b1": draw(real_arrays((n_h, 1), 1.0)),
        "W2": draw(real_arrays((n_y, n_h), bound)),
        "b2": draw(real_arrays((n_y, 1), 1.0)),
    }
    return X, Y, params


@st.composite
def cornered_networks(draw, **sizes):
    """(X, Y, params) where some hidden pre-activations Z1 are exactly 0, the ReLU's corner.

    At least one hidden unit is *silent*: its row of W1 and its bias are 0, so its Z1 is 0 on
    every example. Sometimes one example's features are all 0 as well, and some other biases
    are 0, which puts those units' Z1 exactly at 0 on that example. Every W2 entry of a
    silent unit is at least 0.25 in size, so its (zero) gradient is not zero by accident.
    """
    X, Y, params = draw(networks(**sizes))
    X, params = X.copy(), {name: value.copy() for name, value in params.items()}
    n_h, m = params["W1"].shape[0], X.shape[1]
    silent = draw(st.lists(st.integers(0, n_h - 1), min_size=1, max_size=n_h, unique=True))
    params["W1"][silent, :] = 0.0
    params["b1"][silent, :] = 0.0
    W2 = params["W2"]
    W2[:, silent] = np.where(np.abs(W2[:, silent]) < 0.25, 0.5, W2[:, silent])
    if draw(st.booleans()):
        X[:, draw(st.integers(0, m - 1))] = 0.0
        zero_bias = draw(st.lists(st.integers(0, n_h - 1), max_size=n_h, unique=True))
        params["b1"][zero_bias, :] = 0.0
    return X, Y, params


def copy_params(params: dict) -> dict:
    """A new dict holding copies of the arrays."""
    return {name: np.array(value, dtype=float) for name, value in params.items()}
