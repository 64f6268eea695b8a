"""Where each assignment's parts live: its solution source, its student templates, its release.

An assignment is named after its solution source, ``solutions/<name>.py``. Its exercises are the
functions defined in that source's solution cells, in lesson order.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent


class UsageError(Exception):
    """A problem with what the user asked for; the CLI prints it as one line."""


@dataclass(frozen=True)
class Assignment:
    """One assignment: a solution source plus the files released beside it."""

    name: str
    root: Path = PROJECT_ROOT

    @property
    def source(self) -> Path:
        """The instructor's single source: lesson, scaffold and solution regions."""
        return self.root / "solutions" / f"{self.name}.py"

    @property
    def templates(self) -> Path:
        """Student files copied verbatim into the release (public checks, data loader, data)."""
        return PACKAGE_DIR / "templates" / self.name

    def exercises(self) -> list[str]:
        """The exercise (function) names of the solution cells, in lesson order."""
        from .release import exercises  # the release module parses the source's cells

        return exercises(self.source.read_text(encoding="utf-8"))

    @property
    def release_dir(self) -> Path:
        """Where ``autograder release`` writes the student version by default."""
        return self.root / "assignments" / self.name


def available(root: Path = PROJECT_ROOT) -> list[str]:
    """Names of the assignments that have a solution source, sorted."""
    return sorted(path.stem for path in (root / "solutions").glob("*.py"))


def get_assignment(name: str, root: Path = PROJECT_ROOT) -> Assignment:
    """Look an assignment up by name, with a one-line error naming the known ones."""
    assignment = Assignment(name, root)
    if not assignment.source.is_file():
        known = ", ".join(available(root)) or "none"
        raise UsageError(f"unknown assignment {name!r} (known: {known})")
    return assignment
