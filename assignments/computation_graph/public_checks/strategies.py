"""Public tests of `computation_graph`, copied by `autograder release` from the hidden
suite's tests/strategies.py with the helpers they use. Generated: do not edit."""

from __future__ import annotations
import numpy as np
from checks import expect_dict, lenient


#: The lecture's example, a = 5, b = 3, c = 2, and its published values.
LECTURE = (5.0, 3.0, 2.0)


LECTURE_FORWARD = {"u": 6.0, "v": 11.0, "J": 33.0}


LECTURE_BACKWARD = {"dv": 3.0, "du": 3.0, "da": 3.0, "db": 6.0, "dc": 9.0}


FORWARD_KEYS = ["u", "v", "J"]


BACKWARD_KEYS = ["dv", "du", "da", "db", "dc"]


LOGISTIC_FORWARD_KEYS = ["z", "a", "L"]


LOGISTIC_BACKWARD_KEYS = ["da", "dz", "dw1", "dw2", "db"]


def values(got, keys: list[str], what: str) -> dict[str, np.ndarray]:
    """The student's dict, each entry as a float64 number (value tests compare leniently)."""
    got = expect_dict(got, keys, what)
    return {key: lenient(got[key], (), f"{what}[{key!r}]") for key in keys}


def cubes(v):
    """The sum of the cubes of the entries; its gradient is 3·v²."""
    return float(np.sum(np.asarray(v, dtype=float) ** 3))
