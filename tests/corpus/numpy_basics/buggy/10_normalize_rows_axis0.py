# bug: normalize_rows
# mistake: takes the norms along axis=0, the norms of the columns

import math

import numpy as np


def basic_sigmoid(x):
    s = 1 / (1 + math.exp(-x))
    return s


def sigmoid(x):
    s = 1 / (1 + np.exp(-x))
    return s


def sigmoid_derivative(x):
    s = sigmoid(x)
    ds = s * (1 - s)
    return ds


def image2vector(image):
    v = image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)
    return v


def normalize_rows(x):
    x_norm = np.linalg.norm(x, ord=2, axis=0, keepdims=True)
    x = x / x_norm
    return x


def softmax(x):
    x_max = np.max(x, axis=1, keepdims=True)
    x_exp = np.exp(x - x_max)
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    s = x_exp / x_sum
    return s


def L1(yhat, y):
    loss = np.sum(np.abs(y - yhat))
    return loss


def L2(yhat, y):
    loss = np.sum((y - yhat) ** 2)
    return loss
