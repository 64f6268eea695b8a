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
import mmap
import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import codec
from .scratch import remove_tree, usage

WORKER = Path(__file__).resolve().with_name("worker.py")
LEVELS = ("namespace", "uid", "landlock", "process")  # strongest first
UID_BASE = 3_800_000_000  # the uid layer's first sandbox uid; far above any real account
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


SCRATCH_MB = 256  # what a slot's scratch may hold: the namespace layer's tmpfs, a watch elsewhere
SCRATCH_ENTRIES = 20_000  # files and folders in a scratch folder, where it is watched
QUOTA_PERIOD = 0.2  # seconds between looks at the scratch folders


def _bwrap_args() -> list[str]:
    """bubblewrap's arguments: a read-only view of the interpreter and its libraries, a tmpfs
    scratch folder, and fresh namespaces (no network, own PIDs)."""
    args = ["bwrap", "--unshare-all", "--die-with-parent", "--new-session",
            "--proc", "/proc", "--dev", "/dev", "--size", str(SCRATCH_MB << 20),
            "--tmpfs", "/scratch", "--chdir", "/scratch"]
    readable = {"/usr", "/lib", "/lib64", "/lib32", "/bin", "/etc/ld.so.cache", sys.prefix,
                sys.base_prefix, str(WORKER.parent), *_site_dirs()}
    for path in sorted(readable):
        args += ["--ro-bind-try", path, path]
    if os.geteuid() == 0:  # root inside a user namespace still owns root's files: be nobody
        args += ["--unshare-user", "--uid", "65534", "--gid", "65534"]
    return args


@functools.cache
def _probe() -> dict[str, str]:
    """{level: why it is unavailable, or ""} for this machine, tried once per process."""
    found = {"process": ""}
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        found["namespace"] = "bubblewrap is not installed (Debian package bubblewrap)"
    else:
        try:
            done = subprocess.run([*_bwrap_args(), sys.executable, "-I", "-S", "-c", "pass"],
                                  capture_output=True, timeout=30, env=_environment())
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


def seccomp_available() -> bool:
    """Whether workers get the seccomp filter (no sockets, no SysV IPC, no io_uring): this
    kernel filters system calls and the worker knows this machine's call numbers."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return False
    return "\nSeccomp:" in status and os.uname().machine in ("x86_64", "aarch64")


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
        if cap != LEVELS[0]:
            missing.insert(0, f"capped at {cap} by AUTOGRADER_SANDBOX")
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


@functools.cache
def _site_dirs() -> list[str]:
    """Where the worker finds numpy (and scipy): this environment's site directories, and
    wherever the grader itself finds them (a virtual environment may borrow another's)."""
    import importlib.util

    paths = sysconfig.get_paths()
    found = {paths["purelib"], paths["platlib"]}
    for module in ("numpy", "scipy"):
        spec = importlib.util.find_spec(module)
        if spec is not None and spec.submodule_search_locations:
            found.add(str(Path(next(iter(spec.submodule_search_locations))).parent))
    return sorted(found)


def _environment() -> dict[str, str]:
    # nothing from the grader's environment: no tokens, no CI variables, no PYTHONPATH
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/nonexistent"}
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                     "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
        env[variable] = "1"  # one thread: predictable memory under RLIMIT_AS, fair CPU time
    return env


class SandboxError(Exception):
    """The sandbox itself failed (not the student's code); the message says how."""


class Child:
    """One worker forked by the zygote: its socket, its captured output, its exit code, and
    its progress page (which call of a batch it runs)."""

    def __init__(self, channel: socket.socket, fds: list[int], pid: int, cap: int):
        self.channel, self.pid, self.code = channel, pid, None
        self.stopped_for: str | None = None  # why the grader killed it, if it did
        stdout, stderr, progress = fds
        self.stdout = _CappedReader(os.fdopen(stdout, "rb"), cap)
        self.stderr = _CappedReader(os.fdopen(stderr, "rb"), cap)
        self._progress = mmap.mmap(progress, 8, prot=mmap.PROT_READ)
        self._last = 0
        os.close(progress)

    def progress(self) -> int:
        """The index of the batch call the worker says it is running (or was, once closed)."""
        if not self._progress.closed:
            self._last = int.from_bytes(self._progress[:8], "little")
        return self._last

    def exit_description(self) -> str:
        """Why the process ended, in words: an exit code or the signal that killed it."""
        if self.stopped_for is not None:
            return f"was stopped: {self.stopped_for}"
        if self.code is None:
            return "stopped answering"
        if self.code < 0:
            name = signal.Signals(-self.code).name
            hint = {"SIGXCPU": " (CPU time limit)", "SIGKILL": " (killed)",
                    "SIGSEGV": " (crashed)"}.get(name, "")
            return f"was killed by {name}{hint}"
        return f"exited with code {self.code}"

    def close(self) -> None:
        """Close the socket and collect what the (dead) worker printed."""
        self.channel.close()
        self.progress()  # kept: the driver asks where a stopped worker was
        self._progress.close()
        for reader in (self.stdout, self.stderr):
            reader.join(timeout=1)


class Zygote:
    """A fork server inside the sandbox: numpy is loaded once per grading slot, and each
    submission's worker is a fork of it (see ``worker.py``), jailed before any student code.

    Example::

        zygote = Zygote(DEFAULT_BUDGET)
        child = zygote.spawn("alice.py", source_bytes, None, deadline)
        ...  # calls over child.channel
        zygote.reap(deadline)  # kills the worker and all it started; sets child.code
        zygote.close()
    """

    def __init__(self, budget: Budget, files: dict[str, bytes] | None = None):
        self.budget, self.level = budget, sandbox_level()
        # what every worker finds in its scratch folder: the release's helpers and data
        self.files = {name: np.frombuffer(data, np.uint8) for name, data in (files or {}).items()}
        self._files_sent = False
        self.uid = claim_uid() if self.level == "uid" else None
        self.root = Path(tempfile.mkdtemp(prefix="autograder-scratch-"))
        self.process: subprocess.Popen | None = None
        self.control: socket.socket | None = None
        self.children: dict[int, Child] = {}
        self.stderr: _CappedReader | None = None
        self.peak_kb = (0, 0)  # the zygote's peak RSS and its largest worker's, as last told
        self._watch: threading.Event | None = None  # set to stop the scratch quota watch
        self._ready = False  # the running zygote said it is ready

    def start(self) -> None:
        """Start the zygote now, without waiting for it: it loads numpy while the caller goes
        on. The first :meth:`spawn` waits for it, and reports what kept it from starting."""
        try:
            self._ensure_started()
        except OSError:
            self.close()  # spawn starts it again, and raises SandboxError with the reason

    def wait_ready(self, deadline: float) -> bool:
        """Start the zygote if it is not running and wait until it is ready; False when it
        cannot start (the next :meth:`spawn` tries again and raises SandboxError why)."""
        try:
            self._ensure_started()
            if not self._ready:
                self._await_ready(deadline)
        except (OSError, SandboxError):
            return False
        return True

    def _ensure_started(self) -> None:
        if self.process is None or self.process.poll() is not None:
            self._start()

    def _start(self) -> None:
        self.root.mkdir(exist_ok=True)
        self._files_sent = False
        self.control, child = socket.socketpair()
        config = {"site": _site_dirs(), "memory_bytes": self.budget.memory,
                  "seccomp": seccomp_available(),
                  "cpu_total": self.budget.cpu_total, "level": self.level, "uid": self.uid,
                  "readable": sorted({sys.prefix, sys.base_prefix, *_site_dirs(), "/usr",
                                      "/lib", "/lib64", "/etc", str(WORKER.parent)}),
                  "scratch": "/scratch" if self.level == "namespace" else str(self.root)}
        prefix = _bwrap_args() if self.level == "namespace" else []
        self.process = subprocess.Popen(
            [*prefix, sys.executable, "-I", "-S", str(WORKER), str(child.fileno()),
             json.dumps(config)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            pass_fds=(child.fileno(),), cwd=self.root, env=_environment(),
            start_new_session=True,
        )
        child.close()
        self.stderr = _CappedReader(self.process.stderr, 4096)
        if self.level != "namespace" and self._watch is None:  # there: a size-capped tmpfs
            self._watch = threading.Event()
            threading.Thread(target=self._enforce_quota, daemon=True).start()
        self._ready = False

    def _await_ready(self, deadline: float) -> None:
        try:
            hello = codec.recv_message(self.control, deadline=deadline)
        except (EOFError, TimeoutError, OSError, codec.CodecError):
            hello = None
        if not isinstance(hello, dict) or hello.get("op") != "ready":
            self.close()
            reason = self.stderr.text().strip().splitlines()
            raise SandboxError(f"the {self.level} sandbox did not start"
                               + (f": {reason[0][:300]}" if reason else ""))
        self._ready = True

    def _enforce_quota(self) -> None:
        """Watch the scratch folders; stop the workers when they hold more than SCRATCH_MB
        or SCRATCH_ENTRIES (the tmpfs of the namespace level caps the same)."""
        while not self._watch.wait(QUOTA_PERIOD):
            size, entries = usage(str(self.root), SCRATCH_ENTRIES)
            if size > SCRATCH_MB << 20 or entries >= SCRATCH_ENTRIES:
                why = f"it wrote more than {SCRATCH_MB} MiB or {SCRATCH_ENTRIES} files and " \
                      "folders into its scratch folder"
                for child in list(self.children.values()):
                    child.stopped_for = why
                    kill_tree(child.pid)
                if self.uid is not None:
                    kill_uid(self.uid)

    def spawn(self, name: str, code: bytes | None, cells: list | None,
              deadline: float, exercises: list[str] = ()) -> Child:
        """Fork a worker that runs ``code`` (a .py file's bytes) or ``cells`` (a notebook's
        code cells) as the file ``name``; raises SandboxError when the sandbox fails.
        ``exercises`` are the functions the worker reports failed statements against."""
        self._ensure_started()
        if not self._ready:
            self._await_ready(deadline)
        request = {"op": "spawn", "name": name, "cells": cells, "exercises": list(exercises),
                   "code": None if code is None else np.frombuffer(code, np.uint8),
                   "files": None if self._files_sent else self.files}
        try:
            codec.send_message(self.control, request, deadline=deadline)
            self.control.settimeout(max(deadline - time.monotonic(), 0.001))
            data, fds, _, _ = socket.recv_fds(self.control, 4096, 4)
            self.control.settimeout(None)
            reply = codec.decode(data[8:]) if len(data) > 8 else None
        except (EOFError, TimeoutError, OSError, codec.CodecError) as error:
            self.close()
            raise SandboxError(f"the zygote failed to fork a worker ({error})") from None
        if not isinstance(reply, dict) or reply.get("op") != "spawned" or len(fds) != 4:
            for fd in fds:
                os.close(fd)
            self.close()
            raise SandboxError("the zygote failed to fork a worker")
        self._files_sent = True
        child = Child(socket.socket(fileno=fds[0]), fds[1:], reply["pid"], self.budget.output)
        self.children[child.pid] = child
        return child

    def reap(self, deadline: float) -> None:
        """Kill every worker and everything they started, and record their exit codes."""
        try:
            codec.send_message(self.control, {"op": "reap"}, deadline=deadline)
            reply = codec.recv_message(self.control, deadline=deadline)
            for pid, code in reply["status"]:
                if pid in self.children:
                    self.children[pid].code = code
            self.peak_kb = tuple(max(a, int(b)) for a, b in zip(self.peak_kb, reply["rss"],
                                                                strict=True))
        except (EOFError, TimeoutError, OSError, codec.CodecError, KeyError, TypeError,
                AttributeError):
            self.close()  # an unresponsive zygote goes, with all it started
        for child in self.children.values():
            child.close()
        self.children.clear()

    def close(self) -> None:
        """Kill the zygote, its workers and their descendants; remove the scratch folder."""
        if self._watch is not None:
            self._watch.set()
            self._watch = None
        if self.process is not None:
            kill_tree(self.process.pid)
            if self.uid is not None:
                kill_uid(self.uid)
            if _SUBREAPER["on"]:  # orphans of the workers were re-parented to us
                for orphan in _children_map().get(os.getpid(), []):
                    if orphan != self.process.pid:
                        kill_tree(orphan)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
            self.process = None
        if self.control is not None:
            self.control.close()
            self.control = None
        for child in self.children.values():
            child.close()
        self.children.clear()
        remove_tree(str(self.root))


_CLAIMED: dict[int, int] = {}  # uid -> the open lock file that keeps it ours


def claim_uid() -> int:
    """An unprivileged uid no other grading process on this machine is using, held until
    this process exits (an flock on a file under /run or the temp folder). Processes a dead
    run left behind under that uid are killed first."""
    import fcntl

    folder = Path("/run/autograder-uids" if os.path.isdir("/run") else
                  Path(tempfile.gettempdir()) / "autograder-uids")
    folder.mkdir(mode=0o700, exist_ok=True)
    for offset in range(4096):
        uid = UID_BASE + offset
        if uid in _CLAIMED:
            continue
        fd = os.open(folder / f"{uid}.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            continue
        _CLAIMED[uid] = fd
        kill_uid(uid)
        return uid
    raise SandboxError("no free sandbox uid (4096 grading processes at once?)")


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
