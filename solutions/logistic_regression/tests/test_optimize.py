"""Hidden tests for exercise 5, ``optimize(w, b, X, Y, num_iterations, learning_rate)``."""

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
    expect_number,
    expect_tuple,
    fail,
    lenient,
)

from .strategies import logistic_problems

#: Small problems: n_x <= 4 and entries in ±3 keep gradient descent stable for rates <= 0.1.
problems = logistic_problems(max_nx=4, max_m=6)
#: Learning rates to try; none of them is optimize's default 0.009.
rates = st.floats(0.01, 0.1, allow_nan=False, allow_infinity=False)

COURSE = (
    np.array([[1.0], [2.0]]),
    2.0,
    np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]]),
    np.array([[1, 0, 1]]),
)

#: A fixed problem for the long runs that count the recorded costs (n_x = 3, m = 5, both
#: labels, no parameter or feature at zero, so w and b both move at every step).
LONG_RUN = (
    np.array([[0.5], [-1.0], [0.25]]),
    0.3,
    np.array([[1.0, -0.5, 2.0, 0.0, -1.5],
              [0.5, 1.5, -1.0, 2.5, 0.0],
              [-2.0, 0.5, 1.0, -0.5, 1.0]]),
    np.array([[1, 0, 1, 1, 0]]),
)


def run(submission, w, b, X, Y, num_iterations, learning_rate):
    """The student's (w, b, dw, db, costs) as returned; value tests compare them leniently."""
    value = submission.optimize(
        w, b, X, Y, num_iterations=num_iterations, learning_rate=learning_rate
    )
    params, grads, costs = expect_tuple(value, 3, "optimize")
    params = expect_dict(params, ["w", "b"], "params")
    grads = expect_dict(grads, ["dw", "db"], "grads")
    return params["w"], params["b"], grads["dw"], grads["db"], costs


def expected(reference, w, b, X, Y, num_iterations, learning_rate):
    """The reference (w, b, dw, db, costs)."""
    params, grads, costs = reference.optimize(
        w, b, X, Y, num_iterations=num_iterations, learning_rate=learning_rate
    )
    return (params["w"], float(params["b"]), grads["dw"], float(grads["db"]),
            [float(cost) for cost in costs])


def descend(reference, w, b, X, Y, num_iterations, learning_rate, sign=-1.0):
    """Plain gradient steps with the reference gradients: sign -1 descends, +1 ascends."""
    for _ in range(num_iterations):
        grads, _ = reference.propagate(w, b, X, Y)
        w = w + sign * learning_rate * grads["dw"]
        b = b + sign * learning_rate * float(grads["db"])
    return w, b


def parameter_hints(reference, w, b, X, Y, num_iterations, learning_rate) -> tuple[dict, dict]:
    """({hint: w}, {hint: b}) for the usual slips in the gradient-descent loop."""
    short = descend(reference, w, b, X, Y, num_iterations - 1, learning_rate)
    fixed = expected(reference, w, b, X, Y, num_iterations, 0.009)
    uphill = descend(reference, w, b, X, Y, num_iterations, learning_rate, sign=1.0)
    hints = [
        ("these are the starting parameters — return the updated ones", w, b),
        ("one step short — loop over range(num_iterations)", short[0], short[1]),
        ("the parameters moved uphill — subtract learning_rate times the gradient",
         uphill[0], uphill[1]),
        ("the steps ignore learning_rate — use the argument, not a fixed number",
         fixed[0], fixed[1]),
    ]
    return ({hint: w_ for hint, w_, _ in hints}, {hint: b_ for hint, _, b_ in hints})


def expect_parameters(got_w, got_b, ref_w, ref_b, hints) -> None:
    """Compare w and b with the reference; compute the hints only when one of them is wrong."""
    try:
        expect_close(got_w, ref_w, "params['w']")
        expect_close(got_b, ref_b, "params['b']")
    except GradingFailure:
        w_hints, b_hints = hints()
        expect_close(got_w, ref_w, "params['w']", mistakes=w_hints)
        expect_close(got_b, ref_b, "params['b']", mistakes=b_hints)
        raise


def expect_costs(costs, ref_costs: list, what: str = "costs") -> None:
    """The recorded costs: one per 100 iterations, equal to the reference's."""
    if not isinstance(costs, list | tuple | np.ndarray) or np.ndim(costs) != 1:
        fail(f"{what} should be a list of numbers, but it is {describe(costs)}.")
    costs = [lenient(cost, (), "each recorded cost") for cost in costs]
    if len(costs) != len(ref_costs):
        hint = ""
        if len(ref_costs) == 0 or len(costs) > len(ref_costs):
            hint = " Record the cost only when i % 100 == 0, not at every iteration."
        elif len(costs) < len(ref_costs):
            hint = " The first cost belongs to iteration 0 (before any update): i % 100 == 0."
        fail(
            f"{what} should hold one cost per 100 iterations (iterations 0, 100, 200, ...), "
            f"but it has {len(costs)} values where {len(ref_costs)} were expected.{hint}"
        )
    if ref_costs:
        expect_close(np.array(costs), np.array(ref_costs), what)


@pytest.mark.exercise("optimize", points=2, kind="structure")
@settings(max_examples=10)
@given(problem=problems, num_iterations=st.integers(1, 5), learning_rate=rates)
def test_returns_params_grads_and_costs(submission, problem, num_iterations, learning_rate):
    """optimize returns ({"w": float64 array shaped like w, "b": a number}, {"dw", "db"} alike,
    costs as a list of numbers)"""
    w, b, X, Y = problem
    got_w, got_b, dw, db, costs = run(submission, w, b, X, Y, num_iterations, learning_rate)
    expect_array(got_w, w.shape, "params['w']")
    expect_number(got_b, "params['b']")
    expect_array(dw, w.shape, "grads['dw']")
    expect_number(db, "grads['db']")
    if not isinstance(costs, list):
        fail(f"costs should be a list of numbers, but it is {describe(costs)}: start with "
             "costs = [] and append.")
    for cost in costs:
        expect_number(cost, "each recorded cost")


@pytest.mark.exercise("optimize", points=3)
@given(problem=problems, learning_rate=rates)
def test_one_step_is_a_gradient_descent_step(submission, reference, problem, learning_rate):
    """one iteration gives w - learning_rate·dw and b - learning_rate·db"""
    w, b, X, Y = problem
    got_w, got_b, _, _, _ = run(submission, w, b, X, Y, 1, learning_rate)
    grads, _ = reference.propagate(w, b, X, Y)
    dw, db = grads["dw"], float(grads["db"])
    ignored = "the step ignores learning_rate — use the argument, not a fixed number"
    expect_close(
        got_w, w - learning_rate * dw, "params['w'] after one step",
        mistakes={"w moved uphill — subtract learning_rate * dw": w + learning_rate * dw,
                  "w was not updated — assign w = w - learning_rate * dw": w,
                  ignored: w - 0.009 * dw},
    )
    expect_close(
        got_b, b - learning_rate * db, "params['b'] after one step",
        mistakes={"b moved uphill — subtract learning_rate * db": b + learning_rate * db,
                  "b was not updated — assign b = b - learning_rate * db": b,
                  ignored: b - 0.009 * db},
    )


@pytest.mark.exercise("optimize", points=3)
@settings(max_examples=10)
@given(problem=problems, num_iterations=st.integers(2, 10), learning_rate=rates)
def test_many_steps_reach_the_right_parameters(
    submission, reference, problem, num_iterations, learning_rate
):
    """after num_iterations steps of gradient descent w and b are right"""
    w, b, X, Y = problem
    got_w, got_b, _, _, _ = run(submission, w, b, X, Y, num_iterations, learning_rate)
    ref_w, ref_b, _, _, _ = expected(reference, w, b, X, Y, num_iterations, learning_rate)
    expect_parameters(
        got_w, got_b, ref_w, ref_b,
        lambda: parameter_hints(reference, w, b, X, Y, num_iterations, learning_rate),
    )


@pytest.mark.exercise("optimize", points=3)
def test_costs_are_recorded_every_100_iterations(submission, reference):
    """costs holds the cost of iterations 0, 100, 200, ...: ceil(num_iterations / 100) values"""
    # one fixed problem: the runs are long (403 iterations in all) and counting needs no
    # variety of inputs (a single hypothesis draw would be the all-zero problem, where w never
    # moves); the other tests vary the problem on short runs
    (w, b, X, Y), learning_rate = LONG_RUN, 0.05
    for num_iterations in (1, 100, 101, 201):  # one cost, one, two, three
        *_, costs = run(submission, w, b, X, Y, num_iterations, learning_rate)
        *_, ref_costs = expected(reference, w, b, X, Y, num_iterations, learning_rate)
        expect_costs(costs, ref_costs)


@pytest.mark.exercise("optimize", points=3)
@settings(max_examples=10)
@given(problem=problems, num_iterations=st.integers(1, 10), learning_rate=rates)
@example(problem=COURSE, num_iterations=3, learning_rate=0.1)
@pytest.mark.public
def test_returns_last_iterations_gradients(
    submission, reference, problem, num_iterations, learning_rate
):
    """the returned grads are the ones computed in the last iteration, before its update"""
    w, b, X, Y = problem
    _, _, dw, db, _ = run(submission, w, b, X, Y, num_iterations, learning_rate)
    ref_w, ref_b, ref_dw, ref_db, _ = expected(
        reference, w, b, X, Y, num_iterations, learning_rate
    )
    after, _ = reference.propagate(ref_w, ref_b, X, Y)
    hint = ("these are the gradients at the final parameters, after the last update: return "
            "the grads computed inside the last iteration")
    expect_close(dw, ref_dw, "grads['dw']", mistakes={hint: after["dw"]})
    expect_close(db, ref_db, "grads['db']", mistakes={hint: after["db"]})


@pytest.mark.exercise("optimize", points=3, kind="property")
@settings(max_examples=10)
@given(problem=problems, num_iterations=st.integers(1, 3), learning_rate=rates)
@example(problem=COURSE, num_iterations=3, learning_rate=0.1)
@pytest.mark.public
def test_inputs_are_not_modified(submission, problem, num_iterations, learning_rate):
    """optimize leaves the caller's w, X and Y unchanged (it works on a copy)"""
    w, b, X, Y = problem
    call = submission.call(
        "optimize", w, b, X, Y, num_iterations=num_iterations, learning_rate=learning_rate
    )
    after_w, _, after_X, after_Y = call.args
    expect(
        np.array_equal(after_w, w),
        "optimize changed the caller's w array: start from a copy (copy.deepcopy(w)) "
        "instead of updating the argument in place with -=.",
    )
    expect(np.array_equal(after_X, X), "optimize changed the caller's X array.")
    expect(np.array_equal(after_Y, Y), "optimize changed the caller's Y array.")


@pytest.mark.exercise("optimize", points=1)
@settings(max_examples=10)
@given(problem=problems, num_iterations=st.integers(1, 6), rate=rates)
def test_learning_rate_is_used(submission, reference, problem, num_iterations, rate):
    """the learning_rate argument sets the step size: two rates give their own results"""
    w, b, X, Y = problem
    for learning_rate in (rate, rate / 4):
        got_w, got_b, _, _, _ = run(submission, w, b, X, Y, num_iterations, learning_rate)
        ref_w, ref_b, _, _, _ = expected(reference, w, b, X, Y, num_iterations, learning_rate)
        expect_parameters(
            got_w, got_b, ref_w, ref_b,
            lambda lr=learning_rate: parameter_hints(reference, w, b, X, Y, num_iterations, lr),
        )


@pytest.mark.exercise("optimize", points=2)
@pytest.mark.public
def test_course_example(submission, reference):
    """the course's example (101 iterations, learning rate 0.1) gives the published w, b, costs"""
    w, b, X, Y = COURSE
    got_w, got_b, _, _, costs = run(submission, w, b, X, Y, 101, 0.1)
    ref_w, ref_b, _, _, ref_costs = expected(reference, w, b, X, Y, 101, 0.1)
    hints = parameter_hints(reference, w, b, X, Y, 101, 0.1)  # ahead of time: it is public
    expect_parameters(got_w, got_b, ref_w, ref_b, lambda: hints)
    expect_costs(costs, ref_costs)
