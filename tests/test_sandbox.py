"""The worker process and its budgets: each failure costs one call, the next call goes on."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from autograder.release import exercises
from autograder.sandbox.jail import UID_BASE, Budget
from autograder.sandbox.session import SandboxBackend
from autograder.submission import MissingFunction, StudentError, Submission

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = exercises((ROOT / "solutions" / "logistic_regression" / "logistic_regression.py")
                      .read_text())
FAST = Budget(call_wall=3.0, call_cpu=2.0, cpu_total=30, exercise_wall=60.0,
              memory=1 << 30, output=1024)


@pytest.fixture
def sandboxed(tmp_path, reference):
    """Open a submission written from source text in a real worker; close it afterwards."""
    opened = []

    def open_source(source: str, budget: Budget = FAST) -> Submission:
        path = tmp_path / f"student{len(opened)}.py"
        path.write_text(source)
        submission = Submission(SandboxBackend(path, EXERCISES, reference, budget), EXERCISES)
        opened.append(submission)
        return submission

    yield open_source
    for submission in opened:
        submission.close()


HONEST_SIGMOID = "import numpy as np\ndef sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"


def test_values_come_back_as_plain_data(sandboxed):
    submission = sandboxed(HONEST_SIGMOID + (
        "class Liar(np.ndarray):\n"
        "    def __eq__(self, other):\n        return True\n"
        "def initialize_with_zeros(dim):\n"
        "    return np.zeros((dim, 1)).view(Liar), 0.0\n"
    ))
    w, b = submission.initialize_with_zeros(3)
    assert type(w) is np.ndarray and w.shape == (3, 1) and type(b) is float
    np.testing.assert_array_equal(submission.sigmoid(np.zeros(2)), [0.5, 0.5])


def test_an_infinite_loop_fails_one_call_and_the_worker_restarts(sandboxed):
    submission = sandboxed(HONEST_SIGMOID + "def predict(w, b, X):\n    while True:\n"
                                            "        pass\n")
    started = time.monotonic()
    with pytest.raises(StudentError, match="did not finish within|CPU time limit"):
        submission.predict(np.zeros((2, 1)), 0.0, np.zeros((2, 3)))
    assert time.monotonic() - started < 10
    assert submission.sigmoid(0.0) == 0.5


@pytest.mark.parametrize("exit_call", ["os._exit(3)", "sys.exit(0)", "raise KeyboardInterrupt"])
def test_exits_fail_only_that_call(sandboxed, exit_call):
    submission = sandboxed(HONEST_SIGMOID + (
        "import os, sys\n"
        f"def predict(w, b, X):\n    {exit_call}\n"
    ))
    with pytest.raises(StudentError):
        submission.predict(np.zeros((2, 1)), 0.0, np.zeros((2, 3)))
    assert submission.sigmoid(0.0) == 0.5


def test_memory_limit_fails_the_call(sandboxed):
    submission = sandboxed(HONEST_SIGMOID + (
        "def predict(w, b, X):\n    return np.ones((1 << 31,))\n"
    ))
    with pytest.raises(StudentError, match="MemoryError|memory"):
        submission.predict(np.zeros((2, 1)), 0.0, np.zeros((2, 3)))
    assert submission.sigmoid(0.0) == 0.5


def test_prints_are_captured_and_capped_never_parsed(sandboxed):
    submission = sandboxed(HONEST_SIGMOID.replace(
        "    return", "    print('All tests passed! ' * 500)\n    return"))
    assert submission.sigmoid(0.0) == 0.5
    submission.close()
    output = submission._backend.output["stdout"]
    assert output.startswith("All tests passed!") and "more bytes dropped" in output
    assert len(output) < 1200


def test_calls_to_other_exercises_are_answered_by_the_reference(sandboxed):
    submission = sandboxed(
        "import numpy as np\n"
        "def sigmoid(z):\n    return z * 0 + 7.0\n"  # wrong on purpose
        "def predict(w, b, X):\n"
        "    return (sigmoid(np.dot(w.T, X) + b) > 0.5).astype(float)\n"
    )
    labels = submission.predict(np.array([[1.0], [-1.0]]), 0.0, np.array([[2.0, -2.0],
                                                                          [0.0, 0.0]]))
    np.testing.assert_array_equal(labels, [[1.0, 0.0]])
    assert submission.sigmoid(0.0) == 7.0  # graded as written when it is the exercise


def test_a_syntax_error_loses_only_its_own_block(sandboxed):
    submission = sandboxed("import numpy as np\ndef sigmoid(z):\n    return (\n"
                           "def predict(w, b, X):\n    return np.ones((1, 1))\n")
    with pytest.raises(MissingFunction, match="sigmoid"):
        submission.sigmoid(0.0)
    assert submission.predict(0, 0, 0).tolist() == [[1.0]]
    [failure] = submission._backend.failures
    assert failure.line == 3 and failure.error.startswith("SyntaxError")
    assert failure.defines == ("sigmoid",) and failure.users == ("sigmoid",)


def test_each_statement_runs_and_display_libraries_are_stand_ins(sandboxed):
    submission = sandboxed(
        "import matplotlib.pyplot as plt\nfrom PIL import Image\nimport numpy as np\n"
        "fig, ax = plt.subplots()\nax.plot([1, 2]); plt.show()\nraise SystemExit(3)\n"
        "HALF = missing_name\n"
        "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n")
    assert submission.sigmoid(0.0) == 0.5
    assert [(f.line, f.error.split(":")[0], f.defines, f.users)
            for f in submission._backend.failures] == [
        (6, "SystemExit", (), ()), (7, "NameError", ("HALF",), ())]


def test_the_worker_cannot_import_the_grader(sandboxed):
    submission = sandboxed(
        "def sigmoid(z):\n"
        "    try:\n        import autograder\n    except ImportError:\n        return 1.0\n"
        "    return 0.0\n"
    )
    assert submission.sigmoid(0.0) == 1.0


def test_no_worker_outlives_close(sandboxed):
    submission = sandboxed(HONEST_SIGMOID)
    submission.sigmoid(0.0)
    pid = submission._backend.zygote.process.pid  # the fork server, or bwrap around it
    submission.close()
    assert not os.path.exists(f"/proc/{pid}") or "Z" in Path(f"/proc/{pid}/stat").read_text()


@pytest.mark.skipif(os.geteuid() != 0, reason="only root drops workers to sandbox uids")
def test_two_grading_processes_never_share_a_sandbox_uid():
    """Each claims its own uid for as long as it lives, so that killing all processes of
    that uid after a submission can never touch another run's workers."""
    script = ("import time\nfrom autograder.sandbox.jail import claim_uid\n"
              "print(claim_uid(), flush=True)\ntime.sleep(5)\n")
    claims = [subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                               text=True, cwd=ROOT) for _ in range(2)]
    try:
        uids = [int(claim.stdout.readline()) for claim in claims]
    finally:
        for claim in claims:
            claim.kill()
            claim.wait()
    assert uids[0] != uids[1] and min(uids) >= UID_BASE


def test_a_function_passed_in_is_called_back_in_the_driver(sandboxed):
    """A hidden test may hand the student's function one of its own: the worker gets a
    function that the driver answers, and the test's code never reaches the worker."""
    submission = sandboxed(
        "import numpy as np\n"
        "def model(f, x, eps=1e-3):\n"
        "    return (f(x + eps) - f(x - eps)) / (2 * eps), f.__name__\n"
        "def predict(f, x):\n"
        "    return f(x)\n"
        "def optimize(fs):\n"
        "    return [f(1.0) for f in fs['list']]\n")
    seen = []

    def cube(v):
        seen.append(v)
        return v ** 3

    slope, name = submission.model(cube, np.array([2.0]))
    np.testing.assert_allclose(slope, [12.0], rtol=1e-5)
    assert len(seen) == 2 and name == "passed_function"  # the worker's stand-in, not ours
    assert submission.optimize({"list": [abs, lambda v: -v]}) == [1.0, -1.0]

    def broken(v):
        raise ValueError("no negative input")

    with pytest.raises(StudentError, match="the function passed in failed: ValueError"):
        submission.predict(broken, -1.0)
    assert submission.predict(float, 2) == 2.0  # the worker goes on


def test_a_worker_cannot_call_a_function_it_was_not_given(sandboxed):
    submission = sandboxed(
        "import json, socket, sys\n"
        "def predict(f, x):\n"
        "    codec = sys.modules['_autograder_codec']\n"
        "    channel = f.__closure__[0].cell_contents\n"
        "    answers = []\n"
        "    for handle in (7, [1], 'x'):\n"
        "        codec.send_message(channel, {'op': 'callback', 'handle': handle,\n"
        "                                     'args': [x], 'kwargs': {}})\n"
        "        answers.append(codec.recv_message(channel))\n"
        "    return [answer['op'] + ': ' + answer.get('error', '') for answer in answers]\n")
    answers = submission.predict(lambda v: v, 1.0)
    assert answers == ["raise: no such function"] * 3


def test_a_scratch_tree_too_deep_and_locked_is_removed(tmp_path):
    """Deeper than recursion and PATH_MAX allow, with a folder whose permission is gone."""
    from autograder.sandbox.scratch import remove_tree, usage

    root = tmp_path / "scratch"
    root.mkdir()
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    for _ in range(3000):
        os.mkdir("d", dir_fd=fd)
        child = os.open("d", os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
        os.close(fd)
        fd = child
    os.close(fd)
    (root / "locked").mkdir()
    (root / "locked" / "kept").write_text("x" * 5000)
    (root / "link").symlink_to(ROOT)  # never followed
    (root / "locked").chmod(0)
    size, entries = usage(str(root), limit=100_000)
    assert entries >= 2000 and size > 0  # counted as deep as paths allow
    remove_tree(str(root))
    assert not root.exists() and ROOT.is_dir()


def test_the_worker_cannot_open_sockets_or_sysv_ipc(sandboxed):
    from autograder.sandbox.jail import seccomp_available

    if not seccomp_available():
        pytest.skip("this kernel or machine has no seccomp filter for the worker")
    submission = sandboxed(
        "import ctypes, socket\n"
        "def predict(w, b, X):\n"
        "    refused = []\n"
        "    for family, kind in ((socket.AF_INET, socket.SOCK_DGRAM),\n"
        "                         (socket.AF_INET6, socket.SOCK_STREAM),\n"
        "                         (socket.AF_UNIX, socket.SOCK_STREAM)):\n"
        "        try:\n"
        "            socket.socket(family, kind)\n"
        "        except PermissionError:\n"
        "            refused.append(int(family))\n"
        "    libc = ctypes.CDLL(None)\n"
        "    made = [libc.shmget(0, 4096, 0o1666), libc.msgget(0, 0o1666)]\n"
        "    a, b = socket.socketpair()  # reaches nothing: still allowed\n"
        "    return refused, made\n")
    refused, made = submission.predict(None, None, None)
    assert len(refused) == 3 and made == [-1, -1]


def test_the_grader_answers_only_the_exercises_the_reference_calls(tmp_path, reference):
    """With the recorded dependencies, propagate may ask the grader for sigmoid but not for
    optimize: a student cannot take another exercise's answer from the grader."""
    path = tmp_path / "student.py"
    path.write_text(
        "import numpy as np\n"
        "def propagate(w, b, X, Y):\n"
        "    out = []\n"
        "    for ask in (lambda: sigmoid(np.zeros(2)), lambda: optimize(w, b, X, Y)):\n"
        "        try:\n"
        "            out.append(type(ask()).__name__)\n"
        "        except Exception as error:\n"
        "            out.append(str(error))\n"
        "    return out\n"
        "def optimize(w, b, X, Y):\n"
        "    return 'the student s own optimize'\n")
    backend = SandboxBackend(path, EXERCISES, reference, FAST)
    backend.allowed = {"propagate": frozenset({"sigmoid"})}
    try:
        answers = Submission(backend, EXERCISES).propagate(np.zeros((2, 1)), 0.0,
                                                           np.ones((2, 3)), np.ones((1, 3)))
    finally:
        backend.close()
    assert answers == ["ndarray", "str"]


def test_driver_work_for_a_callback_is_bounded(sandboxed):
    """Huge iteration counts of any numeric type are refused; what the driver does stays
    inside the call's time budget."""
    from autograder.sandbox.session import _too_big

    assert _too_big([np.int64(10**12)]) and _too_big([{"n": np.float64(1e12)}])
    assert _too_big([np.array(10**9)]) and _too_big([(float("inf"),)])
    assert not _too_big([True, 3, 2.5e9 + 0.5, np.zeros(10**6)])
    submission = sandboxed(
        "import numpy as np\n"
        "def model(X, Y):\n"
        "    try:\n"
        "        optimize(np.zeros((2, 1)), 0.0, X, Y, num_iterations=np.int64(10**12))\n"
        "    except Exception as error:\n"
        "        return str(error)\n", Budget(call_wall=3.0, call_cpu=2.0, cpu_total=30,
                                         exercise_wall=8.0, memory=1 << 30, output=1024))
    said = submission.model(np.ones((2, 3)), np.ones((1, 3)))
    assert "arguments too large for optimize()" in said


def test_the_drivers_answer_stops_at_the_calls_deadline(tmp_path):
    """The reference answering a callback runs in the driver: it is interrupted when the
    student's call runs out of time, instead of holding the grader."""
    class SlowReference:
        def optimize(self, *args, **kwargs):
            started = time.monotonic()
            while time.monotonic() - started < 60:  # as long as a student could make it
                pass
            return "finished"

    path = tmp_path / "student.py"
    path.write_text("def model(x):\n"
                    "    try:\n"
                    "        return optimize(x)\n"
                    "    except Exception as error:\n"
                    "        return str(error)\n")
    backend = SandboxBackend(path, EXERCISES, SlowReference(),
                             Budget(call_wall=2.0, call_cpu=2.0, cpu_total=30,
                                    exercise_wall=20.0, memory=1 << 30, output=1024))
    started = time.monotonic()
    try:
        said = Submission(backend, EXERCISES).model(1.0)
    except StudentError as error:
        said = str(error)
    finally:
        backend.close()
    assert time.monotonic() - started < 30  # the budget held: 2 s asked, 60 s offered
    assert "took longer than the time left" in said or "did not finish within" in said
