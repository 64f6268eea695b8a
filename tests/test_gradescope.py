"""The Gradescope autograder zip, unpacked into a scratch root laid out as Gradescope's
/autograder, set up with its own setup.sh (offline, from uv's cache) and run with its own
run_autograder on real submissions."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import jsonschema
import nbformat
import pytest

from autograder.notebook import fill_notebook
from tests.conftest import COURSE
from tests.test_cli import assert_one_line_error, run_cli
from tests.test_grading import CORPUS

pytestmark = pytest.mark.slow
NAME = "logistic_regression"
VISIBILITY = {"enum": ["hidden", "after_due_date", "after_published", "visible"]}
FORMAT = {"enum": ["text", "html", "simple_format", "md", "ansi"]}
#: results.json as gradescope/autograder_samples docs/specs.md describes it (no extra keys)
SCHEMA = {
    "type": "object",
    "anyOf": [{"required": ["score"]}, {"required": ["tests"]}],
    "additionalProperties": False,
    "properties": {
        "score": {"type": "number"}, "max_score": {"type": "number"},
        "execution_time": {"type": "number"}, "output": {"type": "string"},
        "output_format": FORMAT, "test_output_format": FORMAT, "test_name_format": FORMAT,
        "visibility": VISIBILITY, "stdout_visibility": VISIBILITY, "extra_data": {},
        "leaderboard": {"type": "array"},
        "tests": {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "properties": {
                "score": {"type": "number"}, "max_score": {"type": "number"},
                "status": {"enum": ["passed", "failed"]}, "name": {"type": "string"},
                "name_format": FORMAT, "number": {"type": "string"},
                "output": {"type": "string"}, "output_format": FORMAT,
                "tags": {"type": "array", "items": {"type": "string"}},
                "visibility": VISIBILITY, "extra_data": {}}}},
    },
}


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    """A scratch /autograder: the zip unpacked into source/, set up by its setup.sh."""
    if shutil.which("uv") is None:
        pytest.skip("uv is not installed: setup.sh installs the zip's packages with it")
    folder = tmp_path_factory.mktemp("gradescope")
    bundle = folder / "autograder.zip"
    done = run_cli("export", "gradescope", NAME, "--out", str(bundle))
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        archive.extractall(folder / "root" / "source")
    assert {"setup.sh", "run_autograder", "bundle.json", "recording.bin"} <= set(names)
    assert not [name for name in names if "/" in name and name.split("/")[0] not in
                {"engine", "course", "lock"}], "a file outside the zip's known folders"
    for script in ("setup.sh", "run_autograder"):
        (folder / "root" / "source" / script).chmod(0o755)
    env = {**os.environ, "DL_AUTOGRADER_ROOT": str(folder / "root"), "UV_OFFLINE": "1"}
    setup = subprocess.run(["bash", str(folder / "root" / "source" / "setup.sh")], env=env,
                           capture_output=True, text=True, timeout=600)
    if setup.returncode != 0 and "network was disabled" in setup.stderr:
        pytest.skip("uv's cache lacks a package of the lock file, and this test installs "
                    f"offline: {setup.stderr.strip().splitlines()[-1]}")
    assert setup.returncode == 0, setup.stdout + setup.stderr
    return folder / "root"


def run_autograder(root: Path, files: dict[str, str | bytes]) -> dict:
    """Put ``files`` into a fresh submission folder, run run_autograder, return its
    results.json (validated against the spec's schema)."""
    for folder in ("submission", "results"):
        shutil.rmtree(root / folder, ignore_errors=True)
        (root / folder).mkdir()
    for name, content in files.items():
        path = root / "submission" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    done = subprocess.run([str(root / "source" / "run_autograder")], capture_output=True,
                          text=True, timeout=600, cwd=root,
                          env={**os.environ, "DL_AUTOGRADER_ROOT": str(root)})
    assert done.returncode == 0, done.stdout + done.stderr
    results = json.loads((root / "results" / "results.json").read_text())
    jsonschema.validate(results, SCHEMA)
    return results


def test_the_reference_scores_full_marks_with_public_tests_visible(root):
    assignment = COURSE.assignment(NAME)
    results = run_autograder(root, {f"{NAME}.py": assignment.source.read_text()})
    assert results["score"] == results["max_score"] == 100
    visible = [test for test in results["tests"] if test["visibility"] == "visible"]
    hidden = [test for test in results["tests"] if test["visibility"] == "after_due_date"]
    assert visible and hidden and len(visible) + len(hidden) == len(results["tests"])
    assert sorted(test["number"] for test in results["tests"]) == sorted(
        {test["number"] for test in results["tests"]})
    assert "Public checks: " in results["output"]


def test_a_buggy_notebook_in_a_folder_loses_points_in_its_exercise(root):
    released = nbformat.read(COURSE.assignment(NAME).release_dir / f"{NAME}.ipynb", 4)
    buggy = fill_notebook(released, (CORPUS / "buggy" / "16_propagate_dw_not_averaged.py")
                          .read_text())
    results = run_autograder(root, {f"week2/{NAME}.ipynb": json.dumps(buggy)})
    failed = [test for test in results["tests"] if test["status"] == "failed"]
    assert 0 < results["score"] < 100
    assert failed and {test["tags"][0] for test in failed} == {"propagate"}
    assert any("did you divide by m" in test["output"] for test in failed)


@pytest.mark.parametrize("files, message", [
    ({f"{NAME}.ipynb": "{ not json"}, "not a notebook"),
    ({"README.txt": "I forgot the code"}, f"Upload {NAME}.ipynb or {NAME}.py"),
    ({f"{NAME}.py": "def sigmoid(z):\n    return 1 / (1 + exp(-z)\n"}, "SyntaxError"),
])
def test_a_broken_submission_gets_a_valid_results_file_that_says_why(root, files, message):
    results = run_autograder(root, files)
    assert results["score"] == 0
    text = results["output"] + "".join(test["output"] for test in results["tests"])
    assert message.replace("_", "\\_") in text or message in text, text


def test_export_refuses_a_budget_longer_than_the_timeout(tmp_path):
    from autograder.scaffold import scaffold

    folder = scaffold(tmp_path, "demo")
    (folder / "assignment.toml").write_text(
        'points = 5\n[budget]\nexercise_wall = 100\n[gradescope]\ntimeout = 60\n')
    assert run_cli("release", "demo", cwd=tmp_path).returncode == 0
    assert_one_line_error(run_cli("export", "gradescope", "demo", "--out",
                                  str(tmp_path / "a.zip"), cwd=tmp_path), "[gradescope] timeout")
