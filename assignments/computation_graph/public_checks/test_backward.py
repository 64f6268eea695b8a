"""Public tests of `computation_graph`, copied by `autograder release` from the hidden
suite's tests/test_backward.py with the helpers they use. Generated: do not edit."""

from checks import expect, expect_close, expect_dict, expect_number
from .strategies import BACKWARD_KEYS, LECTURE, LECTURE_BACKWARD, values


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


def test_returns_a_dict_of_numbers(submission, a, b, c):
    """backward returns a dict with the keys "dv", "du", "da", "db" and "dc", five numbers"""
    got = expect_dict(submission.backward(a, b, c), BACKWARD_KEYS, WHAT)
    for key in BACKWARD_KEYS:
        expect_number(got[key], f"{WHAT}[{key!r}]")


def test_dv_du_da(submission, reference, a, b, c):
    """dv = 3 (J = 3v), and du = da = dv · 1 (v = a + u), whatever a, b and c are"""
    got = run(submission, a, b, c)
    ref = reference.backward(a, b, c)
    hints = mistakes(reference, a, b, c)
    for key in ("dv", "du", "da"):
        expect_close(got[key], ref[key], f"{WHAT}[{key!r}]", mistakes=hints[key])


def test_db(submission, reference, a, b, c):
    """db = du · du/db = du · c (u = b·c)"""
    got = run(submission, a, b, c)
    expect_close(got["db"], reference.backward(a, b, c)["db"], f"{WHAT}['db']",
                 mistakes=mistakes(reference, a, b, c)["db"])


def test_dc(submission, reference, a, b, c):
    """dc = du · du/dc = du · b (u = b·c)"""
    got = run(submission, a, b, c)
    expect_close(got["dc"], reference.backward(a, b, c)["dc"], f"{WHAT}['dc']",
                 mistakes=mistakes(reference, a, b, c)["dc"])


def test_lecture_values_are_exact(submission):
    """the lecture's example a = 5, b = 3, c = 2 gives exactly dv = 3, du = 3, da = 3, db = 6
    and dc = 9"""
    got = run(submission, *LECTURE)
    for key, value in LECTURE_BACKWARD.items():
        expect(float(got[key]) == value,
               f"{WHAT}[{key!r}] for the lecture's a = 5, b = 3, c = 2 should be exactly "
               f"{value:g}, but it is {float(got[key])!r}.")
