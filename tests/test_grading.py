"""The grading engine end to end: real CLI, real worker processes, the real hidden suite."""

from __future__ import annotations

import csv
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from autograder.release import exercises
from tests.conftest import ASSIGNMENTS, COURSE
from tests.test_cli import assert_one_line_error, run_cli

ROOT = Path(__file__).resolve().parents[1]
LR_SOURCE = ROOT / "solutions" / "logistic_regression" / "logistic_regression.py"
CORPORA = ROOT / "tests" / "corpus"
CORPUS = CORPORA / "logistic_regression"
EXAMPLES = ROOT / "examples" / "logistic_regression"
EXERCISES = exercises(LR_SOURCE.read_text())

pytestmark = pytest.mark.slow


def read_gradebook(out: Path) -> dict[str, dict[str, str]]:
    with open(out / "gradebook.csv", newline="") as handle:
        return {row["student"]: row for row in csv.DictReader(handle)}


def grade(paths, out: Path, *extra: str, name: str = "logistic_regression"
          ) -> dict[str, dict[str, str]]:
    done = run_cli("grade", name, *map(str, paths), "--out", str(out), *extra)
    assert done.returncode == 0, done.stderr
    return read_gradebook(out)


def header_of(path: Path, key: str) -> str | None:
    for line in path.read_text().splitlines()[:5]:
        if line.startswith(f"# {key}:"):
            return line.split(":", 1)[1].strip()
    return None


def corpus_files(kind: str) -> list[tuple[str, Path]]:
    """(assignment, file) for every ``kind`` ("buggy" or "correct") file of every corpus."""
    return [(name, path) for name in ASSIGNMENTS
            for path in sorted((CORPORA / name).glob(f"{kind}/*.py"))]


@dataclass
class Graded:
    """One assignment's corpus, reference and untouched stubs, graded in one batch."""

    book: dict[str, dict[str, str]]
    out: Path
    exercises: list[str]
    folder: Path  # the class as graded: corpus files, reference.py and stubs.py

    def maxima(self) -> dict[str, float]:
        """Per-exercise maxima, read from a results.json (every student's lists every test)."""
        tests = max((json.loads(path.read_text())["tests"]
                     for path in sorted(self.out.glob("*/results.json"))), key=len)
        maxima: dict[str, float] = {}
        for test in tests:
            maxima[test["tags"][0]] = maxima.get(test["tags"][0], 0) + test["max_score"]
        return maxima

    def lost(self, student: str) -> list[str]:
        """The exercises in which ``student`` scored less than full marks."""
        full = self.maxima()
        return [name for name in self.exercises if float(self.book[student][name]) < full[name]]


@pytest.fixture(scope="session")
def corpus_grades(tmp_path_factory):
    """graded(name): the assignment's corpus, reference and released stubs in one batch (once
    per session)."""
    done: dict[str, Graded] = {}

    def graded(name: str) -> Graded:
        if name not in done:
            assignment = COURSE.assignment(name)
            folder = tmp_path_factory.mktemp(f"class-{name}")
            for kind in ("buggy", "correct"):
                for path in sorted((CORPORA / name).glob(f"{kind}/*.py")):
                    shutil.copy(path, folder / f"{kind}_{path.name}")
            shutil.copy(assignment.source, folder / "reference.py")
            shutil.copy(assignment.release_dir / assignment.source.name, folder / "stubs.py")
            out = tmp_path_factory.mktemp(f"out-{name}")
            book = grade([folder], out, "--jobs", "2", name=name)
            done[name] = Graded(book, out, assignment.exercises(), folder)
        return done[name]

    return graded


def test_gradebook_columns_are_in_lesson_order(corpus_grades):
    out = corpus_grades("logistic_regression").out
    with open(out / "gradebook.csv") as handle:
        assert handle.readline().strip().split(",") == [
            "student", "score", "max_score", *EXERCISES]


def test_every_assignment_has_a_corpus_and_an_example_class():
    for name in ASSIGNMENTS:
        corpus = CORPORA / name
        assert len(list(corpus.glob("buggy/*.py"))) >= 8, name
        assert len(list(corpus.glob("correct/*.py"))) >= 3, name
        assert len(list((ROOT / "examples" / name).glob("*.py"))) >= 4, name


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_reference_gets_full_marks_and_stubs_get_zero(corpus_grades, name):
    book = corpus_grades(name).book
    assert book["reference"]["score"] == book["reference"]["max_score"]
    assert book["stubs"]["score"] == "0"


@pytest.mark.parametrize("name, path", corpus_files("correct"),
                         ids=lambda value: getattr(value, "stem", value))
def test_correct_variants_get_full_marks(corpus_grades, name, path):
    row = corpus_grades(name).book[f"correct_{path.stem}"]
    assert row["score"] == row["max_score"], row


@pytest.mark.parametrize("name, path", corpus_files("buggy"),
                         ids=lambda value: getattr(value, "stem", value))
def test_each_bug_costs_points_in_its_exercise_only(corpus_grades, name, path):
    lost = corpus_grades(name).lost(f"buggy_{path.stem}")
    bug = header_of(path, "bug")
    assert lost == [bug], f"{path.name}: lost points in {lost}, expected only {bug}"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_example_class_grades_as_its_headers_say(tmp_path, name):
    """Each example student scores as the first line of their file says: full marks for
    ``# correct:``, points lost in one exercise for ``# bug:``, 0 for the untouched release."""
    folder = ROOT / "examples" / name
    book = grade([folder], tmp_path, "--jobs", "2", name=name)
    graded = Graded(book, tmp_path, COURSE.assignment(name).exercises(), folder)
    stubs = (COURSE.assignment(name).release_dir / f"{name}.py").read_text()
    for path in sorted(folder.glob("*.py")):
        row, bug = book[path.stem], header_of(path, "bug")
        if header_of(path, "correct"):
            assert row["score"] == row["max_score"], row
        elif bug:
            assert graded.lost(path.stem) == [bug], path.name
        else:
            assert path.read_text() == stubs and row["score"] == "0", path.name


def test_results_json_follows_gradescope_schema(corpus_grades):
    out = corpus_grades("logistic_regression").out
    data = json.loads((out / "buggy_16_propagate_dw_not_averaged" / "results.json").read_text())
    assert {"score", "max_score", "execution_time", "tests"} <= set(data)
    assert data["max_score"] == 100 and data["score"] < 100
    for test in data["tests"]:
        assert set(test) == {"name", "number", "score", "max_score", "status", "output",
                             "visibility", "tags"}
        assert test["status"] in {"passed", "failed"} and test["tags"][0] in EXERCISES
    failed = [t for t in data["tests"] if t["status"] == "failed"]
    assert failed and all(t["tags"] == ["propagate"] for t in failed)
    assert any("did you divide by m" in t["output"] for t in failed)


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_feedback_never_quotes_hidden_values(corpus_grades, name):
    """Feedback gives error sizes to 3 significant digits; a longer number would be a leak."""
    import re

    out = corpus_grades(name).out
    released = ROOT / "assignments" / name / "public_checks"
    published = "".join(path.read_text() for path in released.glob("*.py"))
    for feedback in out.glob("*/feedback.md"):
        for number in re.findall(r"\d+\.\d+(?:e[-+]?\d+)?", feedback.read_text()):
            if number in published:  # the course's own examples are public
                continue
            significant = number.split("e")[0].replace(".", "").lstrip("0")
            assert len(significant) <= 4, f"{feedback.parent.name} quotes {number}"


def test_manifest_records_versions_suite_hash_and_sandbox(corpus_grades):
    out = corpus_grades("logistic_regression").out
    manifest = json.loads((out / "manifest.json").read_text())
    for key in ("grader_version", "suite_hash", "python", "numpy", "hypothesis",
                "sandbox_level", "seeds", "seconds_total"):
        assert manifest[key], key
    assert len(manifest["suite_hash"]) == 64


def test_same_gradebook_twice_and_with_any_jobs(tmp_path):
    first = grade([EXAMPLES], tmp_path / "one", "--jobs", "1")
    second = grade([EXAMPLES], tmp_path / "two", "--jobs", "2")
    assert (tmp_path / "one" / "gradebook.csv").read_bytes() == (
        tmp_path / "two" / "gradebook.csv").read_bytes()
    for student in first:
        assert (tmp_path / "one" / student / "results.json").read_text().split(
            '"execution_time"')[0] == (tmp_path / "two" / student / "results.json").read_text(
        ).split('"execution_time"')[0]
    assert first["alice"]["score"] == first["frank"]["score"] == "100"
    assert first["carol"]["score"] == "0"
    assert second == first


@pytest.mark.parametrize(
    "make_args, fragment",
    [
        (lambda tmp: [str(tmp / "missing"), "--out", str(tmp / "o")], "no such file"),
        (lambda tmp: [str(tmp / "empty"), "--out", str(tmp / "o")], "no submissions found"),
        (lambda tmp: [str(tmp / "dupes"), str(tmp / "dupes2"), "--out", str(tmp / "o")],
         "duplicate student id"),
        (lambda tmp: [str(EXAMPLES), "--out", str(tmp / "file.txt")], "not a folder"),
        (lambda tmp: [str(EXAMPLES), "--out", str(tmp / "o"), "--jobs", "0"], "--jobs"),
    ],
)
def test_bad_arguments_get_one_line(tmp_path, make_args, fragment):
    (tmp_path / "empty").mkdir()
    for name in ("dupes", "dupes2"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "same.py").write_text("")
    (tmp_path / "file.txt").write_text("")
    assert_one_line_error(run_cli("grade", "logistic_regression", *make_args(tmp_path)),
                          fragment)


def test_unreadable_folder_is_one_line(tmp_path):
    import os

    if os.geteuid() == 0:
        pytest.skip("root can read any folder, so there is no unreadable path to give")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        assert_one_line_error(run_cli("grade", "logistic_regression", str(locked), "--out",
                                      str(tmp_path / "o")), "cannot read")
    finally:
        locked.chmod(0o700)
