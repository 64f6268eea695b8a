"""Public tests of `two_layer_net`, copied by `autograder release` from the hidden
suite's tests/test_train.py with the helpers they use. Generated: do not edit."""

import numpy as np
from checks import GradingFailure, describe, expect_close, expect_dict, expect_tuple, fail, lenient
from .strategies import LESSON_PARAMS, LESSON_X, LESSON_Y, NAMES


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
