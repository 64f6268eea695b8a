"""Public tests of `two_layer_net`, copied by `autograder release` from the hidden
suite's tests/test_mse.py with the helpers they use. Generated: do not edit."""

import numpy as np
from checks import expect_close, expect_number
from .strategies import LESSON_PARAMS, LESSON_X, LESSON_Y


WHAT = "mse(Yhat, Y)"


def cost_mistakes(reference, Yhat: np.ndarray, Y: np.ndarray) -> dict:
    """What the usual slips give for these inputs, from the reference's cost."""
    n_y, m = Y.shape
    cost = reference.mse(Yhat, Y)
    hints = {}
    if n_y > 1:  # first: with two outputs np.mean's result is also half the cost
        hints["this divides by the number of entries n_y·m (np.mean does): divide the sum by m, "
              "the number of examples"] = cost / n_y
        hints["this divides by n_y, Y.shape[0]: m, the number of examples, is Y.shape[1]"] = (
            cost * m / n_y)
    hints |= {
        "this is the sum of the squared errors: divide it by m, the number of examples": cost * m,
        "this has a factor 1/2: this course's cost is (1/m) Σ (Yhat - Y)², without the 1/2":
            cost / 2,
        "this looks like the root of the mean squared error: do not take the square root":
            float(np.sqrt(cost)),
        "this averages |Yhat - Y|: square the errors instead": float(np.sum(np.abs(Yhat - Y)) / m),
    }
    return hints


def test_returns_a_python_float(submission, pair):
    """mse returns the cost as a Python float (a single number, not an array)"""
    expect_number(submission.mse(*pair), WHAT, python_float=True)


def test_value_is_the_mean_over_examples_of_squared_errors(submission, reference, pair):
    """mse(Yhat, Y) is the sum of the squared errors over all outputs and examples, divided by
    the number of examples m"""
    Yhat, Y = pair
    expect_close(submission.mse(Yhat, Y), reference.mse(Yhat, Y), WHAT,
                 mistakes=cost_mistakes(reference, Yhat, Y))


def test_lesson_example(submission, reference):
    """the lesson's worked example: J = 1.625 / 4 = 0.40625"""
    Yhat, _ = reference.forward(LESSON_X, LESSON_PARAMS)
    expect_close(submission.mse(Yhat, LESSON_Y), reference.mse(Yhat, LESSON_Y),
                 "mse on the lesson's example", mistakes=cost_mistakes(reference, Yhat, LESSON_Y))
