"""Hidden tests for exercise 3, ``mse(Yhat, Y)``: J = (1/m) * sum of (Yhat - Y)**2."""

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from autograder.checks import expect_close, expect_number, lenient

from .strategies import LESSON_PARAMS, LESSON_X, LESSON_Y, real_arrays

WHAT = "mse(Yhat, Y)"


@st.composite
def pairs(draw, max_ny: int = 3, max_m: int = 6):
    """(Yhat, Y), both float64 of shape (n_y, m), n_y in 1..3, m in 1..6, entries in ±3."""
    shape = (draw(st.integers(1, max_ny)), draw(st.integers(1, max_m)))
    return draw(real_arrays(shape, 3.0)), draw(real_arrays(shape, 3.0))


#: three outputs and two examples: dividing by the number of entries would be wrong here
THREE_OUTPUTS = (np.array([[1.0, -0.5], [2.0, 0.0], [1.5, 1.0]]),
                 np.array([[0.5, 0.5], [2.0, 1.0], [1.0, -1.0]]))


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


@pytest.mark.exercise("mse", points=2, kind="structure")
@given(pair=pairs())
@example(pair=THREE_OUTPUTS)
@pytest.mark.public
def test_returns_a_python_float(submission, pair):
    """mse returns the cost as a Python float (a single number, not an array)"""
    expect_number(submission.mse(*pair), WHAT, python_float=True)


@pytest.mark.exercise("mse", points=4)
@given(pair=pairs())
@example(pair=THREE_OUTPUTS)
@pytest.mark.public
def test_value_is_the_mean_over_examples_of_squared_errors(submission, reference, pair):
    """mse(Yhat, Y) is the sum of the squared errors over all outputs and examples, divided by
    the number of examples m"""
    Yhat, Y = pair
    expect_close(submission.mse(Yhat, Y), reference.mse(Yhat, Y), WHAT,
                 mistakes=cost_mistakes(reference, Yhat, Y))


@pytest.mark.exercise("mse", points=2, kind="property")
@given(pair=pairs())
def test_duplicating_every_example_changes_nothing(submission, pair):
    """duplicating every example leaves the cost unchanged: it is a mean over the examples"""
    Yhat, Y = pair
    cost = lenient(submission.mse(Yhat, Y), (), WHAT)
    twice = submission.mse(np.concatenate([Yhat, Yhat], axis=1), np.concatenate([Y, Y], axis=1))
    expect_close(twice, cost, "the cost of the duplicated examples",
                 mistakes={"it doubled when every example appeared twice: divide the sum by m":
                           2 * cost})


@pytest.mark.exercise("mse", points=1, kind="property")  # a constant 0 passes it
@given(pair=pairs())
def test_perfect_predictions_cost_nothing(submission, pair):
    """when Yhat equals Y the cost is 0"""
    _, Y = pair
    expect_close(submission.mse(Y.copy(), Y), 0.0, "mse(Y, Y)")


@pytest.mark.exercise("mse", points=1)
@pytest.mark.public
def test_lesson_example(submission, reference):
    """the lesson's worked example: J = 1.625 / 4 = 0.40625"""
    Yhat, _ = reference.forward(LESSON_X, LESSON_PARAMS)
    expect_close(submission.mse(Yhat, LESSON_Y), reference.mse(Yhat, LESSON_Y),
                 "mse on the lesson's example", mistakes=cost_mistakes(reference, Yhat, LESSON_Y))
