"""Hidden tests for exercise 5, ``gradient_check(X, Y, params, eps)``.

While gradient_check is graded, its calls to forward, mse and backward are answered by the
reference, so its result depends only on how it perturbs the parameters and compares. A right
backward pass gives differences near 0 that only rounding decides, so the value tests compare
with the reference where the difference is large and well defined: at larger steps eps, and on
networks with a ReLU corner, which a centred difference straddles.
"""

import numpy as np
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from autograder.checks import expect, expect_close, expect_number, lenient

from .strategies import LESSON_PARAMS, LESSON_X, LESSON_Y, NAMES, cornered_networks, networks

WHAT = "gradient_check(X, Y, params, eps)"
#: the difference of a right backward pass is rounding noise below this: never compared
NOISE = 1e-7
#: steps for the value tests; the reference's default is 1e-7
STEPS = st.sampled_from([1e-7, 1e-4, 1e-2, 1e-1])


def costs_around(reference, X, Y, params, eps):
    """(g, plus, minus, base): backward's gradients stacked in the order W1, b1, W2, b2, the
    costs with each entry moved up and down by eps, and the cost at params."""
    def cost(parameters):
        return reference.mse(reference.forward(X, parameters)[0], Y)

    _, cache = reference.forward(X, params)
    grads = reference.backward(cache, Y, params)
    g, plus, minus = [], [], []
    for name in NAMES:
        g.append(np.ravel(grads["d" + name]))
        for index in np.ndindex(params[name].shape):
            for sign, costs in ((1.0, plus), (-1.0, minus)):
                theta = np.array(params[name], dtype=float)
                theta[index] += sign * eps
                costs.append(cost({**params, name: theta}))
    return np.concatenate(g), np.array(plus), np.array(minus), cost(params)


def difference(g, g_hat) -> float:
    """||g - g_hat|| / (||g|| + ||g_hat||), 0 when both are 0."""
    denominator = np.linalg.norm(g) + np.linalg.norm(g_hat)
    return 0.0 if denominator == 0 else float(np.linalg.norm(g - g_hat) / denominator)


def check_mistakes(reference, X, Y, params, eps) -> dict:
    """What the usual slips give for these inputs."""
    g, plus, minus, base = costs_around(reference, X, Y, params, eps)
    centred = (plus - minus) / (2 * eps)
    with np.errstate(divide="ignore", invalid="ignore"):
        return {
            "this uses a one-sided difference (J(θ + ε) - J(θ)) / ε: use the centred one, "
            "(J(θ + ε) - J(θ - ε)) / (2ε)": difference(g, (plus - base) / eps),
            "this uses a one-sided difference (J(θ) - J(θ - ε)) / ε: use the centred one, "
            "(J(θ + ε) - J(θ - ε)) / (2ε)": difference(g, (base - minus) / eps),
            "the estimate is divided by ε instead of 2ε": difference(g, (plus - minus) / eps),
            "this is ||g - ĝ|| alone: divide it by ||g|| + ||ĝ||":
                float(np.linalg.norm(g - centred)),
            "the denominator is ||g|| alone: it is ||g|| + ||ĝ||, two norms":
                float(np.linalg.norm(g - centred) / np.linalg.norm(g)),
            "the denominator is ||ĝ|| alone: it is ||g|| + ||ĝ||, two norms":
                float(np.linalg.norm(g - centred) / np.linalg.norm(centred)),
            "the denominator is ||g + ĝ||: it is ||g|| + ||ĝ||, two norms":
                float(np.linalg.norm(g - centred) / np.linalg.norm(g + centred)),
        }


@pytest.mark.exercise("gradient_check", points=2, kind="structure")
@given(problem=networks(max_nh=3))
@example(problem=(LESSON_X, LESSON_Y, LESSON_PARAMS))
@pytest.mark.public
def test_returns_a_python_float(submission, problem):
    """gradient_check returns the difference as a Python float, a single number"""
    expect_number(submission.gradient_check(*problem), "gradient_check(X, Y, params)",
                  python_float=True)


@pytest.mark.exercise("gradient_check", points=5)
@given(problem=st.one_of(networks(max_nh=4), cornered_networks(max_nh=4)), eps=STEPS)
def test_value_equals_the_relative_error(submission, reference, problem, eps):
    """gradient_check(X, Y, params, eps) is ||g - ĝ|| / (||g|| + ||ĝ||) with ĝ the centred
    differences (J(θ + eps) - J(θ - eps)) / (2 eps) over every entry of W1, b1, W2, b2, for
    several steps eps"""
    X, Y, params = problem
    expect_close(submission.gradient_check(X, Y, params, eps),
                 reference.gradient_check(X, Y, params, eps), WHAT, rtol=1e-5, atol=NOISE,
                 mistakes=check_mistakes(reference, X, Y, params, eps))


@pytest.mark.exercise("gradient_check", points=3)
@given(problem=cornered_networks(max_nh=4))
def test_default_step_at_a_relu_corner(submission, reference, problem):
    """with its default eps = 1e-7, gradient_check gives the reference's difference on networks
    whose hidden units sit on the ReLU's corner (there even a right backward pass is "off")"""
    X, Y, params = problem
    expect_close(submission.gradient_check(X, Y, params),
                 reference.gradient_check(X, Y, params), "gradient_check(X, Y, params)",
                 rtol=1e-5, atol=NOISE, mistakes=check_mistakes(reference, X, Y, params, 1e-7))


@pytest.mark.exercise("gradient_check", points=2, kind="property")  # a constant 0 passes it
@given(problem=networks(max_nh=4))
def test_small_for_a_right_backward_pass(submission, reference, problem):
    """away from the ReLU's corners, the (right) gradients of backward get a difference below
    1e-5 with the default eps = 1e-7"""
    X, Y, params = problem
    assume(reference.gradient_check(X, Y, params) < NOISE)
    got = float(lenient(submission.gradient_check(X, Y, params), (), "gradient_check"))
    expect(bool(got < 1e-5),
           f"gradient_check gives {got:.2g} for a right backward pass, at a point where the "
           "cost has a derivative: the centred differences or the comparison are off.")


@pytest.mark.exercise("gradient_check", points=1, kind="property")
@given(problem=networks(max_nh=4))
def test_leaves_params_alone(submission, problem):
    """gradient_check leaves the caller's params as they were (it perturbs a copy, or puts each
    entry back)"""
    X, Y, params = problem
    after = submission.call("gradient_check", X, Y, params, 1e-2).args[2]
    expect(isinstance(after, dict) and set(after) == set(params) and all(
        np.allclose(after[name], params[name], rtol=0.0, atol=1e-12) for name in NAMES),
        "gradient_check changed the caller's params: perturb a copy "
        "(np.array(params[name], dtype=float)) or put each entry back after using it.")


@pytest.mark.exercise("gradient_check", points=1, kind="property")  # zeros pass it
@given(problem=networks(max_nh=4))
def test_zero_when_every_gradient_is_zero(submission, problem):
    """when every gradient and every estimate is exactly 0 (all parameters 0 and Y = 0), the
    difference is 0, not nan"""
    X, Y, params = problem
    zeros = {name: np.zeros_like(value) for name, value in params.items()}
    got = float(lenient(submission.gradient_check(X, np.zeros_like(Y), zeros), (),
                        "gradient_check with zero gradients"))
    expect(not np.isnan(got), "gradient_check gives nan when every gradient and estimate is 0: "
                              "when ||g|| + ||ĝ|| is 0 there is nothing to compare, return 0.0.")
    expect_close(got, 0.0, "gradient_check with zero gradients")


@pytest.mark.exercise("gradient_check", points=2)
@pytest.mark.public
def test_lesson_example(submission, reference):
    """the lesson's worked example, which sits on a ReLU corner: about 0.0477 with the default
    eps = 1e-7, and the reference's difference with eps = 1e-2"""
    # no hints here: computing them would publish most of gradient_check's solution
    for eps in (1e-7, 1e-2):
        expect_close(submission.gradient_check(LESSON_X, LESSON_Y, LESSON_PARAMS, eps),
                     reference.gradient_check(LESSON_X, LESSON_Y, LESSON_PARAMS, eps),
                     f"gradient_check on the lesson's example with eps = {eps:g}",
                     rtol=1e-5, atol=NOISE)
