# correct: scipy.special's expit and softmax, np.linalg.norm for the losses

import numpy as np
from scipy.special import expit
from scipy.special import softmax as scipy_softmax


def basic_sigmoid(x):
    return float(expit(x))


def sigmoid(x):
    return expit(x)


def sigmoid_derivative(x):
    return expit(x) * expit(-x)   # 1 - sigmoid(x) == sigmoid(-x)


def image2vector(image):
    return np.ravel(image)[:, None]


def normalize_rows(x):
    return x / np.linalg.norm(x, axis=1).reshape(-1, 1)


def softmax(x):
    return scipy_softmax(x, axis=1)


def L1(yhat, y):
    return np.linalg.norm(np.ravel(y - yhat), ord=1)


def L2(yhat, y):
    return np.linalg.norm(y - yhat) ** 2
