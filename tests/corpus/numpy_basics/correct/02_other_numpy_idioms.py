# correct: other numpy idioms: np.reciprocal, reshape(-1, 1), [:, np.newaxis] instead of keepdims, @ on raveled vectors

import math

import numpy as np


def basic_sigmoid(x):
    return 1.0 / (1.0 + math.e ** (-x))


def sigmoid(x):
    return np.reciprocal(1.0 + np.exp(-x))


def sigmoid_derivative(x):
    s = sigmoid(x)
    return s - s ** 2


def image2vector(image):
    return image.reshape(-1, 1)


def normalize_rows(x):
    lengths = np.sqrt(np.sum(x * x, axis=1))
    return x / lengths[:, np.newaxis]


def softmax(x):
    e = np.exp(x - x.max(axis=1)[:, None])
    return e / e.sum(axis=1)[:, None]


def L1(yhat, y):
    return np.abs(y - yhat).sum()


def L2(yhat, y):
    d = (y - yhat).ravel()
    return float(d @ d)
