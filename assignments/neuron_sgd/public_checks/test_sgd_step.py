"""Public tests of `neuron_sgd`, copied by `autograder release` from the hidden
suite's tests/test_sgd_step.py with the helpers they use. Generated: do not edit."""

import numpy as np
from checks import expect_array, expect_close, expect_number, expect_tuple
from .strategies import B_START, IN_PLACE, W_START, expect_left_alone


#: The lesson's first step: example (0, 0) at the start, lr = 0.01.
LESSON_STEP = {"w": W_START, "b": B_START, "dw": np.array([0.0, 0.0]), "db": 2.466, "lr": 0.01}


def run(submission, w, b, dw, db, lr):
    """The student's (w, b) after the step, as returned."""
    return expect_tuple(submission.sgd_step(w, b, dw, db, lr), 2, "sgd_step")


def hints(w, b, dw, db, lr) -> tuple[dict, dict]:
    """({hint: w}, {hint: b}) for the usual slips in a gradient step."""
    slips = [
        ("the parameters moved uphill (gradient ascent): subtract lr times the gradient",
         w + lr * dw, b + lr * db),
        ("these are the parameters you were given: return the updated ones", w, b),
        ("the step ignores lr: multiply the gradient by the learning rate", w - dw, b - db),
        ("the step divides by lr: multiply the gradient by it", w - dw / lr, b - db / lr),
        ("this is the step itself, lr times the gradient: subtract it from the parameters",
         -lr * dw, -lr * db),
    ]
    return {h: w_ for h, w_, _ in slips}, {h: b_ for h, _, b_ in slips}


def expect_step(submission, w, b, dw, db, lr, where: str = "") -> None:
    """The student's step equals w - lr·dw, b - lr·db, naming a known slip when one matches."""
    got_w, got_b = run(submission, w, b, dw, db, lr)
    w_hints, b_hints = hints(w, b, dw, db, lr)
    want_w, want_b = w - lr * dw, b - lr * db
    expect_close(got_w, want_w, "the new w" + where, mistakes=w_hints)
    expect_close(got_b, want_b, "the new b" + where, mistakes=b_hints)


def test_returns_new_w_and_b(submission, w, b, dw, db, lr):
    """sgd_step returns (w, b): w a float64 array of shape (2,), b a number"""
    got_w, got_b = run(submission, w, b, dw, db, lr)
    expect_array(got_w, (2,), "the new w")
    expect_number(got_b, "the new b")


def test_step_moves_against_the_gradient(submission, w, b, dw, db, lr):
    """a step moves against the gradient by exactly lr times it: w - lr·dw and b - lr·db"""
    expect_step(submission, w, b, dw, db, lr)


def test_lesson_first_step(submission):
    """the lesson's first step, (0, 0) at the start with lr = 0.01: w stays (0.666, 0.333) and
    b goes from 0.233 to 0.20834"""
    expect_step(submission, **LESSON_STEP, where=" (the lesson's first step)")


def test_arguments_are_left_alone(submission, w, b, dw, db, lr):
    """sgd_step leaves the caller's w and dw unchanged: it returns new values"""
    call = submission.call("sgd_step", w, b, dw, db, lr)
    expect_left_alone(w, call.args[0], "sgd_step changed the caller's w: " + IN_PLACE)
    expect_left_alone(dw, call.args[2], "sgd_step changed the caller's dw.")
