"""Grade a class: find the submissions, run the hidden suite on each, collect the results.

The suite is collected once per grading process. Each process then runs every test for one
submission after another (``pytest_runtestloop`` below), with a fresh sandboxed worker per
submission. ``--jobs N`` starts N such processes that take submissions from a shared queue;
results do not depend on N or on the order, because every test is derandomized and every
submission gets its own worker.
"""

from __future__ import annotations

import multiprocessing
import queue
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from _pytest.runner import runtestprotocol
from hypothesis.errors import Flaky

from .assignments import Assignment, UsageError
from .checks import GradingFailure
from .notebook import NotebookError, prepare, released_cells
from .plugin import SUITES_DIR, GradingContext, context_key, exercise_mark, new_context
from .sandbox.jail import DEFAULT_BUDGET, Budget, become_subreaper, die_with_parent
from .sandbox.session import SandboxBackend
from .submission import Submission, describe_exception

failure_key = pytest.StashKey[BaseException]()
GRADER_ERROR = "the grader failed on this submission"  # such rows are graded again next run


@dataclass(frozen=True)
class Student:
    """One submission to grade: the student's id and the file holding their code."""

    id: str
    path: Path


@dataclass
class TestResult:
    """One hidden test's outcome for one student."""

    name: str
    exercise: str
    prop: str
    points: float
    score: float
    message: str = ""


@dataclass
class StudentResult:
    """All outcomes for one student, plus what their code printed."""

    student: str
    tests: list[TestResult] = field(default_factory=list)
    seconds: float = 0.0
    output: str = ""
    error: str = ""
    notes: list[str] = field(default_factory=list)  # about the submission as a whole

    @property
    def score(self) -> float:
        return sum(test.score for test in self.tests)

    @property
    def max_score(self) -> float:
        return sum(test.points for test in self.tests)

    @classmethod
    def from_dict(cls, data: dict) -> StudentResult:
        """The inverse of ``dataclasses.asdict``."""
        tests = [TestResult(**test) for test in data["tests"]]
        return cls(**{**data, "tests": tests})

    def by_exercise(self, exercises: list[str]) -> dict[str, tuple[float, float]]:
        """{exercise: (score, max_score)} in lesson order."""
        totals = {name: [0.0, 0.0] for name in exercises}
        for test in self.tests:
            totals[test.exercise][0] += test.score
            totals[test.exercise][1] += test.points
        return {name: (score, top) for name, (score, top) in totals.items()}


SUFFIXES = (".py", ".ipynb")


def _code_in(folder: Path, assignment: Assignment) -> Path:
    """The submission inside a student's folder: ``<assignment>.py`` or ``.ipynb``, also one
    level down as nbgrader lays it out (``<student>/<assignment>/``), else the only one."""
    for where in (folder, folder / assignment.name):
        named = [where / f"{assignment.name}{suffix}" for suffix in SUFFIXES]
        found = [path for path in named if path.is_file()]
        if len(found) == 1:
            return found[0]
        if found:
            raise UsageError(f"{where}: both {assignment.name}.py and {assignment.name}.ipynb;"
                             " keep one")
    candidates = [path for path in sorted(folder.iterdir())
                  if path.is_file() and path.suffix in SUFFIXES]
    if len(candidates) != 1:
        raise UsageError(f"{folder}: expected {assignment.name}.py, {assignment.name}.ipynb or "
                         "exactly one .py or .ipynb file")
    return candidates[0]


def find_students(paths: list[Path], assignment: Assignment) -> list[Student]:
    """Expand the command line's paths into students, sorted by id.

    A ``.py`` or ``.ipynb`` file is one student (id = file stem). A folder holds one student
    per such file and one per sub-folder (id = folder name; see :func:`_code_in`), so an
    nbgrader ``submitted/`` folder can be graded as it is.
    """
    students: dict[str, Student] = {}

    def add(student_id: str, path: Path) -> None:
        if student_id in students:
            raise UsageError(f"duplicate student id {student_id!r}: {students[student_id].path}"
                             f" and {path}")
        students[student_id] = Student(student_id, path)

    for path in paths:
        if not path.exists():
            raise UsageError(f"no such file or folder: {path}")
        if path.is_file():
            if path.suffix not in SUFFIXES:
                raise UsageError(f"not a .py or .ipynb submission: {path}")
            add(path.stem, path)
            continue
        try:
            entries = sorted(path.iterdir())
            for entry in entries:
                if entry.is_file() and entry.suffix in SUFFIXES:
                    add(entry.stem, entry)
                elif entry.is_dir() and not entry.name.startswith((".", "__")):
                    add(entry.name, _code_in(entry, assignment))
        except OSError as error:
            raise UsageError(f"cannot read {error.filename or path}: {error.strerror}") from None
        if not any(s.path.is_relative_to(path) for s in students.values()):
            raise UsageError(f"no submissions found in {path}")
    return [students[key] for key in sorted(students)]


def failure_message(error: BaseException | None) -> str:
    """The student-facing reason a test failed; never the test's own values."""
    if isinstance(error, BaseExceptionGroup):
        grading = [e for e in error.exceptions if isinstance(e, GradingFailure)]
        error = grading[0] if grading else error.exceptions[0]
    if isinstance(error, GradingFailure):
        return str(error)
    if isinstance(error, Flaky):
        return ("your function gave different results for the same input; "
                "it must not depend on randomness or on earlier calls")
    name = type(error).__name__ if error is not None else "an error"
    return f"the property could not be checked on what your code returned ({name})"


class _SuitePlugin:
    """Runs the collected hidden suite against one submission at a time."""

    def __init__(self, context: GradingContext, only: str | None = None):
        self.context, self.only = context, only

    @pytest.hookimpl(tryfirst=True)
    def pytest_configure(self, config: pytest.Config) -> None:
        config.stash[context_key] = self.context

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call):
        yield
        if call.excinfo is not None and call.when == "call":
            item.stash[failure_key] = call.excinfo.value

    def run(self, student: str, open_backend, items: list[pytest.Item]) -> StudentResult:
        """Every test (of exercise ``only``, if set) against the backends ``open_backend()``
        returns; the result lists the tests in collection order."""
        backends: list = []

        def open_submission() -> Submission:
            backends.append(open_backend())
            return Submission(backends[-1], self.context.exercises)

        self.context.open_submission = open_submission
        if self.only is not None:
            items = [item for item in items if exercise_mark(item)[0] == self.only]
        result = StudentResult(student)
        for index, item in enumerate(items):
            if failure_key in item.stash:  # left over from the previous submission
                del item.stash[failure_key]
            nextitem = items[index + 1] if index + 1 < len(items) else None
            reports = runtestprotocol(item, nextitem=nextitem, log=False)
            passed = all(report.passed for report in reports)
            exercise, points = exercise_mark(item)
            doc = (getattr(item.obj, "__doc__", None) or item.name).strip().splitlines()[0]
            message = "" if passed else failure_message(item.stash.get(failure_key, None))
            result.tests.append(TestResult(item.name, exercise, doc, points,
                                           points if passed else 0.0, message))
        output = [getattr(backend, "output", None) for backend in backends]
        result.output = "".join(o["stdout"] + o["stderr"] for o in output if o)
        result.notes = [note for b in backends for note in getattr(b, "notes", None) or []]
        failed = [b.jail_error for b in backends if getattr(b, "jail_error", None)]
        if failed:
            result.error = f"{GRADER_ERROR}: the sandbox could not start ({failed[0]})"
        return result


class _ShardPlugin(_SuitePlugin):
    """Grades submissions taken from a queue in sandboxed workers, until it gets None."""

    def __init__(self, context: GradingContext, tasks, results, budget: Budget, slot: int):
        super().__init__(context)
        self.tasks, self.results, self.budget, self.slot = tasks, results, budget, slot
        self.trusted = released_cells(context.assignment)

    def pytest_runtestloop(self, session: pytest.Session) -> bool:
        while (student := self.tasks.get()) is not None:
            try:
                result = self._grade(student, session.items)
            except Exception as error:  # a grader bug costs this row only, never the batch
                result = StudentResult(student.id, error=f"{GRADER_ERROR}: "
                                                         f"{describe_exception(error)}")
            self.results.put(result)
        return True

    def _grade(self, student: Student, items: list[pytest.Item]) -> StudentResult:
        started = time.monotonic()
        context = self.context
        with tempfile.TemporaryDirectory(prefix="autograder-cells-") as folder:
            try:
                with open(student.path, "rb"):  # vanished or unreadable: not the student's fault
                    pass
                path, notes = prepare(student.path, self.trusted, Path(folder))
            except NotebookError as error:
                return StudentResult(student.id, error=str(error),
                                     seconds=round(time.monotonic() - started, 3))
            except OSError as error:
                return StudentResult(student.id, error=f"{GRADER_ERROR}: cannot read "
                                                       f"{student.path.name} ({error.strerror})")
            result = self.run(student.id, lambda: SandboxBackend(
                path, context.exercises, context.reference, self.budget, self.slot), items)
        result.notes = notes + result.notes
        result.seconds = round(time.monotonic() - started, 3)
        return result


class _CollectPlugin(_SuitePlugin):
    """Collects the suite and records its items; runs nothing unless given a backend."""

    def __init__(self, context: GradingContext, only: str | None = None, open_backend=None):
        super().__init__(context, only)
        self.open_backend, self.items, self.result = open_backend, [], None

    def pytest_runtestloop(self, session: pytest.Session) -> bool:
        self.items = session.items
        if self.open_backend is not None:
            self.result = self.run("", self.open_backend, session.items)
        return True


def _run_suite(assignment: Assignment, plugin: _SuitePlugin, *extra: str) -> int:
    """pytest.main on the assignment's hidden suite with ``plugin``, quietly; the exit code."""
    suite = SUITES_DIR / assignment.name
    return pytest.main(
        [str(suite), "-p", "autograder.plugin", "-p", "no:cacheprovider", "-p", "no:terminal",
         "--rootdir", str(suite), "-c", str(SUITES_DIR / "pytest.ini"), "--noconftest",
         "-W", "ignore::pytest.PytestAssertRewriteWarning", *extra],
        plugins=[plugin],
    )


def _shard(assignment: Assignment, tasks, results, budget: Budget, slot: int) -> None:
    """One grading process: collect the suite, then grade submissions until told to stop."""
    die_with_parent()
    become_subreaper()
    code = _run_suite(assignment, _ShardPlugin(new_context(assignment), tasks, results, budget,
                                               slot))
    if code not in (0, 1, 5):
        results.put(RuntimeError(f"the hidden suite could not be collected (pytest exit {code})"))


def exercise_points(assignment: Assignment) -> dict[str, float]:
    """{exercise: total points of its hidden tests}, in lesson order, by collecting the suite."""
    plugin = _CollectPlugin(new_context(assignment))
    code = _run_suite(assignment, plugin)
    if code not in (0, 5) or not plugin.items:
        raise UsageError(f"the hidden suite of {assignment.name} could not be collected "
                         f"(pytest exit {code})")
    totals = dict.fromkeys(plugin.context.exercises, 0.0)
    for item in plugin.items:
        exercise, points = exercise_mark(item)
        totals[exercise] += points
    return totals


def grade_in_process(assignment: Assignment, open_backend, only: str | None = None,
                     capture: str = "sys") -> StudentResult:
    """Run the hidden suite (or exercise ``only``) in *this* process against
    ``open_backend()``. For code that already runs here, as in an nbgrader kernel."""
    plugin = _CollectPlugin(new_context(assignment), only, open_backend)
    code = _run_suite(assignment, plugin, f"--capture={capture}")
    if plugin.result is None:
        raise RuntimeError(f"the hidden suite of {assignment.name} did not run "
                           f"(pytest exit {code})")
    return plugin.result


def grade(assignment: Assignment, students: list[Student], jobs: int = 1,
          budget: Budget = DEFAULT_BUDGET, on_result=None) -> list[StudentResult]:
    """Grade ``students`` with ``jobs`` processes; return results in the students' order.

    ``on_result(result)`` is called in this process as each submission finishes (progress).
    """
    if not (SUITES_DIR / assignment.name).is_dir():
        raise UsageError(f"assignment {assignment.name!r} has no hidden suite")
    spawn = multiprocessing.get_context("spawn")
    tasks, results = spawn.Queue(), spawn.Queue()
    for student in students:
        tasks.put(student)
    jobs = max(1, min(jobs, len(students)))
    for _ in range(jobs):
        tasks.put(None)
    shards = [spawn.Process(target=_shard, args=(assignment, tasks, results, budget, slot))
              for slot in range(jobs)]
    for shard in shards:
        shard.start()
    done: dict[str, StudentResult] = {}
    while len(done) < len(students):
        try:
            result = results.get(timeout=1.0)
        except queue.Empty:
            if not any(shard.is_alive() for shard in shards):
                break
            continue
        if isinstance(result, Exception):
            raise UsageError(str(result))
        done[result.student] = result
        if on_result is not None:
            on_result(result)
    for shard in shards:
        shard.join(timeout=10)
    for student in students:  # a shard that died takes nothing down with it
        done.setdefault(student.id, StudentResult(student.id, error=f"{GRADER_ERROR}: its "
                                                                    "grading process died"))
    return [done[student.id] for student in students]
