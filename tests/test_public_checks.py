"""The released public checks: pass on the reference, fail clearly on stubs and on known bugs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "corpus"


def run_public(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-I", "public_tests.py", *args],
        cwd=folder, capture_output=True, text=True, timeout=120,
    )


def test_reference_passes_every_public_check(release_copy, assignment):
    shutil.copy(assignment.source, release_copy / "logistic_regression.py")
    done = run_public(release_copy)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "FAIL" not in done.stdout
    assert "All 7 exercises passed their public checks." in done.stdout


def test_untouched_stubs_fail_every_exercise_clearly(release_copy):
    done = run_public(release_copy)
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stdout.count("not implemented yet") == 7
    assert "7 of 7 exercises have failing public checks" in done.stdout


@pytest.mark.parametrize(
    "corpus_file, exercise, message",
    [
        ("01_preprocess_reshape_stack_to_nx_m.py", "preprocess", "columns mix pixels"),
        ("12_initialize_with_zeros_rank1_w.py", "initialize_with_zeros", "rank-1"),
        ("16_propagate_dw_not_averaged.py", "propagate", "did you divide by m"),
        ("37_predict_forgot_bias.py", "predict", "forgot to add b"),
        ("42_model_hardcoded_hyperparameters.py", "model", "not hard-coded values"),
    ],
)
def test_known_mistakes_get_specific_messages(release_copy, corpus_file, exercise, message):
    done = run_public(release_copy, str(CORPUS / "buggy" / corpus_file))
    assert done.returncode == 1
    # public checks call the student's own helpers, so a bug may also show in later exercises
    failing = [line for line in done.stdout.splitlines() if line.startswith(f"FAIL  {exercise}:")]
    assert any(message in line for line in failing), done.stdout


def test_notebook_check_cell_and_command_line_agree(release_copy, assignment):
    """run_all(globals()) in a notebook gives the same verdict as `python public_tests.py`."""
    shutil.copy(CORPUS / "buggy" / "16_propagate_dw_not_averaged.py", release_copy / "student.py")
    probe = (
        "import runpy, sys\n"
        "sys.path.insert(0, '.')\n"
        "import public_tests\n"
        "namespace = runpy.run_path('student.py')\n"
        "sys.exit(0 if public_tests.run_all(namespace) else 1)\n"
    )
    cell = subprocess.run([sys.executable, "-I", "-c", probe], cwd=release_copy,
                          capture_output=True, text=True, timeout=120)
    command = run_public(release_copy, "student.py")
    assert cell.returncode == command.returncode == 1
    assert cell.stdout == command.stdout
