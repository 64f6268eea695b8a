"""Public tests of `logistic_regression`, copied by `autograder release` from the hidden
suite's tests/test_predict.py with the helpers they use. Generated: do not edit."""

import numpy as np
from checks import expect, expect_array, expect_labels, fail


WHAT = "predict(w, b, X)"


COURSE = (
    np.array([[0.3], [0.5], [-0.2]]),
    -0.33333,
    np.array([[1.0, -0.3, 1.5], [2.0, 0.0, 1.0], [0.0, -1.5, 2.0]]),
)


def labels(value, m: int) -> np.ndarray:
    """predict's 0/1 labels of shape (1, m) as floats (bool or int labels are values too)."""
    return expect_labels(value, (1, m), WHAT)


def expect_same_labels(got: np.ndarray, want: np.ndarray, mistakes: dict) -> None:
    """Compare labels; name a known mistake when one reproduces the student's labels."""
    wrong = int(np.sum(got != want))
    if wrong == 0:
        return
    matches = [hint for hint, labels_ in mistakes.items() if np.array_equal(got, labels_)]
    hint = f" {matches[0]}" if len(matches) == 1 else ""  # an ambiguous hint would mislead
    fail(f"{wrong} of the {got.size} predicted labels are wrong.{hint}")


def label_mistakes(w, b, X) -> dict:
    """The labels the usual slips give."""
    z = w.T @ X + b
    return {
        "did you forget + b? The score is wᵀx + b.": (w.T @ X > 0).astype(float),
        "compare the probability sigmoid(wᵀx + b) with 0.5, not the score wᵀx + b itself.":
            (z > 0.5).astype(float),
        "the labels are inverted: predict 1 when the probability is above 0.5.":
            (z <= 0).astype(float),
        "a probability of exactly 0.5 gets the label 0: use A > 0.5, not A >= 0.5.":
            (z >= 0).astype(float),
        "only the first example was labelled: loop over the m columns, X.shape[1].":
            np.concatenate([(z[:, :1] > 0), np.zeros_like(z[:, 1:])], axis=1).astype(float),
    }


def test_predictions_are_labels_of_shape_1_by_m(submission, problem):
    """predict returns a float64 array of shape (1, m) holding 0.0 and 1.0, as the course's
    np.zeros((1, m)) does"""
    w, b, X, _ = problem
    got = expect_array(submission.predict(w, b, X), (1, X.shape[1]), WHAT)
    expect(bool(np.all((got == 0) | (got == 1))), f"{WHAT} should contain only 0 and 1.")


def test_label_is_1_exactly_where_the_score_is_positive(submission, problem):
    """the label is 1 exactly where wᵀx + b > 0, i.e. where sigmoid(wᵀx + b) > 0.5"""
    w, b, X, Z = problem
    got = labels(submission.predict(w, b, X), X.shape[1])
    expect_same_labels(got, (Z > 0).astype(float), label_mistakes(w, b, X))


def test_course_example(submission, reference):
    """the course's example predict(w, b, X) gives [[1., 0., 1.]]"""
    w, b, X = COURSE
    got = labels(submission.predict(w, b, X), X.shape[1])
    want = np.asarray(reference.predict(w, b, X), dtype=float)
    expect_same_labels(got, want, label_mistakes(w, b, X))
