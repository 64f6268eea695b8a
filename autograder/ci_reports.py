"""What a CI job shows of a grading run: JUnit XML, a GitHub job summary and annotations.

- :func:`junit_xml`: one ``<testsuite>`` per student and one ``<testcase>`` per hidden test,
  ``classname`` the exercise, points as ``<properties>``. dorny/test-reporter,
  mikepenz/action-junit-report and GitLab's ``artifacts:reports:junit`` read it.
- :func:`step_summary`: a Markdown table for ``$GITHUB_STEP_SUMMARY``, under GitHub's 1 MiB.
- :func:`annotations`: ``::error``/``::notice`` workflow commands for one submission, at most
  as many as GitHub shows per step.
- :func:`quoted`: any text a student controls, between ``::stop-commands::`` markers with a
  fresh random token, so that it cannot issue workflow commands of its own.

Every text that comes from a student (ids, messages) passes through :mod:`.escaping`.
"""

from __future__ import annotations

import secrets
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from . import reports
from .escaping import markdown, visible, workflow_data, workflow_property
from .runner import StudentResult

#: GitHub shows 10 error annotations per step; more are dropped silently
MAX_ERRORS = 10
#: GitHub refuses a step summary over 1 MiB; stay well below it
SUMMARY_BYTES = 512 * 1024


def _out_of(score: float, top: float) -> str:
    """'84 / 100', the scores as the gradebook writes them."""
    return f"{reports.points(score)} / {reports.points(top)}"


def junit_xml(results: list[StudentResult], assignment: str) -> str:
    """The run as JUnit XML text (UTF-8, XML declaration included).

    A failed test is a ``<failure>`` whose message is the feedback's; a submission that could
    not be graded is one ``<testcase name="grading">`` with an ``<error>``.

    Example: a student with one failed 4-point test gives
    ``<testsuite name="alice" tests="1" failures="1" ...><testcase classname="propagate"
    name="dw is right" ...><properties><property name="score" value="0"/>...``
    """
    suites = ET.Element("testsuites", name=assignment)
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for result in results:
        suite = ET.SubElement(suites, "testsuite", name=visible(result.student),
                              time=f"{result.seconds:.3f}")
        properties = ET.SubElement(suite, "properties")
        for name, value in (("score", result.score), ("max_score", result.max_score)):
            ET.SubElement(properties, "property", name=name, value=str(reports.points(value)))
        counts = {"tests": 0, "failures": 0, "errors": 0}
        if result.error:
            case = ET.SubElement(suite, "testcase", classname=assignment, name="grading",
                                 time=f"{result.seconds:.3f}")
            ET.SubElement(case, "error", message=visible(result.error)).text = visible(
                result.error)
            counts["tests"] = counts["errors"] = 1
        for test in result.tests:
            case = ET.SubElement(suite, "testcase", classname=test.exercise,
                                 name=visible(test.prop), time="0")
            points = ET.SubElement(case, "properties")
            for name, value in (("score", test.score), ("max_score", test.points)):
                ET.SubElement(points, "property", name=name, value=str(reports.points(value)))
            counts["tests"] += 1
            if test.score < test.points:
                counts["failures"] += 1
                ET.SubElement(case, "failure", message=visible(test.message),
                              type=test.kind).text = visible(test.message)
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        suites.set(key, str(value))
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def step_summary(results: list[StudentResult], exercises: list[str], assignment: str) -> str:
    """The run as GitHub-flavoured Markdown: one row per student, one column per exercise.
    Rows that would take it over :data:`SUMMARY_BYTES` are left out, and the last line
    says how many."""
    header = ["student", "score", *exercises]
    lines = [f"### `{assignment}`: {len(results)} submission(s)", "",
             "| " + " | ".join(f"`{name}`" if name in exercises else name for name in header)
             + " |", "|" + "---|" * len(header)]
    size = sum(len(line.encode()) + 1 for line in lines)
    for shown, result in enumerate(results):
        if result.error:
            cells = [markdown(result.student), "error", markdown(result.error),
                     *[""] * (len(exercises) - 1)]
        else:
            per = result.by_exercise(exercises)
            cells = [markdown(result.student),
                     _out_of(result.score, result.max_score),
                     *[_out_of(*per[name])
                       for name in exercises]]
        row = "| " + " | ".join(cells) + " |"
        size += len(row.encode()) + 1
        if size > SUMMARY_BYTES:
            lines.append(f"\n{len(results) - shown} more row(s) left out: the gradebook has "
                         "them all.")
            break
        lines.append(row)
    return "\n".join(lines) + "\n"


def annotations(result: StudentResult, exercises: list[str]) -> Iterator[str]:
    """Workflow commands for one submission: a notice with the score, then an error per
    exercise that lost points (its first failed test's message), at most :data:`MAX_ERRORS`.

    Example: ``::notice title=Score::85 / 100`` then
    ``::error title=propagate (12 / 20)::dw is m times too large ...``
    """
    if result.error:
        yield f"::error title=Not graded::{workflow_data(result.error)}"
        return
    yield f"::notice title=Score::{_out_of(result.score, result.max_score)}"
    per = result.by_exercise(exercises)
    failing = [name for name in exercises if per[name][0] < per[name][1]]
    for name in failing[:MAX_ERRORS]:
        first = next(t for t in result.tests if t.exercise == name and t.score < t.points)
        title = workflow_property(f"{name} ({_out_of(*per[name])})")
        yield f"::error title={title}::{workflow_data(f'{first.prop}: {first.message}')}"


def quoted(text: str) -> str:
    """``text`` between ``::stop-commands::TOKEN`` and ``::TOKEN::``, TOKEN random per call:
    the runner prints it without reading any workflow command in it."""
    token = secrets.token_hex(16)
    return f"::stop-commands::{token}\n{text}\n::{token}::"
