"""The submission as hidden tests see it: call a student's function, get plain data back.

``submission.scale(x)`` sends the call to a backend and returns the decoded result: plain
ndarrays, floats, dicts, lists and tuples, never an object the student built. While one
exercise runs, the submission's own calls to the other exercises that its reference calls are
answered by the reference (dependency isolation, see :func:`answered`), so a bug in
``forward`` cannot cost points in ``backward``.

Two backends exist:

- :class:`autograder.sandbox.session.SandboxBackend` runs the submission in an untrusted worker
  process. It is the only backend for student code.
- :class:`InProcessBackend` runs functions in this process: the reference or the project's own
  corpus (to self-test suites and measure the in-process speed bound), or a student's code in
  an nbgrader kernel, where it already runs beside the tests.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from types import ModuleType
from typing import Protocol

from .checks import GradingFailure
from .sandbox import codec


class StudentError(GradingFailure):
    """The student's code raised, hung, crashed or lacks the function; the message says which."""


class MissingFunction(StudentError):
    """The submission does not define an exercise a test calls (the runner adds where the
    release defines it)."""

    def __init__(self, name: str):
        super().__init__(f"{name}() is missing from your submission")
        self.name = name


@dataclass
class Call:
    """One completed call: the returned value and the arguments as the function left them."""

    value: object
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)


class Backend(Protocol):
    """Executes calls of the submission's functions."""

    def call(self, name: str, args: tuple, kwargs: dict) -> Call:
        """Run ``name(*args, **kwargs)``; raise StudentError when the student's code fails."""

    def close(self) -> None:
        """Release the worker or any other resource."""


class Submission:
    """The student's functions, reached through a backend.

    Example::

        y = submission.scale(np.array([0.0, 2.0]))       # -> plain ndarray
        call = submission.call("descend", w, X, Y)      # -> Call(value, args, kwargs)
        call.args[0]                                    # w as descend left it
    """

    def __init__(self, backend: Backend, exercises: list[str]):
        self._backend = backend
        self.exercises = list(exercises)

    def call(self, name: str, *args, **kwargs) -> Call:
        """Call an exercise and return the value together with the post-call arguments."""
        if name not in self.exercises:
            raise ValueError(f"{name!r} is not an exercise of this assignment")
        return self._backend.call(name, args, kwargs)

    def __getattr__(self, name: str):
        if name.startswith("_") or name not in self.exercises:
            raise AttributeError(name)

        def exercise(*args, **kwargs):
            return self.call(name, *args, **kwargs).value

        exercise.__name__ = name
        return exercise

    def close(self) -> None:
        self._backend.close()


def answered(name: str, exercises: list[str], allowed: dict[str, frozenset[str]] | None,
             trusted: frozenset[str] = frozenset()) -> list[str]:
    """The other exercises whose calls the grader answers with the reference while ``name``
    runs: those its reference calls (``allowed[name]``; every other one when ``allowed`` is
    None), but for the ``trusted`` ones, which run the student's own code. Any other function
    the student's code calls is the student's own.

    Example: answered("descend", ["step", "descend", "fit"], {"descend": {"step"}}) == ["step"]
    """
    callable_ = exercises if allowed is None else allowed.get(name, frozenset())
    return [other for other in exercises
            if other != name and other in callable_ and other not in trusted]


def plain(value):
    """Round-trip a value through the wire codec: what a sandboxed call would have returned."""
    return codec.decode(codec.encode(value))


def describe_exception(error: BaseException) -> str:
    """One line naming a student's exception: type and the first line of its message, capped."""
    text = str(error).strip().splitlines()
    message = text[0][:300] if text else ""
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


class InProcessBackend:
    """Run functions of this process, isolated from each other like the sandbox does.

    ``module`` is a module or a namespace dict (an nbgrader kernel's ``globals()``). Never use
    it for code you would not run in this process anyway: it has the grader's privileges.
    """

    def __init__(self, module: ModuleType | dict, reference: ModuleType, exercises: list[str]):
        self.namespace = module if isinstance(module, dict) else vars(module)
        self.reference = reference
        self.exercises = exercises
        self.trusted: frozenset[str] = frozenset()  # exercises that run the student's own code
        self.allowed: dict[str, frozenset[str]] | None = None  # see :func:`answered`

    def call(self, name: str, args: tuple, kwargs: dict) -> Call:
        namespace = self.namespace
        function = namespace.get(name)
        if not callable(function):
            raise MissingFunction(name)
        args, kwargs = copy.deepcopy((args, kwargs))
        others = answered(name, self.exercises, self.allowed, self.trusted)
        saved = {other: namespace[other] for other in others if other in namespace}
        namespace.update({other: getattr(self.reference, other) for other in others})
        try:
            value = function(*args, **kwargs)
        except (Exception, SystemExit) as error:
            raise StudentError(f"{name}() raised {describe_exception(error)}") from None
        finally:
            for other in others:
                namespace.pop(other, None)
            namespace.update(saved)
        return Call(plain(value), plain(args), plain(kwargs))

    def close(self) -> None:
        pass
