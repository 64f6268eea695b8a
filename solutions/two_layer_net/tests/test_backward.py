"""Hidden tests for exercise 4, ``backward(cache, Y, params)``: the gradients of the MSE.

Every test hands the student's backward a cache made by the reference's forward, so a bug in
forward never costs points here.
"""

import numpy as np
import pytest
from hypothesis import assume, given

from autograder.checks import expect, expect_array, expect_close, expect_dict, lenient
from autograder.gradcheck import check_gradients

from .strategies import LESSON_PARAMS, LESSON_X, LESSON_Y, NAMES, cornered_networks, networks

GRADS = ["d" + name for name in NAMES]

#: (hint, factor): slips that scale every gradient; the factor is a function of (n_x, m)
SCALED = [
    ("dZ2 misses the 1/m: dZ2 = (2/m)(Z2 - Y)", lambda n_x, m: m),
    ("dZ2 misses the factor 2 of the square: dZ2 = (2/m)(Z2 - Y)", lambda n_x, m: 0.5),
    ("dZ2 misses both the 2 and the 1/m: dZ2 = (2/m)(Z2 - Y)", lambda n_x, m: m / 2),
    ("the sign is flipped: dZ2 = (2/m)(Z2 - Y), prediction minus target", lambda n_x, m: -1.0),
    ("m is the number of examples, X.shape[1], not X.shape[0]", lambda n_x, m: m / n_x),
]


def masked(cache) -> list:
    """(hint, cache): caches on which the reference's backward, whose ReLU derivative is
    (Z1 > 0), gives what another mask gives on ``cache`` (it reads Z1 for the mask only)."""
    Z1 = cache["Z1"]
    wrong_side = "the ReLU's derivative is 1 where Z1 > 0 and 0 elsewhere: this mask keeps the " \
        "other entries"
    return [
        ("at Z1 = 0 the ReLU's derivative is 0 in this course: use Z1 > 0, not Z1 >= 0",
         {**cache, "Z1": np.where(Z1 == 0, 1.0, Z1)}),
        (f"{wrong_side} (Z1 < 0)", {**cache, "Z1": -Z1}),
        (f"{wrong_side} (Z1 <= 0)", {**cache, "Z1": np.where(Z1 == 0, 1.0, -Z1)}),
        ("the ReLU's derivative is missing: dZ1 = dA1 * (Z1 > 0)",
         {**cache, "Z1": np.ones_like(Z1)}),
    ]


def gradient_mistakes(reference, cache, Y, params) -> dict:
    """{gradient name: {hint: what a usual slip gives for it}}, from the reference's backward."""
    n_x, m = cache["X"].shape
    right = reference.backward(cache, Y, params)
    slips = [(hint, {name: factor(n_x, m) * right[name] for name in GRADS})
             for hint, factor in SCALED]
    slips += [(hint, reference.backward(slipped, Y, params)) for hint, slipped in masked(cache)]
    hints = {name: {} for name in GRADS}
    for hint, grads in slips:
        for name in GRADS:
            if not np.allclose(grads[name], right[name], rtol=1e-5, atol=1e-8):
                hints[name].setdefault(hint, grads[name])
    return hints


def run(submission, cache, Y, params) -> dict:
    """The student's grads dict, with its four keys present."""
    return expect_dict(submission.backward(cache, Y, params), GRADS, "grads")


def expect_gradients(grads, cache, Y, params, reference, names, where="") -> None:
    """Compare the named gradients with the reference's, naming a usual slip when one fits."""
    expected = reference.backward(cache, Y, params)
    hints = gradient_mistakes(reference, cache, Y, params)
    for name in names:
        expect_close(grads[name], expected[name], f"grads['{name}']{where}", mistakes=hints[name])


@pytest.mark.exercise("backward", points=4, kind="structure")
@given(problem=networks())
def test_returns_a_gradient_for_each_parameter(submission, reference, problem):
    """backward returns a dict with "dW1", "db1", "dW2", "db2", each a float64 array of the shape
    of its parameter: db1 is (n_h, 1) and db2 is (n_y, 1), columns like b1 and b2"""
    X, Y, params = problem
    _, cache = reference.forward(X, params)
    grads = run(submission, cache, Y, params)
    for name in NAMES:
        expect_array(grads["d" + name], params[name].shape, f"grads['d{name}']")


@pytest.mark.exercise("backward", points=4)
@given(problem=networks())
def test_dW2_is_dZ2_times_A1_transposed(submission, reference, problem):
    """dW2 equals dZ2 A1ᵀ with dZ2 = (2/m)(Z2 - Y)"""
    X, Y, params = problem
    _, cache = reference.forward(X, params)
    expect_gradients(run(submission, cache, Y, params), cache, Y, params, reference, ["dW2"])


@pytest.mark.exercise("backward", points=3)
@given(problem=networks())
def test_db2_is_dZ2_summed_over_the_examples(submission, reference, problem):
    """db2 equals the sum of dZ2 over the examples (axis 1), a (n_y, 1) column"""
    X, Y, params = problem
    _, cache = reference.forward(X, params)
    expect_gradients(run(submission, cache, Y, params), cache, Y, params, reference, ["db2"])


@pytest.mark.exercise("backward", points=5)
@given(problem=networks())
def test_dW1_goes_back_through_the_relu(submission, reference, problem):
    """dW1 equals dZ1 Xᵀ with dZ1 = (W2ᵀ dZ2) * (Z1 > 0)"""
    X, Y, params = problem
    _, cache = reference.forward(X, params)
    expect_gradients(run(submission, cache, Y, params), cache, Y, params, reference, ["dW1"])


@pytest.mark.exercise("backward", points=4)
@given(problem=networks())
def test_db1_is_dZ1_summed_over_the_examples(submission, reference, problem):
    """db1 equals the sum of dZ1 over the examples (axis 1), a (n_h, 1) column"""
    X, Y, params = problem
    _, cache = reference.forward(X, params)
    expect_gradients(run(submission, cache, Y, params), cache, Y, params, reference, ["db1"])


@pytest.mark.exercise("backward", points=5)
@given(problem=networks())
def test_gradients_match_finite_differences(submission, reference, problem):
    """every gradient equals the finite-difference gradient of the cost (away from the ReLU's
    corners, where the cost has a derivative)"""
    X, Y, params = problem
    _, cache = reference.forward(X, params)
    grads = run(submission, cache, Y, params)

    def cost(parameters):
        return reference.mse(reference.forward(X, parameters)[0], Y)

    expected = reference.backward(cache, Y, params)
    # grade only where the right gradients pass (they cannot when a Z1 lies near a corner)
    assume(all(check.verdict == "ok" for check in check_gradients(
        cost, params, {name: expected["d" + name] for name in NAMES})))
    got = {name: lenient(grads["d" + name], params[name].shape, f"grads['d{name}']")
           for name in NAMES}
    for check in check_gradients(cost, params, got):
        expect(check.verdict == "ok",
               f"grads['d{check.name}'] does not match the finite-difference gradient of the "
               f"cost (relative error {check.relative_error:.2g}).")


@pytest.mark.exercise("backward", points=4)
@given(problem=cornered_networks())
def test_relu_derivative_is_zero_at_the_corner(submission, reference, problem):
    """where Z1 is exactly 0 the ReLU's derivative is 0, the lesson's convention: dW1 and db1
    are right on networks with such units"""
    X, Y, params = problem
    _, cache = reference.forward(X, params)
    grads = run(submission, cache, Y, params)
    expect_gradients(grads, cache, Y, params, reference, ["dW1", "db1"],
                     " (some Z1 exactly 0)")


@pytest.mark.exercise("backward", points=2, kind="property")  # zeros pass it
@given(problem=cornered_networks())
def test_a_silent_unit_gets_no_gradient(submission, reference, problem):
    """a hidden unit whose weights and bias are all 0 (Z1 = 0 on every example) gets a zero row
    of dW1 and a zero entry of db1"""
    X, Y, params = problem
    _, cache = reference.forward(X, params)
    grads = run(submission, cache, Y, params)
    silent = np.all(cache["Z1"] == 0.0, axis=1)
    dW1 = lenient(grads["dW1"], params["W1"].shape, "grads['dW1']")
    db1 = lenient(grads["db1"], params["b1"].shape, "grads['db1']")
    expect(bool(np.all(dW1[silent] == 0.0) and np.all(db1[silent] == 0.0)),
           "a hidden unit with Z1 = 0 on every example should get zero gradients (the ReLU's "
           "derivative is 0 at 0), but its row of dW1 or its entry of db1 is not 0: use "
           "(Z1 > 0), not (Z1 >= 0).")


@pytest.mark.exercise("backward", points=3)
@pytest.mark.public
def test_lesson_example(submission, reference):
    """the lesson's worked example: dW2 = [[1.375, 1.5, 0.875]], db2 = [[1.25]],
    dW1 = [[1, -0.375], [-0.375, -0.25], [-0.5, 1.75]], db1 = [[0.625], [-0.625], [1.25]]"""
    _, cache = reference.forward(LESSON_X, LESSON_PARAMS)
    grads = run(submission, cache, LESSON_Y, LESSON_PARAMS)
    expect_gradients(grads, cache, LESSON_Y, LESSON_PARAMS, reference, GRADS,
                     " on the lesson's example")
