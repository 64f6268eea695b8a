"""The released public checks, built from the hidden tests marked public: they pass on the
reference, fail clearly on stubs and on known bugs, and say what the grader's feedback says."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from autograder.public_checks import PublicCheckError, build
from autograder.public_runner import call_key, from_json, to_json
from autograder.runner import collect
from tests.conftest import copy_release

CORPUS = Path(__file__).resolve().parent / "corpus" / "logistic_regression"


def run_public(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-I", "public_tests.py", *args],
        cwd=folder, capture_output=True, text=True, timeout=300,
    )


def test_reference_passes_and_stubs_fail_every_public_check(assignment, tmp_path):
    folder = copy_release(assignment, tmp_path / assignment.name)
    stubs = run_public(folder)
    assert stubs.returncode == 1 and "PASS" not in stubs.stdout
    assert "Traceback" not in stubs.stdout + stubs.stderr
    assert stubs.stdout.count("not implemented yet") == len(assignment.exercises())
    shutil.copy(assignment.source, folder / f"{assignment.name}.py")
    done = run_public(folder)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "FAIL" not in done.stdout
    assert f"All {len(assignment.exercises())} exercises passed their public checks." \
        in done.stdout


def test_public_checks_need_numpy_and_the_standard_library_only(assignment):
    """Every module the released public checks import is numpy, the standard library or a
    released file."""
    released = {path.stem for path in assignment.release_dir.glob("*.py")} | {"public_checks"}
    for path in [assignment.release_dir / "public_tests.py", assignment.release_dir / "checks.py",
                 *sorted((assignment.release_dir / "public_checks").glob("*.py"))]:
        for line in path.read_text().splitlines():
            if line.startswith(("import ", "from ")) and not line.startswith("from ."):
                module = line.split()[1].split(".")[0]
                assert module == "numpy" or module in sys.stdlib_module_names or \
                    module in released, f"{path.name}: {line}"


@pytest.mark.parametrize(
    "corpus_file, exercise, message",
    [
        ("01_preprocess_reshape_stack_to_nx_m.py", "preprocess", "columns mix pixels"),
        ("12_initialize_with_zeros_rank1_w.py", "initialize_with_zeros", "rank-1 array"),
        ("16_propagate_dw_not_averaged.py", "propagate", "did you divide by m"),
        ("28_optimize_inplace_update_mutates_caller.py", "optimize", "changed the caller's w"),
        ("37_predict_forgot_bias.py", "predict", "did you forget + b"),
        ("42_model_hardcoded_hyperparameters.py", "model", "pass the num_iterations"),
    ],
)
def test_known_mistakes_get_specific_messages(release_copy, corpus_file, exercise, message):
    done = run_public(release_copy, str(CORPUS / "buggy" / corpus_file))
    assert done.returncode == 1
    # public checks call the student's own helpers, so a bug may also show in later exercises
    failing = [line for line in done.stdout.splitlines() if line.startswith(f"FAIL  {exercise}:")]
    assert any(message in line for line in failing), done.stdout


def test_a_probability_of_one_half_is_caught_publicly(release_copy, tmp_path):
    """The course's `>=` slip in predict, seen only where a score is exactly 0."""
    wrong = tmp_path / "student.py"
    wrong.write_text((CORPUS / "correct" / "02_einsum.py").read_text().replace(
        "(A > 0.5)", "(A >= 0.5)"))
    done = run_public(release_copy, str(wrong))
    assert "use A > 0.5, not A >= 0.5" in done.stdout, done.stdout


def test_public_message_is_the_graders_feedback(release_copy, lr):
    """The same failing test says the same thing on the student's side and in the grader's
    feedback (graded in process: the messages do not depend on the sandbox)."""
    from autograder.plugin import import_trusted, load_reference
    from autograder.runner import grade_in_process
    from autograder.submission import InProcessBackend

    path = CORPUS / "buggy" / "16_propagate_dw_not_averaged.py"
    student = import_trusted(path, "_student_16")
    reference = load_reference(lr)
    graded = grade_in_process(lr, lambda: InProcessBackend(student, reference, lr.exercises()),
                              only="propagate")
    hidden = {test.prop: test.message for test in graded.tests if test.message}
    public = {}
    for line in run_public(release_copy, str(path)).stdout.splitlines():
        if line.startswith("FAIL  propagate: ") and " -> " in line:
            prop, message = line.removeprefix("FAIL  propagate: ").split(" -> ", 1)
            public[prop] = message
    assert public and all(hidden[prop] == message for prop, message in public.items()), \
        (public, hidden)


def test_check_cell_and_command_line_agree(release_copy):
    """check(...) in a notebook gives the same verdicts as `python public_tests.py`."""
    shutil.copy(CORPUS / "buggy" / "16_propagate_dw_not_averaged.py", release_copy / "student.py")
    probe = (
        "import runpy, sys\n"
        "sys.path.insert(0, '.')\n"
        "import public_tests\n"
        "namespace = runpy.run_path('student.py')\n"
        "sys.exit(0 if public_tests.run_all(namespace) else 1)\n"
    )
    cell = subprocess.run([sys.executable, "-I", "-c", probe], cwd=release_copy,
                          capture_output=True, text=True, timeout=300)
    command = run_public(release_copy, "student.py")
    assert cell.returncode == command.returncode == 1
    assert cell.stdout == command.stdout


def test_a_module_that_cannot_be_imported_is_one_line(release_copy, tmp_path):
    broken = tmp_path / "broken.py"
    broken.write_text("import numpy as np\n\nx = 1 / 0\n")
    done = run_public(release_copy, str(broken))
    assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr
    assert "ZeroDivisionError" in done.stdout and "line 3" in done.stdout


def test_values_cross_json_exactly():
    import numpy as np

    value = {"w": np.array([[0.1], [-2.5e-300]]), "b": 0.30000000000000004, "n": 3,
             "flags": np.array([True, False]), "pair": (np.uint8(7), None, float("nan")),
             "images": np.arange(6, dtype=np.uint8).reshape(1, 2, 3), "text": "é"}
    back = from_json(json.loads(json.dumps(to_json(value))))
    assert back["b"] == value["b"] and type(back["pair"]) is tuple
    assert back["w"].dtype == np.float64 and np.array_equal(back["w"], value["w"])
    assert back["images"].dtype == np.uint8 and back["images"].shape == (1, 2, 3)
    assert back["pair"][0] == 7 and back["pair"][0].dtype == np.uint8
    assert np.isnan(back["pair"][2]) and back["text"] == "é"
    with pytest.raises(TypeError, match="set"):
        to_json({1, 2})


def _course_with(tmp_path: Path, test_source: str):
    """A one-exercise course whose hidden suite is ``test_source``."""
    from autograder.course import Course
    from autograder.scaffold import scaffold

    folder = scaffold(tmp_path, "lesson")
    (folder / "tests" / "test_scale.py").write_text(test_source)
    return Course(tmp_path).assignment("lesson")


HEADER = ("import numpy as np\nimport pytest\nfrom hypothesis import given, example\n"
          "from hypothesis import strategies as st\n"
          "from autograder.checks import expect_close\n\n\n")


@pytest.mark.parametrize("test, message", [
    ("@pytest.mark.public\n@pytest.mark.exercise('scale', points=1)\n@given(x=st.floats(0, 1))\n"
     "def test_x(submission, x):\n    '''x'''\n", "needs at least one @example"),
    ("@pytest.mark.public\n@pytest.mark.exercise('scale', points=1)\n@given(data=st.data())\n"
     "@example(data=None)\ndef test_x(submission, data):\n    '''x'''\n"
     "    data.draw(st.integers())\n", "fails on the reference"),
    ("@pytest.mark.public\n@pytest.mark.exercise('scale', points=1)\n"
     "def test_x(submission, tmp_path):\n    '''x'''\n", "may ask only for submission"),
    ("import scipy\n\n\n@pytest.mark.public\n@pytest.mark.exercise('scale', points=1)\n"
     "def test_x(submission):\n    '''x'''\n    scipy.special\n", "students may not have"),
    ("@pytest.mark.public\n@pytest.mark.exercise('scale', points=1)\n"
     "def test_x(submission):\n    '''x'''\n    expect_close(submission.scale(1.0), 3.0, 'x')\n",
     "fails on the reference"),
])
def test_what_cannot_be_public_is_refused_naming_the_test(tmp_path, test, message):
    assignment = _course_with(tmp_path, HEADER + test)
    items, context = collect(assignment)
    with pytest.raises(PublicCheckError, match=message) as raised:
        build(assignment, items, context.reference, assignment.exercises())
    assert "test_scale.py::test_x" in str(raised.value) or "test_scale.py" in str(raised.value)


def test_a_call_key_ignores_the_last_bits_of_its_floats():
    """A weight the reference computed differs in its last bits between CPUs; the key under
    which the release stores the answer for it must not, or the release goes stale."""
    w = np.array([[0.1 + 0.2], [1 / 3]])
    nudged = np.nextafter(w, np.inf)
    assert call_key("predict", (w, 0.5), {}) == call_key("predict", (nudged, 0.5), {})
    assert call_key("predict", (w, 0.5), {}) != call_key("predict", (w * 1.001, 0.5), {})
    assert call_key("predict", (w, 0.5), {}) != call_key("predict", (w.astype(np.float32), 0.5),
                                                          {})
