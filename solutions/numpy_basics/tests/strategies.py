"""Hypothesis strategies shared by the numpy-basics hidden tests.

Everything is derived from hypothesis draws (never from numpy's global random state), so with
the grading profile (derandomized) every student meets exactly the same inputs. Sides are small
(at most 6): each call takes microseconds, so hundreds of calls stay cheap through the sandbox.
"""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp


def reals(bound: float = 10.0) -> st.SearchStrategy[float]:
    """Finite float64 numbers in [-bound, bound] (no NaN, no infinity, no subnormals)."""
    return st.floats(
        -bound, bound, allow_nan=False, allow_infinity=False, allow_subnormal=False, width=64
    )


def numbers(bound: int = 30) -> st.SearchStrategy[float | int]:
    """Python numbers in [-bound, bound]: ints and floats, as a student may pass either."""
    return st.one_of(st.integers(-bound, bound), reals(bound))


def real_arrays(shape, bound: float = 10.0, unique: bool = False):
    """float64 arrays of ``shape`` (a tuple or a strategy of tuples), entries in ±bound."""
    return hnp.arrays(np.float64, shape, elements=reals(bound), unique=unique)


def any_arrays(bound: float = 30.0, max_dims: int = 3):
    """float64 arrays of 1 to ``max_dims`` dimensions (sides 1..5), entries in ±bound.

    With the default bound every sigmoid value lies strictly inside (0, 1) in float64.
    """
    return real_arrays(hnp.array_shapes(min_dims=1, max_dims=max_dims, max_side=5), bound)


def int_arrays(bound: int = 10, max_dims: int = 3):
    """int64 arrays of 1 to ``max_dims`` dimensions (sides 1..5), entries in ±bound."""
    return hnp.arrays(np.int64, hnp.array_shapes(min_dims=1, max_dims=max_dims, max_side=5),
                      elements=st.integers(-bound, bound))


@st.composite
def images(draw, min_side: int = 1, max_side: int = 6):
    """float64 images (length, height, depth) with distinct entries, so that reading them in
    any other order than C order gives other columns. depth is 1..4, length and height are
    min_side..max_side."""
    shape = (draw(st.integers(min_side, max_side)), draw(st.integers(min_side, max_side)),
             draw(st.integers(1, 4)))
    return draw(real_arrays(shape, 1.0, unique=True))


def _no_zero_rows(x: np.ndarray) -> np.ndarray:
    """x with every row of (nearly) zero length given a 1 in its first column: a row of zeros
    has no direction, and normalizing it divides by 0 (squares of tiny entries such as 1e-200
    underflow to 0 too)."""
    x = x.copy()
    x[np.sqrt(np.sum(x.astype(float) ** 2, axis=1)) < 1e-3, 0] = 1
    return x


@st.composite
def matrices(draw, square: bool = False, integer: bool = False, bound: float = 10.0,
             min_rows: int = 1, max_side: int = 6):
    """(n, m) matrices with no row of zeros: float64 entries in ±bound, or int64 in ±9.

    square -- n == m (2..max_side), where a (n,) array broadcasts without an error, so axis
              and keepdims slips give silently wrong values; otherwise n != m (so such slips
              raise, or give another shape)
    """
    n = draw(st.integers(2 if square else min_rows, max_side))
    m = n if square else draw(st.integers(2, max_side).filter(lambda size: size != n))
    if integer:
        x = draw(hnp.arrays(np.int64, (n, m), elements=st.integers(-9, 9)))
    else:
        x = draw(real_arrays((n, m), bound))
    return _no_zero_rows(x)


@st.composite
def large_matrices(draw, max_side: int = 5):
    """(n, m) float matrices whose rows lie around +1000 or -1000 (each row its own offset,
    within ±5 of it): np.exp overflows or underflows on every entry. At least two rows, and
    rows at both heights whenever there are two or more, so no single matrix-wide shift brings
    every row into range."""
    n = draw(st.integers(2, max_side))
    m = draw(st.integers(2, max_side))
    offsets = draw(hnp.arrays(np.float64, (n, 1), elements=st.sampled_from([-1000.0, 1000.0])))
    offsets[0, 0], offsets[-1, 0] = 1000.0, -1000.0
    return offsets + draw(real_arrays((n, m), 5.0))


@st.composite
def predictions(draw, two_dimensional: bool = False, max_side: int = 6):
    """(yhat, y): predictions in [0, 1] and true labels 0/1 (int64 or float64) of one shape.

    two_dimensional -- (n, m) arrays, n in 1..4, m in 2..max_side (rows (1, m) included);
                       otherwise rank-1 vectors (m,), m in 2..max_side
    """
    shape = (draw(st.integers(1, 4)), draw(st.integers(2, max_side))) if two_dimensional \
        else (draw(st.integers(2, max_side)),)
    yhat = draw(hnp.arrays(np.float64, shape, elements=st.floats(0, 1, allow_subnormal=False)))
    dtype = draw(st.sampled_from([np.int64, np.float64]))
    y = draw(hnp.arrays(dtype, shape, elements=st.sampled_from([0, 1])))
    return yhat, y
