"""Bulk grading speed: ours with --jobs and on a Dask LocalCluster, against nbgrader and
against the in-process bound.

    uv run python benchmarks/grading_speed.py --n 500

builds a class of N submissions (correct and buggy, as ``.py`` and as ``.ipynb``) and measures
on it:

- **ours**: the real CLI, ``autograder grade --jobs J`` and ``--dask local:J`` (and
  ``--dask local:1``, for the scaling from one worker to J): wall time, per-submission
  seconds from ``manifest.json`` (p50, p95), peak RSS per grading slot (the grading process,
  its zygote and largest sandbox worker) and, on Dask, of each Dask worker process;
- **nbgrader**: ``nbgrader autograde`` over ``--nbgrader-n`` notebooks of the same class
  (default 10: nbgrader is serial, so its cost per notebook does not change with N), with
  plain assert test cells in the course's own style: each exercise called on fixed inputs
  and compared with ``np.allclose`` to values computed once from the reference;
- **in-process bound**: every call the hidden suite makes on a submission, made on the
  reference with no sandbox, no IPC and no checks, spread over J cores.

It prints them side by side, what 10 000 submissions need on k machines, and writes
``report.json``.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The graders run with the caller's environment. The bound runs one call at a time per core,
# like a grading worker, whose BLAS is single-threaded: threaded BLAS would use both cores
# for one submission (and is slower on these small products).
CALLER_ENV = dict(os.environ)
for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"

from autograder.notebook import fill_notebook  # noqa: E402

NAME = "logistic_regression"
CORPUS = ROOT / "tests" / "corpus" / "logistic_regression"
RELEASED = ROOT / "assignments" / NAME / f"{NAME}.ipynb"
BIN = Path(sys.executable).parent


def corpus() -> tuple[list[Path], list[Path]]:
    """(correct sources, buggy sources): the reference and the corpus's variants."""
    correct = [ROOT / "solutions" / NAME / f"{NAME}.py", *sorted(CORPUS.glob("correct/*.py"))]
    return correct, sorted(CORPUS.glob("buggy/*.py"))


def build_class(n: int, folder: Path, notebook_share: int = 3) -> list[Path]:
    """N submissions in ``folder``: every other one correct, the rest one bug each, and every
    ``notebook_share``-th one a notebook. Each file differs (a comment naming its student), so
    no cache keyed by a submission's bytes can serve two students."""
    correct, buggy = corpus()
    released = json.loads(RELEASED.read_text())
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(n):
        pool = correct if index % 2 == 0 else buggy
        source = pool[(index // 2) % len(pool)].read_text()
        code = f"# student {index:05d}, after {pool[(index // 2) % len(pool)].name}\n{source}"
        student = f"s{index:05d}"
        if index % notebook_share == 0:
            path = folder / f"{student}.ipynb"
            path.write_text(json.dumps(fill_notebook(released, code), indent=1))
        else:
            path = folder / f"{student}.py"
            path.write_text(code)
        paths.append(path)
    return paths


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def grade_ours(folder: Path, out: Path, where: list[str], warm: bool = False) -> dict:
    """Grade the class with the real CLI (``where``: ``--jobs J`` or ``--dask ADDRESS``);
    wall time and what its manifest recorded. Cold (the default): the suite's examples are
    recorded in this run, as after any change to a test; ``warm``: they come from the
    previous run's cache."""
    if not warm:
        shutil.rmtree(out / ".autograder", ignore_errors=True)
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "autograder", "grade", NAME, str(folder),
                           "--out", str(out), *where, "--regrade", "--no-report"],
                          capture_output=True, text=True, env=CALLER_ENV)
    seconds = time.monotonic() - started
    if done.returncode != 0:
        raise SystemExit(f"autograder grade failed: {done.stderr.strip()[-2000:]}")
    manifest = json.loads((out / "manifest.json").read_text())
    per = list(manifest["seconds_per_submission"].values())
    errors = sum(1 for line in (out / "gradebook.csv").read_text().splitlines()[1:]
                 if line.split(",")[1] == "error")
    return {"where": " ".join(where), "seconds": seconds, "submissions": len(per),
            "per_second": len(per) / seconds, "busy": sum(per), "p50": percentile(per, 0.5),
            "p95": percentile(per, 0.95),
            "peak_rss_mb_per_slot": manifest.get("peak_rss_mb_per_slot"),
            "peak_rss_mb_dask_worker": manifest.get("peak_rss_mb_dask_worker"),
            "sandbox_level": manifest["sandbox_level"], "errors": errors,
            "examples": manifest.get("examples"),
            "gradebook": (out / "gradebook.csv").read_text()}


def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([str(BIN / "nbgrader"), *args], cwd=course, capture_output=True,
                          text=True, env={**CALLER_ENV, "PYTHONWARNINGS": "ignore"})
    if done.returncode != 0:
        raise SystemExit(f"nbgrader {args[0]} failed: {(done.stdout + done.stderr)[-2000:]}")
    return done


#: One call per exercise on fixed inputs, as the course's public_tests.py makes them; the
#: expected values are computed once from the reference and written into the test cells.
PLAIN_CALLS = {
    "preprocess": "preprocess(np.arange(2 * 4 * 4).reshape(2, 4, 4) * 7 % 256)",
    "sigmoid": "sigmoid(np.array([0, 2]))",
    "initialize_with_zeros": "initialize_with_zeros(3)",
    "propagate": "propagate(np.array([[1.], [2.]]), 2., np.array([[1., 2., -1.], "
                 "[3., 4., -3.2]]), np.array([[1, 0, 1]]))",
    "optimize": "optimize(np.array([[1.], [2.]]), 2., np.array([[1., 2., -1.], "
                "[3., 4., -3.2]]), np.array([[1, 0, 1]]), num_iterations=101, "
                "learning_rate=0.009)",
    "predict": "predict(np.array([[0.3], [0.5], [-0.2]]), -0.33333, np.array([[1., -0.3, 1.5], "
               "[2, 0, 1], [0, -1.5, 2]]))",
    "model": "model(np.random.RandomState(0).randn(4, 7), np.array([[1, 0, 0, 1, 0, 0, 1]]), "
             "np.random.RandomState(1).randn(4, 3), np.array([[0, 1, 0]]), "
             "num_iterations=50, learning_rate=0.01)",
}

PLAIN_CELL = """\
### BEGIN HIDDEN TESTS
import numpy as np

def _same(got, want):
    if isinstance(want, dict):
        return isinstance(got, dict) and all(_same(got[key], want[key]) for key in want)
    if isinstance(want, tuple):
        return len(got) == len(want) and all(_same(a, b) for a, b in zip(got, want))
    return np.allclose(np.asarray(got, dtype=float), np.asarray(want, dtype=float))

assert _same({call}, {expected!r})
### END HIDDEN TESTS"""


def _plain(value):
    """A reference result as a Python literal (arrays as nested lists)."""
    import numpy as np

    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    return np.asarray(value, dtype=float).tolist()


def plain_tests(course: Path) -> None:
    """Replace the hidden half of every test cell of the exported source notebook with one
    plain assert in the course's style (see PLAIN_CALLS)."""
    import numpy as np

    from autograder.course import find_course
    from autograder.plugin import load_reference

    reference = load_reference(find_course(ROOT).assignment(NAME))
    path = course / "source" / NAME / f"{NAME}.ipynb"
    notebook = json.loads(path.read_text())
    for cell in notebook["cells"]:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
        if cell["metadata"]["nbgrader"].get("grade") and grade_id.startswith("test_"):
            call = PLAIN_CALLS[grade_id.removeprefix("test_")]
            value = eval(call, {"np": np, **vars(reference)})  # noqa: S307 -- our own literal
            cell["source"] = PLAIN_CELL.format(call=call, expected=_plain(value))
    path.write_text(json.dumps(notebook, indent=1))


def grade_nbgrader(paths: list[Path], course: Path) -> dict:
    """Autograde ``paths`` with nbgrader in the course ``autograder export nbgrader`` writes,
    its test cells made plain asserts (:func:`plain_tests`); ``.py`` submissions become
    notebooks first (nbgrader grades notebooks only)."""
    done = subprocess.run([sys.executable, "-m", "autograder", "export", "nbgrader",
                           str(course), NAME], capture_output=True, text=True, env=CALLER_ENV)
    if done.returncode != 0:
        raise SystemExit(f"autograder export failed: {done.stderr.strip()}")
    plain_tests(course)
    nbgrader(course, "generate_assignment", NAME, "--force")
    released = json.loads((course / "release" / NAME / f"{NAME}.ipynb").read_text())
    for path in paths:
        folder = course / "submitted" / path.stem / NAME
        folder.mkdir(parents=True)
        notebook = path.read_text() if path.suffix == ".ipynb" else \
            json.dumps(fill_notebook(released, path.read_text()), indent=1)
        (folder / f"{NAME}.ipynb").write_text(notebook)
        (folder / "timestamp.txt").write_text("2026-11-20 12:00:00 UTC\n")
    started = time.monotonic()
    nbgrader(course, "autograde", NAME, "--force")
    seconds = time.monotonic() - started
    return {"seconds": seconds, "submissions": len(paths), "per_second": len(paths) / seconds,
            "seconds_each": seconds / len(paths)}


def suite_calls() -> list[tuple[str, tuple, dict]]:
    """Every call the hidden suite makes on a submission, recorded while it grades the
    reference in this process."""
    from autograder.course import find_course
    from autograder.plugin import load_reference
    from autograder.runner import grade_in_process
    from autograder.submission import InProcessBackend

    assignment = find_course(ROOT).assignment(NAME)
    reference = load_reference(assignment)
    calls = []

    class Recording(InProcessBackend):
        def call(self, name, args, kwargs):
            calls.append((name, copy.deepcopy(args), copy.deepcopy(kwargs)))
            return super().call(name, args, kwargs)

    grade_in_process(assignment, lambda: Recording(reference, reference,
                                                   assignment.exercises()), capture="no")
    return calls


def in_process_bound(jobs: int, repeats: int = 5) -> dict:
    """Seconds per submission for the suite's calls made directly on the reference (median
    of ``repeats``), and the throughput of ``jobs`` cores doing only that."""
    from autograder.course import find_course
    from autograder.plugin import load_reference

    reference = load_reference(find_course(ROOT).assignment(NAME))
    calls = suite_calls()
    runs = []
    for _ in range(repeats):
        fresh = copy.deepcopy(calls)  # calls may modify their arguments
        spent: dict[str, float] = {}
        for name, args, kwargs in fresh:
            started = time.perf_counter()
            getattr(reference, name)(*args, **kwargs)
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - started
        runs.append(spent)
    totals = [sum(run.values()) for run in runs]
    each = statistics.median(totals)
    by_exercise = {name: round(statistics.median(run[name] for run in runs), 4)
                   for name in runs[0]}
    return {"calls": len(calls), "seconds_each": each, "per_second": jobs / each,
            "seconds_each_by_exercise": by_exercise}


def table(runs: dict[str, dict], theirs: dict | None, bound: dict) -> str:
    """The runs side by side; "vs --jobs" is that row's throughput over the --jobs run's."""
    base = runs["jobs"]["per_second"]
    rows = [(f"ours, {run['where']}", run["per_second"], 1 / run["per_second"], run["p50"],
             run["p95"], _mb(run)) for run in runs.values()]
    if theirs:
        rows.append(("nbgrader autograde, plain asserts", theirs["per_second"],
                     theirs["seconds_each"], None, None, ""))
    rows.append(("in-process bound (reference, no sandbox)", bound["per_second"],
                 1 / bound["per_second"], None, None, ""))
    lines = [f"| {'':42} | submissions/s | s each | p50 (s) | p95 (s) | peak MB per worker "
             "| vs --jobs |",
             f"|{'-' * 44}|---------------|--------|---------|---------|--------------------"
             "|-----------|"]
    for label, rate, each, p50, p95, mb in rows:
        cells = [f"{value:7.3f}" if value is not None else f"{'':7}" for value in (p50, p95)]
        lines.append(f"| {label:42} | {rate:13.2f} | {each:6.3f} | {cells[0]} | {cells[1]} "
                     f"| {mb:18} | {rate / base:8.2f}× |")
    return "\n".join(lines)


def _mb(run: dict) -> str:
    """Peak memory per worker: a slot (grading process, zygote, largest sandbox worker), plus
    the Dask worker process that holds it on Dask."""
    slot = max(run["peak_rss_mb_per_slot"] or [0.0])
    dask = max(run["peak_rss_mb_dask_worker"] or [0.0])
    return f"{slot:.0f}" + (f" + {dask:.0f} (Dask)" if dask else "")


def on_paper(runs: dict[str, dict], cores: int, total: int = 10_000) -> list[str]:
    """What ``total`` submissions need on k machines of ``cores`` cores: one Dask worker's
    steady rate (submissions over its grading seconds, at ``--dask local:1``), times the
    workers, times the efficiency measured from 1 to ``cores`` workers on this machine
    (assumed to hold per machine), plus the run's fixed cost (wall time not spent grading:
    start-up, recording, the tail)."""
    one = runs.get("dask_1")
    if one is None:
        return []
    per_worker = one["submissions"] / one["busy"]
    efficiency = runs["dask"]["per_second"] / (cores * one["per_second"])
    fixed = max(runs["dask"]["seconds"] - runs["dask"]["busy"] / cores, 0.0)
    lines = [f"10 000 submissions, from one worker's steady {per_worker:.2f}/s, a scaling "
             f"efficiency of {efficiency:.0%} to {cores} workers per machine and {fixed:.0f} s "
             "fixed:"]
    for machines in (1, 2, 4, 8, 16):
        rate = machines * cores * per_worker * efficiency
        lines.append(f"  {machines:2d} machine(s) x {cores} cores: {rate:6.1f}/s, "
                     f"{(total / rate + fixed) / 60:5.1f} min")
    return lines


def targets(runs: dict[str, dict], theirs: dict | None, bound: dict) -> list[str]:
    """The targets (issues 7 and 20), each with the measured value and whether it holds."""
    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    jobs, dask = runs["jobs"], runs.get("dask")
    slots = max(jobs["peak_rss_mb_per_slot"] or [float("nan")])
    slower = bound["per_second"] / jobs["per_second"]
    lines = [f"≥ 8 submissions/s with --jobs (goal 20): {jobs['per_second']:.2f}, "
             f"{verdict(jobs['per_second'] >= 8)}",
             f"≤ 3× the in-process bound: {slower:.2f}× slower, {verdict(slower <= 3)}",
             f"≤ 300 MB per slot: {slots:.0f} MB, {verdict(slots <= 300)}"]
    if dask:
        gap = 1 - dask["per_second"] / jobs["per_second"]
        lines.insert(1, f"--dask local within 15 % of --jobs: {gap:+.1%} slower, "
                        f"{verdict(gap <= 0.15)}")
    if theirs:
        faster = jobs["per_second"] / theirs["per_second"]
        lines.append(f"faster than nbgrader with plain asserts: {faster:.1f}×, "
                     f"{verdict(faster >= 1)}")
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="submissions in the class")
    parser.add_argument("--jobs", type=int, default=2,
                        help="grading slots: --jobs J and --dask local:J")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask runs")
    parser.add_argument("--nbgrader-n", type=int, default=10,
                        help="notebooks nbgrader autogrades (0: skip nbgrader)")
    parser.add_argument("--warm", action="store_true",
                        help="grade twice and report the second run, whose recorded examples "
                             "come from the first run's cache")
    parser.add_argument("--out", type=Path, help="folder for the class, results and report "
                                                 "(default: a temporary folder)")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="autograder-bench-"))
    shutil.rmtree(out / "class", ignore_errors=True)
    shutil.rmtree(out / "course", ignore_errors=True)
    paths = build_class(args.n, out / "class")
    print(f"class: {args.n} submissions in {out / 'class'}", flush=True)
    where = {"jobs": ["--jobs", str(args.jobs)]}
    if not args.no_dask:
        where |= {"dask": ["--dask", f"local:{args.jobs}"], "dask_1": ["--dask", "local:1"]}
    runs = {}
    for name, options in where.items():
        runs[name] = grade_ours(out / "class", out / f"results-{name}", options)
        if args.warm:
            runs[name] = grade_ours(out / "class", out / f"results-{name}", options, warm=True)
        print(f"ours, {runs[name]['where']}: {runs[name]['seconds']:.1f} s", flush=True)
    same = len({run.pop("gradebook") for run in runs.values()}) == 1
    theirs = None
    if args.nbgrader_n:
        sample = paths[:min(args.nbgrader_n, len(paths))]
        theirs = grade_nbgrader(sample, out / "course")
        print(f"nbgrader: {theirs['seconds']:.1f} s for {len(sample)} notebooks", flush=True)
    bound = in_process_bound(args.jobs)
    report = {"n": args.n, "jobs": args.jobs, "cpus": os.cpu_count(), "ours": runs,
              "same_gradebook": same, "nbgrader": theirs, "in_process_bound": bound,
              "on_paper": on_paper(runs, args.jobs), "targets": targets(runs, theirs, bound)}
    (out / "report.json").write_text(json.dumps(report, indent=2) + "\n")
    print()
    print(table(runs, theirs, bound))
    print(f"\nthe same gradebook from every run: {same}; sandbox level "
          f"{runs['jobs']['sandbox_level']}; error rows "
          f"{sum(run['errors'] for run in runs.values())}; {runs['jobs']['examples']}")
    if "dask_1" in runs:
        print(f"scaling from 1 to {args.jobs} Dask workers: "
              f"{runs['dask']['per_second'] / runs['dask_1']['per_second']:.2f}×")
    print(f"in-process bound, seconds per submission by exercise: "
          f"{bound['seconds_each_by_exercise']}")
    print("\n".join(report["on_paper"]))
    print("targets: " + "; ".join(report["targets"]))
    print(f"report: {out / 'report.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
