# correct: makes a float copy first, then works in place (/=, -=, out=); exp-form derivative; Python floats from the losses

import math

import numpy as np


def basic_sigmoid(x):
    return float(np.exp(x) / (np.exp(x) + 1)) if x < 0 else 1 / (1 + math.exp(-x))


def sigmoid(x):
    x = np.array(x, dtype=float)
    out = np.empty_like(x)
    np.exp(-x, out=out)
    out += 1
    np.divide(1.0, out, out=out)
    return out if out.ndim else float(out)


def sigmoid_derivative(x):
    e = np.exp(-np.asarray(x, dtype=float))
    return e / (1 + e) ** 2


def image2vector(image):
    v = np.copy(image).flatten()
    v.shape = (v.size, 1)
    return v


def normalize_rows(x):
    x = x.astype(float)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x


def softmax(x):
    s = np.array(x, dtype=float)
    s -= s.max(axis=1, keepdims=True)
    np.exp(s, out=s)
    s /= s.sum(axis=1, keepdims=True)
    return s


def L1(yhat, y):
    return float(np.sum(np.absolute(np.subtract(y, yhat))))


def L2(yhat, y):
    return float(np.sum(np.power(np.subtract(y, yhat), 2)))
