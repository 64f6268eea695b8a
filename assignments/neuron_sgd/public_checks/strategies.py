"""Public tests of `neuron_sgd`, copied by `autograder release` from the hidden
suite's tests/strategies.py with the helpers they use. Generated: do not edit."""

from __future__ import annotations
import numpy as np
from checks import expect, fail, lenient


#: The lesson's data and starting point (published in the lesson).
AND_DATA = [((0, 0), -1), ((0, 1), -1), ((1, 0), -1), ((1, 1), 1)]


AND_DATA_01 = [((0, 0), 0), ((0, 1), 0), ((1, 0), 0), ((1, 1), 1)]


W_START = np.array([0.666, 0.333])


B_START = 0.233


LINEAR_LABELS = (-1, 1)


LOGISTIC_LABELS = (0, 1)


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
