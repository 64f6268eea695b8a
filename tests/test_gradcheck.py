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


def test_check_propagate_on_the_reference_and_on_known_mistakes(reference):
    assert [c.verdict for c in gradcheck.check_propagate(reference.propagate)] == ["ok", "ok"]

    def no_average(w, b, X, Y):
        grads, cost = reference.propagate(w, b, X, Y)
        return {"dw": grads["dw"] * X.shape[1], "db": grads["db"]}, cost

    def flipped_db(w, b, X, Y):
        grads, cost = reference.propagate(w, b, X, Y)
        return {"dw": grads["dw"], "db": -grads["db"]}, cost

    w_check, b_check = gradcheck.check_propagate(no_average)
    assert (w_check.verdict, b_check.verdict) == ("wrong", "ok")
    w_check, b_check = gradcheck.check_propagate(flipped_db)
    assert (w_check.verdict, b_check.verdict) == ("ok", "wrong")
    assert b_check.relative_error == pytest.approx(1.0)


def test_student_copy_agrees_with_the_trusted_checker(reference, assignment):
    student = load_module(assignment.release_dir / "gradcheck.py")
    inputs = ([[1.0], [2.0]], 2.0, [[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]], [[1, 0, 1]])
    ours = gradcheck.check_propagate(reference.propagate, *inputs)
    theirs = student.check_propagate(reference.propagate, *inputs)
    assert [(c.name, c.relative_error, c.verdict) for c in ours] == [
        (c.name, c.relative_error, c.verdict) for c in theirs
    ]
