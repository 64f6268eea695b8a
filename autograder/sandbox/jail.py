"""Start an untrusted worker process with budgets, capture its output, and kill its whole tree.

Every worker is a separate ``python -I -S`` process with a cleared environment, rlimits (address
space, CPU, core files, file size, open files), single-threaded BLAS, ``no_new_privs`` and its
own session. On top of that comes the strongest layer this machine allows, found at run time by
:func:`sandbox_level` (strongest first):

- ``namespace``: bubblewrap. The worker sees a read-only view of the interpreter, its libraries
  and the submission, a tmpfs scratch folder, no network, and its own PID namespace.
- ``uid`` (root without namespaces, e.g. Docker's default seccomp): after loading numpy and
  reading the submission, the worker chroots into its empty scratch folder and drops to an
  unprivileged uid of its slot, so no reference, suite, other submission or ``/proc`` is in
  reach; every process of that uid is killed afterwards.
- ``landlock`` (an ordinary user without namespaces): the Landlock LSM limits the worker to
  reading the interpreter and its libraries and writing its scratch folder.
- ``process``: none of these; a hostile worker can read and write what the grading user can.

``AUTOGRADER_SANDBOX=LEVEL`` caps the level (tests use it to run every layer on one machine).
Descendants that escape the worker's session are caught because grading processes are child
subreapers (:func:`become_subreaper`): orphans are re-parented to them and killed.
"""

from __future__ import annotations

import ctypes
import functools
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import threading
from dataclasses import dataclass
from pathlib import Path

WORKER = Path(__file__).resolve().with_name("worker.py")
LEVELS = ("namespace", "uid", "landlock", "process")  # strongest first
UID_BASE = 3_800_000_000  # uid of slot 0 in the uid layer; far above any real account
_SUBREAPER = {"on": False}


@dataclass(frozen=True)
class Budget:
    """Limits for one submission. Times in seconds, sizes in bytes."""

    call_wall: float = 10.0  # one call, measured by the driver
    call_cpu: float = 10.0  # one call, enforced by RLIMIT_CPU's soft limit in the worker
    cpu_total: int = 120  # the worker's whole life (hard RLIMIT_CPU)
    exercise_wall: float = 30.0  # all calls of one exercise, restarts included: a hang in one
    # exercise cannot eat the time of the others
    memory: int = 1 << 30  # RLIMIT_AS of the worker
    output: int = 64 << 10  # stdout and stderr each keep this much; the rest is dropped
    import_wall: float = 20.0  # starting python, numpy and importing the submission


DEFAULT_BUDGET = Budget()


def _bwrap_args(submission: Path, inside: str) -> list[str]:
    """bubblewrap's arguments: a read-only view with the interpreter and the submission."""
    args = ["bwrap", "--unshare-all", "--die-with-parent", "--new-session",
            "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/scratch", "--chdir", "/scratch"]
    readable = {"/usr", "/lib", "/lib64", "/lib32", "/bin", "/etc/ld.so.cache", sys.prefix,
                sys.base_prefix, str(WORKER.parent), *_site_dirs()}
    for path in sorted(readable):
        args += ["--ro-bind-try", path, path]
    if os.geteuid() == 0:  # root inside a user namespace still owns root's files: be nobody
        args += ["--unshare-user", "--uid", "65534", "--gid", "65534"]
    return [*args, "--ro-bind", str(submission), inside]


@functools.cache
def _probe() -> dict[str, str]:
    """{level: why it is unavailable, or ""} for this machine, tried once per process."""
    found = {"process": ""}
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        found["namespace"] = "bubblewrap is not installed (Debian package bubblewrap)"
    else:
        try:
            done = subprocess.run([*_bwrap_args(WORKER, "/probe.py"), sys.executable, "-I",
                                   "-S", "-c", "pass"], capture_output=True, timeout=30,
                                  env=_environment())
            found["namespace"] = "" if done.returncode == 0 else \
                "bubblewrap cannot create namespaces here: " + \
                done.stderr.decode(errors="replace").strip()[:200]
        except (OSError, subprocess.TimeoutExpired) as error:
            found["namespace"] = f"bubblewrap failed: {error}"
    found["uid"] = _probe_uid() if os.geteuid() == 0 else "needs root to drop to another uid"
    found["landlock"] = "" if landlock_abi() > 0 else "the kernel does not offer Landlock"
    return found


def _probe_uid() -> str:
    """"" when a child can chroot and take a sandbox uid here, else why not."""
    import tempfile

    with tempfile.TemporaryDirectory() as empty:
        done = subprocess.run(
            [sys.executable, "-I", "-S", "-c", "import os, sys; os.chroot(sys.argv[1]); "
             "os.setgroups([]); os.setresgid(*[int(sys.argv[2])] * 3); "
             "os.setresuid(*[int(sys.argv[2])] * 3)", empty, str(UID_BASE)],
            capture_output=True, timeout=30, env=_environment())
    if done.returncode == 0:
        return ""
    return "root cannot chroot or change uid here: " + \
        done.stderr.decode(errors="replace").strip().splitlines()[-1][:200]


def landlock_abi() -> int:
    """The kernel's Landlock ABI version, 0 when Landlock is unavailable."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        version = libc.syscall(444, None, ctypes.c_size_t(0), ctypes.c_uint32(1))
    except (OSError, AttributeError):
        return 0
    return max(int(version), 0)


def sandbox_level(explain: bool = False) -> str:
    """The strongest isolation level workers get on this machine (see the module docstring),
    capped by ``AUTOGRADER_SANDBOX``; with ``explain``, why the stronger ones are missing."""
    cap = os.environ.get("AUTOGRADER_SANDBOX", "namespace")
    if cap not in LEVELS:
        cap = "namespace"
    found = _probe()
    usable = [level for level in LEVELS[LEVELS.index(cap):] if not found[level]]
    if explain:
        missing = [f"{level}: {found[level]}" for level in LEVELS[:LEVELS.index(usable[0])]
                   if level in found and found[level]]
        return "; ".join(missing) or "the strongest level is available"
    return usable[0]


def die_with_parent() -> None:
    """Ask the kernel to SIGKILL this process when its parent dies (a killed batch leaves no
    grading process behind)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def become_subreaper() -> None:
    """Adopt this process's orphaned descendants (``PR_SET_CHILD_SUBREAPER``), so that a worker's
    children that left its session can still be found and killed by :meth:`Worker.kill`."""
    try:
        if ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) == 0:
            _SUBREAPER["on"] = True
    except (OSError, AttributeError):
        pass


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

    def __init__(self, submission: Path, budget: Budget, scratch: Path, slot: int = 0):
        self.level = sandbox_level()
        self.uid = UID_BASE + slot if self.level == "uid" else None
        self.channel, child = socket.socketpair()
        submission = submission.resolve()
        config = {"site": _site_dirs(), "memory_bytes": budget.memory,
                  "cpu_total": budget.cpu_total, "level": self.level, "uid": self.uid,
                  "readable": sorted({sys.prefix, sys.base_prefix, *_site_dirs(), "/usr",
                                      "/lib", "/lib64", "/etc", str(WORKER.parent),
                                      str(submission)}),
                  "scratch": str(scratch)}
        prefix, path = [], str(submission)
        if self.level == "namespace":
            path = f"/submission/{submission.name}"
            prefix, config["scratch"] = _bwrap_args(submission, path), "/scratch"
        elif self.uid is not None:
            os.chown(scratch, self.uid, self.uid)
        self.process = subprocess.Popen(
            [*prefix, sys.executable, "-I", "-S", str(WORKER), str(child.fileno()), path,
             json.dumps(config)],
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
        if self.level == "namespace" and code > 128:  # bwrap reports its child's signal so
            code = 128 - code
        if code < 0:
            name = signal.Signals(-code).name
            hint = {"SIGXCPU": " (CPU time limit)", "SIGKILL": " (killed)",
                    "SIGSEGV": " (crashed)"}.get(name, "")
            return f"was killed by {name}{hint}"
        return f"exited with code {code}"

    def kill(self) -> None:
        """Kill the worker and every process it started, even ones that left its session."""
        kill_tree(self.process.pid)
        if self.uid is not None:
            kill_uid(self.uid)
        if _SUBREAPER["on"]:  # orphans of the worker's children were re-parented to us
            for orphan in _children_map().get(os.getpid(), []):
                if orphan != self.process.pid:
                    kill_tree(orphan)
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


def kill_uid(uid: int) -> None:
    """SIGKILL every process of ``uid``, as that uid (``kill(-1)``), from a short-lived child."""
    pid = os.fork()
    if pid == 0:  # only system calls here: this process has threads
        try:
            os.setresuid(uid, uid, uid)
            os.kill(-1, signal.SIGKILL)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


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
