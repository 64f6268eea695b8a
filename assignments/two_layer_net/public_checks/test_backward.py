"""Public tests of `two_layer_net`, copied by `autograder release` from the hidden
suite's tests/test_backward.py with the helpers they use. Generated: do not edit."""

import numpy as np
from checks import expect_close, expect_dict
from .strategies import LESSON_PARAMS, LESSON_X, LESSON_Y, NAMES


GRADS = ["d" + name for name in NAMES]


#: (hint, factor): slips that scale every gradient; the factor is a function of (n_x, m)
SCALED = [
    ("dZ2 misses the 1/m: dZ2 = (2/m)(Z2 - Y)", lambda n_x, m: m),
    ("dZ2 misses the factor 2 of the square: dZ2 = (2/m)(Z2 - Y)", lambda n_x, m: 0.5),
    ("dZ2 misses both the 2 and the 1/m: dZ2 = (2/m)(Z2 - Y)", lambda n_x, m: m / 2),
    ("the sign is flipped: dZ2 = (2/m)(Z2 - Y), prediction minus target", lambda n_x, m: -1.0),
    ("m is the number of examples, X.shape[1], not X.shape[0]", lambda n_x, m: m / n_x),
]


def masked(cache) -> list:
    """(hint, cache): caches on which the reference's backward, whose ReLU derivative is
    (Z1 > 0), gives what another mask gives on ``cache`` (it reads Z1 for the mask only)."""
    Z1 = cache["Z1"]
    wrong_side = "the ReLU's derivative is 1 where Z1 > 0 and 0 elsewhere: this mask keeps the " \
        "other entries"
    return [
        ("at Z1 = 0 the ReLU's derivative is 0 in this course: use Z1 > 0, not Z1 >= 0",
         {**cache, "Z1": np.where(Z1 == 0, 1.0, Z1)}),
        (f"{wrong_side} (Z1 < 0)", {**cache, "Z1": -Z1}),
        (f"{wrong_side} (Z1 <= 0)", {**cache, "Z1": np.where(Z1 == 0, 1.0, -Z1)}),
        ("the ReLU's derivative is missing: dZ1 = dA1 * (Z1 > 0)",
         {**cache, "Z1": np.ones_like(Z1)}),
    ]


def gradient_mistakes(reference, cache, Y, params) -> dict:
    """{gradient name: {hint: what a usual slip gives for it}}, from the reference's backward."""
    n_x, m = cache["X"].shape
    right = reference.backward(cache, Y, params)
    slips = [(hint, {name: factor(n_x, m) * right[name] for name in GRADS})
             for hint, factor in SCALED]
    slips += [(hint, reference.backward(slipped, Y, params)) for hint, slipped in masked(cache)]
    hints = {name: {} for name in GRADS}
    for hint, grads in slips:
        for name in GRADS:
            if not np.allclose(grads[name], right[name], rtol=1e-5, atol=1e-8):
                hints[name].setdefault(hint, grads[name])
    return hints


def run(submission, cache, Y, params) -> dict:
    """The student's grads dict, with its four keys present."""
    return expect_dict(submission.backward(cache, Y, params), GRADS, "grads")


def expect_gradients(grads, cache, Y, params, reference, names, where="") -> None:
    """Compare the named gradients with the reference's, naming a usual slip when one fits."""
    expected = reference.backward(cache, Y, params)
    hints = gradient_mistakes(reference, cache, Y, params)
    for name in names:
        expect_close(grads[name], expected[name], f"grads['{name}']{where}", mistakes=hints[name])


def test_lesson_example(submission, reference):
    """the lesson's worked example: dW2 = [[1.375, 1.5, 0.875]], db2 = [[1.25]],
    dW1 = [[1, -0.375], [-0.375, -0.25], [-0.5, 1.75]], db1 = [[0.625], [-0.625], [1.25]]"""
    _, cache = reference.forward(LESSON_X, LESSON_PARAMS)
    grads = run(submission, cache, LESSON_Y, LESSON_PARAMS)
    expect_gradients(grads, cache, LESSON_Y, LESSON_PARAMS, reference, GRADS,
                     " on the lesson's example")
