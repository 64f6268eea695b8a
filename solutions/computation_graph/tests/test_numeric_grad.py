"""Hidden tests for exercise 5, ``numeric_grad(f, x, eps=1e-5)``: the centred-difference
gradient of a scalar function of an array.

The tests hand the student's function functions of their own (from :mod:`.strategies`); the
grader answers the student's calls of them.
"""

import numpy as np
import pytest
from hypothesis import example, given

from autograder.checks import expect, expect_array, expect_close

from .strategies import arrays, coupled, coupled_gradient, cubes, ripples

WHAT = "numeric_grad(f, x)"
LESSON = np.array([1.0, -2.0, 3.0])
MATRIX = np.array([[0.5, -1.0], [2.0, 1.5], [-0.5, 3.0]])


def one_sided(f, x, eps, direction=1.0):
    """What a one-sided difference gives: forward (direction 1) or backward (-1)."""
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        moved = x.copy()
        moved[i] += direction * eps
        grad[i] = direction * (f(moved) - f(x)) / eps
    return grad


def row_by_row(f, x, eps):
    """What a loop over range(len(x)) gives: each step nudges a whole row of a matrix."""
    grad = np.zeros_like(x)
    for i in range(len(x)):
        up, down = x.copy(), x.copy()
        up[i] += eps
        down[i] -= eps
        grad[i] = (f(up) - f(down)) / (2 * eps)
    return grad


def not_put_back(f, x, eps):
    """What nudging x in place gives when the entries are not put back afterwards."""
    x = x.copy()
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        x[i] += eps
        plus = f(x)
        x[i] -= 2 * eps
        grad[i] = (plus - f(x)) / (2 * eps)
    return grad


FORWARD = ("this is a forward difference (f(x + eps) - f(x)) / eps: use the centred "
           "(f(x + eps) - f(x - eps)) / (2·eps)")
BACKWARD = ("this is a backward difference (f(x) - f(x - eps)) / eps: use the centred "
            "(f(x + eps) - f(x - eps)) / (2·eps)")
TWICE = "this is twice the centred difference: divide by 2·eps, not by eps"
ROWS = ("each step nudged a whole row of x: nudge one entry at a time, for every index of x "
        "(np.ndindex(x.shape)), not range(len(x))")
NOT_PUT_BACK = ("the nudged entries were not put back: after the two evaluations restore x[i], "
                "or work on fresh copies")


def hints(f, x, reference, eps=1e-5) -> dict:
    """{hint: value} for the usual slips, for any f at x (hidden tests only: the simulations
    of the slips are not for students to read)."""
    return {FORWARD: one_sided(f, x, eps), BACKWARD: one_sided(f, x, eps, -1.0),
            TWICE: 2 * reference.numeric_grad(f, x, eps), ROWS: row_by_row(f, x, eps),
            NOT_PUT_BACK: not_put_back(f, x, eps)}


def cube_hints(x, reference, eps=1e-5) -> dict:
    """{hint: value} for the usual slips with f = cubes, in closed form (the public tests'
    hints: they show the slips' results, not how to compute a gradient)."""
    centred = ((x + eps) ** 3 - (x - eps) ** 3) / (2 * eps)
    rows = np.broadcast_to(np.sum(centred, axis=-1, keepdims=True), x.shape)
    return {FORWARD: ((x + eps) ** 3 - x ** 3) / eps, BACKWARD: (x ** 3 - (x - eps) ** 3) / eps,
            TWICE: 2 * reference.numeric_grad(cubes, x, eps),
            **({ROWS: rows} if x.ndim == 2 else {})}


@pytest.mark.exercise("numeric_grad", points=2, kind="structure")
@given(x=arrays())
@example(x=LESSON)
@example(x=MATRIX)
@pytest.mark.public
def test_has_the_shape_of_x(submission, x):
    """numeric_grad(f, x) is a float64 array of x's shape, for vectors and matrices"""
    expect_array(submission.numeric_grad(cubes, x), x.shape, WHAT)


@pytest.mark.exercise("numeric_grad", points=4)
@given(x=arrays())
@example(x=LESSON)
@example(x=MATRIX)
@pytest.mark.public
def test_is_the_centred_difference(submission, reference, x):
    """numeric_grad(f, x) is the centred difference (f(x + eps·e_i) - f(x - eps·e_i)) / (2·eps)
    at every index i, for a function f of the test's own"""
    mistakes = cube_hints(x, reference)  # ahead of the comparison: this test is public
    expect_close(submission.numeric_grad(cubes, x), reference.numeric_grad(cubes, x), WHAT,
                 rtol=1e-6, atol=1e-6, mistakes=mistakes)


@pytest.mark.exercise("numeric_grad", points=4)
@given(x=arrays(min_dims=2))
def test_matrices_and_coupled_entries(submission, reference, x):
    """numeric_grad(f, x) is the centred difference at every entry of a matrix x, for a
    function f whose entries interact (nudge one entry at a time, and put it back)"""
    expect_close(submission.numeric_grad(coupled, x), reference.numeric_grad(coupled, x), WHAT,
                 rtol=1e-6, atol=1e-6, mistakes=hints(coupled, x, reference))


@pytest.mark.exercise("numeric_grad", points=3)
@pytest.mark.public
def test_lecture_example(submission, reference):
    """the lecture's example: f(θ) = θ³ at θ = 1 with eps = 0.01 gives 3.0001 (error about
    1e-4), where a one-sided difference would give 3.0301 (error about 3e-2)"""
    theta = np.array([1.0])
    mistakes = {**cube_hints(theta, reference, eps=0.01),
                "eps is ignored: take the step eps the caller gives":
                    reference.numeric_grad(cubes, theta)}
    expect_close(submission.numeric_grad(cubes, theta, eps=0.01),
                 reference.numeric_grad(cubes, theta, eps=0.01),
                 "numeric_grad(f, [1.0], eps=0.01)", mistakes=mistakes)


@pytest.mark.exercise("numeric_grad", points=2)
@given(x=arrays())
def test_uses_the_step_eps(submission, reference, x):
    """numeric_grad takes the step eps it is given, and 1e-5 when none is given"""
    for eps in (1e-3, None):
        kwargs = {} if eps is None else {"eps": eps}
        what = WHAT if eps is None else "numeric_grad(f, x, eps=1e-3)"
        mistakes = hints(ripples, x, reference, eps or 1e-5)
        if eps is not None:
            mistakes["eps is ignored: take the step eps the caller gives"] = \
                reference.numeric_grad(ripples, x)
        expect_close(submission.numeric_grad(ripples, x, **kwargs),
                     reference.numeric_grad(ripples, x, **kwargs), what, rtol=1e-6, atol=1e-7,
                     mistakes=mistakes)


@pytest.mark.exercise("numeric_grad", points=1)
@given(x=arrays())
def test_approximates_the_true_gradient(submission, x):
    """numeric_grad(f, x) is close to the true gradient of f (within 1e-4)"""
    expect_close(submission.numeric_grad(coupled, x), coupled_gradient(x), WHAT,
                 rtol=1e-4, atol=1e-4)


@pytest.mark.exercise("numeric_grad", points=2, kind="property")
@given(x=arrays())
@example(x=MATRIX)
@pytest.mark.public
def test_leaves_x_alone(submission, x):
    """numeric_grad(f, x) leaves the caller's x as it was"""
    call = submission.call("numeric_grad", cubes, x)
    expect(np.array_equal(call.args[1], x),
           "numeric_grad changed the x passed in: work on a copy, np.array(x, dtype=float), "
           "and put each nudged entry back")
