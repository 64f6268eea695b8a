"""Write what a grading run produced: gradebook, per-student results and feedback, manifest.

Every file is written atomically (a temporary file, then a rename), so a run that dies leaves
each file either whole or absent.

- ``gradebook.csv``: student, score, max_score, then one column per exercise in lesson order;
- ``<student>/results.json``: Gradescope's results.json schema (``<student>`` is the
  student's folder, :func:`autograder.escaping.folder_name` of the id);
- ``<student>/feedback.md``: what passed, what failed and why, per exercise, and
  ``feedback.html``, the same as a page;
- ``<student>/state.json``: the result with the suite and submission hashes it was graded
  under, so a killed or repeated run resumes instead of grading again;
- ``manifest.json``: versions, suite hash, seeds, sandbox level and timings;
- ``previous/``: the gradebook and manifest of the run before, so a regrade shows what changed
  (``report.html``, see :mod:`autograder.class_report`).
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import os
import platform
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from . import __version__
from .course import Assignment
from .escaping import code_block, csv_cell, folder_name, markdown
from .runner import StudentResult, TestResult


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write ``content`` to ``path`` so readers see the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "wb") as handle:
        handle.write(content.encode() if isinstance(content, str) else content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def points(value: float) -> float | int:
    """A score as the gradebook shows it: an int when whole, else rounded to 4 places.

    Example: points(84.0) == 84; points(14.5) == 14.5
    """
    return int(value) if float(value).is_integer() else round(value, 4)


def gradebook(results: list[StudentResult], exercises: list[str]) -> str:
    """The class gradebook as CSV text; a row whose grading failed says ``error``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", "score", "max_score", *exercises])
    for result in results:
        name = csv_cell(result.student)
        if result.error:
            writer.writerow([name, "error", "", *[""] * len(exercises)])
            continue
        per = result.by_exercise(exercises)
        writer.writerow([name, points(result.score), points(result.max_score),
                         *[points(per[name][0]) for name in exercises]])
    return buffer.getvalue()


def results_json(result: StudentResult,
                 visibility: Callable[[TestResult], str] | None = None) -> dict:
    """One student's results in Gradescope's results.json schema; every text that may hold
    what a student wrote is Markdown-escaped (``output_format`` md). ``visibility(test)``
    gives each test's Gradescope visibility (default: all "visible"); ``number`` orders the
    tests by exercise, as "exercise.test"."""
    order: dict[str, int] = {}
    tests = []
    for index, test in enumerate(result.tests, start=1):
        exercise = order.setdefault(test.exercise, len(order) + 1)
        tests.append({
            "name": f"{test.exercise}: {test.prop}",
            "number": f"{exercise}.{index}",
            "score": points(test.score),
            "max_score": points(test.points),
            "status": "passed" if test.score == test.points else "failed",
            "output": markdown(test.message),
            "visibility": "visible" if visibility is None else visibility(test),
            "tags": [test.exercise],
        })
    return {
        "score": points(result.score),
        "max_score": points(result.max_score),
        "execution_time": result.seconds,
        "output": markdown(result.error) if result.error else "\n\n".join(
            [f"{points(result.score)} / {points(result.max_score)}",
             *map(markdown, result.notes)]),
        "output_format": "md",
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "tests": tests,
    }


def feedback(result: StudentResult, exercises: list[str]) -> str:
    """A student's feedback as Markdown: score per exercise, then each failed property.
    What the student's code wrote (messages, notes, printed output) is escaped or fenced so
    that it shows as text and cannot pose as the grader's."""
    title = f"# Feedback for {markdown(result.student)}"
    if result.error:
        return f"{title}\n\nYour submission could not be graded: {markdown(result.error)}\n"
    lines = [title, "",
             f"**Score: {points(result.score)} / {points(result.max_score)}**", "",
             "| exercise | score |", "|---|---|"]
    per = result.by_exercise(exercises)
    lines += [f"| `{name}` | {points(per[name][0])} / {points(per[name][1])} |"
              for name in exercises]
    if result.notes:
        lines += ["", "## About your submission", ""]
        lines += [f"- {markdown(note)}" for note in result.notes]
    for name in exercises:
        failed = [t for t in result.tests if t.exercise == name and t.score < t.points]
        if not failed:
            continue
        lines += ["", f"## `{name}`", ""]
        every = [t for t in result.tests if t.exercise == name]
        if len(failed) == len(every) > 1 and len({t.message for t in failed}) == 1:
            lines.append(f"- **every check** ({points(sum(t.points for t in failed))} pt): "
                         f"{markdown(failed[0].message)}")
            continue
        lines += [f"- **{markdown(t.prop)}** ({points(t.points)} pt): {markdown(t.message)}"
                  for t in failed]
    if all(t.score == t.points for t in result.tests):
        lines += ["", "Every hidden check passed."]
    if result.output.strip():
        excerpt = result.output.strip()[:2000]
        lines += ["", "## What your code printed (first lines)", "", *code_block(excerpt)]
    return "\n".join(lines) + "\n"


def suite_hash(assignment: Assignment) -> str:
    """sha256 over what decides a grade: the engine's code and the assignment's own folder
    (lesson and reference, hidden suite, configuration), by relative name and content.
    Another assignment's changes leave it alone; changes to the engine regrade everyone."""
    engine = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for root, pattern in ((engine, "*.py"), (assignment.folder, "*")):
        for path in sorted(root.rglob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                name = path.relative_to(root).as_posix()
                digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def recording_key(suite: str) -> str:
    """What a recording of the suite depends on: the suite hash and the versions of the
    libraries that draw and compute its examples."""
    import hypothesis
    import numpy

    versions = f"{suite} {hypothesis.__version__} {numpy.__version__} {platform.python_version()}"
    return hashlib.sha256(versions.encode()).hexdigest()[:24]


def manifest(*, assignment: str, suite: str, level: str, jobs: int, seconds: float,
             results: list[StudentResult], resumed: int = 0, stats: dict | None = None,
             dask: str | None = None) -> dict:
    """What a regrade needs to reproduce this run."""
    import hypothesis
    import numpy

    return {
        "grader_version": __version__,
        "assignment": assignment,
        "suite_hash": suite,
        "python": platform.python_version(),
        "numpy": numpy.__version__,
        "hypothesis": hypothesis.__version__,
        "hypothesis_profile": "autograder (derandomize=True, database=None, deadline=None)",
        "seeds": "derandomized: each test's examples derive from a hash of the test itself",
        "examples": "drawn once per suite by hypothesis, then replayed for every submission "
                    f"(this run: {(stats or {}).get('recording', 'none needed')})",
        "sandbox_level": level,
        "jobs": jobs,
        "dask": None if dask is None else {"address": dask,
                                           "workers": (stats or {}).get("dask_workers")},
        "submissions": len(results),
        "resumed": resumed,  # results reused from an earlier run: same suite, same submission
        "seconds_total": round(seconds, 3),
        "peak_rss_mb_per_slot": (stats or {}).get("peak_rss_mb_per_slot", []),
        "peak_rss_mb_grading_process": (stats or {}).get("peak_rss_mb_grading_process", []),
        "peak_rss_mb_dask_worker": (stats or {}).get("peak_rss_mb_dask_worker", []),
        "seconds_per_submission": {r.student: r.seconds for r in results},
    }


STATE = "state.json"
#: the folder in ``out`` that keeps the previous run's gradebook and manifest
PREVIOUS = "previous"


def file_hash(path: Path) -> str:
    """sha256 of a submission's bytes: with the suite hash, what decides a regrade."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def feedback_page(markdown_text: str, title: str) -> str:
    """Feedback Markdown as a standalone HTML page. Raw HTML in the Markdown is shown as
    text, never interpreted (what students wrote is escaped before; this holds regardless)."""
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown_text)
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'\">\n"
            f"<title>{html.escape(title)}</title>\n<style>body {{ font: 15px/1.45 system-ui, "
            "sans-serif; max-width: 50em; margin: 1.5em auto; padding: 0 1em; }} td, th {{ "
            "padding: .2em .6em; border-bottom: 1px solid #eee; }}</style>\n</head>\n"
            f"<body>\n{body}</body>\n</html>\n")


def write_student(out: Path, result: StudentResult, exercises: list[str],
                  key: dict | None = None) -> None:
    """Write one student's files as soon as they are graded. With ``key`` ({"suite",
    "submission"} hashes) a later run skips this student; without, it grades them again."""
    folder = out / folder_name(result.student)
    text = feedback(result, exercises)
    write_atomic(folder / "results.json", json.dumps(results_json(result), indent=2) + "\n")
    write_atomic(folder / "feedback.md", text)
    write_atomic(folder / "feedback.html", feedback_page(text, f"Feedback for {result.student}"))
    key = key or {"suite": None, "submission": None}
    write_atomic(folder / STATE, json.dumps({**key, "result": asdict(result)}) + "\n")


def load_graded(out: Path, student: str, key: dict) -> StudentResult | None:
    """The result a previous run recorded for ``student`` under the same ``key``, if any."""
    try:
        state = json.loads((out / folder_name(student) / STATE).read_text(encoding="utf-8"))
        if any(state.get(name) != value for name, value in key.items()):
            return None
        return StudentResult.from_dict(state["result"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # absent, or from an older grader: grade again


def write_all(out: Path, results: list[StudentResult], exercises: list[str],
              manifest_data: dict) -> None:
    """Write the class-wide files of a run (each student's own were written as they came),
    keeping those of the run before in ``previous/``."""
    for name in ("gradebook.csv", "manifest.json"):
        if (out / name).is_file():
            write_atomic(out / PREVIOUS / name, (out / name).read_bytes())
    write_atomic(out / "gradebook.csv", gradebook(results, exercises))
    write_atomic(out / "manifest.json", json.dumps(manifest_data, indent=2) + "\n")
