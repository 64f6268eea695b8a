"""The class report: one self-contained HTML page on how a graded class did.

``write(out)`` reads what ``autograder grade`` left in ``out`` (``manifest.json``,
``gradebook.csv``, each student's ``state.json`` and, after a regrade, ``previous/``) and
writes ``out/report.html``: the class summary, a histogram of scores and one per exercise,
the hidden tests most students failed, the most common diagnosed mistakes, a sortable and
filterable table of students linking to their feedback, who needs a look, and what changed
since the previous run.

The page needs no network: its plots are SVG images drawn by matplotlib and inlined as data
URLs, its style and script are inline, and a Content-Security-Policy forbids loading
anything else. Everything a student controls (names, messages) is escaped by the template.

Example::

    from autograder.class_report import write
    write(Path("results"))   # -> Path("results/report.html")
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import numpy as np

from .course import UsageError
from .escaping import folder_name
from .reports import PREVIOUS, STATE, points, write_atomic
from .runner import GATED, GRADER_ERROR, StudentResult

REPORT = "report.html"

# The numbers of "max absolute error …, max relative error …" (autograder.checks) and the
# student's line number differ between students who made the same mistake.
_MEASURED = re.compile(r": max absolute error [^ ,.]+(\.\d+)?(e[-+]?\d+)?"
                       r"(, max relative error [^ ,.]+(\.\d+)?(e[-+]?\d+)?)?\.")
_LINE = re.compile(r" \(line \d+[^)]*\)")
# how the sandbox words a submission that ran out of time (autograder.sandbox)
_TIMEOUT = re.compile(r"did not finish within|used up its time budget|CPU time limit")


@dataclass
class Run:
    """One grading run as ``autograder grade`` wrote it."""

    manifest: dict
    exercises: list[str]
    results: list[StudentResult]
    previous: dict[str, str] = field(default_factory=dict)  # student -> earlier score
    previous_manifest: dict = field(default_factory=dict)


def _read_gradebook(path: Path) -> tuple[list[str], dict[str, list[str]]]:
    """(exercises, {student: row}) of a gradebook.csv."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    if not rows or rows[0][:3] != ["student", "score", "max_score"]:
        raise UsageError(f"{path} is not a gradebook written by autograder grade")
    return rows[0][3:], {row[0]: row for row in rows[1:] if row}


def load(out: Path) -> Run:
    """The run ``autograder grade`` left in ``out``; UsageError when it is not one."""
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        exercises, _ = _read_gradebook(out / "gradebook.csv")
        results = []
        for student in manifest["seconds_per_submission"]:
            state = json.loads((out / folder_name(student) / STATE).read_text("utf-8"))
            results.append(StudentResult.from_dict(state["result"]))
    except FileNotFoundError as error:
        raise UsageError(f"{out} holds no complete grading run ({Path(error.filename).name} "
                         "is missing): run autograder grade --out there first") from None
    except (ValueError, KeyError, TypeError) as error:
        raise UsageError(f"{out} holds a grading run this version cannot read ({error!r}): "
                         "grade again with --regrade") from None
    run = Run(manifest, exercises, sorted(results, key=lambda result: result.student))
    if (out / PREVIOUS / "gradebook.csv").is_file():
        _, rows = _read_gradebook(out / PREVIOUS / "gradebook.csv")
        run.previous = {student: row[1] for student, row in rows.items()}
        try:
            run.previous_manifest = json.loads(
                (out / PREVIOUS / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass  # the scores alone still say what changed
    return run


def mistake(message: str) -> str:
    """A failed test's message without what differs between students who made the same
    mistake (measured errors, line numbers), so that equal mistakes count together.

    Example: mistake("dw has wrong values: max absolute error 1.6, max relative error 2. "
    "did you divide by m?") == "dw has wrong values. did you divide by m?"
    """
    return _LINE.sub("", _MEASURED.sub(".", message)).strip()


def _svg(figure) -> str:
    """A matplotlib figure as a data URL of its SVG, the same bytes on every run."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def _histogram(values: list[float], top: float, ax, title: str) -> None:
    """Draw the distribution of ``values`` (points from 0 to ``top``) on ``ax``."""
    bins = np.linspace(0, top, min(int(top), 20) + 1) if top > 0 else np.array([0, 1])
    ax.hist(values, bins=bins, color="#4c72b0", edgecolor="white")
    ax.set_xlim(0, max(top, 1))
    ax.set_title(title, fontsize=10)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)


def plots(run: Run) -> dict[str, str]:
    """{"total": the histogram of total scores, "exercises": small multiples, one
    histogram per exercise}, as SVG data URLs."""
    import matplotlib
    from matplotlib.figure import Figure

    matplotlib.rcParams["svg.hashsalt"] = "autograder"  # stable element ids
    graded = [result for result in run.results if not result.error]
    top = max((result.max_score for result in graded), default=0.0)
    total = Figure(figsize=(6, 2.6))
    _histogram([result.score for result in graded], top, total.add_subplot(),
               "total score")
    total.axes[0].set_xlabel("points")
    total.axes[0].set_ylabel("submissions")
    columns = min(4, max(len(run.exercises), 1))
    rows = -(-len(run.exercises) // columns)
    small = Figure(figsize=(2.4 * columns, 1.9 * rows), layout="constrained")
    per = [result.by_exercise(run.exercises) for result in graded]
    for index, name in enumerate(run.exercises):
        most = max((scores[name][1] for scores in per), default=0.0)
        _histogram([scores[name][0] for scores in per], most,
                   small.add_subplot(rows, columns, index + 1), name)
    return {"total": _svg(total), "exercises": _svg(small)}


def summary(run: Run) -> dict:
    """Counts and score statistics of the run (over the submissions that were graded)."""
    graded = [result.score for result in run.results if not result.error]
    quartiles = np.percentile(graded, [25, 50, 75]).tolist() if graded else [None] * 3
    tops = {result.max_score for result in run.results if not result.error}
    return {
        "submissions": len(run.results),
        "graded": len(graded),
        "errors": sum(bool(result.error) for result in run.results),
        "max_score": max(tops, default=0.0),
        "mean": float(np.mean(graded)) if graded else None,
        "q1": quartiles[0], "median": quartiles[1], "q3": quartiles[2],
    }


def test_failures(run: Run) -> list[dict]:
    """Each hidden test with its exercise, points and the share of graded submissions that
    lost points on it, worst first (then in suite order)."""
    tests: dict[tuple[str, str], dict] = {}
    graded = [result for result in run.results if not result.error]
    for result in graded:
        for test in result.tests:  # a test's name is unique within its exercise only
            row = tests.setdefault((test.exercise, test.name), {
                "exercise": test.exercise, "test": test.prop, "points": test.points,
                "failed": 0})
            row["failed"] += test.score < test.points
    rows = [{**row, "share": row["failed"] / len(graded)} for row in tests.values()]
    return sorted(rows, key=lambda row: -row["share"])


def common_mistakes(run: Run, limit: int = 15) -> list[dict]:
    """The diagnoses the feedback gave most often: (exercise, message) with the number of
    students who got it, most common first. A passed check that did not count (see
    :func:`autograder.runner.without_effortless_points`) is not a mistake."""
    students: dict[tuple[str, str], set[str]] = defaultdict(set)
    for result in run.results:
        for test in result.tests:
            if test.score < test.points and test.message and not test.message.startswith(GATED):
                students[test.exercise, mistake(test.message)].add(result.student)
    counted = Counter({key: len(who) for key, who in students.items()})
    return [{"exercise": exercise, "message": message, "students": count}
            for (exercise, message), count in counted.most_common(limit)]


def _status(result: StudentResult) -> str:
    if result.error:
        return "grader error" if result.error.startswith(GRADER_ERROR) else "error"
    if any(_TIMEOUT.search(test.message) for test in result.tests):
        return "timeout"
    return "zero" if result.score == 0 else "ok"


def _number(cell: str | None) -> float | None:
    """A gradebook score cell as a number; None for an error row or no cell."""
    try:
        return float(cell) if cell else None
    except ValueError:
        return None


def students(run: Run) -> list[dict]:
    """One row per student: score, per-exercise points, status (ok, zero, timeout, error,
    grader error), seconds, the link to their feedback, and the score of the previous run
    with the change since (None when there was none, or either was an error)."""
    rows = []
    for result in run.results:
        per = result.by_exercise(run.exercises) if not result.error else {}
        score = None if result.error else result.score
        before = _number(run.previous.get(result.student))
        rows.append({
            "student": result.student, "score": score, "max_score": result.max_score,
            "exercises": [per[name][0] if per else None for name in run.exercises],
            "status": _status(result), "seconds": result.seconds, "error": result.error,
            "previous": run.previous.get(result.student),
            "change": None if score is None or before is None else round(score - before, 4),
            "feedback": f"{quote(folder_name(result.student))}/feedback.html",
        })
    return rows


def changes(run: Run, rows: list[dict]) -> dict | None:
    """What changed since the previous run: students whose score changed (largest change
    first), students new to this run and those no longer in it; None without a previous
    run."""
    if not run.previous:
        return None
    now = {row["student"] for row in rows}
    changed = [row for row in rows if row["student"] in run.previous and (
        row["change"] if row["change"] is not None
        else (row["score"] is None) != (_number(row["previous"]) is None))]
    return {"changed": sorted(changed, key=lambda row: -abs(row["change"] or 0)),
            "new": sorted(now - set(run.previous)),
            "gone": sorted(set(run.previous) - now),
            "suite_changed": run.previous_manifest.get("suite_hash")
            not in (None, run.manifest.get("suite_hash"))}


def render(run: Run) -> str:
    """The report page of ``run`` as HTML text."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(loader=PackageLoader("autograder", "pages"),
                              autoescape=select_autoescape(default=True))
    environment.filters["points"] = lambda value: "" if value is None else str(points(value))
    script = environment.get_template("class_report.js").render()
    rows = students(run)
    return environment.get_template("class_report.html").render(
        run=run, manifest=run.manifest, summary=summary(run), plots=plots(run),
        tests=test_failures(run), mistakes=common_mistakes(run), students=rows,
        look=[row for row in rows if row["status"] != "ok"], changes=changes(run, rows),
        script=script,
        script_hash=base64.b64encode(hashlib.sha256(script.encode()).digest()).decode())


def write(out: Path) -> Path:
    """Write ``out/report.html`` for the run in ``out``; return its path."""
    path = out / REPORT
    write_atomic(path, render(load(out)))
    return path
