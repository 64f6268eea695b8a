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
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from _pytest.runner import runtestprotocol
from hypothesis.errors import Flaky

from .assignments import Assignment, UsageError
from .checks import GradingFailure
from .plugin import SUITES_DIR, GradingContext, context_key, exercise_mark, new_context
from .sandbox.jail import DEFAULT_BUDGET, Budget
from .sandbox.session import SandboxBackend
from .submission import Submission

failure_key = pytest.StashKey[BaseException]()


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

    @property
    def score(self) -> float:
        return sum(test.score for test in self.tests)

    @property
    def max_score(self) -> float:
        return sum(test.points for test in self.tests)

    def by_exercise(self, exercises: list[str]) -> dict[str, tuple[float, float]]:
        """{exercise: (score, max_score)} in lesson order."""
        totals = {name: [0.0, 0.0] for name in exercises}
        for test in self.tests:
            totals[test.exercise][0] += test.score
            totals[test.exercise][1] += test.points
        return {name: (score, top) for name, (score, top) in totals.items()}


def find_students(paths: list[Path], assignment: Assignment) -> list[Student]:
    """Expand the command line's paths into students, sorted by id.

    A ``.py`` file is one student (id = file stem). A folder holds one student per ``.py``
    file and one per sub-folder (id = folder name; the code is ``<assignment>.py`` inside, or
    the folder's only ``.py`` file).
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
            if path.suffix != ".py":
                raise UsageError(f"not a .py submission: {path}")
            add(path.stem, path)
            continue
        try:
            entries = sorted(path.iterdir())
        except OSError as error:
            raise UsageError(f"cannot read {path}: {error.strerror}") from None
        for entry in entries:
            if entry.is_file() and entry.suffix == ".py":
                add(entry.stem, entry)
            elif entry.is_dir() and not entry.name.startswith((".", "__")):
                code = entry / f"{assignment.name}.py"
                candidates = [code] if code.is_file() else sorted(entry.glob("*.py"))
                if len(candidates) != 1:
                    raise UsageError(f"{entry}: expected {assignment.name}.py or exactly one "
                                     ".py file")
                add(entry.name, candidates[0])
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


class _ShardPlugin:
    """Runs the collected suite once per submission taken from the queue."""

    def __init__(self, context: GradingContext, tasks, results, budget: Budget):
        self.context, self.tasks, self.results, self.budget = context, tasks, results, budget

    @pytest.hookimpl(tryfirst=True)
    def pytest_configure(self, config: pytest.Config) -> None:
        config.stash[context_key] = self.context

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call):
        yield
        if call.excinfo is not None and call.when == "call":
            item.stash[failure_key] = call.excinfo.value

    def pytest_runtestloop(self, session: pytest.Session) -> bool:
        items = session.items
        while (student := self.tasks.get()) is not None:
            self.results.put(self._grade(student, items))
        return True

    def _grade(self, student: Student, items: list[pytest.Item]) -> StudentResult:
        started = time.monotonic()
        context = self.context
        backends: list[SandboxBackend] = []

        def open_submission() -> Submission:
            backend = SandboxBackend(student.path, context.exercises, context.reference,
                                     self.budget)
            backends.append(backend)
            return Submission(backend, context.exercises)

        context.open_submission = open_submission
        result = StudentResult(student.id)
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
        result.seconds = round(time.monotonic() - started, 3)
        result.output = "".join(b.output["stdout"] + b.output["stderr"] for b in backends)
        return result


def _shard(assignment: Assignment, tasks, results, budget: Budget) -> None:
    """One grading process: collect the suite, then grade submissions until told to stop."""
    context = new_context(assignment)
    plugin = _ShardPlugin(context, tasks, results, budget)
    suite = SUITES_DIR / assignment.name
    code = pytest.main(
        [str(suite), "-p", "autograder.plugin", "-p", "no:cacheprovider", "-p", "no:terminal",
         "--rootdir", str(suite), "-c", str(SUITES_DIR / "pytest.ini"), "--noconftest",
         "-W", "ignore::pytest.PytestAssertRewriteWarning"],
        plugins=[plugin],
    )
    if code not in (0, 1, 5):
        results.put(RuntimeError(f"the hidden suite could not be collected (pytest exit {code})"))


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
    shards = [spawn.Process(target=_shard, args=(assignment, tasks, results, budget))
              for _ in range(jobs)]
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
        done.setdefault(student.id, StudentResult(student.id, error="the grader crashed "
                                                                    "on this submission"))
    return [done[student.id] for student in students]
