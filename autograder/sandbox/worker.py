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


def _run_cells(module):
    """Run a notebook's cells one by one; a cell that raises is noted and the rest still run."""
    with open(SUBMISSION, encoding="utf-8") as handle:
        cells = json.load(handle)
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
    sys.path.insert(0, os.path.dirname(SUBMISSION))  # the student's own helper modules
    sys.argv = [SUBMISSION]
    notes = []
    try:
        if SUBMISSION.endswith(".cells.json"):
            module = types.ModuleType("submission")
            sys.modules["submission"] = module
            notes = _run_cells(module)
        else:
            spec = importlib.util.spec_from_file_location("submission", SUBMISSION)
            module = importlib.util.module_from_spec(spec)
            sys.modules["submission"] = module
            spec.loader.exec_module(module)
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
