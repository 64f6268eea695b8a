"""Public tests of `logistic_regression`, copied by `autograder release` from the hidden
suite's tests/test_optimize.py with the helpers they use. Generated: do not edit."""

import numpy as np
from checks import GradingFailure, describe, expect, expect_close, expect_dict, expect_tuple, fail, lenient


COURSE = (
    np.array([[1.0], [2.0]]),
    2.0,
    np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]]),
    np.array([[1, 0, 1]]),
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


def test_course_example(submission, reference):
    """the course's example (101 iterations, learning rate 0.1) gives the published w, b, costs"""
    w, b, X, Y = COURSE
    got_w, got_b, _, _, costs = run(submission, w, b, X, Y, 101, 0.1)
    ref_w, ref_b, _, _, ref_costs = expected(reference, w, b, X, Y, 101, 0.1)
    hints = parameter_hints(reference, w, b, X, Y, 101, 0.1)  # ahead of time: it is public
    expect_parameters(got_w, got_b, ref_w, ref_b, lambda: hints)
    expect_costs(costs, ref_costs)
