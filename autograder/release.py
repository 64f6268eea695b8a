"""Turn an assignment's single source into what students receive.

The source (``solutions/<name>.py``) is a jupytext percent-format script. Code between
``### BEGIN SOLUTION`` and ``### END SOLUTION`` is the reference answer. The release replaces each
such region with nbgrader's stub, ``# YOUR CODE HERE`` plus ``raise NotImplementedError()``, and
writes:

- ``<name>.ipynb``: the lesson notebook with nbgrader v3 cell metadata;
- ``<name>.py``: the same stubs as a plain module (still jupytext percent format);
- everything in ``autograder/templates/<name>/`` (public checks, data loader, data);
- ``gradcheck.py``: a copy of :mod:`autograder.gradcheck`.

Every output is a pure function of the inputs, so releasing twice changes nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
import nbformat

from .assignments import PACKAGE_DIR, Assignment

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
STUB = ("# YOUR CODE HERE", "raise NotImplementedError()")
_DEF = re.compile(r"^def\s+(\w+)\s*\(", re.MULTILINE)


class SourceError(Exception):
    """The solution source is malformed (unbalanced or nested solution markers)."""


def _regions(lines: list[str]) -> list[tuple[int, int]]:
    """(begin, end) line indices of each solution region, markers included."""
    regions, begin = [], None
    for number, line in enumerate(lines):
        if BEGIN in line:
            if begin is not None:
                raise SourceError(f"line {number + 1}: nested {BEGIN}")
            begin = number
        elif END in line:
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


def _nbgrader(grade_id: str, solution: bool) -> dict:
    return {
        "grade": False,
        "grade_id": grade_id,
        "locked": not solution,
        "schema_version": 3,
        "solution": solution,
    }


def build_notebook(text: str, *, solutions: bool) -> nbformat.NotebookNode:
    """Build the lesson notebook from the source text.

    Arguments:
    text -- the jupytext percent-format source
    solutions -- keep the reference answers (the instructor's version) or stub them

    Solution cells get ``grade_id`` equal to the function they define; every other cell is a
    locked, read-only lesson or setup cell. Cell ids equal grade ids, so output is stable.
    """
    source_nb = jupytext.reads(text, fmt="py:percent")
    cells = []
    for index, cell in enumerate(source_nb.cells):
        is_solution = cell.cell_type == "code" and BEGIN in cell.source
        if is_solution:
            names = _DEF.findall(cell.source)
            if not names:
                raise SourceError(f"cell {index}: a solution cell must define a function")
            grade_id = names[0]
        else:
            grade_id = f"{'lesson' if cell.cell_type == 'markdown' else 'setup'}-{index:02d}"
        source = cell.source if solutions or not is_solution else strip_solutions(cell.source)
        source = source.rstrip("\n")
        if cell.cell_type == "markdown":
            new = nbformat.v4.new_markdown_cell(source)
        else:
            new = nbformat.v4.new_code_cell(source)
        new.id = grade_id
        new.metadata = {"deletable": False, "nbgrader": _nbgrader(grade_id, is_solution)}
        if not is_solution:
            new.metadata["editable"] = False
        cells.append(new)
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    nbformat.validate(notebook)
    return notebook


def exercises(text: str) -> list[str]:
    """The function names of the solution cells, in lesson order."""
    return [
        cell.metadata["nbgrader"]["grade_id"]
        for cell in build_notebook(text, solutions=True).cells
        if cell.metadata["nbgrader"]["solution"]
    ]


def release_files(assignment: Assignment) -> dict[str, bytes]:
    """Every released file as {relative path: content}; a pure function of the sources."""
    text = assignment.source.read_text(encoding="utf-8")
    files = {
        f"{assignment.name}.ipynb": nbformat.writes(build_notebook(text, solutions=False)).encode()
        + b"\n",
        f"{assignment.name}.py": strip_solutions(text).encode(),
        "gradcheck.py": (PACKAGE_DIR / "gradcheck.py").read_bytes(),
    }
    for path in sorted(assignment.templates.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            files[path.relative_to(assignment.templates).as_posix()] = path.read_bytes()
    return files


def release(assignment: Assignment, out_dir: Path | None = None) -> Path:
    """Write the student version of ``assignment`` into ``out_dir`` and return that folder.

    The folder ends up holding exactly the released files: anything else in it is removed,
    and files whose content is unchanged are left untouched.
    """
    out_dir = assignment.release_dir if out_dir is None else Path(out_dir)
    files = release_files(assignment)
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
