"""Hidden tests for exercises 7 and 8, ``L1(yhat, y)`` and ``L2(yhat, y)``: sums over all
entries, returned as numbers."""

import numpy as np
import pytest
from hypothesis import example, given

from autograder.checks import GradingFailure, expect_close, expect_number, fail

from .strategies import predictions

#: the course's published example (public_tests.py): L1 = 1.1, L2 = 0.43
YHAT = np.array([0.9, 0.2, 0.1, 0.4, 0.9])
Y = np.array([1, 0, 0, 1, 1])
COURSE = {"L1": 1.1, "L2": 0.43}
#: the same example as (1, 5) rows, the course's shape for labels
ROWS = (YHAT.reshape(1, 5), Y.reshape(1, 5))


def loss_mistakes(name: str, yhat, y) -> dict:
    """What the usual slips in ``name`` ("L1" or "L2") give for these arrays."""
    d = np.asarray(y, dtype=float) - np.asarray(yhat, dtype=float)
    l1, l2 = float(np.sum(np.abs(d))), float(np.sum(d ** 2))
    loss = l1 if name == "L1" else l2
    hints = {f"this is the mean, not the sum: {name} adds up the errors, it does not "
             "average them": loss / d.size}
    if name == "L1":
        hints["the absolute value is missing: positive and negative errors cancel out; "
              "use np.abs"] = float(np.sum(d))
        hints["this is the sum of squares, the L2 loss: L1 adds absolute values"] = l2
    else:
        hints["this is the sum of absolute values, the L1 loss: L2 adds squares"] = l1
        hints["this is the square root of the sum of squares (the norm): L2 is the sum of "
              "squares itself, with no square root"] = float(np.sqrt(l2))
    return hints


def loss_of_any_shape(submission, name, yhat, y):
    """The student's loss for 2-D arrays, with a hint when np.dot(d, d) was used on them."""
    try:
        value = submission.call(name, yhat, y).value
    except GradingFailure as error:  # the student's function raised
        if "not aligned" not in str(error):
            raise
        fail(f"{error}. For arrays of two dimensions np.dot(d, d) is a matrix product: sum "
             "over all entries with np.sum, which works for any shape.")
    if np.ndim(value) == 2 and np.size(value) > 1:
        fail(f"{name}(yhat, y) should be a single number, but it is an array of shape "
             f"{np.shape(value)}: for arrays of two dimensions np.dot(d, d) is a matrix "
             "product; sum over all entries with np.sum.")
    return value


# ------------------------------------------------------------------------------ exercise 7: L1


@pytest.mark.exercise("L1", points=2, kind="structure")
@given(data=predictions())
@example(data=(YHAT, Y))
@example(data=ROWS)
@pytest.mark.public
def test_L1_is_a_float(submission, data):
    """L1(yhat, y) is a single number, a float (np.float64 is one)"""
    expect_number(submission.L1(*data), "L1(yhat, y)", python_float=True)


@pytest.mark.exercise("L1", points=3)
@pytest.mark.public
def test_L1_course_example(submission):
    """the course's example: yhat = [.9, .2, .1, .4, .9] and y = [1, 0, 0, 1, 1] give
    L1 = 1.1"""
    expect_close(submission.L1(YHAT, Y), COURSE["L1"], "L1(yhat, y)",
                 mistakes=loss_mistakes("L1", YHAT, Y))


@pytest.mark.exercise("L1", points=5)
@given(data=predictions())
def test_L1_values(submission, reference, data):
    """L1(yhat, y) is the sum of |y - yhat|, for vectors of any length"""
    expect_close(submission.L1(*data), reference.L1(*data), "L1(yhat, y)",
                 mistakes=loss_mistakes("L1", *data))


@pytest.mark.exercise("L1", points=2)
@given(data=predictions(two_dimensional=True))
@example(data=ROWS)
@pytest.mark.public
def test_L1_of_rows_and_matrices(submission, reference, data):
    """L1(yhat, y) sums over all entries for (1, m) rows and (n, m) matrices too"""
    expect_close(loss_of_any_shape(submission, "L1", *data), reference.L1(*data),
                 "L1(yhat, y)", mistakes=loss_mistakes("L1", *data))


# ------------------------------------------------------------------------------ exercise 8: L2


@pytest.mark.exercise("L2", points=2, kind="structure")
@given(data=predictions())
@example(data=(YHAT, Y))
@example(data=ROWS)
@pytest.mark.public
def test_L2_is_a_float(submission, data):
    """L2(yhat, y) is a single number, a float (np.float64 is one)"""
    expect_number(submission.L2(*data), "L2(yhat, y)", python_float=True)


@pytest.mark.exercise("L2", points=3)
@pytest.mark.public
def test_L2_course_example(submission):
    """the course's example: yhat = [.9, .2, .1, .4, .9] and y = [1, 0, 0, 1, 1] give
    L2 = 0.43"""
    expect_close(submission.L2(YHAT, Y), COURSE["L2"], "L2(yhat, y)",
                 mistakes=loss_mistakes("L2", YHAT, Y))


@pytest.mark.exercise("L2", points=5)
@given(data=predictions())
def test_L2_values(submission, reference, data):
    """L2(yhat, y) is the sum of (y - yhat) ** 2, for vectors of any length"""
    expect_close(submission.L2(*data), reference.L2(*data), "L2(yhat, y)",
                 mistakes=loss_mistakes("L2", *data))


@pytest.mark.exercise("L2", points=2)
@given(data=predictions(two_dimensional=True))
@example(data=ROWS)
@pytest.mark.public
def test_L2_of_rows_and_matrices(submission, reference, data):
    """L2(yhat, y) sums over all entries for (1, m) rows and (n, m) matrices too (np.dot(d, d)
    is a matrix product for them)"""
    expect_close(loss_of_any_shape(submission, "L2", *data), reference.L2(*data),
                 "L2(yhat, y)", mistakes=loss_mistakes("L2", *data))
