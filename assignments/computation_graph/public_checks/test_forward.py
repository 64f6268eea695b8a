"""Public tests of `computation_graph`, copied by `autograder release` from the hidden
suite's tests/test_forward.py with the helpers they use. Generated: do not edit."""

from checks import expect, expect_close, expect_dict, expect_number
from .strategies import FORWARD_KEYS, LECTURE, LECTURE_FORWARD, values


WHAT = "forward(a, b, c)"


def run(submission, a, b, c) -> dict:
    """The student's u, v and J as float64 numbers (compared leniently)."""
    return values(submission.forward(a, b, c), FORWARD_KEYS, WHAT)


def test_returns_a_dict_of_numbers(submission, a, b, c):
    """forward returns a dict {"u": ..., "v": ..., "J": ...} of three numbers"""
    got = expect_dict(submission.forward(a, b, c), FORWARD_KEYS, WHAT)
    for key in FORWARD_KEYS:
        expect_number(got[key], f"{WHAT}[{key!r}]")


def test_intermediate_values(submission, reference, a, b, c):
    """the intermediate values are u = b·c and v = a + u"""
    got = run(submission, a, b, c)
    ref = reference.forward(a, b, c)
    expect_close(got["u"], ref["u"], f"{WHAT}['u']",
                 mistakes={"u is b + c: the first box multiplies, u = b·c": b + c})
    expect_close(got["v"], ref["v"], f"{WHAT}['v']",
                 mistakes={"v is a·u: the second box adds, v = a + u": a * ref["u"],
                           "v is a + b + c: use u = b·c, not b + c": a + b + c})


def test_J_is_three_times_v(submission, reference, a, b, c):
    """the output is J = 3v = 3(a + b·c)"""
    got = run(submission, a, b, c)
    ref = reference.forward(a, b, c)
    expect_close(got["J"], ref["J"], f"{WHAT}['J']",
                 mistakes={"this is v: the last box multiplies by 3, J = 3·v": ref["v"],
                           "this is 3a + b·c: the 3 multiplies the whole sum a + u":
                               3 * a + ref["u"],
                           "this is 3 + v: the last box multiplies, J = 3·v": 3 + ref["v"]})


def test_lecture_values_are_exact(submission):
    """the lecture's example a = 5, b = 3, c = 2 gives exactly u = 6, v = 11 and J = 33"""
    got = run(submission, *LECTURE)
    for key, value in LECTURE_FORWARD.items():
        expect(float(got[key]) == value,
               f"{WHAT}[{key!r}] for the lecture's a = 5, b = 3, c = 2 should be exactly "
               f"{value:g}, but it is {float(got[key])!r}.")
