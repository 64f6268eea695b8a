# bug: logistic_forward
# mistake: the loss misses its minus sign: L = y·log(a) + (1 - y)·log(1 - a)

import numpy as np


def forward(a, b, c):
    u = b * c
    v = a + u
    J = 3 * v
    return {"u": u, "v": v, "J": J}


def backward(a, b, c):
    # right to left, chain rule at every box
    dv = 3
    du = dv * 1
    da = dv * 1
    db = du * c
    dc = du * b
    return {"dv": dv, "du": du, "da": da, "db": db, "dc": dc}


def sigmoid(z):
    """The sigmoid 1 / (1 + exp(-z)) of a number (or elementwise of an array)."""
    return 1.0 / (1.0 + np.exp(-z))


def logistic_forward(x1, x2, w1, w2, b, y):
    z = w1 * x1 + w2 * x2 + b
    a = sigmoid(z)
    L = y * np.log(a) + (1 - y) * np.log(1 - a)
    return {"z": z, "a": a, "L": L}


def logistic_backward(x1, x2, w1, w2, b, y):
    a = logistic_forward(x1, x2, w1, w2, b, y)["a"]
    da = -y / a + (1 - y) / (1 - a)
    dz = a - y
    dw1 = x1 * dz
    dw2 = x2 * dz
    db = dz
    return {"da": da, "dz": dz, "dw1": dw1, "dw2": dw2, "db": db}


def numeric_grad(f, x, eps=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        f_plus = f(x)
        x[i] = old - eps
        f_minus = f(x)
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad
