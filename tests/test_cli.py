"""The command line: real subprocesses, one-line errors, no tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def run_cli(*args: str, cwd=None, timeout: float = 1800,
            env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "autograder", *args],
        capture_output=True, text=True, timeout=timeout, cwd=cwd,
        env=None if env is None else {**os.environ, **env},
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
