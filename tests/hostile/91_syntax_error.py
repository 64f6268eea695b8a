# class: 15-not-a-submission
# honest: none
# attack: a syntax error (missing colon, unclosed parenthesis)

import numpy as np


def sigmoid(z)
    return 1 / (1 + np.exp(-z)


def propagate(w, b, X, Y):
    return {"dw": w, "db": 0.0}, 0.0
