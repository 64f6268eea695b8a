# bug: numeric_grad
# mistake: loops over range(len(x)), which only works for a vector: for a matrix it nudges whole rows

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
    L = -(y * np.log(a) + (1 - y) * np.log(1 - a))
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
    grad = np.zeros(x.shape)
    for i in range(len(x)):
        x_plus = x.copy()
        x_minus = x.copy()
        x_plus[i] = x_plus[i] + eps
        x_minus[i] = x_minus[i] - eps
        grad[i] = (f(x_plus) - f(x_minus)) / (2 * eps)
    return grad
