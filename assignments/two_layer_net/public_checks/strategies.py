"""Public tests of `two_layer_net`, copied by `autograder release` from the hidden
suite's tests/strategies.py with the helpers they use. Generated: do not edit."""

from __future__ import annotations
import numpy as np


NAMES = ("W1", "b1", "W2", "b2")


#: The lesson's worked example (n_x = 2, n_h = 3, n_y = 1, m = 4). Z1 is exactly 0 in one entry.
LESSON_X = np.array([[1.0, 2.0, -1.0, 0.0], [0.0, -1.0, 2.0, 1.0]])


LESSON_Y = np.array([[0.5, 2.5, 3.0, 1.0]])


LESSON_PARAMS = {
    "W1": np.array([[1.0, -1.0], [0.5, 1.0], [-1.0, 0.0]]),
    "b1": np.array([[0.0], [0.5], [1.0]]),
    "W2": np.array([[1.0, -0.5, 2.0]]),
    "b2": np.array([[0.5]]),
}
