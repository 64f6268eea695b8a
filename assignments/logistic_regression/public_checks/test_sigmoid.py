"""Public tests of `logistic_regression`, copied by `autograder release` from the hidden
suite's tests/test_sigmoid.py with the helpers they use. Generated: do not edit."""

import numpy as np
from checks import expect_array, expect_close, expect_number


WHAT = "sigmoid(z)"


def value_mistakes(z: np.ndarray, reference) -> dict:
    """What the usual slips give for ``z``."""
    with np.errstate(over="ignore", divide="ignore"):
        return {
            "this is sigmoid(-z): use np.exp(-z), with the minus sign": reference.sigmoid(-z),
            "this looks like 1 + exp(-z): put the denominator in parentheses, "
            "1 / (1 + np.exp(-z))": 1.0 + np.exp(-z),
            "this is tanh(z), a different function: use 1 / (1 + np.exp(-z))": np.tanh(z),
        }


def test_value_of_a_number(submission, reference, z):
    """sigmoid of a Python number has the right value"""
    expect_close(submission.sigmoid(z), reference.sigmoid(z), "sigmoid of a number")


def test_shape_is_preserved(submission, z):
    """sigmoid(z) is a float64 array of z's shape, for 1-D, 2-D and 3-D arrays, and a number
    for a number"""
    expect_array(submission.sigmoid(z), z.shape, WHAT)
    expect_number(submission.sigmoid(0.5), "sigmoid of a number")


def test_values_equal_the_logistic_function(submission, reference, z):
    """sigmoid(z) equals 1 / (1 + exp(-z)) elementwise"""
    expect_close(
        submission.sigmoid(z), reference.sigmoid(z), WHAT, mistakes=value_mistakes(z, reference)
    )


def test_course_example(submission, reference):
    """the course's example: sigmoid(np.array([0, 2])) is [0.5, 0.88079708]"""
    z = np.array([0.0, 2.0])
    expect_close(
        submission.sigmoid(z),
        reference.sigmoid(z),
        "sigmoid(np.array([0, 2]))",
        mistakes=value_mistakes(z, reference),
    )
