"""Nothing lost: a killed batch resumes, a failure on one submission is one error row."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from autograder.cli import EXIT_GRADER_ERROR
from tests.test_cli import assert_one_line_error, run_cli
from tests.test_grading import EXAMPLES, read_gradebook

pytestmark = pytest.mark.slow


def start_grading(folder: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "autograder", "grade", "logistic_regression", str(folder),
         "--out", str(out), "--jobs", "1", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_states(out: Path, count: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 600
    while len(list(out.glob("*/state.json"))) < count:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "no results appeared"
        time.sleep(0.2)


def grading_processes(marker: str) -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, UnicodeDecodeError):
            continue
        if entry.name.isdigit() and marker in cmdline and int(entry.name) != os.getpid():
            found.append(cmdline[:100])
    return found


def test_a_batch_killed_part_way_resumes_and_matches_a_full_run(tmp_path):
    folder, out, fresh = tmp_path / "class", tmp_path / "out", tmp_path / "fresh"
    shutil.copytree(EXAMPLES, folder)
    process = start_grading(folder, out)
    wait_for_states(out, 2, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    time.sleep(2)  # the grading processes die with their parent (PR_SET_PDEATHSIG)
    assert grading_processes(str(folder)) == []
    assert not (out / "gradebook.csv").exists()  # written once, at the end, atomically
    kept = {path.parent.name for path in out.glob("*/state.json")}
    for student in kept:  # every file that exists is whole
        json.loads((out / student / "results.json").read_text())
    resumed = run_cli("grade", "logistic_regression", str(folder), "--out", str(out))
    assert resumed.returncode == 0, resumed.stderr
    assert f"resuming: {len(kept)} submission(s) already graded" in resumed.stdout
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["resumed"] == len(kept)
    full = run_cli("grade", "logistic_regression", str(folder), "--out", str(fresh))
    assert full.returncode == 0, full.stderr
    assert (out / "gradebook.csv").read_bytes() == (fresh / "gradebook.csv").read_bytes()
    again = run_cli("grade", "logistic_regression", str(folder), "--out", str(out))
    assert "7 submission(s) already graded under this suite, 0 to go" in again.stdout


def test_a_changed_submission_is_graded_again(tmp_path):
    folder, out = tmp_path / "class", tmp_path / "out"
    folder.mkdir()
    shutil.copy(EXAMPLES / "alice.py", folder / "alice.py")
    shutil.copy(EXAMPLES / "bob.py", folder / "bob.py")
    assert run_cli("grade", "logistic_regression", str(folder), "--out", str(out)).returncode == 0
    shutil.copy(EXAMPLES / "carol.py", folder / "bob.py")  # bob hands in again
    done = run_cli("grade", "logistic_regression", str(folder), "--out", str(out))
    assert "resuming: 1 submission(s) already graded under this suite, 1 to go" in done.stdout
    assert read_gradebook(out)["bob"]["score"] == "0"


def test_a_submission_that_vanishes_mid_batch_is_one_error_row(tmp_path):
    folder, out = tmp_path / "class", tmp_path / "out"
    shutil.copytree(EXAMPLES, folder)
    process = start_grading(folder, out)
    wait_for_states(out, 1, process)
    (folder / "grace.py").unlink()  # graded last: the batch has not reached it yet
    stdout, stderr = process.communicate(timeout=900)
    assert process.returncode == EXIT_GRADER_ERROR, stderr  # the others are graded all the same
    book = read_gradebook(out)
    assert book["grace"]["score"] == "error"
    assert book["frank"]["score"] == "100" and book["bob"]["score"] == "84"
    feedback = (out / "grace" / "feedback.md").read_text()
    assert "the grader failed on this submission" in feedback
    shutil.copy(EXAMPLES / "grace.py", folder / "grace.py")
    again = run_cli("grade", "logistic_regression", str(folder), "--out", str(out))
    assert "6 submission(s) already graded under this suite, 1 to go" in again.stdout
    assert read_gradebook(out)["grace"]["score"] == "97"


def test_require_sandbox_refuses_a_weaker_level(tmp_path):
    done = run_cli("grade", "logistic_regression", str(EXAMPLES / "alice.py"), "--out",
                   str(tmp_path), "--require-sandbox", "landlock",
                   env={"AUTOGRADER_SANDBOX": "process"})
    assert_one_line_error(done, "sandbox level 'process' is weaker than the required 'landlock'")


def test_an_unwritable_output_folder_is_one_line(tmp_path):
    done = run_cli("grade", "logistic_regression", str(EXAMPLES / "alice.py"), "--out",
                   "/proc/autograder-out")
    assert_one_line_error(done, "cannot write to --out /proc/autograder-out")
