"""The pytest plugin that makes a folder of ordinary pytest + hypothesis tests a hidden suite.

A hidden test is a plain test function with an ``exercise`` mark::

    @pytest.mark.exercise("halve", points=2)
    @given(x=finite_arrays())
    @example(x=np.array([2.0, -4.0]))
    @pytest.mark.public
    def test_halving_twice_is_a_quarter(submission, reference, x):
        '''halve(halve(x)) equals x / 4'''
        expect_close(submission.halve(submission.halve(x)), x / 4, "halve(halve(x))")

A test that does not compare values (types and shapes, invariances, arguments left alone)
says so with ``kind="structure"`` or ``kind="property"``: it counts only once a value test of
its exercise passes, so that code which does nothing earns nothing.

``@pytest.mark.public`` also gives the test, on its ``@example`` inputs, to students as a
public check (see :mod:`autograder.public_checks`). The plugin provides the ``submission``
fixture (the student's functions, behind the sandbox), the ``reference`` fixture (the
reference solution, trusted, in this process), and loads the grading hypothesis profile:
derandomized, no example database, no deadline.

Run a suite by hand::

    uv run pytest -p autograder.plugin solutions/NAME/tests --submission x.py

Without ``--submission`` the suite grades the reference itself, which must score full marks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

from .course import Assignment, assignment_of, find_course
from .submission import InProcessBackend, Submission

PROFILE = "autograder"

settings.register_profile(
    PROFILE,
    derandomize=True,  # every student meets the same examples, on every machine
    database=None,  # nothing replays from earlier runs, nothing is written
    deadline=None,  # time limits belong to the sandbox, not to hypothesis
    max_examples=25,
    print_blob=False,
    report_multiple_bugs=False,  # one failure per property is all the feedback needs
    # feedback never shows counterexamples, so shrinking them would only burn the time budget
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


SEEDED = f"{PROFILE}-seeded"
settings.register_profile(SEEDED, parent=settings.get_profile(PROFILE), derandomize=False)


def _without_local_constants() -> None:
    """Keep hypothesis from drawing the literals of "local" modules (6.131 and later: modules
    outside site-packages and the standard library that happen to be loaded, such as this
    engine when it runs from a checkout). Hidden examples must depend on the suite, not on
    how the grader is installed or what the process imported before."""
    from hypothesis.internal.conjecture import providers
    from hypothesis.internal.constants_ast import Constants

    if getattr(providers, "_get_local_constants", None) is not None:
        none = Constants()
        providers._get_local_constants = lambda: none
        providers.CONSTANTS_CACHE.cache.clear()


@dataclass
class GradingContext:
    """What the fixtures need for one session: the assignment and how to open a submission."""

    assignment: Assignment
    exercises: list[str]
    reference: object
    open_submission: Callable[[], Submission]
    submission: Submission | None = None  # set by a batch runner, which also closes it


context_key = pytest.StashKey[GradingContext]()


def import_trusted(path: Path, name: str):
    """Import a trusted file (a reference, or the project's own corpus) by path, in process."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_reference(assignment: Assignment):
    """The reference solution of ``assignment`` (it has no side effects at import)."""
    return import_trusted(assignment.source, f"_reference_{assignment.name}")


#: what a test checks. Only ``value`` tests compare what the submission computes with what it
#: should; ``structure`` (types, shapes, keys) and ``property`` (invariances, metamorphic
#: relations, arguments left alone) tests hold for code that does nothing useful as well, so
#: they count only once a value test of the same exercise passes.
KINDS = ("value", "structure", "property")


def exercise_mark(item: pytest.Item) -> tuple[str, float]:
    """The (exercise, points) an item grades; a usage error when the mark is missing or bad."""
    marks = list(item.iter_markers("exercise"))
    if len(marks) != 1:
        raise pytest.UsageError(f"{item.nodeid}: needs exactly one @pytest.mark.exercise")
    mark = marks[0]
    if len(mark.args) != 1 or "points" not in mark.kwargs or \
            not set(mark.kwargs) <= {"points", "kind"}:
        raise pytest.UsageError(
            f"{item.nodeid}: use @pytest.mark.exercise(name, points=N[, kind=...])")
    points = mark.kwargs["points"]
    if not isinstance(points, int | float) or points <= 0:
        raise pytest.UsageError(f"{item.nodeid}: points must be a positive number")
    if mark.kwargs.get("kind", "value") not in KINDS:
        raise pytest.UsageError(f"{item.nodeid}: kind must be one of {', '.join(KINDS)}")
    return mark.args[0], float(points)


def property_of(item: pytest.Item) -> str:
    """The property a test checks, as students read it: its docstring's first paragraph."""
    doc = getattr(item.obj, "__doc__", None) or item.name
    return " ".join(doc.strip().split("\n\n")[0].split())


def kind_of(item: pytest.Item) -> str:
    """What ``item`` checks, one of :data:`KINDS` (``value`` unless its mark says otherwise)."""
    return item.get_closest_marker("exercise").kwargs.get("kind", "value")


def _assignment_from_args(config: pytest.Config) -> Assignment:
    name = config.getoption("assignment")
    if name:
        return find_course(config.getoption("course")).assignment(name)
    for arg in config.args:
        found = assignment_of(Path(arg.split("::")[0]))
        if found is not None:
            return found
    raise pytest.UsageError("cannot tell the assignment: pass --assignment NAME")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("autograder")
    group.addoption("--assignment", help="assignment name (default: from the suite's folder)")
    group.addoption("--course", help="the course folder (default: found as the CLI finds it)")
    group.addoption("--submission", help="grade this .py file in a sandboxed worker")
    group.addoption(
        "--unsafe-in-process",
        action="store_true",
        help="run --submission inside this process: only for trusted code such as the corpus",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "exercise(name, points, kind='value'): the exercise a hidden test grades, "
        "its points, and what it checks: value, structure or property"
    )
    config.addinivalue_line(
        "markers", "public: students also get this test, on its explicit examples, as a public "
        "check"
    )
    # --hypothesis-seed N (the audit's second looks): other draws than the grading ones
    seeded = config.getoption("hypothesis_seed", None) is not None
    settings.load_profile(SEEDED if seeded else PROFILE)
    _without_local_constants()
    if context_key in config.stash:  # the batch runner brings its own context
        return
    context = new_context(_assignment_from_args(config))
    path = config.getoption("submission")
    if path is not None:
        context.open_submission = _opener(config, Path(path), context)
    config.stash[context_key] = context


def new_context(assignment: Assignment) -> GradingContext:
    """The assignment's exercises and reference; until told otherwise it grades the reference."""
    exercises = assignment.exercises()
    reference = load_reference(assignment)
    return GradingContext(
        assignment, exercises, reference,
        lambda: Submission(InProcessBackend(reference, reference, exercises), exercises),
    )


def _opener(config: pytest.Config, path: Path, context: GradingContext):
    exercises, reference = context.exercises, context.reference
    if config.getoption("unsafe_in_process"):
        trusted = import_trusted(path, "_trusted_submission")
        return lambda: Submission(InProcessBackend(trusted, reference, exercises), exercises)
    from .sandbox.session import SandboxBackend

    return lambda: Submission(SandboxBackend(path, exercises, reference), exercises)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    context = config.stash[context_key]
    for item in items:
        exercise, _ = exercise_mark(item)
        if exercise not in context.exercises:
            known = ", ".join(context.exercises)
            raise pytest.UsageError(f"{item.nodeid}: unknown exercise {exercise!r} ({known})")


@pytest.fixture(scope="session")
def reference(pytestconfig: pytest.Config):
    """The reference solution module (trusted; runs in the driver)."""
    return pytestconfig.stash[context_key].reference


@pytest.fixture(scope="session")
def submission(pytestconfig: pytest.Config):
    """The submission under test; its worker lives as long as the session (one submission)."""
    context = pytestconfig.stash[context_key]
    if context.submission is not None:
        yield context.submission
        return
    opened = context.open_submission()
    yield opened
    opened.close()
