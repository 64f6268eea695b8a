"""The driver's side of one sandboxed submission: calls, callbacks to the reference, budgets.

A :class:`SandboxBackend` starts a worker on first use, sends each call over the private
socket, answers the worker's callbacks with the reference (which never leaves this process),
and enforces the per-call and per-submission wall-clock budgets. A call that hangs, crashes or
breaks a limit kills the worker's whole tree and fails as a :class:`StudentError`; the next
call starts a fresh worker, so the remaining tests go on.
"""

from __future__ import annotations

import contextlib
import json
import math
import select
import signal
import threading
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..submission import Call, MissingFunction, StudentError, answered, describe_exception
from . import codec
from .jail import DEFAULT_BUDGET, Budget, Child, SandboxError, Zygote

MAX_CALLBACK_INT = 50_000  # e.g. num_iterations: the reference runs in the driver


def _too_big(values: list) -> bool:
    """Whether any number in ``values`` (nested) is an integer-valued number above
    MAX_CALLBACK_INT, of any numeric type: a Python or numpy int or float, or a 0-d array."""
    for value in values:
        kind = type(value)
        if kind is list or kind is tuple:
            if _too_big(list(value)):
                return True
        elif kind is dict:
            if _too_big(list(value.values())):
                return True
        elif kind is not bool and (
                kind in (int, float) or isinstance(value, np.integer | np.floating)
                or kind is np.ndarray and value.ndim == 0 and value.dtype.kind in "iuf"):
            number = float(value)
            if abs(number) > MAX_CALLBACK_INT and (not math.isfinite(number)
                                                   or number.is_integer()):
                return True
    return False


class Overtime(BaseException):
    """The driver's work for a callback ran past the call's time budget (BaseException: the
    code it interrupts must not catch it)."""


@contextlib.contextmanager
def time_limit(seconds: float):
    """Interrupt the block with Overtime after ``seconds`` of wall time, so work the driver
    does on a student's behalf is budgeted like the student's own (main thread only; elsewhere
    the block runs unlimited)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def overtime(signum, frame):
        raise Overtime()

    previous = signal.signal(signal.SIGALRM, overtime)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)


@dataclass(frozen=True)
class Failure:
    """A statement of the submission that raised when the worker ran it: where (``cell`` is
    "" for a .py file), the error, the missing names it would have defined, and the exercises
    that use them."""

    cell: str
    line: int
    error: str
    defines: tuple[str, ...]
    users: tuple[str, ...]


def _failures(value, exercises: list[str]) -> list[Failure]:
    """The worker's failure reports, checked (the worker is untrusted): at most 100, short
    texts, users among ``exercises``."""
    found = []
    for item in value[:100] if isinstance(value, list) else ():
        if not isinstance(item, dict):
            continue
        line = item.get("line")
        names = [item.get(key) if isinstance(item.get(key), list) else []
                 for key in ("defines", "users")]
        found.append(Failure(
            str(item.get("cell", ""))[:40], line if isinstance(line, int) else 0,
            str(item.get("error", ""))[:300],
            tuple(str(name)[:60] for name in names[0][:10]),
            tuple(name for name in names[1] if name in exercises)))
    return found


class SandboxBackend:
    """Run one submission's functions in a worker process, one call at a time.

    ``zygote`` is the slot's fork server; without one the backend starts its own and stops it
    on close. ``path`` is a ``.py`` file, or the ``.cells.json`` that
    :func:`autograder.notebook.prepare` writes for a notebook.
    """

    def __init__(self, path: Path, exercises: list[str], reference,
                 budget: Budget = DEFAULT_BUDGET, zygote: Zygote | None = None):
        self.exercises, self.reference, self.budget = exercises, reference, budget
        self.owns_zygote = zygote is None
        self.zygote = zygote or Zygote(budget)
        self.name = path.name.removesuffix(".cells.json") or "submission.py"
        raw = path.read_bytes()
        self.code, self.cells = (None, json.loads(raw)) if path.name.endswith(".cells.json") \
            else (raw, None)
        self.jail_error: str | None = None  # the sandbox itself failed: a grader error
        self.worker: Child | None = None
        self.spent: dict[str, float] = {}  # wall seconds used so far, per exercise
        self.import_error: str | None = None
        self.failures: list[Failure] | None = None  # statements that raised, at the first start
        self.output = {"stdout": "", "stderr": ""}
        self.trusted: frozenset[str] = frozenset()  # exercises that run the student's own code
        self.functions: dict[int, object] = {}  # functions passed to the running call
        self.allowed: dict[str, frozenset[str]] | None = None  # see submission.answered

    # -- worker lifecycle -------------------------------------------------------------------

    def _start(self, deadline: float) -> Child:
        try:
            worker = self.zygote.spawn(self.name, self.code, self.cells, deadline,
                                       self.exercises)
        except SandboxError as error:
            self.jail_error = str(error)[:300]
            raise StudentError(f"the grader's sandbox failed ({self.jail_error}); "
                               "this is not your fault and will be graded again") from None
        try:
            hello = codec.recv_message(worker.channel, deadline=deadline)
        except (EOFError, TimeoutError, codec.CodecError, OSError):
            self._stop(worker)
            # importing it again would do the same (exit, hang, kill its sandbox): once is enough
            self.import_error = f"the process {worker.exit_description()}"
            raise StudentError(f"importing your submission failed: {self.import_error}") from None
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
        if self.failures is None:
            self.failures = _failures(hello.get("failures"), self.exercises)
        return worker

    def _stop(self, worker: Child) -> None:
        """Kill the worker and all it started; keep what it printed."""
        self.zygote.reap(time.monotonic() + 10)
        for stream in ("stdout", "stderr"):
            self.output[stream] += getattr(worker, stream).text()
        if worker is self.worker:
            self.worker = None

    def close(self) -> None:
        if self.worker is not None:
            self._stop(self.worker)
        if self.owns_zygote:
            self.zygote.close()

    # -- calls ------------------------------------------------------------------------------

    def _left(self, name: str) -> float:
        return self.budget.exercise_wall - self.spent.get(name, 0.0)

    def _spend(self, name: str, started: float) -> None:
        self.spent[name] = self.spent.get(name, 0.0) + time.monotonic() - started

    def _ready(self, name: str) -> Child:
        """The running worker, started if need be; StudentError when the submission cannot
        run (import failure, sandbox failure) or ``name`` has used up its time budget."""
        if self.import_error is not None:
            raise StudentError(f"importing your submission failed: {self.import_error}")
        left = self._left(name)
        if left <= 0:
            raise StudentError(f"{name}() used up its time budget ({self.budget.exercise_wall:g} s "
                               "over all its tests) in earlier tests")
        if self.worker is None:
            started = time.monotonic()
            try:
                self.worker = self._start(started + min(self.budget.import_wall, left))
            finally:
                self._spend(name, started)
        return self.worker

    def _others(self, name: str) -> list[str]:
        return answered(name, self.exercises, self.allowed, self.trusted)

    def call(self, name: str, args: tuple, kwargs: dict) -> Call:
        worker = self._ready(name)
        started = time.monotonic()
        limit = min(self.budget.call_wall, self._left(name))
        self.functions = {}
        sent_args, sent_kwargs = self._handles([list(args), dict(kwargs)])
        request = {"op": "call", "fn": name, "args": sent_args, "kwargs": sent_kwargs,
                   "others": self._others(name), "cpu": self.budget.call_cpu,
                   "functions": bool(self.functions)}
        try:
            reply = self._exchange(worker, name, limit, codec.encode(request))
        finally:
            self._spend(name, started)
        return self._result(worker, name, reply, args, kwargs)

    def _handles(self, value):
        """``value`` with each function in it replaced by a codec.Function handle, which the
        worker calls back and :meth:`_callback` answers while this call runs."""
        kind = type(value)
        if kind is list or kind is tuple:
            return kind(self._handles(item) for item in value)
        if kind is dict:
            return {key: self._handles(item) for key, item in value.items()}
        if callable(value):
            self.functions[len(self.functions)] = value
            return codec.Function(len(self.functions) - 1)
        return value

    def prefetch(self, calls: list[tuple], batch: bytes | None = None) -> list:
        """Run ``calls`` ((group, name, args, kwargs) each) in one batch, as the worker's
        ``batch`` op does; return one entry per call: a :class:`Call` (``args`` None when the
        call left its arguments alone), the StudentError it failed with, or None when it was
        skipped. ``batch`` is the whole batch, already encoded by :func:`encode_batch`.

        A call that hangs or crashes fails, the worker restarts, and the batch goes on with the
        next group (the failing group's test has failed already).
        """
        results: list = [None] * len(calls)
        start = 0
        while start < len(calls):
            group, name = calls[start][:2]
            try:
                worker = self._ready(name)
            except StudentError as error:
                results[start] = error
                start = _next_group(calls, start)
                continue
            payload = batch if start == 0 and batch is not None else \
                encode_batch(calls[start:], self.exercises, self.budget.call_cpu,
                             self.trusted, self.allowed)
            index, inbox = start, deque()
            for index in range(start, len(calls)):
                group, name, args, kwargs = calls[index]
                started = time.monotonic()
                try:
                    if self._left(name) <= 0:
                        self._stop(worker)
                        self._ready(name)  # raises: the budget is spent
                    if not inbox:
                        inbox.extend(self._replies(worker, name, payload))
                        payload = None  # sent with the first call
                    reply = inbox.popleft()
                    results[index] = None if reply.get("op") == "skipped" else \
                        self._result(worker, name, reply, None, None)
                except StudentError as error:
                    if self.worker is not None:  # the call raised: the worker goes on
                        results[index] = error
                        continue
                    # the worker was stopped while running call ``start + progress``; the
                    # replies held back before it are lost and will be asked for again
                    index = max(index, min(start + worker.progress(), len(calls) - 1))
                    results[index] = error
                    break
                finally:
                    self._spend(name, started)
            else:
                break
            start = _next_group(calls, index)
        return results

    def _replies(self, worker: Child, name: str, payload: bytes | None) -> list[dict]:
        """The next message of batch replies (see the worker's ``batch`` op)."""
        message = self._exchange(worker, name, self.budget.call_wall, payload,
                                 watch=lambda: self._left(name))
        replies = message.get("list") if message.get("op") == "replies" else None
        if not isinstance(replies, list) or not replies or \
                not all(isinstance(reply, dict) for reply in replies):
            self._stop(worker)
            raise StudentError(f"{name}() sent back a malformed reply")
        return replies

    def _exchange(self, worker: Child, name: str, limit: float, request: bytes | None,
                  watch=None) -> dict:
        """Send ``request`` (if any) and return the worker's reply, answering its callbacks;
        a hang, an exit or garbage stops the worker and raises StudentError.

        With ``watch`` (a function giving the seconds left in the exercise's budget) the reply
        may be a batch's, held back by the worker: each call the progress page shows gets
        ``limit`` seconds from when it starts, within the exercise's budget.
        """
        deadline = time.monotonic() + limit if watch is None else None
        try:
            if request is not None:
                codec.send_frame(worker.channel, request,
                                 deadline=deadline or time.monotonic() + limit)
            while True:
                if watch is not None:
                    deadline = self._await(worker, limit, watch)
                reply = codec.recv_message(worker.channel, deadline=deadline)
                if not isinstance(reply, dict):
                    raise codec.CodecError("a reply must be a dict")
                if reply.get("op") != "callback":
                    return reply
                until = deadline if deadline is not None else time.monotonic() + limit
                until = min(until, time.monotonic() + self._left(name))
                codec.send_message(worker.channel, self._callback(reply, name, until),
                                   deadline=until)
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

    @staticmethod
    def _await(worker: Child, limit: float, left) -> float:
        """Wait until the worker has something to say; raise TimeoutError when the call it
        runs has taken ``limit`` seconds or the exercise's budget (``left()``) is spent.
        Returns the deadline for reading what it says."""
        started = time.monotonic()
        call, since = worker.progress(), started
        while True:
            now = time.monotonic()
            budget = left() - (now - started)
            end = min(since + limit, now + budget)
            if now >= end:
                raise TimeoutError
            if select.select([worker.channel], [], [], min(end - now, 0.1))[0]:
                return time.monotonic() + limit
            if worker.progress() != call:
                call, since = worker.progress(), time.monotonic()

    def _result(self, worker: Child, name: str, reply: dict, args, kwargs) -> Call:
        """The Call a reply stands for; ``args``/``kwargs`` are what was sent, kept when the
        worker says the call left them alone."""
        if reply.get("op") == "raised":
            if reply.get("missing") is True:
                raise MissingFunction(name)
            raise StudentError(str(reply.get("error"))[:500])
        changed = "args" in reply
        if reply.get("op") != "result" or changed and (
                not isinstance(reply.get("args"), list) or not isinstance(reply.get("kwargs"),
                                                                          dict)):
            self._stop(worker)
            raise StudentError(f"{name}() sent back a malformed reply")
        if changed:
            return Call(reply.get("value"), tuple(reply["args"]), reply["kwargs"])
        return Call(reply.get("value"), None if args is None else tuple(args), kwargs)

    def _callback(self, request: dict, calling: str, until: float) -> dict:
        """Answer the submission's call to another exercise with the reference, or its call
        of a function the test passed in with that function.

        Never for ``calling``, the exercise under test: the reference would answer for it,
        nor for an exercise its reference does not call. The driver's work stops at ``until``
        (the call's deadline), and arguments that would keep it busy for long are refused
        (see MAX_CALLBACK_INT).
        """
        name = request.get("fn")
        args, kwargs = request.get("args"), request.get("kwargs")
        if not isinstance(args, list) or not isinstance(kwargs, dict):
            return {"op": "raise", "error": "malformed callback"}
        if "handle" in request:
            handle = request["handle"]  # hostile data: an int, or anything at all
            function = self.functions.get(handle) if type(handle) is int else None
            if function is None:
                return {"op": "raise", "error": "no such function"}
            return self._answer(function, args, kwargs, until)
        if name not in self._others(calling):
            return {"op": "raise", "error": f"the grader does not answer calls to {name!r} "
                                            f"while {calling}() runs"[:200]}
        if _too_big([*args, *kwargs.values()]):
            return {"op": "raise", "error": f"arguments too large for {name}() "
                                            f"(numbers above {MAX_CALLBACK_INT})"}
        return self._answer(getattr(self.reference, name), args, kwargs, until)

    @staticmethod
    def _answer(function, args: list, kwargs: dict, until: float) -> dict:
        """Run trusted code (the reference, or a function a test passed in) on arguments the
        student chose (decoded here: plain data), within the call's time budget."""
        try:
            with time_limit(until - time.monotonic()):
                value = function(*args, **kwargs)
        except Overtime:
            return {"op": "raise", "error": "the grader's answer took longer than the time "
                                            "left for this call"}
        except Exception as error:  # the student passed arguments the reference rejects
            return {"op": "raise", "error": describe_exception(error)}
        return {"op": "return", "value": value}


def _next_group(calls: list[tuple], index: int) -> int:
    """The index of the first call after ``index`` that belongs to another group."""
    group = calls[index][0]
    while index < len(calls) and calls[index][0] == group:
        index += 1
    return index


def encode_batch(calls: list[tuple], exercises: list[str], cpu: float,
                 trusted: frozenset[str] = frozenset(),
                 allowed: dict[str, frozenset[str]] | None = None) -> bytes:
    """The worker's ``batch`` request for ``calls`` ((group, name, args, kwargs) each), with
    the other exercises answered as :func:`autograder.submission.answered` says; the same for
    every submission, so a grading process encodes it once."""
    groups: dict = {}
    others = {name: answered(name, exercises, allowed, trusted)
              for name in {call[1] for call in calls}}
    return codec.encode({"op": "batch", "cpu": cpu, "others": others, "calls": [
        {"fn": name, "args": list(args), "kwargs": dict(kwargs),
         "group": groups.setdefault(group, len(groups))}
        for group, name, args, kwargs in calls]})
