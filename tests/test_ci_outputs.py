"""What `autograder grade` gives a CI job: JUnit XML, a GitHub job summary, annotations that
student text cannot forge, and exit codes a workflow can act on."""

from __future__ import annotations

import os
import re

import junitparser
import pytest

from autograder.cli import EXIT_BELOW, EXIT_GRADED, EXIT_GRADER_ERROR, _exit_code
from autograder.runner import GRADER_ERROR, StudentResult
from autograder.runner import TestResult as Outcome
from tests.test_cli import run_cli
from tests.test_grading import EXAMPLES, EXERCISES, read_gradebook

pytestmark = pytest.mark.slow
NAME = "logistic_regression"
#: a message that would fake a full score if the runner decoded it before reading commands
#: (the grader keeps only the first line of an exception's message)
FORGED = "nope %0A::notice title=Score::100 / 100"


def _github_env(tmp_path) -> dict[str, str]:
    summary = tmp_path / "step_summary.md"
    summary.write_text("earlier step\n")
    return {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}


@pytest.fixture(scope="module")
def class_run(tmp_path_factory):
    """The example class graded as a GitHub Actions job with --junit-xml."""
    tmp = tmp_path_factory.mktemp("ci")
    env = _github_env(tmp)
    done = run_cli("grade", NAME, str(EXAMPLES), "--out", str(tmp / "out"), "--jobs", "2",
                   "--junit-xml", str(tmp / "junit.xml"), env=env)
    return done, tmp


def test_junit_xml_has_a_suite_per_student_and_a_case_per_hidden_test(class_run):
    done, tmp = class_run
    assert done.returncode == EXIT_GRADED, done.stderr
    book = read_gradebook(tmp / "out")
    xml = junitparser.JUnitXml.fromfile(str(tmp / "junit.xml"))
    suites = {suite.name: suite for suite in xml}
    assert set(suites) == set(book)
    for student, suite in suites.items():
        cases = list(suite)
        assert {case.classname for case in cases} == set(EXERCISES)
        lost = {case.classname for case in cases if not case.is_passed}
        per = {name: float(book[student][name]) for name in EXERCISES}
        full = {name: float(book["alice"][name]) for name in EXERCISES}
        assert lost == {name for name in EXERCISES if per[name] < full[name]}, student
        assert suite.failures == len([case for case in cases if not case.is_passed])
    bob = suites["bob"]
    failed = [case for case in bob if not case.is_passed]
    assert failed and all(case.classname == "propagate" for case in failed)
    assert any("divide by m" in case.result[0].message for case in failed)
    points = {prop.name: float(prop.value) for prop in bob.properties()}
    assert points == {"score": float(book["bob"]["score"]), "max_score": 100.0}


def test_step_summary_is_appended_and_the_table_is_quoted(class_run):
    done, tmp = class_run
    summary = (tmp / "step_summary.md").read_text()
    assert summary.startswith("earlier step\n")  # appended, never overwritten
    assert "| `preprocess` |" in summary.splitlines()[3]
    assert re.search(r"^\| bob \| \d+ / 100 \|", summary, re.M)
    start = re.search(r"^::stop-commands::([0-9a-f]{32})$", done.stdout, re.M)
    assert start and f"\n::{start.group(1)}::\n" in done.stdout
    assert done.stdout.index("alice") > start.end()


@pytest.fixture(scope="module")
def forged_run(tmp_path_factory):
    """One submission whose propagate raises a message made of workflow commands, graded with
    --github and --fail-under 90."""
    tmp = tmp_path_factory.mktemp("forged")
    student = tmp / "mallory.py"
    student.write_text((EXAMPLES / "alice.py").read_text() + "\n\ndef propagate(w, b, X, Y):\n"
                       f"    raise ValueError({FORGED!r})\n")
    done = run_cli("grade", NAME, str(student), "--out", str(tmp / "out"), "--github",
                   "--fail-under", "90", env={**_github_env(tmp), "GITHUB_ACTIONS": "false"})
    return done, tmp


def test_annotations_for_one_submission_cannot_be_forged(forged_run):
    done, _ = forged_run
    commands = [line for line in done.stdout.splitlines() if line.startswith("::")]
    ours = [line for line in commands if not line.startswith("::stop-commands::")
            and not re.fullmatch(r"::[0-9a-f]{32}::", line)]
    score = [line for line in ours if line.startswith("::notice")]
    assert len(score) == 1 and re.fullmatch(r"::notice title=Score::\d+ / 100", score[0])
    assert score[0] != "::notice title=Score::100 / 100"
    errors = [line for line in ours if line.startswith("::error")]
    assert errors and all(line.startswith("::error title=propagate (0 / ") for line in errors)
    assert "nope %250A::notice title=Score::100 / 100" in errors[0]
    assert len(ours) == len(score) + len(errors)


def test_fail_under_exits_3_on_a_low_score(forged_run):
    done, _ = forged_run
    assert done.returncode == EXIT_BELOW, done.stderr


@pytest.mark.parametrize("results, fail_under, code", [
    ([StudentResult("a", [Outcome("t", "e", "p", 2, 2)])], 100, EXIT_GRADED),
    ([StudentResult("a", [Outcome("t", "e", "p", 2, 1)])], None, EXIT_GRADED),
    ([StudentResult("a", [Outcome("t", "e", "p", 2, 1)])], 50, EXIT_GRADED),
    ([StudentResult("a", [Outcome("t", "e", "p", 2, 1)])], 50.1, EXIT_BELOW),
    ([StudentResult("a", error="not a notebook: invalid JSON")], None, EXIT_GRADED),
    ([StudentResult("a", error="not a notebook: invalid JSON")], 0.5, EXIT_BELOW),
    ([StudentResult("a", error=f"{GRADER_ERROR}: the sandbox could not start"),
      StudentResult("b", [Outcome("t", "e", "p", 2, 0)])], 50, EXIT_GRADER_ERROR),
])
def test_exit_code_policy(results, fail_under, code):
    assert _exit_code(results, fail_under) == code


def test_fail_under_out_of_range_is_one_line(tmp_path):
    done = run_cli("grade", NAME, str(EXAMPLES / "alice.py"), "--out", str(tmp_path),
                   "--fail-under", "150")
    assert done.returncode == 2 and "between 0 and 100" in done.stderr
    assert done.stderr.count("\n") == 1
