"""How strong is a hidden suite? Mutation analysis of the reference (``autograder audit``).

Each *mutant* is the reference with one small change in one exercise, of the kinds
students make: an arithmetic or comparison operator, a constant, an axis, a
transpose, ``keepdims``, two swapped arguments, a deleted statement, a dropped minus sign.
A mutant that gives the reference's results (and leaves the arguments as the reference
does) on many inputs is set aside as *equivalent*: the calls the hidden suite makes, under
the grading seed and two others, and random variants of them (:func:`perturbed`), so that a
suite with too few or too tame inputs shows its survivors. Of the others, the audit counts those
the hidden suite catches (the mutant loses points in its exercise, graded as students are,
from the recording) and those the public checks catch, and lists the survivors. It also
grades the released stubs (they must earn 0), and the reference and every mutant under two
more hypothesis seeds: a test whose verdict changes with the seed is *seed-dependent* (it
catches a mutant only on some draws), and a reference that loses points under some seed
means a flaky test.

Mutants run in this process: they are the instructor's own code, changed. Each call has a
time limit; a mutant that hangs counts as caught (the sandbox stops it in real grading).

Example::

    report = audit(course.assignment("my_lesson"))
    print(report.table()); report.hidden_share  # 1.0: every non-equivalent mutant caught
"""

from __future__ import annotations

import ast
import contextlib
import copy
import io
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .course import Assignment
from .release import solution_spans
from .sandbox import codec
from .sandbox.session import Overtime, time_limit

TARGET = 0.99  # the share of non-equivalent mutants a hidden suite must catch
SEEDS = (1, 2)  # the extra hypothesis seeds, besides the grading profile's own
CALL_SECONDS = 2.0  # a mutant's call that runs longer hangs
POOL = 600  # calls per exercise compared for equivalence, at most
VARIANTS = 2  # perturbed copies of each call the suite makes (see perturbed)

_SWAPS = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult,
          ast.Pow: ast.Mult, ast.MatMult: ast.Mult, ast.FloorDiv: ast.Div, ast.Mod: ast.Mult,
          ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Lt: ast.LtE, ast.LtE: ast.Lt,
          ast.Eq: ast.NotEq, ast.NotEq: ast.Eq}
_FLIPS = {ast.Gt: ast.Lt, ast.Lt: ast.Gt, ast.GtE: ast.LtE, ast.LtE: ast.GtE}
_SYMBOLS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**",
            ast.MatMult: "@", ast.FloorDiv: "//", ast.Mod: "%", ast.Gt: ">", ast.GtE: ">=",
            ast.Lt: "<", ast.LtE: "<=", ast.Eq: "==", ast.NotEq: "!="}
_REDUCTIONS = {"sum", "mean", "max", "min", "prod", "std", "var"}


@dataclass(frozen=True)
class Mutant:
    """One change to the reference: the exercise, the lesson line, the kind of change, what
    it does (``"line 388: - for +"``) and the changed exercise's source."""

    exercise: str
    line: int
    kind: str
    change: str
    source: str


def _options(node: ast.AST) -> Iterator[tuple[str, str, Callable[[ast.AST], ast.AST]]]:
    """(kind, change, make) for each mutation of ``node``; ``make(copy)`` returns the node
    that replaces the copy of ``node`` in a copy of the function."""
    def swap(attr, new):
        def make(copied):
            setattr(copied, attr, new)
            return copied
        return make

    if isinstance(node, ast.BinOp) and type(node.op) in _SWAPS:
        new = _SWAPS[type(node.op)]
        yield "operator", f"{_SYMBOLS[new]} for {_SYMBOLS[type(node.op)]}", swap("op", new())
    elif isinstance(node, ast.Compare) and len(node.ops) == 1:
        op = type(node.ops[0])
        for table in (_SWAPS, _FLIPS):
            if op in table:
                yield ("operator", f"{_SYMBOLS[table[op]]} for {_SYMBOLS[op]}",
                       swap("ops", [table[op]()]))
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        yield "sign", "a dropped minus sign", lambda copied: copied.operand
    elif isinstance(node, ast.Constant) and isinstance(node.value, int | float) \
            and not isinstance(node.value, bool):
        for value in (node.value + 1, 0 if node.value else 1):
            yield ("constant", f"{value!r} for {node.value!r}",
                   lambda copied, value=value: ast.Constant(value))
    elif isinstance(node, ast.Attribute) and node.attr == "T":
        yield "transpose", "a dropped .T", lambda copied: copied.value
    elif isinstance(node, ast.Call):
        yield from _call_options(node)


def _call_options(node: ast.Call) -> Iterator[tuple[str, str, Callable]]:
    if len(node.args) >= 2 and not any(isinstance(a, ast.Starred) for a in node.args[:2]):
        def swapped(copied):
            copied.args[0], copied.args[1] = copied.args[1], copied.args[0]
            return copied
        yield "arguments", "the first two arguments swapped", swapped
    keywords = {keyword.arg: index for index, keyword in enumerate(node.keywords)}
    if "axis" in keywords:
        value = node.keywords[keywords["axis"]].value
        if isinstance(value, ast.Constant) and value.value in (0, 1):
            def other(copied, index=keywords["axis"], flipped=1 - value.value):
                copied.keywords[index].value = ast.Constant(flipped)
                return copied
            yield "axis", f"axis={1 - value.value} for axis={value.value}", other

        def dropped(copied, index=keywords["axis"]):
            del copied.keywords[index]
            return copied
        yield "axis", "a dropped axis=", dropped
    name = node.func.attr if isinstance(node.func, ast.Attribute) else \
        getattr(node.func, "id", "")
    if "keepdims" in keywords:
        def flipped(copied, index=keywords["keepdims"]):
            copied.keywords[index].value = ast.Constant(False)
            return copied
        yield "keepdims", "keepdims=False", flipped
    elif name in _REDUCTIONS and "axis" in keywords:
        def kept(copied):
            copied.keywords.append(ast.keyword("keepdims", ast.Constant(True)))
            return copied
        yield "keepdims", "keepdims=True added", kept


class _Replace(ast.NodeTransformer):
    def __init__(self, target: ast.AST, make: Callable[[ast.AST], ast.AST]):
        self.target, self.make = target, make

    def visit(self, node):
        if node is self.target:
            return self.make(node)
        return self.generic_visit(node)


def _docstring(function: ast.FunctionDef) -> ast.AST | None:
    first = function.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
            and isinstance(first.value.value, str):
        return first
    return None


def mutants(assignment: Assignment) -> list[Mutant]:
    """Every first-order mutant of the reference's exercises (the functions holding a
    solution region: the region and the code around it that students receive), in lesson
    order; docstrings and the signature are left alone."""
    text = assignment.source.read_text(encoding="utf-8")
    spans = solution_spans(text)
    found = []
    for function in ast.parse(text).body:
        if not isinstance(function, ast.FunctionDef) or not any(
                function.lineno <= first <= function.end_lineno for first, _ in spans):
            continue
        skipped = {id(node) for node in ast.walk(_docstring(function) or ast.Pass())}
        skipped |= {id(node) for part in (function.args, *function.decorator_list)
                    for node in ast.walk(part)}
        for index, node in enumerate(ast.walk(function)):
            if node is function or id(node) in skipped:
                continue
            changes = list(_options(node))
            if isinstance(node, ast.stmt) and not isinstance(node, ast.FunctionDef):
                changes.append(("deletion", "the statement deleted", lambda _: ast.Pass()))
            for kind, change, make in changes:
                copied = copy.deepcopy(function)
                target = next(n for i, n in enumerate(ast.walk(copied)) if i == index)
                changed = ast.fix_missing_locations(_Replace(target, make).visit(copied))
                found.append(Mutant(function.name, node.lineno, kind,
                                    f"line {node.lineno}: {change}", ast.unparse(changed)))
    return found


def namespace_of(mutant: Mutant, reference) -> dict:
    """The reference's namespace with the mutant's exercise redefined (other exercises it
    calls stay the reference's)."""
    namespace = dict(vars(reference))
    exec(compile(mutant.source, f"<mutant {mutant.change}>", "exec"), namespace)
    return namespace


def _outcome(function: Callable, args: tuple, kwargs: dict):
    """(what the call returned or the type of what it raised, the arguments after it)."""
    args, kwargs = copy.deepcopy((args, kwargs))
    with np.errstate(all="ignore"), contextlib.redirect_stdout(io.StringIO()):
        try:
            with time_limit(CALL_SECONDS):
                value = function(*args, **kwargs)
        except Exception as error:  # (Overtime is not one: it goes on up)
            value = ("raised", type(error).__name__)
    return value, args, kwargs


def same(a, b) -> bool:
    """Equal results: the same types, shapes and dtypes, values equal to 1e-9 relative."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and \
            a.shape == b.shape and a.dtype == b.dtype and (
                a.dtype.kind not in "biufc" and a.tobytes() == b.tobytes() or
                a.dtype.kind in "biufc" and np.allclose(a, b, rtol=1e-9, atol=1e-12,
                                                        equal_nan=True))
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[key], b[key]) for key in a)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, float | np.floating):
        return bool(np.isclose(a, b, rtol=1e-9, atol=1e-12, equal_nan=True))
    return a == b


@dataclass
class Verdict:
    """What the audit found for one mutant."""

    mutant: Mutant
    equivalent: bool = False
    hangs: bool = False
    hidden: bool = False  # the hidden suite caught it
    public: bool = False  # the public checks caught it
    seeds: dict[int, bool] = field(default_factory=dict)  # seed -> caught under that seed


@dataclass
class Audit:
    """The audit of one assignment: a verdict per mutant, the reference's score per seed."""

    assignment: str
    exercises: list[str]
    verdicts: list[Verdict]
    reference: dict[str, tuple[float, float]]  # "grading" or "seed N" -> (score, max)
    thorough: bool = True  # the mutants were graded under the extra seeds too
    stubs: tuple[float, float] = (0.0, 0.0)  # the released stubs' (score, max)

    def _counted(self, exercise: str | None = None) -> list[Verdict]:
        return [v for v in self.verdicts if not v.equivalent and
                (exercise is None or v.mutant.exercise == exercise)]

    @property
    def hidden_share(self) -> float:
        counted = self._counted()
        return sum(v.hidden for v in counted) / len(counted) if counted else 1.0

    @property
    def survivors(self) -> list[Verdict]:
        return [v for v in self._counted() if not v.hidden]

    @property
    def seed_dependent(self) -> list[Verdict]:
        return [v for v in self._counted() if len({v.hidden, *v.seeds.values()}) > 1]

    @property
    def ok(self) -> bool:
        """The suite catches :data:`TARGET` of the mutants, no test is flaky, stubs earn 0."""
        return self.hidden_share >= TARGET and not self.flaky and self.stubs[0] == 0

    @property
    def flaky(self) -> bool:
        return len({score for score, _ in self.reference.values()}) > 1 or any(
            score < top for score, top in self.reference.values())

    def table(self) -> str:
        """The report as Markdown: a row per exercise, then survivors and seed effects."""
        lines = [f"# Audit of {self.assignment}", "",
                 "| exercise | mutants | equivalent | counted | hidden suite catches "
                 "| public checks catch |", "|---|---|---|---|---|---|"]
        for name in [*self.exercises, None]:
            every = [v for v in self.verdicts if name is None or v.mutant.exercise == name]
            counted = self._counted(name)
            hidden, public = sum(v.hidden for v in counted), sum(v.public for v in counted)
            lines.append(f"| {'**all**' if name is None else name} | {len(every)} | "
                         f"{len(every) - len(counted)} | {len(counted)} | "
                         f"{_share(hidden, len(counted))} | {_share(public, len(counted))} |")
        lines += ["", "## Survivors (not caught by the hidden suite)", ""]
        lines += [f"- {v.mutant.exercise}, {v.mutant.change}" for v in self.survivors] or \
            ["none"]
        lines += ["", "## Other hypothesis seeds", ""]
        lines += [f"- the reference under {run}: {score:g}/{top:g}"
                  for run, (score, top) in self.reference.items()]
        lines.append(f"- the released stubs: {self.stubs[0]:g}/{self.stubs[1]:g}")
        dependent = self.seed_dependent
        if not self.thorough:
            lines.append("- mutants under other seeds: not graded (run `autograder audit`)")
        else:
            lines.append(f"- {len(dependent)} mutant(s) caught under some seeds only"
                         + (": " + "; ".join(f"{v.mutant.exercise}, {v.mutant.change}"
                                             for v in dependent[:10]) if dependent else ""))
        return "\n".join(lines) + "\n"


def _share(part: int, whole: int) -> str:
    return f"{part} ({100 * part / whole:.1f} %)" if whole else str(part)


def perturbed(value, rng: np.random.Generator):
    """``value`` with random values of the same structure, kind and domain: floats scaled
    and shifted a little, integer arrays (labels, pixels) shuffled; ints, bools and text
    (counts, flags) kept. The audit's random inputs are these variants of the suite's own.

    Example: perturbed((np.array([1.0, 2.0]), 3), rng) -> (array([1.3, 1.6]), 3)
    """
    if isinstance(value, np.ndarray) and value.dtype.kind == "f":
        return value * rng.uniform(0.5, 1.5, value.shape) + rng.normal(0, 0.1, value.shape)
    if isinstance(value, np.ndarray) and value.dtype.kind in "iub" and value.size:
        return rng.permutation(value.reshape(-1)).reshape(value.shape)
    if isinstance(value, float):
        return float(value * rng.uniform(0.5, 1.5) + rng.normal(0, 0.1))
    if isinstance(value, dict):
        return {key: perturbed(item, rng) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(perturbed(item, rng) for item in value)
    return value


def _pools(assignment: Assignment, reference) -> dict[str, list[tuple]]:
    """{exercise: [(args, kwargs)]}: the calls the hidden suite makes on the reference under
    the grading profile and under each of :data:`SEEDS` (functions a test passes included),
    each with :data:`VARIANTS` perturbed copies, at most :data:`POOL` per exercise."""
    from .runner import grade_many_in_process
    from .submission import InProcessBackend

    exercises = assignment.exercises()
    pools: dict[str, list[tuple]] = {}
    seen: set = set()
    for seed in (None, *SEEDS):
        log: list[tuple] = []
        with np.errstate(all="ignore"), contextlib.redirect_stdout(io.StringIO()):
            grade_many_in_process(assignment, {"reference": lambda log=log: _TimedBackend(
                InProcessBackend(reference, reference, exercises), log)}, seed=seed)
        for name, args, kwargs in log:
            key = codec.fingerprint((name, args, kwargs))  # None when a function is passed
            if key is None or key not in seen:
                seen.add(key)
                pools.setdefault(name, []).append((args, kwargs))
    rng = np.random.default_rng(0)
    for name, calls in pools.items():
        calls += [perturbed(call, rng) for call in calls for _ in range(VARIANTS)]
        if len(calls) > POOL:
            pools[name] = [calls[i] for i in sorted(rng.choice(len(calls), POOL,
                                                                replace=False))]
    return pools


def _equivalent(verdict: Verdict, namespace: dict, calls: list, expected: list) -> None:
    """Set ``verdict.equivalent`` when the mutant does what the reference did (``expected``)
    on every call of the pool, and ``hangs`` when a call does not finish."""
    function = namespace[verdict.mutant.exercise]
    for (args, kwargs), want in zip(calls, expected, strict=True):
        try:
            if not same(_outcome(function, args, kwargs), want):
                return
        except Overtime:
            verdict.hangs = verdict.hidden = verdict.public = True
            return
    verdict.equivalent = True


def _public(verdicts: list[Verdict], namespaces: list[dict], assignment: Assignment) -> None:
    """Which mutants the public checks catch, run as students run them (the released
    ``public_tests.py``, in this process: the mutants are trusted code)."""
    import importlib.util

    from .release import release_files

    with tempfile.TemporaryDirectory(prefix="autograder-audit-") as folder:
        root = Path(folder)
        for relative, content in release_files(assignment).items():
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            (root / relative).write_bytes(content)
        spec = importlib.util.spec_from_file_location("public_tests", root / "public_tests.py")
        runner = importlib.util.module_from_spec(spec)
        with _released_modules(root), contextlib.redirect_stdout(io.StringIO()), \
                np.errstate(all="ignore"):
            sys.modules["public_tests"] = runner
            spec.loader.exec_module(runner)
            checks = runner._Checks()
            for verdict, namespace in zip(verdicts, namespaces, strict=True):
                if verdict.hangs:
                    continue
                try:
                    with time_limit(20 * CALL_SECONDS):
                        verdict.public = not checks.run(verdict.mutant.exercise, namespace)
                except Overtime:
                    verdict.public = True


@contextlib.contextmanager
def _released_modules(root: Path):
    """While the release in ``root`` (public_tests, checks, public_checks, helpers) is
    imported in this process; afterwards its modules are forgotten and ``root`` leaves
    sys.path, so that another assignment's release can be imported next."""
    path = list(sys.path)
    try:
        yield
    finally:
        sys.path[:] = path
        for name, module in list(sys.modules.items()):
            if str(getattr(module, "__file__", None) or "").startswith(str(root)):
                del sys.modules[name]


class _TimedBackend:
    """In-process calls of a namespace, each within CALL_SECONDS; each call's name and
    arguments (as given) go to ``log`` when there is one."""

    def __init__(self, backend, log: list | None = None):
        self.backend = backend
        self.log = log

    def __getattr__(self, name):
        return getattr(self.backend, name)

    def call(self, name, args, kwargs):
        from .submission import StudentError

        if self.log is not None:
            self.log.append((name, *copy.deepcopy((args, kwargs))))
        try:
            with time_limit(CALL_SECONDS):
                return self.backend.call(name, args, kwargs)
        except Overtime:
            raise StudentError(f"{name}() did not finish") from None


def _grade(assignment: Assignment, verdicts: list[Verdict], namespaces: list[dict],
           reference, seed: int | None, recording) -> tuple[float, float]:
    """Grade each mutant on its own exercise's tests (with the grading recording, or live
    under ``seed``) and record whether it lost points there. Returns the reference's (score,
    max) in the same runs."""
    from .runner import grade_many_in_process
    from .submission import InProcessBackend

    exercises = assignment.exercises()
    score = top = 0.0
    for exercise in exercises:
        openers = {"reference": lambda: InProcessBackend(reference, reference, exercises)}
        openers.update({str(index): lambda ns=namespace: _TimedBackend(
            InProcessBackend(ns, reference, exercises))
            for index, (verdict, namespace) in enumerate(zip(verdicts, namespaces, strict=True))
            if verdict.mutant.exercise == exercise and not verdict.equivalent
            and not verdict.hangs})
        with np.errstate(all="ignore"), contextlib.redirect_stdout(io.StringIO()):
            results = grade_many_in_process(assignment, openers, only=exercise,
                                            recording=recording, seed=seed)
        score, top = score + results["reference"].score, top + results["reference"].max_score
        for index, result in results.items():
            if index != "reference":
                caught = result.score < result.max_score
                if seed is None:
                    verdicts[int(index)].hidden = caught
                else:
                    verdicts[int(index)].seeds[seed] = caught
    return score, top


def _stubs(assignment: Assignment, reference, recording) -> tuple[float, float]:
    """The released stubs' (score, max), graded like a submission, in this process."""
    from .release import strip_solutions
    from .runner import grade_many_in_process
    from .submission import InProcessBackend

    namespace = {"__name__": "stubs"}
    exec(compile(strip_solutions(assignment.source.read_text(encoding="utf-8")),
                 "<stubs>", "exec"), namespace)
    exercises = assignment.exercises()
    with np.errstate(all="ignore"), contextlib.redirect_stdout(io.StringIO()):
        result = grade_many_in_process(assignment, {"stubs": lambda: InProcessBackend(
            namespace, reference, exercises)}, recording=recording)["stubs"]
    return result.score, result.max_score


def audit(assignment: Assignment, on_progress: Callable[[str], None] = lambda _: None,
          thorough: bool = True) -> Audit:
    """Mutation analysis of ``assignment`` as the module docstring says. Without
    ``thorough`` only the reference is graded under the extra seeds (flaky tests show
    there), not every mutant (which finds seed-dependent catches, at several times the
    cost)."""
    from .plugin import load_reference
    from .runner import record_suite

    reference = load_reference(assignment)
    found = mutants(assignment)
    on_progress(f"{len(found)} mutants; recording the suite's calls under {len(SEEDS) + 1} "
                "seeds")
    pools = _pools(assignment, reference)
    verdicts = [Verdict(mutant) for mutant in found]
    namespaces = [namespace_of(mutant, reference) for mutant in found]
    on_progress("comparing each mutant with the reference on those calls")
    expected = {name: [_outcome(getattr(reference, name), *call) for call in calls]
                for name, calls in pools.items()}
    for verdict, namespace in zip(verdicts, namespaces, strict=True):
        name = verdict.mutant.exercise
        _equivalent(verdict, namespace, pools.get(name, []), expected.get(name, []))
    on_progress("grading the mutants with the hidden suite")
    recording = record_suite(assignment)
    scores = {"the grading seed": _grade(assignment, verdicts, namespaces, reference, None,
                                         recording)}
    stubs = _stubs(assignment, reference, recording)
    for seed in SEEDS:
        on_progress(f"grading {'them' if thorough else 'the reference'} again under "
                    f"hypothesis seed {seed}")
        scores[f"seed {seed}"] = _grade(assignment, verdicts if thorough else [],
                                        namespaces if thorough else [], reference, seed, None)
    on_progress("running the public checks on them")
    _public(verdicts, namespaces, assignment)
    return Audit(assignment.name, assignment.exercises(), verdicts, scores, thorough, stubs)
