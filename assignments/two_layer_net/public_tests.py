"""Public checks: the public tests of this assignment, run on your own functions, offline.

dl-autograder writes this file into every assignment it releases, as ``public_tests.py``. The
tests themselves are in the ``public_checks/`` folder next to it: they are the hidden suite's
tests that your instructor made public, with the values the reference solution gave for them,
so they need numpy and the Python standard library only. Their messages are the grader's own.
Passing them is necessary but not enough: the grader runs many more tests, on other inputs.

How to run them
---------------
In a terminal, in the folder that holds this file and your module::

    python public_tests.py                   # checks ./<assignment>.py
    python public_tests.py path/to/mine.py   # checks another file
    python public_tests.py --exercise NAME   # only the checks of exercise NAME

In a notebook, after writing a function (the check cells do this for you)::

    from public_tests import check
    check("scale", globals())

or every exercise at once: ``run_all(globals())``. Each test prints one line, ``PASS`` or
``FAIL`` and why. Your functions are always called with fresh copies of the inputs, and
numpy's global random state is restored after each test.
"""

import copy
import hashlib
import importlib
import importlib.util
import inspect
import json
import os
import sys
import traceback

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = "public_checks"  # the folder holding the generated tests and their data
DATA = "examples.json"
NOT_IMPLEMENTED = "not implemented yet - replace `raise NotImplementedError()` with your code"

# the generated tests import assume() from here, whether this file runs as a script or not
sys.modules.setdefault("public_tests", sys.modules[__name__])


# ------------------------------------------------------------------------------ values as JSON


def to_json(value, functions=False):
    """A JSON-ready tree for plain data: None, bool, int, float, str, list, tuple, dict (str
    keys), numpy arrays and scalars of bool, int, uint and float dtypes. TypeError otherwise,
    but with ``functions`` a function becomes its name (a call's key may name one).

    Example: to_json((1.5, np.zeros(2))) == {"$tuple": [1.5, {"$array": ["<f8", [2], [0.0, 0.0]]}]}
    """
    kind = type(value)
    if value is None or kind in (bool, int, str):
        return value
    if kind is float:
        return value if np.isfinite(value) else {"$float": repr(value)}
    if kind is list:
        return [to_json(item, functions) for item in value]
    if kind is tuple:
        return {"$tuple": [to_json(item, functions) for item in value]}
    if kind is dict:
        if not all(type(key) is str for key in value):
            raise TypeError("a dict with keys that are not str")
        return {"$dict": {key: to_json(item, functions) for key, item in value.items()}}
    if kind is np.ndarray or isinstance(value, np.generic):
        array = np.asarray(value)
        if array.dtype.kind not in "biuf":
            raise TypeError(f"an array of dtype {array.dtype}")
        flat = [item if np.isfinite(item) else {"$float": repr(item)}
                for item in array.ravel().tolist()] if array.dtype.kind == "f" \
            else array.ravel().tolist()
        tag = "$array" if kind is np.ndarray else "$scalar"
        return {tag: [array.dtype.str, list(array.shape), flat]}
    if functions and callable(value):
        return {"$function": getattr(value, "__qualname__", kind.__name__)}
    raise TypeError(f"a value of type {kind.__name__}")


def from_json(node):
    """The inverse of :func:`to_json`."""
    if isinstance(node, list):
        return [from_json(item) for item in node]
    if not isinstance(node, dict):
        return node
    (tag, body), = node.items()
    if tag == "$float":
        return float(body)
    if tag == "$tuple":
        return tuple(from_json(item) for item in body)
    if tag == "$dict":
        return {key: from_json(item) for key, item in body.items()}
    dtype, shape, flat = body
    array = np.array([from_json(item) for item in flat], dtype=dtype).reshape(shape)
    return array if tag == "$array" else array[()]


def call_key(name, args, kwargs):
    """The key under which the reference's answer to ``name(*args, **kwargs)`` is stored.

    Floats enter the key to 10 significant digits: an argument the reference computed (a
    weight another exercise returned) differs in its last bits between machines, as numpy
    picks its vector kernels by CPU, and the key must not.
    """
    text = json.dumps(_rounded(to_json([name, list(args), dict(kwargs)], functions=True)),
                      sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _rounded(node):
    """A :func:`to_json` tree with every float written to 10 significant digits."""
    if type(node) is float:
        return f"{node:.10g}"
    if isinstance(node, list):
        return [_rounded(item) for item in node]
    if isinstance(node, dict):
        return {key: _rounded(item) for key, item in node.items()}
    return node


# ------------------------------------------------------------------- what the tests are given


class Unavailable(Exception):
    """The test asked the reference for a value the release did not record."""


class _Skip(Exception):
    """assume() was false: this example does not apply."""


def assume(condition):
    """Skip the current example unless ``condition`` holds (as hypothesis' assume does)."""
    if not condition:
        raise _Skip()
    return True


class Reference:
    """The reference solution as the tests see it: the answers recorded at release time."""

    def __init__(self, answers):
        self._answers = answers

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)

        def recorded(*args, **kwargs):
            try:
                key = call_key(name, args, kwargs)
            except TypeError:
                key = None
            if key not in self._answers:
                raise Unavailable(f"reference.{name}() was not recorded for these arguments")
            return from_json(self._answers[key])

        recorded.__name__ = name
        return recorded


class Call:
    """One completed call: the returned value and the arguments as the function left them."""

    def __init__(self, value, args, kwargs):
        self.value, self.args, self.kwargs = value, args, kwargs


class StudentRaised(Exception):
    """The student's function raised; ``error`` is what it raised."""

    def __init__(self, name, error):
        super().__init__(name)
        self.name, self.error = name, error


def _plain(value):
    """What the grader would see of a value: array subclasses become plain arrays, and
    containers plain lists, tuples and dicts."""
    if isinstance(value, np.ndarray):
        return np.asarray(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


class Submission:
    """Your functions as the tests see them: ``submission.scale(x)`` calls your ``scale`` on
    a copy of ``x``; ``submission.call("descend", ...)`` also returns the arguments as your
    function left them."""

    def __init__(self, namespace):
        self._namespace = namespace

    def call(self, name, *args, **kwargs):
        function = self._namespace.get(name)
        if not callable(function):
            raise StudentRaised(name, LookupError(
                f"your submission does not define the function {name}()"))
        args, kwargs = copy.deepcopy((args, kwargs))
        try:
            value = function(*args, **kwargs)
        except Exception as error:
            raise StudentRaised(name, error) from None
        return Call(_plain(value), _plain(args), _plain(kwargs))

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)

        def exercise(*args, **kwargs):
            return self.call(name, *args, **kwargs).value

        exercise.__name__ = name
        return exercise


# --------------------------------------------------------------------------------- messages


def _one_line(text, limit=300):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _location(error, files):
    """' (line 12, in forward)': the innermost line in one of ``files`` (the student's)."""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__)
              if frame.filename in files]
    return f" (line {frames[-1].lineno}, in {frames[-1].name})" if frames else ""


def _student_files(namespace):
    """The files (or notebook cells) the student's functions were defined in."""
    return {value.__code__.co_filename for value in namespace.values()
            if inspect.isfunction(value)}


def _describe_raised(raised, namespace):
    """What the student's function raised, in the grader's words, with a hint for the usual
    causes; None when it is not implemented yet (said once per exercise)."""
    error = raised.error
    if isinstance(error, LookupError) and str(error).startswith("your submission"):
        return str(error)
    if isinstance(error, NotImplementedError):
        frames = traceback.extract_tb(error.__traceback__)
        inner = frames[-1].name if frames else raised.name
        if inner in (raised.name, "<module>"):
            return None
        return f"it calls {inner}, which is not implemented yet - finish {inner} first"
    message = type(error).__name__
    if str(error):
        message += f": {_one_line(error)}"
    message = f"{raised.name}() raised {message}{_location(error, _student_files(namespace))}"
    if isinstance(error, NameError):
        message += " - use the function's arguments, not variables defined outside it"
    elif isinstance(error, TypeError) and "converted to Python scalars" in str(error):
        message += " - use np.exp and np.log, not math.exp and math.log, so arrays work"
    return message


def _failure(error):
    """The grader's message for a failed test (see the grader's failure_message)."""
    import checks

    if isinstance(error, Unavailable) and isinstance(error.__context__, checks.GradingFailure):
        error = error.__context__  # the test failed, then looked for a hint we do not have
    if isinstance(error, checks.GradingFailure):
        return str(error)
    if isinstance(error, Unavailable):
        return ("this test needs values that only the grader has for what your code returned;"
                " compare your results with the lesson's examples")
    return f"the property could not be checked on what your code returned " \
           f"({type(error).__name__})"


# ------------------------------------------------------------------------------ running tests


class _Checks:
    """The generated public tests and the reference's recorded answers."""

    def __init__(self):
        if HERE not in sys.path:
            sys.path.insert(0, HERE)  # checks.py, public_checks/ and the student's neighbours
        with open(os.path.join(HERE, PACKAGE, DATA), encoding="utf-8") as handle:
            data = json.load(handle)
        self.assignment, self.exercises = data["assignment"], data["exercises"]
        self.tests, self.reference = data["tests"], Reference(data["reference"])

    def run(self, name, namespace):
        """Run the public tests of exercise ``name``; print a line each; True if all passed."""
        tests = [test for test in self.tests if test["exercise"] == name]
        passed, previous = 0, None
        for test in tests:
            why = self._run_test(test, Submission(namespace), namespace)
            if why is None:
                passed += 1
                print(f"PASS  {name}: {test['doc']}")
                continue
            if why == NOT_IMPLEMENTED:
                print(f"FAIL  {name}: {why}")
                break
            shown = "same problem as above" if why == previous else why
            print(f"FAIL  {name}: {test['doc']} -> {shown}")
            previous = why
        print(f"{name}: {passed}/{len(tests)} public checks passed")
        return passed == len(tests)

    def _run_test(self, test, submission, namespace):
        """None when every example passes, else the reason the first failing one gives."""
        module = importlib.import_module(f"{PACKAGE}.{test['module']}")
        function = getattr(module, test["function"])
        wanted = inspect.signature(function).parameters
        fixtures = {"submission": submission, "reference": self.reference}
        fixtures = {key: value for key, value in fixtures.items() if key in wanted}
        state = np.random.get_state()
        try:
            for example in test["examples"]:
                try:
                    function(**fixtures, **from_json(example))
                except _Skip:
                    continue
                except StudentRaised as raised:
                    return _describe_raised(raised, namespace) or NOT_IMPLEMENTED
                except Exception as error:
                    return _failure(error)
        finally:
            np.random.set_state(state)
        return None


def check(name, namespace):
    """Run the public tests of exercise ``name`` on the functions in ``namespace`` (a notebook's
    ``globals()``); print one line per test; return True when all passed."""
    return _Checks().run(name, namespace)


def nbgrader_check(name, namespace):
    """:func:`check` for an nbgrader test cell: raises AssertionError when a test fails, so
    that ``nbgrader validate`` marks the cell as failing."""
    if not callable(namespace.get(name)):
        raise AssertionError(f"no function named `{name}` found - define it, spelled like this")
    if not check(name, namespace):
        raise AssertionError(f"{name}: some public checks failed (see above)")


def run_all(namespace):
    """Run the public tests of every exercise on the functions in ``namespace``; True when
    every exercise passed all of them."""
    checks = _Checks()
    failing = []
    for name in checks.exercises:
        if not callable(namespace.get(name)):
            print(f"SKIP  {name}: no function named `{name}` found - define it, spelled like this")
            failing.append(f"{name} (not found)")
        elif not checks.run(name, namespace):
            failing.append(name)
        print()
    total = len(checks.exercises)
    if failing:
        print(f"{len(failing)} of {total} exercises have failing public checks: "
              f"{', '.join(failing)}.")
        if len(failing) > 1:
            print("Fix them in order: later exercises may call your earlier functions.")
    else:
        print(f"All {total} exercises passed their public checks.")
    print("Remember: the grader runs many more checks than these, "
          "so also try your functions on examples of your own.")
    return not failing


def _load_student_module(path, assignment):
    """Import the student's code; on failure print one line and return None."""
    shown = path or os.path.join(HERE, f"{assignment}.py")
    if not os.path.isfile(shown):
        print(f"Could not import {shown}: there is no such file" + (
            "" if path else f" - put your {assignment}.py here, or run: "
                            "python public_tests.py path/to/your_file.py"))
        return None
    folder = os.path.dirname(os.path.abspath(shown))
    if folder not in sys.path:
        sys.path.insert(0, folder)  # so that the file can import its neighbours
    spec = importlib.util.spec_from_file_location(f"_student_{assignment}", shown)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except (Exception, SystemExit) as error:
        where = _location(error, {shown, os.path.abspath(shown)})
        print(f"Could not import {shown} - it raised {type(error).__name__}: "
              f"{_one_line(error)}{where}")
        return None
    return module


def main(argv=None):
    """Command line: ``python public_tests.py [--exercise NAME] [path/to/module.py]``; 0 when
    all the public tests (of exercise NAME only, with ``--exercise``) pass."""
    args = sys.argv[1:] if argv is None else list(argv)
    if args and args[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    exercise = None
    if args[:1] == ["--exercise"] and len(args) > 1:
        exercise, args = args[1], args[2:]
    if len(args) > 1 or args[:1] == ["--exercise"]:
        print("usage: python public_tests.py [--exercise NAME] [path/to/your_module.py]")
        return 2
    checks = _Checks()
    if exercise is not None and exercise not in checks.exercises:
        print(f"no exercise named {exercise!r}: the exercises are {', '.join(checks.exercises)}")
        return 2
    module = _load_student_module(args[0] if args else None, checks.assignment)
    if module is None:
        return 1
    if exercise is None:
        return 0 if run_all(vars(module)) else 1
    if not callable(getattr(module, exercise, None)):
        print(f"SKIP  {exercise}: no function named `{exercise}` found - define it, spelled "
              "like this")
        return 1
    return 0 if checks.run(exercise, vars(module)) else 1


if __name__ == "__main__":
    sys.exit(main())
