"""The command line: real subprocesses, one-line errors, no tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def run_cli(*args: str, cwd=ROOT, timeout: float = 1800,
            env: dict | None = None) -> subprocess.CompletedProcess:
    """``autograder ARGS`` in a real process, by default from the repository's course."""
    return subprocess.run(
        [sys.executable, "-m", "autograder", *args],
        capture_output=True, text=True, timeout=timeout, cwd=cwd,
        env={**os.environ, **(env or {})},
    )


def assert_one_line_error(done: subprocess.CompletedProcess, fragment: str) -> None:
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], done.stderr


def test_release_writes_the_student_folder(tmp_path):
    done = run_cli("release", "logistic_regression", "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    names = {p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*")
             if p.is_file()}
    assert {"logistic_regression.ipynb", "logistic_regression.py", "public_tests.py",
            "gradcheck.py", "lr_utils.py", "datasets/digits8.npz"} <= names


@pytest.mark.parametrize("command", [("release", "no_such_lesson"),
                                     ("grade", "no_such_lesson", ".", "--out", "x")])
def test_unknown_assignment_is_one_line(command):
    assert_one_line_error(run_cli(*command), "unknown assignment 'no_such_lesson'")


def test_the_course_is_found_from_a_subfolder():
    done = run_cli("release", "no_such_lesson", cwd=ROOT / "tests")
    assert_one_line_error(done, "known: computation_graph, logistic_regression")


def test_the_course_comes_from_course_or_the_environment(tmp_path):
    by_option = run_cli("release", "no_such_lesson", "--course", str(ROOT), cwd=tmp_path)
    by_variable = run_cli("release", "no_such_lesson", cwd=tmp_path,
                          env={"AUTOGRADER_COURSE": str(ROOT)})
    for done in (by_option, by_variable):
        assert_one_line_error(done, "known: computation_graph, logistic_regression")


def test_no_course_is_one_line(tmp_path):
    assert_one_line_error(run_cli("release", cwd=tmp_path, env={"AUTOGRADER_COURSE": ""}),
                          "no course found")
    assert_one_line_error(run_cli("check", "--course", str(tmp_path)), "no solutions/ folder")


@pytest.mark.parametrize("command", ["new", "release", "check", "grade", "export nbgrader"])
def test_every_command_explains_its_arguments(command):
    done = run_cli(*command.split(), "--help")
    assert done.returncode == 0
    assert "--course DIR" in done.stdout and "the course folder" in done.stdout
    positional = {"new": "ASSIGNMENT", "release": "ASSIGNMENT", "check": "ASSIGNMENT",
                  "grade": "PATH", "export nbgrader": "COURSE_DIR"}[command]
    described = [line for line in done.stdout.splitlines() if line.strip().startswith(positional)]
    assert described and len(described[0].split()) > 1, done.stdout  # a name and its help


@pytest.mark.parametrize("name, message", [("class", "cannot name an assignment"),
                                           ("math", "cannot name an assignment"),
                                           ("logistic_regression", "exists already")])
def test_new_refuses_bad_names_in_one_line(name, message):
    assert_one_line_error(run_cli("new", name), message)
