"""Public tests of `neuron_sgd`, copied by `autograder release` from the hidden
suite's tests/test_train.py with the helpers they use. Generated: do not edit."""

import numpy as np
from checks import GradingFailure, expect_close, expect_tuple, lenient
from .strategies import AND_DATA, AND_DATA_01, B_START, IN_PLACE, W_START, expect_left_alone, expect_same_labels


#: per neuron: the lesson's run, (data, w, b, lr, epochs)
LESSON_RUNS = {
    "train_linear": (AND_DATA, W_START, B_START, 0.01, 20),
    "train_logistic": (AND_DATA_01, W_START, B_START, 0.5, 100),
}


def run(submission, name, data, w, b, lr, epochs):
    """The student's final (w, b), as returned (value tests compare them leniently)."""
    return expect_tuple(getattr(submission, name)(data, w, b, lr, epochs), 2, name)


def squared_error_gradients(x, y, w, b):
    """The textbook gradient of (ŷ - y)², for the hints (the expected values come from the
    reference)."""
    x = np.asarray(x, dtype=float)
    error = float(np.dot(w, x) + b - y)
    return 2 * error * x, 2 * error


def cross_entropy_gradients(x, y, w, b):
    """The textbook gradient of one example's cross-entropy, for the hints."""
    x = np.asarray(x, dtype=float)
    dz = 1.0 / (1.0 + np.exp(-float(np.dot(w, x) + b))) - y
    return x * dz, dz


GRADIENTS = {"train_linear": squared_error_gradients, "train_logistic": cross_entropy_gradients}


def sgd(gradient, data, w, b, lr, epochs, sign=-1.0, updates="each"):
    """Training as the usual slips do it: ``updates`` is "each" (SGD, one step per example),
    "sum" or "mean" (one batch step per epoch) or "last" (one step per epoch with the last
    example's gradient); ``sign`` +1 climbs."""
    for _epoch in range(epochs):
        if updates == "each":
            for x_i, y_i in data:
                dw, db = gradient(x_i, y_i, w, b)
                w, b = w + sign * lr * dw, b + sign * lr * db
            continue
        grads = [gradient(x_i, y_i, w, b) for x_i, y_i in data]
        if updates == "last":
            grads = grads[-1:]
        dw, db = sum(g[0] for g in grads), sum(g[1] for g in grads)
        if updates == "mean":
            dw, db = dw / len(grads), db / len(grads)
        w, b = w + sign * lr * dw, b + sign * lr * db
    return w, float(b)


def training_hints(name, data, w, b, lr, epochs) -> tuple[dict, dict]:
    """({hint: w}, {hint: b}) for the usual slips in the training loop."""
    def run_(order=data, count=epochs, **how):
        return sgd(GRADIENTS[name], order, w, b, lr, count, **how)

    slips = [
        ("these are the starting parameters: return the trained ones", (w, b)),
        ("one epoch short: loop over range(epochs)", run_(count=epochs - 1)),
        ("one epoch too many: loop over range(epochs)", run_(count=epochs + 1)),
        ("the examples were visited in reverse order: go through data in the order given",
         run_(order=data[::-1])),
        ("this is batch gradient descent (the examples' gradients summed, one step per epoch): "
         "SGD takes a step after every example", run_(updates="sum")),
        ("this is batch gradient descent (the examples' gradients averaged, one step per "
         "epoch): SGD takes a step after every example", run_(updates="mean")),
        ("only the last example of each epoch moved the parameters: take the step inside the "
         "loop over the examples", run_(updates="last")),
        ("the parameters moved uphill: subtract lr times the gradient", run_(sign=1.0)),
    ]
    return ({hint: wb[0] for hint, wb in slips}, {hint: wb[1] for hint, wb in slips})


def expect_trained(submission, reference, name, data, w, b, lr, epochs, *, where="",
                   eager=False) -> tuple:
    """The student's final (w, b) equal the reference's; name a known slip when one matches
    (computed ahead of time when ``eager``: a public test has no reference after a failure).
    Returns the student's (w, b)."""
    got_w, got_b = run(submission, name, data, w, b, lr, epochs)
    ref_w, ref_b = getattr(reference, name)(data, w, b, lr, epochs)
    ahead = training_hints(name, data, w, b, lr, epochs) if eager else None
    try:
        expect_close(got_w, ref_w, "the trained w" + where)
        expect_close(got_b, ref_b, "the trained b" + where)
    except GradingFailure:
        w_hints, b_hints = ahead or training_hints(name, data, w, b, lr, epochs)
        expect_close(got_w, ref_w, "the trained w" + where,
                     mistakes=w_hints)
        expect_close(got_b, ref_b, "the trained b" + where,
                     mistakes=b_hints)
        raise
    return got_w, got_b


def check_left_alone(submission, name, problem) -> None:
    data, w, b, lr, epochs = problem
    call = submission.call(name, data, w, b, lr, epochs)
    expect_left_alone(w, call.args[1], f"{name} changed the caller's w: " + IN_PLACE)
    expect_left_alone(data, call.args[0], f"{name} changed the caller's data: visit the "
                                          "examples in the order given, without reordering "
                                          "the list.")


def check_lesson(submission, reference, name) -> None:
    data, w, b, lr, epochs = LESSON_RUNS[name]
    got_w, got_b = expect_trained(submission, reference, name, data, w, b, lr, epochs,
                                  where=" (the lesson's run)", eager=True)
    w_, b_ = lenient(got_w, (2,), "the trained w"), float(lenient(got_b, (), "the trained b"))
    negative = -1.0 if name == "train_linear" else 0.0  # the other label
    got = np.array([1.0 if np.dot(w_, x) + b_ > 0 else negative for x, _ in data])
    want = np.array([y for _, y in data], dtype=float)
    expect_same_labels(got, want, "the trained neuron on the four corners", {})


def test_linear_lesson_run_learns_and(submission, reference):
    """the lesson's run (AND with labels -1/+1, start w = (0.666, 0.333), b = 0.233, lr = 0.01,
    20 epochs) ends at w ≈ (0.4625, 0.2343), b ≈ -0.6180, whose signs reproduce AND"""
    check_lesson(submission, reference, "train_linear")


def test_linear_leaves_its_arguments_alone(submission, problem):
    """train_linear leaves the caller's w and data unchanged"""
    check_left_alone(submission, "train_linear", problem)


def test_logistic_lesson_run_learns_and(submission, reference):
    """the lesson's run (AND with labels 0/1, start w = (0.666, 0.333), b = 0.233, lr = 0.5,
    100 epochs) ends at w ≈ (4.5094, 4.4546), b ≈ -6.8121, which predicts AND"""
    check_lesson(submission, reference, "train_logistic")


def test_logistic_leaves_its_arguments_alone(submission, problem):
    """train_logistic leaves the caller's w and data unchanged"""
    check_left_alone(submission, "train_logistic", problem)
