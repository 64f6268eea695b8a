"""Public tests of `numpy_basics`, copied by `autograder release` from the hidden
suite's tests/test_sigmoids.py with the helpers they use. Generated: do not edit."""

import numpy as np
from checks import expect_array, expect_close, expect_number


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


def test_basic_sigmoid_returns_a_python_float(submission, x):
    """basic_sigmoid(x) returns a Python float, for an int and for a float x"""
    expect_number(submission.basic_sigmoid(x), "basic_sigmoid(x)", python_float=True)


def test_basic_sigmoid_course_examples(submission):
    """the course's examples: basic_sigmoid(1) is 0.7310585786300049 and basic_sigmoid(3) is
    0.9525741268224334"""
    for x, published in BASIC_SIGMOID.items():
        expect_close(submission.basic_sigmoid(x), published, f"basic_sigmoid({x})",
                     mistakes=sigmoid_mistakes(x))


def test_sigmoid_keeps_the_shape(submission, x):
    """sigmoid(x) is a float64 array of x's shape, for 1-D, 2-D and 3-D arrays (int arrays
    too)"""
    expect_array(submission.sigmoid(x), x.shape, "sigmoid(x)")


def test_sigmoid_course_example(submission):
    """the course's example: sigmoid(np.array([1, 2, 3])) is [0.73105858, 0.88079708,
    0.95257413]"""
    x = np.array([1, 2, 3])
    expect_close(submission.sigmoid(x), SIGMOID_123, "sigmoid(np.array([1, 2, 3]))",
                 mistakes=sigmoid_mistakes(x))


def test_sigmoid_values(submission, reference, x):
    """sigmoid(x) equals 1 / (1 + exp(-x)) elementwise, for float arrays of any shape"""
    expect_close(submission.sigmoid(x), reference.sigmoid(x), "sigmoid(x)",
                 mistakes=sigmoid_mistakes(x))


def test_sigmoid_derivative_keeps_the_shape(submission, x):
    """sigmoid_derivative(x) is a float64 array of x's shape"""
    expect_array(submission.sigmoid_derivative(x), x.shape, "sigmoid_derivative(x)")


def test_sigmoid_derivative_course_example(submission):
    """the course's example: sigmoid_derivative(np.array([1, 2, 3])) is [0.19661193,
    0.10499359, 0.04517666]"""
    x = np.array([1, 2, 3])
    expect_close(submission.sigmoid_derivative(x), DERIVATIVE_123,
                 "sigmoid_derivative(np.array([1, 2, 3]))",
                 mistakes=derivative_mistakes(x))


def test_sigmoid_derivative_values(submission, reference, x):
    """sigmoid_derivative(x) equals s * (1 - s) with s = sigmoid(x), elementwise"""
    expect_close(submission.sigmoid_derivative(x), reference.sigmoid_derivative(x),
                 "sigmoid_derivative(x)", mistakes=derivative_mistakes(x))
