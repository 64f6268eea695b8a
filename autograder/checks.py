"""Assertions for hidden tests, with feedback a student can act on and nothing hidden in it.

Every check raises :class:`GradingFailure`, whose message is shown to the student. Messages name
the quantity and the property, give expected versus actual *shapes and types*, and for values
only the size of the error (max absolute and relative) plus a likely mistake when one matches.
They never contain hidden inputs or expected values.

This file is also released to students as ``checks.py``, for the public checks, so that they
print exactly what the grader's feedback says: it must import numpy and the standard library
only.

Example::

    dw = expect_array(grads["dw"], w.shape, "grads['dw']")
    expect_close(dw, ref_dw, "grads['dw']", mistakes={"dw is m times too large": ref_dw * m})
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

#: Closed-form float64 results (activations, costs, gradients) agree to this.
RTOL, ATOL = 1e-6, 1e-9


class GradingFailure(AssertionError):
    """A property of the submission does not hold; the message is student-facing."""


def fail(message: str) -> None:
    """Fail the current test with a student-facing message."""
    raise GradingFailure(message)


def expect(condition: bool, message: str) -> None:
    """Fail with ``message`` unless ``condition`` holds."""
    if not condition:
        fail(message)


def describe(value) -> str:
    """A short, value-free description of what a submission returned: type and shape."""
    if type(value).__name__ == "Unsupported":  # the grader's stand-in for a type it refused
        return f"an object of type {value.type_name}"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    if isinstance(value, bool):
        return "a bool"
    if isinstance(value, np.generic):
        return f"a numpy {type(value).__name__}"
    if value is None:
        return "None"
    return f"a {type(value).__name__}"


def _shape_hint(got: tuple, want: tuple) -> str:
    if got == want[::-1] and len(want) == 2:
        return " It looks transposed."
    if len(got) == 1 and len(want) == 2 and got[0] in want and 1 in want:
        return (" That is a rank-1 array: give it an explicit second dimension"
                " (reshape or keepdims).")
    if len(got) == len(want) + 1 or len(got) == len(want) - 1:
        return " Check for a missing or extra dimension."
    if len(got) == 2 and len(want) == 2 and got[0] == got[1] and want[0] != want[1]:
        return " A square result often comes from broadcasting a (n,) array against (n, 1)."
    return ""


def expect_array(value, shape: tuple[int, ...], what: str) -> np.ndarray:
    """Require a real-valued array of exactly ``shape``; return it as float64.

    Example: expect_array(np.zeros((3, 1)), (3, 1), "w") returns the array.
    """
    if not isinstance(value, np.ndarray):
        fail(f"{what} should be a numpy array of shape {shape}, but it is {describe(value)}.")
    if value.dtype.kind not in "biuf":
        fail(f"{what} should hold real numbers, but its dtype is {value.dtype}.")
    if value.shape != tuple(shape):
        fail(
            f"{what} should have shape {tuple(shape)}, but it has shape {value.shape}."
            + _shape_hint(value.shape, tuple(shape))
        )
    return value.astype(np.float64)


def expect_number(value, what: str, *, python_float: bool = False) -> float:
    """Require a single real number; return it as a Python float.

    Accepts Python ints and floats, numpy scalars and 0-d arrays. With ``python_float`` only a
    Python float (or a subclass such as np.float64) passes.
    Example: expect_number(np.float64(2.5), "cost") == 2.5
    """
    if python_float:
        if not isinstance(value, float):
            fail(f"{what} should be a Python float, but it is {describe(value)}.")
        return float(value)
    if isinstance(value, bool | np.bool_):
        fail(f"{what} should be a number, but it is a bool.")
    if isinstance(value, int | float | np.integer | np.floating):
        return float(value)
    if isinstance(value, np.ndarray) and value.dtype.kind in "iuf":
        if value.shape == ():
            return float(value)
        fail(
            f"{what} should be a single number, but it is an array of shape {value.shape}."
            " Use np.squeeze, .item() or float() to turn it into a number."
        )
    fail(f"{what} should be a number, but it is {describe(value)}.")
    raise AssertionError("unreachable")


def expect_finite(value: np.ndarray | float, what: str) -> None:
    """Require no NaN and no infinity."""
    if not np.all(np.isfinite(value)):
        fail(f"{what} contains NaN or infinity.")


def _close(actual: np.ndarray, expected: np.ndarray, rtol: float, atol: float) -> bool:
    return bool(np.all(np.abs(actual - expected) <= atol + rtol * np.abs(expected)))


def _ratio_hint(actual: np.ndarray, expected: np.ndarray) -> str:
    """Name a constant factor between actual and expected, when there is one."""
    mask = np.abs(expected) > 1e-12
    # one number differs from another by "a factor" whatever the mistake: say nothing then
    if mask.sum() < 2 or not np.all(np.abs(actual[~mask]) <= 1e-9):
        return ""
    ratios = actual[mask] / expected[mask]
    factor = float(np.median(ratios))
    if abs(factor) < 1e-12 or not np.allclose(ratios, factor, rtol=1e-6, atol=0):
        return ""
    if abs(factor + 1) < 1e-6:
        return " The sign is flipped."
    return f" It is {factor:.4g} times the right value: look for a missing or extra factor."


def expect_close(
    actual,
    expected,
    what: str,
    *,
    rtol: float = RTOL,
    atol: float = ATOL,
    mistakes: Mapping[str, object] | None = None,
) -> None:
    """Compare with the reference: exact shape, finite, then values within rtol and atol.

    Arguments:
    actual -- what the submission returned (already decoded)
    expected -- the reference value, an array or a number
    what -- the student-facing name, e.g. "grads['dw']"
    mistakes -- {hint: the value a known mistake would give}; the first match is named
    """
    expected = np.asarray(expected, dtype=np.float64)
    if expected.ndim == 0:
        got = np.asarray(expect_number(actual, what))
    else:
        got = expect_array(actual, expected.shape, what)
    if np.all(np.isfinite(expected)):
        expect_finite(got, what)
    if _close(got, expected, rtol, atol):
        return
    error = np.abs(got - expected)
    relative = error / np.maximum(np.abs(expected), np.finfo(float).tiny)
    hint = ""
    for message, candidate in (mistakes or {}).items():
        candidate = np.asarray(candidate, dtype=np.float64)
        if candidate.shape == got.shape and _close(got, candidate, 1e-5, 1e-8):
            hint = f" {message}"
            break
    else:
        hint = _ratio_hint(got, expected)
    fail(
        f"{what} has wrong values: max absolute error {error.max():.3g}, "
        f"max relative error {relative.max():.3g}.{hint}"
    )


def expect_labels(actual, shape: tuple[int, ...], what: str) -> np.ndarray:
    """Require an array of 0/1 labels (bool, int or float) of exactly ``shape``."""
    labels = expect_array(actual, shape, what)
    expect(
        bool(np.all((labels == 0) | (labels == 1))),
        f"{what} should contain only 0 and 1.",
    )
    return labels


def expect_dict(value, keys: list[str], what: str) -> dict:
    """Require a dict holding at least ``keys``; name the missing ones."""
    if not isinstance(value, dict):
        fail(f"{what} should be a dict, but it is {describe(value)}.")
    missing = [key for key in keys if key not in value]
    expect(not missing, f"{what} is missing the key(s) {', '.join(map(repr, missing))}.")
    return value


def expect_tuple(value, length: int, what: str) -> tuple:
    """Require a tuple or list of ``length`` items (what ``return a, b`` gives)."""
    if not isinstance(value, tuple | list):
        fail(f"{what} should return {length} values, but it returned {describe(value)}.")
    expect(len(value) == length,
           f"{what} should return {length} values, but it returned {len(value)}.")
    return tuple(value)
