"""A real nbgrader course, exported by us, autograded by nbgrader, scored the same as ours."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from autograder.notebook import fill_notebook
from autograder.release import solution_lines
from tests.conftest import ASSIGNMENTS, COURSE
from tests.test_cli import run_cli
from tests.test_grading import CORPORA, CORPUS, ROOT, header_of, read_gradebook

nbgrader_api = pytest.importorskip("nbgrader.api", reason="nbgrader is in the dev dependencies")

pytestmark = pytest.mark.slow
NAME = "logistic_regression"
BIN = Path(sys.executable).parent
# one buggy submission per exercise, from the corpus
BUGGY = {header_of(path, "bug"): path for path in sorted(CORPUS.glob("buggy/*.py"))}


def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "nbgrader"), *args], cwd=course, capture_output=True,
                          text=True, timeout=1800, env={**os.environ, "PYTHONWARNINGS": "ignore"})


def _reordered(notebook: dict) -> dict:
    """No markdown, no check cells, no test cell for sigmoid, solution cells first in reverse
    order, and propagate split: its helper moved to a new cell without metadata."""
    cells = notebook["cells"]
    meta = [cell["metadata"].get("nbgrader", {}) for cell in cells]
    solutions = [c for c, m in zip(cells, meta, strict=True) if m.get("solution")][::-1]
    tests = [c for c, m in zip(cells, meta, strict=True)
             if m.get("grade") and m["grade_id"] != "test_sigmoid"]
    imports = [c for c in cells if c["metadata"].get("nbgrader", {}).get("grade_id") == "setup-01"]
    helper = {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
              "id": "my-helper", "source": "def my_affine(w, b, X):\n    return w.T @ X + b"}
    for cell in solutions:
        if cell["metadata"]["nbgrader"]["grade_id"] == "propagate":
            cell["source"] = cell["source"].replace("np.dot(w.T, X) + b", "my_affine(w, b, X)")
            assert "my_affine" in cell["source"]
    notebook["cells"] = imports + [helper] + solutions + tests
    return notebook


def _add_a_second_assignment(root: Path, other: Path) -> None:
    """Export `second`, an assignment of another of our courses, into the same nbgrader course,
    submit its reference and autograde it."""
    from autograder.scaffold import scaffold

    scaffold(other, "second")
    done = run_cli("export", "nbgrader", str(root), "second", "--course", str(other))
    assert done.returncode == 0, done.stderr
    generated = nbgrader(root, "generate_assignment", "second", "--force")
    assert generated.returncode == 0, generated.stdout + generated.stderr
    released = json.loads((root / "release" / "second" / "second.ipynb").read_text())
    folder = root / "submitted" / "reference" / "second"
    folder.mkdir(parents=True)
    filled = fill_notebook(released, (other / "solutions" / "second" / "second.py").read_text())
    (folder / "second.ipynb").write_text(json.dumps(filled))
    (folder / "timestamp.txt").write_text("2026-11-20 12:00:00 UTC\n")
    autograded = nbgrader(root, "autograde", "second", "--force")
    assert autograded.returncode == 0, autograded.stdout[-3000:] + autograded.stderr[-3000:]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """The exported course after generate_assignment, autograde and generate_feedback."""
    root = tmp_path_factory.mktemp("course")
    done = run_cli("export", "nbgrader", str(root), NAME)
    assert done.returncode == 0, done.stderr
    generated = nbgrader(root, "generate_assignment", NAME, "--force")
    assert generated.returncode == 0, generated.stdout + generated.stderr
    released = json.loads((root / "release" / NAME / f"{NAME}.ipynb").read_text())
    reference = fill_notebook(released, (ROOT / "solutions" / NAME / f"{NAME}.py").read_text())
    students = {"reference": reference, "untouched": released,
                "reordered": _reordered(json.loads(json.dumps(reference)))}
    for exercise, path in BUGGY.items():
        students[f"bug_{exercise}"] = fill_notebook(released, path.read_text())
    for student, notebook in students.items():
        folder = root / "submitted" / student / NAME
        folder.mkdir(parents=True)
        (folder / f"{NAME}.ipynb").write_text(json.dumps(notebook, indent=1))
        (folder / "timestamp.txt").write_text("2026-11-20 12:00:00 UTC\n")
    _add_a_second_assignment(root, tmp_path_factory.mktemp("other_course"))
    started = time.monotonic()
    autograded = nbgrader(root, "autograde", NAME, "--force")
    seconds = time.monotonic() - started
    assert autograded.returncode == 0, autograded.stdout[-3000:] + autograded.stderr[-3000:]
    print(f"\nnbgrader autograde: {seconds:.1f} s for {len(students)} notebooks "
          f"({seconds / len(students):.2f} s each)")
    feedback = nbgrader(root, "generate_feedback", NAME, "--force")
    assert feedback.returncode == 0, feedback.stderr[-3000:]
    return root, sorted(students)


def nbgrader_scores(root: Path, students: list[str], name: str = NAME
                    ) -> dict[str, dict[str, float]]:
    scores = {}
    with nbgrader_api.Gradebook(f"sqlite:///{root / 'gradebook.db'}") as book:
        for student in students:
            notebook = book.find_submission(name, student).notebooks[0]
            scores[student] = {grade.name.removeprefix("test_"): grade.score
                               for grade in notebook.grades}
    return scores


def _with_every_bug(released: dict, name: str) -> dict:
    """The reference notebook with each exercise's cell taken from the first corpus file whose
    bug is in that exercise: one notebook that loses points in every exercise."""
    notebook = fill_notebook(released, COURSE.assignment(name).source.read_text())
    buggy = {}
    for path in sorted((CORPORA / name).glob("buggy/*.py")):
        buggy.setdefault(header_of(path, "bug"), path)
    for cell in notebook["cells"]:
        exercise = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if cell["metadata"].get("nbgrader", {}).get("solution") and exercise in buggy:
            filled = fill_notebook(released, buggy[exercise].read_text())
            cell["source"] = next(c["source"] for c in filled["cells"]
                                  if c["metadata"].get("nbgrader", {}).get("grade_id")
                                  == exercise)
    return notebook


@pytest.fixture(scope="module")
def courses(course, tmp_path_factory):
    """name -> (nbgrader course, students) for every assignment: logistic regression's is
    ``course``; the others share one more nbgrader course, with three notebooks each (the
    reference, the untouched release and one with a bug in every exercise)."""
    found = {NAME: course}
    root = tmp_path_factory.mktemp("others")
    for name in ASSIGNMENTS:
        if name == NAME:
            continue
        done = run_cli("export", "nbgrader", str(root), name)
        assert done.returncode == 0, done.stderr
        generated = nbgrader(root, "generate_assignment", name, "--force")
        assert generated.returncode == 0, generated.stdout + generated.stderr
        released = json.loads((root / "release" / name / f"{name}.ipynb").read_text())
        students = {"reference": fill_notebook(released,
                                               COURSE.assignment(name).source.read_text()),
                    "untouched": released, "every_bug": _with_every_bug(released, name)}
        for student, notebook in students.items():
            folder = root / "submitted" / student / name
            folder.mkdir(parents=True)
            (folder / f"{name}.ipynb").write_text(json.dumps(notebook, indent=1))
            (folder / "timestamp.txt").write_text("2026-11-20 12:00:00 UTC\n")
        autograded = nbgrader(root, "autograde", name, "--force")
        assert autograded.returncode == 0, autograded.stdout[-3000:] + autograded.stderr[-3000:]
        found[name] = root, sorted(students)
    return found


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_every_exercise_scores_as_in_autograder_grade(courses, tmp_path, name):
    root, students = courses[name]
    exercises = COURSE.assignment(name).exercises()
    started = time.monotonic()
    done = run_cli("grade", name, str(root / "submitted"), "--out", str(tmp_path), "--jobs", "2")
    seconds = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    print(f"\nautograder grade --jobs 2: {seconds:.1f} s for {len(students)} notebooks "
          f"({seconds / len(students):.2f} s each, start-up and recording included)")
    ours = read_gradebook(tmp_path)
    theirs = nbgrader_scores(root, students, name)
    table = [f"{'student':<28}" + "".join(f"{exercise[:10]:>11}" for exercise in exercises)]
    disagree = []
    for student in students:
        row = f"{student:<28}"
        for exercise in exercises:
            a, b = float(ours[student][exercise]), theirs[student][exercise]
            row += f"{f'{a:g}/{b:g}':>11}"
            if abs(a - b) > 1e-6:
                disagree.append((student, exercise, a, b))
        table.append(row)
    print("\nours/nbgrader per exercise\n" + "\n".join(table))
    assert not disagree
    reference = ours["reference"]
    assert reference["score"] == reference["max_score"] and ours["untouched"]["score"] == "0"
    if name == NAME:  # each bug costs points in its own exercise only
        for exercise in exercises:
            row = ours[f"bug_{exercise}"]
            assert [n for n in exercises if row[n] != reference[n]] == [exercise]
    else:
        assert all(ours["every_bug"][n] != reference[n] for n in exercises)


def test_two_assignments_share_one_course(course):
    """The second export kept the first: one course id (the folder's), both graded in full."""
    root, _ = course
    config = (root / "nbgrader_config.py").read_text()
    assert f'course_id = "{root.name}"' in config
    assert (root / "source" / NAME).is_dir() and (root / "source" / "second").is_dir()
    with nbgrader_api.Gradebook(f"sqlite:///{root / 'gradebook.db'}") as book:
        assert {a.name for a in book.assignments} == {NAME, "second"}
        second = book.find_submission("second", "reference").notebooks[0]
        assert sum(grade.score for grade in second.grades) == 5 == second.max_score
    assert nbgrader_scores(root, ["reference"])["reference"]["propagate"] == 30


def test_reordered_notebook_keeps_full_marks_in_both(course):
    root, students = course
    assert sum(nbgrader_scores(root, ["reordered"])["reordered"].values()) == 100


def test_source_validates_and_release_fails_every_test(course):
    root, _ = course
    source = nbgrader(root, "validate", f"source/{NAME}/{NAME}.ipynb")
    assert "Success! Your notebook passes all the tests." in source.stdout, source.stdout
    release = nbgrader(root, "validate", "--invert", f"release/{NAME}/{NAME}.ipynb")
    assert "Success! The notebook does not pass any tests." in release.stdout, release.stdout


def test_release_and_feedback_hide_tests_and_solutions(course):
    root, students = course
    secret = [line.strip() for line in solution_lines((ROOT / "solutions" / NAME / f"{NAME}.py")
                                                      .read_text()) if len(line.strip()) > 12]
    released = (root / "release" / NAME / f"{NAME}.ipynb").read_text()
    untouched = (root / "feedback" / "untouched" / NAME / f"{NAME}.html").read_text()
    for text in (released, untouched):
        assert not [line for line in secret if line in text]
    for student in students:
        html = (root / "feedback" / student / NAME / f"{NAME}.html").read_text()
        assert "HIDDEN TESTS" not in html and "autograder.integrations" not in html, student
        assert "FAIL" not in html or student != "reference"
    assert "HIDDEN TESTS" not in released and "checker(" not in released


def test_hidden_failures_name_the_property_in_feedback(course):
    root, _ = course
    html = (root / "feedback" / "bug_propagate" / NAME / f"{NAME}.html").read_text()
    assert "FAIL" in html and "propagate:" in html


def test_export_refuses_a_file_as_course_dir(tmp_path):
    target = tmp_path / "file"
    target.write_text("")
    done = run_cli("export", "nbgrader", str(target))
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "not a folder" in done.stderr
    shutil.rmtree(tmp_path)
