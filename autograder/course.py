"""Where a course's parts live, and how the engine finds them.

A course is a folder holding ``solutions/``, one folder per assignment, all instructor-only::

    solutions/<name>/
        assignment.toml   what cannot be derived: title, points, budgets, engine modules shipped
        __init__.py       makes the hidden suite a package with a name of its own
        <name>.py         the lesson and its reference (jupytext percent format, solution markers)
        tests/            the hidden suite: pytest + hypothesis, some tests marked public
        files/            released to students as they are (helpers, data)
    assignments/<name>/   the student release, written by ``autograder release``

The engine (this package) names no assignment: everything above is read at run time from the
course it is given, found the way git finds its repository (see :func:`find_course`).

Example::

    course = find_course()                      # --course, $AUTOGRADER_COURSE, or a parent
    assignment = course.assignment("my_lesson")
    assignment.exercises()                      # the functions its solution cells define
"""

from __future__ import annotations

import functools
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from .sandbox.jail import Budget

#: the environment variable naming the course folder
COURSE_ENV = "AUTOGRADER_COURSE"
CONFIG = "assignment.toml"


class UsageError(Exception):
    """A problem with what the user asked for; the CLI prints it as one line."""


@dataclass(frozen=True)
class GradescopeConfig:
    """``[gradescope]`` of ``assignment.toml``.

    timeout -- seconds, the autograder timeout set on Gradescope (its default: 10 minutes)
    hidden_visibility -- when students see the results of tests not marked public:
        "hidden", "after_due_date", "after_published" or "visible"
    """

    timeout: float = 600.0
    hidden_visibility: str = "after_due_date"


VISIBILITIES = ("hidden", "after_due_date", "after_published", "visible")


@dataclass(frozen=True)
class AssignmentConfig:
    """The declarative part of an assignment, read from ``assignment.toml``.

    title -- shown in the notebook heading and reports (default: the name)
    points -- the total the hidden tests' points must add up to, checked by ``autograder check``
    engine_modules -- engine modules released beside the lesson, e.g. ["gradcheck"]
    budget -- overrides of :class:`autograder.sandbox.jail.Budget` for this assignment's workers
    gradescope -- how the Gradescope autograder shows and bounds a run
    """

    title: str
    points: float | None = None
    engine_modules: tuple[str, ...] = ()
    budget: Budget = Budget()
    gradescope: GradescopeConfig = GradescopeConfig()


#: engine modules an assignment may ship to students: numpy-only, no package imports
SHIPPABLE = ("gradcheck",)


def _config(path: Path, name: str) -> AssignmentConfig:
    """Parse and validate ``assignment.toml``; a UsageError names the first problem."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{path}: {error}") from None
    known = {"title", "points", "release", "budget", "gradescope"}
    if unknown := sorted(set(data) - known):
        raise UsageError(f"{path}: unknown key(s) {', '.join(unknown)} "
                         f"(known: {', '.join(sorted(known))})")
    title = data.get("title", name)
    points = data.get("points")
    if not isinstance(title, str) or points is not None and (
            not isinstance(points, int | float) or isinstance(points, bool) or points <= 0):
        raise UsageError(f"{path}: title must be text and points a positive number")
    release = data.get("release", {})
    if not isinstance(release, dict) or set(release) - {"engine_modules"}:
        raise UsageError(f"{path}: [release] takes only engine_modules")
    modules = release.get("engine_modules", [])
    if not isinstance(modules, list) or any(m not in SHIPPABLE for m in modules):
        raise UsageError(f"{path}: engine_modules may list {', '.join(SHIPPABLE)}")
    budget = data.get("budget", {})
    allowed = {field.name: field.type for field in fields(Budget)}
    if not isinstance(budget, dict) or set(budget) - set(allowed) or not all(
            isinstance(value, int | float) and not isinstance(value, bool) and value > 0
            for value in budget.values()):
        raise UsageError(f"{path}: [budget] takes positive numbers for "
                         f"{', '.join(allowed)}")
    budget = {key: int(value) if allowed[key] == "int" else float(value)
              for key, value in budget.items()}
    gradescope = data.get("gradescope", {})
    timeout = gradescope.get("timeout", GradescopeConfig.timeout) \
        if isinstance(gradescope, dict) else None
    visibility = gradescope.get("hidden_visibility", GradescopeConfig.hidden_visibility) \
        if isinstance(gradescope, dict) else None
    if not isinstance(gradescope, dict) or set(gradescope) - {"timeout", "hidden_visibility"} \
            or not isinstance(timeout, int | float) or isinstance(timeout, bool) \
            or not 0 < timeout <= 2400 or visibility not in VISIBILITIES:
        raise UsageError(f"{path}: [gradescope] takes timeout (seconds, at most 2400) and "
                         f"hidden_visibility ({', '.join(VISIBILITIES)})")
    return AssignmentConfig(title, None if points is None else float(points), tuple(modules),
                            Budget(**budget), GradescopeConfig(float(timeout), visibility))


@dataclass(frozen=True)
class Course:
    """A course folder: ``solutions/`` (instructor-only) and ``assignments/`` (released)."""

    root: Path

    def assignments(self) -> list[str]:
        """The names of the assignments under ``solutions/``, sorted."""
        return sorted(path.parent.name for path in (self.root / "solutions").glob(f"*/{CONFIG}"))

    def assignment(self, name: str) -> Assignment:
        """Look an assignment up by name, with a one-line error naming the known ones."""
        if not name.isidentifier() or not (self.root / "solutions" / name / CONFIG).is_file():
            known = ", ".join(self.assignments()) or "none"
            raise UsageError(f"unknown assignment {name!r} in the course at {self.root} "
                             f"(known: {known})")
        return Assignment(name, self)


@dataclass(frozen=True)
class Assignment:
    """One assignment of a course: its folder under ``solutions/`` and its release."""

    name: str
    course: Course

    @property
    def folder(self) -> Path:
        return self.course.root / "solutions" / self.name

    @property
    def source(self) -> Path:
        """The lesson: markdown, scaffold and solution regions; importing it is the reference."""
        return self.folder / f"{self.name}.py"

    @property
    def suite(self) -> Path:
        """The hidden suite's folder."""
        return self.folder / "tests"

    @property
    def files(self) -> Path:
        """Files released to students as they are."""
        return self.folder / "files"

    @property
    def release_dir(self) -> Path:
        """Where ``autograder release`` writes the student version by default."""
        return self.course.root / "assignments" / self.name

    @functools.cached_property
    def config(self) -> AssignmentConfig:
        return _config(self.folder / CONFIG, self.name)

    def exercises(self) -> list[str]:
        """The exercise (function) names of the solution cells, in lesson order."""
        from .release import exercises  # the release module parses the source's cells

        try:
            text = self.source.read_text(encoding="utf-8")
        except OSError as error:
            raise UsageError(f"cannot read {self.source}: {error.strerror}") from None
        return exercises(text)


def find_course(explicit: Path | str | None = None, start: Path | None = None) -> Course:
    """The course to work on: ``explicit`` (``--course``), else ``$AUTOGRADER_COURSE``, else
    the nearest folder at or above ``start`` (the current folder) that holds ``solutions/``.

    Example: find_course("path/to/course").assignments() -> ["my_lesson", ...]
    """
    given = explicit or os.environ.get(COURSE_ENV)
    if given:
        root = Path(given).resolve()
        if not (root / "solutions").is_dir():
            where = "--course" if explicit else COURSE_ENV
            raise UsageError(f"{where} {given}: no solutions/ folder there")
        return Course(root)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "solutions").is_dir():
            return Course(folder)
    raise UsageError(f"no course found: pass --course DIR, set {COURSE_ENV}, or work inside a "
                     "folder that holds solutions/")


def assignment_of(path: Path) -> Assignment | None:
    """The assignment whose folder holds ``path`` (e.g. its hidden suite), if any."""
    path = path.resolve()
    for folder in (path, *path.parents):
        if folder.parent.name == "solutions" and (folder / CONFIG).is_file():
            return Course(folder.parent.parent).assignment(folder.name)
    return None
