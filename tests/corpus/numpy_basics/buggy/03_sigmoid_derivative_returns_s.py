# bug: sigmoid_derivative
# mistake: returns s = sigmoid(x) itself, forgetting the (1 - s) factor

import math
import numpy as np


def basic_sigmoid(x):
    # sigmoid of a real number
    return 1.0 / (1.0 + math.exp(-x))


def sigmoid(x):
    # works for arrays too because np.exp is elementwise
    return 1.0 / (1.0 + np.exp(-x))


def sigmoid_derivative(x):
    s = sigmoid(x)
    return s


def image2vector(image):
    length, height, depth = image.shape
    return image.reshape((length * height * depth, 1))


def normalize_rows(x):
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / norms


def softmax(x):
    shifted = x - x.max(axis=1, keepdims=True)  # for numerical stability
    exps = np.exp(shifted)
    return exps / exps.sum(axis=1, keepdims=True)


def L1(yhat, y):
    return np.sum(np.abs(yhat - y))


def L2(yhat, y):
    diff = yhat - y
    return np.sum(diff * diff)
