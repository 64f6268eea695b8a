"""Grading on a Dask cluster (``autograder grade … --dask ADDRESS`` or ``--dask local:N``).

The driver (the ``grade`` command) stays where it is: it finds the students, records the
suite, and writes every result itself, atomically, as it streams back, so resume works as
with ``--jobs``. What travels to the cluster is plain data: each submission's bytes, the
recording's bytes (sent once, broadcast), the course's path and the suite hash.

On each Dask worker process a *slot* grades: the same grading process ``--jobs`` starts
(:class:`autograder.runner.Slot`: the hidden suite collected once, a zygote, sandboxed
workers), started at the worker's first task and reused by the next ones. A task is a few
submissions; it writes them to a scratch folder, puts them to the slot and returns their
results as dicts. Student code runs in that slot's sandbox, never in the Dask worker.

What every worker needs: dl-autograder installed (the ``dask`` extra) and the course at the
driver's path, or at ``$AUTOGRADER_COURSE`` in the worker's environment; workers started
with ``DASK_DISTRIBUTED__WORKER__DAEMON=False`` (a daemonic worker may not start the slot).
The driver checks all of this on every worker before it sends any work
(:func:`check_workers`) and stops with one line naming the worker and what it lacks.

A worker lost mid-task costs a retry on another worker (the scheduler reschedules the task;
``retries`` covers a task that raised); the slot dies with its worker (PR_SET_PDEATHSIG).

Example::

    results = grade_on_cluster(assignment, students, "local:2", recording(assignment),
                               suite_hash(assignment), on_result=print)
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path

from .course import Assignment, Course, UsageError
from .runner import GRADER_ERROR, Student, StudentResult, unreadable

#: submissions per task: small enough to balance the workers and stream results, large
#: enough that scheduling costs nothing next to grading
TASK_SIZE = 4

_SLOTS: dict[str, object] = {}  # on a Dask worker: suite hash -> its running slot
_LOCK = threading.Lock()


def _worker_assignment(root: str, name: str) -> Assignment:
    """The assignment as this worker sees it: its course at ``$AUTOGRADER_COURSE`` when set,
    else at the driver's path."""
    return Course(Path(os.environ.get("AUTOGRADER_COURSE") or root)).assignment(name)


def probe(root: str, name: str, suite: str) -> str | dict:
    """Run on each worker before any work: a dict (its sandbox level and peak memory so far)
    when it can grade ``name`` under ``suite``, else what it lacks, in words."""
    from . import __version__
    from .reports import suite_hash
    from .sandbox.jail import sandbox_level

    if multiprocessing.current_process().daemon:
        return ("it is daemonic and cannot start a grading process: start workers with "
                "DASK_DISTRIBUTED__WORKER__DAEMON=False")
    try:
        assignment = _worker_assignment(root, name)
    except UsageError as error:
        return (f"it has no course: {error} (give every worker the course at the driver's "
                "path, or set AUTOGRADER_COURSE in its environment)")
    found = suite_hash(assignment)
    if found != suite:
        return (f"its copy of {name} or of dl-autograder {__version__} differs from the "
                f"driver's (suite hash {found[:12]}, driver {suite[:12]})")
    return {"level": sandbox_level()}


def check_workers(client, root: str, name: str, suite: str,
                  require: str | None = None) -> list[str]:
    """The workers' sandbox levels, once :func:`probe` passed on every worker and each level
    is at least ``require``; else UsageError naming the first worker that cannot grade."""
    from .sandbox.jail import LEVELS

    answers = client.run(probe, root, name, suite)
    if not answers:
        raise UsageError("the Dask cluster has no worker")
    for address, answer in sorted(answers.items()):
        if isinstance(answer, str):
            raise UsageError(f"Dask worker {address} cannot grade: {answer}")
        if require and LEVELS.index(answer["level"]) > LEVELS.index(require):
            raise UsageError(f"Dask worker {address} has sandbox level {answer['level']!r}, "
                             f"weaker than the required {require!r}")
    return sorted({answer["level"] for answer in answers.values()})


def _slot(root: str, name: str, suite: str, payload: bytes):
    """This worker's running slot for ``suite``, started if need be."""
    from .runner import Slot

    with _LOCK:
        slot = _SLOTS.get(suite)
        if slot is None or not slot.alive():
            slot = _SLOTS[suite] = Slot(_worker_assignment(root, name), payload)
        return slot


def grade_task(root: str, name: str, suite: str, payload: bytes,
               submissions: list[tuple[str, str, bytes]]) -> list[dict]:
    """A Dask task: grade ``submissions`` ([(student id, file name, bytes)]) on this worker's
    slot; the results as dicts (``dataclasses.asdict`` of :class:`StudentResult`)."""
    slot = _slot(root, name, suite, payload)  # a slot that dies raises: Dask retries the task
    with tempfile.TemporaryDirectory(prefix="autograder-dask-") as folder:
        students = []
        for index, (student, file_name, content) in enumerate(submissions):
            path = Path(folder) / str(index) / Path(file_name).name
            path.parent.mkdir()
            path.write_bytes(content)
            students.append(Student(student, path))
        return [asdict(result) for result in slot.grade(students)]


def connect(address: str):
    """(a dask.distributed Client for ``address``, the LocalCluster it started or None):
    ``local:N`` starts a LocalCluster of N single-threaded worker processes on this machine."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--dask needs dask.distributed: install dl-autograder[dask]") from None
    import dask

    if not address.startswith("local:"):
        try:
            return Client(address, timeout="10s"), None
        except (OSError, TimeoutError) as error:
            raise UsageError(f"cannot reach the Dask scheduler at {address}: {error}") from None
    try:
        workers = int(address.removeprefix("local:"))
    except ValueError:
        workers = 0
    if workers < 1:
        raise UsageError(f"--dask {address}: give local:N with N ≥ 1 worker processes")
    # for as long as this process lives: a nanny reads it again when it restarts a worker
    dask.config.set({"distributed.worker.daemon": False})
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=50)
    return Client(cluster), cluster


def _tasks(students: list[Student], on_unreadable: Callable[[StudentResult], None]
           ) -> Iterator[tuple[list[Student], list[tuple[str, str, bytes]]]]:
    """(students, their submissions as (id, file name, bytes)), TASK_SIZE at a time, read
    only when their task is sent; a file that cannot be read is a row at once."""
    for start in range(0, len(students), TASK_SIZE):
        chunk, submissions = [], []
        for student in students[start:start + TASK_SIZE]:
            try:
                submissions.append((student.id, student.path.name, student.path.read_bytes()))
                chunk.append(student)
            except OSError as error:
                on_unreadable(unreadable(student, error))
        if chunk:
            yield chunk, submissions


def grade_on_cluster(assignment: Assignment, students: list[Student], address: str,
                     payload: bytes, suite: str,
                     on_result: Callable[[StudentResult], None] | None = None,
                     stats: dict | None = None, require: str | None = None
                     ) -> list[StudentResult]:
    """Grade ``students`` on the Dask cluster at ``address`` (see :func:`connect`); return
    their results in their order, calling ``on_result`` in this process as each arrives.
    ``payload`` is the suite's recording (:func:`autograder.runner.recording`), ``suite``
    its hash, ``require`` the weakest sandbox level a worker may have. ``stats`` receives
    ``sandbox_levels``, ``dask_workers`` and the peak memory of each worker's slot, grading
    process and Dask worker process. At most a few tasks per worker are in flight, so a
    class of any size is read from disk as it is graded, not all at once."""
    from distributed import Future, as_completed

    client, cluster = connect(address)
    done: dict[str, StudentResult] = {}

    def finished(result: StudentResult) -> None:
        done[result.student] = result
        if on_result is not None:
            on_result(result)

    try:
        root = str(assignment.course.root)
        levels = check_workers(client, root, assignment.name, suite, require)
        workers = len(client.scheduler_info()["workers"])
        if stats is not None:
            stats["dask_workers"], stats["sandbox_levels"] = workers, levels
        shared = client.scatter(payload, broadcast=True)
        tasks, sent = _tasks(students, finished), {}

        def send() -> Future | None:
            for chunk, submissions in tasks:
                future = client.submit(grade_task, root, assignment.name, suite, shared,
                                       submissions, pure=False, retries=1)
                sent[future] = chunk
                return future
            return None

        first = (send() for _ in range(4 * workers))  # a few in flight per worker
        running = as_completed([future for future in first if future is not None])
        for future in running:
            try:
                results = [StudentResult.from_dict(item) for item in future.result()]
            except Exception as error:  # a task that failed for good: its rows say so
                results = [StudentResult(student.id, error=f"{GRADER_ERROR}: its Dask task "
                                         f"failed ({type(error).__name__}: {error})"[:400])
                           for student in sent[future]]
            for result in results:
                finished(result)
            if (following := send()) is not None:
                running.add(following)
        peaks = client.run(close_slots)
        if stats is not None:
            slots, graders, processes = zip(*peaks.values(), strict=True)
            stats["peak_rss_mb_per_slot"] = sorted(slots)
            stats["peak_rss_mb_grading_process"] = sorted(graders)
            stats["peak_rss_mb_dask_worker"] = sorted(processes)
        return [done[student.id] for student in students]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def close_slots() -> tuple[float, float, float]:
    """Run on each worker after a class: stop its slots, so that nothing of the run holds
    memory on a shared cluster; peak memory in MB of its largest slot (see
    :meth:`autograder.runner.Slot.close`), of that slot's grading process, and of the Dask
    worker process itself."""
    with _LOCK:
        peaks = [slot.close() for slot in _SLOTS.values()]
        _SLOTS.clear()
    own = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return (*max(peaks, default=(0.0, 0.0)), own)
