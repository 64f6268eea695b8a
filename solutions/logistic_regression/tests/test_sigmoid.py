"""Hidden tests for exercise 2, ``sigmoid(z)``: the elementwise logistic function."""

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from autograder.checks import expect, expect_array, expect_close, expect_number, lenient

from .strategies import reals, sigmoid_inputs

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


@pytest.mark.exercise("sigmoid", points=1, kind="property")
@given(z=sigmoid_inputs())
@example(z=np.array([-30.0, -1.0, 0.0, 1.0, 30.0]))
def test_values_lie_strictly_between_0_and_1(submission, z):
    """every value of sigmoid(z) lies strictly between 0 and 1"""
    s = lenient(submission.sigmoid(z), z.shape, WHAT)
    expect(
        bool(np.all((s > 0.0) & (s < 1.0))),
        f"every value of {WHAT} should lie strictly between 0 and 1 for moderate z.",
    )


@pytest.mark.exercise("sigmoid", points=1, kind="property")  # a constant 0.5 passes it
def test_sigmoid_of_zero_is_one_half(submission):
    """sigmoid(0) equals 0.5, for a number and for an array of zeros"""
    expect_close(submission.sigmoid(0.0), 0.5, "sigmoid(0.0)")
    expect_close(submission.sigmoid(np.zeros((2, 3))), np.full((2, 3), 0.5), "sigmoid(zeros)")


@pytest.mark.exercise("sigmoid", points=1, kind="property")
@given(z=sigmoid_inputs())
@example(z=np.array([[0.5, -2.0, 7.0]]))
def test_sigmoid_is_symmetric(submission, z):
    """sigmoid(-z) equals 1 - sigmoid(z)"""
    positive = lenient(submission.sigmoid(z), z.shape, WHAT)
    expect_close(submission.sigmoid(-z), 1.0 - positive, "sigmoid(-z)", atol=1e-9)


@pytest.mark.exercise("sigmoid", points=1, kind="property")
@given(z=hnp.arrays(np.float64, st.integers(2, 20), elements=reals(30.0)).map(np.sort))
@example(z=np.linspace(-10.0, 10.0, 21))
def test_sigmoid_is_increasing(submission, z):
    """sigmoid never decreases: sorted inputs give non-decreasing outputs"""
    s = lenient(submission.sigmoid(z), z.shape, WHAT)
    expect(
        bool(np.all(np.diff(s) >= 0.0)),
        f"{WHAT} should never decrease as z grows, but a larger z gave a smaller value.",
    )


@pytest.mark.exercise("sigmoid", points=1)
@given(z=reals(30.0))
@example(z=2.0)
@pytest.mark.public
def test_value_of_a_number(submission, reference, z):
    """sigmoid of a Python number has the right value"""
    expect_close(submission.sigmoid(z), reference.sigmoid(z), "sigmoid of a number")


@pytest.mark.exercise("sigmoid", points=2, kind="structure")
@given(z=sigmoid_inputs())
@example(z=np.zeros(4))
@example(z=np.zeros((2, 3)))
@example(z=np.zeros((2, 3, 4)))
@pytest.mark.public
def test_shape_is_preserved(submission, z):
    """sigmoid(z) is a float64 array of z's shape, for 1-D, 2-D and 3-D arrays, and a number
    for a number"""
    expect_array(submission.sigmoid(z), z.shape, WHAT)
    expect_number(submission.sigmoid(0.5), "sigmoid of a number")


@pytest.mark.exercise("sigmoid", points=2)
@given(z=sigmoid_inputs())
@example(z=np.array([[-3.0, -0.5], [0.25, 4.0]]))
@pytest.mark.public
def test_values_equal_the_logistic_function(submission, reference, z):
    """sigmoid(z) equals 1 / (1 + exp(-z)) elementwise"""
    expect_close(
        submission.sigmoid(z), reference.sigmoid(z), WHAT, mistakes=value_mistakes(z, reference)
    )


@pytest.mark.exercise("sigmoid", points=1)
@pytest.mark.public
def test_course_example(submission, reference):
    """the course's example: sigmoid(np.array([0, 2])) is [0.5, 0.88079708]"""
    z = np.array([0.0, 2.0])
    expect_close(
        submission.sigmoid(z),
        reference.sigmoid(z),
        "sigmoid(np.array([0, 2]))",
        mistakes=value_mistakes(z, reference),
    )
