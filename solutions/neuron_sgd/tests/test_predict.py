"""Hidden tests for exercise 7, ``predict(x, w, b)``: 1 where sigmoid(w · x + b) > 0.5, else 0."""

import numpy as np
import pytest
from hypothesis import example, given

from autograder.checks import expect, expect_number

from .strategies import (
    AND_DATA_01,
    B_START,
    LOGISTIC_LABELS,
    W_START,
    expect_same_labels,
    inputs,
    labels_of,
    reals,
    scored_inputs,
    weights,
)

WHAT = "predict(x, w, b)"

#: The lesson's trained logistic neuron (100 epochs, lr 0.5), rounded as the lesson prints it.
TRAINED = (np.array([4.5094, 4.4546]), -6.8121)

#: (x, w, b) with w · x + b exactly 0, where the probability is exactly 0.5: the label is 0.
HALFWAY = [
    ((0, 0), np.array([4.5, 4.5]), 0.0),
    ((1, 1), np.array([0.5, -0.5]), 0.0),
    ((1, 0), np.array([0.25, 1.0]), -0.25),
    ((0.5, 2.0), np.array([2.0, 1.0]), -3.0),
]


def predictions(submission, xs, w, b) -> np.ndarray:
    """The student's labels for each input, as a float array of 0/1."""
    return labels_of([submission.predict(x, w, b) for x in xs], LOGISTIC_LABELS, WHAT)


def label_mistakes(xs, w, b) -> dict:
    """The labels the usual slips give for these inputs."""
    z = np.array([np.dot(w, np.asarray(x, dtype=float)) + b for x in xs])
    return {
        "compare the probability a = sigmoid(w · x + b) with 0.5, not the score z itself.":
            (z > 0.5).astype(float),
        "did you forget + b? The score is w · x + b.": (z - b > 0).astype(float),
        "the labels are inverted: predict 1 when the probability is above 0.5.":
            (z <= 0).astype(float),
    }


@pytest.mark.exercise("predict", points=2, kind="structure")
@given(x=inputs(), w=weights(), b=reals())
@example(x=(1, 1), w=W_START, b=B_START)
@pytest.mark.public
def test_returns_a_number(submission, x, w, b):
    """predict returns a single number (1 or 0), not an array or a bool"""
    expect_number(submission.predict(x, w, b), WHAT)


@pytest.mark.exercise("predict", points=5)
@given(problem=scored_inputs())
def test_label_is_1_where_the_probability_is_above_one_half(submission, reference, problem):
    """the label is 1 where sigmoid(w · x + b) > 0.5 and 0 where it is below, also for scores
    close to 0"""
    xs, w, b, _ = problem
    got = predictions(submission, xs, w, b)
    want = np.array([reference.predict(x, w, b) for x in xs], dtype=float)
    expect_same_labels(got, want, WHAT, label_mistakes(xs, w, b))


@pytest.mark.exercise("predict", points=3)
@pytest.mark.public
def test_lesson_truth_tables(submission, reference):
    """the lesson's neurons: the starting one says 1 for all four corners, the trained one
    (w = (4.5094, 4.4546), b = -6.8121) reproduces AND: 0, 0, 0, 1"""
    xs = [x for x, _ in AND_DATA_01]
    for w, b in ((W_START, B_START), TRAINED):
        got = predictions(submission, xs, w, b)
        want = np.array([reference.predict(x, w, b) for x in xs], dtype=float)
        expect_same_labels(got, want, WHAT, label_mistakes(xs, w, b))


@pytest.mark.exercise("predict", points=2, kind="property")  # a constant 0 passes it
@pytest.mark.public
def test_a_probability_of_one_half_gives_0(submission):
    """on the decision boundary, where the probability is exactly 0.5, the label is 0 (1 only
    when a > 0.5)"""
    for x, w, b in HALFWAY:
        got = labels_of([submission.predict(x, w, b)], LOGISTIC_LABELS, WHAT)
        expect(got[0] == 0, f"{WHAT} should be 0 where the probability is exactly 0.5, but it "
                            "is 1: use a > 0.5, not a >= 0.5.")
