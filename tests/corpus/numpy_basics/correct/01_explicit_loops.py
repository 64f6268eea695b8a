# correct: explicit Python loops everywhere (over entries, pixels and rows), no vectorization

import math

import numpy as np


def basic_sigmoid(x):
    return 1 / (1 + math.exp(-x))


def sigmoid(x):
    if np.ndim(x) == 0:
        return 1 / (1 + math.exp(-x))
    x = np.asarray(x)
    s = np.zeros(x.shape)
    for index in np.ndindex(x.shape):
        s[index] = 1 / (1 + math.exp(-x[index]))
    return s


def sigmoid_derivative(x):
    s = sigmoid(x)
    ds = np.zeros(np.shape(s))
    for index in np.ndindex(ds.shape):
        ds[index] = s[index] * (1 - s[index])
    return ds


def image2vector(image):
    length, height, depth = image.shape
    values = []
    for i in range(length):
        for j in range(height):
            for k in range(depth):
                values.append(image[i, j, k])
    v = np.zeros((len(values), 1))
    for n, value in enumerate(values):
        v[n, 0] = value
    return v


def normalize_rows(x):
    n, m = x.shape
    result = np.zeros((n, m))
    for i in range(n):
        total = 0.0
        for j in range(m):
            total += float(x[i, j]) ** 2
        norm = math.sqrt(total)
        for j in range(m):
            result[i, j] = x[i, j] / norm
    return result


def softmax(x):
    n, m = x.shape
    s = np.zeros((n, m))
    for i in range(n):
        biggest = max(float(value) for value in x[i])
        total = 0.0
        for j in range(m):
            s[i, j] = math.exp(x[i, j] - biggest)
            total += s[i, j]
        for j in range(m):
            s[i, j] = s[i, j] / total
    return s


def L1(yhat, y):
    loss = 0.0
    for a, b in zip(np.ravel(yhat), np.ravel(y)):
        loss += abs(float(b) - float(a))
    return loss


def L2(yhat, y):
    loss = 0.0
    for a, b in zip(np.ravel(yhat), np.ravel(y)):
        loss += (float(b) - float(a)) ** 2
    return loss
