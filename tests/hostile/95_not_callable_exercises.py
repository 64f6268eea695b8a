# class: 15-not-a-submission
# honest: none
# attack: the exercise names are bound to non-functions or wrong callables (numbers, None, a string, a dict, a class, np.zeros)

import numpy as np

preprocess = "preprocess"
sigmoid = 0.5
initialize_with_zeros = np.zeros
propagate = None
optimize = {"w": 0.0, "b": 0.0}


class predict:  # noqa: N801  (calling it builds an object that cannot be graded)
    def __init__(self, *args, **kwargs):
        self.args = args


model = [1, 2, 3]
