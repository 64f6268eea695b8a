"""Hidden tests for exercise 2, ``backward(a, b, c)``: dv, du, da, db, dc of J = 3(a + b·c)."""

import pytest
from hypothesis import example, given

from autograder.checks import expect, expect_close, expect_dict, expect_number

from .strategies import BACKWARD_KEYS, LECTURE, LECTURE_BACKWARD, OTHER, reals, slope, values

WHAT = "backward(a, b, c)"


def run(submission, a, b, c) -> dict:
    """The student's dv, du, da, db and dc as float64 numbers (compared leniently)."""
    return values(submission.backward(a, b, c), BACKWARD_KEYS, WHAT)


def mistakes(reference, a, b, c) -> dict:
    """{key: {hint: value}}: what the usual slips give for each derivative."""
    ref = reference.backward(a, b, c)
    swapped = "db and dc are swapped: du/db is the other factor c, so db = du·c and dc = du·b"
    local = "this is the local derivative alone: multiply by the derivative flowing in from " \
            "the right (chain rule)"
    return {
        "dv": {},
        "du": {"du is dv/du = 1 alone: multiply by dv, dJ/du = dJ/dv · dv/du": 1.0},
        "da": {"da is dv/da = 1 alone: multiply by dv, dJ/da = dJ/dv · dv/da": 1.0},
        "db": {swapped: ref["du"] * b, local + ": db = du·c": c},
        "dc": {swapped: ref["du"] * c, local + ": dc = du·b": b},
    }


@pytest.mark.exercise("backward", points=2, kind="structure")
@given(a=reals(), b=reals(), c=reals())
@example(a=LECTURE[0], b=LECTURE[1], c=LECTURE[2])
@pytest.mark.public
def test_returns_a_dict_of_numbers(submission, a, b, c):
    """backward returns a dict with the keys "dv", "du", "da", "db" and "dc", five numbers"""
    got = expect_dict(submission.backward(a, b, c), BACKWARD_KEYS, WHAT)
    for key in BACKWARD_KEYS:
        expect_number(got[key], f"{WHAT}[{key!r}]")


@pytest.mark.exercise("backward", points=3, kind="property")  # constants: 3 passes them
@given(a=reals(), b=reals(), c=reals())
@example(a=OTHER[0], b=OTHER[1], c=OTHER[2])
@pytest.mark.public
def test_dv_du_da(submission, reference, a, b, c):
    """dv = 3 (J = 3v), and du = da = dv · 1 (v = a + u), whatever a, b and c are"""
    got = run(submission, a, b, c)
    ref = reference.backward(a, b, c)
    hints = mistakes(reference, a, b, c)
    for key in ("dv", "du", "da"):
        expect_close(got[key], ref[key], f"{WHAT}[{key!r}]", mistakes=hints[key])


@pytest.mark.exercise("backward", points=6)
@given(a=reals(), b=reals(), c=reals())
@example(a=LECTURE[0], b=LECTURE[1], c=LECTURE[2])
@example(a=OTHER[0], b=OTHER[1], c=OTHER[2])
@pytest.mark.public
def test_db(submission, reference, a, b, c):
    """db = du · du/db = du · c (u = b·c)"""
    got = run(submission, a, b, c)
    expect_close(got["db"], reference.backward(a, b, c)["db"], f"{WHAT}['db']",
                 mistakes=mistakes(reference, a, b, c)["db"])


@pytest.mark.exercise("backward", points=6)
@given(a=reals(), b=reals(), c=reals())
@example(a=LECTURE[0], b=LECTURE[1], c=LECTURE[2])
@example(a=OTHER[0], b=OTHER[1], c=OTHER[2])
@pytest.mark.public
def test_dc(submission, reference, a, b, c):
    """dc = du · du/dc = du · b (u = b·c)"""
    got = run(submission, a, b, c)
    expect_close(got["dc"], reference.backward(a, b, c)["dc"], f"{WHAT}['dc']",
                 mistakes=mistakes(reference, a, b, c)["dc"])


@pytest.mark.exercise("backward", points=4)
@given(a=reals(), b=reals(), c=reals())
def test_matches_nudging_the_forward_pass(submission, reference, a, b, c):
    """da, db and dc equal the slopes of J measured by nudging a, b and c (a numerical
    gradient of the forward pass)"""
    got = run(submission, a, b, c)

    def J(a_, b_, c_):
        return reference.forward(a_, b_, c_)["J"]

    for index, key in enumerate(("da", "db", "dc")):
        expect_close(got[key], slope(J, (a, b, c), index, step=1e-3),
                     f"{WHAT}[{key!r}] compared with the numerical slope of J",
                     rtol=1e-6, atol=1e-6)


@pytest.mark.exercise("backward", points=2)
@given(a=reals(), b=reals(), c=reals())
def test_nudging_all_inputs_together(submission, reference, a, b, c):
    """nudging a, b and c together by the same small step moves J by (da + db + dc) times
    the step (the chain rule adds up the effects of all three nudges)"""
    got = run(submission, a, b, c)

    def J_along(t):
        return reference.forward(a + t, b + t, c + t)["J"]

    expect_close(got["da"] + got["db"] + got["dc"], slope(J_along, (0.0,), 0, step=1e-3),
                 f"{WHAT}: da + db + dc compared with the slope of J when a, b and c move "
                 "together", rtol=1e-6, atol=1e-6)


@pytest.mark.exercise("backward", points=1, kind="property")  # hard-coded numbers pass it
@pytest.mark.public
def test_lecture_values_are_exact(submission):
    """the lecture's example a = 5, b = 3, c = 2 gives exactly dv = 3, du = 3, da = 3, db = 6
    and dc = 9"""
    got = run(submission, *LECTURE)
    for key, value in LECTURE_BACKWARD.items():
        expect(float(got[key]) == value,
               f"{WHAT}[{key!r}] for the lecture's a = 5, b = 3, c = 2 should be exactly "
               f"{value:g}, but it is {float(got[key])!r}.")
