"""Public tests of `numpy_basics`, copied by `autograder release` from the hidden
suite's tests/test_normalize_rows.py with the helpers they use. Generated: do not edit."""

import numpy as np
from checks import expect_array, expect_close


WHAT = "normalize_rows(x)"


#: the course's published example: an int matrix (public_tests.py)
COURSE_X = np.array([[0, 3, 4], [1, 6, 4]])


COURSE_RESULT = [[0.0, 0.6, 0.8], [0.13736056, 0.82416338, 0.54944226]]


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


def test_result_is_a_float_matrix_of_the_same_shape(submission, x):
    """normalize_rows(x) is a float64 array of x's shape, for float and int matrices"""
    expect_array(submission.normalize_rows(x), x.shape, WHAT)


def test_course_example(submission):
    """the course's example: the int matrix [[0, 3, 4], [1, 6, 4]] gives [[0., 0.6, 0.8],
    [0.13736056, 0.82416338, 0.54944226]]"""
    expect_close(submission.normalize_rows(COURSE_X), COURSE_RESULT,
                 "normalize_rows([[0, 3, 4], [1, 6, 4]])", mistakes=norm_mistakes(COURSE_X))


def test_values_of_square_matrices(submission, reference, x):
    """for square matrices too, row i is divided by the norm of row i (keepdims=True keeps
    the norms a column, so they broadcast along the rows)"""
    expect_close(submission.normalize_rows(x), reference.normalize_rows(x), WHAT,
                 mistakes=norm_mistakes(x))
