"""Public tests of `computation_graph`, copied by `autograder release` from the hidden
suite's tests/test_logistic_forward.py with the helpers they use. Generated: do not edit."""

import numpy as np
from checks import expect_close, expect_dict, expect_number
from .strategies import LOGISTIC_FORWARD_KEYS, values


WHAT = "logistic_forward(x1, x2, w1, w2, b, y)"


def run(submission, problem) -> dict:
    """The student's z, a and L as float64 numbers (compared leniently)."""
    return values(submission.logistic_forward(*problem), LOGISTIC_FORWARD_KEYS, WHAT)


def test_returns_a_dict_of_numbers(submission, problem):
    """logistic_forward returns a dict {"z": ..., "a": ..., "L": ...} of three numbers"""
    got = expect_dict(submission.logistic_forward(*problem), LOGISTIC_FORWARD_KEYS, WHAT)
    for key in LOGISTIC_FORWARD_KEYS:
        expect_number(got[key], f"{WHAT}[{key!r}]")


def test_z(submission, reference, problem):
    """z = w1·x1 + w2·x2 + b"""
    x1, x2, w1, w2, b, _ = problem
    got = run(submission, problem)
    expect_close(got["z"], reference.logistic_forward(*problem)["z"], f"{WHAT}['z']",
                 mistakes={"z is computed without b: z = w1·x1 + w2·x2 + b": w1 * x1 + w2 * x2,
                           "each weight multiplies its own feature: w1·x1 + w2·x2, not "
                           "w1·x2 + w2·x1": w1 * x2 + w2 * x1 + b})


def test_a(submission, reference, problem):
    """a = sigmoid(z), the predicted probability that y = 1"""
    got = run(submission, problem)
    ref = reference.logistic_forward(*problem)
    expect_close(got["a"], ref["a"], f"{WHAT}['a']",
                 mistakes={"a is z itself: apply the sigmoid, a = sigmoid(z)": ref["z"],
                           "this is sigmoid(-z) = 1 - a: the sigmoid is 1 / (1 + exp(-z))":
                               1.0 - ref["a"]})


def test_L(submission, reference, problem):
    """L = -(y·log(a) + (1 - y)·log(1 - a)), the cross-entropy loss"""
    y = problem[-1]
    got = run(submission, problem)
    ref = reference.logistic_forward(*problem)
    a = ref["a"]
    expect_close(got["L"], ref["L"], f"{WHAT}['L']",
                 mistakes={"the loss has the wrong sign: L = -(y·log(a) + (1 - y)·log(1 - a)), "
                           "with the minus in front": -ref["L"],
                           "the (1 - y)·log(1 - a) term is missing: it is the whole loss when "
                           "y = 0": -y * np.log(a),
                           "use the natural logarithm np.log, not np.log10": ref["L"] / np.log(10),
                           "the second term takes log(a): it is (1 - y)·log(1 - a), with the "
                           "probability 1 - a that y = 0": -(y * np.log(a) + (1 - y) * np.log(a))})
