"""The driver's side of one sandboxed submission: calls, callbacks to the reference, budgets.

A :class:`SandboxBackend` starts a worker on first use, sends each call over the private
socket, answers the worker's callbacks with the reference (which never leaves this process),
and enforces the per-call and per-submission wall-clock budgets. A call that hangs, crashes or
breaks a limit kills the worker's whole tree and fails as a :class:`StudentError`; the next
call starts a fresh worker, so the remaining tests go on.
"""

from __future__ import annotations

import copy
import shutil
import tempfile
import time
from pathlib import Path

from ..submission import Call, StudentError, describe_exception
from . import codec
from .jail import DEFAULT_BUDGET, Budget, Worker

MAX_CALLBACK_INT = 50_000  # e.g. num_iterations: the reference runs in the driver, unbudgeted


def _too_big(values: list) -> bool:
    for value in values:
        if isinstance(value, list | tuple) and _too_big(list(value)):
            return True
        if isinstance(value, dict) and _too_big(list(value.values())):
            return True
        if isinstance(value, int | float) and not isinstance(value, bool) \
                and abs(value) > MAX_CALLBACK_INT and float(value).is_integer():
            return True
    return False


class SandboxBackend:
    """Run one submission's functions in a worker process, one call at a time."""

    def __init__(self, path: Path, exercises: list[str], reference,
                 budget: Budget = DEFAULT_BUDGET, slot: int = 0):
        self.path, self.exercises, self.reference, self.budget = path, exercises, reference, budget
        self.slot = slot  # which parallel grading process: each has its own sandbox uid
        self.jail_error: str | None = None  # the sandbox itself failed: a grader error
        self.scratch = Path(tempfile.mkdtemp(prefix="autograder-scratch-"))
        self.worker: Worker | None = None
        self.spent: dict[str, float] = {}  # wall seconds used so far, per exercise
        self.import_error: str | None = None
        self.notes: list[str] | None = None  # notebook cells that raised, from the first start
        self.output = {"stdout": "", "stderr": ""}

    # -- worker lifecycle -------------------------------------------------------------------

    def _start(self, deadline: float) -> Worker:
        worker = Worker(self.path, self.budget, self.scratch, self.slot)
        try:
            hello = codec.recv_message(worker.channel, deadline=deadline)
        except (EOFError, TimeoutError, codec.CodecError, OSError):
            self._stop(worker)
            if self.output["stderr"].startswith("bwrap:"):  # the namespace was never made
                self.jail_error = self.output["stderr"].splitlines()[0][:300]
            raise StudentError(
                f"importing your submission failed: the process {worker.exit_description()}"
            ) from None
        if hello.get("op") == "jail_failed":
            self._stop(worker)
            self.jail_error = str(hello.get("error"))[:300]
            raise StudentError(f"the grader's sandbox failed ({self.jail_error}); "
                               "this is not your fault and will be graded again")
        if hello.get("op") == "import_failed":
            self._stop(worker)
            self.import_error = str(hello.get("error"))
            raise StudentError(f"importing your submission failed: {self.import_error}")
        if hello.get("op") != "ready":
            self._stop(worker)
            raise StudentError("importing your submission failed: no ready signal")
        if self.notes is None:
            notes = hello.get("notes")
            self.notes = [str(note)[:400] for note in notes[:20]] if isinstance(notes, list) \
                else []
        return worker

    def _stop(self, worker: Worker) -> None:
        worker.kill()
        for stream in ("stdout", "stderr"):
            self.output[stream] += getattr(worker, stream).text()
        if worker is self.worker:
            self.worker = None

    def close(self) -> None:
        if self.worker is not None:
            self._stop(self.worker)
        shutil.rmtree(self.scratch, ignore_errors=True)

    # -- calls ------------------------------------------------------------------------------

    def call(self, name: str, args: tuple, kwargs: dict) -> Call:
        if self.import_error is not None:
            raise StudentError(f"importing your submission failed: {self.import_error}")
        left = self.budget.exercise_wall - self.spent.get(name, 0.0)
        if left <= 0:
            raise StudentError(f"{name}() used up its time budget ({self.budget.exercise_wall:g} s "
                               "over all its tests) in earlier tests")
        started = time.monotonic()
        try:
            return self._call(name, args, kwargs, started, left)
        finally:
            self.spent[name] = self.spent.get(name, 0.0) + time.monotonic() - started

    def _call(self, name, args, kwargs, started: float, left: float) -> Call:
        if self.worker is None:
            self.worker = self._start(started + min(self.budget.import_wall, left))
        worker = self.worker
        limit = min(self.budget.call_wall, left)
        deadline = time.monotonic() + limit
        request = {"op": "call", "fn": name, "args": list(args), "kwargs": dict(kwargs),
                   "others": [other for other in self.exercises if other != name],
                   "cpu": self.budget.call_cpu}
        try:
            codec.send_message(worker.channel, request, deadline=deadline)
            while True:
                reply = codec.recv_message(worker.channel, deadline=deadline)
                if not isinstance(reply, dict):
                    raise codec.CodecError("a reply must be a dict")
                if reply.get("op") != "callback":
                    break
                codec.send_message(worker.channel, self._callback(reply, name),
                                   deadline=deadline)
        except TimeoutError:
            self._stop(worker)
            raise StudentError(f"{name}() did not finish within {limit:g} s "
                               "(an infinite loop, or far too slow)") from None
        except (EOFError, OSError):
            self._stop(worker)
            how = worker.exit_description()
            if how.startswith("exited"):
                how += " (sys.exit or os._exit outside a try, or a crash)"
            raise StudentError(f"{name}() ended the grading process: it {how}") from None
        except codec.CodecError as error:
            self._stop(worker)
            raise StudentError(f"{name}() sent back something that cannot be graded: "
                               f"{error}") from None
        if reply.get("op") == "raised":
            raise StudentError(str(reply.get("error"))[:500])
        if reply.get("op") != "result" or not isinstance(reply.get("args"), list):
            self._stop(worker)
            raise StudentError(f"{name}() sent back a malformed reply")
        return Call(reply.get("value"), tuple(reply["args"]), reply.get("kwargs") or {})

    def _callback(self, request: dict, calling: str) -> dict:
        """Answer the submission's call to another exercise with the reference.

        Never for ``calling``, the exercise under test: the reference would answer for it.
        Arguments that would keep the driver busy for long are refused (see MAX_CALLBACK_INT).
        """
        name = request.get("fn")
        args, kwargs = request.get("args"), request.get("kwargs")
        if name not in self.exercises or name == calling or not isinstance(args, list) \
                or not isinstance(kwargs, dict):
            return {"op": "raise", "error": "not another exercise of this assignment"}
        if _too_big([*args, *kwargs.values()]):
            return {"op": "raise", "error": f"arguments too large for {name}() "
                                            f"(numbers above {MAX_CALLBACK_INT})"}
        try:
            value = getattr(self.reference, name)(*copy.deepcopy(args), **copy.deepcopy(kwargs))
        except Exception as error:  # the student passed arguments the reference rejects
            return {"op": "raise", "error": describe_exception(error)}
        return {"op": "return", "value": value}
