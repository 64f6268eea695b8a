# correct: dz computed as da * a * (1 - a) (the chain rule through the sigmoid), numeric_grad with one-hot steps built from np.eye

import numpy as np


def forward(a, b, c):
    u = b * c
    v = a + u
    return {"u": u, "v": v, "J": 3 * v}


def backward(a, b, c):
    dv = 3
    du = dv
    da = dv
    db = c * du
    dc = b * du
    return {"dv": dv, "du": du, "da": da, "db": db, "dc": dc}


def sigmoid(z):
    """The sigmoid 1 / (1 + exp(-z)) of a number (or elementwise of an array)."""
    return 1.0 / (1.0 + np.exp(-z))


def logistic_forward(x1, x2, w1, w2, b, y):
    z = np.dot([w1, w2], [x1, x2]) + b
    a = sigmoid(z)
    L = -y * np.log(a) - (1 - y) * np.log(1 - a)
    return {"z": z, "a": a, "L": L}


def logistic_backward(x1, x2, w1, w2, b, y):
    a = logistic_forward(x1, x2, w1, w2, b, y)["a"]
    da = -y / a + (1 - y) / (1 - a)
    dz = da * a * (1 - a)   # dL/dz = dL/da * da/dz, sigmoid'(z) = a(1-a)
    dw1 = dz * x1
    dw2 = dz * x2
    db = dz * 1
    return {"da": da, "dz": dz, "dw1": dw1, "dw2": dw2, "db": db}


def numeric_grad(f, x, eps=1e-5):
    x = np.asarray(x, dtype=float)
    steps = np.eye(x.size).reshape((x.size,) + x.shape)
    grad = np.array([(f(x + eps * e) - f(x - eps * e)) / (2 * eps) for e in steps])
    return grad.reshape(x.shape)
