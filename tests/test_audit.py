"""The audit: mutants of the reference, equivalence, what the hidden suite catches."""

from __future__ import annotations

import ast
import re

import pytest

from autograder.audit import audit, mutants, same
from autograder.course import Course
from tests.test_cli import run_cli

pytestmark = pytest.mark.slow


def test_every_exercise_of_logistic_regression_has_mutants_that_compile(lr):
    found = mutants(lr)
    assert {mutant.exercise for mutant in found} == set(lr.exercises())
    kinds = {mutant.kind for mutant in found}
    assert {"operator", "constant", "deletion", "arguments", "transpose"} <= kinds
    for mutant in found:
        tree = ast.parse(mutant.source)
        assert tree.body[0].name == mutant.exercise, mutant.change


def test_same_tells_types_shapes_and_values_apart():
    import numpy as np

    assert same({"w": np.zeros((2, 1)), "b": 0.0}, {"w": np.zeros((2, 1)), "b": 0.0})
    assert not same(np.zeros((2, 1)), np.zeros(2))
    assert not same(np.zeros(2), np.zeros(2, dtype=np.float32))
    assert not same(0.0, 1e-6) and not same(0, 0.0) and not same([1.0], (1.0,))


@pytest.fixture
def demo(tmp_path):
    """A fresh course with the scaffolded assignment `demo` (one exercise, `scale`)."""
    assert run_cli("new", "demo", cwd=tmp_path).returncode == 0
    return tmp_path


def test_a_weak_suite_leaves_survivors_that_the_audit_names(demo):
    """With only factor 1 tested, scale's `/` for `*` survives (a deleted `return` does not):
    the audit lists it, exits 1,
    and `check` fails its audit line; the full suite catches every mutant."""
    tests = demo / "solutions" / "demo" / "tests" / "test_scale.py"
    strong = audit(Course(demo).assignment("demo"))
    assert strong.hidden_share == 1.0 and not strong.survivors and not strong.flaky
    assert strong.ok and strong.stubs == (0.0, 5.0)
    assert "- the released stubs: 0/5" in strong.table()
    text = tests.read_text()
    start = text.index("@pytest.mark.public")
    tests.write_text(text[:start] + '''\
@pytest.mark.public
@pytest.mark.exercise("scale", points=5)
def test_factor_one(submission):
    """scale(x, 1.0) is x"""
    x = np.array([1.0, 2.0])
    expect_close(submission.scale(x, 1.0), x, "scale(x, 1.0)")
''')
    assert run_cli("release", "demo", cwd=demo).returncode == 0
    # (a new process: this one has imported the strong suite)
    done = run_cli("audit", "demo", cwd=demo)
    assert done.returncode == 1
    report = (demo / "audit-demo.md").read_text()
    assert re.search(r"\| scale \| 3 \| 0 \| 3 \| 2 \(66\.7 %\) \| 2 \(66\.7 %\) \|", report)
    survivors = report.split("## Survivors")[1].split("##")[0]
    assert re.findall(r"^- .*$", survivors, re.M) == ["- scale, line 34: / for *"]
    checked = run_cli("check", "demo", cwd=demo)
    assert checked.returncode == 1
    assert "FAIL  audit: the hidden suite catches the reference's mutants: it catches 66.7 %" \
        in checked.stdout
