"""The untrusted side: a fork server (the zygote) that starts one worker per submission.

The zygote is started as ``python -I -S worker.py FD CONFIG_JSON`` with a cleared environment,
inside the sandbox layer the driver chose (see :mod:`autograder.sandbox.jail`). It never
imports the ``autograder`` package, the reference or the suites: it loads only ``codec.py``
and ``scratch.py`` (sibling files, by path) and numpy and the standard library from the site
directories CONFIG names. It never runs student code itself. Once those modules are loaded it says
``{"op": "ready"}`` on its control socket FD and serves:

- ``{"op": "spawn", "name", "code" | "cells", "exercises", "files"}``: forks a worker for one
  submission (``code``, the bytes of a ``.py`` file as a uint8 array, or ``cells``, a
  notebook's ``{"name", "source"}`` code cells; ``files``, sent once and kept: {relative path:
  uint8 array}, the release's helpers and data, written into each worker's scratch folder,
  which is on its ``sys.path``). The worker gets its own session, scratch folder, rlimits and jail;
  the zygote answers ``{"op": "spawned", "pid"}`` and passes the worker's socket, the read
  ends of its stdout and stderr pipes, and its progress page (SCM_RIGHTS).
- ``{"op": "reap"}``: kills the workers and every process they started, waits for them,
  empties the scratch folders, and answers ``{"op": "reaped", "status": [[pid, code]],
  "rss": [kB, kB]}`` (code: exit status, or minus the signal that killed it; rss: the peak
  resident size of the zygote and of its largest worker so far).

A worker speaks on its own socket; stdout and stderr are pipes the driver caps and never
parses:

- at start it runs the submission statement by statement (display libraries are stand-ins,
  see standins.py) and sends ``{"op": "ready", "failures": [{"cell", "line", "error",
  "defines", "users"}]}`` (the statements that raised, what they would have defined that is
  missing, and the exercises that use it), ``{"op": "import_failed", "error": str}`` or
  ``{"op": "jail_failed", "error"}``;
- ``{"op": "call", "fn", "args", "kwargs", "others", "cpu"}`` is answered by
  ``{"op": "result", "value", "args", "kwargs"}`` (args and kwargs only when the call changed
  them) or ``{"op": "raised", "error": str}`` (with ``"missing": true`` when the submission
  does not define the function); with ``"functions": true`` the arguments hold
  ``codec.Function`` handles, which the submission receives as functions that call back;
- ``{"op": "batch", "calls": [{"fn", "args", "kwargs", "group"}], "others", "cpu"}`` (others:
  {fn: the exercises answered by the driver while fn runs}) is
  answered call by call, as above, in messages ``{"op": "replies", "list": [reply, ...]}``
  that carry a group's replies at a time; after a call raises, each later call of its
  ``group`` is answered ``{"op": "skipped"}``; the progress page (8 bytes, little-endian)
  holds the index of the batch call running;
- meanwhile the worker may send ``{"op": "callback", "fn", "args", "kwargs"}`` for an exercise
  named in ``others``, or ``{"op": "callback", "handle", "args", "kwargs"}`` for a function
  passed in; the driver answers ``{"op": "return", "value"}`` or ``{"op": "raise", "error"}``.
"""

import importlib.util
import io
import json
import mmap
import os
import resource
import signal
import socket
import sys
import time
import traceback
import types


def _load_sibling(name):
    """Load ``name``.py from this folder by path (the zygote never imports the package)."""
    spec = importlib.util.spec_from_file_location(
        f"_autograder_{name}", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                            f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


def _describe(error):
    lines = str(error).strip().splitlines()
    message = lines[0][:300] if lines else ""
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def _where(error):
    """The student's innermost line in the traceback, e.g. 'line 12, in forward'."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename in STUDENT_FILES]
    if not frames:
        return ""
    frame = frames[-1]
    cell = f" of {frame.filename.strip('<>')}" if frame.filename.startswith("<") else ""
    return f" (line {frame.lineno}{cell}, in {frame.name})"


def _run(module, request):
    """Run the submission's file or notebook cells statement by statement (see
    statements.py); return the failures, each with the exercises that use what it would have
    defined (directly or through the student's helpers) and that are still missing it."""
    namespace = vars(module)
    if request.get("cells") is not None:
        sources = [(cell["source"], f"<{cell['name']}>", cell["name"])
                   for cell in request["cells"]]
    else:
        raw = request["code"].tobytes()
        try:
            text = importlib.util.decode_source(raw)
        except Exception:  # an encoding Python cannot decode: compile() says why, as Python
            text = raw
        sources = [(text, request["name"], "")]
    failures = []
    for source, filename, cell in sources:
        STUDENT_FILES.add(filename)
        for failure in STATEMENTS.run_source(source, filename, namespace, _describe):
            failures.append({**failure, "cell": cell})
    exercises = request.get("exercises") or []
    used = {name: STATEMENTS.globals_used(namespace[name], namespace) | {name}
            for name in exercises if callable(namespace.get(name))}
    for failure in failures:
        lost = set(failure.pop("binds")) - set(namespace)
        failure["defines"] = sorted(lost)[:10]
        failure["users"] = [name for name in exercises
                            if name in lost or lost & used.get(name, set())]
    return failures


# modules a submission may import, loaded once by the zygote: in the uid layer the
# interpreter's files are out of reach of a worker (chroot), so other imports fail with
# ModuleNotFoundError there
_PRELOAD = (
    "numpy", "numpy.linalg", "numpy.random", "numpy.fft", "numpy.testing", "numpy.polynomial",
    "math", "cmath", "copy", "random", "time", "datetime", "itertools", "functools",
    "collections", "collections.abc", "warnings", "typing", "dataclasses", "statistics",
    "operator", "string", "re", "decimal", "fractions", "numbers", "heapq", "bisect", "enum",
    "abc", "io", "contextlib", "json", "csv", "pickle", "struct", "array", "pprint",
    "textwrap", "traceback", "inspect", "gc", "weakref", "signal", "subprocess", "threading",
    "queue", "tempfile", "glob", "pathlib", "shutil", "stat", "errno", "fcntl", "select",
    "mmap", "atexit", "hashlib", "base64", "uuid", "secrets", "platform", "logging",
    "unittest", "timeit", "ctypes", "scipy.special",
    # the codecs of coding cookies, looked up by name when a source is decoded
    "encodings.latin_1", "encodings.cp1252", "encodings.utf_8_sig", "encodings.ascii",
)
_READ_ONLY = (1 << 0) | (1 << 2) | (1 << 3)  # Landlock: execute, read file, read directory
_FILE_RIGHTS = (1 << 0) | (1 << 1) | (1 << 2) | (1 << 14) | (1 << 15)


def _landlock(readable, writable):
    """Allow reading ``readable`` and everything in ``writable``; nothing else on disk. Where
    the kernel offers it, also no TCP bind or connect (ABI 4) and no signal or abstract unix
    socket reaching outside the sandbox (ABI 6): the grader runs as the same user."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    abi = libc.syscall(444, None, ctypes.c_size_t(0), ctypes.c_uint32(1))
    handled = (1 << 13) - 1 | (1 << 13 if abi >= 2 else 0) | (1 << 14 if abi >= 3 else 0) \
        | (1 << 15 if abi >= 5 else 0)
    fields = [("handled_access_fs", handled)]
    if abi >= 4:
        fields.append(("handled_access_net", 1 | 2))  # TCP bind, TCP connect: no rule allows
    if abi >= 6:
        fields.append(("scoped", 1 | 2))  # abstract unix sockets, signals

    class Ruleset(ctypes.Structure):
        _fields_ = [(name, ctypes.c_uint64) for name, _ in fields]

    class PathBeneath(ctypes.Structure):
        _pack_ = 1
        _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]

    ruleset = Ruleset(*(value for _, value in fields))
    fd = libc.syscall(444, ctypes.byref(ruleset), ctypes.c_size_t(ctypes.sizeof(ruleset)),
                      ctypes.c_uint32(0))
    if fd < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset")
    rules = [(path, _READ_ONLY) for path in readable] + [(path, handled) for path in writable]
    for path, access in rules:
        try:
            target = os.open(path, os.O_PATH | os.O_CLOEXEC)
        except OSError:
            continue  # /lib32 and friends need not exist
        if not os.path.isdir(path):
            access &= _FILE_RIGHTS & handled
        rule = PathBeneath(access, target)
        if libc.syscall(445, fd, 1, ctypes.byref(rule), ctypes.c_uint32(0)) != 0:
            raise OSError(ctypes.get_errno(), f"landlock_add_rule {path}")
        os.close(target)
    if libc.syscall(446, fd, ctypes.c_uint32(0)) != 0:
        raise OSError(ctypes.get_errno(), "landlock_restrict_self")
    os.close(fd)


#: per machine: the seccomp audit arch and the system calls no worker may make: sockets of
#: any kind (no network, no abstract unix socket), SysV IPC (shared memory, queues and
#: semaphores would outlive the worker) and io_uring (which can do both without them)
_DENIED = {
    "x86_64": (0xC000003E, {"socket": 41, "shmget": 29, "semget": 64, "msgget": 68,
                            "io_uring_setup": 425}),
    "aarch64": (0xC00000B7, {"socket": 198, "shmget": 194, "semget": 190, "msgget": 186,
                             "io_uring_setup": 425}),
}


def _seccomp():
    """A seccomp filter: the calls in _DENIED, and every call of a foreign ABI (32-bit or
    x32 on x86_64), fail with EPERM. socketpair stays allowed: it reaches nothing."""
    import ctypes
    import errno

    arch, denied = _DENIED[os.uname().machine]
    refuse, allow = 0x00050000 | errno.EPERM, 0x7FFF0000  # SECCOMP_RET_ERRNO, _RET_ALLOW
    load, jump_if, jump_at_least, answer = 0x20, 0x15, 0x35, 0x06  # BPF_LD|W|ABS, JEQ, JGE, RET
    program = [(load, 0, 0, 4), (jump_if, 1, 0, arch), (answer, 0, 0, refuse), (load, 0, 0, 0)]
    if arch == 0xC000003E:
        program += [(jump_at_least, 0, 1, 0x40000000), (answer, 0, 0, refuse)]
    for number in sorted(denied.values()):
        program += [(jump_if, 0, 1, number), (answer, 0, 0, refuse)]
    program.append((answer, 0, 0, allow))

    class Instruction(ctypes.Structure):
        _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte),
                    ("k", ctypes.c_uint32)]

    class Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(Instruction))]

    instructions = (Instruction * len(program))(*program)
    compiled = Program(len(program), instructions)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(22, 2, ctypes.byref(compiled), 0, 0) != 0:  # PR_SET_SECCOMP, MODE_FILTER
        raise OSError(ctypes.get_errno(), "seccomp")


def _processes_of(uid):
    """How many processes ``uid`` runs now (RLIMIT_NPROC counts them all)."""
    count = 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                count += os.stat(f"/proc/{entry}").st_uid == uid
            except OSError:
                pass
    return count


def _jail(config, scratch):
    """Confine this worker before any student code runs (see autograder.sandbox.jail)."""
    import ctypes

    resource.setrlimit(resource.RLIMIT_FSIZE, (64 << 20, 64 << 20))
    resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
    level, uid = config["level"], config["uid"]
    if level == "uid":
        os.chroot(scratch)  # an empty folder: no reference, no suite, no /proc
        os.chdir("/")
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)
        resource.setrlimit(resource.RLIMIT_NPROC, (64, 64))
    elif os.getuid() != 0:  # the grader's own uid: 64 processes more than it runs now
        processes = _processes_of(os.getuid()) + 64
        resource.setrlimit(resource.RLIMIT_NPROC, (processes, processes))
    if ctypes.CDLL(None, use_errno=True).prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS
        raise OSError(ctypes.get_errno(), "no_new_privs")
    if level == "landlock":
        _landlock(config["readable"], [scratch, "/dev/null"])
    if config["seccomp"]:
        _seccomp()


class GraderCallError(Exception):
    """A call the grader answers failed: the reference refused the arguments of a call to
    another exercise, or a function the test passed in raised. Students see its name."""


def _proxy(channel, codec, name):
    def reference_call(*args, **kwargs):
        codec.send_message(channel, {"op": "callback", "fn": name, "args": list(args),
                                     "kwargs": kwargs})
        reply = codec.recv_message(channel)
        if reply.get("op") == "return":
            return reply["value"]
        raise GraderCallError(f"{name}() failed: {reply.get('error', 'no answer')}")

    reference_call.__name__ = name
    return reference_call


def _passed_function(channel, codec, handle):
    """A function passed in by the driver: each call is answered there."""

    def passed_function(*args, **kwargs):
        codec.send_message(channel, {"op": "callback", "handle": handle, "args": list(args),
                                     "kwargs": kwargs})
        reply = codec.recv_message(channel)
        if reply.get("op") == "return":
            return reply["value"]
        raise GraderCallError(f"the function passed in failed: {reply.get('error', 'no answer')}")

    return passed_function


def _with_functions(channel, codec, value):
    """``value`` with each codec.Function handle replaced by a function that calls back."""
    kind = type(value)
    if kind is codec.Function:
        return _passed_function(channel, codec, value.handle)
    if kind is list or kind is tuple:
        return kind(_with_functions(channel, codec, item) for item in value)
    if kind is dict:
        return {key: _with_functions(channel, codec, item) for key, item in value.items()}
    return value


def _execute(channel, codec, module, config, request):
    """Run one call of the submission, with the other exercises answered by the driver."""
    namespace = vars(module)
    name = request["fn"]
    used = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
    soft = min(int(used + request["cpu"]) + 1, config["cpu_total"])
    resource.setrlimit(resource.RLIMIT_CPU, (soft, config["cpu_total"]))
    saved = {other: namespace[other] for other in request["others"] if other in namespace}
    namespace.update({other: _PROXIES.get(other) or _PROXIES.setdefault(
        other, _proxy(channel, codec, other)) for other in request["others"]})
    args, kwargs = request["args"], request["kwargs"]
    if request.get("functions"):
        args, kwargs = _with_functions(channel, codec, [args, kwargs])
    before = _snapshot(args), _snapshot(kwargs)
    try:
        function = namespace.get(name)
        if not callable(function):
            return {"op": "raised", "missing": True,
                    "error": f"your submission does not define the function {name}()"}
        value = function(*args, **kwargs)
    except BaseException as error:  # SystemExit and KeyboardInterrupt fail this call only
        return {"op": "raised", "error": f"{name}() raised {_describe(error)}{_where(error)}"}
    finally:
        for other in request["others"]:
            namespace.pop(other, None)
        namespace.update(saved)
    if (_snapshot(args), _snapshot(kwargs)) == before:
        return {"op": "result", "value": value}  # the arguments are as the driver sent them
    return {"op": "result", "value": value, "args": args, "kwargs": kwargs}


def _snapshot(value):
    """What a call could change in its arguments: each container's identity and contents,
    each array's bytes. Equal snapshots mean unchanged arguments."""
    kind = type(value)
    if kind is list or kind is tuple:
        return (id(value), [_snapshot(item) for item in value])
    if kind is dict:
        return (id(value), [(key, _snapshot(item)) for key, item in value.items()])
    if kind is _NDARRAY:
        return (id(value), value.dtype.str, value.shape, value.tobytes())
    return id(value)


def _error_reply(name, error):
    return {"op": "raised", "error": f"{name}() returned data that cannot be graded: {error}"}


def _encoded(codec, name, reply):
    """A reply as one frame; one that cannot cross the boundary becomes an error reply."""
    try:
        payload = codec.encode(reply)
    except codec.CodecError as error:
        payload = codec.encode(_error_reply(name, error))
    return len(payload).to_bytes(8, "big") + payload


def _hold(channel, codec, name, reply):
    """Add a batch reply to the bundle held back (encoded now, sent later)."""
    for attempt in range(2):
        try:
            _PENDING[0].add(reply)
            return
        except codec.CodecError as error:
            if attempt or not len(_PENDING[0]):  # too big alone, not just for this bundle
                _PENDING[0].add(_error_reply(name, error))
                return
            _flush(channel)


def _flush(channel):
    """Send the batch replies held back so far, as one message."""
    bundle = _PENDING[0]
    if len(bundle):
        payload = bundle.payload()
        _PENDING[0] = CODEC.Bundle()
        channel.sendall(len(payload).to_bytes(8, "big") + payload)


def _serve(channel, codec, module, config):
    """Answer calls, one at a time or as a batch. Each call of a batch gets its own reply;
    after one raises, the rest of its group is skipped (its test has failed already). Batch
    replies are held back and sent a group at a time as ``{"op": "replies", "list"}`` (fewer
    messages and wake-ups), while the progress page says which call runs, so that the driver
    can still time each call."""
    while True:
        request = codec.recv_message(channel)
        if request["op"] != "batch":
            channel.sendall(_encoded(codec, request["fn"], _execute(channel, codec, module,
                                                                    config, request)))
            continue
        failed = group = object()
        for index, call in enumerate(request["calls"]):
            if call["group"] != group or len(_PENDING[0]) >= 256:
                _flush(channel)
                group = call["group"]
            if call["group"] == failed:
                _hold(channel, codec, call["fn"], {"op": "skipped"})
                continue
            PROGRESS[:8] = index.to_bytes(8, "little")
            call = {**call, "cpu": request["cpu"], "others": request["others"][call["fn"]]}
            reply = _execute(channel, codec, module, config, call)
            if reply["op"] == "raised":
                failed = call["group"]
            _hold(channel, codec, call["fn"], reply)
        _flush(channel)


def _prctl(option, value):
    import ctypes

    if ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), f"prctl({option})")


def _worker(channel, request, config, scratch, progress):
    """The forked worker: limit and jail this process, run the submission, serve calls."""
    global PROGRESS
    PROGRESS = mmap.mmap(progress, 8)
    os.close(progress)
    name = request["name"]
    STUDENT_FILES.add(name)
    sys.argv = [name]
    # unbuffered: what the student printed is in the pipe before the worker is killed
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8",
                                  errors="backslashreplace", write_through=True)
    sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8",
                                  errors="backslashreplace", write_through=True)
    try:
        memory = config["memory_bytes"]
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (config["cpu_total"], config["cpu_total"]))
        _prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: die with the zygote
        os.chdir(scratch)
        _provide(PROVIDED)
        _jail(config, scratch)
    except BaseException as error:
        CODEC.send_message(channel, {"op": "jail_failed", "error": _describe(error)})
        return
    try:
        sys.path.insert(0, os.getcwd())  # the release's helper modules, written there
        STANDINS.install()
        module = types.ModuleType("submission")
        module.__file__ = name
        sys.modules["submission"] = module
        failures = _run(module, request)
    except BaseException as error:
        CODEC.send_message(channel, {"op": "import_failed",
                                     "error": f"{_describe(error)}{_where(error)}"})
        return
    CODEC.send_message(channel, {"op": "ready", "failures": failures[:100]})
    try:
        _serve(channel, CODEC, module, config)
    except EOFError:  # the driver is done with us
        pass


def _provide(files):
    """Write the files the release gave students (helpers, data) into the scratch folder, so
    that what the student imported or loaded beside their notebook is there too."""
    for relative, content in files.items():
        parent = os.path.dirname(relative)
        if parent:
            os.makedirs(parent, exist_ok=True)
        with open(relative, "wb") as file:
            file.write(content.tobytes())


def _spawn(control, request, config, number):
    """Fork a worker for one submission; hand the driver its socket and output pipes."""
    scratch = os.path.join(config["scratch"], str(number))
    os.mkdir(scratch, 0o700)
    if config["level"] == "uid":
        os.chown(scratch, config["uid"], config["uid"])
    ours, theirs = socket.socketpair()
    out_read, out_write = os.pipe()
    err_read, err_write = os.pipe()
    progress = os.memfd_create("autograder-progress")
    os.ftruncate(progress, 8)
    go_read, go_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            control.close()
            ours.close()
            for fd in (out_read, err_read, go_write):
                os.close(fd)
            os.dup2(out_write, 1)
            os.dup2(err_write, 2)
            os.setsid()
            # no student code before the driver has this worker: whatever it does to us
            # afterwards is its own doing, not a failure of the sandbox
            if os.read(go_read, 1) == b"g":
                _worker(theirs, request, config, scratch, progress)
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(0)  # skip atexit handlers a submission may have registered
    theirs.close()
    for fd in (out_write, err_write, go_read):
        os.close(fd)
    frame = CODEC.encode({"op": "spawned", "pid": pid})
    socket.send_fds(control, [len(frame).to_bytes(8, "big") + frame],
                    [ours.fileno(), out_read, err_read, progress])
    os.write(go_write, b"g")
    ours.close()
    for fd in (out_read, err_read, progress, go_write):
        os.close(fd)
    return pid


def _descendants(root):
    """Pids of the live (not zombie) processes below ``root``, from /proc (orphans come back
    to us: we are their subreaper)."""
    children, zombies = {}, set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as stat:
                    fields = stat.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
            if fields[0] == b"Z":
                zombies.add(int(entry))
    found, stack = [], list(children.get(root, []))
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, []))
    return [pid for pid in found if pid not in zombies]


def _kill_all(config):
    """SIGKILL every process the workers started, by the strongest means of this level."""
    if config["level"] == "namespace":  # our own PID namespace: everything but us and init
        try:
            os.kill(-1, signal.SIGKILL)
        except OSError:
            pass
        return
    if config["level"] == "uid":  # every process of the sandbox uid, killed as that uid
        pid = os.fork()
        if pid == 0:
            try:
                os.setresuid(config["uid"], config["uid"], config["uid"])
                os.kill(-1, signal.SIGKILL)
            finally:
                os._exit(0)
        os.waitpid(pid, 0)
    for _ in range(50):  # same uid as the driver: only our own descendants
        doomed = _descendants(os.getpid())
        if not doomed:
            return
        for pid in doomed:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        time.sleep(0.001)


def _reap(config, spawned):
    """Kill and wait for everything the workers started; their exit codes; empty scratch."""
    _kill_all(config)
    codes = []
    deadline = time.monotonic() + 5
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            if time.monotonic() > deadline:
                break
            time.sleep(0.001)
            continue
        if pid in spawned:
            spawned.discard(pid)
            codes.append([pid, os.waitstatus_to_exitcode(status)])
    for entry in os.listdir(config["scratch"]):
        SCRATCH.remove_tree(os.path.join(config["scratch"], entry))
    return codes


def main(argv):
    fd, config = int(argv[1]), json.loads(argv[2])
    for directory in config["site"]:  # numpy and friends, without running any .pth file
        sys.path.append(directory)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    control = socket.socket(fileno=fd)
    CODEC = _load_sibling("codec")
    globals()["CODEC"] = CODEC
    globals()["SCRATCH"] = _load_sibling("scratch")
    globals()["STATEMENTS"] = _load_sibling("statements")
    globals()["STANDINS"] = _load_sibling("standins")
    _PENDING[0] = CODEC.Bundle()
    globals()["_NDARRAY"] = sys.modules["numpy"].ndarray
    for name in _PRELOAD:
        try:
            __import__(name)
        except ImportError:  # scipy is optional: a submission that needs it fails as it would
            pass
    _prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: die with the grading process
    _prctl(36, 1)  # PR_SET_CHILD_SUBREAPER: orphans of the workers come back to us
    _prctl(4, 0)  # PR_SET_DUMPABLE 0: a worker of the same uid cannot read our memory
    CODEC.send_message(control, {"op": "ready"})
    spawned, number = set(), 0
    while True:
        try:
            request = CODEC.recv_message(control)
        except EOFError:
            return
        if request["op"] == "spawn":
            if request.get("files") is not None:  # sent once per zygote: kept for every worker
                PROVIDED.clear()
                PROVIDED.update(request["files"])
            number += 1
            spawned.add(_spawn(control, request, config, number))
        elif request["op"] == "reap":
            codes = _reap(config, spawned)
            rss = [resource.getrusage(who).ru_maxrss
                   for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
            CODEC.send_message(control, {"op": "reaped", "status": codes, "rss": rss})


STUDENT_FILES = set()  # the submission's file name, or its notebook cells' names
_NDARRAY = None  # numpy.ndarray, once numpy is loaded
_PROXIES = {}  # exercise -> the function that asks the driver for the reference's answer
_PENDING = [None]  # the codec.Bundle of batch replies not sent yet
PROGRESS = None  # an 8-byte page shared with the driver: the batch call now running
CODEC = None
SCRATCH = None  # scratch.py: removes what a worker left, however deep or locked
STATEMENTS = None  # statements.py: runs a submission statement by statement
STANDINS = None  # standins.py: display libraries that do nothing
PROVIDED = {}  # relative path -> uint8 array: the release's files, written for each worker

if __name__ == "__main__":
    main(sys.argv)
    os._exit(0)
