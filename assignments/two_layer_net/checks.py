"""Assertions for hidden tests, with feedback a student can act on and nothing hidden in it.

Every check raises :class:`GradingFailure`, whose message is shown to the student. Messages name
the quantity and the property, give expected versus actual *shapes and types*, and for values
only the size of the error (max absolute and relative) plus a likely mistake when one matches.
They never contain hidden inputs or expected values.

Two kinds of check, for the two kinds of test (see ``kind`` in :mod:`autograder.plugin`):
*structure* checks (:func:`expect_array`, :func:`expect_number`) require the representation the
course asks for (a float64 array of a shape, a number); *value* checks (:func:`expect_close`,
:func:`expect_labels`) first coerce with :func:`lenient`, so that a slip that leaves the values
right (a ``(1,)`` array for a number, booleans, float32, a list) costs only the structure test.

This file is also released to students as ``checks.py``, for the public checks, so that they
print exactly what the grader's feedback says: it must import numpy and the standard library
only.

Example::

    expect_array(grads["dw"], w.shape, "grads['dw']")  # in a structure test
    expect_close(grads["dw"], ref_dw, "grads['dw']",  # in a value test
                 mistakes={"dw is m times too large": ref_dw * m})
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


def _expect_shape(value: np.ndarray, shape: tuple[int, ...], what: str) -> None:
    if value.shape != tuple(shape):
        fail(
            f"{what} should have shape {tuple(shape)}, but it has shape {value.shape}."
            + _shape_hint(value.shape, tuple(shape))
        )


#: the dtype a course's arrays hold unless an exercise says otherwise
FLOAT = np.dtype(np.float64)


def _dtype_hint(dtype: np.dtype) -> str:
    if dtype.kind == "b":
        return " Convert booleans with .astype(float)."
    if dtype.kind in "iu":
        return " Use floats: 0.0 rather than 0, or .astype(float)."
    if dtype.kind == "f":
        return " Compute in float64, numpy's default: drop the dtype argument or .astype(float)."
    return ""


def expect_array(value, shape: tuple[int, ...], what: str, *,
                 dtype: np.dtype | type | None = FLOAT) -> np.ndarray:
    """Structure: require a numpy array of exactly ``shape`` and ``dtype`` (any real dtype when
    ``dtype`` is None); return it as float64.

    This is what a structure test checks. Value tests compare with :func:`lenient` (through
    :func:`expect_close`), so that a representation slip costs only the structure test.
    Example: expect_array(np.zeros((3, 1)), (3, 1), "w") returns the array.
    """
    if not isinstance(value, np.ndarray):
        fail(f"{what} should be a numpy array of shape {shape}, but it is {describe(value)}.")
    if value.dtype.kind not in "biuf":
        fail(f"{what} should hold real numbers, but its dtype is {value.dtype}.")
    _expect_shape(value, shape, what)
    if dtype is not None and value.dtype != np.dtype(dtype):
        fail(f"{what} should hold {np.dtype(dtype)} numbers, but its dtype is {value.dtype}."
             + _dtype_hint(value.dtype))
    return value.astype(np.float64)


def expect_number(value, what: str, *, python_float: bool = False) -> float:
    """Structure: require a single real number; return it as a Python float.

    Accepts Python ints and floats, numpy scalars and 0-d arrays. With ``python_float`` only a
    Python float (or a subclass such as np.float64) passes.
    Example: expect_number(np.float64(2.5), "cost") == 2.5
    """
    if python_float:
        if not isinstance(value, float):
            hint = ""
            if isinstance(value, int | np.integer) and not isinstance(value, bool):
                hint = " Write 0.0 rather than 0, or float(...)."
            elif isinstance(value, np.ndarray):
                hint = " Use float(...) or .item() to turn it into a number."
            fail(f"{what} should be a Python float, but it is {describe(value)}.{hint}")
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
            " Sum without axis=, or use float() or .item() to turn it into a number."
        )
    fail(f"{what} should be a number, but it is {describe(value)}.")
    raise AssertionError("unreachable")


def lenient(value, shape: tuple[int, ...], what: str) -> np.ndarray:
    """What a value test compares: ``value`` as a float64 array of ``shape``, whatever its
    representation, or a failure when it holds no such values.

    Accepted, because the values are right: a list or tuple for an array; bool, int or
    float32 for float64; a Python or numpy number, a 0-d array, or a one-element array of any
    shape such as (1,) or (1, 1) for a single number (``shape == ()``). Not accepted: any
    other shape (a rank-1 ``(m,)`` for ``(1, m)`` is a real slip), and non-numbers.
    Structure tests check the representation the course expects with :func:`expect_array`
    and :func:`expect_number`.

    Example: lenient(np.array([[0.25]]), (), "db") == np.array(0.25)
    """
    if isinstance(value, list | tuple):
        try:
            value = np.asarray(value)
        except (ValueError, TypeError):
            fail(f"{what} should be a numpy array of shape {shape}, but it is a ragged "
                 f"{type(value).__name__}.")
    if isinstance(value, bool | int | float | np.bool_ | np.integer | np.floating):
        value = np.asarray(value)
    if not isinstance(value, np.ndarray) or value.dtype.kind not in "biuf":
        kind = "a number" if shape == () else f"a numpy array of shape {tuple(shape)}"
        fail(f"{what} should be {kind}, but it is {describe(value)}.")
    if shape == () and value.size == 1:
        return value.reshape(()).astype(np.float64)
    if shape == ():
        fail(f"{what} should be a single number, but it is an array of shape {value.shape}.")
    _expect_shape(value, shape, what)
    return value.astype(np.float64)


def expect_finite(value: np.ndarray | float, what: str) -> None:
    """Require no NaN and no infinity."""
    if not np.all(np.isfinite(value)):
        fail(f"{what} contains NaN or infinity.")


def _close(actual: np.ndarray, expected: np.ndarray, rtol: float, atol: float) -> bool:
    return bool(np.all(np.abs(actual - expected) <= atol + rtol * np.abs(expected)))


#: below this size an expected value is treated as zero: no relative error, no ratio hint
FLOOR = 1e-8


def _ratio_hint(actual: np.ndarray, expected: np.ndarray) -> str:
    """Name a constant factor between actual and expected, when there is one."""
    mask = np.abs(expected) > max(FLOOR, 1e-3 * float(np.max(np.abs(expected))))
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


def _tolerances(actual, rtol: float, atol: float) -> tuple[float, float]:
    """float32 results carry about 7 digits: widen the tolerance so that the dtype alone
    never fails a value test (it costs the structure test)."""
    if getattr(actual, "dtype", None) == np.float32:
        return max(rtol, 1e-4), max(atol, 1e-6)
    return rtol, atol


def _errors(got: np.ndarray, expected: np.ndarray) -> str:
    """'max absolute error …, max relative error …' with the relative part over the entries
    that are clearly non-zero (a relative error against 0 means nothing)."""
    error = np.abs(got - expected)
    text = f"max absolute error {error.max():.3g}"
    sizable = np.abs(expected) > FLOOR
    if sizable.any():
        text += f", max relative error {(error[sizable] / np.abs(expected[sizable])).max():.3g}"
    return text


def expect_close(
    actual,
    expected,
    what: str,
    *,
    rtol: float = RTOL,
    atol: float = ATOL,
    mistakes: Mapping[str, object] | None = None,
) -> None:
    """Value: compare with the reference after :func:`lenient` (representation slips pass),
    then finite, then values within rtol and atol.

    Arguments:
    actual -- what the submission returned (already decoded)
    expected -- the reference value, an array or a number
    what -- the student-facing name, e.g. "grads['dw']"
    mistakes -- {hint: the value a known mistake would give}; the first match is named, among
        the hints that can tell a mistake: a hint whose value is all zeros (many slips give
        zeros) or equals another hint's (on degenerate inputs two slips can agree) is not
    """
    expected = np.asarray(expected, dtype=np.float64)
    rtol, atol = _tolerances(actual, rtol, atol)
    got = lenient(actual, expected.shape, what)
    if np.all(np.isfinite(expected)):
        expect_finite(got, what)
    if _close(got, expected, rtol, atol):
        return
    hint = next((f" {message}" for message, candidate in _telling(mistakes or {}).items()
                 if candidate.shape == got.shape and _close(got, candidate, 1e-5, 1e-8)),
                _ratio_hint(got, expected))
    fail(f"{what} has wrong values: {_errors(got, expected)}.{hint}")


def _telling(mistakes: Mapping[str, object]) -> dict[str, np.ndarray]:
    """The hints of ``mistakes`` whose value can only come from their own mistake."""
    values = {message: np.asarray(value, dtype=np.float64) for message, value in mistakes.items()}

    def agree(a: np.ndarray, b: np.ndarray) -> bool:
        return a.shape == b.shape and _close(a, b, 1e-5, 1e-8)

    return {message: value for message, value in values.items()
            if not np.all(np.abs(value) <= 1e-8)
            and not any(agree(value, other) for key, other in values.items() if key != message)}


def expect_labels(actual, shape: tuple[int, ...], what: str) -> np.ndarray:
    """Value: require 0/1 labels of ``shape`` after :func:`lenient` (bool, int or float)."""
    labels = lenient(actual, shape, what)
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
