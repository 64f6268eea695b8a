"""The untrusted worker: imports one submission by path and serves function calls.

It is started as ``python -I -S worker.py FD SUBMISSION BUDGET_JSON`` with a cleared
environment. SUBMISSION is a ``.py`` file, or a ``.cells.json`` list of ``{"name", "source"}``
notebook cells that the worker runs one by one (see :mod:`autograder.notebook`). It never
imports the ``autograder`` package, the reference or the suites: it loads only ``codec.py`` (a
sibling file, by path) and numpy from the site directories the driver names. Everything crosses
the socket FD as codec frames; stdout and stderr are plain pipes that the driver caps and never
parses.

Protocol (driver -> worker, then worker -> driver):

- at start the worker sends ``{"op": "ready", "notes": [str]}`` (notes name notebook cells
  that raised) or ``{"op": "import_failed", "error": str}``;
- ``{"op": "call", "fn", "args", "kwargs", "others", "cpu"}`` is answered by
  ``{"op": "result", "value", "args", "kwargs"}`` or ``{"op": "raised", "error": str}``;
- meanwhile the worker may send ``{"op": "callback", "fn", "args", "kwargs"}`` for an exercise
  named in ``others``; the driver answers ``{"op": "return", "value"}`` or
  ``{"op": "raise", "error"}``.
"""

import importlib.util
import json
import os
import resource
import socket
import sys
import traceback
import types


def _load_codec():
    spec = importlib.util.spec_from_file_location(
        "_autograder_codec", os.path.join(os.path.dirname(os.path.abspath(__file__)), "codec.py")
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


def _describe(error):
    # the instructor's folder layout is none of the student's business
    text = str(error).replace(os.path.dirname(SUBMISSION) + os.sep, "")
    lines = text.strip().splitlines()
    message = lines[0][:300] if lines else ""
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def _where(error):
    """The student's innermost line in the traceback, e.g. 'line 12, in propagate'."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename in STUDENT_FILES]
    if not frames:
        return ""
    frame = frames[-1]
    cell = f" of {frame.filename.strip('<>')}" if frame.filename != SUBMISSION else ""
    return f" (line {frame.lineno}{cell}, in {frame.name})"


def _run_cells(module, cells):
    """Run a notebook's cells one by one; a cell that raises is noted and the rest still run."""
    notes = []
    namespace = vars(module)
    for cell in cells:
        filename = f"<{cell['name']}>"
        STUDENT_FILES.add(filename)
        try:
            exec(compile(cell["source"], filename, "exec"), namespace)
        except BaseException as error:  # SystemExit too: the next cells may define functions
            notes.append(f"{cell['name']} raised {_describe(error)}{_where(error)}")
    return notes


# modules a submission may import, loaded before the jail: in the uid layer the interpreter's
# files are out of reach afterwards (chroot), so other imports fail with ModuleNotFoundError
_PRELOAD = (
    "numpy", "numpy.linalg", "numpy.random", "numpy.fft", "numpy.testing", "numpy.polynomial",
    "math", "cmath", "copy", "random", "time", "datetime", "itertools", "functools",
    "collections", "collections.abc", "warnings", "typing", "dataclasses", "statistics",
    "operator", "string", "re", "decimal", "fractions", "numbers", "heapq", "bisect", "enum",
    "abc", "io", "contextlib", "json", "csv", "pickle", "struct", "array", "pprint",
    "textwrap", "traceback", "inspect", "gc", "weakref", "signal", "subprocess", "threading",
    "queue", "tempfile", "glob", "pathlib", "shutil", "stat", "errno", "fcntl", "select",
    "mmap", "atexit", "hashlib", "base64", "uuid", "secrets", "platform", "logging",
    "unittest", "timeit", "ctypes",
)
_READ_ONLY = (1 << 0) | (1 << 2) | (1 << 3)  # Landlock: execute, read file, read directory
_FILE_RIGHTS = (1 << 0) | (1 << 1) | (1 << 2) | (1 << 14) | (1 << 15)


def _landlock(readable, writable):
    """Allow reading ``readable`` and everything in ``writable``; nothing else on disk."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    abi = libc.syscall(444, None, ctypes.c_size_t(0), ctypes.c_uint32(1))
    handled = (1 << 13) - 1 | (1 << 13 if abi >= 2 else 0) | (1 << 14 if abi >= 3 else 0) \
        | (1 << 15 if abi >= 5 else 0)

    class Ruleset(ctypes.Structure):
        _fields_ = [("handled_access_fs", ctypes.c_uint64)]

    class PathBeneath(ctypes.Structure):
        _pack_ = 1
        _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]

    ruleset = Ruleset(handled)
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


def _jail(budget):
    """Confine this process before any student code runs (see autograder.sandbox.jail)."""
    import ctypes

    for name in _PRELOAD:
        __import__(name)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 << 20, 64 << 20))
    resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
    level, uid = budget["level"], budget["uid"]
    if level == "uid":
        os.chroot(budget["scratch"])  # an empty folder: no reference, no suite, no /proc
        os.chdir("/")
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)
        resource.setrlimit(resource.RLIMIT_NPROC, (64, 64))
    if ctypes.CDLL(None, use_errno=True).prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS
        raise OSError(ctypes.get_errno(), "no_new_privs")
    if level == "landlock":
        _landlock(budget["readable"], [budget["scratch"], "/dev/null"])


class _CallbackError(Exception):
    """The reference refused a callback (for example, arguments of the wrong shape)."""


def _proxy(channel, codec, name):
    def reference_call(*args, **kwargs):
        codec.send_message(channel, {"op": "callback", "fn": name, "args": list(args),
                                     "kwargs": kwargs})
        reply = codec.recv_message(channel)
        if reply.get("op") == "return":
            return reply["value"]
        raise _CallbackError(f"{name}() failed: {reply.get('error', 'no answer')}")

    reference_call.__name__ = name
    return reference_call


def _serve(channel, codec, module, budget):
    namespace = vars(module)
    while True:
        request = codec.recv_message(channel)
        name = request["fn"]
        used = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
        soft = min(int(used + request["cpu"]) + 1, budget["cpu_total"])
        resource.setrlimit(resource.RLIMIT_CPU, (soft, budget["cpu_total"]))
        saved = {other: namespace[other] for other in request["others"] if other in namespace}
        namespace.update({other: _proxy(channel, codec, other) for other in request["others"]})
        args, kwargs = request["args"], request["kwargs"]
        try:
            function = namespace.get(name)
            if not callable(function):
                reply = {"op": "raised",
                         "error": f"your submission does not define the function {name}()"}
            else:
                value = function(*args, **kwargs)
                reply = {"op": "result", "value": value, "args": args, "kwargs": kwargs}
        except BaseException as error:  # SystemExit and KeyboardInterrupt fail this call only
            reply = {"op": "raised", "error": f"{name}() raised {_describe(error)}{_where(error)}"}
        finally:
            for other in request["others"]:
                namespace.pop(other, None)
            namespace.update(saved)
        try:
            codec.send_message(channel, reply)
        except codec.CodecError as error:
            codec.send_message(channel, {"op": "raised",
                                         "error": f"{name}() returned data that cannot be "
                                                  f"graded: {error}"})


def main(argv):
    global SUBMISSION
    fd, SUBMISSION, budget = int(argv[1]), argv[2], json.loads(argv[3])
    STUDENT_FILES.add(SUBMISSION)
    for directory in budget["site"]:  # numpy and friends, without running any .pth file
        sys.path.append(directory)
    memory = budget["memory_bytes"]
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (budget["cpu_total"], budget["cpu_total"]))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    channel = socket.socket(fileno=fd)
    codec = _load_codec()
    sys.argv = [SUBMISSION]
    try:
        with open(SUBMISSION, "rb") as handle:
            code = handle.read()
        cells = json.loads(code) if SUBMISSION.endswith(".cells.json") else None
        _jail(budget)
    except BaseException as error:
        codec.send_message(channel, {"op": "jail_failed", "error": _describe(error)})
        return
    notes = []
    try:
        module = types.ModuleType("submission")
        module.__file__ = SUBMISSION
        sys.modules["submission"] = module
        if cells is not None:
            notes = _run_cells(module, cells)
        else:
            exec(compile(code, SUBMISSION, "exec"), vars(module))
    except BaseException as error:
        codec.send_message(channel, {"op": "import_failed",
                                     "error": f"{_describe(error)}{_where(error)}"})
        return
    codec.send_message(channel, {"op": "ready", "notes": notes})
    try:
        _serve(channel, codec, module, budget)
    except EOFError:  # the driver is done with us
        pass


SUBMISSION = ""
STUDENT_FILES = set()  # the submission's file name, or its notebook cells' names

if __name__ == "__main__":
    main(sys.argv)
    sys.stdout.flush()
    os._exit(0)  # skip atexit handlers a submission may have registered
