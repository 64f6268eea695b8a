"""Hidden tests for exercise 2, ``forward(X, params)``: LINEAR -> ReLU -> LINEAR with a cache."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from autograder.checks import (
    expect_array,
    expect_close,
    expect_dict,
    expect_tuple,
    lenient,
)

from .strategies import LESSON_PARAMS, LESSON_X, networks

KEYS = ["X", "Z1", "A1", "Z2"]


def run(submission, X, params):
    """The student's (Yhat, cache) as returned, with the cache's four keys present."""
    Yhat, cache = expect_tuple(submission.forward(X, params), 2, "forward")
    cache = expect_dict(cache, KEYS, "cache")
    return Yhat, cache


def shapes(X, params) -> dict:
    """The shape of each value of the cache, and of Yhat."""
    n_h, m, n_y = params["W1"].shape[0], X.shape[1], params["W2"].shape[0]
    return {"X": X.shape, "Z1": (n_h, m), "A1": (n_h, m), "Z2": (n_y, m), "Yhat": (n_y, m)}


def output_mistakes(reference, X, params) -> dict:
    """What the usual slips give for Yhat, from the reference's values."""
    Yhat, cache = reference.forward(X, params)
    W2, b2 = params["W2"], params["b2"]
    return {
        "the ReLU is missing: A1 = relu(Z1), then Z2 = W2 A1 + b2": W2 @ cache["Z1"] + b2,
        "the output layer has no activation: do not apply relu to Z2": np.maximum(Yhat, 0.0),
        "b1 is missing: Z1 = W1 X + b1":
            reference.forward(X, {**params, "b1": np.zeros_like(params["b1"])})[0],
        "b2 is missing: Z2 = W2 A1 + b2": Yhat - b2,
        "the ReLU keeps the wrong entries: relu(Z1) is Z1 where Z1 > 0, else 0":
            W2 @ (cache["Z1"] - cache["A1"]) + b2,
    }


@pytest.mark.exercise("forward", points=3, kind="structure")
@given(problem=networks())
def test_returns_yhat_and_a_cache_of_four_arrays(submission, problem):
    """forward returns (Yhat, cache): Yhat a float64 (n_y, m) array, cache a dict whose keys
    "X", "Z1", "A1", "Z2" hold float64 arrays of shapes (n_x, m), (n_h, m), (n_h, m), (n_y, m)"""
    X, _, params = problem
    Yhat, cache = run(submission, X, params)
    want = shapes(X, params)
    expect_array(Yhat, want["Yhat"], "Yhat")
    for key in KEYS:
        expect_array(cache[key], want[key], f"cache['{key}']")


@pytest.mark.exercise("forward", points=5)
@given(problem=networks())
def test_yhat_is_right(submission, reference, problem):
    """Yhat equals W2 relu(W1 X + b1) + b2"""
    X, _, params = problem
    Yhat, _ = run(submission, X, params)
    expect_close(Yhat, reference.forward(X, params)[0], "Yhat",
                 mistakes=output_mistakes(reference, X, params))


@pytest.mark.exercise("forward", points=3)
@given(problem=networks())
def test_cache_holds_the_intermediate_values(submission, reference, problem):
    """the cache holds the input X, Z1 = W1 X + b1, A1 = relu(Z1) and Z2 = W2 A1 + b2"""
    X, _, params = problem
    _, cache = run(submission, X, params)
    _, ref_cache = reference.forward(X, params)
    hints = {
        "Z1": {"cache['Z1'] holds relu(Z1): keep the values before the ReLU":
               ref_cache["A1"]},
        "A1": {"cache['A1'] holds Z1: store the activations after the ReLU": ref_cache["Z1"]},
        "Z2": {},
        "X": {},
    }
    for key in KEYS:
        expect_close(cache[key], ref_cache[key], f"cache['{key}']", mistakes=hints[key])


@pytest.mark.exercise("forward", points=1, kind="property")
@given(problem=networks(), data=st.data())
def test_order_of_examples_does_not_matter(submission, problem, data):
    """shuffling the examples (the columns of X) shuffles the columns of Yhat the same way"""
    X, _, params = problem
    order = np.array(data.draw(st.permutations(range(X.shape[1])), label="order"))
    Yhat, _ = run(submission, X, params)
    shuffled, _ = run(submission, X[:, order], params)
    Yhat = lenient(Yhat, shapes(X, params)["Yhat"], "Yhat")
    expect_close(shuffled, Yhat[:, order], "Yhat for the shuffled examples")


@pytest.mark.exercise("forward", points=2)
@pytest.mark.public
def test_lesson_example(submission, reference):
    """the lesson's worked example: Yhat = [[1, 3.25, 3.5, 1.75]], with Z1, A1 and Z2 in the
    cache"""
    Yhat, cache = run(submission, LESSON_X, LESSON_PARAMS)
    ref_Yhat, ref_cache = reference.forward(LESSON_X, LESSON_PARAMS)
    expect_close(Yhat, ref_Yhat, "Yhat on the lesson's example",
                 mistakes=output_mistakes(reference, LESSON_X, LESSON_PARAMS))
    for key in KEYS:
        expect_close(cache[key], ref_cache[key], f"cache['{key}'] on the lesson's example")
