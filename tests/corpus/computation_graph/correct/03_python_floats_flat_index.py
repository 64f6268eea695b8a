# correct: every result converted to a Python float, the loss picked by the label, numeric_grad over a flat copy with .flat

import numpy as np


def forward(a, b, c):
    u = float(b * c)
    v = float(a + u)
    J = float(3.0 * v)
    return {"u": u, "v": v, "J": J}


def backward(a, b, c):
    dv = 3.0
    da = 1.0 * dv
    du = 1.0 * dv
    db = float(c) * du
    dc = float(b) * du
    return dict(dv=dv, du=du, da=da, db=db, dc=dc)


def sigmoid(z):
    """The sigmoid 1 / (1 + exp(-z)) of a number (or elementwise of an array)."""
    return 1.0 / (1.0 + np.exp(-z))


def logistic_forward(x1, x2, w1, w2, b, y):
    z = float(w1 * x1 + w2 * x2 + b)
    a = float(sigmoid(z))
    if y == 1:
        L = -np.log(a)
    else:
        L = -np.log(1 - a)
    return {"z": z, "a": a, "L": float(L)}


def logistic_backward(x1, x2, w1, w2, b, y):
    a = logistic_forward(x1, x2, w1, w2, b, y)["a"]
    da = float(-y / a + (1 - y) / (1 - a))
    dz = float(a - y)
    return {"da": da, "dz": dz, "dw1": x1 * dz, "dw2": x2 * dz, "db": dz}


def numeric_grad(f, x, eps=1e-5):
    x_copy = x.astype(float).copy()
    grad = np.zeros(x.size)
    for k in range(x.size):
        original = x_copy.flat[k]
        x_copy.flat[k] = original + eps
        plus = f(x_copy)
        x_copy.flat[k] = original - eps
        minus = f(x_copy)
        x_copy.flat[k] = original
        grad[k] = (plus - minus) / (2 * eps)
    return grad.reshape(x.shape)
