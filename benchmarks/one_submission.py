"""One submission, as a CI job grades it: the wall time of `autograder grade NAME ONE_FILE`
spent before and after the submission's own grading, on one CPU.

    uv run python benchmarks/one_submission.py                 # logistic_regression, 5 runs
    uv run python benchmarks/one_submission.py --assignment numpy_basics --repeat 9

Each run is a fresh process with a fresh --out folder, pinned to one CPU (its children
inherit the pin). "cold" runs record the suite, as the first run after a change to the tests
does; "prebuilt" runs find the recording in a --recordings folder made by one earlier run, as
a CI job with a cache, or the Gradescope zip, does. The submission's own grading is what the
manifest gives for it (`seconds_per_submission`: preparing it, running it in its worker and
checking its answers); the overhead is the rest of the wall time: starting Python, loading the
suite, starting the sandbox, recording or reading the examples, writing the results. Prints a
table (medians) and writes report.json.
"""

from __future__ import annotations

import argparse
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
TARGET = 3.0  # seconds of overhead, prebuilt recording, one CPU


def run_once(assignment: str, submission: Path, out: Path, recordings: Path | None) -> dict:
    """One `autograder grade` in a new process: its wall time and the submission's own."""
    command = [sys.executable, "-m", "autograder", "grade", assignment, str(submission),
               "--out", str(out)]
    if recordings is not None:
        command += ["--recordings", str(recordings)]
    started = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    wall = time.monotonic() - started
    if done.returncode != 0:
        raise SystemExit(f"autograder grade failed: {done.stderr.strip()[-500:]}")
    manifest = json.loads((out / "manifest.json").read_text())
    own, = manifest["seconds_per_submission"].values()
    return {"wall": wall, "own": own, "overhead": wall - own,
            "recording": manifest["examples"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignment", default="logistic_regression")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each kind (default 5)")
    parser.add_argument("--cpu", type=int, default=None,
                        help="the CPU to pin to (default: the first this process may use)")
    parser.add_argument("--out", help="keep the runs' folders and report.json here")
    args = parser.parse_args(argv)
    cpu = min(os.sched_getaffinity(0)) if args.cpu is None else args.cpu
    os.sched_setaffinity(0, {cpu})  # the grading processes, zygote and workers inherit it
    work = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="one-submission-"))
    work.mkdir(parents=True, exist_ok=True)
    submission = work / "student.py"
    shutil.copy(ROOT / "solutions" / args.assignment / f"{args.assignment}.py", submission)
    recordings = work / "recordings"
    runs: dict[str, list[dict]] = {"cold": [], "prebuilt": []}
    run_once(args.assignment, submission, work / "prime", recordings)  # makes the recording
    for index in range(args.repeat):
        for kind in runs:
            out = work / f"{kind}-{index}"
            shutil.rmtree(out, ignore_errors=True)
            runs[kind].append(run_once(args.assignment, submission, out,
                                       recordings if kind == "prebuilt" else None))
    summary = {kind: {key: statistics.median(run[key] for run in found)
                      for key in ("wall", "own", "overhead")} for kind, found in runs.items()}
    report = {"assignment": args.assignment, "cpu": cpu, "repeat": args.repeat,
              "runs": runs, "median": summary, "target_overhead_s": TARGET}
    (work / "report.json").write_text(json.dumps(report, indent=2) + "\n")
    print(f"{args.assignment}, one correct submission, pinned to CPU {cpu}, median of "
          f"{args.repeat} runs each")
    print(f"{'':<10} {'wall (s)':>9} {'own (s)':>9} {'overhead (s)':>13}")
    for kind, numbers in summary.items():
        print(f"{kind:<10} {numbers['wall']:>9.2f} {numbers['own']:>9.2f} "
              f"{numbers['overhead']:>13.2f}")
    verdict = "met" if summary["prebuilt"]["overhead"] <= TARGET else "NOT met"
    print(f"target: overhead <= {TARGET:g} s with a prebuilt recording: {verdict}")
    if not args.out:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
