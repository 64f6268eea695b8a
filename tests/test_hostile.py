"""Hostile and broken submissions, graded in one batch beside an honest student.

The corpus (``tests/hostile/``, see its README) runs under each sandbox layer that can hold
it on this machine: bubblewrap's namespaces, and without them the uid drop (root) or Landlock
(other users). The bare ``process`` level cannot stop a submission from reading or writing
what the grading user can, so the corpus is not run there.
"""

from __future__ import annotations

import csv
import math
import os
import shutil
import sys
import sysconfig
import time
from pathlib import Path

import pytest

from autograder.sandbox.jail import DEFAULT_BUDGET, UID_BASE, WORKER, landlock_abi, sandbox_level
from tests.test_cli import run_cli
from tests.test_grading import EXERCISES, LR_SOURCE, ROOT, read_gradebook

pytestmark = pytest.mark.slow
HOSTILE = ROOT / "tests" / "hostile"
JOBS = 2
ZEROS = '''import math

import numpy as np


def preprocess(images):
    return np.zeros((int(np.prod(images.shape[1:])), images.shape[0]))


def sigmoid(z):
    return np.zeros_like(np.asarray(z, dtype=float))


def initialize_with_zeros(dim):
    return np.zeros((dim, 1)), 0.0


def propagate(w, b, X, Y):
    return {"dw": np.zeros_like(w, dtype=float), "db": 0.0}, 0.0


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = [0.0] * math.ceil(num_iterations / 100)
    return {"w": np.zeros_like(w, dtype=float), "b": 0.0}, {"dw": np.zeros_like(w, dtype=float),
            "db": 0.0}, costs


def predict(w, b, X):
    return np.zeros((1, X.shape[1]))


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    return {"costs": [0.0] * math.ceil(num_iterations / 100),
            "Y_prediction_test": np.zeros((1, X_test.shape[1])),
            "Y_prediction_train": np.zeros((1, X_train.shape[1])),
            "w": np.zeros((X_train.shape[0], 1)), "b": 0.0,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
'''


def honest_exercises(path: Path) -> list[str]:
    """The `# honest:` header, read as bytes (some files are not UTF-8), else the README."""
    for line in path.read_bytes().splitlines()[:5]:
        if line.startswith(b"# honest:"):
            names = line.split(b":", 1)[1].decode("ascii").split()
            return [] if names == ["none"] else names
    for line in (HOSTILE / "README.md").read_text().splitlines():
        if line.startswith(f"| `{path.name}` |"):
            names = line.split("|")[3].split()
            return [] if names == ["none"] else names
    raise AssertionError(f"{path.name} is in neither its header nor the README")


def _fingerprint(roots: list[Path]) -> dict[str, tuple[int, int]]:
    """{path: (size, mtime)} of every file under ``roots``, skipping bytecode caches."""
    found = {}
    for root in roots:
        for path in sorted(root.rglob("*")) if root.is_dir() else [root]:
            if path.is_file() and not {"__pycache__", ".git", ".pytest_cache",
                                       ".hypothesis"} & set(path.parts):
                stat = path.stat()
                found[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return found


def _leftovers(markers: list[str]) -> list[str]:
    """Processes that a submission started and that are still alive."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            uid = int((entry / "status").read_text().split("\nUid:")[1].split()[0])
        except (OSError, IndexError, ValueError):
            continue
        # a worker's children run the zygote's command line, which names worker.py
        if any(marker in cmdline for marker in markers) or uid >= UID_BASE \
                or cmdline.strip() == "sleep 60" or str(WORKER) in cmdline:
            alive.append(f"{entry.name}: {cmdline[:120]}")
    return alive


def _layer(name: str) -> str:
    """The AUTOGRADER_SANDBOX cap for a layer, or skip when this machine lacks it."""
    if name == "namespace":
        got = sandbox_level()
        if got != "namespace":
            pytest.skip("bubblewrap namespaces are unavailable here: "
                        + sandbox_level(explain=True))
        return "namespace"
    wanted = "uid" if os.geteuid() == 0 else "landlock"
    os.environ["AUTOGRADER_SANDBOX"] = wanted
    try:
        got = sandbox_level()
    finally:
        del os.environ["AUTOGRADER_SANDBOX"]
    if got != wanted:
        pytest.skip(f"the {wanted} layer is unavailable here: {sandbox_level(explain=True)}")
    return wanted


def _uncontainable(level: str) -> dict[str, str]:
    """Hostile files this layer cannot contain on this machine's kernel, with the reason."""
    if level == "landlock" and landlock_abi() < 6:
        return {"46_kill_the_grader": f"Landlock ABI {landlock_abi()} < 6 (Linux < 6.12) cannot "
                                      "stop a worker from signalling the grader, which runs as "
                                      "the same user"}
    return {}


@pytest.fixture(scope="module", params=["namespace", "without-namespaces"])
def batch(request, tmp_path_factory):
    """The whole corpus, an honest student and a zeros baseline, graded in one batch."""
    level = _layer(request.param)
    base = tmp_path_factory.mktemp(f"hostile-{level}")
    folder, out, decoy = base / "class", base / "out", base / "old-run"
    folder.mkdir()
    skipped = _uncontainable(level)
    for path in sorted(HOSTILE.glob("*.py")):
        if path.stem not in skipped:
            shutil.copy(path, folder / path.name)
    shutil.copy(LR_SOURCE, folder / "honest.py")
    (folder / "zeros.py").write_text(ZEROS)
    decoy.mkdir()  # an earlier run's output, which tampering submissions hunt for
    (decoy / "gradebook.csv").write_text("student,score,max_score\nhonest,100,100\n")
    (decoy / "manifest.json").write_text('{"sandbox_level": "uid"}\n')
    watched = [folder, decoy, ROOT / "solutions", ROOT / "autograder", ROOT / "tests" / "corpus",
               *{Path(p) for p in (sysconfig.get_paths()["purelib"],
                                   sysconfig.get_paths()["stdlib"])}]
    before = _fingerprint(watched)
    students = len(list(folder.glob("*.py")))
    # a stated bound, not a speed check: every submission is capped by its own wall budget
    per_student = len(EXERCISES) * DEFAULT_BUDGET.exercise_wall + DEFAULT_BUDGET.import_wall
    bound = math.ceil(students / JOBS) * per_student + 300
    started = time.monotonic()
    done = run_cli("grade", "logistic_regression", str(folder), "--out", str(out),
                   "--jobs", str(JOBS), timeout=bound, env={"AUTOGRADER_SANDBOX": level})
    seconds = time.monotonic() - started
    assert done.returncode == 0, done.stderr[-3000:]
    print(f"\n{level}: {students} submissions in {seconds:.0f} s (bound {bound} s)")
    time.sleep(1)
    return {"level": level, "book": read_gradebook(out), "out": out, "folder": folder,
            "before": before, "after": _fingerprint(watched), "stdout": done.stdout,
            "alive": _leftovers([str(folder), str(base)]), "seconds": seconds,
            "skipped": skipped}


def test_the_layer_is_the_one_asked_for_and_recorded(batch):
    import json

    manifest = json.loads((batch["out"] / "manifest.json").read_text())
    assert manifest["sandbox_level"] == batch["level"]
    assert f"sandbox level: {batch['level']}" in batch["stdout"]


def test_honest_neighbour_keeps_full_marks_and_its_files(batch):
    book, out = batch["book"], batch["out"]
    assert book["honest"]["score"] == book["honest"]["max_score"] == "100"
    assert "Every hidden check passed." in (out / "honest" / "feedback.md").read_text()
    with open(out / "gradebook.csv", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == len(list(batch["folder"].glob("*.py")))


@pytest.mark.parametrize("path", sorted(HOSTILE.glob("*.py")), ids=lambda p: p.stem)
def test_hostile_file_earns_no_more_than_its_honest_code(batch, path):
    if path.stem in batch["skipped"]:
        pytest.skip(batch["skipped"][path.stem])
    book = batch["book"]
    row, full, zeros = book[path.stem], book["honest"], book["zeros"]
    assert row["score"] != "error", row
    honest = honest_exercises(path)
    for name in EXERCISES:
        if name in honest:
            assert row[name] == full[name], f"{path.name}: honest {name} lost points: {row}"
        elif path.stem.startswith(("44_", "45_")):
            # they game the suite, not the sandbox: some course examples are public
            assert float(row[name]) < float(full[name]), f"{path.name}: full marks in {name}"
        else:
            assert float(row[name]) <= float(zeros[name]), \
                f"{path.name}: {name} earned {row[name]}, zeros earn {zeros[name]}"


def test_no_process_outlives_the_run(batch):
    assert batch["alive"] == []


def test_no_file_outside_scratch_changed(batch):
    before, after = batch["before"], batch["after"]
    changed = sorted(path for path in before.keys() | after.keys()
                     if before.get(path) != after.get(path))
    assert changed == []
    planted = [p for p in map(Path, sys.path) if (p / "zz_hostile_marker.pth").exists()]
    assert planted == []
