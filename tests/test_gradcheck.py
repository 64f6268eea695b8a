"""The finite-difference gradient checker, trusted copy and student copy alike."""

import numpy as np
import pytest

from autograder import gradcheck
from tests.conftest import load_module


def test_relative_error_formula():
    assert gradcheck.relative_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert gradcheck.relative_error([1.0], [3.0]) == pytest.approx(0.5)
    assert gradcheck.relative_error(np.zeros(3), np.zeros(3)) == 0.0
    assert gradcheck.relative_error([1.0, 0.0], [-1.0, 0.0]) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="shapes differ"):
        gradcheck.relative_error(np.zeros((2, 1)), np.zeros(2))


def test_numerical_gradient_of_a_quadratic_and_no_mutation():
    theta = np.array([[1.0, -2.0], [0.5, 3.0]])
    before = theta.copy()
    estimate = gradcheck.numerical_gradient(lambda t: float(np.sum(t**2)), theta)
    np.testing.assert_allclose(estimate, 2 * before, rtol=1e-8)
    np.testing.assert_array_equal(theta, before)


@pytest.mark.parametrize(
    "error, expected",
    [(0.0, "ok"), (1e-7, "ok"), (1e-6, "check"), (1e-4, "check"), (2e-4, "wrong"),
     (float("nan"), "wrong")],
)
def test_verdict_bands(error, expected):
    assert gradcheck.verdict(error) == expected


def _check_propagate(checker, propagate):
    """check_gradients on logistic regression's cost, as the lesson's gradient-check cell does."""
    rng = np.random.default_rng(0)
    w, b = rng.normal(size=(4, 1)), 0.3
    X, Y = rng.normal(size=(4, 7)), (rng.random((1, 7)) > 0.5).astype(float)
    grads, _ = propagate(w, b, X, Y)

    def cost(params):
        return float(propagate(params["w"], params["b"], X, Y)[1])

    return checker.check_gradients(cost, {"w": w, "b": b}, {"w": grads["dw"], "b": grads["db"]})


def test_check_gradients_on_the_reference_and_on_known_mistakes(reference):
    assert [c.verdict for c in _check_propagate(gradcheck, reference.propagate)] == ["ok", "ok"]

    def no_average(w, b, X, Y):
        grads, cost = reference.propagate(w, b, X, Y)
        return {"dw": grads["dw"] * X.shape[1], "db": grads["db"]}, cost

    def flipped_db(w, b, X, Y):
        grads, cost = reference.propagate(w, b, X, Y)
        return {"dw": grads["dw"], "db": -grads["db"]}, cost

    w_check, b_check = _check_propagate(gradcheck, no_average)
    assert (w_check.verdict, b_check.verdict) == ("wrong", "ok")
    w_check, b_check = _check_propagate(gradcheck, flipped_db)
    assert (w_check.verdict, b_check.verdict) == ("ok", "wrong")
    assert b_check.relative_error == pytest.approx(1.0)


def test_student_copy_agrees_with_the_trusted_checker(reference, lr):
    student = load_module(lr.release_dir / "gradcheck.py")
    ours = _check_propagate(gradcheck, reference.propagate)
    theirs = _check_propagate(student, reference.propagate)
    assert [(c.name, c.relative_error, c.verdict) for c in ours] == [
        (c.name, c.relative_error, c.verdict) for c in theirs
    ]
