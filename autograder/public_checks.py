"""Build an assignment's public checks from its hidden suite: one source for both.

An instructor makes a hidden test public with a mark::

    @pytest.mark.public
    @pytest.mark.exercise("scale", points=1)
    def test_lesson_example(submission, reference):
        '''the lesson's example: scale(np.array([1.0, 2.0])) is [2.0, 4.0]'''
        ...

``autograder release`` then gives students, in ``public_checks/``:

- the test's own source, decorators removed, with the module-level helpers and constants it
  uses (transitively, also from sibling modules such as ``strategies.py``); imports of
  ``autograder.checks`` become imports of the released ``checks.py``, so a failing public test
  prints exactly the message the grader's feedback gives;
- its examples: a plain test runs once (per ``parametrize`` case), a ``@given`` test on its
  ``@example`` inputs only, never on generated (hidden) ones;
- every answer the reference gave the test on those examples, recorded here, so that the
  student's side (:mod:`autograder.public_runner`, released as ``public_tests.py``) needs
  neither the reference nor hypothesis: numpy and the standard library only.

What a public test may use is checked here, and a problem is a :class:`PublicCheckError`
naming the test: fixtures other than ``submission`` and ``reference``, ``st.data()``, a
``@given`` test without ``@example``, imports other than numpy, the standard library, the
suite's own modules, ``autograder.checks`` and the engine modules the assignment ships, and
examples that are not plain data. A test whose hint needs a reference value computed only
when the student's answer is wrong still runs offline; it just fails without that hint.
"""

from __future__ import annotations

import ast
import builtins
import inspect
import json
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis.errors import UnsatisfiedAssumption

from .checks import GradingFailure
from .course import Assignment
from .plugin import property_of
from .public_runner import DATA, PACKAGE, call_key, to_json
from .replay import given_function, plain_copy
from .submission import InProcessBackend, Submission, describe_exception

MARK = "public"
FIXTURES = ("submission", "reference")
#: imports of the engine in a hidden suite, as the release names them
ENGINE_IMPORTS = {"autograder.checks": "checks", "autograder.gradcheck": "gradcheck"}


class PublicCheckError(Exception):
    """A public test cannot be released as it is; the message names it and says why."""


def is_public(item: pytest.Item) -> bool:
    return item.get_closest_marker(MARK) is not None


def build(assignment: Assignment, items: list[pytest.Item], reference,
          exercises: list[str]) -> dict[str, bytes]:
    """The files of ``public_checks/`` ({path relative to the release: bytes}) for the
    collected ``items`` of ``assignment``'s hidden suite, run here on ``reference``."""
    public = sorted((item for item in items if is_public(item)),
                    key=lambda item: exercises.index(_exercise(item)))
    answers: dict[str, object] = {}
    tests = [_record(item, reference, exercises, answers) for item in public]
    sources = _Extractor(assignment, {item.path for item in public}).extract(public)
    data = {"assignment": assignment.name, "exercises": exercises, "tests": tests,
            "reference": dict(sorted(answers.items()))}
    files = {f"{PACKAGE}/__init__.py": _INIT.format(name=assignment.name).encode(),
             f"{PACKAGE}/{DATA}": json.dumps(data, indent=1, sort_keys=True).encode() + b"\n"}
    files.update({f"{PACKAGE}/{module}.py": text.encode() for module, text in sources.items()})
    return files


_INIT = '''"""The public tests of `{name}`, written by `autograder release` from the hidden suite.

Run them with `python public_tests.py` (or `check(...)` in the notebook). Do not edit these
files: they are generated, and the grader uses its own copy of the tests.
"""
'''


def _exercise(item: pytest.Item) -> str:
    return item.get_closest_marker("exercise").args[0]


def _label(item: pytest.Item) -> str:
    doc = property_of(item)
    callspec = getattr(item, "callspec", None)
    return f"{doc} [{callspec.id}]" if callspec is not None else doc


def _examples(item: pytest.Item) -> list[dict]:
    """The keyword arguments of each example the public test runs on."""
    params = dict(getattr(getattr(item, "callspec", None), "params", {}))
    function = given_function(item)
    if function is None:
        return [params]
    explicit = getattr(function, "hypothesis_explicit_examples", [])
    if not explicit:
        raise PublicCheckError(f"{item.nodeid}: a public @given test needs at least one "
                               "@example: its generated inputs stay hidden")
    if any(example.args for example in explicit):
        raise PublicCheckError(f"{item.nodeid}: give @example arguments by keyword")
    return [{**params, **example.kwargs} for example in explicit]


def _record(item: pytest.Item, reference, exercises: list[str], answers: dict) -> dict:
    """Run the public test ``item`` on the reference, noting each answer the reference gives
    it; the test's entry in the data file."""
    function = given_function(item)
    body = function.hypothesis.inner_test if function is not None else item.obj
    wanted = inspect.signature(body).parameters
    kept = []
    for number, kwargs in enumerate(_examples(item), start=1):
        if missing := set(wanted) - set(FIXTURES) - set(kwargs):
            raise PublicCheckError(
                f"{item.nodeid}: nothing gives {', '.join(sorted(missing))} in example "
                f"{number}: a public test may ask only for {' and '.join(FIXTURES)}, and its "
                "examples must give every other argument (st.data() cannot be public)")
        try:
            encoded = to_json(kwargs)
        except TypeError as error:
            raise PublicCheckError(f"{item.nodeid}: example {number} holds {error}; public "
                                   "examples are numbers, arrays, str, lists, tuples, dicts "
                                   "and None") from None
        fixtures = {"submission": Submission(InProcessBackend(reference, reference, exercises),
                                             exercises),
                    "reference": _Recorder(reference, answers, item.nodeid)}
        try:
            body(**{key: value for key, value in fixtures.items() if key in wanted},
                 **plain_copy(kwargs))
        except UnsatisfiedAssumption:
            continue  # assume() rules this example out, here as for any submission
        except Exception as error:
            why = str(error) if isinstance(error, GradingFailure) else describe_exception(error)
            raise PublicCheckError(f"{item.nodeid}: fails on the reference (example "
                                   f"{number}): {why}") from None
        kept.append(encoded)
    return {"module": item.path.stem, "function": item.originalname, "nodeid": item.nodeid,
            "exercise": _exercise(item), "doc": _label(item), "examples": kept}


class _Recorder:
    """The reference as a public test sees it while recording: each answer is kept."""

    def __init__(self, module, answers: dict, nodeid: str):
        self._module, self._answers, self._nodeid = module, answers, nodeid

    def __getattr__(self, name: str):
        attribute = getattr(self._module, name)
        if not callable(attribute):
            raise PublicCheckError(f"{self._nodeid}: uses reference.{name}, which is not a "
                                   "function; put constants in the test module")

        def recorded(*args, **kwargs):
            try:
                key = call_key(name, args, kwargs)
            except TypeError:
                key = None  # not plain data: the student's side will not find it either
            value = attribute(*args, **kwargs)
            if key is not None:
                try:
                    self._answers[key] = to_json(value)
                except TypeError:
                    pass
            return value

        return recorded


class _Extractor:
    """Copies public tests out of the suite's modules, with what they need at module level."""

    def __init__(self, assignment: Assignment, paths: set[Path]):
        self.assignment = assignment
        self.shipped = {f"autograder.{module}": module
                        for module in assignment.config.engine_modules}
        self.trees: dict[str, tuple[ast.Module, list[str]]] = {}
        self.folder = next(iter(paths)).parent if paths else assignment.suite

    def _module(self, name: str) -> tuple[ast.Module, list[str]]:
        if name not in self.trees:
            path = self.folder / f"{name}.py"
            try:
                text = path.read_text(encoding="utf-8")
            except OSError:
                raise PublicCheckError(f"public tests import {name}, which is not a module "
                                       f"of the suite ({path.name})") from None
            self.trees[name] = ast.parse(text), text.splitlines()
        return self.trees[name]

    def extract(self, items: list[pytest.Item]) -> dict[str, str]:
        """{module: source} of every module the public ``items`` need, as released."""
        tests: dict[str, set[str]] = defaultdict(set)
        for item in items:
            tests[item.path.stem].add(item.originalname)
        needed: dict[str, set[str]] = defaultdict(set)
        todo = [(module, name) for module, names in tests.items() for name in names]
        while todo:
            module, name = todo.pop()
            if name in needed[module]:
                continue
            needed[module].add(name)
            tree, _ = self._module(module)
            for node in _bindings(tree, name):
                if isinstance(node, ast.ImportFrom) and self._local(node) is not None:
                    todo += [(self._local(node), alias.name) for alias in node.names
                             if (alias.asname or alias.name) == name]
                elif not isinstance(node, ast.Import | ast.ImportFrom):
                    stripped = name in tests[module] and isinstance(node, ast.FunctionDef)
                    todo += [(module, used) for used in _loaded(node, stripped)
                             if _bindings(tree, used)]
        return {module: self._emit(module, names, tests[module])
                for module, names in sorted(needed.items())}

    def _local(self, node: ast.ImportFrom) -> str | None:
        """The sibling module an import takes names from, or None for any other import."""
        prefix = f"{self.assignment.name}.tests"
        if node.level == 1 and node.module:
            return node.module
        if node.level == 0 and node.module and node.module.startswith(prefix + "."):
            return node.module.removeprefix(prefix + ".")
        if node.level:
            raise PublicCheckError("public tests may import only sibling modules of the "
                                   f"suite (from .name import ...), not level {node.level}")
        return None

    def _emit(self, module: str, names: set[str], tests: set[str]) -> str:
        tree, lines = self._module(module)
        out = [f'"""Public tests of `{self.assignment.name}`, copied by `autograder release` '
               f'from the hidden\nsuite\'s tests/{module}.py with the helpers they use. '
               'Generated: do not edit."""']
        for node in tree.body:
            bound = _names_bound(node) & names
            if isinstance(node, ast.ImportFrom) and node.module == "__future__":
                out.append(ast.unparse(node))
            elif bound and isinstance(node, ast.Import | ast.ImportFrom):
                out.append(self._import(node, bound, module))
            elif bound:
                stripped = isinstance(node, ast.FunctionDef) and node.name in tests
                out.append(_segment(node, lines, stripped))
        return "\n\n".join(out[:1] + [_spaced(out[1:])]) + "\n"

    def _import(self, node: ast.Import | ast.ImportFrom, bound: set[str], module: str) -> str:
        """The import as released, keeping only the ``bound`` names it needs."""
        aliases = [alias for alias in node.names
                   if (alias.asname or alias.name.split(".")[0]) in bound]
        if isinstance(node, ast.Import):
            for alias in aliases:
                self._allowed(alias.name, module)
            return ast.unparse(ast.Import(aliases))
        local = self._local(node)
        if local is not None:
            return ast.unparse(ast.ImportFrom(local, aliases, 1))
        target = node.module or ""
        if target == "hypothesis" and all(alias.name == "assume" for alias in aliases):
            return ast.unparse(ast.ImportFrom("public_tests", aliases, 0))
        if target in ENGINE_IMPORTS:
            if target != "autograder.checks" and target not in self.shipped:
                raise PublicCheckError(
                    f"public tests in tests/{module}.py use {target}: add "
                    f'engine_modules = ["{ENGINE_IMPORTS[target]}"] to [release] in '
                    "assignment.toml so that students get it")
            return ast.unparse(ast.ImportFrom(ENGINE_IMPORTS[target], aliases, 0))
        self._allowed(target, module)
        return ast.unparse(ast.ImportFrom(target, aliases, 0))

    @staticmethod
    def _allowed(name: str, module: str) -> None:
        root = name.split(".")[0]
        if root != "numpy" and root not in sys.stdlib_module_names:
            raise PublicCheckError(
                f"public tests in tests/{module}.py use {name}, which students may not have: "
                "public tests may import numpy, the standard library, the suite's own "
                "modules, autograder.checks and shipped engine modules")


def _names_bound(node: ast.stmt) -> set[str]:
    """The module-level names a top-level statement binds."""
    if isinstance(node, ast.Import | ast.ImportFrom):
        return {alias.asname or alias.name.split(".")[0] for alias in node.names}
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return {node.name}
    targets = node.targets if isinstance(node, ast.Assign) else \
        [node.target] if isinstance(node, ast.AnnAssign | ast.AugAssign) else []
    return {name.id for target in targets for name in ast.walk(target)
            if isinstance(name, ast.Name)}


def _bindings(tree: ast.Module, name: str) -> list[ast.stmt]:
    if name in vars(builtins) and not any(name in _names_bound(n) for n in tree.body):
        return []
    return [node for node in tree.body if name in _names_bound(node)]


def _loaded(node: ast.stmt, stripped: bool) -> set[str]:
    """The names a statement reads (over-approximated: its locals too); a public test's
    decorators are left out, since it is released without them."""
    parts = [node.args, *node.body] if stripped else [node]
    return {name.id for part in parts for name in ast.walk(part)
            if isinstance(name, ast.Name) and isinstance(name.ctx, ast.Load)}


def _segment(node: ast.stmt, lines: list[str], stripped: bool) -> str:
    """The statement's source with the comment lines right above it; a public test without
    its decorators."""
    decorators = getattr(node, "decorator_list", [])
    # a def's own line number is that of "def", below its decorators
    start = node.lineno if stripped or not decorators else min(d.lineno for d in decorators)
    while start > 1 and lines[start - 2].lstrip().startswith("#"):
        start -= 1
    return "\n".join(lines[start - 1 : node.end_lineno])


def _spaced(parts: list[str]) -> str:
    """Imports together, then each definition two blank lines apart (as ruff formats)."""
    imports = [part for part in parts if part.startswith(("import ", "from "))]
    rest = [part for part in parts if part not in imports]
    return "\n\n\n".join(["\n".join(imports)] + rest if imports else rest)
