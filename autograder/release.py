"""Turn an assignment's lesson source into what students receive.

The source (``solutions/<name>/<name>.py``) is a jupytext percent-format script. Code between
``### BEGIN SOLUTION`` and ``### END SOLUTION`` is the reference answer; the function whose
body holds a solution region is an exercise (one per solution cell), named by that function.
The release replaces each region with nbgrader's stub, ``# YOUR CODE HERE`` plus
``raise NotImplementedError()``, and writes into ``assignments/<name>/``:

- ``<name>.ipynb``: the lesson notebook with nbgrader v3 cell metadata, and after each
  solution cell a read-only check cell that runs that exercise's public checks;
- ``<name>.py``: the same stubs as a plain module (still jupytext percent format);
- ``public_tests.py``, ``checks.py`` and ``public_checks/``: the public checks, built from the
  hidden tests marked public (see :mod:`autograder.public_checks`);
- the engine modules ``assignment.toml`` lists (e.g. ``gradcheck.py``);
- everything in ``solutions/<name>/files/`` as it is (helpers, data).

Every output is a pure function of the inputs, so releasing twice changes nothing.
"""

from __future__ import annotations

import ast
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .course import Assignment, UsageError
from .public_runner import DATA, PACKAGE

if TYPE_CHECKING:  # jupytext and nbformat load slowly: only notebook builders import them
    import nbformat

ENGINE = Path(__file__).resolve().parent
BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
STUB = ("# YOUR CODE HERE", "raise NotImplementedError()")
CHECK_PREFIX = "check-"  # the ids of the public-check cells
CHECK_CELL = '''\
# Run this cell to check `{name}` with the public checks (public_tests.py).
if __name__ == "__main__":  # a notebook, not a module imported by a checker
    from public_tests import check

    check("{name}", globals())'''
#: the engine files every release carries: the public checks' runner and their messages
RUNNER = {"public_tests.py": ENGINE / "public_runner.py", "checks.py": ENGINE / "checks.py"}


class SourceError(UsageError):
    """The lesson source or the release is malformed; the message says where and why."""


def _regions(lines: list[str]) -> list[tuple[int, int]]:
    """(begin, end) line indices of each solution region, markers included."""
    regions, begin = [], None
    for number, text in enumerate(lines):
        line = text.strip()
        for marker in (BEGIN, END):
            if marker in line and not line.startswith(marker):
                raise SourceError(f"line {number + 1}: {marker} must be a line of its own "
                                  "(nbgrader takes it for a marker anywhere, even in prose)")
        if line.startswith(BEGIN):
            if begin is not None:
                raise SourceError(f"line {number + 1}: nested {BEGIN}")
            begin = number
        elif line.startswith(END):
            if begin is None:
                raise SourceError(f"line {number + 1}: {END} without {BEGIN}")
            regions.append((begin, number))
            begin = None
    if begin is not None:
        raise SourceError(f"line {begin + 1}: {BEGIN} is never closed")
    return regions


def solution_lines(text: str) -> list[str]:
    """Every line strictly inside a solution region, in order.

    Example: solution_lines("x = 1\\n### BEGIN SOLUTION\\ny = 2\\n### END SOLUTION\\n") == ["y = 2"]
    """
    lines = text.splitlines()
    return [line for begin, end in _regions(lines) for line in lines[begin + 1 : end]]


def solution_spans(text: str) -> list[tuple[int, int]]:
    """(first, last) line numbers, from 1, of the lines inside each solution region.

    Example: solution_spans("def f():\n    ### BEGIN SOLUTION\n    return 1\n"
                            "    ### END SOLUTION\n") == [(3, 3)]
    """
    return [(begin + 2, end) for begin, end in _regions(text.splitlines())]


def leaked_solution_lines(text: str, files: dict[str, bytes]) -> list[str]:
    """The lines of the source's solution regions that also stand, stripped, in a released
    file (``files``: {relative path: content}; a notebook's cells are read as its text). A
    public test's helper, or the lesson's prose, can repeat a solution without anyone noticing.

    Example: with ``s = 1 / (1 + np.exp(-z))`` inside a solution region,
    leaked_solution_lines(source, {"public_checks/x.py": b"  s = 1 / (1 + np.exp(-z))"})
    == ["s = 1 / (1 + np.exp(-z))"]
    """
    secret = {line.strip() for line in solution_lines(text)} - {""}
    released: set[str] = set()
    for name, content in files.items():
        body = content.decode("utf-8", errors="replace")
        if name.endswith(".ipynb"):
            body = "\n".join("".join(cell["source"]) if isinstance(cell["source"], list)
                             else cell["source"] for cell in json.loads(body)["cells"])
        released.update(line.strip() for line in body.splitlines())
    return sorted(secret & released)


def strip_solutions(text: str) -> str:
    """Replace each solution region, markers included, by the stub at the BEGIN line's indent."""
    lines = text.splitlines()
    out, position = [], 0
    for begin, end in _regions(lines):
        indent = lines[begin][: len(lines[begin]) - len(lines[begin].lstrip())]
        out += lines[position:begin] + [indent + stub_line for stub_line in STUB]
        position = end + 1
    out += lines[position:]
    return "\n".join(out) + "\n"


def exercise_of(source: str, where: str) -> str:
    """The exercise a solution cell defines: the top-level function whose body holds its
    solution region(s). ``where`` names the cell in errors.

    Example: exercise_of("def f(x):\\n    ### BEGIN SOLUTION\\n    y = x\\n"
                         "    ### END SOLUTION\\n    return y", "cell 3") == "f"
    """
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        raise SourceError(f"{where}: {error.msg} (line {error.lineno})") from None
    lines = source.splitlines()
    owners = set()
    for begin, _ in _regions(lines):
        found = [node.name for node in tree.body if isinstance(node, ast.FunctionDef)
                 and node.lineno <= begin + 1 <= node.end_lineno]
        if not found:
            raise SourceError(f"{where}: line {begin + 1}: a solution region must sit inside "
                              "a top-level function, the exercise")
        owners.add(found[0])
    if len(owners) != 1:
        raise SourceError(f"{where}: solution regions in {', '.join(sorted(owners))}: one "
                          "exercise per solution cell")
    return owners.pop()


def _nbgrader(grade_id: str, solution: bool) -> dict:
    return {
        "grade": False,
        "grade_id": grade_id,
        "locked": not solution,
        "schema_version": 3,
        "solution": solution,
    }


def _cell(kind: str, source: str, grade_id: str, solution: bool) -> nbformat.NotebookNode:
    import nbformat

    new = (nbformat.v4.new_markdown_cell if kind == "markdown" else nbformat.v4.new_code_cell)(
        source)
    new.id = grade_id
    new.metadata = {"deletable": False, "nbgrader": _nbgrader(grade_id, solution)}
    if not solution:
        new.metadata["editable"] = False
    return new


def _check_cell(name: str) -> nbformat.NotebookNode:
    """The cell that runs exercise ``name``'s public checks. Read-only, but without nbgrader
    metadata: nbgrader knows no such cell (its test cells do the checking there) and would
    fail on an unknown grade id, so it takes it for a cell the student added. Its guard keeps
    it from running when a grader imports the notebook's code."""
    import nbformat

    new = nbformat.v4.new_code_cell(CHECK_CELL.format(name=name))
    new.id = CHECK_PREFIX + name
    new.metadata = {"deletable": False, "editable": False}
    return new


def build_notebook(text: str, *, solutions: bool, checks: bool = True) -> nbformat.NotebookNode:
    """Build the lesson notebook from the source text.

    Arguments:
    text -- the jupytext percent-format source
    solutions -- keep the reference answers (the instructor's version) or stub them
    checks -- add after each solution cell a check cell running its public checks

    Solution cells get ``grade_id`` equal to their exercise; every other cell is a locked,
    read-only lesson or setup cell. Cell ids equal grade ids, so output is stable.
    """
    import jupytext
    import nbformat

    source_nb = jupytext.reads(text, fmt="py:percent")
    cells = []
    for index, cell in enumerate(source_nb.cells):
        is_solution = cell.cell_type == "code" and BEGIN in cell.source
        if is_solution:
            grade_id = exercise_of(cell.source, f"cell {index + 1}")
        else:
            grade_id = f"{'lesson' if cell.cell_type == 'markdown' else 'setup'}-{index:02d}"
        source = cell.source if solutions or not is_solution else strip_solutions(cell.source)
        cells.append(_cell(cell.cell_type, source.rstrip("\n"), grade_id, is_solution))
        if is_solution and checks:
            cells.append(_check_cell(grade_id))
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    nbformat.validate(notebook)
    return notebook


def exercises(text: str) -> list[str]:
    """The exercises of a source text: the top-level functions that hold solution regions, in
    lesson order. Read with ``ast`` alone, as the grader needs only the names (building the
    notebook, which also checks one exercise per cell, loads jupytext: a second per process).

    Example: exercises("def f(x):\n    ### BEGIN SOLUTION\n    y = x\n"
                       "    ### END SOLUTION\n    return y\n") == ["f"]
    """
    try:
        tree = ast.parse(text)
    except SyntaxError as error:
        raise SourceError(f"line {error.lineno}: {error.msg}") from None
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    owners: dict[str, ast.FunctionDef] = {}
    for begin, _ in _regions(text.splitlines()):
        owner = next((node for node in functions if node.lineno <= begin + 1 <= node.end_lineno),
                     None)
        if owner is None:
            raise SourceError(f"line {begin + 1}: a solution region must sit inside a top-level "
                              "function, the exercise")
        if owners.setdefault(owner.name, owner) is not owner:
            raise SourceError(f"the exercise {owner.name} is defined twice (lines "
                              f"{owners[owner.name].lineno} and {owner.lineno})")
    return list(owners)


def _source_text(assignment: Assignment) -> str:
    try:
        return assignment.source.read_text(encoding="utf-8")
    except OSError as error:
        raise SourceError(f"cannot read the lesson {assignment.source}: {error.strerror}") \
            from None


def release_files(assignment: Assignment) -> dict[str, bytes]:
    """Every released file as {relative path: content}; a pure function of the sources."""
    import nbformat

    from .public_checks import PublicCheckError, build
    from .runner import collect

    text = _source_text(assignment)
    names = exercises(text)
    if not names:
        raise SourceError(f"{assignment.source.name} has no solution cell: nothing to grade")
    files = {
        f"{assignment.name}.ipynb": nbformat.writes(build_notebook(text, solutions=False))
        .encode() + b"\n",
        f"{assignment.name}.py": strip_solutions(text).encode(),
    }
    files.update({name: path.read_bytes() for name, path in RUNNER.items()})
    for module in assignment.config.engine_modules:
        files[f"{module}.py"] = (ENGINE / f"{module}.py").read_bytes()
    items, context = collect(assignment)
    try:
        files.update(build(assignment, items, context.reference, names))
    except PublicCheckError as error:
        raise SourceError(f"public checks: {error}") from None
    for relative, path in _plain_files(assignment.files).items():
        if relative in files or relative.split("/")[0] == PACKAGE:
            raise SourceError(f"files/{relative} would overwrite a file the release writes")
        files[relative] = path.read_bytes()
    return files


def _plain_files(folder: Path) -> dict[str, Path]:
    """{relative path: path} of the files under ``folder``, without caches and dotfiles."""
    found = {}
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and "__pycache__" not in relative and not any(
                part.startswith(".") for part in relative.split("/")):
            found[relative] = path
    return found


def student_files(assignment: Assignment) -> dict[str, bytes]:
    """The released files a student's code may import or load beside their own lesson file
    (helpers, data, the public checks): the grader's workers get them too. Read from
    ``assignments/<name>/`` when it exists (what students received); otherwise the files the
    release copies as they are."""
    own = {f"{assignment.name}.ipynb", f"{assignment.name}.py"}
    released = assignment.release_dir.is_dir()
    found = _plain_files(assignment.release_dir if released else assignment.files)
    files = {relative: path.read_bytes() for relative, path in found.items()
             if relative not in own}
    if not released:
        files.update({name: path.read_bytes() for name, path in RUNNER.items()})
        for module in assignment.config.engine_modules:
            files[f"{module}.py"] = (ENGINE / f"{module}.py").read_bytes()
    return files


def defined_in(assignment: Assignment) -> dict[str, str]:
    """{exercise: where the release defines its stub}, for a submission that lacks it, e.g.
    "my_lesson.ipynb (cell 12) and my_lesson.py (line 140)"."""
    text = _source_text(assignment)
    cells = build_notebook(text, solutions=False).cells
    lines = strip_solutions(text).splitlines()
    where = {}
    for name in exercises(text):
        cell = next(number for number, cell in enumerate(cells, start=1)
                    if cell.metadata.get("nbgrader", {}).get("grade_id") == name)
        line = next((number for number, line in enumerate(lines, start=1)
                     if line.startswith(f"def {name}(")), None)
        where[name] = f"{assignment.name}.ipynb (cell {cell})" + (
            f" and {assignment.name}.py (line {line})" if line else "")
    return where


def verify_public_checks(assignment: Assignment, files: dict[str, bytes]) -> None:
    """Run the released public checks on the reference, offline, as a student would; a
    SourceError names the ones that fail (an instructor's mistake, not a student's)."""
    with tempfile.TemporaryDirectory(prefix="autograder-release-") as folder:
        root = Path(folder)
        for relative, content in files.items():
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            (root / relative).write_bytes(content)
        (root / f"{assignment.name}.py").write_bytes(assignment.source.read_bytes())
        done = subprocess.run([sys.executable, "-I", "public_tests.py"], cwd=root,
                              capture_output=True, text=True, timeout=600)
    failing = [line for line in done.stdout.splitlines() if line.startswith("FAIL")]
    if done.returncode != 0 or failing:
        detail = "; ".join(failing[:3]) or (done.stdout + done.stderr).strip()[-500:]
        raise SourceError(f"the public checks fail on the reference: {detail}")


def release(assignment: Assignment, out_dir: Path | None = None) -> Path:
    """Write the student version of ``assignment`` into ``out_dir`` and return that folder.

    The public checks are first run on the reference, offline. The folder ends up holding
    exactly the released files: anything else in it is removed, and files whose content is
    unchanged are left untouched.
    """
    out_dir = assignment.release_dir if out_dir is None else Path(out_dir)
    files = release_files(assignment)
    verify_public_checks(assignment, files)
    if out_dir.exists():
        for existing in sorted(out_dir.rglob("*"), reverse=True):
            relative = existing.relative_to(out_dir).as_posix()
            if existing.is_file() and relative not in files:
                existing.unlink()
            elif existing.is_dir() and not any(existing.iterdir()):
                existing.rmdir()
    for relative, content in files.items():
        target = out_dir / relative
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_bytes(content)
        temporary.replace(target)
    return out_dir


def stale_files(assignment: Assignment, release_dir: Path | None = None) -> list[str]:
    """The released files that differ from what ``release`` would write now (missing, extra
    or changed), sorted. The public checks' data is compared as numbers, to a relative 1e-9:
    the last bits of the reference's answers may differ between machines (numpy picks its
    vector kernels by CPU), and that does not make a release stale."""
    release_dir = assignment.release_dir if release_dir is None else release_dir
    expected = release_files(assignment)
    on_disk = {path.relative_to(release_dir).as_posix(): path.read_bytes()
               for path in release_dir.rglob("*")
               if path.is_file() and "__pycache__" not in path.parts}
    data = f"{PACKAGE}/{DATA}"
    stale = []
    for name in sorted(expected.keys() | on_disk.keys()):
        want, got = expected.get(name), on_disk.get(name)
        if want == got:
            continue
        if name == data and want is not None and got is not None and _same_data(want, got):
            continue
        stale.append(name)
    return stale


def _same_data(a: bytes, b: bytes) -> bool:
    try:
        return _close(json.loads(a), json.loads(b))
    except ValueError:
        return False


def _close(a, b) -> bool:
    """Equal JSON trees, numbers within a relative 1e-9 (an int and a float never match)."""
    if type(a) is float or type(b) is float:
        return type(a) is type(b) and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-300)
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_close(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(_close, a, b))
    return a == b


def check_text(name: str) -> str:
    """The text of the check cell for exercise ``name`` (for tests and documentation)."""
    return CHECK_CELL.format(name=name)

