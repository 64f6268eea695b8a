"""Bulk grading speed: ours against nbgrader and against the in-process bound.

    uv run python benchmarks/grading_speed.py --n 500

builds a class of N submissions (correct and buggy, as ``.py`` and as ``.ipynb``), grades it
with ``autograder grade --jobs 2``, autogrades (a sample of) the same class with nbgrader from
the course ``autograder export nbgrader`` writes, and times the suite's calls made directly on
the reference in this process. It prints the three side by side and writes ``report.json``.

- **ours**: wall time of the real CLI, per-submission seconds from its ``manifest.json`` (p50,
  p95), peak RSS per worker slot (the grading process plus its sandbox workers).
- **nbgrader**: wall time of ``nbgrader autograde`` over ``--nbgrader-n`` notebooks of the same
  class (default: the first 10: nbgrader is serial, so its cost per notebook does not change
  with N).
- **in-process bound**: every call the hidden suite makes on a submission, made on the
  reference with no sandbox, no IPC and no checks, spread over 2 cores.
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


def grade_ours(folder: Path, out: Path, jobs: int, warm: bool = False) -> dict:
    """Grade the class with the real CLI; wall time and what its manifest recorded. Cold
    (the default): the suite's examples are recorded in this run, as after any change to
    the suite; ``warm``: they come from the previous run's cache."""
    if not warm:
        shutil.rmtree(out / ".autograder", ignore_errors=True)
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "autograder", "grade", NAME, str(folder),
                           "--out", str(out), "--jobs", str(jobs), "--regrade"],
                          capture_output=True, text=True, env=CALLER_ENV)
    seconds = time.monotonic() - started
    if done.returncode != 0:
        raise SystemExit(f"autograder grade failed: {done.stderr.strip()[-2000:]}")
    manifest = json.loads((out / "manifest.json").read_text())
    per = list(manifest["seconds_per_submission"].values())
    errors = sum(1 for line in (out / "gradebook.csv").read_text().splitlines()[1:]
                 if line.split(",")[1] == "error")
    return {"seconds": seconds, "submissions": len(per), "per_second": len(per) / seconds,
            "p50": percentile(per, 0.5), "p95": percentile(per, 0.95),
            "peak_rss_mb_per_slot": manifest.get("peak_rss_mb_per_slot"),
            "sandbox_level": manifest["sandbox_level"], "errors": errors,
            "examples": manifest.get("examples")}


def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([str(BIN / "nbgrader"), *args], cwd=course, capture_output=True,
                          text=True, env={**CALLER_ENV, "PYTHONWARNINGS": "ignore"})
    if done.returncode != 0:
        raise SystemExit(f"nbgrader {args[0]} failed: {(done.stdout + done.stderr)[-2000:]}")
    return done


def grade_nbgrader(paths: list[Path], course: Path) -> dict:
    """Autograde ``paths`` with nbgrader in the course ``autograder export nbgrader`` writes;
    ``.py`` submissions become notebooks first (nbgrader grades notebooks only)."""
    done = subprocess.run([sys.executable, "-m", "autograder", "export", "nbgrader",
                           str(course), NAME], capture_output=True, text=True, env=CALLER_ENV)
    if done.returncode != 0:
        raise SystemExit(f"autograder export failed: {done.stderr.strip()}")
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


def table(ours: dict, theirs: dict | None, bound: dict) -> str:
    rows = [("ours (autograder grade, sandboxed)", ours["per_second"], 1 / ours["per_second"]),
            ("in-process bound (reference, no sandbox)", bound["per_second"],
             1 / bound["per_second"])]
    if theirs:
        rows.insert(1, ("nbgrader autograde", theirs["per_second"], theirs["seconds_each"]))
    lines = [f"| {'':44} | submissions/s | s per submission | ours is |",
             f"|{'-' * 46}|---------------|------------------|---------|"]
    for label, rate, each in rows:
        ratio = "—" if label.startswith("ours") else f"{ours['per_second'] / rate:.2f}×"
        lines.append(f"| {label:44} | {rate:13.2f} | {each:16.3f} | {ratio:>7} |")
    return "\n".join(lines)


def targets(ours: dict, theirs: dict | None, bound: dict) -> list[str]:
    """Issue 7's targets, each with the measured value and whether it holds."""
    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    slots = max(ours["peak_rss_mb_per_slot"] or [float("nan")])
    slower = bound["per_second"] / ours["per_second"]
    lines = [f"≥ 20 submissions/s: {ours['per_second']:.2f}, "
             f"{verdict(ours['per_second'] >= 20)}",
             f"≤ 3× the in-process bound: {slower:.2f}× slower, {verdict(slower <= 3)}",
             f"≤ 300 MB per slot: {slots:.0f} MB, {verdict(slots <= 300)}"]
    if theirs:
        faster = ours["per_second"] / theirs["per_second"]
        lines.insert(1, f"≥ 10× nbgrader: {faster:.0f}×, {verdict(faster >= 10)}")
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="submissions in the class")
    parser.add_argument("--jobs", type=int, default=2)
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
    ours = grade_ours(out / "class", out / "results", args.jobs)
    if args.warm:
        ours = grade_ours(out / "class", out / "results", args.jobs, warm=True)
    print(f"ours: {ours['seconds']:.1f} s", flush=True)
    theirs = None
    if args.nbgrader_n:
        sample = paths[:min(args.nbgrader_n, len(paths))]
        theirs = grade_nbgrader(sample, out / "course")
        print(f"nbgrader: {theirs['seconds']:.1f} s for {len(sample)} notebooks", flush=True)
    bound = in_process_bound(args.jobs)
    report = {"n": args.n, "jobs": args.jobs, "cpus": os.cpu_count(), "ours": ours,
              "nbgrader": theirs, "in_process_bound": bound,
              "targets": targets(ours, theirs, bound)}
    (out / "report.json").write_text(json.dumps(report, indent=2) + "\n")
    print()
    print(table(ours, theirs, bound))
    print(f"\nours: p50 {ours['p50']:.3f} s, p95 {ours['p95']:.3f} s per submission; peak RSS "
          f"per slot {ours['peak_rss_mb_per_slot']} MB; sandbox level {ours['sandbox_level']}; "
          f"{ours['errors']} error rows; {ours['examples']}")
    print(f"in-process bound, seconds per submission by exercise: "
          f"{bound['seconds_each_by_exercise']}")
    print("targets: " + "; ".join(report["targets"]))
    print(f"report: {out / 'report.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
