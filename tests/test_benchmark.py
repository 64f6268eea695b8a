"""The speed benchmark runs end to end on a tiny class and writes its report (no timing asserts:
the numbers themselves live in benchmarks/README.md)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.test_grading import ROOT

pytestmark = pytest.mark.slow


def test_benchmark_runs_and_writes_its_report(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "grading_speed.py"), "--n", "6",
         "--nbgrader-n", "2", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["n"] == 6 and set(report["ours"]) == {"jobs", "dask", "dask_1"}
    for run in report["ours"].values():
        assert run["submissions"] == 6 and run["errors"] == 0
        assert all(mb > 0 for mb in run["peak_rss_mb_per_slot"])
    assert report["same_gradebook"] is True  # --jobs 2, --dask local:2 and local:1 agree
    assert len(report["ours"]["dask"]["peak_rss_mb_dask_worker"]) == 2
    assert report["nbgrader"]["submissions"] == 2
    assert report["in_process_bound"]["calls"] > 100
    assert [line.split(":")[0] for line in report["targets"]] == [
        "≥ 8 submissions/s with --jobs (goal 20)", "--dask local within 15 % of --jobs",
        "≤ 3× the in-process bound", "≤ 300 MB per slot",
        "faster than nbgrader with plain asserts"]
    assert report["on_paper"][0].startswith("10 000 submissions")
    for label in ("ours, --jobs 2", "ours, --dask local:2", "nbgrader autograde, plain asserts",
                  "in-process bound", "scaling from 1 to 2 Dask workers"):
        assert label in done.stdout
    classes = sorted(path.suffix for path in (tmp_path / "class").iterdir())
    assert classes.count(".ipynb") == 2 and classes.count(".py") == 4


def test_one_submission_benchmark_reads_a_prebuilt_recording(tmp_path):
    """The one-submission benchmark runs, and its "prebuilt" runs find the recording that
    an earlier run left in the --recordings folder (the cold ones make their own)."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "one_submission.py"), "--repeat", "1",
         "--assignment", "neuron_sgd", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    report = json.loads((tmp_path / "report.json").read_text())
    assert "cached" in report["runs"]["prebuilt"][0]["recording"]
    assert "made" in report["runs"]["cold"][0]["recording"]
    assert report["median"]["prebuilt"]["own"] > 0
    assert "target: overhead <= 3 s with a prebuilt recording" in done.stdout
