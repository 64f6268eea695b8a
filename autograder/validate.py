"""Check an assignment before students get it: what ``autograder check NAME`` runs.

Each check is one line of the report, passed or failed with the reason:

- the lesson parses and names its exercises; ``assignment.toml`` is valid;
- every exercise has hidden tests, at least one of them a value test and one public, and the
  points add up to
  ``points`` when the toml gives it;
- the release builds, its public checks pass on the reference and fail on the stubs, and every
  module it imports is released with it or installed here;
- graded through the sandbox, as students will be, the reference earns full marks and the
  released stubs (module and notebook) earn 0;
- code that does nothing useful (see :mod:`autograder.no_effort`) earns 0 in every exercise
  it gets wrong;
- the hidden suite catches at least 99 % of the reference's non-equivalent mutants, and the
  reference keeps full marks under other hypothesis seeds (:mod:`autograder.audit`, without
  grading every mutant under those seeds: ``autograder audit`` does);
- the release in ``assignments/<name>/`` is what ``release`` would write now.

Example::

    report = validate(course.assignment("my_lesson"))
    print(report.text()); report.ok
"""

from __future__ import annotations

import ast
import importlib.util
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .course import Assignment, UsageError


@dataclass
class Finding:
    """One check of the report: its name, whether it held, and what was seen."""

    name: str
    ok: bool
    detail: str = ""


@dataclass
class Report:
    """Everything ``autograder check`` found for one assignment."""

    assignment: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(finding.ok for finding in self.findings)

    def text(self) -> str:
        lines = [f"{self.assignment}:"]
        lines += [f"  {'ok  ' if f.ok else 'FAIL'}  {f.name}"
                  + (f": {f.detail}" if f.detail else "") for f in self.findings]
        verdict = "ready to release" if self.ok else "not ready"
        lines.append(f"  => {self.assignment} is {verdict} "
                     f"({sum(f.ok for f in self.findings)}/{len(self.findings)} checks hold)")
        return "\n".join(lines)


def _step(report: Report, name: str, check: Callable[[], str]) -> bool:
    """Run one check: it returns what it saw, or raises UsageError (or AssertionError) with
    why it failed. Returns whether it held."""
    try:
        report.findings.append(Finding(name, True, check()))
        return True
    except (UsageError, AssertionError) as error:
        report.findings.append(Finding(name, False, str(error)))
        return False


def validate(assignment: Assignment, jobs: int = 2) -> Report:
    """Check ``assignment`` as the module docstring lists; never raises for a problem of the
    assignment (each is a failed line of the report)."""
    from .plugin import kind_of
    from .release import leaked_solution_lines, release_files, stale_files
    from .runner import collect, exercise_mark

    report = Report(assignment.name)
    state: dict = {}

    def lesson() -> str:
        state["exercises"] = assignment.exercises()
        assignment.config  # noqa: B018 (parses and validates assignment.toml)
        return f"{len(state['exercises'])} exercises: {', '.join(state['exercises'])}"

    def suite() -> str:
        items, _ = collect(assignment)
        from .public_checks import is_public

        hidden = {name: 0 for name in state["exercises"]}
        public, values = dict(hidden), dict(hidden)
        total = 0.0
        for item in items:
            exercise, points = exercise_mark(item)
            hidden[exercise] += 1
            public[exercise] += is_public(item)
            values[exercise] += kind_of(item) == "value"
            total += points
        problems = [f"{name} has no hidden test" for name, n in hidden.items() if not n]
        problems += [f"{name} has no public test" for name, n in public.items() if not n]
        problems += [f"{name} has no value test (kind='value', the default)"
                     for name, n in values.items() if n == 0 < hidden[name]]
        expected = assignment.config.points
        if expected is not None and abs(total - expected) > 1e-9:
            problems.append(f"the tests' points add up to {total:g}, not {expected:g}")
        if problems:
            raise UsageError("; ".join(problems))
        return f"{len(items)} tests, {sum(public.values())} public, {total:g} points"

    def build() -> str:
        state["files"] = release_files(assignment)
        leaked = leaked_solution_lines(assignment.source.read_text(encoding="utf-8"),
                                       state["files"])
        if leaked:
            raise UsageError(f"{len(leaked)} solution line(s) also stand in the release (a public "
                             "test's helper or the lesson's prose repeats them), e.g. "
                             f"{leaked[0]!r}: reword them")
        return f"{len(state['files'])} files"

    if not _step(report, "lesson and assignment.toml", lesson) or \
            not _step(report, "hidden suite", suite) or \
            not _step(report, "release builds", build):
        return report
    with tempfile.TemporaryDirectory(prefix="autograder-check-") as folder:
        release = Path(folder) / "release"
        for relative, content in state["files"].items():
            (release / relative).parent.mkdir(parents=True, exist_ok=True)
            (release / relative).write_bytes(content)
        _step(report, "public checks pass on the reference, fail on the stubs",
              lambda: _public_checks(assignment, release))
        _step(report, "release imports resolve", lambda: _imports(assignment, release))
        _step(report, "through the sandbox: reference 100 %, stubs 0 %",
              lambda: _sandbox(assignment, release, jobs))
    _step(report, "no points for no effort", lambda: _no_effort(assignment))
    _step(report, "audit: the hidden suite catches the reference's mutants",
          lambda: _audit(assignment))

    def current() -> str:
        if not assignment.release_dir.is_dir():
            raise UsageError(f"not released yet: run `autograder release {assignment.name}`")
        stale = stale_files(assignment)
        if stale:
            raise UsageError(f"stale: {', '.join(stale[:5])}; run `autograder release "
                             f"{assignment.name}` and commit assignments/{assignment.name}/")
        return str(assignment.release_dir.relative_to(assignment.course.root))

    _step(report, "release in assignments/ is current", current)
    return report


def _run_public(release: Path, module: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-I", "public_tests.py", str(module)], cwd=release,
                          capture_output=True, text=True, timeout=900)


def _public_checks(assignment: Assignment, release: Path) -> str:
    on_reference = _run_public(release, assignment.source)
    failing = [line for line in on_reference.stdout.splitlines() if line.startswith("FAIL")]
    if on_reference.returncode != 0 or failing:
        raise UsageError("on the reference: " + ("; ".join(failing[:3]) or
                                                  on_reference.stderr.strip()[-300:]))
    on_stubs = _run_public(release, release / f"{assignment.name}.py")
    passing = [line for line in on_stubs.stdout.splitlines() if line.startswith("PASS")]
    if on_stubs.returncode != 1 or passing:
        raise UsageError("on the stubs: " + ("; ".join(passing[:3]) or
                                             on_stubs.stderr.strip()[-300:]))
    return f"{on_reference.stdout.count('PASS')} pass on the reference, none on the stubs"


def _imported(source: str) -> set[str]:
    """The top-level modules a piece of Python imports (absolute imports only)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def _imports(assignment: Assignment, release: Path) -> str:
    """Every module the release's code imports is released with it or installed here."""
    from .notebook import strip_magics

    sources = {path: path.read_text(encoding="utf-8") for path in release.rglob("*.py")}
    notebook = json.loads((release / f"{assignment.name}.ipynb").read_text(encoding="utf-8"))
    for number, cell in enumerate(notebook["cells"], start=1):
        if cell["cell_type"] == "code":
            sources[Path(f"{assignment.name}.ipynb, cell {number}")] = strip_magics(
                "".join(cell["source"]))[0]
    released = {path.stem for path in release.glob("*.py")} | {
        path.name for path in release.iterdir() if (path / "__init__.py").is_file()}
    missing = {}
    for where, source in sources.items():
        for module in _imported(source) - released:
            if module not in sys.stdlib_module_names and importlib.util.find_spec(module) is None:
                missing.setdefault(module, str(where))
    if missing:
        raise UsageError("not released and not installed: " + ", ".join(
            f"{module} (imported in {where})" for module, where in sorted(missing.items())))
    return f"{len(sources)} files and cells"


def _sandbox(assignment: Assignment, release: Path, jobs: int) -> str:
    from .runner import Student, grade

    students = [Student("reference", assignment.source),
                Student("stubs", release / f"{assignment.name}.py"),
                Student("stubs-notebook", release / f"{assignment.name}.ipynb")]
    results = {result.student: result for result in grade(assignment, students, jobs=jobs)}
    problems = []
    for student in students:
        result = results[student.id]
        if result.error:
            problems.append(f"{student.id}: {result.error}")
            continue
        want = result.max_score if student.id == "reference" else 0.0
        if result.score != want:
            lost = [f"{test.exercise}/{test.name}: {test.message}" for test in result.tests
                    if (test.score < test.points) == (student.id == "reference")]
            problems.append(f"{student.id} earns {result.score:g}/{result.max_score:g}, not "
                            f"{want:g} ({'; '.join(lost[:3])})")
    if problems:
        raise UsageError("; ".join(problems))
    reference = results["reference"]
    return f"reference {reference.score:g}/{reference.max_score:g}, stubs 0"


def _no_effort(assignment: Assignment) -> str:
    """Each imitation of :mod:`autograder.no_effort` earns 0 in every exercise it got wrong."""
    from .no_effort import IMITATIONS, imitation
    from .plugin import load_reference
    from .runner import grade_many_in_process
    from .submission import InProcessBackend

    reference, exercises = load_reference(assignment), assignment.exercises()
    made = {name: imitation(reference, exercises, name) for name in IMITATIONS}
    results = grade_many_in_process(assignment, {
        name: lambda namespace=namespace: InProcessBackend(namespace, reference, exercises)
        for name, (namespace, _) in made.items()})
    problems = []
    for name, (_, differs) in made.items():
        for test in results[name].tests:
            if test.score and test.exercise in differs:
                problems.append(f"{name} earns {test.score:g} in {test.exercise} from "
                                f"{test.name} (a {test.kind} test)")
    if problems:
        raise UsageError("; ".join(problems[:4]) + ": a value test that such code passes "
                         "should say kind='property'")
    return f"{len(made)} imitations ({', '.join(made)}) earn 0"


def _audit(assignment: Assignment) -> str:
    from .audit import TARGET, audit

    report = audit(assignment, thorough=False)
    counted = [v for v in report.verdicts if not v.equivalent]
    problems = []
    if report.hidden_share < TARGET:
        problems.append(f"it catches {100 * report.hidden_share:.1f} % (< {100 * TARGET:g} %); "
                        "survivors: " + "; ".join(f"{v.mutant.exercise}, {v.mutant.change}"
                                                  for v in report.survivors[:5]))
    if report.stubs[0]:
        problems.append(f"the released stubs earn {report.stubs[0]:g}/{report.stubs[1]:g}")
    if report.flaky:
        problems.append("the reference loses points under another hypothesis seed: " + ", ".join(
            f"{run} {score:g}/{top:g}" for run, (score, top) in report.reference.items()))
    if problems:
        raise UsageError("; ".join(problems) + " (details: autograder audit)")
    return (f"{sum(v.hidden for v in counted)}/{len(counted)} non-equivalent mutants caught, "
            f"{sum(v.public for v in counted)} by the public checks; the reference keeps full "
            "marks under other seeds, the stubs earn 0")

