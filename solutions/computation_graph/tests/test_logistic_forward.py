"""Hidden tests for exercise 3, ``logistic_forward(x1, x2, w1, w2, b, y)``: z, a and L."""

import numpy as np
import pytest
from hypothesis import example, given

from autograder.checks import expect, expect_close, expect_dict, expect_number

from .strategies import (
    LOGISTIC_FORWARD_KEYS,
    LOGISTIC_LESSON,
    LOGISTIC_LESSON_Y0,
    logistic_examples,
    values,
)

WHAT = "logistic_forward(x1, x2, w1, w2, b, y)"


def run(submission, problem) -> dict:
    """The student's z, a and L as float64 numbers (compared leniently)."""
    return values(submission.logistic_forward(*problem), LOGISTIC_FORWARD_KEYS, WHAT)


@pytest.mark.exercise("logistic_forward", points=2, kind="structure")
@given(problem=logistic_examples())
@example(problem=LOGISTIC_LESSON)
@pytest.mark.public
def test_returns_a_dict_of_numbers(submission, problem):
    """logistic_forward returns a dict {"z": ..., "a": ..., "L": ...} of three numbers"""
    got = expect_dict(submission.logistic_forward(*problem), LOGISTIC_FORWARD_KEYS, WHAT)
    for key in LOGISTIC_FORWARD_KEYS:
        expect_number(got[key], f"{WHAT}[{key!r}]")


@pytest.mark.exercise("logistic_forward", points=4)
@given(problem=logistic_examples())
@example(problem=LOGISTIC_LESSON)
@pytest.mark.public
def test_z(submission, reference, problem):
    """z = w1·x1 + w2·x2 + b"""
    x1, x2, w1, w2, b, _ = problem
    got = run(submission, problem)
    expect_close(got["z"], reference.logistic_forward(*problem)["z"], f"{WHAT}['z']",
                 mistakes={"z is computed without b: z = w1·x1 + w2·x2 + b": w1 * x1 + w2 * x2,
                           "each weight multiplies its own feature: w1·x1 + w2·x2, not "
                           "w1·x2 + w2·x1": w1 * x2 + w2 * x1 + b})


@pytest.mark.exercise("logistic_forward", points=4)
@given(problem=logistic_examples())
@example(problem=LOGISTIC_LESSON)
@pytest.mark.public
def test_a(submission, reference, problem):
    """a = sigmoid(z), the predicted probability that y = 1"""
    got = run(submission, problem)
    ref = reference.logistic_forward(*problem)
    expect_close(got["a"], ref["a"], f"{WHAT}['a']",
                 mistakes={"a is z itself: apply the sigmoid, a = sigmoid(z)": ref["z"],
                           "this is sigmoid(-z) = 1 - a: the sigmoid is 1 / (1 + exp(-z))":
                               1.0 - ref["a"]})


@pytest.mark.exercise("logistic_forward", points=6)
@given(problem=logistic_examples())
@example(problem=LOGISTIC_LESSON)
@example(problem=LOGISTIC_LESSON_Y0)
@pytest.mark.public
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


@pytest.mark.exercise("logistic_forward", points=2, kind="property")
@given(problem=logistic_examples())
@example(problem=LOGISTIC_LESSON)
def test_a_is_a_probability_and_L_is_not_negative(submission, problem):
    """a lies strictly between 0 and 1, and the loss L is never negative"""
    got = run(submission, problem)
    expect(0.0 < float(got["a"]) < 1.0,
           f"{WHAT}['a'] should be a probability strictly between 0 and 1.")
    expect(float(got["L"]) >= 0.0,
           f"{WHAT}['L'] should never be negative: log(a) and log(1 - a) are negative, and "
           "the minus in front of the loss makes it positive.")
