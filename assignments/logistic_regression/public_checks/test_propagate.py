"""Public tests of `logistic_regression`, copied by `autograder release` from the hidden
suite's tests/test_propagate.py with the helpers they use. Generated: do not edit."""

import numpy as np
from checks import expect_close, expect_dict, expect_tuple


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
