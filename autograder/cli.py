"""The ``autograder`` command line.

    autograder release [ASSIGNMENT] [--out DIR]
    autograder grade ASSIGNMENT PATH... --out DIR [--jobs N]
    autograder export nbgrader COURSE_DIR [ASSIGNMENT]

Every error the user can cause ends in one line on stderr and a non-zero exit, never a
traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .assignments import UsageError, available, get_assignment

EXIT_USAGE = 2


def _release(args: argparse.Namespace) -> int:
    from .release import SourceError, release

    names = [args.assignment] if args.assignment else available()
    if args.out and len(names) != 1:
        raise UsageError("--out needs exactly one assignment")
    for name in names:
        try:
            out = release(get_assignment(name), Path(args.out) if args.out else None)
        except SourceError as error:
            raise UsageError(f"{name}: {error}") from error
        print(f"released {name} -> {out}")
    return 0


def _export_nbgrader(args: argparse.Namespace) -> int:
    from .integrations.nbgrader import export

    names = [args.assignment] if args.assignment else available()
    course = Path(args.course_dir)
    for name in names:
        export(get_assignment(name), course)
        print(f"exported {name} -> {course / 'source' / name}")
    print(f"next: cd {course} && nbgrader generate_assignment {names[0]}")
    return 0


def _check_output_dir(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".autograder-write-test"
        probe.write_text("")
        probe.unlink()
    except OSError as error:
        raise UsageError(f"cannot write to --out {out}: {error.strerror}") from None


class _Progress:
    """A one-line progress bar on a terminal; silent when stderr is not one."""

    def __init__(self, total: int):
        self.total, self.done, self.started = total, 0, time.monotonic()
        self.live = sys.stderr.isatty()

    def __call__(self, result) -> None:
        self.done += 1
        if not self.live:
            return
        width = 30
        filled = width * self.done // self.total
        rate = self.done / max(time.monotonic() - self.started, 1e-9)
        sys.stderr.write(f"\rgrading [{'#' * filled}{'.' * (width - filled)}] "
                         f"{self.done}/{self.total}  {rate:.1f}/s  {result.student[:20]:<20}")
        if self.done == self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _summary(results, exercises: list[str]) -> str:
    short = [name[:10] for name in exercises]
    header = f"{'student':<24} {'score':>9}  " + " ".join(f"{name:>10}" for name in short)
    rows = [header, "-" * len(header)]
    for result in results:
        if result.error:
            rows.append(f"{result.student[:24]:<24} {'error':>9}  {result.error}")
            continue
        per = result.by_exercise(exercises)
        cells = " ".join(f"{f'{per[n][0]:g}/{per[n][1]:g}':>10}" for n in exercises)
        rows.append(f"{result.student[:24]:<24} {f'{result.score:g}/{result.max_score:g}':>9}  "
                    + cells)
    return "\n".join(rows)


def _grade(args: argparse.Namespace) -> int:
    from . import reports, runner
    from .assignments import PACKAGE_DIR
    from .sandbox.jail import LEVELS, sandbox_level

    assignment = get_assignment(args.assignment)
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    level = sandbox_level()
    if args.require_sandbox and LEVELS.index(level) > LEVELS.index(args.require_sandbox):
        raise UsageError(f"sandbox level {level!r} is weaker than the required "
                         f"{args.require_sandbox!r} ({sandbox_level(explain=True)})")
    students = runner.find_students([Path(p) for p in args.paths], assignment)
    out = Path(args.out)
    _check_output_dir(out)
    exercises = assignment.exercises()
    # the grader's own code counts as part of the suite: changing it regrades everyone
    suite = reports.suite_hash([*PACKAGE_DIR.rglob("*.py"), assignment.source])
    keys = {s.id: {"suite": suite, "submission": reports.file_hash(s.path)} for s in students}
    done = {} if args.regrade else {
        s.id: found for s in students
        if (found := reports.load_graded(out, s.id, keys[s.id])) is not None}
    todo = [student for student in students if student.id not in done]
    progress = _Progress(len(todo))

    def finished(result) -> None:
        retry = result.error.startswith(runner.GRADER_ERROR)
        reports.write_student(out, result, exercises, None if retry else keys[result.student])
        progress(result)

    if done:
        print(f"resuming: {len(done)} submission(s) already graded under this suite, "
              f"{len(todo)} to go (--regrade grades all again)")
    started = time.monotonic()
    stats: dict = {}
    # the recorded examples depend on the suite and on hypothesis, numpy and Python themselves
    cache = out / ".autograder" / f"recording-{reports.recording_key(suite)}.bin"
    graded = runner.grade(assignment, todo, jobs=args.jobs, on_result=finished, cache=cache,
                          stats=stats) if todo else []
    seconds = time.monotonic() - started
    results = sorted([*done.values(), *graded], key=lambda result: result.student)
    reports.write_all(out, results, exercises, reports.manifest(
        assignment=assignment.name, suite=suite, level=level, jobs=args.jobs, seconds=seconds,
        results=results, resumed=len(done), stats=stats))
    print(_summary(results, exercises))
    print(f"\n{len(graded)} submission(s) graded in {seconds:.1f} s "
          f"({seconds / max(len(graded), 1):.2f} s each, --jobs {args.jobs}); "
          f"sandbox level: {level}; results in {out}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per job."""
    parser = argparse.ArgumentParser(
        prog="autograder", description="Release and grade deep-learning exercises."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    release = commands.add_parser("release", help="write the student version of an assignment")
    release.add_argument("assignment", nargs="?", help="assignment name (default: all)")
    release.add_argument("--out", help="output folder (default: assignments/<name>)")
    release.set_defaults(run=_release)

    export = commands.add_parser("export", help="hand an assignment to another grader")
    targets = export.add_subparsers(dest="target", required=True)
    nbgrader = targets.add_parser("nbgrader", help="write an nbgrader course folder")
    nbgrader.add_argument("course_dir", metavar="COURSE_DIR")
    nbgrader.add_argument("assignment", nargs="?", help="assignment name (default: all)")
    nbgrader.set_defaults(run=_export_nbgrader)

    grade = commands.add_parser("grade", help="grade submissions against the hidden suites")
    grade.add_argument("assignment")
    grade.add_argument("paths", nargs="+", metavar="PATH")
    grade.add_argument("--out", required=True, help="folder for the gradebook and feedback")
    grade.add_argument("--jobs", type=int, default=1, help="submissions graded in parallel")
    grade.add_argument("--regrade", action="store_true",
                       help="grade every submission again, even those graded under this suite")
    grade.add_argument("--require-sandbox", nargs="?", const="namespace", metavar="LEVEL",
                       choices=["namespace", "uid", "landlock", "process"],
                       help="fail unless workers get at least this isolation (default when "
                            "given: namespace; weaker: uid, landlock, process)")
    grade.set_defaults(run=_grade)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except UsageError as error:
        print(f"autograder: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("autograder: interrupted", file=sys.stderr)
        return 130
