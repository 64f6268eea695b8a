"""Public tests of `computation_graph`, copied by `autograder release` from the hidden
suite's tests/test_numeric_grad.py with the helpers they use. Generated: do not edit."""

import numpy as np
from checks import expect, expect_array, expect_close
from .strategies import cubes


WHAT = "numeric_grad(f, x)"


FORWARD = ("this is a forward difference (f(x + eps) - f(x)) / eps: use the centred "
           "(f(x + eps) - f(x - eps)) / (2·eps)")


BACKWARD = ("this is a backward difference (f(x) - f(x - eps)) / eps: use the centred "
            "(f(x + eps) - f(x - eps)) / (2·eps)")


TWICE = "this is twice the centred difference: divide by 2·eps, not by eps"


ROWS = ("each step nudged a whole row of x: nudge one entry at a time, for every index of x "
        "(np.ndindex(x.shape)), not range(len(x))")


def cube_hints(x, reference, eps=1e-5) -> dict:
    """{hint: value} for the usual slips with f = cubes, in closed form (the public tests'
    hints: they show the slips' results, not how to compute a gradient)."""
    centred = ((x + eps) ** 3 - (x - eps) ** 3) / (2 * eps)
    rows = np.broadcast_to(np.sum(centred, axis=-1, keepdims=True), x.shape)
    return {FORWARD: ((x + eps) ** 3 - x ** 3) / eps, BACKWARD: (x ** 3 - (x - eps) ** 3) / eps,
            TWICE: 2 * reference.numeric_grad(cubes, x, eps),
            **({ROWS: rows} if x.ndim == 2 else {})}


def test_has_the_shape_of_x(submission, x):
    """numeric_grad(f, x) is a float64 array of x's shape, for vectors and matrices"""
    expect_array(submission.numeric_grad(cubes, x), x.shape, WHAT)


def test_is_the_centred_difference(submission, reference, x):
    """numeric_grad(f, x) is the centred difference (f(x + eps·e_i) - f(x - eps·e_i)) / (2·eps)
    at every index i, for a function f of the test's own"""
    mistakes = cube_hints(x, reference)  # ahead of the comparison: this test is public
    expect_close(submission.numeric_grad(cubes, x), reference.numeric_grad(cubes, x), WHAT,
                 rtol=1e-6, atol=1e-6, mistakes=mistakes)


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


def test_leaves_x_alone(submission, x):
    """numeric_grad(f, x) leaves the caller's x as it was"""
    call = submission.call("numeric_grad", cubes, x)
    expect(np.array_equal(call.args[1], x),
           "numeric_grad changed the x passed in: work on a copy, np.array(x, dtype=float), "
           "and put each nudged entry back")
