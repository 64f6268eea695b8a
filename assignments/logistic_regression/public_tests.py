"""Public checks for the logistic-regression assignment.

These are the checks the notebook runs after each exercise. They test types, shapes and a few
worked examples from the course. Passing them is necessary but not enough: the grader runs many
more checks on your functions.

How to run them
---------------
In a terminal, in the folder that holds this file and your ``logistic_regression.py``::

    python public_tests.py                          # checks ./logistic_regression.py
    python public_tests.py path/to/my_solution.py   # checks another file

In the notebook, after writing a function::

    from public_tests import sigmoid_test
    sigmoid_test(sigmoid)

or every exercise at once::

    from public_tests import run_all
    run_all(globals())

Each check prints one line: ``PASS`` or ``FAIL``, and a FAIL says what went wrong and often how
to fix it. A function that still raises NotImplementedError gets a single FAIL line. Each
exercise ends with a line such as ``sigmoid: 5/5 checks passed``, and each test
function returns True when all of its checks passed. Your functions are always called with fresh
copies of the inputs. This file needs only numpy and the Python standard library.
"""

import contextlib
import copy
import importlib
import importlib.machinery
import importlib.util
import numbers
import os
import sys
import sysconfig
import traceback

import numpy as np

RTOL = 1e-5  # tolerances for comparing floats, as in np.allclose
ATOL = 1e-8

NOT_IMPLEMENTED = "not implemented yet - replace `raise NotImplementedError()` with your code"


# ---------------------------------------------------------------------------------------------
# Running checks
# ---------------------------------------------------------------------------------------------


class _Fail(Exception):
    """A check failed. The message says why, in words a student can act on."""


class _TargetRaised(Exception):
    """The student's function raised an exception while a check was calling it."""

    def __init__(self, error):
        super().__init__(str(error))
        self.error = error


class _Exercise:
    """The named checks of one exercise, run in order against the student's function.

    A check is a small function that raises _Fail (with a helpful message) when something is
    wrong, and simply returns when everything is right.
    """

    def __init__(self, name, target):
        self.name = name
        self.target = target
        self.checks = []

    def check(self, label):
        """Decorator that registers a check under a short description."""

        def register(function):
            self.checks.append((label, function))
            return function

        return register

    def call_as_given(self, *args, **kwargs):
        """Call the student's function on exactly these objects."""
        try:
            return self.target(*args, **kwargs)
        except Exception as error:
            raise _TargetRaised(error) from None

    def call(self, *args, **kwargs):
        """Call the student's function on fresh copies of the inputs."""
        args, kwargs = copy.deepcopy((args, kwargs))
        return self.call_as_given(*args, **kwargs)

    def example(self, *args, **kwargs):
        """Return a function giving target(*args, **kwargs), computed once, on first use."""
        answer = {}

        def result():
            if not answer:
                try:
                    answer["value"] = self.call(*args, **kwargs)
                except _TargetRaised as raised:
                    answer["error"] = raised
            if "error" in answer:
                raise answer["error"]
            return answer["value"]

        return result

    def run(self):
        """Run every check, print one line per check and a summary; True if all passed."""
        passed = 0
        previous_why = None
        for label, function in self.checks:
            try:
                function()
            except _TargetRaised as raised:
                why = _describe_error(raised.error, self.name, self.target)
                if isinstance(raised.error, NotImplementedError):
                    print(f"FAIL  {self.name}: {why}")
                    break
            except _Fail as failure:
                why = str(failure)
            except Exception as error:  # a strange answer must never crash the checks
                why = f"could not check your answer: {type(error).__name__}: {_one_line(error)}"
            else:
                passed += 1
                print(f"PASS  {self.name}: {label}")
                continue
            shown = "same problem as above" if why == previous_why else why
            print(f"FAIL  {self.name}: {label} -> {shown}")
            previous_why = why
        print(f"{self.name}: {passed}/{len(self.checks)} checks passed")
        return passed == len(self.checks)


def _one_line(text, limit=300):
    """str(text) on a single line, shortened to at most `limit` characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


_LIBRARY_DIRS = tuple(
    os.path.normcase(os.path.abspath(sysconfig.get_paths()[key]))
    for key in ("stdlib", "platstdlib", "purelib", "platlib")
)


def _location(error):
    """' (in propagate, line 12)': where in the student's code the error happened, if known."""
    here = os.path.normcase(os.path.abspath(__file__))
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.startswith("<frozen"):
            continue
        path = os.path.normcase(os.path.abspath(frame.filename))
        if path == here or path.startswith(_LIBRARY_DIRS) or "site-packages" in path:
            continue
        if frame.name == "<module>":
            return f" (line {frame.lineno} of {os.path.basename(frame.filename)})"
        return f" (in {frame.name}, line {frame.lineno})"
    return ""


def _describe_error(error, name, target):
    """One line saying what exception the student's function raised, without a traceback."""
    if isinstance(error, NotImplementedError):
        frames = traceback.extract_tb(error.__traceback__)
        raised_in = frames[-1].name if frames else None
        if raised_in is None or raised_in == getattr(target, "__name__", name):
            return NOT_IMPLEMENTED
        return f"it calls {raised_in}, which is not implemented yet - finish {raised_in} first"
    message = f"{name} raised {type(error).__name__}"
    if str(error):
        message += f": {_one_line(error)}"
    if not isinstance(error, SyntaxError):
        message += _location(error)
    if isinstance(error, NameError):
        message += " - use the function's arguments, not variables defined outside it"
    elif isinstance(error, TypeError) and "converted to Python scalars" in str(error):
        message += " - use np.exp and np.log, not math.exp and math.log, so arrays work"
    return message


# ---------------------------------------------------------------------------------------------
# Small checks shared by all exercises. Each raises _Fail with an explanation.
# ---------------------------------------------------------------------------------------------


def _type_name(value):
    """Describe a value for a message: 'a list', 'a numpy array of shape (1, 3)', ..."""
    if value is None:
        return "None - did you forget the return statement?"
    if isinstance(value, np.ndarray):
        return f"a numpy array of shape {value.shape}"
    if isinstance(value, (tuple, list)):
        return f"a {type(value).__name__} of {len(value)} values"
    return f"a value of type {type(value).__name__}"


def _fmt(value):
    """Numbers and arrays printed on one line, with at most 8 decimals in arrays."""
    array = np.asarray(value, dtype=float)
    if array.ndim == 0:
        return repr(float(array))

    def text(part):
        if part.ndim == 0:
            return np.format_float_positional(float(part), precision=8, trim=".")
        return "[" + ", ".join(text(row) for row in part) + "]"

    return text(array)


def _close_to(expected):
    """A predicate for hints: does an answer equal `expected`, shape and values?"""
    expected = np.asarray(expected, dtype=float)
    return lambda values: (
        values.shape == expected.shape and np.allclose(values, expected, rtol=RTOL, atol=ATOL)
    )


def _unpack(result, function, names):
    """Check that `function` returned a tuple of len(names) values, and return it."""
    wanted = "(" + ", ".join(names) + ")"
    if not isinstance(result, (tuple, list)) or len(result) != len(names):
        raise _Fail(f"{function} should return {wanted}, got {_type_name(result)}")
    return result


def _check_dict(value, what, keys):
    """Check that `value` is a dict holding all of `keys`, and return it."""
    if not isinstance(value, dict):
        raise _Fail(f"{what} should be a dict, got {_type_name(value)}")
    missing = [key for key in keys if key not in value]
    if missing:
        raise _Fail(
            f"{what} is missing the key(s) {', '.join(map(repr, missing))}; "
            f"its keys are {', '.join(map(repr, value))}"
        )
    return value


def _check_shape(value, what, shape, note=""):
    """Check that `value` is a numpy array of exactly this shape, and return it."""
    if not isinstance(value, np.ndarray):
        raise _Fail(f"{what} should be a numpy array, got {_type_name(value)}")
    if value.shape == shape:
        return value
    message = f"{what} has shape {value.shape} but should have shape {shape}{note}"
    if value.ndim == 1 and len(shape) == 2 and value.size == int(np.prod(shape)):
        message += f" - did you create a rank-1 array? Give it two dimensions: {shape}"
    elif value.shape == tuple(reversed(shape)):
        message += " - rows and columns are swapped; did you forget a transpose?"
    elif value.ndim == 2 and len(shape) == 2 and value.size > int(np.prod(shape)):
        message += (
            " - mixing an (n,) array with an (n, 1) one broadcasts into a matrix;"
            " check the shapes of your intermediate results"
        )
    raise _Fail(message)


def _check_number(value, what):
    """Check that `value` is a single number (Python, numpy, or a 0-d array); return a float."""
    if isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_)):
        return float(value)
    if isinstance(value, np.ndarray):
        if value.ndim == 0 and np.issubdtype(value.dtype, np.number):
            return float(value)
        message = f"{what} should be a number, got an array of shape {value.shape}"
        if value.size == 1:
            raise _Fail(message + " - use np.squeeze or np.sum")
        raise _Fail(message + " - did you forget to sum over the m examples?")
    raise _Fail(f"{what} should be a number, got {_type_name(value)}")


def _check_close(actual, expected, what, note="", hints=()):
    """Check shape first, then values (np.allclose). `hints` are (predicate, advice) pairs."""
    expected = np.asarray(expected, dtype=float)
    if expected.ndim == 0:
        actual = _check_number(actual, what)
    else:
        _check_shape(actual, what, expected.shape, note)  # no broadcasting past this point
    try:
        values = np.asarray(actual, dtype=float)
    except (TypeError, ValueError):
        raise _Fail(f"{what} should hold numbers, got dtype {actual.dtype}") from None
    if np.allclose(values, expected, rtol=RTOL, atol=ATOL):
        return
    message = f"{what} is {_fmt(values)} but should be {_fmt(expected)}"
    if np.isnan(values).any():
        message += " - it contains nan: look for log(0), 0/0 or a variable you never set"
    else:
        for applies, advice in hints:
            if applies(values):
                message += f" - {advice}"
                break
    raise _Fail(message)


def _check_float_array(value, what):
    """Check that `value` is a numpy array of floats."""
    if not isinstance(value, np.ndarray):
        raise _Fail(f"{what} should be a numpy array, got {_type_name(value)}")
    if np.issubdtype(value.dtype, np.floating):
        return
    if value.dtype == np.uint8:
        advice = "divide by 255.0 so that the values become floats"
    elif np.issubdtype(value.dtype, np.integer):
        advice = "did you use // (integer division) instead of /?"
    else:
        advice = "it should hold floats"
    raise _Fail(f"{what} has dtype {value.dtype} - {advice}")


def _check_cost_list(costs, what, length, advice):
    """Check that `costs` is a list of `length` numbers; return them as a float array."""
    if not isinstance(costs, list):
        raise _Fail(
            f"{what} should be a list, got {_type_name(costs)} - "
            "start from costs = [] and use costs.append(cost)"
        )
    if len(costs) != length:
        raise _Fail(f"{what} has {len(costs)} entries but should have {length} - {advice}")
    return np.array([_check_number(cost, f"{what}[{i}]") for i, cost in enumerate(costs)])


def _check_labels(value, what):
    """Check that predictions are 0.0/1.0 labels, not booleans or probabilities."""
    if value.dtype == bool:
        raise _Fail(f"{what} holds booleans - turn them into 0.0 and 1.0 with .astype(float)")
    values = np.asarray(value, dtype=float)
    others = values[(values != 0) & (values != 1)]
    if others.size:
        raise _Fail(
            f"{what} should hold only 0.0 and 1.0 but contains {others.flat[0]:g} - "
            "turn the probabilities A into labels with A > 0.5"
        )


@contextlib.contextmanager
def _preserved_rng():
    """Restore numpy's global random state afterwards, so a check has no side effect."""
    state = np.random.get_state()
    try:
        yield
    finally:
        np.random.set_state(state)


# ---------------------------------------------------------------------------------------------
# Worked examples from the course
# ---------------------------------------------------------------------------------------------

# propagate and optimize, example 1 (m = 3 examples, 2 features)
W1, B1 = np.array([[1.0], [2.0]]), 2.0
X1, Y1 = np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]]), np.array([[1, 0, 1]])
DW1, DB1, COST1 = np.array([[0.99845601], [2.39507239]]), 0.001455578136784208, 5.801545319394553

# propagate, example 2 (m = 4 examples, 3 features)
W2, B2 = np.array([[1.0], [2.0], [-1]]), 2.5
X2 = np.array([[1.0, 2.0, -1.0, 0], [3.0, 4.0, -3.2, 1], [3.0, 4.0, -3.2, -3.5]])
Y2 = np.array([[1, 1, 0, 0]])
DW2 = np.array([[-0.03909333], [0.12501464], [-0.99960809]])
DB2, COST2 = 0.288106326429569, 2.0424567983978403


def _gradient_hints(name, expected, m):
    expected = np.asarray(expected, dtype=float)
    return [
        (_close_to(expected * m), f"{name} is m times too large - did you divide by m?"),
        (_close_to(-expected), f"sign flipped - {name} uses A - Y, not Y - A"),
    ]


def _cost_hints(expected, m):
    return [
        (lambda values: values < 0, "cost is negative - did you forget the minus sign?"),
        (_close_to(expected * m), "cost is m times too large - did you divide by m?"),
    ]


# ---------------------------------------------------------------------------------------------
# One test per exercise
# ---------------------------------------------------------------------------------------------


def preprocess_test(target):
    """Exercise 1: preprocess(images) -> X of shape (h*w*c, m), column i = images[i] / 255."""
    ex = _Exercise("preprocess", target)
    grey = np.array([[[0, 255], [51, 102]], [[255, 0], [0, 0]]], dtype=np.uint8)
    colour = np.arange(36, dtype=np.uint8).reshape(3, 2, 2, 3)
    grey_X = ex.example(grey)
    colour_X = ex.example(colour)

    @ex.check("two 2x2 greyscale images give a float array")
    def _():
        _check_float_array(grey_X(), "X")

    @ex.check("two 2x2 greyscale images give shape (4, 2), one column per image")
    def _():
        _check_shape(grey_X(), "X", (4, 2), " = (h*w, m)")

    @ex.check("greyscale example: values are in [0, 1]")
    def _():
        values = np.asarray(_check_shape(grey_X(), "X", (4, 2)), dtype=float)
        if values.min() < 0 or values.max() > 1:
            raise _Fail(
                f"X has values from {values.min():g} to {values.max():g} - "
                "divide the pixels by 255 to scale them to [0, 1]"
            )

    @ex.check("greyscale example: X == [[0, 1], [1, 0], [0.2, 0], [0.4, 0]]")
    def _():
        _check_columns(grey_X(), grey)

    @ex.check("three 2x2 colour images (3, 2, 2, 3) give shape (12, 3)")
    def _():
        _check_shape(colour_X(), "X", (12, 3), " = (h*w*c, m)")

    @ex.check("colour example: column i is images[i].ravel() / 255")
    def _():
        _check_columns(colour_X(), colour)

    return ex.run()


def _check_columns(X, images):
    """Check that column i of X is images[i] flattened in C order, divided by 255."""
    m, n_x = images.shape[0], images[0].size
    values = np.asarray(_check_shape(X, "X", (n_x, m)), dtype=float)
    expected = np.stack([images[i].ravel() / 255.0 for i in range(m)], axis=1)
    if np.allclose(values, expected, rtol=RTOL, atol=ATOL):
        return
    if np.allclose(values, images.reshape(n_x, m) / 255.0, rtol=RTOL, atol=ATOL):
        raise _Fail(
            "X has the right shape, but its columns mix pixels from different images - "
            "reshape to (m, -1) first, then transpose"
        )
    if np.allclose(values, expected * 255.0, rtol=RTOL, atol=ATOL):
        raise _Fail("X holds the raw pixel values 0..255 - divide by 255")
    by_columns = np.stack([images[i].ravel(order="F") / 255.0 for i in range(m)], axis=1)
    if np.allclose(values, by_columns, rtol=RTOL, atol=ATOL):
        raise _Fail(
            "each image is flattened column by column - flatten it row by row (C order), "
            "as images[i].ravel() does: reshape to (m, -1), then transpose"
        )
    i = next(i for i in range(m) if not np.allclose(values[:, i], expected[:, i], RTOL, ATOL))
    raise _Fail(
        f"column {i} of X is {_fmt(values[:, i])} but should be "
        f"images[{i}].ravel() / 255 = {_fmt(expected[:, i])}"
    )


def sigmoid_test(target):
    """Exercise 2: sigmoid(z) = 1 / (1 + exp(-z)), elementwise, for numbers and arrays."""
    ex = _Exercise("sigmoid", target)
    pair = ex.example(np.array([0, 2]))
    one = ex.example(1)
    z = np.array([[-1.0, 0.0, 1.0], [2.0, -3.0, 0.5]])
    grid = ex.example(z)

    def hints(z):
        return [(_close_to(1 / (1 + np.exp(z))), "did you write np.exp(z) instead of np.exp(-z)?")]

    @ex.check("sigmoid(np.array([0, 2])) returns a numpy array")
    def _():
        result = pair()
        if not isinstance(result, np.ndarray):
            raise _Fail(
                f"sigmoid(np.array([0, 2])) should be a numpy array, got {_type_name(result)}"
                " - use np.exp, which works on whole arrays"
            )

    @ex.check("sigmoid(np.array([0, 2])) has shape (2,), like its input")
    def _():
        _check_shape(pair(), "sigmoid(np.array([0, 2]))", (2,))

    @ex.check("sigmoid(np.array([0, 2])) == [0.5, 0.88079708]")
    def _():
        _check_close(pair(), [0.5, 0.88079708], "sigmoid(np.array([0, 2]))", "", hints([0, 2]))

    @ex.check("sigmoid(1) == 0.7310585786300049")
    def _():
        _check_close(one(), 0.7310585786300049, "sigmoid(1)", "", hints(1))

    @ex.check("an input of shape (2, 3) gives the right (2, 3) array")
    def _():
        expected = 1 / (1 + np.exp(-z))
        _check_close(grid(), expected, "sigmoid(z) for z of shape (2, 3)", "", hints(z))

    return ex.run()


def initialize_with_zeros_test(target):
    """Exercise 3: initialize_with_zeros(dim) -> (zeros of shape (dim, 1), 0.0)."""
    ex = _Exercise("initialize_with_zeros", target)
    three = ex.example(3)
    four = ex.example(4)

    def answer(result):
        return _unpack(result(), "initialize_with_zeros", ("w", "b"))

    def check_zeros(w, dim):
        _check_shape(w, "w", (dim, 1), " = (dim, 1)")
        if not np.issubdtype(w.dtype, np.floating):
            raise _Fail(f"w has dtype {w.dtype} but should hold floats - use np.zeros((dim, 1))")
        if np.any(w != 0):
            raise _Fail(f"w should be all zeros, got {_fmt(w)}")

    @ex.check("initialize_with_zeros(3) returns a pair (w, b)")
    def _():
        answer(three)

    @ex.check("dim=3: w is a numpy array of shape (3, 1)")
    def _():
        _check_shape(answer(three)[0], "w", (3, 1), " = (dim, 1)")

    @ex.check("dim=3: w holds only zeros, as floats")
    def _():
        check_zeros(answer(three)[0], 3)

    @ex.check("dim=4: w is a numpy array of zeros of shape (4, 1)")
    def _():
        check_zeros(answer(four)[0], 4)

    @ex.check("b is a Python float")
    def _():
        b = answer(three)[1]
        if isinstance(b, float):
            return
        if isinstance(b, np.ndarray):
            raise _Fail(f"b should be a plain number, not {_type_name(b)} - use b = 0.0")
        if isinstance(b, numbers.Integral):
            raise _Fail(f"b is the integer {b!r} - it should be the float 0.0 (or float(0))")
        raise _Fail(f"b should be a Python float, got {_type_name(b)} - use b = 0.0")

    @ex.check("b == 0.0")
    def _():
        _check_close(answer(three)[1], 0.0, "b")

    return ex.run()


def propagate_test(target):
    """Exercise 4: propagate(w, b, X, Y) -> ({"dw": ..., "db": ...}, cost)."""
    ex = _Exercise("propagate", target)
    first = ex.example(W1, B1, X1, Y1)
    second = ex.example(W2, B2, X2, Y2)

    def answer(result):
        grads, cost = _unpack(result(), "propagate", ("grads", "cost"))
        _check_dict(grads, "grads", ("dw", "db"))
        return grads, cost

    @ex.check("example 1 returns (grads, cost) with grads a dict with keys 'dw' and 'db'")
    def _():
        answer(first)

    @ex.check("example 1: dw has the shape of w, (2, 1)")
    def _():
        _check_shape(answer(first)[0]["dw"], "grads['dw']", (2, 1), ", the shape of w")

    @ex.check("example 1: db is a number")
    def _():
        _check_number(answer(first)[0]["db"], "grads['db']")

    @ex.check("example 1: cost is a number")
    def _():
        _check_number(answer(first)[1], "cost")

    def value_checks(label, result, dw, db, cost, m):
        @ex.check(f"{label}: dw == {_fmt(dw)}")
        def _():
            _check_close(
                answer(result)[0]["dw"],
                dw,
                "grads['dw']",
                ", the shape of w",
                _gradient_hints("dw", dw, m),
            )

        @ex.check(f"{label}: db == {db!r}")
        def _():
            _check_close(
                answer(result)[0]["db"], db, "grads['db']", "", _gradient_hints("db", db, m)
            )

        @ex.check(f"{label}: cost == {cost!r}")
        def _():
            _check_close(answer(result)[1], cost, "cost", "", _cost_hints(cost, m))

    value_checks("example 1", first, DW1, DB1, COST1, m=3)
    value_checks("example 2", second, DW2, DB2, COST2, m=4)
    return ex.run()


def optimize_test(target):
    """Exercise 5: optimize(w, b, X, Y, num_iterations, learning_rate) -> (params, grads, costs)."""
    ex = _Exercise("optimize", target)
    result = ex.example(W1, B1, X1, Y1, num_iterations=101, learning_rate=0.1)

    def answer():
        params, grads, costs = _unpack(result(), "optimize", ("params", "grads", "costs"))
        _check_dict(params, "params", ("w", "b"))
        _check_dict(grads, "grads", ("dw", "db"))
        return params, grads, costs

    unchanged = "it still has its initial value - update it inside the loop"

    @ex.check("returns (params, grads, costs), params with 'w' and 'b', grads with 'dw' and 'db'")
    def _():
        answer()

    @ex.check("params['w'] == [[-0.70916784], [-0.42390859]] after 101 steps")
    def _():
        expected = [[-0.70916784], [-0.42390859]]
        hints = [(_close_to(W1), unchanged)]
        _check_close(answer()[0]["w"], expected, "params['w']", ", the shape of w", hints)

    @ex.check("params['b'] == 2.26891346 after 101 steps")
    def _():
        _check_close(answer()[0]["b"], 2.26891346, "params['b']", "", [(_close_to(B1), unchanged)])

    @ex.check("grads['dw'] == [[0.06188603], [-0.01407361]], from the last step")
    def _():
        hints = [(_close_to(DW1), "these are the gradients of the first step, not the last one")]
        expected = [[0.06188603], [-0.01407361]]
        _check_close(answer()[1]["dw"], expected, "grads['dw']", ", the shape of w", hints)

    @ex.check("grads['db'] == -0.04709353, from the last step")
    def _():
        hints = [(_close_to(DB1), "this is the gradient of the first step, not the last one")]
        _check_close(answer()[1]["db"], -0.04709353, "grads['db']", "", hints)

    costs_advice = "record the cost only when i % 100 == 0, that is at iterations 0 and 100"

    @ex.check("costs is a list of 2 numbers: the costs at iterations 0 and 100")
    def _():
        _check_cost_list(answer()[2], "costs", 2, costs_advice)

    @ex.check("costs == [5.80154532, 0.31057104]")
    def _():
        costs = _check_cost_list(answer()[2], "costs", 2, costs_advice)
        _check_close(costs, [5.80154532, 0.31057104], "costs")

    @ex.check("the caller's w is not modified")
    def _():
        w = W1.copy()
        ex.call_as_given(w, B1, X1.copy(), Y1.copy(), num_iterations=101, learning_rate=0.1)
        if not np.array_equal(w, W1):
            raise _Fail(
                f"optimize changed the w passed in, from {_fmt(W1)} to {_fmt(w)} - start from a "
                "copy, w = copy.deepcopy(w): an in-place update like w -= ... changes the "
                "caller's array"
            )

    return ex.run()


def predict_test(target):
    """Exercise 6: predict(w, b, X) -> labels 0.0/1.0 of shape (1, m)."""
    ex = _Exercise("predict", target)
    w, b = np.array([[0.3], [0.5], [-0.2]]), -0.33333
    X = np.array([[1.0, -0.3, 1.5], [2, 0, 1], [0, -1.5, 2]])
    result = ex.example(w, b, X)
    halfway = ex.example(np.zeros((3, 1)), 0.0, X)  # every probability is exactly 0.5

    @ex.check("returns a numpy array")
    def _():
        prediction = result()
        if not isinstance(prediction, np.ndarray):
            raise _Fail(f"predict should return a numpy array, got {_type_name(prediction)}")

    @ex.check("the result has shape (1, 3): one label per column of X")
    def _():
        _check_shape(result(), "Y_prediction", (1, 3), " = (1, m)")

    @ex.check("the labels are 0.0 or 1.0 (not probabilities, not booleans)")
    def _():
        _check_labels(_check_shape(result(), "Y_prediction", (1, 3), " = (1, m)"), "Y_prediction")

    @ex.check("predict(w, b, X) == [[1., 0., 1.]]")
    def _():
        hints = [
            (_close_to([[1, 1, 1]]), "Perhaps you forgot to add b in the calculation of A"),
            (_close_to([[0, 1, 0]]), "the labels are inverted - label 1 means A > 0.5"),
        ]
        _check_close(result(), [[1.0, 0.0, 1.0]], "Y_prediction", " = (1, m)", hints)

    @ex.check("a probability of exactly 0.5 gives the label 0")
    def _():
        hints = [(_close_to([[1, 1, 1]]), "use A > 0.5, not A >= 0.5")]
        text = "Y_prediction for w = 0, b = 0"
        _check_close(halfway(), [[0.0, 0.0, 0.0]], text, " = (1, m)", hints)

    return ex.run()


def model_test(target):
    """Exercise 7: model(...) -> dict with costs, predictions, w, b and the hyperparameters."""
    ex = _Exercise("model", target)
    with _preserved_rng():
        np.random.seed(0)
        Y = np.array([1, 0, 0, 1, 0, 0, 1]).reshape(1, 7)
        X = np.random.randn(4, 7)
        x_test = np.random.randn(4, 3)
    y_test = np.array([0, 1, 0])  # rank-1 on purpose, as in the course
    result = ex.example(X, Y, x_test, y_test, num_iterations=50, learning_rate=0.01)
    keys = (
        "costs",
        "Y_prediction_test",
        "Y_prediction_train",
        "w",
        "b",
        "learning_rate",
        "num_iterations",
    )
    pass_arguments_on = "model must pass its own arguments on, not hard-coded values"

    def answer():
        return _check_dict(result(), "the dict model returns", keys)

    def is_number(value, number):
        try:
            return float(value) == number
        except (TypeError, ValueError):
            return False

    def hints():
        """When model visibly ignored its arguments, say so next to any wrong value."""
        d = answer()
        one_cost = not isinstance(d["costs"], list) or len(d["costs"]) == 1
        if is_number(d["learning_rate"], 0.01) and is_number(d["num_iterations"], 50) and one_cost:
            return []
        return [(lambda values: True, pass_arguments_on)]

    @ex.check("returns a dict with keys " + ", ".join(keys))
    def _():
        answer()

    @ex.check("d['learning_rate'] == 0.01 and d['num_iterations'] == 50, the arguments given")
    def _():
        d = answer()
        if not (is_number(d["learning_rate"], 0.01) and is_number(d["num_iterations"], 50)):
            raise _Fail(
                f"d['learning_rate'] is {d['learning_rate']!r} and d['num_iterations'] is "
                f"{d['num_iterations']!r}, but model was called with learning_rate=0.01 and "
                f"num_iterations=50 - {pass_arguments_on}"
            )

    @ex.check("d['costs'] == [0.69314718]: 50 iterations record one cost")
    def _():
        advice = f"model ran a different number of iterations than asked - {pass_arguments_on}"
        costs = _check_cost_list(answer()["costs"], "d['costs']", 1, advice)
        _check_close(costs, [0.69314718], "d['costs']")

    @ex.check("d['w'] == [[0.08639757], [-0.08231268], [-0.11798927], [0.12866053]]")
    def _():
        expected = [[0.08639757], [-0.08231268], [-0.11798927], [0.12866053]]
        zero = [(_close_to(np.zeros((4, 1))), "w is still all zeros - return the trained w")]
        _check_close(answer()["w"], expected, "d['w']", " = (n_x, 1)", hints() + zero)

    @ex.check("d['b'] == -0.03983236094816321")
    def _():
        _check_close(answer()["b"], -0.03983236094816321, "d['b']", "", hints())

    @ex.check("d['Y_prediction_test'] == [[1., 1., 0.]]")
    def _():
        note = " = (1, m_test), one label per column of X_test"
        _check_close(
            answer()["Y_prediction_test"], [[1, 1, 0]], "d['Y_prediction_test']", note, hints()
        )

    @ex.check("d['Y_prediction_train'] == [[1., 1., 0., 1., 0., 0., 1.]]")
    def _():
        note = " = (1, m_train), one label per column of X_train"
        _check_close(
            answer()["Y_prediction_train"],
            [[1, 1, 0, 1, 0, 0, 1]],
            "d['Y_prediction_train']",
            note,
            hints(),
        )

    with _preserved_rng():  # model should not touch the global random state; if it does, undo it
        return ex.run()


# ---------------------------------------------------------------------------------------------
# Running everything
# ---------------------------------------------------------------------------------------------

_EXERCISES = (
    ("preprocess", preprocess_test),
    ("sigmoid", sigmoid_test),
    ("initialize_with_zeros", initialize_with_zeros_test),
    ("propagate", propagate_test),
    ("optimize", optimize_test),
    ("predict", predict_test),
    ("model", model_test),
)


def nbgrader_check(name, namespace):
    """The public checks of one exercise, for a test cell of an nbgrader notebook.

    Prints the checks like the other helpers and raises AssertionError when any fails, so
    that `nbgrader validate` marks the cell as failing.
    """
    target = namespace.get(name)
    if not callable(target):
        raise AssertionError(f"no function named `{name}` found - define it, spelled like this")
    if not dict(_EXERCISES)[name](target):
        raise AssertionError(f"{name}: some public checks failed (see above)")


def run_all(namespace):
    """Run the public checks of every exercise on the functions found in `namespace`.

    `namespace` is a dict such as globals() in the notebook. Returns True when every exercise
    passed all of its public checks.
    """
    failing = []
    for name, test in _EXERCISES:
        target = namespace.get(name)
        if not callable(target):
            print(f"SKIP  {name}: no function named `{name}` found - define it, spelled like this")
            failing.append(f"{name} (not found)")
        elif not test(target):
            failing.append(name)
        print()
    total = len(_EXERCISES)
    if failing:
        print(
            f"{len(failing)} of {total} exercises have failing public checks: {', '.join(failing)}."
        )
        if len(failing) > 1:
            print("Fix them in order: later exercises call your earlier functions.")
    else:
        print(f"All {total} exercises passed their public checks.")
    print(
        "Remember: the hidden grader runs many more checks than these, "
        "so also try your functions on examples of your own."
    )
    return not failing


def _import_file(path):
    """Import a Python file by its path and return the module."""
    path = os.path.abspath(path)
    name = os.path.splitext(os.path.basename(path))[0]
    folder = os.path.dirname(path)
    if folder not in sys.path:
        sys.path.insert(0, folder)  # so that the file can import its neighbours
    loader = importlib.machinery.SourceFileLoader(name, path)
    spec = importlib.util.spec_from_file_location(name, path, loader=loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


def _load_student_module(path=None):
    """Import the student's code; on failure print one line and return None."""
    here = os.path.dirname(os.path.abspath(__file__))
    shown = path or os.path.join(here, "logistic_regression.py")
    try:
        if path is not None:
            if not os.path.isfile(path):
                print(f"Could not import {path}: there is no such file")
                return None
            return _import_file(path)
        if sys.path[:1] != [here]:
            sys.path.insert(0, here)
        return importlib.import_module("logistic_regression")
    except ModuleNotFoundError as error:
        if path is None and error.name == "logistic_regression":
            print(
                f"Could not import logistic_regression: there is no logistic_regression.py in "
                f"{here} - put it there, or run: python public_tests.py path/to/your_file.py"
            )
        else:
            print(f"Could not import {shown} - {_describe_error(error, 'it', None)}")
    except (Exception, SystemExit) as error:
        print(f"Could not import {shown} - {_describe_error(error, 'it', None)}")
    return None


def main(argv=None):
    """Command line: python public_tests.py [path/to/logistic_regression.py]; 0 if all pass."""
    args = sys.argv[1:] if argv is None else list(argv)
    if args and args[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    if len(args) > 1:
        print("usage: python public_tests.py [path/to/logistic_regression.py]")
        return 2
    module = _load_student_module(args[0] if args else None)
    if module is None:
        return 1
    return 0 if run_all(vars(module)) else 1


if __name__ == "__main__":
    sys.exit(main())
