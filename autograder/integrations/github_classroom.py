"""Hand an assignment to GitHub Classroom: a student template repository that runs only the
public checks.

``autograder export github-classroom ASSIGNMENT --out DIR`` writes into DIR what students
receive (the release: notebook, module, public checks, helpers) and
``.github/workflows/classroom.yml``. On every push that workflow runs, per exercise,
``python public_tests.py --exercise NAME`` as a ``classroom-resources/autograding-command-grader``
step worth the points of that exercise's public tests, then reports them with
``classroom-resources/autograding-grading-reporter``. Each step passes only when every public
check of its exercise passes, so the points in the log and the points Classroom records agree.

Nothing hidden reaches the repository or its logs: no hidden test, no reference, no
recording. The grade that counts comes from the hidden suite, run by staff (see
``examples/ci/``) or by the Gradescope zip.
"""

from __future__ import annotations

from pathlib import Path

from ..course import Assignment, UsageError

WORKFLOW = ".github/workflows/classroom.yml"
HEADER = """\
# Written by `autograder export github-classroom`: the public checks of {name}, per exercise.
# The hidden tests are not here; they run when staff grade the class.
name: Autograding Tests
on: [push, repository_dispatch, workflow_dispatch]
permissions:
  checks: write
  actions: read
  contents: read
jobs:
  run-autograding-tests:
    runs-on: ubuntu-latest
    if: github.actor != 'github-classroom[bot]'
    steps:
      - name: Checkout code
        uses: actions/checkout@v4
      - name: Set up Python
        uses: actions/setup-python@v5
        with:
          python-version: "3.11"
"""
STEP = """\
      - name: {name}
        id: {name}
        uses: classroom-resources/autograding-command-grader@v1
        with:
          test-name: {name}
          setup-command: python -m pip install --quiet numpy
          command: python public_tests.py --exercise {name}
          timeout: 5
          max-score: {points}
"""
REPORTER = """\
      - name: Autograding Reporter
        uses: classroom-resources/autograding-grading-reporter@v1
        env:
{env}
        with:
          runners: {runners}
"""


def public_points(assignment: Assignment) -> dict[str, int]:
    """{exercise: points of its public tests}, in lesson order (Classroom counts whole
    points: a fraction is rounded up, so every exercise is worth at least 1)."""
    import math

    from ..runner import exercise_points

    return {name: max(1, math.ceil(points))
            for name, points in exercise_points(assignment, public=True).items()}


def workflow(assignment: Assignment) -> str:
    """The text of ``classroom.yml`` for ``assignment``."""
    points = public_points(assignment)
    env = "\n".join(f"          {name.upper()}_RESULTS: "
                    f"${{{{ steps.{name}.outputs.result }}}}" for name in points)
    return (HEADER.format(name=assignment.name)
            + "".join(STEP.format(name=name, points=value) for name, value in points.items())
            + REPORTER.format(env=env, runners=",".join(points)))


def export(assignment: Assignment, out: Path) -> Path:
    """Write the template repository for ``assignment`` into ``out`` (a new or empty folder,
    or one this command wrote before, whose files it overwrites); return ``out``."""
    from ..release import release_files

    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file: give a folder")
    if out.exists() and any(out.iterdir()) and not (out / WORKFLOW).is_file():
        raise UsageError(f"--out {out} holds files that are not a template this command "
                         "wrote: give an empty folder")
    files = release_files(assignment)
    text = workflow(assignment)
    for relative, content in files.items():
        (out / relative).parent.mkdir(parents=True, exist_ok=True)
        (out / relative).write_bytes(content)
    (out / WORKFLOW).parent.mkdir(parents=True, exist_ok=True)
    (out / WORKFLOW).write_text(text, encoding="utf-8")
    return out
