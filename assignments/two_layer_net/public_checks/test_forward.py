"""Public tests of `two_layer_net`, copied by `autograder release` from the hidden
suite's tests/test_forward.py with the helpers they use. Generated: do not edit."""

import numpy as np
from checks import expect_close, expect_dict, expect_tuple
from .strategies import LESSON_PARAMS, LESSON_X


KEYS = ["X", "Z1", "A1", "Z2"]


def run(submission, X, params):
    """The student's (Yhat, cache) as returned, with the cache's four keys present."""
    Yhat, cache = expect_tuple(submission.forward(X, params), 2, "forward")
    cache = expect_dict(cache, KEYS, "cache")
    return Yhat, cache


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


def test_lesson_example(submission, reference):
    """the lesson's worked example: Yhat = [[1, 3.25, 3.5, 1.75]], with Z1, A1 and Z2 in the
    cache"""
    Yhat, cache = run(submission, LESSON_X, LESSON_PARAMS)
    ref_Yhat, ref_cache = reference.forward(LESSON_X, LESSON_PARAMS)
    expect_close(Yhat, ref_Yhat, "Yhat on the lesson's example",
                 mistakes=output_mistakes(reference, LESSON_X, LESSON_PARAMS))
    for key in KEYS:
        expect_close(cache[key], ref_cache[key], f"cache['{key}'] on the lesson's example")
