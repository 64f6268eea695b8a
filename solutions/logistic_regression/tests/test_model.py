"""Hidden tests for exercise 7, ``model(X_train, Y_train, X_test, Y_test, ...)``."""

import math

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from autograder.checks import (
    GradingFailure,
    describe,
    expect,
    expect_array,
    expect_close,
    expect_dict,
    expect_labels,
    expect_number,
    fail,
    lenient,
)

from .strategies import training_sets

KEYS = ["costs", "Y_prediction_test", "Y_prediction_train", "w", "b", "learning_rate",
        "num_iterations"]
#: (num_iterations, learning_rate) pairs; none is model's default (2000, 0.5), none trains for
#: 100 iterations (optimize's default) and no rate is optimize's default 0.009. A few steps are
#: enough: every wiring slip in model changes w and b from the first step on, and each step
#: costs a call of the student's propagate, so the runs stay short.
SETTINGS = [(3, 0.01), (10, 0.1), (25, 0.5)]


def course_data():
    """The course's model example: np.random.seed(0), X = randn(4, 7), x_test = randn(4, 3)."""
    rs = np.random.RandomState(0)  # a private generator: the global one is never touched
    Y = np.array([[1, 0, 0, 1, 0, 0, 1]])
    X = rs.randn(4, 7)
    x_test = rs.randn(4, 3)
    y_test = np.array([0, 1, 0])  # rank-1, as in the course
    return X, Y, x_test, y_test


def call_model(submission, data, num_iterations, learning_rate) -> dict:
    """Call the student's model and check it returned a dict with the seven keys."""
    value = submission.model(*data, num_iterations=num_iterations, learning_rate=learning_rate)
    return expect_dict(value, KEYS, "the dict model returns")


def costs_of(value, what: str = "d['costs']") -> np.ndarray:
    """The recorded costs as a float array (a list of numbers, leniently)."""
    if not isinstance(value, list | tuple | np.ndarray) or np.ndim(value) != 1:
        fail(f"{what} should be a list of numbers, but it is {describe(value)}.")
    return np.array([float(lenient(cost, (), f"each entry of {what}")) for cost in value])


def expect_close_or_explain(actual, expected, what: str, hints) -> None:
    """expect_close, computing the (costly) mistake hints only when the values are wrong."""
    try:
        expect_close(actual, expected, what)
    except GradingFailure:
        expect_close(actual, expected, what, mistakes=hints())
        raise


def parameter_hints(reference, data, num_iterations) -> dict:
    """{"w": {hint: w}, "b": {hint: b}}: what the usual wiring slips in model give."""
    n_x = data[0].shape[0]
    slow = reference.model(*data, num_iterations=num_iterations, learning_rate=0.009)
    fixed = reference.model(*data, num_iterations=2000, learning_rate=0.5)
    not_passed = "learning_rate was not passed on to optimize (it used its default 0.009)"
    hard_coded = ("the model trained with 2000 iterations at rate 0.5 — pass the num_iterations "
                  "and learning_rate arguments on to optimize")
    unpacked = "take the learned w and b out of the params that optimize returns"
    return {
        "w": {not_passed: slow["w"], hard_coded: fixed["w"],
              f"w is still all zeros — {unpacked}": np.zeros((n_x, 1))},
        "b": {not_passed: slow["b"], hard_coded: fixed["b"], f"b is still 0 — {unpacked}": 0.0},
    }


def expect_same_model(d: dict, ref: dict, data, hints) -> None:
    """w, b, costs and both predictions equal the reference model's.

    hints -- a function returning parameter_hints(...), called only when w or b is wrong
    """
    X_train, _, X_test, _ = data
    expect_close_or_explain(d["w"], ref["w"], "d['w']", lambda: hints()["w"])
    expect_close_or_explain(d["b"], ref["b"], "d['b']", lambda: hints()["b"])
    costs = costs_of(d["costs"])
    ref_costs = np.array([float(cost) for cost in ref["costs"]])
    expect(
        costs.shape == ref_costs.shape,
        f"d['costs'] has {costs.size} values where {ref_costs.size} were expected: pass "
        "num_iterations on to optimize.",
    )
    expect_close(costs, ref_costs, "d['costs']")
    for key, X in (("Y_prediction_test", X_test), ("Y_prediction_train", X_train)):
        got = expect_labels(d[key], (1, X.shape[1]), f"d['{key}']")
        want = np.asarray(ref[key], dtype=float)
        # a label is only graded where the learned probability is not a rounding away from 0.5
        decided = np.abs(ref["w"].T @ X + ref["b"]) > 1e-9
        expect(
            np.array_equal(got[decided], want[decided]),
            f"d['{key}'] has wrong labels: predict with the learned w and b on "
            + ("X_test." if key == "Y_prediction_test" else "X_train."),
        )


@pytest.mark.exercise("model", points=2, kind="structure")
@settings(max_examples=10)
@given(data=training_sets())
def test_returns_dict_with_seven_keys(submission, data):
    """model returns a dict with all seven keys (costs, both predictions, w, b, hyperparameters)"""
    call_model(submission, data, 2, 0.05)


@pytest.mark.exercise("model", points=3, kind="structure")
@settings(max_examples=10)
@given(data=training_sets(), num_iterations=st.integers(1, 12))
@example(data=course_data(), num_iterations=101)  # two costs: optimize's default 100 gives one
def test_shapes_of_results(submission, data, num_iterations):
    """Y_prediction_test is (1, m_test), Y_prediction_train is (1, m_train), w is (n_x, 1),
    all float64, b is a number and costs a list of numbers"""
    X_train, _, X_test, _ = data
    d = call_model(submission, data, num_iterations, 0.05)
    expect_array(d["Y_prediction_test"], (1, X_test.shape[1]), "d['Y_prediction_test']")
    expect_array(d["Y_prediction_train"], (1, X_train.shape[1]), "d['Y_prediction_train']")
    expect_array(d["w"], (X_train.shape[0], 1), "d['w']")
    expect_number(d["b"], "d['b']")
    if not isinstance(d["costs"], list):
        fail(f"d['costs'] should be a list of numbers, but it is {describe(d['costs'])}.")
    for cost in d["costs"]:
        expect_number(cost, "each entry of d['costs']")
    expect(
        costs_of(d["costs"]).size == math.ceil(num_iterations / 100),
        "d['costs'] should hold one cost per 100 iterations: pass num_iterations on to "
        "optimize.",
    )


@pytest.mark.exercise("model", points=2, kind="structure")
@settings(max_examples=10)
@given(
    data=training_sets(),
    num_iterations=st.integers(1, 12),
    learning_rate=st.floats(0.001, 0.5, allow_nan=False, allow_infinity=False),
)
def test_hyperparameters_are_echoed(submission, data, num_iterations, learning_rate):
    """d["learning_rate"] and d["num_iterations"] are exactly the arguments given"""
    d = call_model(submission, data, num_iterations, learning_rate)
    got_rate = expect_number(d["learning_rate"], "d['learning_rate']")
    got_iterations = expect_number(d["num_iterations"], "d['num_iterations']")
    expect(got_rate == learning_rate, "d['learning_rate'] should be the learning_rate argument.")
    expect(
        got_iterations == num_iterations,
        "d['num_iterations'] should be the num_iterations argument.",
    )


@pytest.mark.exercise("model", points=5)
@settings(max_examples=8)
@given(data=training_sets())
def test_trains_with_its_arguments(submission, reference, data):
    """with any num_iterations and learning_rate, w, b, costs and both predictions are right"""
    for num_iterations, learning_rate in SETTINGS:
        d = call_model(submission, data, num_iterations, learning_rate)
        ref = reference.model(*data, num_iterations=num_iterations, learning_rate=learning_rate)
        expect_same_model(
            d, ref, data, lambda n=num_iterations: parameter_hints(reference, data, n)
        )


@pytest.mark.exercise("model", points=3)
@pytest.mark.public
def test_course_example(submission, reference):
    """the course's example (50 iterations, learning rate 0.01) gives the published results"""
    data = course_data()
    d = call_model(submission, data, 50, 0.01)
    ref = reference.model(*data, num_iterations=50, learning_rate=0.01)
    hints = parameter_hints(reference, data, 50)  # ahead of time: the public check needs them
    expect_same_model(d, ref, data, lambda: hints)
