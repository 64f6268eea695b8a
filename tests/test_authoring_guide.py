"""docs/authoring.md, followed to the letter: its files make a course that releases, checks and
grades, with one exercise receiving a function from the hidden tests. Nothing under
autograder/ is touched."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_cli import run_cli

GUIDE = ROOT / "docs" / "authoring.md"
NAME = "finite_differences"
BLOCK = re.compile(r'^```\w+ title="([^"]+)"\n(.*?)^```$', re.MULTILINE | re.DOTALL)

pytestmark = pytest.mark.slow


def guide_files() -> dict[str, str]:
    """{path: text} of every code block the guide gives a file name."""
    return {path: text for path, text in BLOCK.findall(GUIDE.read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    """A course made of the guide's files only, released."""
    root = tmp_path_factory.mktemp("course")
    for path, text in guide_files().items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    done = run_cli("release", NAME, cwd=root)
    assert done.returncode == 0, done.stderr
    return root


def test_the_guide_gives_the_whole_assignment():
    files = guide_files()
    assert {f"solutions/{NAME}/{name}" for name in (
        "assignment.toml", "__init__.py", f"{NAME}.py", "tests/__init__.py",
        f"tests/test_{NAME}.py")} | {"submissions/bob.py"} == set(files)


def test_check_passes_on_the_guides_assignment(course):
    done = run_cli("check", NAME, cwd=course)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"=> {NAME} is ready to release (9/9 checks hold)" in done.stdout
    assert "reference 20/20, stubs 0" in done.stdout


def test_grading_the_guides_class(course, tmp_path):
    """The reference earns 20, the stubs 0, and bob loses points in numeric_grad only, with
    the hint the guide quotes; the public check on his machine says the same."""
    submissions = course / "submissions"
    shutil.copy(course / "solutions" / NAME / f"{NAME}.py", submissions / "reference.py")
    shutil.copy(course / "assignments" / NAME / f"{NAME}.py", submissions / "stubs.py")
    shutil.copy(course / "assignments" / NAME / f"{NAME}.ipynb", submissions / "stubs_nb.ipynb")
    done = run_cli("grade", NAME, str(submissions), "--out", str(tmp_path / "out"),
                   "--jobs", "2", cwd=course)
    assert done.returncode == 0, done.stderr
    with open(tmp_path / "out" / "gradebook.csv", newline="") as handle:
        book = {row["student"]: row for row in csv.DictReader(handle)}
    assert book["reference"]["score"] == "20"
    assert book["stubs"]["score"] == book["stubs_nb"]["score"] == "0"
    exercises = ["square", "square_grad", "numeric_grad", "relative_error"]
    lost = [name for name in exercises if book["bob"][name] != book["reference"][name]]
    assert lost == ["numeric_grad"] and book["bob"]["score"] == "15"
    hint = "this is a forward difference"
    assert hint in (tmp_path / "out" / "bob" / "feedback.md").read_text()
    public = subprocess.run([sys.executable, "-I", "public_tests.py", str(submissions / "bob.py")],
                            cwd=course / "assignments" / NAME, capture_output=True, text=True,
                            timeout=300)
    assert public.returncode == 1 and hint in public.stdout, public.stdout


def test_a_test_passing_what_cannot_cross_is_refused_by_name(course, tmp_path):
    """A hidden test that hands the student a set is the author's mistake, named when the
    suite is recorded, never a student's zero."""
    broken = tmp_path / "broken"
    shutil.copytree(course / "solutions", broken / "solutions")
    tests = broken / "solutions" / NAME / "tests" / f"test_{NAME}.py"
    tests.write_text(tests.read_text() + (
        "\n\n@pytest.mark.exercise('square', points=1)\n"
        "def test_with_a_set(submission):\n"
        "    '''a set cannot cross'''\n"
        "    submission.square({1.0, 2.0})\n"))
    done = run_cli("grade", NAME, str(course / "submissions" / "bob.py"), "--out",
                   str(tmp_path / "out"), cwd=broken)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "test_with_a_set" in done.stderr and "builtins.set" in done.stderr
    assert "Traceback" not in done.stderr
