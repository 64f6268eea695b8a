"""Replay a hidden suite's examples: hypothesis draws them once per batch, not per submission.

Under the grading profile (derandomized, no database, no shrinking, one failure per property)
hypothesis is a pure function of the test: every submission meets the same examples in the
same order, the first failing one ends the test, and a failing generated example is run once
more to tell a real failure from a flaky one. Drawing the examples costs far more than
checking them, so a batch runs the suite once on the reference with hypothesis
(:func:`record`), keeping every example's arguments, and then runs each test's *body* on
those arguments for each submission (:func:`replay`), exactly as hypothesis would have:

- examples in the recorded order, ``@example`` ones first; one whose ``assume`` fails is
  skipped;
- the first failing example ends the test; a generated one is run again, and when it then
  passes the failure is reported as flaky (``FlakyFailure``, as hypothesis does);
- ``st.data()`` draws come back in the recorded order.

A test is replayed only when its body asks for no fixture but ``submission`` and
``reference`` (and parametrize arguments), when its examples survive the wire codec
unchanged, and when replaying it on the reference gives what hypothesis gave; any other test
runs through pytest and hypothesis for every submission. ``tests/test_replay.py`` grades the
corpus both ways and compares every test's score.

Example::

    recording = record_items(items, run_item)    # once, on the reference
    error = replay(recording[item.nodeid], item, {"submission": s, "reference": r})
"""

from __future__ import annotations

import copy
import functools
import inspect
import warnings
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pytest
from hypothesis import Phase
from hypothesis.errors import (
    FlakyFailure,
    HypothesisDeprecationWarning,
    StopTest,
    UnsatisfiedAssumption,
)
from hypothesis.strategies import DataObject

from .sandbox import codec
from .submission import Call, StudentError

#: the fixtures a replayed body may ask for; the runner provides both
FIXTURES = frozenset({"submission", "reference"})
_DATA = codec.Unsupported("hypothesis.DataObject")  # stands for st.data() in kwargs

# assume() outside hypothesis' own loop still raises UnsatisfiedAssumption, with a warning
warnings.filterwarnings("ignore", "Using `assume` outside", HypothesisDeprecationWarning)


@dataclass
class Example:
    """One example of one test: its drawn arguments, its ``st.data()`` draws, the calls its
    body made on the submission (name, args, kwargs, as passed), what the reference returned
    for each (see :func:`result_key`), and whether the body passed on the reference."""

    kwargs: dict
    explicit: bool
    draws: list = field(default_factory=list)
    calls: list = field(default_factory=list)
    results: list = field(default_factory=list)
    passed: bool = True


@dataclass
class Recording:
    """What one run of the suite on the reference left for the batch: each replayable test's
    examples (a codec payload per test id); for each exercise the other exercises it calls
    that are cheap to run in the worker (see ``runner._SuitePlugin.run``); and ``deps``, for
    each exercise the others its reference calls at all: the only ones the grader answers
    while that exercise runs (None when unknown: then every other exercise)."""

    tests: dict[str, bytes] = field(default_factory=dict)
    cheap: dict[str, frozenset[str]] = field(default_factory=dict)
    deps: dict[str, frozenset[str]] | None = None

    def to_bytes(self) -> bytes:
        """One codec payload (no pickle), for a file or another grading process."""
        return codec.encode({
            "tests": {nodeid: np.frombuffer(payload, np.uint8)
                      for nodeid, payload in self.tests.items()},
            "cheap": {name: sorted(called) for name, called in self.cheap.items()},
            "deps": None if self.deps is None else
            {name: sorted(called) for name, called in self.deps.items()}})

    @classmethod
    def from_bytes(cls, payload: bytes) -> Recording:
        """The inverse of :meth:`to_bytes`; CodecError or ValueError when it is not one."""
        data = codec.decode(payload)
        if not isinstance(data, dict) or set(data) != {"tests", "cheap", "deps"}:
            raise ValueError("not a recording")
        deps = data["deps"]
        return cls({nodeid: array.tobytes() for nodeid, array in data["tests"].items()},
                   {name: frozenset(called) for name, called in data["cheap"].items()},
                   None if deps is None else {name: frozenset(called)
                                              for name, called in deps.items()})


def dependencies(counts: dict[str, dict[str, list[int]]]) -> dict[str, frozenset[str]]:
    """{exercise: the exercises it calls}, from ``counts`` (see :func:`cheap_dependencies`),
    measured on the reference."""
    return {name: frozenset(called for called, (calls, _) in deps.items() if calls)
            for name, deps in counts.items()}


def cheap_dependencies(counts: dict[str, dict[str, list[int]]]) -> dict[str, frozenset[str]]:
    """{exercise: the exercises it calls whose calls make at most one further call each}, from
    ``counts`` ({exercise: {called: [calls, calls those made]}}, measured on the reference).
    Counting, not timing, decides, so every machine decides alike."""
    return {name: frozenset(called for called, (calls, inner) in deps.items()
                            if calls and inner <= calls)
            for name, deps in counts.items()}


def result_key(call: Call, before: bytes | None) -> str:
    """What a test body can see of a call's result, as text: the value's fingerprint, and the
    arguments' after the call unless the call left them as they were (``before``).
    Two calls with the same key look the same to any test."""
    value = codec.fingerprint(call.value)
    after = None if call.args is None else codec.fingerprint((call.args, call.kwargs))
    if value is None or call.args is not None and after is None:
        return ""  # not plain data: never equal to anything
    return value.hex() + ("" if after is None or after == before else after.hex())


def plain_copy(value):
    """A deep copy of plain data (dicts, lists, tuples, arrays, numbers) that is fast for it.

    Example: plain_copy({"w": np.zeros(2)}) -> a new dict holding a new array
    """
    kind = type(value)
    if kind is np.ndarray:
        return value.copy()
    if kind in (float, int, bool, str) or value is None or isinstance(value, np.generic):
        return value
    if kind is dict:
        return {key: plain_copy(item) for key, item in value.items()}
    if kind is list:
        return [plain_copy(item) for item in value]
    if kind is tuple:
        return tuple(plain_copy(item) for item in value)
    return copy.deepcopy(value)


def _drawn(kwargs: dict) -> dict:
    """The arguments hypothesis drew, without the ``st.data()`` stand-ins."""
    return {key: value for key, value in kwargs.items()
            if not isinstance(value, codec.Unsupported)}


def identical(a, b) -> bool:
    """a and b are equal plain values of the same types (arrays: dtype, shape and bytes)."""
    key = codec.fingerprint(a)
    return key is not None and key == codec.fingerprint(b)


class _RecordingData:
    """Stands in for ``st.data()`` while recording: draws as usual and keeps each value.
    ``failed`` says whether hypothesis itself gave up on a draw (the example is invalid)."""

    def __init__(self, data: DataObject, draws: list):
        self._data, self._draws = data, draws
        self.failed = False

    def draw(self, strategy, label=None):
        try:
            value = self._data.draw(strategy, label=label)
        except (UnsatisfiedAssumption, StopTest):
            self.failed = True
            raise
        self._draws.append(plain_copy(value))
        return value


class _ReplayData:
    """Stands in for ``st.data()`` while replaying: hands back the recorded draws in order."""

    def __init__(self, draws: list):
        self._draws = iter(draws)

    def draw(self, strategy, label=None):
        try:
            return plain_copy(next(self._draws))
        except StopIteration:
            raise RuntimeError("the test drew more from st.data() than when it was recorded; "
                               "draws must not depend on the submission") from None


def given_function(item: pytest.Item):
    """The hypothesis-wrapped test function of ``item``, or None for a plain test."""
    function = getattr(item, "obj", None)
    return function if hasattr(function, "hypothesis") else None


def _params(item: pytest.Item) -> dict:
    """The item's ``@pytest.mark.parametrize`` arguments."""
    return dict(getattr(getattr(item, "callspec", None), "params", {}))


def replayable(item: pytest.Item) -> bool:
    """Whether ``item`` needs no fixture but those the replay provides (and what they use)."""
    allowed = FIXTURES | {"pytestconfig", "request"} | set(_params(item))
    return isinstance(item, pytest.Function) and set(item.fixturenames) <= allowed


class Recorder:
    """Records the examples hypothesis runs for one test and the calls each makes."""

    def __init__(self):
        self.examples: list[Example] = []

    def add_call(self, name: str, args: tuple, kwargs: dict, result: Call | None) -> None:
        """Note a call the current example's body made on the submission, and its result
        (None when it raised)."""
        if self.examples:
            example = self.examples[-1]
            example.calls.append((name, plain_copy(args), plain_copy(kwargs)))
            before = codec.fingerprint((args, kwargs))
            example.results.append("" if result is None else result_key(result, before))

    def run(self, item: pytest.Item, run_item: Callable[[], None]) -> list[Example]:
        """Run ``item`` once with ``run_item()`` and return its examples."""
        function = given_function(item)
        if function is None:
            self.examples = [Example({}, explicit=True)]
            run_item()
            return self.examples
        inner = function.hypothesis.inner_test
        settings = function._hypothesis_internal_use_settings
        explicit = len(getattr(function, "hypothesis_explicit_examples", ())) \
            if Phase.explicit in settings.phases else 0
        fixtures = set(item.fixturenames)

        @functools.wraps(inner)  # same source and signature: hypothesis seeds from them
        def recording(*args, **kwargs):
            drawn = {key: value for key, value in kwargs.items() if key not in fixtures}
            example = Example({}, explicit=len(self.examples) < explicit)
            data = []
            for key, value in drawn.items():
                if isinstance(value, DataObject):
                    example.kwargs[key] = _DATA
                    kwargs[key] = _RecordingData(value, example.draws)
                    data.append(kwargs[key])
                else:
                    example.kwargs[key] = plain_copy(value)
            self.examples.append(example)
            try:
                return inner(*args, **kwargs)
            except (UnsatisfiedAssumption, StopTest):
                # a draw that hypothesis gave up on leaves nothing to replay: hypothesis drops
                # the example, and so does the recording (an assume() in the body replays)
                if any(recording_data.failed for recording_data in data):
                    self.examples = [kept for kept in self.examples if kept is not example]
                raise
            except BaseException:
                example.passed = False
                raise

        function.hypothesis.inner_test = recording
        try:
            run_item()
        finally:
            function.hypothesis.inner_test = inner
        return self.examples


def to_payload(examples: list[Example]) -> bytes:
    """The examples of one test as one codec payload (no pickle)."""
    return codec.encode([[e.kwargs, e.explicit, e.draws, [list(c) for c in e.calls],
                          e.results, e.passed] for e in examples])


def from_payload(payload: bytes) -> list[Example]:
    """The inverse of :func:`to_payload`."""
    return [Example(kwargs, explicit, draws, [tuple(call) for call in calls], results, passed)
            for kwargs, explicit, draws, calls, results, passed in codec.decode(payload)]


def survives_codec(examples: list[Example], payload: bytes) -> bool:
    """Whether every recorded value comes back from the codec as it went in."""
    back = from_payload(payload)
    return all(identical(_drawn(a.kwargs), _drawn(b.kwargs)) and identical(a.draws, b.draws)
               for a, b in zip(examples, back, strict=True))


def _run_once(body, fixtures: dict, example: Example) -> BaseException | None:
    kwargs = {key: _ReplayData(example.draws) if isinstance(value, codec.Unsupported)
              else plain_copy(value) for key, value in example.kwargs.items()}
    try:
        body(**fixtures, **kwargs)
    except UnsatisfiedAssumption:
        return None
    except Exception as error:
        return error
    return None


def replay(examples: list[Example], item: pytest.Item, fixtures: dict,
           prefetched: Prefetching | None = None,
           passing: dict[tuple, set] | None = None) -> BaseException | None:
    """Run ``item``'s body on each recorded example; the error that fails the test, or None.

    ``fixtures`` maps fixture names to values; only those the body asks for are passed. With
    ``prefetched`` (the submission's backend), an example whose calls all returned exactly
    what they returned for a submission on which it passed (the reference, or an earlier one:
    ``passing`` keeps them, per example) passes again without running its body: the body is a
    deterministic function of the example and of those results.
    """
    function = given_function(item)
    body = function.hypothesis.inner_test if function is not None else item.obj
    wanted = inspect.signature(body).parameters
    asked = {name: value for name, value in fixtures.items() if name in wanted}
    asked.update(_params(item))
    passing = {} if passing is None else passing
    for index, example in enumerate(examples):
        keys = seen = None
        if prefetched is not None:
            prefetched.current = (item.nodeid, index)
            seen = passing.setdefault(prefetched.current, {tuple(example.results)}
                                      if example.passed else set())
            keys, live = prefetched.keys(example), prefetched.live
            if keys is not None and keys in seen:
                prefetched.use_up()
                continue
        error = _run_once(body, asked, example)
        if error is None:
            if keys is not None and prefetched.live == live and len(seen) < PASSING_KEPT:
                seen.add(keys)
            continue
        if example.explicit:
            return error
        again = _run_once(body, asked, example)
        if again is None:
            return FlakyFailure("Hypothesis produces unreliable results: failed on the first "
                                "call but did not on a subsequent one", [error])
        return again
    return None


#: how many passing result patterns each example remembers (a bound on memory)
PASSING_KEPT = 32


def _size(value) -> int:
    """Roughly the bytes a plain value holds (arrays by their data, the rest a word each)."""
    kind = type(value)
    if kind is np.ndarray:
        return value.nbytes + 112
    if kind is dict:
        return 64 + sum(_size(item) for item in value.values())
    if kind is list or kind is tuple:
        return 64 + sum(_size(item) for item in value)
    return 32


class MemoReference:
    """The reference module behind a cache: each distinct call of an exercise runs once.

    Hidden tests ask the reference for the same expected values for every submission; the
    cache answers them with copies. Calls whose arguments are not plain data, or that modify
    their arguments, are not cached. Memory is bounded: the cache keeps at most ``limit``
    bytes, the least recently used going first, and one submission (see
    :meth:`next_submission`) adds at most ``per_submission`` bytes, so a student whose code
    calls the reference on large inputs of its choosing cannot fill it.
    ``counts`` maps each exercise to [calls from outside, calls its calls made in turn].
    """

    def __init__(self, module, exercises: list[str], limit: int = 256 << 20,
                 per_submission: int = 32 << 20):
        self.module, self._exercises = module, set(exercises)
        self._limit, self._per_submission = limit, per_submission
        self._memo: OrderedDict[bytes, tuple[object, int]] = OrderedDict()
        self._bytes = self._added = 0
        self.counts: dict[str, list[int]] = {name: [0, 0] for name in exercises}
        self._outer: list[str] = []  # the outermost call running, if any

    def next_submission(self) -> None:
        """A new submission starts: it may add its own ``per_submission`` bytes."""
        self._added = 0

    def _keep(self, key: bytes, value) -> None:
        size = _size(value)
        if size > self._per_submission - self._added:
            return
        self._added += size
        self._memo[key] = (plain_copy(value), size)
        self._bytes += size
        while self._bytes > self._limit:
            _, (_, dropped) = self._memo.popitem(last=False)
            self._bytes -= dropped

    def __getattr__(self, name: str):
        attribute = getattr(self.module, name)
        if name not in self._exercises:
            return attribute

        def cached(*args, **kwargs):
            outer = self._outer
            self.counts[outer[0] if outer else name][bool(outer)] += 1
            key = codec.fingerprint((name, args, kwargs))
            if key is not None and key in self._memo:
                self._memo.move_to_end(key)
                return plain_copy(self._memo[key][0])
            outer.append(name)
            try:
                value = attribute(*args, **kwargs)
            finally:
                outer.pop()
            if key is not None and codec.fingerprint((name, args, kwargs)) == key:
                self._keep(key, value)
            return value

        cached.__name__ = name
        return cached


class Prefetching:
    """A submission backend that serves calls fetched ahead in a batch.

    While example ``current`` ((test id, example index)) runs, a call that matches the next
    call recorded for it (same name and arguments) gets the batch's result; any other call
    goes to ``backend`` as usual, so a body that strays from its recording is still graded
    exactly.
    """

    def __init__(self, backend):
        self.backend = backend
        self.current: tuple | None = None
        self.live = 0  # calls that went to the backend
        self._queues: dict[tuple, deque] = {}

    def load(self, slots: list[tuple], keys: list[bytes | None], results: list) -> None:
        """Queue ``results[i]`` for the call whose fingerprint (of name, args and kwargs) is
        ``keys[i]``, to be served while example ``slots[i]`` runs."""
        self._queues.clear()
        for slot, key, result in zip(slots, keys, results, strict=True):
            self._queues.setdefault(slot, deque()).append((key, result))

    def keys(self, example: Example) -> tuple[str, ...] | None:
        """The result keys of the current example's calls, when every one of them was
        fetched and returned a value; else None."""
        queue = self._queues.get(self.current)
        if not queue or len(queue) != len(example.calls):
            return None
        keys = tuple(result_key(result, None) if isinstance(result, Call) else ""
                     for _, result in queue)
        return None if "" in keys else keys

    def use_up(self) -> None:
        """Drop the current example's fetched results: its body will not run."""
        self._queues.pop(self.current, None)

    def call(self, name: str, args: tuple, kwargs: dict) -> Call:
        queue = self._queues.get(self.current)
        if queue and queue[0][0] == codec.fingerprint((name, args, kwargs)):
            _, result = queue.popleft()
            if isinstance(result, StudentError):
                raise result
            if result is not None:
                return Call(result.value, args if result.args is None else result.args,
                            kwargs if result.kwargs is None else result.kwargs)
        self.live += 1
        return self.backend.call(name, args, kwargs)

    def close(self) -> None:
        self._queues.clear()
        self.backend.close()
