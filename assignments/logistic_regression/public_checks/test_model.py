"""Public tests of `logistic_regression`, copied by `autograder release` from the hidden
suite's tests/test_model.py with the helpers they use. Generated: do not edit."""

import numpy as np
from checks import GradingFailure, describe, expect, expect_close, expect_dict, expect_labels, fail, lenient


KEYS = ["costs", "Y_prediction_test", "Y_prediction_train", "w", "b", "learning_rate",
        "num_iterations"]


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


def test_course_example(submission, reference):
    """the course's example (50 iterations, learning rate 0.01) gives the published results"""
    data = course_data()
    d = call_model(submission, data, 50, 0.01)
    ref = reference.model(*data, num_iterations=50, learning_rate=0.01)
    hints = parameter_hints(reference, data, 50)  # ahead of time: the public check needs them
    expect_same_model(d, ref, data, lambda: hints)
