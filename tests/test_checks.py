"""The checks' contract: lenient values, strict structure, messages without silly numbers."""

from __future__ import annotations

import numpy as np
import pytest

from autograder.checks import GradingFailure, expect_array, expect_close, expect_number, lenient
from autograder.runner import TestResult as Outcome
from autograder.runner import without_effortless_points


@pytest.mark.parametrize("value, shape", [
    (np.array([0.25]), ()), (np.array([[0.25]]), ()), (0.25, ()), (np.float32(0.25), ()),
    ([[1.0, 0.0]], (1, 2)), (np.array([[True, False]]), (1, 2)),
    (np.array([[1, 0]]), (1, 2)), (np.array([[1.0, 0.0]], dtype=np.float32), (1, 2)),
])
def test_lenient_accepts_representation_slips(value, shape):
    got = lenient(value, shape, "x")
    assert got.dtype == np.float64 and got.shape == shape


@pytest.mark.parametrize("value, shape, message", [
    (np.zeros(3), (1, 3), "should have shape (1, 3), but it has shape (3,)"),
    (np.zeros(2), (), "should be a single number, but it is an array of shape (2,)"),
    ("0.5", (), "should be a number, but it is a str"),
    ([[1.0], [1.0, 2.0]], (2, 1), "ragged list"),
])
def test_lenient_refuses_what_holds_other_values(value, shape, message):
    with pytest.raises(GradingFailure, match=message.replace("(", r"\(").replace(")", r"\)")):
        lenient(value, shape, "x")


@pytest.mark.parametrize("value, message", [
    (np.zeros((2, 1), dtype=np.float32), "dtype is float32. Compute in float64"),
    (np.zeros((2, 1), dtype=bool), "dtype is bool. Convert booleans with .astype(float)"),
    ([[0.0], [0.0]], "should be a numpy array of shape (2, 1), but it is a list"),
])
def test_structure_asks_for_what_the_course_expects(value, message):
    with pytest.raises(GradingFailure) as failure:
        expect_array(value, (2, 1), "w")
    assert message in str(failure.value)


def test_a_shape_1_number_fails_structure_but_not_values():
    with pytest.raises(GradingFailure, match="Sum without axis="):
        expect_number(np.array([0.5]), "db")
    expect_close(np.array([0.5]), 0.5, "db")
    expect_close(np.float32(1 / 3), 1 / 3, "db")  # float32 keeps about 7 digits


def test_no_relative_error_or_ratio_against_zero():
    with pytest.raises(GradingFailure) as failure:
        expect_close(np.array([0.5, 0.25]), np.zeros(2), "dw")
    assert str(failure.value) == "dw has wrong values: max absolute error 0.5."
    with pytest.raises(GradingFailure) as failure:  # a factor over two clear values only
        expect_close(np.array([2.0, 4.0, 1e-10]), np.array([1.0, 2.0, 1e-13]), "dw")
    assert "2 times the right value" in str(failure.value)
    assert "relative error 1" in str(failure.value)


def result(kind: str, score: float, points: float = 1.0) -> Outcome:
    return Outcome("t", "f", "p", points, score, "", kind)


def test_structure_and_properties_count_only_with_a_passing_value_test():
    gated = without_effortless_points([result("value", 0), result("structure", 1),
                                       result("property", 1)])
    assert [test.score for test in gated] == [0, 0, 0]
    assert "counts only once f() computes some of the values right" in gated[1].message
    kept = without_effortless_points([result("value", 1), result("value", 0),
                                      result("property", 1)])
    assert [test.score for test in kept] == [1, 0, 1]
    alone = without_effortless_points([result("property", 1)])  # no value test: as it is
    assert [test.score for test in alone] == [1]


def test_a_hint_is_named_only_when_its_value_tells_the_mistake():
    """On degenerate inputs two slips can give the same value, and many give zeros: naming
    one of them would mislead, so the message falls back to what the numbers show."""
    expected = np.array([1.0, 2.0])
    with pytest.raises(GradingFailure, match="dz is y - a"):
        expect_close(-expected, expected, "dw", mistakes={"dz is y - a": -expected,
                                                          "not divided by m": 3 * expected})
    with pytest.raises(GradingFailure) as raised:
        expect_close(-expected, expected, "dw", mistakes={"dz is y - a": -expected,
                                                          "gradient ascent": -expected})
    assert "dz is y - a" not in str(raised.value) and "ascent" not in str(raised.value)
    with pytest.raises(GradingFailure) as raised:
        expect_close(np.zeros(2), expected, "dw", mistakes={"forgot x": np.zeros(2)})
    assert "forgot x" not in str(raised.value)
