"""Grade a class: find the submissions, run the hidden suite on each, collect the results.

The suite is collected once per grading process. Each process then runs every test for one
submission after another (``pytest_runtestloop`` below), with a fresh sandboxed worker per
submission. ``--jobs N`` starts N such processes that take submissions from a shared queue;
results do not depend on N or on the order, because every test is derandomized and every
submission gets its own worker.
"""

from __future__ import annotations

import functools
import itertools
import multiprocessing
import queue
import resource
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from _pytest.runner import runtestprotocol
from hypothesis.errors import Flaky

from .checks import GradingFailure
from .course import Assignment, UsageError
from .escaping import folder_name, visible
from .notebook import NotebookError, prepare, released_cells
from .plugin import (
    GradingContext,
    context_key,
    exercise_mark,
    kind_of,
    new_context,
    property_of,
)
from .release import defined_in, student_files
from .replay import (
    MemoReference,
    Prefetching,
    Recorder,
    Recording,
    cheap_dependencies,
    dependencies,
    from_payload,
    plain_copy,
    replay,
    replayable,
    survives_codec,
    to_payload,
)
from .sandbox import codec
from .sandbox.jail import Budget, Zygote, become_subreaper, die_with_parent
from .sandbox.session import SandboxBackend, encode_batch
from .submission import (
    InProcessBackend,
    MissingFunction,
    StudentError,
    Submission,
    describe_exception,
)

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
    kind: str = "value"  # see autograder.plugin.KINDS


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


def unreadable(student: Student, error: OSError) -> StudentResult:
    """The row of a submission that vanished or cannot be read: the grader's failure, not the
    student's (the next run grades it again)."""
    return StudentResult(student.id, error=f"{GRADER_ERROR}: cannot read {student.path.name} "
                                           f"({error.strerror})")


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
    nbgrader ``submitted/`` folder can be graded as it is. An id is any name; its results go
    to :func:`autograder.escaping.folder_name` of it, inside ``--out`` whatever the name.
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
    folders: dict[str, str] = {}
    for student in students:
        other = folders.setdefault(folder_name(student), student)
        if other != student:
            raise UsageError(f"students {visible(other)!r} and {visible(student)!r} would share "
                             f"the results folder {folder_name(student)!r}: rename one")
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


#: how a passed structure or property test that did not count begins its message
GATED = "this check passed, but it counts only once"


def without_effortless_points(results: list[TestResult]) -> list[TestResult]:
    """One exercise's results, with its structure and property tests scoring 0 unless one of
    its value tests passed: constant, identity or do-nothing code satisfies those tests, and
    must not earn points. An exercise without value tests is scored as it is."""
    values = [test for test in results if test.kind == "value"]
    if not values or any(test.score == test.points for test in values):
        return results
    gated = []
    for test in results:
        if test.kind != "value" and test.score:
            test = replace(
                test, score=0.0,
                message=f"{GATED} {test.exercise}() "
                        "computes some of the values right (a value test passes)")
        gated.append(test)
    return gated


def _where(failure) -> str:
    line = f"line {failure.line}"
    return f"{failure.cell}, {line}" if failure.cell else line


def statement_notes(failures: list, lost: set[str]) -> list[str]:
    """Feedback lines for the statements of a submission that raised when it was run
    (:class:`autograder.sandbox.session.Failure`), each named once: one line for each that
    may have cost points (it would have defined something an exercise that lost points
    uses), and one folded line for all that cost nothing."""
    notes, harmless = [], []
    for failure in failures:
        costly = [name for name in failure.users if name in lost]
        if not costly:
            harmless.append(failure)
            continue
        defines = ", ".join(f"`{name}`" for name in failure.defines)
        notes.append(f"{_where(failure)} raised {failure.error}; it would have defined "
                     f"{defines}, which {', '.join(f'{name}()' for name in costly)} "
                     f"{'uses' if len(costly) == 1 else 'use'}: that may be why "
                     f"{'it' if len(costly) == 1 else 'they'} lost points.")
    if harmless:
        shown = "; ".join(f"{_where(f)}: {f.error}" for f in harmless[:3])
        more = f"; and {len(harmless) - 3} more" if len(harmless) > 3 else ""
        notes.append(f"{len(harmless)} statement(s) raised but cost nothing (no graded "
                     f"function needs what they define): {shown}{more}.")
    return notes


class _SuitePlugin:
    """Runs the collected hidden suite against one submission at a time.

    Tests with a recording (see :mod:`autograder.replay`) replay it; the others run through
    pytest and hypothesis.
    """

    def __init__(self, context: GradingContext, only: str | None = None,
                 recording: Recording | None = None):
        self.context, self.only = context, only
        self._use(recording or Recording())
        self.batches: dict[tuple, tuple] = {}  # (exercise, trusted) -> slots, calls, keys, batch
        self.passing: dict[tuple, set] = {}  # results on which an example passed (replay)

    def _use(self, recording: Recording) -> None:
        """Replay the tests ``recording`` holds; trust its cheap dependencies."""
        self.replays = {nodeid: from_payload(payload)
                        for nodeid, payload in recording.tests.items()}
        self.cheap = recording.cheap
        self.deps = recording.deps

    @pytest.hookimpl(tryfirst=True)
    def pytest_configure(self, config: pytest.Config) -> None:
        config.stash[context_key] = self.context

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call):
        yield
        if call.excinfo is not None and call.when == "call":
            item.stash[failure_key] = call.excinfo.value

    def outcome(self, item: pytest.Item, submission: Submission,
                prefetched: Prefetching | None = None) -> tuple[bool, BaseException | None]:
        """(passed, the error that failed it) for one test against ``submission``."""
        examples = self.replays.get(item.nodeid)
        if examples is not None:
            error = replay(examples, item, {"submission": submission,
                                            "reference": self.context.reference}, prefetched,
                           self.passing)
            return error is None, error
        if failure_key in item.stash:  # left over from the previous submission
            del item.stash[failure_key]
        # nextitem=None: each test sets up and tears down its own fixtures, so that replayed
        # and live tests can alternate (the runner owns the submission across all of them)
        reports = runtestprotocol(item, nextitem=None, log=False)
        return all(report.passed for report in reports), item.stash.get(failure_key, None)

    def _prefetch(self, prefetching: Prefetching, exercise: str, tests: list[pytest.Item],
                  trusted: frozenset[str]) -> None:
        """Run the recorded calls of ``tests`` (one exercise's) in one batch, if the backend
        can; each batch is encoded once per grading process."""
        backend = prefetching.backend
        if not hasattr(backend, "prefetch"):
            return
        if (exercise, trusted) not in self.batches:
            slots, calls = [], []
            for item in tests:
                for index, example in enumerate(self.replays.get(item.nodeid, ())):
                    slots += [(item.nodeid, index)] * len(example.calls)
                    calls += [(item.nodeid, *call) for call in example.calls]
            keys = [codec.fingerprint(call[1:]) for call in calls]
            self.batches[exercise, trusted] = slots, calls, keys, encode_batch(
                calls, self.context.exercises, backend.budget.call_cpu, trusted, self.deps)
        slots, calls, keys, encoded = self.batches[exercise, trusted]
        if calls:
            prefetching.load(slots, keys, backend.prefetch(calls, encoded))

    def _exercise(self, prefetching: Prefetching, submission: Submission, exercise: str,
                  tests: list[pytest.Item], trusted: frozenset[str]) -> list[TestResult]:
        """One exercise's tests, with the exercises in ``trusted`` running the student's own
        code when the tests call them (the others are answered by the reference)."""
        prefetching.backend.trusted = trusted
        self._prefetch(prefetching, exercise, tests, trusted)
        results = []
        for item in tests:
            prefetching.current = None
            passed, error = self.outcome(item, submission, prefetching)
            points = exercise_mark(item)[1]
            message = "" if passed else failure_message(error)
            if isinstance(error, MissingFunction):
                message += f": the current release defines it in {self.defined_in[exercise]}"
            results.append(TestResult(item.name, exercise, property_of(item), points,
                                      points if passed else 0.0, message, kind_of(item)))
        return without_effortless_points(results)

    @functools.cached_property
    def defined_in(self) -> dict[str, str]:
        return defined_in(self.context.assignment)

    def _trusted(self, exercise: str, passed: set[str]) -> frozenset[str]:
        """The exercises that may run the student's own code while ``exercise`` is graded:
        its cheap dependencies that passed, and theirs in turn."""
        trusted: set[str] = set()
        todo = [exercise]
        while todo:
            for called in self.cheap.get(todo.pop(), ()):
                if called in passed and called not in trusted:
                    trusted.add(called)
                    todo.append(called)
        return frozenset(trusted)

    def run(self, student: str, open_backend, items: list[pytest.Item]) -> StudentResult:
        """Every test (of exercise ``only``, if set) against the backend ``open_backend()``
        returns; the result lists the tests exercise by exercise, in lesson order.

        Dependencies: while an exercise is graded, its calls to the other exercises are
        answered by the reference. A cheap one (``self.cheap``: its calls make at most one
        further call each) that passed every one of its tests runs the student's own code
        instead, which saves a round trip per call; if any test of the exercise then fails,
        the exercise is graded again with the reference answering every call, and that
        result counts.
        """
        getattr(self.context.reference, "next_submission", lambda: None)()
        backend = open_backend()
        backend.allowed = self.deps
        prefetching = Prefetching(backend)
        submission = Submission(prefetching, self.context.exercises)
        self.context.submission = submission
        order = self.context.exercises.index
        items = sorted(items, key=lambda item: order(exercise_mark(item)[0]))
        if self.only is not None:
            items = [item for item in items if exercise_mark(item)[0] == self.only]
        result, passed = StudentResult(student), set()
        try:
            for exercise, tests in itertools.groupby(items, lambda i: exercise_mark(i)[0]):
                tests = list(tests)
                trusted = self._trusted(exercise, passed)
                graded = self._exercise(prefetching, submission, exercise, tests, trusted)
                if trusted and any(test.score < test.points for test in graded):
                    getattr(backend, "spent", {}).pop(exercise, None)  # a fresh time budget
                    graded = self._exercise(prefetching, submission, exercise, tests,
                                            frozenset())
                if all(test.score == test.points for test in graded):
                    passed.add(exercise)
                result.tests += graded
        finally:
            self.context.submission = None
            submission.close()
        output = getattr(backend, "output", None)
        result.output = output["stdout"] + output["stderr"] if output else ""
        lost = {test.exercise for test in result.tests if test.score < test.points}
        result.notes = statement_notes(getattr(backend, "failures", None) or [], lost)
        failed = getattr(backend, "jail_error", None)
        if failed:
            result.error = f"{GRADER_ERROR}: the sandbox could not start ({failed})"
        return result


class _ShardPlugin(_SuitePlugin):
    """Grades submissions taken from a queue in sandboxed workers, until it gets None."""

    def __init__(self, context: GradingContext, setup, tasks, results, budget: Budget):
        super().__init__(context)
        self.setup, self.tasks, self.results, self.budget = setup, tasks, results, budget
        # shared by this slot's workers; it loads numpy while pytest collects the suite
        self.zygote = Zygote(budget, student_files(context.assignment))
        self.zygote.start()

    @functools.cached_property
    def trusted(self) -> dict[str, str]:
        """The released notebook's locked cells, built for the slot's first notebook (building
        it loads jupytext, which a class of .py files never needs)."""
        return released_cells(self.context.assignment)

    def pytest_runtestloop(self, session: pytest.Session) -> bool:
        # the suite is collected while the batch records it; then the recording comes
        self._use(Recording.from_bytes(self.setup.get()))
        # the slot's fixed cost, not a student's: every row then times its own grading only
        self.zygote.wait_ready(time.monotonic() + self.budget.import_wall)
        try:
            while (student := self.tasks.get()) is not None:
                try:
                    result = self._grade(student, session.items)
                except Exception as error:  # a grader bug costs this row only, not the batch
                    result = StudentResult(student.id, error=f"{GRADER_ERROR}: "
                                                             f"{describe_exception(error)}")
                self.results.put(result)
        finally:
            try:
                self.zygote.close()
            except Exception as error:  # nothing a submission leaves may stop the batch
                self.results.put(("failed", f"closing its sandbox: {describe_exception(error)}"))
            self.results.put(("peak_rss_mb", *_peak_rss_mb(self.zygote)))
        return True

    def _grade(self, student: Student, items: list[pytest.Item]) -> StudentResult:
        started = time.monotonic()
        context = self.context
        with tempfile.TemporaryDirectory(prefix="autograder-cells-") as folder:
            try:
                with open(student.path, "rb"):  # vanished or unreadable: not the student's fault
                    pass
                trusted = self.trusted if student.path.suffix == ".ipynb" else {}
                path, notes = prepare(student.path, trusted, Path(folder))
            except NotebookError as error:
                return StudentResult(student.id, error=str(error),
                                     seconds=round(time.monotonic() - started, 3))
            except OSError as error:
                return unreadable(student, error)
            result = self.run(student.id, lambda: SandboxBackend(
                path, context.exercises, context.reference, self.budget, self.zygote), items)
        result.notes = notes + result.notes
        result.seconds = round(time.monotonic() - started, 3)
        return result


class _CollectPlugin(_SuitePlugin):
    """Collects the suite and records its items; grades ``open_backends`` ({student: opener})
    one after another, if given."""

    def __init__(self, context: GradingContext, only: str | None = None,
                 open_backends: dict | None = None, recording: Recording | None = None):
        super().__init__(context, only, recording)
        self.open_backends, self.items = open_backends or {}, []
        self.results: dict[str, StudentResult] = {}

    def pytest_runtestloop(self, session: pytest.Session) -> bool:
        self.items = session.items
        for student, open_backend in self.open_backends.items():
            self.results[student] = self.run(student, open_backend, session.items)
        return True


class _RecordPlugin(_SuitePlugin):
    """Runs each test once on the reference with hypothesis, recording its examples; keeps
    the recording of each test that replays to the same outcome (see :mod:`.replay`)."""

    def __init__(self, context: GradingContext):
        super().__init__(context)
        self.recording = Recording()
        self.calls: dict = {}  # {exercise: {called exercise: [calls, calls those made]}}
        self.error: UsageError | None = None  # the suite cannot be graded as it is

    def pytest_runtestloop(self, session: pytest.Session) -> bool:
        try:
            for item in session.items:
                payload = self._record(item)
                if payload is not None:
                    self.recording.tests[item.nodeid] = payload
        except UsageError as error:  # pytest would bury it in an INTERNALERROR
            self.error = error
        self.recording.cheap = cheap_dependencies(self.calls)
        self.recording.deps = {name: dependencies(self.calls).get(name, frozenset())
                               for name in self.context.exercises}
        return True

    def _record(self, item: pytest.Item) -> bytes | None:
        """Run ``item`` on the reference; its recording, or None when it must run live (as
        a test that passes functions to the submission does: they cannot be recorded).
        A UsageError names a test that passes what cannot reach the sandbox at all."""
        context = self.context
        recorder = Recorder()
        backend = _RecordingBackend(context, recorder, self.calls)
        live = Submission(backend, context.exercises)
        context.submission = live
        outcome: list = []
        try:
            examples = recorder.run(item, lambda: outcome.append(self.outcome(item, live)))
        finally:
            context.submission = None
        if backend.refused:
            raise UsageError(f"{item.nodeid}: {backend.refused}; a hidden test may pass "
                             "numbers, arrays, str, lists, tuples, dicts with str keys, None "
                             "and functions to the submission")
        if not replayable(item) or backend.passes_functions:
            return None
        payload = to_payload(examples)
        fresh = Submission(_RecordingBackend(context, Recorder(), {}), context.exercises)
        error = replay(from_payload(payload), item, {"submission": fresh,
                                                      "reference": context.reference})
        (passed, live_error), = outcome
        same = (error is None) == passed and \
            (passed or failure_message(error) == failure_message(live_error))
        return payload if same and survives_codec(examples, payload) else None


class _RecordingBackend(InProcessBackend):
    """The reference as the submission, noting each call for the recorder, and counting in
    ``counts`` ({exercise: {called exercise: [calls, calls those made]}}) what each call of an
    exercise asks of the others."""

    def __init__(self, context: GradingContext, recorder: Recorder, counts: dict):
        reference = getattr(context.reference, "module", context.reference)  # not the cache
        super().__init__(reference, context.reference, context.exercises)
        self.recorder, self.counts = recorder, counts
        self.refused = ""  # why an argument could not reach a worker, if one could not
        self.passes_functions = False

    def call(self, name: str, args: tuple, kwargs: dict):
        why = codec.cannot_cross((args, kwargs))
        if why is not None:
            self.refused = self.refused or f"it passes {why} to {name}()"
        elif codec.fingerprint((args, kwargs)) is None:
            self.passes_functions = True  # plain data but for functions (cannot_cross says)
        sent = plain_copy((args, kwargs))  # as passed: the call may change its arguments
        counts = getattr(self.reference, "counts", {})
        before = {called: list(count) for called, count in counts.items()}
        try:
            result = super().call(name, args, kwargs)
        except StudentError:
            self.recorder.add_call(name, *sent, None)
            raise
        finally:
            mine = self.counts.setdefault(name, {})
            for called, (calls, inner) in counts.items():
                total = mine.setdefault(called, [0, 0])
                total[0] += calls - before[called][0]
                total[1] += inner - before[called][1]
        self.recorder.add_call(name, *sent, result)
        return result


SUITE_INI = Path(__file__).resolve().parent / "hidden_suite.ini"


def _run_suite(assignment: Assignment, plugin: _SuitePlugin, *extra: str) -> int:
    """pytest.main on the assignment's hidden suite with ``plugin``, quietly; the exit code."""
    suite = assignment.suite
    if not (suite / "__init__.py").is_file():
        raise UsageError(f"{assignment.name} has no hidden suite: {suite} must be a package "
                         "(with __init__.py) of test_*.py files")
    _forget_other_copies(assignment)
    return pytest.main(
        [str(suite), "-p", "autograder.plugin", "-p", "no:cacheprovider", "-p", "no:terminal",
         "--rootdir", str(suite), "-c", str(SUITE_INI), "--noconftest",
         "-W", "ignore::pytest.PytestAssertRewriteWarning", *extra],
        plugins=[plugin],
    )


def _seeded(seed: int | None) -> tuple[str, ...]:
    """pytest arguments that make hypothesis draw from ``seed`` (see plugin.PROFILE)."""
    return () if seed is None else (f"--hypothesis-seed={seed}",)


def _forget_other_copies(assignment: Assignment) -> None:
    """Drop modules of another assignment of the same name (from another course) that this
    process imported: pytest would find them in sys.modules and refuse the suite."""
    folder = assignment.folder.resolve()
    for name, module in list(sys.modules.items()):
        if name == assignment.name or name.startswith(assignment.name + "."):
            path = getattr(module, "__file__", None)
            if path is None or not Path(path).resolve().is_relative_to(folder):
                del sys.modules[name]


def _grading_context(assignment: Assignment) -> GradingContext:
    """A context whose reference answers repeated calls from a cache."""
    context = new_context(assignment)
    context.reference = MemoReference(context.reference, context.exercises)
    return context


def record_suite(assignment: Assignment, seed: int | None = None) -> Recording:
    """The examples of every test of the hidden suite that can be replayed (see
    :mod:`autograder.replay`), by running the suite once on the reference here; with
    ``seed``, the examples hypothesis draws from that seed instead of the grading ones."""
    plugin = _RecordPlugin(_grading_context(assignment))
    code = _run_suite(assignment, plugin, *_seeded(seed))
    if plugin.error is not None:
        raise plugin.error
    if code not in (0, 1, 5):
        raise UsageError(f"the hidden suite of {assignment.name} could not be collected "
                         f"(pytest exit {code})")
    return plugin.recording


def _peak_rss_mb(zygote: Zygote) -> tuple[float, float]:
    """A slot's peak memory: this grading process's peak RSS plus its zygote's and its
    largest worker's (pages the workers share with the zygote count twice: an upper bound),
    and this grading process's own (what the reference's work for students costs)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round((own + sum(zygote.peak_kb)) / 1024, 1), round(own / 1024, 1)


def _shard(assignment: Assignment, setup, tasks, results, budget: Budget) -> None:
    """One grading process: collect the suite, then grade submissions until told to stop."""
    die_with_parent()
    become_subreaper()
    code = _run_suite(assignment, _ShardPlugin(_grading_context(assignment), setup, tasks,
                                               results, budget))
    if code not in (0, 1, 5):  # the batch recorded the suite already: a grader failure
        results.put(("failed", f"pytest exit {code}"))


def collect(assignment: Assignment) -> tuple[list[pytest.Item], GradingContext]:
    """The hidden suite's tests, collected, with the context they were collected in (its
    ``reference`` is the reference module itself, uncached)."""
    plugin = _CollectPlugin(new_context(assignment))
    code = _run_suite(assignment, plugin)
    if code not in (0, 5) or not plugin.items:
        raise UsageError(f"the hidden suite of {assignment.name} could not be collected "
                         f"(pytest exit {code}); run pytest -p autograder.plugin "
                         f"{assignment.suite} to see why")
    return plugin.items, plugin.context


def exercise_points(assignment: Assignment, public: bool = False) -> dict[str, float]:
    """{exercise: total points of its hidden tests}, or of those marked public with
    ``public``, in lesson order, by collecting the suite."""
    from .public_checks import is_public

    items, context = collect(assignment)
    totals = dict.fromkeys(context.exercises, 0.0)
    for item in items:
        if is_public(item) or not public:
            exercise, points = exercise_mark(item)
            totals[exercise] += points
    return totals


def grade_in_process(assignment: Assignment, open_backend, only: str | None = None,
                     capture: str = "sys") -> StudentResult:
    """Run the hidden suite (or exercise ``only``) in *this* process against
    ``open_backend()``, with hypothesis. For code that already runs here, as in an nbgrader
    kernel."""
    return grade_many_in_process(assignment, {"": open_backend}, only, capture)[""]


def grade_many_in_process(assignment: Assignment, open_backends: dict, only: str | None = None,
                          capture: str = "sys", recording: Recording | None = None,
                          seed: int | None = None) -> dict[str, StudentResult]:
    """{student: result} for each ``open_backends[student]()``, graded in this process in one
    pytest session, replaying ``recording`` (from :func:`record_suite`) when given, else
    with hypothesis live (drawing from ``seed`` instead of the grading profile's examples)."""
    plugin = _CollectPlugin(_grading_context(assignment), only, open_backends, recording)
    code = _run_suite(assignment, plugin, f"--capture={capture}", *_seeded(seed))
    if len(plugin.results) != len(open_backends):
        raise RuntimeError(f"the hidden suite of {assignment.name} did not run "
                           f"(pytest exit {code})")
    return plugin.results


class Slot:
    """One grading process kept for many batches (a Dask worker's, see
    :mod:`autograder.cluster`): the hidden suite collected once, replaying ``payload`` (a
    recording's bytes), its zygote and sandboxed workers reused from batch to batch."""

    def __init__(self, assignment: Assignment, payload: bytes, budget: Budget | None = None):
        spawn = multiprocessing.get_context("spawn")
        # kept on self: a queue collected here would unlink its semaphore under the child
        self.tasks, self.results, self.setup = spawn.Queue(), spawn.Queue(), spawn.Queue()
        self.process = spawn.Process(target=_shard, args=(
            assignment, self.setup, self.tasks, self.results,
            assignment.config.budget if budget is None else budget))
        self.process.start()
        self.setup.put(payload)
        self.peak = (0.0, 0.0)

    def alive(self) -> bool:
        return self.process.is_alive()

    def grade(self, students: list[Student]) -> list[StudentResult]:
        """The results of ``students``, in their order; RuntimeError when the grading process
        died on them (the caller may retry on a new slot)."""
        for student in students:
            self.tasks.put(student)
        done: dict[str, StudentResult] = {}
        while len(done) < len(students):
            try:
                result = self.results.get(timeout=1.0)
            except queue.Empty:
                if not self.alive():
                    raise RuntimeError(f"the grading process died (exit code "
                                       f"{self.process.exitcode})") from None
                continue
            if not isinstance(result, tuple):
                done[result.student] = result
        return [done[student.id] for student in students]

    def close(self) -> tuple[float, float]:
        """Stop the grading process; its peak memory (see :func:`_peak_rss_mb`) in MB."""
        self.tasks.put(None)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                result = self.results.get(timeout=1.0)
            except queue.Empty:
                if not self.alive():
                    break
                continue
            if isinstance(result, tuple) and result[0] == "peak_rss_mb":
                self.peak = result[1], result[2]
                break
        self.process.join(timeout=10)
        return self.peak


def grade(assignment: Assignment, students: list[Student], jobs: int = 1,
          budget: Budget | None = None, on_result=None, cache: Path | None = None,
          stats: dict | None = None) -> list[StudentResult]:
    """Grade ``students`` with ``jobs`` processes; return results in the students' order.

    ``on_result(result)`` is called in this process as each submission finishes (progress).
    The suite is recorded here (see :func:`record_suite`) while the grading processes start,
    or read from ``cache`` (a file named after everything the recording depends on), where a
    new recording is kept. ``stats``, if given, receives ``recording`` ("made" or "cached")
    ``peak_rss_mb_per_slot`` and ``peak_rss_mb_grading_process``. ``budget`` defaults to the
    assignment's own.
    """
    budget = assignment.config.budget if budget is None else budget
    spawn = multiprocessing.get_context("spawn")
    tasks, results = spawn.Queue(), spawn.Queue()
    for student in students:
        tasks.put(student)
    jobs = max(1, min(jobs, len(students)))
    for _ in range(jobs):
        tasks.put(None)
    setups = [spawn.Queue() for _ in range(jobs)]
    shards = [spawn.Process(target=_shard, args=(assignment, setup, tasks, results, budget))
              for setup in setups]
    for shard in shards:
        shard.start()
    try:
        payload = recording(assignment, cache, stats)
    except BaseException:
        for shard in shards:
            shard.terminate()
        raise
    for setup in setups:
        setup.put(payload)
    done: dict[str, StudentResult] = {}
    peaks: list[float] = []
    graders: list[float] = []
    failures: list[str] = []
    while len(done) < len(students) or len(peaks) < len(shards):
        try:
            result = results.get(timeout=1.0)
        except queue.Empty:
            if not any(shard.is_alive() for shard in shards):
                break
            continue
        if isinstance(result, tuple):  # a grading process's peak memory, or its failure
            if result[0] == "peak_rss_mb":
                peaks.append(result[1])
                graders.append(result[2])
            else:
                failures.append(result[1])
            continue
        done[result.student] = result
        if on_result is not None:
            on_result(result)
    for shard in shards:
        shard.join(timeout=10)
    if stats is not None:
        stats["peak_rss_mb_per_slot"] = sorted(peaks)
        stats["peak_rss_mb_grading_process"] = sorted(graders)
    why = f" ({'; '.join(failures)[:300]})" if failures else ""
    for student in students:  # a shard that died takes nothing down with it
        done.setdefault(student.id, StudentResult(student.id, error=f"{GRADER_ERROR}: its "
                                                                    f"grading process died{why}"))
    return [done[student.id] for student in students]


def recording(assignment: Assignment, cache: Path | None = None,
              stats: dict | None = None) -> bytes:
    """The suite's recording (:func:`record_suite`) as bytes: read from ``cache`` when it
    holds a whole one, else made here and kept there. ``stats["recording"]`` says which."""
    payload = _cached_recording(cache)
    if stats is not None:
        stats["recording"] = "cached" if payload else "made"
    if payload is None:
        payload = record_suite(assignment).to_bytes()
        if cache is not None:
            from .reports import write_atomic

            write_atomic(cache, payload)
    return payload


def _cached_recording(cache: Path | None) -> bytes | None:
    """The recording kept in ``cache``, if it is there and whole."""
    try:
        payload = cache.read_bytes() if cache is not None else None
        return payload if payload and Recording.from_bytes(payload) else None
    except (OSError, ValueError, codec.CodecError):
        return None
