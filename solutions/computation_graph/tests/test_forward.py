"""Hidden tests for exercise 1, ``forward(a, b, c)``: u = b·c, v = a + u, J = 3v."""

import pytest
from hypothesis import example, given

from autograder.checks import expect, expect_close, expect_dict, expect_number

from .strategies import FORWARD_KEYS, LECTURE, LECTURE_FORWARD, OTHER, reals, values

WHAT = "forward(a, b, c)"


def run(submission, a, b, c) -> dict:
    """The student's u, v and J as float64 numbers (compared leniently)."""
    return values(submission.forward(a, b, c), FORWARD_KEYS, WHAT)


@pytest.mark.exercise("forward", points=2, kind="structure")
@given(a=reals(), b=reals(), c=reals())
@example(a=LECTURE[0], b=LECTURE[1], c=LECTURE[2])
@pytest.mark.public
def test_returns_a_dict_of_numbers(submission, a, b, c):
    """forward returns a dict {"u": ..., "v": ..., "J": ...} of three numbers"""
    got = expect_dict(submission.forward(a, b, c), FORWARD_KEYS, WHAT)
    for key in FORWARD_KEYS:
        expect_number(got[key], f"{WHAT}[{key!r}]")


@pytest.mark.exercise("forward", points=5)
@given(a=reals(), b=reals(), c=reals())
@example(a=LECTURE[0], b=LECTURE[1], c=LECTURE[2])
@example(a=OTHER[0], b=OTHER[1], c=OTHER[2])
@pytest.mark.public
def test_intermediate_values(submission, reference, a, b, c):
    """the intermediate values are u = b·c and v = a + u"""
    got = run(submission, a, b, c)
    ref = reference.forward(a, b, c)
    expect_close(got["u"], ref["u"], f"{WHAT}['u']",
                 mistakes={"u is b + c: the first box multiplies, u = b·c": b + c})
    expect_close(got["v"], ref["v"], f"{WHAT}['v']",
                 mistakes={"v is a·u: the second box adds, v = a + u": a * ref["u"],
                           "v is a + b + c: use u = b·c, not b + c": a + b + c})


@pytest.mark.exercise("forward", points=6)
@given(a=reals(), b=reals(), c=reals())
@example(a=LECTURE[0], b=LECTURE[1], c=LECTURE[2])
@example(a=OTHER[0], b=OTHER[1], c=OTHER[2])
@pytest.mark.public
def test_J_is_three_times_v(submission, reference, a, b, c):
    """the output is J = 3v = 3(a + b·c)"""
    got = run(submission, a, b, c)
    ref = reference.forward(a, b, c)
    expect_close(got["J"], ref["J"], f"{WHAT}['J']",
                 mistakes={"this is v: the last box multiplies by 3, J = 3·v": ref["v"],
                           "this is 3a + b·c: the 3 multiplies the whole sum a + u":
                               3 * a + ref["u"],
                           "this is 3 + v: the last box multiplies, J = 3·v": 3 + ref["v"]})


@pytest.mark.exercise("forward", points=1, kind="property")
@given(a=reals(), b=reals(), c=reals())
@example(a=LECTURE[0], b=LECTURE[1], c=LECTURE[2])
def test_nudging_a_moves_J_three_times_as_much(submission, a, b, c):
    """nudging a by 0.001 moves J by 0.003 (J changes three times as fast as a)"""
    before = run(submission, a, b, c)["J"]
    after = run(submission, a + 0.001, b, c)["J"]
    expect_close(after - before, 0.003, "the change of J when a grows by 0.001", rtol=1e-6,
                 atol=1e-9)


@pytest.mark.exercise("forward", points=2, kind="property")  # hard-coded numbers pass it
@pytest.mark.public
def test_lecture_values_are_exact(submission):
    """the lecture's example a = 5, b = 3, c = 2 gives exactly u = 6, v = 11 and J = 33"""
    got = run(submission, *LECTURE)
    for key, value in LECTURE_FORWARD.items():
        expect(float(got[key]) == value,
               f"{WHAT}[{key!r}] for the lecture's a = 5, b = 3, c = 2 should be exactly "
               f"{value:g}, but it is {float(got[key])!r}.")
