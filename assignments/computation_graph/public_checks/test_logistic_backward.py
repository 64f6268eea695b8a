"""Public tests of `computation_graph`, copied by `autograder release` from the hidden
suite's tests/test_logistic_backward.py with the helpers they use. Generated: do not edit."""

from checks import expect_close, expect_dict, expect_number
from .strategies import LOGISTIC_BACKWARD_KEYS, values


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


def test_da(submission, reference, problem):
    """da = -y/a + (1 - y)/(1 - a), the derivative of the loss with respect to a"""
    expect_key(submission, reference, problem, "da")


def test_dz(submission, reference, problem):
    """dz = da · a(1 - a), which simplifies to a - y"""
    expect_key(submission, reference, problem, "dz")


def test_dw1_and_dw2(submission, reference, problem):
    """dw1 = x1·dz and dw2 = x2·dz: each weight's derivative carries its own feature"""
    expect_key(submission, reference, problem, "dw1")
    expect_key(submission, reference, problem, "dw2")


def test_db(submission, reference, problem):
    """db = dz, because b enters z with the factor 1"""
    expect_key(submission, reference, problem, "db")
