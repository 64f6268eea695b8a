"""Public tests of `two_layer_net`, copied by `autograder release` from the hidden
suite's tests/test_gradient_check.py with the helpers they use. Generated: do not edit."""

from checks import expect_close, expect_number
from .strategies import LESSON_PARAMS, LESSON_X, LESSON_Y


#: the difference of a right backward pass is rounding noise below this: never compared
NOISE = 1e-7


def test_returns_a_python_float(submission, problem):
    """gradient_check returns the difference as a Python float, a single number"""
    expect_number(submission.gradient_check(*problem), "gradient_check(X, Y, params)",
                  python_float=True)


def test_lesson_example(submission, reference):
    """the lesson's worked example, which sits on a ReLU corner: about 0.0477 with the default
    eps = 1e-7, and the reference's difference with eps = 1e-2"""
    # no hints here: computing them would publish most of gradient_check's solution
    for eps in (1e-7, 1e-2):
        expect_close(submission.gradient_check(LESSON_X, LESSON_Y, LESSON_PARAMS, eps),
                     reference.gradient_check(LESSON_X, LESSON_Y, LESSON_PARAMS, eps),
                     f"gradient_check on the lesson's example with eps = {eps:g}",
                     rtol=1e-5, atol=NOISE)
