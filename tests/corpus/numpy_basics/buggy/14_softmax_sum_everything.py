# bug: softmax
# mistake: divides by np.sum of the whole matrix, so the matrix sums to 1 instead of each row

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
    return s * (1.0 - s)


def image2vector(image):
    length, height, depth = image.shape
    return image.reshape((length * height * depth, 1))


def normalize_rows(x):
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / norms


def softmax(x):
    shifted = x - x.max(axis=1, keepdims=True)  # for numerical stability
    exps = np.exp(shifted)
    return exps / np.sum(exps)


def L1(yhat, y):
    return np.sum(np.abs(yhat - y))


def L2(yhat, y):
    diff = yhat - y
    return np.sum(diff * diff)
