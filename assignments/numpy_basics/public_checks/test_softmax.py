"""Public tests of `numpy_basics`, copied by `autograder release` from the hidden
suite's tests/test_softmax.py with the helpers they use. Generated: do not edit."""

import numpy as np
from checks import expect, expect_array, expect_close, lenient


WHAT = "softmax(x)"


#: the course's published example (public_tests.py), an int matrix
COURSE_X = np.array([[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]])


COURSE_RESULT = [
    [9.80897665e-01, 8.94462891e-04, 1.79657674e-02, 1.21052389e-04, 1.21052389e-04],
    [8.78679856e-01, 1.18916387e-01, 8.01252314e-04, 8.01252314e-04, 8.01252314e-04],
]


def softmax_mistakes(x: np.ndarray) -> dict:
    """What the usual slips give for a moderate ``x`` (those of x's shape). Each slip is
    given twice where it matters: with the row maxima subtracted first, and without."""
    x = x.astype(float)
    e = np.exp(x - np.max(x))  # no shift, or one shift for the whole matrix: same values
    kept = np.exp(x - np.max(x, axis=1, keepdims=True))
    columns = "each column sums to 1 instead of each row: sum over axis=1, the columns of a row"
    whole = ("the whole matrix sums to 1 instead of each row: sum over axis=1, with "
             "keepdims=True")
    hints = {
        columns: e / np.sum(e, axis=0, keepdims=True),
        columns.replace("instead of", "rather than"): kept / np.sum(kept, axis=0, keepdims=True),
        whole: e / np.sum(e),
        whole.replace("instead of", "rather than"): kept / np.sum(kept),
        "the exponentials are missing: softmax divides np.exp(x) by its row sums":
            x / np.sum(x, axis=1, keepdims=True) if np.all(np.sum(x, axis=1) != 0) else None,
    }
    if x.shape[0] == x.shape[1]:
        row_sums = ("entry (i, j) was divided by the sum of row j: without keepdims=True the "
                    "row sums form a (n,) array, which broadcasts as a row; keep them a column")
        hints[row_sums] = kept / np.sum(kept, axis=1)
        hints[row_sums.replace("form", "are")] = e / np.sum(e, axis=1)
        dropped = np.exp(x - np.max(x, axis=1))
        hints["entry (i, j) was shifted by the maximum of row j: without keepdims=True the "
              "row maxima form a (n,) array, which broadcasts as a row; keep them a column"] = \
            dropped / np.sum(dropped, axis=1, keepdims=True)
        hints["the row maxima and the row sums were both taken without keepdims=True: as (n,) "
              "arrays they broadcast as rows; keep them (n, 1) columns"] = \
            dropped / np.sum(dropped, axis=1)
    return _first_of_each(hints)


def _first_of_each(hints: dict) -> dict:
    """``hints`` without the None values and without the variants that give the same values as
    an earlier one (on such inputs two ways of making one slip agree; expect_close names no
    hint whose value another hint shares)."""
    kept: dict = {}
    for hint, value in hints.items():
        if value is not None and not any(np.allclose(value, other, rtol=1e-5, atol=1e-8)
                                         for other in kept.values()):
            kept[hint] = value
    return kept


def test_result_is_a_float_matrix_of_the_same_shape(submission, x):
    """softmax(x) is a float64 array of x's shape, for float and int matrices"""
    expect_array(submission.softmax(x), x.shape, WHAT)


def test_course_example(submission):
    """the course's example: softmax([[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]]) is the published
    matrix"""
    expect_close(submission.softmax(COURSE_X), COURSE_RESULT,
                 "softmax([[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]])", rtol=1e-6, atol=1e-9,
                 mistakes=softmax_mistakes(COURSE_X))


def test_values_of_square_matrices(submission, reference, x):
    """for square matrices too, each row is the softmax of that row (keep the row maxima and
    the row sums columns with keepdims=True)"""
    expect_close(submission.softmax(x), reference.softmax(x), WHAT,
                 mistakes=softmax_mistakes(x))


def test_large_entries_do_not_overflow(submission, reference, x):
    """softmax(x) is right, with no NaN or infinity, for entries around +1000 and -1000 (rows
    at different heights): subtract each row's own maximum before np.exp"""
    got = lenient(submission.softmax(x), x.shape, WHAT)
    expect(bool(np.all(np.isfinite(got))),
           f"{WHAT} contains NaN or infinity for entries around ±1000: np.exp overflows (or "
           "a whole row underflows to 0, and 0 / 0 is NaN). Subtract each row's own maximum, "
           "np.max(x, axis=1, keepdims=True), before np.exp.")
    expect_close(got, reference.softmax(x), WHAT)
