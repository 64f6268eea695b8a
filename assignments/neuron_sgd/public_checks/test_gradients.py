"""Public tests of `neuron_sgd`, copied by `autograder release` from the hidden
suite's tests/test_gradients.py with the helpers they use. Generated: do not edit."""

import numpy as np
from checks import expect_array, expect_close, expect_number, expect_tuple
from .strategies import B_START, W_START


#: The lesson's worked examples at the starting point, as (x, y) for each neuron.
LINEAR_WORKED = [((0, 0), -1), ((1, 1), 1)]


LOGISTIC_WORKED = [((0, 0), 0), ((1, 1), 1)]


def run(submission, name, x, y, w, b):
    """The student's (dw, db) as returned (value tests compare them leniently)."""
    return expect_tuple(getattr(submission, name)(x, y, w, b), 2, name)


def linear_mistakes(x, y, w, b) -> tuple[dict, dict]:
    """({hint: dw}, {hint: db}) for the usual slips in the squared error's gradient."""
    x = np.asarray(x, dtype=float)
    error = float(np.dot(w, x) + b - y)
    no_bias = float(np.dot(w, x) - y)
    hints = [
        ("the sign is flipped: the error is ŷ - y (prediction minus label), not y - ŷ",
         -2 * error * x, -2 * error),
        ("the factor 2 is missing: the derivative of (ŷ - y)² is 2 (ŷ - y); this lesson's "
         "loss has no ½", error * x, error),
        ("ŷ is computed without b: ŷ = w · x + b", 2 * no_bias * x, 2 * no_bias),
        ("db is 2 (ŷ - y), not multiplied by the inputs: ∂ŷ/∂b = 1", 2 * error * x,
         2 * error * float(np.sum(x))),
    ]
    return {h: dw for h, dw, _ in hints}, {h: db for h, _, db in hints}


def logistic_mistakes(x, y, w, b) -> tuple[dict, dict]:
    """({hint: dw}, {hint: db}) for the usual slips in the cross-entropy's gradient."""
    x = np.asarray(x, dtype=float)
    z = float(np.dot(w, x) + b)
    a = 1.0 / (1.0 + np.exp(-z))
    a_no_bias = 1.0 / (1.0 + np.exp(-(z - b)))
    dz = a - y  # the right dz, which the slips below change
    twice = dz * a * (1 - a)
    hints = [
        ("the sign is flipped: dz = a - y (prediction minus label), not y - a", -dz * x, -dz),
        ("dz = a - y already includes the sigmoid's derivative; do not multiply by a(1 - a)",
         twice * x, twice),
        ("a is computed without b: a = sigmoid(w · x + b)", (a_no_bias - y) * x, a_no_bias - y),
        ("dz uses the score z instead of the probability a = sigmoid(z)", (z - y) * x, z - y),
        ("the factor 2 belongs to the squared error; the cross-entropy's dz is a - y",
         2 * dz * x, 2 * dz),
        ("db is dz itself, not multiplied by the inputs: ∂z/∂b = 1", dz * x,
         dz * float(np.sum(x))),
    ]
    return {h: dw for h, dw, _ in hints}, {h: db for h, _, db in hints}


def expect_gradients(submission, reference, name, x, y, w, b, where: str = "") -> None:
    """dw and db equal the reference's, naming a known slip when one matches."""
    dw, db = run(submission, name, x, y, w, b)
    ref_dw, ref_db = getattr(reference, name)(x, y, w, b)
    hints = (linear_mistakes if name == "linear_gradients" else logistic_mistakes)(x, y, w, b)
    expect_close(dw, ref_dw, "dw" + where, mistakes=hints[0])
    expect_close(db, ref_db, "db" + where, mistakes=hints[1])


def test_linear_returns_dw_and_db(submission, x, y, w, b):
    """linear_gradients returns (dw, db): dw a float64 array of shape (2,) like w, db a number"""
    dw, db = run(submission, "linear_gradients", x, y, w, b)
    expect_array(dw, (2,), "dw")
    expect_number(db, "db")


def test_linear_lesson_examples(submission, reference):
    """the lesson's worked examples at the start: (0, 0) with y = -1 gives dw = (0, 0),
    db = 2.466; (1, 1) with y = +1 gives dw = (0.464, 0.464), db = 0.464"""
    for number, (x, y) in enumerate(LINEAR_WORKED, start=1):
        expect_gradients(submission, reference, "linear_gradients", x, y, W_START, B_START,
                         where=f" (lesson example {number})")


def test_logistic_returns_dw_and_db(submission, x, y, w, b):
    """logistic_gradients returns (dw, db): dw a float64 array of shape (2,) like w, db a
    number"""
    dw, db = run(submission, "logistic_gradients", x, y, w, b)
    expect_array(dw, (2,), "dw")
    expect_number(db, "db")


def test_logistic_lesson_examples(submission, reference):
    """the lesson's worked examples at the start: (0, 0) with y = 0 gives dw = (0, 0),
    db = 0.5580; (1, 1) with y = 1 gives dw = (-0.2258, -0.2258), db = -0.2258"""
    for number, (x, y) in enumerate(LOGISTIC_WORKED, start=1):
        expect_gradients(submission, reference, "logistic_gradients", x, y, W_START, B_START,
                         where=f" (lesson example {number})")
