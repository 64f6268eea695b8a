"""Hand an assignment to Gradescope: an autograder zip that grades one submission per run.

``autograder export gradescope ASSIGNMENT --out autograder.zip`` writes a zip whose root holds::

    setup.sh             Gradescope runs it once, building the image: uv, Python, the packages
    run_autograder       run per submission: grades /autograder/submission, writes
                         /autograder/results/results.json
    lock/                the engine's pyproject.toml and uv.lock, when it runs from its checkout;
    requirements.txt     otherwise every package it needs, pinned to the versions installed here
    bundle.json          the assignment, its time limit, its public tests, the recording's key
    recording.bin        the hidden suite's examples, recorded once here: no run records
    engine/autograder/   the engine
    course/solutions/ASSIGNMENT/, course/assignments/ASSIGNMENT/

``python -m autograder.integrations.gradescope ROOT`` is what ``run_autograder`` calls. Whatever
happens (no submission, a notebook that is not one, a grader that fails, a run that nears
the time limit) it writes a valid results.json with a message a student can act on. Tests
marked public are ``visible``; the others follow ``[gradescope] hidden_visibility`` of
``assignment.toml`` (default ``after_due_date``), and so does the per-exercise table of the
top-level output.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import zipfile
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from ..course import Assignment, Course, UsageError

ENGINE = Path(__file__).resolve().parents[1]
DISTRIBUTION = "dl-autograder"
#: what the engine's time budget leaves Gradescope's limit for start-up and writing results
MARGIN = 30.0
SETUP = """\
#!/usr/bin/env bash
# Written by `autograder export gradescope`. Gradescope runs it once, as root, when it builds
# the autograder's image: uv, Python {python} and the engine's packages, at the versions the
# zip was made with, go into ROOT/venv; the engine in source/engine/ goes on that Python's path.
set -euo pipefail
ROOT="${{DL_AUTOGRADER_ROOT:-/autograder}}"  # another root is for dl-autograder's own tests
SOURCE="$ROOT/source"
if [ -z "${{DL_AUTOGRADER_ROOT:-}}" ]; then
    # pip installs uv; bubblewrap gives student code the strongest sandbox layer
    apt-get update -qq && apt-get install -y -qq python3-pip bubblewrap
fi
command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet uv
if [ -f "$SOURCE/lock/uv.lock" ]; then
    # the engine's own lock file: the exact files, checked against their hashes
    UV_PROJECT_ENVIRONMENT="$ROOT/venv" uv sync --quiet --frozen --no-dev \\
        --no-install-project --project "$SOURCE/lock" --python {python}
else
    uv venv --quiet --python {python} "$ROOT/venv"
    uv pip install --quiet --python "$ROOT/venv/bin/python" -r "$SOURCE/requirements.txt"
fi
site="$("$ROOT/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
echo "$SOURCE/engine" > "$site/dl_autograder.pth"
"$ROOT/venv/bin/python" -c "import autograder.integrations.gradescope"  # fail now, not later
"""
RUN = """\
#!/usr/bin/env bash
# Written by `autograder export gradescope`. Gradescope runs it once per submission.
ROOT="${{DL_AUTOGRADER_ROOT:-/autograder}}"  # another root is for dl-autograder's own tests
cd "$ROOT/source"
"$ROOT/venv/bin/python" -m autograder.integrations.gradescope "$ROOT" && exit 0
# the grader could not even start (a broken image): still leave a valid results.json
mkdir -p "$ROOT/results"
cat > "$ROOT/results/results.json" <<'JSON'
{{"score": 0, "output": "The autograder could not start; your instructor has been told. \
Nothing you submitted was graded.", "output_format": "md", "tests": []}}
JSON
"""
def export(assignment: Assignment, out: Path) -> Path:
    """Write the autograder zip for ``assignment`` to ``out``; return ``out``.

    Records the suite here, so the zip's runs only replay it; refuses (UsageError) when the
    assignment's worst-case grading time does not fit its Gradescope time limit.
    """
    from .. import runner
    from ..plugin import exercise_mark
    from ..public_checks import is_public
    from ..reports import recording_key, suite_hash

    settings = assignment.config.gradescope
    worst = _worst_case_seconds(assignment)
    if worst + MARGIN > settings.timeout:
        raise UsageError(
            f"{assignment.name}: grading one submission may take {worst:.0f} s ([budget] "
            f"import_wall + exercise_wall per exercise), more than [gradescope] timeout "
            f"{settings.timeout:.0f} s allows with {MARGIN:.0f} s to spare: lower the budget "
            "or raise the timeout (Gradescope allows up to 2400 s)")
    items, _ = runner.collect(assignment)
    public = sorted(f"{exercise_mark(item)[0]}::{item.name}" for item in items
                    if is_public(item))
    suite = suite_hash(assignment)
    bundle = {"assignment": assignment.name, "title": assignment.config.title,
              "timeout": settings.timeout, "hidden_visibility": settings.hidden_visibility,
              "public_tests": public, "recording_key": recording_key(suite)}
    python = ".".join(map(str, sys.version_info[:3]))
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_name(f".{out.name}.tmp")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        _add(archive, "setup.sh", SETUP.format(python=python), executable=True)
        _add(archive, "run_autograder", RUN.format(), executable=True)
        project = ENGINE.parent
        if (project / "uv.lock").is_file() and (project / "pyproject.toml").is_file():
            for name in ("pyproject.toml", "uv.lock"):
                _add(archive, f"lock/{name}", (project / name).read_bytes())
        else:
            _add(archive, "requirements.txt", "\n".join(pinned_requirements()) + "\n")
        _add(archive, "bundle.json", json.dumps(bundle, indent=2) + "\n")
        _add(archive, "recording.bin", runner.record_suite(assignment).to_bytes())
        for folder, where in ((ENGINE, "engine/autograder"),
                              (assignment.folder, f"course/solutions/{assignment.name}"),
                              (assignment.release_dir, f"course/assignments/{assignment.name}")):
            for path in sorted(folder.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts:
                    _add(archive, f"{where}/{path.relative_to(folder).as_posix()}",
                         path.read_bytes())
    os.replace(temporary, out)
    return out


def _add(archive: zipfile.ZipFile, name: str, content: str | bytes,
         executable: bool = False) -> None:
    """Add one file, dated 1980-01-01 so that the same course gives the same zip."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (0o755 if executable else 0o644) << 16
    archive.writestr(info, content)


def _worst_case_seconds(assignment: Assignment) -> float:
    """The longest one submission's grading can take under the assignment's budget."""
    budget = assignment.config.budget
    return budget.import_wall + budget.exercise_wall * len(assignment.exercises())


def pinned_requirements() -> list[str]:
    """``name==version`` for the engine's distribution's runtime requirements and theirs, as
    installed in this environment (extras and other platforms' markers left out).

    Example: ["contourpy==1.3.3", ..., "numpy==2.4.6", ..., "pytest==9.0.3", ...]
    """
    try:
        seen, todo = {}, [DISTRIBUTION]
        while todo:
            name = canonicalize_name(todo.pop())
            if name in seen:
                continue
            seen[name] = metadata.version(name)
            for text in metadata.requires(name) or []:
                requirement = Requirement(text)
                if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                    todo.append(requirement.name)
    except metadata.PackageNotFoundError as error:
        raise UsageError(f"cannot pin the engine's requirements: {error.name} is not "
                         "installed here") from None
    del seen[canonicalize_name(DISTRIBUTION)]  # the zip carries the engine itself
    return [f"{name}=={version}" for name, version in sorted(seen.items())]


# --------------------------------------------------------------------------- inside Gradescope


def _submission(folder: Path, assignment: Assignment) -> Path:
    """The file to grade in Gradescope's submission folder: as ``autograder grade`` finds it
    in a student's folder, else the only ``ASSIGNMENT.py``/``.ipynb`` anywhere below."""
    from ..runner import SUFFIXES, _code_in

    try:
        return _code_in(folder, assignment)
    except (UsageError, OSError):
        found = [path for suffix in SUFFIXES for path in folder.rglob(assignment.name + suffix)
                 if not any(part.startswith(".") for part in path.relative_to(folder).parts)]
        if len(found) == 1:
            return found[0]
    raise UsageError(f"Upload {assignment.name}.ipynb or {assignment.name}.py (one of them, "
                     "as the assignment names it). Nothing was graded.")


def _visibility_of(bundle: dict):
    public = set(bundle["public_tests"])

    def visibility(test) -> str:
        visible = f"{test.exercise}::{test.name}" in public
        return "visible" if visible else bundle["hidden_visibility"]

    return visibility


def _results(result, bundle: dict, exercises: list[str]) -> dict:
    """results.json for one graded submission."""
    from ..escaping import markdown
    from ..reports import results_json

    data = results_json(result, visibility=_visibility_of(bundle))
    if result.error or bundle["hidden_visibility"] == "visible":
        return data
    shown = [test for test in data["tests"] if test["visibility"] == "visible"]
    score = sum(test["score"] for test in shown)
    top = sum(test["max_score"] for test in shown)
    data["output"] = "\n\n".join([
        f"Public checks: {score:g} / {top:g} points. The other checks, and your score, are "
        f"shown {bundle['hidden_visibility'].replace('_', ' ')}.",
        *map(markdown, result.notes)])
    return data


def _failed(message: str) -> dict:
    """results.json for a submission that could not be graded: 0, and why."""
    from ..escaping import markdown

    return {"score": 0, "output": markdown(message), "output_format": "md",
            "visibility": "visible", "stdout_visibility": "hidden",
            "tests": [{"name": "Grading", "number": "0", "score": 0, "max_score": 0,
                       "status": "failed", "output": markdown(message),
                       "visibility": "visible"}]}


def run(root: Path) -> dict:
    """Grade ``ROOT/submission`` with the bundle in ``ROOT/source``; write and return
    ``ROOT/results/results.json``. Never raises for anything a submission can cause."""
    from .. import runner
    from ..reports import recording_key, suite_hash, write_atomic

    target = root / "results" / "results.json"
    source = root / "source"
    bundle = json.loads((source / "bundle.json").read_text(encoding="utf-8"))

    def finish(data: dict) -> dict:
        write_atomic(target, json.dumps(data, indent=2) + "\n")
        return data

    def out_of_time(signum, frame):
        finish(_failed(f"Grading took longer than {bundle['timeout'] - MARGIN:.0f} s and was "
                       "stopped. Look for a loop that does not end, or code that runs on import "
                       "(put it under `if __name__ == \"__main__\":`)."))
        os._exit(0)  # the grading processes die with the container

    signal.signal(signal.SIGALRM, out_of_time)
    signal.alarm(max(1, int(bundle["timeout"] - MARGIN)))
    try:
        assignment = Course(source / "course").assignment(bundle["assignment"])
        path = _submission(root / "submission", assignment)
    except UsageError as error:
        return finish(_failed(str(error)))
    recording = source / "recording.bin"
    if recording_key(suite_hash(assignment)) != bundle["recording_key"]:
        print("autograder: this image's Python or packages differ from the zip's: recording "
              "the suite again (slower)")
        recording = None
    student = runner.Student("submission", path)
    result, = runner.grade(assignment, [student], cache=recording)
    signal.alarm(0)
    return finish(_results(result, bundle, assignment.exercises()))


def main(argv: list[str] | None = None) -> int:
    """``python -m autograder.integrations.gradescope ROOT``: :func:`run`, and a valid
    results.json even when the grader itself fails."""
    root = Path((argv if argv is not None else sys.argv[1:])[0])
    try:
        data = run(root)
    except Exception as error:  # the student still gets a results.json, and so do we
        from ..reports import write_atomic

        print(f"autograder: the grader failed: {type(error).__name__}: {error}")
        data = _failed("The autograder failed on this submission; your instructor has been "
                       "told. Resubmitting will not help until it is fixed.")
        write_atomic(root / "results" / "results.json", json.dumps(data, indent=2) + "\n")
    print(f"score {data['score']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
