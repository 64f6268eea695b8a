# correct: loss written as logaddexp(0, z) - y*z (no log of a rounded probability), numeric_grad with fresh copies per entry

import numpy as np


def forward(a, b, c):
    # J = 3(a + bc)
    u = b * c
    v = u + a
    J = v * 3
    return {"J": J, "u": u, "v": v}


def backward(a, b, c):
    dv = 3.0
    du = dv * 1.0
    da = dv * 1.0
    dc = du * b
    db = du * c
    return {"da": da, "db": db, "dc": dc, "du": du, "dv": dv}


def sigmoid(z):
    """The sigmoid 1 / (1 + exp(-z)) of a number (or elementwise of an array)."""
    return 1.0 / (1.0 + np.exp(-z))


def logistic_forward(x1, x2, w1, w2, b, y):
    z = w1 * x1 + w2 * x2 + b
    a = sigmoid(z)
    L = np.logaddexp(0.0, z) - y * z   # = -(y log a + (1-y) log(1-a))
    return {"z": z, "a": a, "L": L}


def logistic_backward(x1, x2, w1, w2, b, y):
    z = w1 * x1 + w2 * x2 + b
    a = sigmoid(z)
    da = (a - y) / (a * (1 - a))
    dz = a - y
    dw1, dw2, db = x1 * dz, x2 * dz, dz
    return {"da": da, "dz": dz, "dw1": dw1, "dw2": dw2, "db": db}


def numeric_grad(f, x, eps=1e-5):
    grad = np.zeros_like(x, dtype=float)
    for idx in np.ndindex(*x.shape):
        x_plus = np.copy(x).astype(float)
        x_minus = np.copy(x).astype(float)
        x_plus[idx] += eps
        x_minus[idx] -= eps
        grad[idx] = (f(x_plus) - f(x_minus)) / (2.0 * eps)
    return grad
