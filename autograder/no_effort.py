"""Submissions that do nothing useful, made from the reference: ``autograder check`` grades
them to prove that an assignment's tests give no points for no effort.

Each *imitation* answers every exercise with something a student could return without
solving it: the reference's results with every number replaced (``zeros``, ``halves``,
``random``: the right types and shapes, the wrong values), its first argument
(``identity``), ``None``, or a string. An imitation that happens to be right for an
exercise (zeros, for an exercise that returns zeros) is not held to 0 there: the wrapper
notes, call by call, whether what it returned differs from the reference's result.

Example::

    namespace, differs = imitation(reference, ["sigmoid"], "halves")
    namespace["sigmoid"](np.zeros(2))  # array([0.5, 0.5]); differs == set(): that was right
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import numpy as np

from .replay import identical


def _numbers(value, fill: Callable[[tuple, np.dtype], np.ndarray]):
    """``value`` with each number replaced by ``fill(shape, dtype)``, types and shapes kept."""
    if isinstance(value, np.ndarray) and value.dtype.kind in "biuf":
        return fill(value.shape, value.dtype).astype(value.dtype)
    if isinstance(value, bool | np.bool_):
        return value
    if isinstance(value, int | float | np.number):
        return type(value)(fill((), np.dtype(float)).item())
    if isinstance(value, dict):
        return {key: _numbers(item, fill) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_numbers(item, fill) for item in value)
    return value


def _random(shape: tuple, dtype: np.dtype) -> np.ndarray:
    return np.random.default_rng(0).random(shape)


#: name -> what the imitation returns, given the reference's result and the call's arguments
IMITATIONS: dict[str, Callable] = {
    "zeros": lambda result, args: _numbers(result, lambda shape, _: np.zeros(shape)),
    "halves": lambda result, args: _numbers(result, lambda shape, _: np.full(shape, 0.5)),
    "random": lambda result, args: _numbers(result, _random),
    "identity": lambda result, args: args[0] if args else None,
    "none": lambda result, args: None,
    "garbage": lambda result, args: "garbage",
}


def imitation(reference: ModuleType, exercises: list[str], name: str
              ) -> tuple[dict[str, Callable], set[str]]:
    """A namespace answering each of ``exercises`` as the imitation ``name`` does, and the set
    it fills with the exercises where some answer differed from the reference's."""
    make, differs = IMITATIONS[name], set()

    def answer(exercise: str) -> Callable:
        def imitate(*args, **kwargs):
            result = getattr(reference, exercise)(*args, **kwargs)
            returned = make(result, args)
            if not identical(returned, result):
                differs.add(exercise)
            return returned
        return imitate

    return {exercise: answer(exercise) for exercise in exercises}, differs
