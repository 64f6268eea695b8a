"""The ``autograder`` command line.

    autograder new ASSIGNMENT                        scaffold an assignment that works at once
    autograder release [ASSIGNMENT] [--out DIR]      write what students receive
    autograder check [ASSIGNMENT]                    validate an assignment before release
    autograder grade ASSIGNMENT PATH... --out DIR    grade submissions in the sandbox
    autograder report RESULTS                        the class report of a grading run
    autograder export nbgrader COURSE_DIR [ASSIGNMENT]
    autograder export gradescope ASSIGNMENT [--out autograder.zip]
    autograder export github-classroom ASSIGNMENT --out DIR

Every command takes ``--course DIR``; without it the course is ``$AUTOGRADER_COURSE`` or the
nearest folder at or above the current one that holds ``solutions/``. Every error the user
can cause ends in one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .course import Assignment, UsageError, find_course
from .escaping import visible

#: exit codes of ``autograder grade`` (documented in its --help)
EXIT_GRADED, EXIT_GRADER_ERROR, EXIT_USAGE, EXIT_BELOW = 0, 1, 2, 3


def _assignments(args: argparse.Namespace) -> list[Assignment]:
    """The assignment the command names, or every assignment of the course."""
    course = find_course(args.course)
    if getattr(args, "assignment", None):
        return [course.assignment(args.assignment)]
    found = [course.assignment(name) for name in course.assignments()]
    if not found:
        raise UsageError(f"the course at {course.root} has no assignment yet: "
                         "create one with `autograder new NAME`")
    return found


def _release(args: argparse.Namespace) -> int:
    from .release import SourceError, release

    assignments = _assignments(args)
    if args.out and len(assignments) != 1:
        raise UsageError("--out needs exactly one assignment")
    for assignment in assignments:
        try:
            out = release(assignment, Path(args.out) if args.out else None)
        except SourceError as error:
            raise UsageError(f"{assignment.name}: {error}") from None
        print(f"released {assignment.name} -> {out}")
    return 0


def _new(args: argparse.Namespace) -> int:
    from .scaffold import scaffold

    try:
        root = find_course(args.course).root
    except UsageError:
        if args.course:
            raise
        root = Path.cwd()  # no course yet: this folder becomes one
    folder = scaffold(root, args.assignment)
    print(f"created {folder}\nnext: autograder release {args.assignment} && "
          f"autograder check {args.assignment} (see docs/authoring.md)")
    return 0


def _check(args: argparse.Namespace) -> int:
    from .validate import validate

    failed = 0
    for assignment in _assignments(args):
        report = validate(assignment, jobs=args.jobs)
        print(report.text())
        failed += not report.ok
    return 1 if failed else 0


def _audit(args: argparse.Namespace) -> int:
    from .audit import audit
    from .reports import write_atomic

    failed = 0
    out = Path(args.out) if args.out else Path.cwd()
    out.mkdir(parents=True, exist_ok=True)
    for assignment in _assignments(args):
        report = audit(assignment, lambda step, name=assignment.name: print(
            f"{name}: {step}", file=sys.stderr, flush=True))
        path = out / f"audit-{assignment.name}.md"
        write_atomic(path, report.table())
        print(report.table())
        print(f"written to {path}")
        failed += not report.ok
    return 1 if failed else 0


def _export_nbgrader(args: argparse.Namespace) -> int:
    from .integrations.nbgrader import export

    assignments = _assignments(args)
    nbgrader_course = Path(args.course_dir)
    for assignment in assignments:
        export(assignment, nbgrader_course)
        print(f"exported {assignment.name} -> {nbgrader_course / 'source' / assignment.name}")
    print(f"next: cd {nbgrader_course} && nbgrader generate_assignment {assignments[0].name}")
    return 0


def _export_gradescope(args: argparse.Namespace) -> int:
    from .integrations.gradescope import export

    assignment, = _assignments(args)
    out = Path(args.out)
    if out.is_dir():
        raise UsageError(f"--out {out} is a folder; give the zip's file name")
    try:
        export(assignment, out)
    except OSError as error:
        raise UsageError(f"cannot write --out {out}: {error.strerror}") from None
    print(f"exported {assignment.name} -> {out}: upload it as the assignment's autograder "
          f"(Configure Autograder, zip file upload)")
    return 0


def _export_github_classroom(args: argparse.Namespace) -> int:
    from .integrations.github_classroom import WORKFLOW, export

    assignment, = _assignments(args)
    try:
        out = export(assignment, Path(args.out))
    except OSError as error:
        raise UsageError(f"cannot write --out {args.out}: {error.strerror}") from None
    print(f"exported {assignment.name} -> {out}: push it as the assignment's template "
          f"repository; {WORKFLOW} runs the public checks on every push")
    return 0


def _check_output_dir(out: Path, option: str = "--out") -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(f"{option} {out} exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".autograder-write-test"
        probe.write_text("")
        probe.unlink()
    except OSError as error:
        raise UsageError(f"cannot write to {option} {out}: {error.strerror}") from None


def _progress():
    """A progress bar on stderr (students done, rate, time left), off when stderr is not a
    terminal or in CI."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            return Text(f"{task.speed:.1f}/s" if task.speed else "")

    console = Console(stderr=True)
    return Progress(TextColumn("grading"), BarColumn(), MofNCompleteColumn(), Rate(),
                    TimeRemainingColumn(), TextColumn("{task.fields[student]}"),
                    console=console, transient=False,
                    disable=not console.is_terminal or bool(os.environ.get("CI")))


def _summary(results, exercises: list[str]):
    """The gradebook as a rich table: a row per student, a column per exercise."""
    from rich.table import Table
    from rich.text import Text

    from .reports import points

    table = Table(box=None, pad_edge=False)
    table.add_column("student", no_wrap=True, max_width=24, overflow="ellipsis")
    for name in ["score", *exercises]:
        table.add_column(name, justify="right", no_wrap=True)
    for result in results:
        name = Text(visible(result.student))  # Text: a name is never read as markup
        if result.error:
            table.add_row(name, "error", Text(visible(result.error)))
            continue
        per = result.by_exercise(exercises)
        table.add_row(name, f"{points(result.score)}/{points(result.max_score)}",
                      *(f"{points(per[n][0])}/{points(per[n][1])}" for n in exercises))
    return table


def _print_table(table, quoted: bool) -> None:
    """Print ``table`` to stdout, as wide as it needs when stdout is not a terminal (a log
    keeps every column); ``quoted`` wraps it so GitHub runs no workflow command in it."""
    from rich.console import Console

    from . import ci_reports

    console = Console(highlight=False, emoji=False, markup=False)
    if not console.is_terminal:
        console = Console(width=10_000, highlight=False, emoji=False, markup=False,
                          color_system=None)
    with console.capture() as capture:
        console.print(table)
    text = "\n".join(line.rstrip() for line in capture.get().splitlines())
    print(ci_reports.quoted(text) if quoted else text)


def _grade(args: argparse.Namespace) -> int:
    from . import ci_reports, class_report, reports, runner
    from .sandbox.jail import LEVELS, sandbox_level

    assignment, = _assignments(args)
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.fail_under is not None and not 0 <= args.fail_under <= 100:
        raise UsageError("--fail-under must be a percentage between 0 and 100")
    level = sandbox_level()  # with --dask, the workers' levels, checked on each of them
    if args.require_sandbox and not args.dask and \
            LEVELS.index(level) > LEVELS.index(args.require_sandbox):
        raise UsageError(f"sandbox level {level!r} is weaker than the required "
                         f"{args.require_sandbox!r} ({sandbox_level(explain=True)})")
    students = runner.find_students([Path(p) for p in args.paths], assignment)
    out = Path(args.out)
    _check_output_dir(out)
    exercises = assignment.exercises()
    suite = reports.suite_hash(assignment)
    keys = {s.id: {"suite": suite, "submission": reports.file_hash(s.path)} for s in students}
    done = {} if args.regrade else {
        s.id: found for s in students
        if (found := reports.load_graded(out, s.id, keys[s.id])) is not None}
    todo = [student for student in students if student.id not in done]
    progress = _progress()
    task = progress.add_task("grading", total=len(todo), student="")

    def finished(result) -> None:
        retry = result.error.startswith(runner.GRADER_ERROR)
        reports.write_student(out, result, exercises, None if retry else keys[result.student])
        progress.update(task, advance=1, student=visible(result.student)[:24])

    if done:
        print(f"resuming: {len(done)} submission(s) already graded under this suite, "
              f"{len(todo)} to go (--regrade grades all again)")
    started = time.monotonic()
    stats: dict = {}
    # the recorded examples depend on the suite and on hypothesis, numpy and Python themselves
    recordings = Path(args.recordings) if args.recordings else out / ".autograder"
    if args.recordings:
        _check_output_dir(recordings, "--recordings")
    cache = recordings / f"recording-{reports.recording_key(suite)}.bin"
    where = f"--jobs {args.jobs}"
    with progress:
        if not todo:
            graded = []
        elif args.dask:
            from .cluster import grade_on_cluster

            graded = grade_on_cluster(assignment, todo, args.dask,
                                      runner.recording(assignment, cache, stats), suite,
                                      on_result=finished, stats=stats,
                                      require=args.require_sandbox)
            level = ", ".join(stats["sandbox_levels"])
            where = f"--dask {args.dask} ({stats['dask_workers']} workers)"
        else:
            graded = runner.grade(assignment, todo, jobs=args.jobs, on_result=finished,
                                  cache=cache, stats=stats)
    seconds = time.monotonic() - started
    results = sorted([*done.values(), *graded], key=lambda result: result.student)
    reports.write_all(out, results, exercises, reports.manifest(
        assignment=assignment.name, suite=suite, level=level, jobs=args.jobs, seconds=seconds,
        results=results, resumed=len(done), stats=stats, dask=args.dask))
    github = args.github or os.environ.get("GITHUB_ACTIONS") == "true"
    _print_table(_summary(results, exercises), quoted=github)
    print(f"\n{len(graded)} submission(s) graded in {seconds:.1f} s "
          f"({seconds / max(len(graded), 1):.2f} s each, {where}); "
          f"sandbox level: {level}; results in {out}")
    if not args.no_report:
        try:
            print(f"class report: {class_report.write(out)}")
        except Exception as error:  # the grades are saved: a report bug must not lose them
            print(f"autograder: the class report could not be written ({error!r}); the "
                  f"grades are saved, `autograder report {out}` tries again", file=sys.stderr)
    if args.junit_xml:
        reports.write_atomic(Path(args.junit_xml), ci_reports.junit_xml(results, assignment.name))
    if github:
        _to_github(results, exercises, assignment.name)
    return _exit_code(results, args.fail_under)


def _to_github(results, exercises: list[str], assignment: str) -> None:
    """The job summary (when the runner gives a file for it) and, for one submission, its
    annotations."""
    from . import ci_reports

    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(ci_reports.step_summary(results, exercises, assignment))
    if len(results) == 1:
        print("\n".join(ci_reports.annotations(results[0], exercises)))


def _report(args: argparse.Namespace) -> int:
    from .class_report import write

    out = Path(args.results)
    if not out.is_dir():
        raise UsageError(f"{out} is not a folder: give the --out of autograder grade")
    try:
        print(f"class report: {write(out)}")
    except OSError as error:
        raise UsageError(f"cannot write the report into {out}: {error.strerror}") from None
    return 0


def _exit_code(results, fail_under: float | None) -> int:
    """:data:`EXIT_GRADER_ERROR` when the grader failed on a submission, else
    :data:`EXIT_BELOW` when one scored under ``fail_under`` percent, else :data:`EXIT_GRADED`."""
    from .runner import GRADER_ERROR

    if any(result.error.startswith(GRADER_ERROR) for result in results):
        return EXIT_GRADER_ERROR
    if fail_under is not None and any(
            result.error or 100 * result.score < fail_under * result.max_score
            for result in results):
        return EXIT_BELOW
    return EXIT_GRADED


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per job."""
    parser = argparse.ArgumentParser(
        prog="autograder", description="Release and grade deep-learning exercises. Each "
        "assignment is a folder solutions/NAME/ of a course (see docs/authoring.md)."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--course", metavar="DIR",
                        help="the course folder, holding solutions/ (default: $AUTOGRADER_COURSE,"
                             " else the nearest folder at or above this one holding solutions/)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    new = commands.add_parser(
        "new", parents=[common], help="scaffold a new assignment that releases and grades",
        description="Create solutions/ASSIGNMENT/ with a lesson of one example exercise, its "
                    "hidden suite (one test public) and assignment.toml: edit them, then "
                    "release and check. Without a course, the current folder becomes one.")
    new.add_argument("assignment", metavar="ASSIGNMENT",
                     help="a Python identifier: the module students fill in is ASSIGNMENT.py")
    new.set_defaults(run=_new)

    release = commands.add_parser(
        "release", parents=[common], help="write the student version of an assignment",
        description="Write assignments/ASSIGNMENT/: the notebook and module with stubs, the "
                    "public checks built from the hidden tests marked public, and files/. "
                    "The public checks are first run on the reference.")
    release.add_argument("assignment", nargs="?", metavar="ASSIGNMENT",
                         help="assignment name (default: all)")
    release.add_argument("--out", metavar="DIR",
                         help="output folder (default: assignments/ASSIGNMENT)")
    release.set_defaults(run=_release)

    check = commands.add_parser(
        "check", parents=[common], help="validate an assignment before release",
        description="Check that the reference earns full marks through the sandbox, the "
                    "released stubs earn 0, every exercise has hidden and public tests, the "
                    "release's imports resolve and assignments/ASSIGNMENT is current. Exit "
                    "code 1 when anything fails.")
    check.add_argument("assignment", nargs="?", metavar="ASSIGNMENT",
                       help="assignment name (default: all)")
    check.add_argument("--jobs", type=int, default=2, help="grading processes (default 2)")
    check.set_defaults(run=_check)

    audit = commands.add_parser(
        "audit", parents=[common], help="measure how much the hidden suite catches",
        description="Mutation analysis of the reference: small changes of the kinds students "
                    "make, graded by the hidden suite and the public checks; equivalent "
                    "mutants set aside, survivors listed, and every grading repeated under "
                    "two more hypothesis seeds. Writes audit-ASSIGNMENT.md. Exit code 1 when "
                    "the suite catches less than 99 % or a test is flaky.")
    audit.add_argument("assignment", nargs="?", metavar="ASSIGNMENT",
                       help="assignment name (default: all)")
    audit.add_argument("--out", metavar="DIR", help="where to write the report (default: .)")
    audit.set_defaults(run=_audit)

    export = commands.add_parser("export", help="hand an assignment to another grader")
    targets = export.add_subparsers(dest="target", required=True, metavar="TARGET")
    nbgrader = targets.add_parser(
        "nbgrader", parents=[common], help="write an nbgrader course folder",
        description="Write (or refresh) an nbgrader course: nbgrader_config.py, "
                    "source/ASSIGNMENT/ and the hidden suites its test cells run. Several "
                    "assignments can share one nbgrader course.")
    nbgrader.add_argument("course_dir", metavar="COURSE_DIR", help="the nbgrader course folder")
    nbgrader.add_argument("assignment", nargs="?", metavar="ASSIGNMENT",
                          help="assignment name (default: all)")
    nbgrader.set_defaults(run=_export_nbgrader)
    gradescope = targets.add_parser(
        "gradescope", parents=[common], help="write a Gradescope autograder zip",
        description="Write the zip to upload as a Gradescope programming assignment's "
                    "autograder: setup.sh installs Python and the pinned packages, "
                    "run_autograder grades /autograder/submission (a .py, an .ipynb or a "
                    "folder) with the hidden suite, recorded here, and always writes "
                    "results.json. Tests marked public are visible; the others follow "
                    "[gradescope] hidden_visibility in assignment.toml.")
    gradescope.add_argument("assignment", metavar="ASSIGNMENT", help="assignment name")
    gradescope.add_argument("--out", default="autograder.zip", metavar="FILE",
                            help="the zip to write (default: autograder.zip)")
    gradescope.set_defaults(run=_export_gradescope)
    classroom = targets.add_parser(
        "github-classroom", parents=[common], help="write a GitHub Classroom template repository",
        description="Write what students receive and .github/workflows/classroom.yml, which "
                    "runs the public checks of each exercise on every push and reports their "
                    "points to GitHub Classroom. No hidden test, reference or recording goes "
                    "into the repository.")
    classroom.add_argument("assignment", metavar="ASSIGNMENT", help="assignment name")
    classroom.add_argument("--out", required=True, metavar="DIR",
                           help="the template repository's folder (new or empty)")
    classroom.set_defaults(run=_export_github_classroom)

    grade = commands.add_parser(
        "grade", parents=[common], help="grade submissions against the hidden suite",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Grade each submission in a sandboxed worker and write the gradebook, "
                    "per-student results and feedback, and a manifest into --out.",
        epilog="exit codes:\n"
               f"  {EXIT_GRADED}  graded, whatever the scores (a broken submission is a row "
               "scored 0)\n"
               f"  {EXIT_GRADER_ERROR}  the grader failed on some submission (its row says "
               "error; the next run grades it again)\n"
               f"  {EXIT_USAGE}  usage: bad arguments, unknown assignment, unreadable paths\n"
               f"  {EXIT_BELOW}  some submission scored under --fail-under")
    grade.add_argument("assignment", metavar="ASSIGNMENT", help="assignment name")
    grade.add_argument("paths", nargs="+", metavar="PATH",
                       help="a .py or .ipynb submission, or a folder of them (one student per "
                            "file or sub-folder, as nbgrader's submitted/ lays them out)")
    grade.add_argument("--out", required=True, metavar="DIR",
                       help="folder for the gradebook and feedback")
    grade.add_argument("--jobs", type=int, default=1, help="submissions graded in parallel")
    grade.add_argument("--regrade", action="store_true",
                       help="grade every submission again, even those graded under this suite")
    grade.add_argument("--require-sandbox", nargs="?", const="namespace", metavar="LEVEL",
                       choices=["namespace", "uid", "landlock", "process"],
                       help="fail unless workers get at least this isolation (default when "
                            "given: namespace; weaker: uid, landlock, process)")
    grade.add_argument("--recordings", metavar="DIR",
                       help="where the suite's recordings are kept (default: OUT/.autograder); "
                            "a folder kept between runs (a CI cache) spares each run the "
                            "recording")
    grade.add_argument("--junit-xml", metavar="FILE",
                       help="also write JUnit XML: a test suite per student, a test case per "
                            "hidden test (classname: the exercise; points as properties)")
    grade.add_argument("--github", action="store_true",
                       help="GitHub Actions output (automatic when GITHUB_ACTIONS=true): a "
                            "table in the job summary and, for one submission, annotations")
    grade.add_argument("--fail-under", type=float, metavar="PERCENT",
                       help=f"exit with {EXIT_BELOW} when a submission scores under PERCENT "
                            "of the points")
    grade.add_argument("--dask", metavar="ADDRESS",
                       help="grade on a dask.distributed cluster: a scheduler address "
                            "(tcp://host:8786) or local:N for a LocalCluster of N worker "
                            "processes here; each worker is one grading slot (--jobs is "
                            "ignored) and needs dl-autograder[dask] and the course (see "
                            "docs/cluster.md)")
    grade.add_argument("--no-report", action="store_true",
                       help="do not write report.html, the class report (autograder report "
                            "writes it later)")
    grade.set_defaults(run=_grade)

    report = commands.add_parser(
        "report", help="write the class report of a grading run",
        description="Write RESULTS/report.html: one self-contained page (it opens offline) "
                    "with the class summary, score histograms, the hidden tests most "
                    "students failed, the most common mistakes, the students (sortable, "
                    "filterable, linked to their feedback) and what changed since the "
                    "previous run. autograder grade writes it at the end unless --no-report.")
    report.add_argument("results", metavar="RESULTS", help="the --out folder of autograder grade")
    report.set_defaults(run=_report)
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
