"""Grading on a real Dask cluster (dask.distributed LocalCluster worker processes): the same
gradebook as --jobs, nothing lost when a worker dies mid-run, one clear line when a worker
cannot grade."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_cli import assert_one_line_error, run_cli
from tests.test_grading import EXAMPLES, corpus_grades, read_gradebook  # noqa: F401

distributed = pytest.importorskip("distributed", reason="needs the dask extra")
dask = pytest.importorskip("dask")

pytestmark = pytest.mark.slow

NAME = "logistic_regression"


def same_results(one: Path, other: Path) -> None:
    """Equal gradebooks and, student by student, equal feedback."""
    assert (one / "gradebook.csv").read_bytes() == (other / "gradebook.csv").read_bytes()
    for feedback in sorted(one.glob("*/feedback.md")):
        assert feedback.read_bytes() == (other / feedback.parent.name / "feedback.md").read_bytes()


@pytest.fixture
def cluster():
    """A LocalCluster of 2 non-daemonic worker processes, as a grading cluster is started;
    yields (address, client)."""
    # kept while the cluster lives: a nanny reads it again when it restarts a worker
    with dask.config.set({"distributed.worker.daemon": False}), distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
            silence_logs=50) as local, distributed.Client(local) as client:
        yield local.scheduler_address, client


def test_local_cluster_gives_the_gradebook_of_jobs_2(corpus_grades, tmp_path):  # noqa: F811
    graded = corpus_grades(NAME)
    out = tmp_path / "out"
    done = run_cli("grade", NAME, str(graded.folder), "--out", str(out), "--dask", "local:2",
                   "--recordings", str(graded.out / ".autograder"))
    assert done.returncode == 0, done.stderr
    assert "--dask local:2 (2 workers)" in done.stdout
    same_results(out, graded.out)


def test_a_worker_killed_mid_run_loses_nothing(corpus_grades, cluster, tmp_path):  # noqa: F811
    graded = corpus_grades(NAME)
    address, client = cluster
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "autograder", "grade", NAME, str(graded.folder), "--out",
         str(out), "--dask", address, "--recordings", str(graded.out / ".autograder")],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 600
    while len(list(out.glob("*/state.json"))) < 8:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "no results appeared"
        time.sleep(0.2)
    victim = sorted(client.run(os.getpid).values())[0]
    os.kill(victim, signal.SIGKILL)  # mid-task: its nanny starts a new worker
    stdout, stderr = process.communicate(timeout=900)
    assert process.returncode == 0, stderr
    assert victim not in client.run(os.getpid).values()  # the kill did land on a worker
    assert "error" not in [row["score"] for row in read_gradebook(out).values()]
    same_results(out, graded.out)


def test_a_worker_without_the_course_is_one_line(tmp_path):
    empty = tmp_path / "no-course"
    empty.mkdir()
    with dask.config.set({"distributed.worker.daemon": False}):
        local = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                         dashboard_address=None, silence_logs=50,
                                         env={"AUTOGRADER_COURSE": str(empty)})
    with local:
        done = run_cli("grade", NAME, str(EXAMPLES / "alice.py"), "--out", str(tmp_path / "o"),
                       "--dask", local.scheduler_address)
    assert_one_line_error(done, "cannot grade: it has no course")
    assert not (tmp_path / "o" / "alice").exists()  # refused before any work


def test_a_daemonic_worker_and_a_bad_address_are_one_line(tmp_path):
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=50) as local:
        done = run_cli("grade", NAME, str(EXAMPLES / "alice.py"), "--out", str(tmp_path / "o"),
                       "--dask", local.scheduler_address)
    assert_one_line_error(done, "DASK_DISTRIBUTED__WORKER__DAEMON=False")
    assert_one_line_error(run_cli("grade", NAME, str(EXAMPLES / "alice.py"), "--out",
                                  str(tmp_path / "o"), "--dask", "local:zero"),
                          "give local:N")
    assert_one_line_error(run_cli("grade", NAME, str(EXAMPLES / "alice.py"), "--out",
                                  str(tmp_path / "o"), "--dask", "tcp://127.0.0.1:9"),
                          "cannot reach the Dask scheduler")
