"""Hidden tests for exercise 4, ``logistic_backward(x1, x2, w1, w2, b, y)``: da, dz, dw1, dw2
and db for one example.

While it is graded, its calls of ``logistic_forward`` are answered by the reference, so a bug
in the forward pass costs points in exercise 3 only.
"""

import pytest
from hypothesis import example, given

from autograder.checks import expect_close, expect_dict, expect_number

from .strategies import (
    LOGISTIC_BACKWARD_KEYS,
    LOGISTIC_LESSON,
    LOGISTIC_LESSON_Y0,
    logistic_examples,
    slope,
    values,
)

WHAT = "logistic_backward(x1, x2, w1, w2, b, y)"


def run(submission, problem) -> dict:
    """The student's da, dz, dw1, dw2 and db as float64 numbers (compared leniently)."""
    return values(submission.logistic_backward(*problem), LOGISTIC_BACKWARD_KEYS, WHAT)


def mistakes(reference, problem) -> dict:
    """{key: {hint: value}}: what the usual slips give for each derivative."""
    x1, x2, _, _, _, y = problem
    a = reference.logistic_forward(*problem)["a"]
    ref = reference.logistic_backward(*problem)
    dz = ref["dz"]
    flipped = "the sign is flipped: dz = a - y, not y - a"
    return {
        "da": {"the sign is flipped: da = -y/a + (1 - y)/(1 - a), the derivative of "
               "-(y·log(a) + (1 - y)·log(1 - a))": -ref["da"],
               "the second term has the wrong sign: the derivative of -(1 - y)·log(1 - a) is "
               "+(1 - y)/(1 - a)": -y / a - (1 - y) / (1 - a)},
        "dz": {flipped: -dz,
               "this is da: multiply by the sigmoid's derivative a(1 - a), which gives "
               "dz = a - y": ref["da"],
               "a - y already includes the sigmoid's derivative: do not multiply by a(1 - a) "
               "again": dz * a * (1 - a)},
        "dw1": {"dw1 and dw2 are swapped: w1 multiplies x1 in z, so dw1 = x1·dz": x2 * dz,
                "dw1 is missing its feature: dw1 = x1·dz": dz,
                flipped: -x1 * dz},
        "dw2": {"dw1 and dw2 are swapped: w2 multiplies x2 in z, so dw2 = x2·dz": x1 * dz,
                "dw2 is missing its feature: dw2 = x2·dz": dz,
                flipped: -x2 * dz},
        "db": {"db is dz·a: b enters z with the factor 1, so db = dz": dz * a,
               flipped: -dz},
    }


@pytest.mark.exercise("logistic_backward", points=2, kind="structure")
@given(problem=logistic_examples())
@example(problem=LOGISTIC_LESSON)
@pytest.mark.public
def test_returns_a_dict_of_numbers(submission, problem):
    """logistic_backward returns a dict with the keys "da", "dz", "dw1", "dw2" and "db", five
    numbers"""
    got = expect_dict(submission.logistic_backward(*problem), LOGISTIC_BACKWARD_KEYS, WHAT)
    for key in LOGISTIC_BACKWARD_KEYS:
        expect_number(got[key], f"{WHAT}[{key!r}]")


def expect_key(submission, reference, problem, key: str) -> None:
    """Compare one derivative with the reference, naming the known mistakes."""
    got = run(submission, problem)
    expect_close(got[key], reference.logistic_backward(*problem)[key], f"{WHAT}[{key!r}]",
                 mistakes=mistakes(reference, problem)[key])


@pytest.mark.exercise("logistic_backward", points=5)
@given(problem=logistic_examples())
@example(problem=LOGISTIC_LESSON)
@example(problem=LOGISTIC_LESSON_Y0)
@pytest.mark.public
def test_da(submission, reference, problem):
    """da = -y/a + (1 - y)/(1 - a), the derivative of the loss with respect to a"""
    expect_key(submission, reference, problem, "da")


@pytest.mark.exercise("logistic_backward", points=5)
@given(problem=logistic_examples())
@example(problem=LOGISTIC_LESSON)
@example(problem=LOGISTIC_LESSON_Y0)
@pytest.mark.public
def test_dz(submission, reference, problem):
    """dz = da · a(1 - a), which simplifies to a - y"""
    expect_key(submission, reference, problem, "dz")


@pytest.mark.exercise("logistic_backward", points=6)
@given(problem=logistic_examples())
@example(problem=LOGISTIC_LESSON)
@example(problem=LOGISTIC_LESSON_Y0)
@pytest.mark.public
def test_dw1_and_dw2(submission, reference, problem):
    """dw1 = x1·dz and dw2 = x2·dz: each weight's derivative carries its own feature"""
    expect_key(submission, reference, problem, "dw1")
    expect_key(submission, reference, problem, "dw2")


@pytest.mark.exercise("logistic_backward", points=3)
@given(problem=logistic_examples())
@example(problem=LOGISTIC_LESSON)
@example(problem=LOGISTIC_LESSON_Y0)
@pytest.mark.public
def test_db(submission, reference, problem):
    """db = dz, because b enters z with the factor 1"""
    expect_key(submission, reference, problem, "db")


@pytest.mark.exercise("logistic_backward", points=3)
@given(problem=logistic_examples())
def test_matches_nudging_the_forward_pass(submission, reference, problem):
    """dw1, dw2 and db (and dz, since z moves exactly as b does) equal the slopes of the loss
    measured by nudging w1, w2 and b (a numerical gradient of the forward pass)"""
    got = run(submission, problem)

    def L(*args):
        return reference.logistic_forward(*args)["L"]

    for key, index in (("dw1", 2), ("dw2", 3), ("db", 4), ("dz", 4)):
        expect_close(got[key], slope(L, problem, index),
                     f"{WHAT}[{key!r}] compared with the numerical slope of L",
                     rtol=1e-5, atol=1e-7)
