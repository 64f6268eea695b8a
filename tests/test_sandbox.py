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
from autograder.submission import StudentError, Submission

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


def test_import_errors_are_reported_once_per_call(sandboxed):
    submission = sandboxed("def sigmoid(z):\n    return (\n")
    with pytest.raises(StudentError, match="importing your submission failed: SyntaxError"):
        submission.sigmoid(0.0)


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
