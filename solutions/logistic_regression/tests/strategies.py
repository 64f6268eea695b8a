"""Hypothesis strategies shared by the logistic-regression hidden tests.

Everything is derived from hypothesis draws (never from numpy's global random state), so with
the grading profile (derandomized) every student meets exactly the same inputs. Shapes follow
the course: examples are columns, ``X`` is ``(n_x, m)``, ``w`` is ``(n_x, 1)``, ``Y`` is ``(1, m)``.
The sizes are small on purpose: each call takes microseconds, so hundreds of calls stay cheap
even through the sandbox.
"""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

#: The dtypes labels are handed over in: the course uses both int and float label arrays.
LABEL_DTYPES = (np.float64, np.int64)


def reals(bound: float = 3.0) -> st.SearchStrategy[float]:
    """Finite float64 numbers in [-bound, bound] (no NaN, no infinity, no subnormals)."""
    return st.floats(
        -bound, bound, allow_nan=False, allow_infinity=False, allow_subnormal=False, width=64
    )


def real_arrays(shape, bound: float = 3.0) -> st.SearchStrategy[np.ndarray]:
    """float64 arrays of exactly ``shape`` (a tuple or a strategy of tuples), entries in ±bound."""
    return hnp.arrays(np.float64, shape, elements=reals(bound))


def sigmoid_inputs(bound: float = 30.0, min_dims: int = 1, max_dims: int = 3):
    """float64 arrays of 1 to 3 dimensions (each side 1..5), entries in [-bound, bound].

    With the default bound every exact sigmoid value lies strictly inside (0, 1) in float64.
    """
    shapes = hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=1, max_side=5)
    return real_arrays(shapes, bound)


def label_rows(m: int) -> st.SearchStrategy[np.ndarray]:
    """Labels of shape (1, m) with values 0 and 1, as float64 or as int64."""
    return st.sampled_from(LABEL_DTYPES).flatmap(
        lambda dtype: hnp.arrays(dtype, (1, m), elements=st.sampled_from([0, 1]))
    )


def _distinct(value: int, avoid: int, low: int, high: int) -> int:
    """``value`` unless it equals ``avoid``; then a neighbour inside [low, high]."""
    if value != avoid:
        return value
    return value + 1 if value < high else value - 1


@st.composite
def logistic_problems(
    draw,
    min_nx: int = 2,
    max_nx: int = 6,
    min_m: int = 2,
    max_m: int = 8,
    bound: float = 3.0,
    max_z: float = 15.0,
):
    """(w, b, X, Y) for propagate and optimize, always with n_x != m.

    w -- float64 (n_x, 1), b -- Python float, X -- float64 (n_x, m), Y -- (1, m) of 0/1 labels
    (float64 or int64). Entries are drawn in [-bound, bound]; when some |wᵀx + b| would exceed
    ``max_z``, w and b are scaled down together so the textbook log cost stays finite.
    Requires max_m > min_m (so that m can always avoid n_x).
    """
    n_x = draw(st.integers(min_nx, max_nx))
    m = _distinct(draw(st.integers(min_m, max_m)), n_x, min_m, max_m)
    w = draw(real_arrays((n_x, 1), bound))
    b = draw(reals(bound))
    X = draw(real_arrays((n_x, m), bound))
    Y = draw(label_rows(m))
    peak = float(np.max(np.abs(w.T @ X + b)))
    if peak > max_z:
        w = w * (max_z / peak)
        b = b * (max_z / peak)
    return w, float(b), X, Y


@st.composite
def image_stacks(draw, colour: bool, min_side: int = 1, max_side: int = 6):
    """uint8 images of shape (m, h, w) (grayscale) or (m, h, w, c) with c in {3, 1} (colour).

    m is 2..7 and always differs from the number of pixels per image n_x = h·w·c, so a result of
    the transposed shape is never mistaken for the right one. Sides h, w are min_side..max_side.
    """
    m = draw(st.integers(2, 6))
    h = draw(st.integers(min_side, max_side))
    w = draw(st.integers(min_side, max_side))
    channels = (draw(st.sampled_from([3, 1])),) if colour else ()
    n_x = h * w * int(np.prod(channels, dtype=int))
    if m == n_x:
        m += 1
    return draw(hnp.arrays(np.uint8, (m, h, w, *channels)))


@st.composite
def predict_problems(
    draw,
    min_nx: int = 2,
    max_nx: int = 5,
    min_m: int = 2,
    max_m: int = 8,
    margin: float = 0.05,
    max_b: float = 5.0,
):
    """(w, b, X, Z) for predict, where Z = wᵀX + b is known and every |Z| >= margin.

    w -- float64 (n_x, 1) with ‖w‖ >= 0.5, b -- Python float in [-max_b, max_b],
    X -- float64 (n_x, m), Z -- float64 (1, m), the exact scores the columns of X were built for.
    About half of the scores lie in (margin, 0.5] in absolute value, where the probability is
    within 0.62 of 0.5 (so thresholding z instead of sigmoid(z) at 0.5 gives wrong labels), and
    b is drawn independently of Z (so forgetting b changes labels).
    """
    n_x = draw(st.integers(min_nx, max_nx))
    m = draw(st.integers(min_m, max_m))
    w = draw(real_arrays((n_x, 1)))
    if float(np.linalg.norm(w)) < 0.5:
        w = w.copy()
        w[0, 0] = 1.0 if w[0, 0] >= 0 else -1.0
    b = draw(reals(max_b))
    X0 = draw(real_arrays((n_x, m)))
    magnitudes = draw(
        hnp.arrays(np.float64, (m,), elements=st.one_of(reals(0.5), reals(6.0)))
    )
    magnitudes = np.clip(np.abs(magnitudes), margin, None)
    signs = draw(hnp.arrays(np.float64, (m,), elements=st.sampled_from([-1.0, 1.0])))
    Z = (signs * magnitudes).reshape(1, m)
    # move every column along w so that wᵀx + b hits its target score exactly
    X = X0 + w @ ((Z - b - w.T @ X0) / float(np.sum(w * w)))
    return w, float(b), X, Z


@st.composite
def training_sets(draw, min_nx: int = 2, max_nx: int = 4):
    """(X_train, Y_train, X_test, Y_test) for model: small, with distinct sizes.

    X_train -- float64 (n_x, m_train), Y_train -- (1, m_train) 0/1 labels,
    X_test -- float64 (n_x, m_test), Y_test -- (1, m_test) 0/1 labels,
    with n_x in 2..4, m_train in 5..8, m_test in 2..4, so n_x != m_train != m_test.
    Entries lie in [-1, 1], which keeps gradient descent stable up to learning rate 0.5.
    """
    n_x = draw(st.integers(min_nx, max_nx))
    m_train = draw(st.integers(max_nx + 1, max_nx + 4))
    m_test = draw(st.integers(2, max_nx))
    X_train = draw(real_arrays((n_x, m_train), 1.0))
    X_test = draw(real_arrays((n_x, m_test), 1.0))
    return X_train, draw(label_rows(m_train)), X_test, draw(label_rows(m_test))
