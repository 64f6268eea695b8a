"""The ``autograder`` command line.

    autograder release [ASSIGNMENT] [--out DIR]
    autograder grade ASSIGNMENT PATH... --out DIR [--jobs N]

Every error the user can cause ends in one line on stderr and a non-zero exit, never a
traceback.
"""

from __future__ import annotations

import argparse
import sys
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


def _grade(args: argparse.Namespace) -> int:
    get_assignment(args.assignment)
    raise UsageError("grading is not available in this version yet")


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

    grade = commands.add_parser("grade", help="grade submissions against the hidden suites")
    grade.add_argument("assignment")
    grade.add_argument("paths", nargs="+", metavar="PATH")
    grade.add_argument("--out", required=True, help="folder for the gradebook and feedback")
    grade.add_argument("--jobs", type=int, default=1, help="submissions graded in parallel")
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
