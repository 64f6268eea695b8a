"""The engine and the course apart: the engine names no lesson, the wheel carries no course,
each assignment validates and regrades on its own."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import tokenize
import zipfile
from pathlib import Path

import pytest

from autograder.course import Course
from autograder.reports import suite_hash
from autograder.scaffold import scaffold
from autograder.validate import validate
from tests.conftest import ASSIGNMENTS, COURSE, ROOT
from tests.test_cli import run_cli

ENGINE = ROOT / "autograder"


def _engine_words() -> tuple[set[str], str]:
    """(every name of the engine's code and every word of its strings, docstrings aside, all
    of its text). Docstrings may say "the forward pass" in prose: a lesson's exercise may be
    called ``forward`` without the engine knowing it."""
    words, text = set(), []
    for path in sorted(ENGINE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        text.append(source)
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.NAME:
                words.add(token.string)
            elif token.type == tokenize.STRING and not token.string.startswith('"""'):
                words.update(part.strip("\"'") for part in token.string.split())
    return words, "\n".join(text)


def test_the_engine_names_no_assignment_and_no_exercise():
    """No code token of autograder/ is an assignment's or an exercise's name, and no text of
    it mentions an assignment at all."""
    words, text = _engine_words()
    for name in ASSIGNMENTS:
        assert name not in text, f"autograder/ mentions the assignment {name}"
        for exercise in COURSE.assignment(name).exercises():
            assert exercise not in words, f"autograder/ names {name}'s exercise {exercise}"
    assert not list(ENGINE.rglob("test_*.py")) and not (ENGINE / "suites").exists()


def test_check_holds_for_every_assignment(assignment):
    report = validate(assignment)
    print(report.text())
    assert report.ok, report.text()


def test_a_new_assignment_releases_checks_and_grades_as_it_is(tmp_path):
    done = run_cli("new", "demo", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert run_cli("release", "demo", cwd=tmp_path).returncode == 0
    checked = run_cli("check", "demo", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "reference 5/5, stubs 0" in checked.stdout


def test_check_fails_in_one_line_per_problem(tmp_path):
    folder = scaffold(tmp_path, "demo")
    tests = folder / "tests" / "test_scale.py"
    tests.write_text(tests.read_text().replace("@pytest.mark.public\n", ""))
    (folder / "assignment.toml").write_text("points = 6\n")
    done = run_cli("check", "demo", cwd=tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr
    assert "FAIL  hidden suite: scale has no public test; the tests' points add up to 5, " \
           "not 6" in done.stdout
    assert "is not ready" in done.stdout


def test_a_suite_hash_belongs_to_one_assignment(tmp_path):
    """Editing one assignment's tests changes its hash only: only its students regrade."""
    for name in ("first", "second"):
        scaffold(tmp_path, name)
    course = Course(tmp_path)
    first, second = course.assignment("first"), course.assignment("second")
    before = suite_hash(first), suite_hash(second)
    tests = first.suite / "test_scale.py"
    tests.write_text(tests.read_text() + "\n# a new comment\n")
    assert suite_hash(first) != before[0] and suite_hash(second) == before[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("building the wheel needs uv (https://docs.astral.sh/uv/)")
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run([uv, "build", "--wheel", "--out-dir", str(out), str(ROOT)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    return next(out.glob("*.whl"))


def test_the_wheel_holds_the_engine_only(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    files = [name for name in names if not name.startswith("dl_autograder-")]
    assert files and all(name.startswith("autograder/") for name in files), files
    for name in files:
        assert "solutions" not in name and "/suites/" not in name and "templates" not in name
        assert not Path(name).name.startswith("test_"), name
    assert not any(assignment in name for name in files for assignment in ASSIGNMENTS)


def test_the_installed_wheel_grades_like_the_checkout(wheel, tmp_path):
    """Installed in a fresh virtual environment outside the checkout, the engine grades the
    example class of the course given by --course: the same gradebook as in the checkout."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = next(venv.glob("lib/python*/site-packages"))
    # the dependencies come from this project's environment, read-only: the test stays offline
    deps = [path for path in map(Path, sys.path) if path.name == "site-packages"]
    (site / "project_deps.pth").write_text("\n".join(map(str, deps)) + "\n")
    unpacked = zipfile.ZipFile(wheel)
    unpacked.extractall(site)  # a wheel is a zip of site-packages: what pip would install
    python = venv / "bin" / "python"
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "AUTOGRADER_COURSE", "VIRTUAL_ENV")}
    where = subprocess.run([str(python), "-c", "import autograder; print(autograder.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path, env=env)
    assert where.stdout.startswith(str(site)), where.stdout + where.stderr
    outside = subprocess.run(
        [str(python), "-m", "autograder", "grade", "logistic_regression",
         str(ROOT / "examples" / "logistic_regression"), "--course", str(ROOT), "--out",
         str(tmp_path / "wheel"), "--jobs", "2"],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=1800)
    assert outside.returncode == 0, outside.stderr
    inside = run_cli("grade", "logistic_regression", str(ROOT / "examples" / "logistic_regression"),
                     "--out", str(tmp_path / "checkout"), "--jobs", "2")
    assert inside.returncode == 0, inside.stderr

    def book(folder: Path) -> list[dict]:
        with open(folder / "gradebook.csv", newline="") as handle:
            return list(csv.DictReader(handle))

    assert book(tmp_path / "wheel") == book(tmp_path / "checkout")
    assert {row["score"] for row in book(tmp_path / "wheel")} >= {"100", "0"}
