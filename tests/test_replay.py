"""Replaying recorded examples grades exactly as running hypothesis on every submission does."""

from __future__ import annotations

import numpy as np
import pytest

from autograder.plugin import import_trusted, load_reference
from autograder.replay import Example, MemoReference, Prefetching, plain_copy, result_key
from autograder.runner import grade_many_in_process, record_suite
from autograder.sandbox import codec
from autograder.submission import Call, InProcessBackend, StudentError
from tests.conftest import COURSE
from tests.test_grading import CORPUS, ROOT

NAME = "logistic_regression"


@pytest.fixture(scope="module")
def recording():
    return record_suite(COURSE.assignment(NAME))


def test_every_hidden_test_of_the_suite_is_replayed(recording):
    assert len(recording.tests) == 39
    assert recording.cheap["optimize"] == {"propagate"}  # a loop of propagate calls
    assert "optimize" not in recording.cheap["model"]  # each optimize call loops itself


@pytest.mark.slow
def test_replay_agrees_with_hypothesis_on_the_corpus(recording):
    """Every test's score and message, for every correct and buggy variant of the corpus:
    hypothesis live (every call answered by the reference) against the replay (recorded
    examples, cached reference, the student's own cheap dependencies once they pass)."""
    assignment = COURSE.assignment(NAME)
    reference = load_reference(assignment)
    exercises = assignment.exercises()
    # (no_effort/random_values draws from one generator: no two runs agree, by design)
    paths = sorted(CORPUS.glob("correct/*.py")) + sorted(CORPUS.glob("buggy/*.py")) + [
        ROOT / "solutions" / NAME / f"{NAME}.py"]
    modules = {f"{p.parent.name}/{p.stem}": import_trusted(p, f"_corpus_{p.parent.name}_{p.stem}")
               for p in paths}
    openers = {student: (lambda m=module: InProcessBackend(m, reference, exercises))
               for student, module in modules.items()}
    live = grade_many_in_process(assignment, openers, capture="no")
    replayed = grade_many_in_process(assignment, openers, capture="no", recording=recording)
    differ = {}
    for student in modules:
        pairs = zip(live[student].tests, replayed[student].tests, strict=True)
        wrong = [(a.name, a.score, b.score, a.message, b.message) for a, b in pairs
                 if (a.name, a.score, a.message) != (b.name, b.score, b.message)]
        if wrong:
            differ[student] = wrong
    assert differ == {}
    assert all(live[s].score < 100 for s in modules if s.startswith("buggy/"))


def test_plain_copy_shares_nothing():
    value = {"w": np.zeros(2), "pair": (np.ones(1), [1.5, "x"])}
    copied = plain_copy(value)
    copied["w"][0] = 7
    copied["pair"][1].append(2)
    assert value["w"][0] == 0 and value["pair"][1] == [1.5, "x"]


def test_result_key_sees_values_and_changed_arguments():
    w = np.zeros((2, 1))
    same = result_key(Call(1.5, (w,), {}), codec.fingerprint(((w,), {})))
    assert same == result_key(Call(1.5, None, None), None)  # unchanged arguments
    changed = result_key(Call(1.5, (w + 1,), {}), codec.fingerprint(((w,), {})))
    assert changed != same and changed.startswith(same)
    assert result_key(Call(1.5, None, None), None) != result_key(Call(2.5, None, None), None)
    assert result_key(Call(codec.Unsupported("x.Y"), None, None), None) == ""


class Counting:
    """A backend that counts the calls that reach it."""

    def __init__(self):
        self.calls = []

    def call(self, name, args, kwargs):
        self.calls.append(name)
        return Call(f"live {name}", args, kwargs)

    def close(self):
        pass


def test_prefetched_results_serve_only_the_calls_they_were_fetched_for():
    backend = Counting()
    prefetched = Prefetching(backend)
    z = np.zeros(2)
    keys = [codec.fingerprint(("sigmoid", (z,), {})), codec.fingerprint(("sigmoid", (z + 1,), {}))]
    prefetched.load([("t", 0), ("t", 0)], keys,
                    [Call("batch 0", None, None), StudentError("it hung")])
    prefetched.current = ("t", 0)
    assert prefetched.call("sigmoid", (z,), {}).value == "batch 0"
    assert prefetched.call("sigmoid", (z,), {}).value == "live sigmoid"  # not the next one
    with pytest.raises(StudentError, match="it hung"):
        prefetched.call("sigmoid", (z + 1,), {})
    prefetched.current = ("t", 1)
    assert prefetched.call("sigmoid", (z + 1,), {}).value == "live sigmoid"
    assert backend.calls == ["sigmoid", "sigmoid"]


def test_an_example_is_known_by_the_results_of_all_its_calls():
    z = np.zeros(2)
    example = Example({}, False, calls=[("sigmoid", (z,), {})])
    keys = {}
    for label, result in (("half", Call(np.full(2, 0.5), None, None)),
                          ("quarter", Call(np.full(2, 0.25), None, None)),
                          ("raised", StudentError("no"))):
        prefetched = Prefetching(Counting())
        prefetched.load([("t", 0)], [codec.fingerprint(("sigmoid", (z,), {}))], [result])
        prefetched.current = ("t", 0)
        keys[label] = prefetched.keys(example)
        prefetched.current = ("t", 1)  # nothing fetched for it
        assert prefetched.keys(example) is None
    assert keys["half"] == (result_key(Call(np.full(2, 0.5), None, None), None),)
    assert keys["quarter"] != keys["half"] and keys["raised"] is None


def test_the_cached_reference_answers_copies_and_counts_nested_calls():
    assignment = COURSE.assignment(NAME)
    module = load_reference(assignment)
    cached = MemoReference(module, assignment.exercises())
    module.sigmoid = cached.sigmoid  # as while recording: the module's own calls go through it
    w, X, Y = np.zeros((2, 1)), np.ones((2, 3)), np.array([[1, 0, 1]])
    first, _ = cached.propagate(w, 0.0, X, Y)
    first["dw"][0, 0] = 99.0
    again, _ = cached.propagate(w, 0.0, X, Y)
    assert again["dw"][0, 0] != 99.0
    assert cached.counts["propagate"] == [2, 1]  # two calls; the first asked sigmoid once
    assert cached.counts["sigmoid"] == [0, 0]  # sigmoid was only ever called inside


def test_the_cached_reference_keeps_a_bounded_number_of_bytes():
    """A submission asking the reference about many large inputs adds at most its own share
    to the cache, and the cache as a whole stays under its limit."""
    class Module:
        def double(self, x):
            return 2 * x

    cached = MemoReference(Module(), ["double"], limit=3 << 20, per_submission=2 << 20)
    megabyte = [np.full(1 << 17, float(i)) for i in range(8)]  # 1 MiB each
    for x in megabyte:
        cached.double(x)
    assert cached._bytes <= 2 << 20  # this submission's share
    cached.next_submission()
    for x in megabyte[4:]:
        cached.double(x + 0.5)
    assert cached._bytes <= 3 << 20  # the least recently used went
    np.testing.assert_array_equal(cached.double(megabyte[0]), 2 * megabyte[0])
