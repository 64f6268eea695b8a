"""CI workflow files: the GitHub Classroom template (public checks only) and the staff
workflows of examples/ci/, validated by check-jsonschema against the GitHub workflow and
GitLab CI schemas it ships, and run where they can be run here."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from autograder.cli import build_parser
from autograder.runner import collect
from tests.conftest import COURSE, ROOT
from tests.test_cli import assert_one_line_error, run_cli

NAME = "logistic_regression"
CI = ROOT / "examples" / "ci"
CHECK = Path(sys.executable).with_name("check-jsonschema")


def validate(schema: str, *paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHECK), "--builtin-schema", schema, *map(str, paths)],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("classroom") / "template"
    done = run_cli("export", "github-classroom", NAME, "--out", str(out))
    assert done.returncode == 0, done.stderr
    return out


def classroom_steps(template: Path) -> list[dict]:
    workflow = yaml.safe_load((template / ".github/workflows/classroom.yml").read_text())
    return workflow["jobs"]["run-autograding-tests"]["steps"]


def test_workflow_files_validate_against_their_schemas(template):
    github = validate("vendor.github-workflows", template / ".github/workflows/classroom.yml",
                      CI / "grade-class.yml")
    assert github.returncode == 0, github.stdout + github.stderr
    gitlab = validate("vendor.gitlab-ci", CI / ".gitlab-ci.yml")
    assert gitlab.returncode == 0, gitlab.stdout + gitlab.stderr


def test_the_validator_rejects_a_broken_workflow(template, tmp_path):
    broken = tmp_path / "classroom.yml"
    broken.write_text((template / ".github/workflows/classroom.yml").read_text()
                      .replace("runs-on:", "run-on:"))
    assert validate("vendor.github-workflows", broken).returncode != 0
    broken.write_text((CI / ".gitlab-ci.yml").read_text().replace("when: always", "when: later"))
    assert validate("vendor.gitlab-ci", broken).returncode != 0


def test_the_template_holds_the_release_and_nothing_hidden(template):
    assignment = COURSE.assignment(NAME)
    released = {path.relative_to(assignment.release_dir) for path in
                assignment.release_dir.rglob("*") if path.is_file()}
    written = {path.relative_to(template) for path in template.rglob("*") if path.is_file()}
    assert written - released == {Path(".github/workflows/classroom.yml")}
    items, _ = collect(assignment)
    hidden = {item.name for item in items if not item.get_closest_marker("public")}
    text = "\n".join(path.read_text(errors="replace") for path in template.rglob("*")
                     if path.is_file() and path.suffix in {".py", ".yml", ".json", ".ipynb"})
    assert not [name for name in hidden if name in text]
    assert "BEGIN SOLUTION" not in text and "recording" not in text


def test_each_classroom_step_runs_its_exercises_public_checks(template, tmp_path):
    """Every step's command passes on the reference and fails on the stubs; the reporter
    reads each step's result under the name Classroom's reporter looks for."""
    assignment = COURSE.assignment(NAME)
    steps = classroom_steps(template)
    graders = [s for s in steps if "autograding-command-grader" in s.get("uses", "")]
    assert [s["id"] for s in graders] == assignment.exercises()
    reporter, = [s for s in steps if "autograding-grading-reporter" in s.get("uses", "")]
    assert reporter["with"]["runners"].split(",") == [s["id"] for s in graders]
    assert set(reporter["env"]) == {f"{s['id'].upper()}_RESULTS" for s in graders}
    for student, passes in ((assignment.source, True), (None, False)):
        folder = tmp_path / ("reference" if passes else "stubs")
        shutil.copytree(template, folder)
        if student is not None:
            shutil.copy(student, folder / f"{NAME}.py")
        for step in graders:
            done = subprocess.run([sys.executable, *shlex.split(step["with"]["command"])[1:]],
                                  cwd=folder, capture_output=True, text=True, timeout=300)
            assert (done.returncode == 0) == passes, (step["id"], done.stdout[-2000:])
            assert int(step["with"]["max-score"]) >= 1


def test_staff_workflows_grade_with_real_arguments():
    """Each `autograder` command of the staff workflows parses, with the defaults they give
    for the assignment and the submissions, and those exist."""
    staff = yaml.safe_load((CI / "grade-class.yml").read_text())
    inputs = staff[True]["workflow_dispatch"]["inputs"]  # YAML 1.1 reads `on` as True
    gitlab = yaml.safe_load((CI / ".gitlab-ci.yml").read_text())
    defaults = {"ASSIGNMENT": inputs["assignment"]["default"],
                "SUBMISSIONS": inputs["submissions"]["default"]}
    assert defaults == gitlab["variables"]
    commands = [step["run"] for step in staff["jobs"]["grade"]["steps"] if "run" in step
                and "autograder" in step["run"]] + [line for line in gitlab["grade"]["script"]
                                                    if "autograder" in line]
    assert len(commands) == 2
    for command in commands:
        for name, value in defaults.items():
            command = command.replace(f'"${name}"', value)
        words = shlex.split(command)
        assert words[:3] == ["uv", "run", "autograder"]
        args = build_parser().parse_args(words[3:])
        assert args.junit_xml and args.assignment in COURSE.assignments()
        assert all((ROOT / path).exists() for path in args.paths)


def test_export_refuses_a_file_or_a_folder_of_other_files(tmp_path):
    (tmp_path / "file").write_text("")
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    for out, fragment in ((tmp_path / "file", "is a file"), (tmp_path / "busy", "empty folder")):
        assert_one_line_error(run_cli("export", "github-classroom", NAME, "--out", str(out)),
                              fragment)
    assert (tmp_path / "busy" / "notes.txt").read_text() == "mine"
