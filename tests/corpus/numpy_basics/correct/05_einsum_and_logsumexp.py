# correct: np.einsum for norms and the L2 sum, a log-sum-exp softmax, np.tanh for the sigmoid

import math

import numpy as np


def basic_sigmoid(x):
    return 0.5 * (1 + math.tanh(x / 2))


def sigmoid(x):
    return 0.5 * (1 + np.tanh(np.asarray(x) / 2))


def sigmoid_derivative(x):
    s = sigmoid(x)
    return s * sigmoid(-x)


def image2vector(image):
    return np.reshape(image, (np.prod(image.shape), 1))


def normalize_rows(x):
    x = np.asarray(x, dtype=np.float64)
    return x / np.sqrt(np.einsum("ij,ij->i", x, x))[:, None]


def softmax(x):
    x = np.asarray(x, dtype=np.float64)
    top = x.max(axis=1, keepdims=True)
    log_sum = top + np.log(np.sum(np.exp(x - top), axis=1, keepdims=True))
    return np.exp(x - log_sum)


def L1(yhat, y):
    return np.abs(y - yhat).sum()


def L2(yhat, y):
    d = np.asarray(y - yhat, dtype=float).reshape(-1)
    return np.einsum("i,i->", d, d)
