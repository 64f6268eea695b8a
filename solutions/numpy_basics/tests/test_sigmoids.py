"""Hidden tests for exercises 1-3: ``basic_sigmoid(x)``, ``sigmoid(x)`` and
``sigmoid_derivative(x)``."""

import numpy as np
import pytest
from hypothesis import example, given

from autograder.checks import expect, expect_array, expect_close, expect_number, lenient

from .strategies import any_arrays, int_arrays, numbers, reals

#: the course's published examples (Python_Basics_with_Numpy, public_tests.py)
BASIC_SIGMOID = {1: 0.7310585786300049, 3: 0.9525741268224334}
SIGMOID_123 = [0.73105858, 0.88079708, 0.95257413]
DERIVATIVE_123 = [0.19661193, 0.10499359, 0.04517666]


def sigmoid_mistakes(x) -> dict:
    """What the usual slips in a sigmoid give for ``x`` (a number or an array)."""
    x = np.asarray(x, dtype=float)
    return {
        "this is sigmoid(-x): the exponent is minus x, 1 / (1 + exp(-x)), and the numerator "
        "is 1": 1 / (1 + np.exp(x)),
        "this looks like 1 + exp(-x): put the denominator in parentheses, 1 / (1 + exp(-x))":
            1 + np.exp(-x),
        "this is tanh(x), a different function: use 1 / (1 + exp(-x))": np.tanh(x),
    }


def derivative_mistakes(x) -> dict:
    """What the usual slips in sigmoid_derivative give for ``x``."""
    x = np.asarray(x, dtype=float)
    s = 1.0 / (1.0 + np.exp(-x))
    return {
        "this is sigmoid(x) itself: the derivative is s * (1 - s), with s = sigmoid(x)": s,
        "this is x * (1 - x): apply the formula to s = sigmoid(x), not to x": x * (1 - x),
        "this is 1 - s: the derivative is s * (1 - s)": 1 - s,
        "this is s * (1 + s): the derivative is s * (1 - s)": s * (1 + s),
        "the sign is flipped: the derivative is s * (1 - s), positive everywhere": -s * (1 - s),
    }


# ---------------------------------------------------------------- exercise 1: basic_sigmoid


@pytest.mark.exercise("basic_sigmoid", points=1, kind="structure")
@given(x=numbers())
@example(x=1)
@example(x=-2.5)
@pytest.mark.public
def test_basic_sigmoid_returns_a_python_float(submission, x):
    """basic_sigmoid(x) returns a Python float, for an int and for a float x"""
    expect_number(submission.basic_sigmoid(x), "basic_sigmoid(x)", python_float=True)


@pytest.mark.exercise("basic_sigmoid", points=3)
@pytest.mark.public
def test_basic_sigmoid_course_examples(submission):
    """the course's examples: basic_sigmoid(1) is 0.7310585786300049 and basic_sigmoid(3) is
    0.9525741268224334"""
    for x, published in BASIC_SIGMOID.items():
        expect_close(submission.basic_sigmoid(x), published, f"basic_sigmoid({x})",
                     mistakes=sigmoid_mistakes(x))


@pytest.mark.exercise("basic_sigmoid", points=3)
@given(x=numbers())
def test_basic_sigmoid_values(submission, reference, x):
    """basic_sigmoid(x) equals 1 / (1 + exp(-x)), for ints and floats between -30 and 30"""
    expect_close(submission.basic_sigmoid(x), reference.basic_sigmoid(x), "basic_sigmoid(x)",
                 mistakes=sigmoid_mistakes(x))


@pytest.mark.exercise("basic_sigmoid", points=1, kind="property")  # a constant 0.5 passes it
def test_basic_sigmoid_of_zero_is_one_half(submission):
    """basic_sigmoid(0) is 0.5"""
    expect_close(submission.basic_sigmoid(0), 0.5, "basic_sigmoid(0)")


# ---------------------------------------------------------------------- exercise 2: sigmoid


@pytest.mark.exercise("sigmoid", points=2, kind="structure")
@given(x=any_arrays())
@example(x=np.zeros(3))
@example(x=np.zeros((2, 3)))
@example(x=np.zeros((2, 3, 4)))
@example(x=np.array([1, 2, 3]))
@pytest.mark.public
def test_sigmoid_keeps_the_shape(submission, x):
    """sigmoid(x) is a float64 array of x's shape, for 1-D, 2-D and 3-D arrays (int arrays
    too)"""
    expect_array(submission.sigmoid(x), x.shape, "sigmoid(x)")


@pytest.mark.exercise("sigmoid", points=2)
@pytest.mark.public
def test_sigmoid_course_example(submission):
    """the course's example: sigmoid(np.array([1, 2, 3])) is [0.73105858, 0.88079708,
    0.95257413]"""
    x = np.array([1, 2, 3])
    expect_close(submission.sigmoid(x), SIGMOID_123, "sigmoid(np.array([1, 2, 3]))",
                 mistakes=sigmoid_mistakes(x))


@pytest.mark.exercise("sigmoid", points=4)
@given(x=any_arrays())
@example(x=np.array([[-3.0, -0.5], [0.25, 4.0]]))
@pytest.mark.public
def test_sigmoid_values(submission, reference, x):
    """sigmoid(x) equals 1 / (1 + exp(-x)) elementwise, for float arrays of any shape"""
    expect_close(submission.sigmoid(x), reference.sigmoid(x), "sigmoid(x)",
                 mistakes=sigmoid_mistakes(x))


@pytest.mark.exercise("sigmoid", points=1)
@given(x=int_arrays())
def test_sigmoid_of_int_arrays(submission, reference, x):
    """sigmoid(x) works on integer arrays too"""
    expect_close(submission.sigmoid(x), reference.sigmoid(x), "sigmoid(x) of an int array",
                 mistakes=sigmoid_mistakes(x))


@pytest.mark.exercise("sigmoid", points=1)
@given(x=reals(30.0))
@example(x=2.0)
def test_sigmoid_of_a_number(submission, reference, x):
    """sigmoid of a single number is that number's sigmoid"""
    expect_close(submission.sigmoid(x), reference.sigmoid(x), "sigmoid of a number",
                 mistakes=sigmoid_mistakes(x))


@pytest.mark.exercise("sigmoid", points=1, kind="property")
@given(x=any_arrays())
def test_sigmoid_lies_between_0_and_1(submission, x):
    """every value of sigmoid(x) lies strictly between 0 and 1"""
    s = lenient(submission.sigmoid(x), x.shape, "sigmoid(x)")
    expect(bool(np.all((s > 0) & (s < 1))),
           "every value of sigmoid(x) should lie strictly between 0 and 1 for x between -30 "
           "and 30.")


@pytest.mark.exercise("sigmoid", points=1, kind="property")
@given(x=any_arrays())
def test_sigmoid_is_symmetric(submission, x):
    """sigmoid(-x) equals 1 - sigmoid(x)"""
    positive = lenient(submission.sigmoid(x), x.shape, "sigmoid(x)")
    expect_close(submission.sigmoid(-x), 1 - positive, "sigmoid(-x)", atol=1e-9)


# ----------------------------------------------------------- exercise 3: sigmoid_derivative


@pytest.mark.exercise("sigmoid_derivative", points=1, kind="structure")
@given(x=any_arrays())
@example(x=np.array([1, 2, 3]))
@example(x=np.zeros((2, 3)))
@pytest.mark.public
def test_sigmoid_derivative_keeps_the_shape(submission, x):
    """sigmoid_derivative(x) is a float64 array of x's shape"""
    expect_array(submission.sigmoid_derivative(x), x.shape, "sigmoid_derivative(x)")


@pytest.mark.exercise("sigmoid_derivative", points=2)
@pytest.mark.public
def test_sigmoid_derivative_course_example(submission):
    """the course's example: sigmoid_derivative(np.array([1, 2, 3])) is [0.19661193,
    0.10499359, 0.04517666]"""
    x = np.array([1, 2, 3])
    expect_close(submission.sigmoid_derivative(x), DERIVATIVE_123,
                 "sigmoid_derivative(np.array([1, 2, 3]))",
                 mistakes=derivative_mistakes(x))


@pytest.mark.exercise("sigmoid_derivative", points=5)
@given(x=any_arrays())
@example(x=np.array([[-4.0, -1.0], [0.5, 2.0]]))
@pytest.mark.public
def test_sigmoid_derivative_values(submission, reference, x):
    """sigmoid_derivative(x) equals s * (1 - s) with s = sigmoid(x), elementwise"""
    expect_close(submission.sigmoid_derivative(x), reference.sigmoid_derivative(x),
                 "sigmoid_derivative(x)", mistakes=derivative_mistakes(x))


@pytest.mark.exercise("sigmoid_derivative", points=1, kind="property")  # 0.25 everywhere passes
def test_sigmoid_derivative_at_zero_is_one_quarter(submission):
    """the derivative at 0 is 0.25 (0.5 times 0.5)"""
    expect_close(submission.sigmoid_derivative(np.zeros((2, 2))), np.full((2, 2), 0.25),
                 "sigmoid_derivative(zeros)")


@pytest.mark.exercise("sigmoid_derivative", points=1, kind="property")
@given(x=any_arrays())
def test_sigmoid_derivative_is_even_and_at_most_a_quarter(submission, x):
    """the derivative is the same at -x and at x, and lies between 0 and 0.25"""
    ds = lenient(submission.sigmoid_derivative(x), x.shape, "sigmoid_derivative(x)")
    expect(bool(np.all((ds >= 0) & (ds <= 0.25))),
           "every value of sigmoid_derivative(x) should lie between 0 and 0.25.")
    expect_close(submission.sigmoid_derivative(-x), ds, "sigmoid_derivative(-x)", atol=1e-9)

