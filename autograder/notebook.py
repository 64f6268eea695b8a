"""Read a student's ``.ipynb`` as data and choose the code cells a worker will run.

This module runs in the trusted driver, so it only parses JSON: it never executes a cell. The
worker later runs each chosen cell on its own, so a cell that raises is reported and the
cells after it still define their functions.

Which cells run:

- **With nbgrader metadata** (a notebook we or nbgrader released): the student's solution
  cells and every cell the student added (no metadata), in the student's order. Locked lesson
  cells run as *released*, whatever the student did to them, as nbgrader restores them; test
  cells do not run (the hidden suite does the testing). A locked cell the student deleted
  stays deleted, again as in nbgrader. The release's check cells carry no nbgrader metadata,
  so they run like cells the student added: their ``__main__`` guard makes them do nothing.
- **Without any metadata**: every code cell, in order.

IPython magics (``%time``, ``%%capture``), shell escapes (``!pip install``) and help lines
(``np.exp?``) are not Python; each such line becomes ``pass`` and the feedback says so.

Example::

    cells, notes = read_cells(Path("alice.ipynb"), trusted={"setup-01": "import numpy as np"})
    cells[0].source   # "import numpy as np"
"""

from __future__ import annotations

import ast
import copy
import json
import re
from dataclasses import dataclass
from pathlib import Path

NBFORMAT = 4  # the newest major notebook format this reader understands
MAX_BYTES = 32 << 20
_MAGIC = re.compile(r"^(\s*)(%|!|\w+\s*=\s*[%!])")
_HELP = re.compile(r"^(\s*)[\w.]+\?\??\s*$")
# cell magics whose body is not Python: the whole cell goes
_FOREIGN = {"bash", "sh", "script", "html", "javascript", "js", "latex", "markdown", "perl",
            "ruby", "svg", "writefile", "system", "sx", "file"}


class NotebookError(Exception):
    """The file is not a notebook we can grade; the message is one line for the gradebook."""


@dataclass(frozen=True)
class Cell:
    """One code cell to run: a human name for messages (``cell 4``) and its Python source."""

    name: str
    source: str


def strip_magics(source: str) -> tuple[str, int]:
    """Replace IPython-only lines by ``pass`` (same indent); return (python, lines replaced).

    Example: strip_magics("%time x = 1\\ny = 2") == ("pass\\ny = 2", 1)
    """
    lines = source.splitlines()
    if lines and lines[0].lstrip().startswith("%%"):
        magic = lines[0].lstrip()[2:].split(maxsplit=1)
        if not magic or magic[0] in _FOREIGN:
            return "", len(lines)
        lines, removed = lines[1:], 1
    else:
        removed = 0
    out = []
    for line in lines:
        match = _MAGIC.match(line) or _HELP.match(line)
        if match:
            out.append(f"{match.group(1)}pass")
            removed += 1
        else:
            out.append(line)
    return "\n".join(out), removed


def _load(path: Path) -> dict:
    if path.stat().st_size > MAX_BYTES:
        raise NotebookError(f"the notebook is larger than {MAX_BYTES >> 20} MiB")
    try:
        data = json.loads(path.read_bytes())
    except UnicodeDecodeError:
        raise NotebookError("not a notebook: the file is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise NotebookError(f"not a notebook: invalid JSON at line {error.lineno}, "
                            f"column {error.colno}") from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise NotebookError("not a notebook: no list of cells")
    version = data.get("nbformat")
    if not isinstance(version, int) or version < NBFORMAT:
        raise NotebookError(f"notebook format {version!r} is too old; open and save it in a "
                            "current Jupyter to upgrade it to format 4")
    if version > NBFORMAT:
        raise NotebookError(f"notebook format {version} is newer than this grader reads "
                            f"(up to {NBFORMAT}); save it as format {NBFORMAT}")
    return data


def _text(value) -> str:
    if isinstance(value, list):
        return "".join(part for part in value if isinstance(part, str))
    return value if isinstance(value, str) else ""


def _nbgrader(cell: dict) -> dict | None:
    metadata = cell.get("metadata")
    found = metadata.get("nbgrader") if isinstance(metadata, dict) else None
    return found if isinstance(found, dict) else None


def _chosen(cells: list[dict], trusted: dict[str, str]) -> list[tuple[int, str]]:
    """(cell number, source) of each cell to run, by the rules in the module docstring."""
    graded = any(_nbgrader(cell) is not None for cell in cells)
    chosen = []
    for number, cell in enumerate(cells, start=1):
        if cell.get("cell_type") != "code":
            continue
        meta = _nbgrader(cell)
        if not graded or meta is None or meta.get("solution"):
            chosen.append((number, _text(cell.get("source"))))
        elif not meta.get("grade") and meta.get("grade_id") in trusted:
            chosen.append((number, trusted[meta["grade_id"]]))
    return chosen


def read_cells(path: Path, trusted: dict[str, str]) -> tuple[list[Cell], list[str]]:
    """The code cells of the notebook at ``path`` to run, and notes for the student's feedback.

    ``trusted`` maps the grade_id of each released locked code cell to its released source.
    Raises NotebookError for invalid JSON, an unknown format or a notebook without code.
    """
    cells, notes, stripped = [], [], []
    for number, source in _chosen(_load(path)["cells"], trusted):
        python, removed = strip_magics(source)
        if removed:
            stripped.append(number)
        if python.strip():
            cells.append(Cell(f"cell {number}", python))
    if not cells:
        raise NotebookError("the notebook has no code to grade")
    if stripped:
        where = ", ".join(map(str, stripped))
        notes.append(f"IPython magics, shell escapes (`!`) or help lines (`?`) were removed "
                     f"from cell(s) {where}: notebooks are graded as plain Python.")
    return cells, notes


def trusted_cells(notebook: dict) -> dict[str, str]:
    """{grade_id: source} of the locked, non-grade code cells of a released notebook."""
    found = {}
    for cell in notebook["cells"]:
        meta = _nbgrader(cell)
        if cell.get("cell_type") == "code" and meta and meta.get("locked") \
                and not meta.get("solution") and not meta.get("grade"):
            found[meta["grade_id"]] = _text(cell.get("source"))
    return found


def released_cells(assignment) -> dict[str, str]:
    """:func:`trusted_cells` of ``assignment``'s released notebook, built from its source."""
    from .release import build_notebook

    return trusted_cells(build_notebook(assignment.source.read_text(encoding="utf-8"),
                                        solutions=False))


def prepare(path: Path, trusted: dict[str, str], folder: Path) -> tuple[Path, list[str]]:
    """What the worker should run for the submission at ``path``, and notes for feedback.

    A ``.py`` file runs as it is. A notebook's chosen cells are written to
    ``folder/submission.cells.json`` for the worker. Raises NotebookError.
    """
    if path.suffix != ".ipynb":
        return path, []
    cells, notes = read_cells(path, trusted)
    target = folder / "submission.cells.json"
    target.write_text(json.dumps([{"name": c.name, "source": c.source} for c in cells]),
                      encoding="utf-8")
    return target, notes


def _is_main_guard(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and "__main__" in ast.unparse(node.test)


def fill_notebook(released: dict, code: str) -> dict:
    """A copy of the ``released`` notebook answered with the functions of the module ``code``.

    Each solution cell gets the function it is named after (a missing one keeps its stub); the
    module's other top-level code (imports, helpers) goes first into the first solution cell,
    without ``if __name__ == "__main__":`` blocks. Used to build notebook classes for tests,
    examples and benchmarks from ``.py`` submissions.
    """
    tree = ast.parse(code)
    lines = code.splitlines()
    functions, prelude = {}, []
    for node in tree.body:
        first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
        text = "\n".join(lines[first - 1 : node.end_lineno])
        if isinstance(node, ast.FunctionDef):
            functions[node.name] = text
        elif not _is_main_guard(node):
            prelude.append(text)
    notebook = copy.deepcopy(released)
    solutions = [cell for cell in notebook["cells"] if (_nbgrader(cell) or {}).get("solution")]
    for index, cell in enumerate(solutions):
        name = _nbgrader(cell)["grade_id"]
        parts = (prelude if index == 0 else []) + [functions.pop(name, _text(cell["source"]))]
        cell["source"] = "\n\n".join(parts)
    if functions and solutions:  # helpers named like no exercise
        solutions[0]["source"] = "\n\n".join([*functions.values(), solutions[0]["source"]])
    return notebook
