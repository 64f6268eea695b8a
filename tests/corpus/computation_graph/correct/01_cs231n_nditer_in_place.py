# correct: numeric_grad nudges the caller's x in place with np.nditer and restores every entry (CS231n style); math.log in the loss

import math

import numpy as np


def forward(a, b, c):
    u = b * c
    v = a + u
    J = 3 * v
    values = {"u": u, "v": v, "J": J}
    return values


def backward(a, b, c):
    dJ_dv = 3.0
    dv_du = 1.0
    dv_da = 1.0
    dv = dJ_dv
    du = dv * dv_du
    da = dv * dv_da
    db = du * c   # du/db = c
    dc = du * b   # du/dc = b
    return {"dv": dv, "du": du, "da": da, "db": db, "dc": dc}


def sigmoid(z):
    """The sigmoid 1 / (1 + exp(-z)) of a number (or elementwise of an array)."""
    return 1.0 / (1.0 + np.exp(-z))


def logistic_forward(x1, x2, w1, w2, b, y):
    z = x1 * w1 + x2 * w2 + b
    a = sigmoid(z)
    L = -(y * math.log(a) + (1 - y) * math.log(1 - a))
    return {"z": z, "a": a, "L": L}


def logistic_backward(x1, x2, w1, w2, b, y):
    cache = logistic_forward(x1, x2, w1, w2, b, y)
    a = cache["a"]
    da = -(y / a) + (1 - y) / (1 - a)
    dz = a - y
    dw1 = x1 * dz
    dw2 = x2 * dz
    db = dz
    grads = {"da": da, "dz": dz, "dw1": dw1, "dw2": dw2, "db": db}
    return grads


def numeric_grad(f, x, eps=1e-5):
    grad = np.zeros(x.shape)
    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        ix = it.multi_index
        oldval = x[ix]
        x[ix] = oldval + eps
        fxph = f(x)
        x[ix] = oldval - eps
        fxmh = f(x)
        x[ix] = oldval  # restore
        grad[ix] = (fxph - fxmh) / (2 * eps)
        it.iternext()
    return grad
