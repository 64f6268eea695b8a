"""Hidden tests for exercise 5, ``normalize_rows(x)``: each row divided by its L2 norm."""

import numpy as np
import pytest
from hypothesis import example, given

from autograder.checks import GradingFailure, expect, expect_array, expect_close, fail, lenient

from .strategies import matrices

WHAT = "normalize_rows(x)"
#: the course's published example: an int matrix (public_tests.py)
COURSE_X = np.array([[0, 3, 4], [1, 6, 4]])
COURSE_RESULT = [[0.0, 0.6, 0.8], [0.13736056, 0.82416338, 0.54944226]]
#: a square example where a (n,) array of norms broadcasts without an error
SQUARE_X = np.array([[3.0, 4.0], [0.0, 1.0]])


def norm_mistakes(x: np.ndarray) -> dict:
    """What the usual slips give for ``x`` (those that give an array of x's shape)."""
    x = x.astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        hints = {
            "each row was divided by the norm of another row: without keepdims=True the norms "
            "form a (n,) array, which broadcasts as a row; keep them a (n, 1) column":
                x / np.linalg.norm(x, axis=1) if x.shape[0] == x.shape[1] else None,
            "each column was normalized instead of each row: the norms of the rows are "
            "np.linalg.norm(x, axis=1, keepdims=True)": x / np.linalg.norm(x, axis=0,
                                                                          keepdims=True),
            "the rows were divided by their squared length: take the square root of the sum "
            "of squares (np.linalg.norm does)": x / np.sum(x ** 2, axis=1, keepdims=True),
            "the whole matrix was divided by one norm: normalize each row by its own norm, "
            "with axis=1": x / np.linalg.norm(x),
            "the rows were divided by the sum of their absolute values (the L1 norm): use the "
            "L2 norm, the square root of the sum of squares": x / np.sum(np.abs(x), axis=1,
                                                                         keepdims=True),
        }
    return {hint: value for hint, value in hints.items() if value is not None}


def call(submission, x):
    """normalize_rows(x), with a hint when an in-place division on ints or a (n,) array of
    norms raised."""
    try:
        return submission.normalize_rows(x)
    except GradingFailure as error:  # the student's function raised
        if "Cannot cast ufunc" in str(error):
            fail(f"{error}. x /= x_norm stores the result in x itself, which cannot hold "
                 "fractions when x holds integers: write x = x / x_norm.")
        if "could not be broadcast" in str(error):
            fail(f"{error}. Without keepdims=True the norms form a (n,) array, which "
                 "broadcasts as a row: keep them a (n, 1) column.")
        raise


@pytest.mark.exercise("normalize_rows", points=2, kind="structure")
@given(x=matrices())
@example(x=COURSE_X)
@example(x=SQUARE_X)
@pytest.mark.public
def test_result_is_a_float_matrix_of_the_same_shape(submission, x):
    """normalize_rows(x) is a float64 array of x's shape, for float and int matrices"""
    expect_array(submission.normalize_rows(x), x.shape, WHAT)


@pytest.mark.exercise("normalize_rows", points=3)
@pytest.mark.public
def test_course_example(submission):
    """the course's example: the int matrix [[0, 3, 4], [1, 6, 4]] gives [[0., 0.6, 0.8],
    [0.13736056, 0.82416338, 0.54944226]]"""
    expect_close(submission.normalize_rows(COURSE_X), COURSE_RESULT,
                 "normalize_rows([[0, 3, 4], [1, 6, 4]])", mistakes=norm_mistakes(COURSE_X))


@pytest.mark.exercise("normalize_rows", points=4)
@given(x=matrices())
def test_values(submission, reference, x):
    """each row of x is divided by its own L2 norm, for (n, m) float matrices"""
    expect_close(call(submission, x), reference.normalize_rows(x), WHAT,
                 mistakes=norm_mistakes(x))


@pytest.mark.exercise("normalize_rows", points=3)
@given(x=matrices(square=True))
@example(x=SQUARE_X)
@pytest.mark.public
def test_values_of_square_matrices(submission, reference, x):
    """for square matrices too, row i is divided by the norm of row i (keepdims=True keeps
    the norms a column, so they broadcast along the rows)"""
    expect_close(submission.normalize_rows(x), reference.normalize_rows(x), WHAT,
                 mistakes=norm_mistakes(x))


@pytest.mark.exercise("normalize_rows", points=2)
@given(x=matrices(integer=True))
def test_values_of_int_matrices(submission, reference, x):
    """normalize_rows works on integer matrices and returns floats (an in-place x /= ...
    cannot store fractions in an int array)"""
    expect_close(call(submission, x), reference.normalize_rows(x), WHAT,
                 mistakes=norm_mistakes(x))


@pytest.mark.exercise("normalize_rows", points=1, kind="property")
@given(x=matrices(square=True))
def test_rows_have_unit_length(submission, x):
    """every row of the result has length 1"""
    got = lenient(submission.normalize_rows(x), x.shape, WHAT)
    expect(bool(np.allclose(np.linalg.norm(got, axis=1), 1.0)),
           f"every row of {WHAT} should have L2 norm 1, but some do not.")


@pytest.mark.exercise("normalize_rows", points=1, kind="property")
@given(x=matrices())
def test_leaves_x_alone(submission, x):
    """normalize_rows leaves the caller's x unchanged"""
    done = submission.call("normalize_rows", x)
    expect(bool(np.array_equal(done.args[0], x)),
           "normalize_rows changed the x passed in: x /= x_norm divides in place; write "
           "x = x / x_norm, which makes a new array.")
