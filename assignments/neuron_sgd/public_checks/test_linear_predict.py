"""Public tests of `neuron_sgd`, copied by `autograder release` from the hidden
suite's tests/test_linear_predict.py with the helpers they use. Generated: do not edit."""

import numpy as np
from checks import expect, expect_number
from .strategies import AND_DATA, B_START, LINEAR_LABELS, W_START, expect_same_labels, labels_of


WHAT = "linear_predict(x, w, b)"


#: The lesson's trained linear neuron (20 epochs, lr 0.01), rounded as the lesson prints it.
TRAINED = (np.array([0.4625, 0.2343]), -0.6180)


#: (x, w, b) with w · x + b exactly 0: on the decision boundary the label is -1.
ON_THE_LINE = [
    ((0, 0), np.array([0.666, 0.333]), 0.0),
    ((1, 1), np.array([0.5, -0.5]), 0.0),
    ((1, 0), np.array([0.25, 1.0]), -0.25),
    ((0.5, 2.0), np.array([2.0, 1.0]), -3.0),
]


def predictions(submission, xs, w, b) -> np.ndarray:
    """The student's labels for each input, as a float array of -1/+1."""
    return labels_of([submission.linear_predict(x, w, b) for x in xs], LINEAR_LABELS, WHAT)


def label_mistakes(xs, w, b) -> dict:
    """The labels the usual slips give for these inputs."""
    z = np.array([np.dot(w, np.asarray(x, dtype=float)) for x in xs])
    return {
        "did you forget + b? The score is w · x + b.": np.where(z > 0, 1.0, -1.0),
        "the labels are inverted: +1 is for a positive score w · x + b.":
            np.where(z + b > 0, -1.0, 1.0),
    }


def test_returns_a_number(submission, x, w, b):
    """linear_predict returns a single number (1 or -1), not an array"""
    expect_number(submission.linear_predict(x, w, b), WHAT)


def test_lesson_truth_tables(submission, reference):
    """the lesson's neurons: the starting one says +1 for all four corners, the trained one
    (w = (0.4625, 0.2343), b = -0.6180) reproduces AND: -1, -1, -1, +1"""
    xs = [x for x, _ in AND_DATA]
    for w, b in ((W_START, B_START), TRAINED):
        got = predictions(submission, xs, w, b)
        want = np.array([reference.linear_predict(x, w, b) for x in xs], dtype=float)
        expect_same_labels(got, want, WHAT, label_mistakes(xs, w, b))


def test_on_the_decision_boundary_the_label_is_minus_1(submission):
    """on the decision boundary, where w · x + b is exactly 0, the label is -1 (+1 only when
    the score is strictly positive)"""
    for x, w, b in ON_THE_LINE:
        got = labels_of([submission.linear_predict(x, w, b)], LINEAR_LABELS, WHAT)
        expect(got[0] == -1, f"{WHAT} should be -1 where w · x + b is exactly 0, but it is +1: "
                             "use z > 0, not z >= 0.")
