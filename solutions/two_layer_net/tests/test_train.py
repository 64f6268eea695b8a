"""Hidden tests for exercise 6, ``train(X, Y, params, learning_rate, num_iterations)``.

A few iterations on tiny networks keep these tests cheap: while train is graded, each of its
calls to forward, mse and backward may be answered by the reference.
"""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from autograder.checks import (
    GradingFailure,
    describe,
    expect,
    expect_array,
    expect_close,
    expect_dict,
    expect_number,
    expect_tuple,
    fail,
    lenient,
)

from .strategies import LESSON_PARAMS, LESSON_X, LESSON_Y, NAMES, networks

#: small networks with inputs and parameters in ±1: gradient descent is stable at these rates
problems = networks(max_nx=3, max_nh=4, max_ny=2, bound=1.0)
rates = st.floats(0.005, 0.05, allow_nan=False, allow_infinity=False)
LESSON = (LESSON_X, LESSON_Y, LESSON_PARAMS, 0.05, 3)


def run(submission, X, Y, params, learning_rate, num_iterations):
    """The student's (params, costs) as returned, with the four parameters present."""
    value = submission.train(X, Y, params, learning_rate, num_iterations)
    trained, costs = expect_tuple(value, 2, "train")
    return expect_dict(trained, list(NAMES), "the params train returns"), costs


def costs_of(costs, what: str = "costs") -> np.ndarray:
    """The recorded costs as a float array (a list of numbers, leniently)."""
    if not isinstance(costs, list | tuple | np.ndarray) or np.ndim(costs) != 1:
        fail(f"{what} should be a list of numbers, but it is {describe(costs)}.")
    return np.array([float(lenient(cost, (), f"each entry of {what}")) for cost in costs])


def parameter_hints(reference, X, Y, params, learning_rate, num_iterations) -> dict:
    """{name: {hint: value}} for the usual slips in the loop (a negative rate climbs)."""
    uphill, _ = reference.train(X, Y, params, -learning_rate, num_iterations)
    short, _ = reference.train(X, Y, params, learning_rate, num_iterations - 1)
    hints = {name: {"these are the starting parameters: return the updated ones":
                    params[name]} for name in NAMES}
    for name in NAMES:
        hints[name]["the parameters moved uphill: subtract learning_rate times the gradient"] = (
            uphill[name])
        if num_iterations > 1:
            hints[name]["one step short: loop over range(num_iterations)"] = short[name]
    return hints


def costs_after_each_step(reference, X, Y, params, learning_rate, num_iterations) -> list:
    """The costs after each update, what recording them late gives."""
    return reference.train(X, Y, params, learning_rate, num_iterations + 1)[1][1:]


def expect_parameters(trained, expected, hints, where="") -> None:
    """Compare the four parameters with the reference's; compute the hints only on failure."""
    try:
        for name in NAMES:
            expect_close(trained[name], expected[name], f"params['{name}']{where}")
    except GradingFailure:
        table = hints()
        for name in NAMES:
            expect_close(trained[name], expected[name], f"params['{name}']{where}",
                         mistakes=table[name])
        raise


def expect_costs(costs, expected: list, after: list, where="") -> None:
    """The recorded costs: one per iteration, the cost before each update."""
    got = costs_of(costs)
    if len(got) != len(expected):
        fail(f"costs should hold one cost per iteration, {len(expected)} numbers, but it holds "
             f"{len(got)}.")
    expect_close(got, np.array(expected), f"costs{where}", mistakes={
        "these are the costs after each update: record the cost before the update, so that "
        "costs[0] is the cost of the starting parameters": np.array(after)})


@pytest.mark.exercise("train", points=3, kind="structure")
@settings(max_examples=10)
@given(problem=problems, learning_rate=rates, num_iterations=st.integers(1, 5))
def test_returns_params_and_a_list_of_costs(submission, problem, learning_rate, num_iterations):
    """train returns (params, costs): params a dict of float64 arrays "W1", "b1", "W2", "b2" of
    the starting parameters' shapes, costs a list of num_iterations numbers"""
    X, Y, params = problem
    trained, costs = run(submission, X, Y, params, learning_rate, num_iterations)
    for name in NAMES:
        expect_array(trained[name], params[name].shape, f"params['{name}']")
    if not isinstance(costs, list):
        fail(f"costs should be a list of numbers, but it is {describe(costs)}: start with "
             "costs = [] and append.")
    expect(len(costs) == num_iterations,
           f"costs should hold one cost per iteration, {num_iterations} numbers, but it holds "
           f"{len(costs)}.")
    for cost in costs:
        expect_number(cost, "each recorded cost")


@pytest.mark.exercise("train", points=4)
@given(problem=problems, learning_rate=rates)
def test_one_step_is_a_gradient_descent_step(submission, reference, problem, learning_rate):
    """one iteration moves every parameter by -learning_rate times its gradient"""
    X, Y, params = problem
    trained, _ = run(submission, X, Y, params, learning_rate, 1)
    expected, _ = reference.train(X, Y, params, learning_rate, 1)
    expect_parameters(trained, expected, lambda: parameter_hints(
        reference, X, Y, params, learning_rate, 1), " after one step")


@pytest.mark.exercise("train", points=4)
@settings(max_examples=15)
@given(problem=problems, learning_rate=rates, num_iterations=st.integers(2, 8))
def test_many_steps_reach_the_right_parameters(submission, reference, problem, learning_rate,
                                               num_iterations):
    """after num_iterations steps of gradient descent every parameter is right"""
    X, Y, params = problem
    trained, _ = run(submission, X, Y, params, learning_rate, num_iterations)
    expected, _ = reference.train(X, Y, params, learning_rate, num_iterations)
    expect_parameters(trained, expected, lambda: parameter_hints(
        reference, X, Y, params, learning_rate, num_iterations))


@pytest.mark.exercise("train", points=3)
@settings(max_examples=15)
@given(problem=problems, learning_rate=rates, num_iterations=st.integers(1, 6))
def test_costs_are_recorded_before_each_update(submission, reference, problem, learning_rate,
                                               num_iterations):
    """costs[i] is the cost of the parameters before step i: costs[0] is the starting cost"""
    X, Y, params = problem
    _, costs = run(submission, X, Y, params, learning_rate, num_iterations)
    _, expected = reference.train(X, Y, params, learning_rate, num_iterations)
    after = costs_after_each_step(reference, X, Y, params, learning_rate, num_iterations)
    expect_costs(costs, expected, after)


@pytest.mark.exercise("train", points=1, kind="property")
@settings(max_examples=10)
@given(problem=problems, learning_rate=rates)
def test_training_lowers_the_cost(submission, reference, problem, learning_rate):
    """after a few steps with a small learning rate the cost is lower than at the start"""
    X, Y, params = problem
    start = reference.mse(reference.forward(X, params)[0], Y)
    expected, _ = reference.train(X, Y, params, learning_rate, 5)
    assume(reference.mse(reference.forward(X, expected)[0], Y) < start - 1e-9)
    trained, _ = run(submission, X, Y, params, learning_rate, 5)
    trained = {name: lenient(trained[name], params[name].shape, f"params['{name}']")
               for name in NAMES}
    end = reference.mse(reference.forward(X, trained)[0], Y)
    expect(bool(end < start),
           "after training the cost is not lower than at the start: gradient descent subtracts "
           "learning_rate times the gradient.")


@pytest.mark.exercise("train", points=2, kind="property")
@settings(max_examples=10)
@given(problem=problems, learning_rate=rates, num_iterations=st.integers(1, 4))
def test_leaves_the_callers_params_alone(submission, problem, learning_rate, num_iterations):
    """train leaves the caller's params dict and its arrays as they were"""
    X, Y, params = problem
    after = submission.call("train", X, Y, params, learning_rate, num_iterations).args[2]
    expect(isinstance(after, dict) and set(after) == set(params) and all(
        np.array_equal(after[name], params[name]) for name in NAMES),
        "train changed the caller's params: start from copy.deepcopy(params) (a dict's copy() "
        "shares the arrays), or build new arrays with W = W - learning_rate * dW instead of -=.")


@pytest.mark.exercise("train", points=1)
@pytest.mark.public
def test_lesson_example(submission, reference):
    """the lesson's worked example: train(X, Y, params, 0.05, 3) gives costs [0.40625,
    0.06679..., 0.03372...] and the reference's parameters"""
    X, Y, params, learning_rate, num_iterations = LESSON
    trained, costs = run(submission, *LESSON)
    expected, expected_costs = reference.train(*LESSON)
    hints = parameter_hints(reference, X, Y, params, learning_rate, num_iterations)
    after = costs_after_each_step(reference, X, Y, params, learning_rate, num_iterations)
    expect_costs(costs, expected_costs, after, " on the lesson's example")
    expect_parameters(trained, expected, lambda: hints, " on the lesson's example")
