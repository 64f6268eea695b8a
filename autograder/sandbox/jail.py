"""Start an untrusted worker process with budgets, capture its output, and kill its whole tree.

The level of isolation reached is reported by :func:`sandbox_level`. This version runs the
worker as a separate process with a cleared environment, ``python -I -S``, rlimits on address
space, CPU time and core files, single-threaded BLAS, and its own session; it kills the worker
and every descendant it can find when a budget runs out.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import sysconfig
import threading
from dataclasses import dataclass
from pathlib import Path

WORKER = Path(__file__).resolve().with_name("worker.py")
LEVEL = "process"  # separate process + rlimits + cleared environment; no namespaces yet


@dataclass(frozen=True)
class Budget:
    """Limits for one submission. Times in seconds, sizes in bytes."""

    call_wall: float = 10.0  # one call, measured by the driver
    call_cpu: float = 10.0  # one call, enforced by RLIMIT_CPU's soft limit in the worker
    cpu_total: int = 120  # the worker's whole life (hard RLIMIT_CPU)
    submission_wall: float = 120.0  # all calls of one submission, restarts included
    memory: int = 1 << 30  # RLIMIT_AS of the worker
    output: int = 64 << 10  # stdout and stderr each keep this much; the rest is dropped
    import_wall: float = 20.0  # starting python, numpy and importing the submission


DEFAULT_BUDGET = Budget()


def sandbox_level() -> str:
    """The isolation level this machine gives workers, for the manifest and the summary."""
    return LEVEL


class _CappedReader(threading.Thread):
    """Drain a pipe forever, keeping only the first ``cap`` bytes, so a flood cannot block."""

    def __init__(self, stream, cap: int):
        super().__init__(daemon=True)
        self.stream, self.cap, self.kept, self.dropped = stream, cap, bytearray(), 0
        self.start()

    def run(self) -> None:
        while chunk := self.stream.read1(1 << 16):
            room = self.cap - len(self.kept)
            self.kept += chunk[:room]
            self.dropped += max(0, len(chunk) - room)

    def text(self) -> str:
        note = f"\n[... {self.dropped} more bytes dropped]" if self.dropped else ""
        return self.kept.decode("utf-8", errors="replace") + note


def _site_dirs() -> list[str]:
    paths = sysconfig.get_paths()
    return sorted({paths["purelib"], paths["platlib"]})


def _environment() -> dict[str, str]:
    # nothing from the grader's environment: no tokens, no CI variables, no PYTHONPATH
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/nonexistent"}
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                     "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
        env[variable] = "1"  # one thread: predictable memory under RLIMIT_AS, fair CPU time
    return env


class Worker:
    """A running worker process: its socket, its captured output, and how to kill it."""

    def __init__(self, submission: Path, budget: Budget, scratch: Path):
        self.channel, child = socket.socketpair()
        config = {"site": _site_dirs(), "memory_bytes": budget.memory,
                  "cpu_total": budget.cpu_total}
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-S", str(WORKER), str(child.fileno()),
             str(submission.resolve()), json.dumps(config)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            pass_fds=(child.fileno(),), cwd=scratch, env=_environment(),
            start_new_session=True,
        )
        child.close()
        self.stdout = _CappedReader(self.process.stdout, budget.output)
        self.stderr = _CappedReader(self.process.stderr, budget.output)

    def exit_description(self) -> str:
        """Why the process ended, in words: an exit code or the signal that killed it."""
        try:
            code = self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            return "stopped answering"
        if code < 0:
            name = signal.Signals(-code).name
            hint = {"SIGXCPU": " (CPU time limit)", "SIGKILL": " (killed)",
                    "SIGSEGV": " (crashed)"}.get(name, "")
            return f"was killed by {name}{hint}"
        return f"exited with code {code}"

    def kill(self) -> None:
        """Kill the worker and every process it started, even ones that left its session."""
        kill_tree(self.process.pid)
        self.channel.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        for reader in (self.stdout, self.stderr):
            reader.join(timeout=1)


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    return children


def kill_tree(pid: int) -> None:
    """SIGKILL ``pid``, its process group, and all its descendants found in /proc."""
    children = _children_map() if os.path.isdir("/proc") else {}
    doomed, stack = [], [pid]
    while stack:
        current = stack.pop()
        doomed.append(current)
        stack.extend(children.get(current, []))
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass
    for victim in doomed:
        try:
            os.kill(victim, signal.SIGKILL)
        except OSError:
            pass
