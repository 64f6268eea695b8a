"""Hidden tests for exercise 4, ``propagate(w, b, X, Y)``: the cost and its gradients."""

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from autograder.checks import (
    expect,
    expect_array,
    expect_close,
    expect_dict,
    expect_number,
    expect_tuple,
    lenient,
)
from autograder.gradcheck import check_gradients

from .strategies import logistic_problems

#: The course's two published examples, as (w, b, X, Y).
COURSE_EXAMPLES = [
    (
        np.array([[1.0], [2.0]]),
        2.0,
        np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]]),
        np.array([[1, 0, 1]]),
    ),
    (
        np.array([[1.0], [2.0], [-1.0]]),
        2.5,
        np.array([[1.0, 2.0, -1.0, 0.0], [3.0, 4.0, -3.2, 1.0], [3.0, 4.0, -3.2, -3.5]]),
        np.array([[1, 1, 0, 0]]),
    ),
]


def run(submission, w, b, X, Y):
    """The student's (dw, db, cost) for these inputs, as returned (value tests compare them
    leniently: a (1,) db or a float32 dw costs only the structure test)."""
    grads, cost = expect_tuple(submission.propagate(w, b, X, Y), 2, "propagate")
    grads = expect_dict(grads, ["dw", "db"], "grads")
    return grads["dw"], grads["db"], cost


def as_values(dw, db, cost, w_shape) -> tuple[np.ndarray, float, float]:
    """(dw, db, cost) as float64 values, for tests that compute with them."""
    return (lenient(dw, w_shape, "grads['dw']"), float(lenient(db, (), "grads['db']")),
            float(lenient(cost, (), "cost")))


def expected(reference, w, b, X, Y):
    """The reference (dw, db, cost) for these inputs."""
    grads, cost = reference.propagate(w, b, X, Y)
    return grads["dw"], float(grads["db"]), float(cost)


def mistakes(reference, w, b, X, Y) -> tuple[dict, dict, dict]:
    """Hints for dw, db and cost: what the usual slips give on these inputs."""
    n_x, m = X.shape
    dw, db, cost = expected(reference, w, b, X, Y)
    no_bias = expected(reference, w, 0.0, X, Y)
    A = reference.sigmoid(w.T @ X + b)
    dZ_twice = (A - Y) * A * (1 - A)
    wrong_axis = m / n_x
    dw_hints = {
        "dw is m times too large — did you divide by m?": dw * m,
        "dw has the wrong sign — dZ is A - Y, not Y - A": -dw,
        "dw is computed without b — the forward pass is Z = wᵀX + b": no_bias[0],
        "dZ = A - Y already includes the sigmoid's derivative; do not multiply by A(1 - A)":
            X @ dZ_twice.T / m,
        "m is the number of examples, X.shape[1], not X.shape[0]": dw * wrong_axis,
    }
    db_hints = {
        "db is m times too large — did you divide by m?": db * m,
        "db has the wrong sign — dZ is A - Y, not Y - A": -db,
        "db is computed without b — the forward pass is Z = wᵀX + b": no_bias[1],
        "dZ = A - Y already includes the sigmoid's derivative; do not multiply by A(1 - A)":
            float(np.sum(dZ_twice)) / m,
        "m is the number of examples, X.shape[1], not X.shape[0]": db * wrong_axis,
    }
    cost_hints = {
        "the cost has the wrong sign — did you forget the minus?": -cost,
        "the cost is m times too large — did you divide by m?": cost * m,
        "the cost is computed without b — the forward pass is Z = wᵀX + b": no_bias[2],
        "m is the number of examples, X.shape[1], not X.shape[0]": cost * wrong_axis,
    }
    return dw_hints, db_hints, cost_hints


@pytest.mark.exercise("propagate", points=3, kind="structure")
@given(problem=logistic_problems())
def test_returns_grads_dict_and_cost(submission, problem):
    """propagate returns ({"dw": a float64 array shaped like w, "db": a number}, cost as a
    number)"""
    w, b, X, Y = problem
    dw, db, cost = run(submission, w, b, X, Y)
    expect_array(dw, w.shape, "grads['dw']")
    expect_number(db, "grads['db']")
    expect_number(cost, "cost")


@pytest.mark.exercise("propagate", points=5)
@given(problem=logistic_problems())
def test_cost_is_mean_cross_entropy(submission, reference, problem):
    """the cost equals the mean cross-entropy over the m examples"""
    w, b, X, Y = problem
    _, _, cost = run(submission, w, b, X, Y)
    _, _, cost_hints = mistakes(reference, w, b, X, Y)
    expect_close(cost, expected(reference, w, b, X, Y)[2], "cost", mistakes=cost_hints)


@pytest.mark.exercise("propagate", points=4)
@given(problem=logistic_problems())
def test_dw_is_right(submission, reference, problem):
    """dw equals (1/m) X (A - Y)ᵀ"""
    w, b, X, Y = problem
    dw, _, _ = run(submission, w, b, X, Y)
    dw_hints, _, _ = mistakes(reference, w, b, X, Y)
    expect_close(dw, expected(reference, w, b, X, Y)[0], "grads['dw']", mistakes=dw_hints)


@pytest.mark.exercise("propagate", points=4)
@given(problem=logistic_problems())
def test_db_is_right(submission, reference, problem):
    """db equals (1/m) Σ (a - y)"""
    w, b, X, Y = problem
    _, db, _ = run(submission, w, b, X, Y)
    _, db_hints, _ = mistakes(reference, w, b, X, Y)
    expect_close(db, expected(reference, w, b, X, Y)[1], "grads['db']", mistakes=db_hints)


@pytest.mark.exercise("propagate", points=4)
@given(problem=logistic_problems(max_z=8.0))
def test_gradients_match_finite_differences(submission, reference, problem):
    """dw and db equal the finite-difference gradient of the cost"""
    w, b, X, Y = problem
    dw, db, _ = as_values(*run(submission, w, b, X, Y), w.shape)

    def cost(params):
        return float(reference.propagate(params["w"], params["b"], X, Y)[1])

    ref_dw, ref_db, _ = expected(reference, w, b, X, Y)
    params = {"w": w, "b": b}
    # grade only where the correct gradient itself passes (it cannot when it nearly vanishes)
    reference_checks = check_gradients(cost, params, {"w": ref_dw, "b": ref_db})
    assume(all(check.verdict == "ok" for check in reference_checks))
    for check in check_gradients(cost, params, {"w": dw, "b": db}):
        expect(
            check.verdict == "ok",
            f"d{check.name} does not match the finite-difference gradient of the cost "
            f"(relative error {check.relative_error:.2g}).",
        )


@pytest.mark.exercise("propagate", points=2, kind="property")
@given(problem=logistic_problems(), data=st.data())
def test_order_of_examples_does_not_matter(submission, problem, data):
    """shuffling the examples (columns of X and Y together) changes neither cost nor gradients"""
    w, b, X, Y = problem
    order = np.array(data.draw(st.permutations(range(X.shape[1])), label="order"))
    dw, db, cost = as_values(*run(submission, w, b, X, Y), w.shape)
    dw_s, db_s, cost_s = run(submission, w, b, X[:, order], Y[:, order])
    expect_close(cost_s, cost, "the cost after shuffling the examples")
    expect_close(dw_s, dw, "grads['dw'] after shuffling the examples")
    expect_close(db_s, db, "grads['db'] after shuffling the examples")


@pytest.mark.exercise("propagate", points=4, kind="property")
@given(problem=logistic_problems())
def test_duplicating_every_example_changes_nothing(submission, problem):
    """duplicating every example leaves the cost and the gradients unchanged (they are means)"""
    w, b, X, Y = problem
    dw, db, cost = as_values(*run(submission, w, b, X, Y), w.shape)
    twice = np.concatenate([X, X], axis=1), np.concatenate([Y, Y], axis=1)
    dw_2, db_2, cost_2 = run(submission, w, b, *twice)
    hint = "it doubled when every example appeared twice — divide the sum by m"
    expect_close(cost_2, cost, "the cost on the duplicated examples", mistakes={hint: 2 * cost})
    expect_close(dw_2, dw, "grads['dw'] on the duplicated examples", mistakes={hint: 2 * dw})
    expect_close(db_2, db, "grads['db'] on the duplicated examples", mistakes={hint: 2 * db})


@pytest.mark.exercise("propagate", points=4)
@pytest.mark.public
def test_course_examples(submission, reference):
    """the course's published propagate examples give the published dw, db and cost"""
    for number, (w, b, X, Y) in enumerate(COURSE_EXAMPLES, start=1):
        dw, db, cost = run(submission, w, b, X, Y)
        ref_dw, ref_db, ref_cost = expected(reference, w, b, X, Y)
        dw_hints, db_hints, cost_hints = mistakes(reference, w, b, X, Y)
        where = f" (course example {number})"
        expect_close(cost, ref_cost, "cost" + where, mistakes=cost_hints)
        expect_close(dw, ref_dw, "grads['dw']" + where, mistakes=dw_hints)
        expect_close(db, ref_db, "grads['db']" + where, mistakes=db_hints)
