# bug: train_linear
# mistake: full-batch update: sums the gradients of all examples and takes one step per epoch

import numpy as np

AND_DATA = [((0, 0), -1), ((0, 1), -1), ((1, 0), -1), ((1, 1), 1)]  # labels -1/+1
AND_DATA_01 = [((0, 0), 0), ((0, 1), 0), ((1, 0), 0), ((1, 1), 1)]  # labels 0/1
W_START = np.array([0.666, 0.333])
B_START = 0.233


def linear_predict(x, w, b):
    x = np.asarray(x, dtype=float)
    z = np.dot(w, x) + b
    if z > 0:
        label = 1
    else:
        label = -1
    return label


def linear_loss(x, y, w, b):
    """The squared error (ŷ - y)² of one example, with ŷ = w · x + b (no factor ½)."""
    y_hat = np.dot(w, np.asarray(x, dtype=float)) + b
    return float((y_hat - y) ** 2)


def linear_gradients(x, y, w, b):
    x = np.asarray(x, dtype=float)
    y_hat = w[0] * x[0] + w[1] * x[1] + b
    dw = 2 * (y_hat - y) * x
    db = 2 * (y_hat - y)
    return dw, db


def sgd_step(w, b, dw, db, lr):
    w = w - lr * dw
    b = b - lr * db
    return w, b


def train_linear(data, w, b, lr, epochs):
    for epoch in range(epochs):
        dw_total = np.zeros(2)
        db_total = 0.0
        for x, y in data:
            dw, db = linear_gradients(x, y, w, b)
            dw_total += dw
            db_total += db
        w, b = sgd_step(w, b, dw_total, db_total, lr)
    return w, b


def sigmoid(z):
    """1 / (1 + exp(-z)), for a number or an array."""
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z))


def logistic_loss(x, y, w, b):
    """The cross-entropy -(y log a + (1 - y) log(1 - a)) of one example, a = σ(w · x + b)."""
    z = np.dot(w, np.asarray(x, dtype=float)) + b
    return float(np.logaddexp(0.0, z) - y * z)  # the same value, without log(0)


def logistic_gradients(x, y, w, b):
    x = np.asarray(x, dtype=float)
    a = sigmoid(np.dot(w, x) + b)
    dz = a - y
    dw = x * dz
    db = dz
    return dw, db


def train_logistic(data, w, b, lr, epochs):
    for epoch in range(epochs):
        for x, y in data:
            dw, db = logistic_gradients(x, y, w, b)
            w, b = sgd_step(w, b, dw, db, lr)
    return w, b


def predict(x, w, b):
    x = np.asarray(x, dtype=float)
    a = sigmoid(np.dot(w, x) + b)
    if a > 0.5:
        return 1
    return 0


if __name__ == "__main__":
    w, b = train_linear(AND_DATA, W_START, B_START, 0.01, 20)
    print(w, b, [linear_predict(x, w, b) for x, _ in AND_DATA])
    w, b = train_logistic(AND_DATA_01, W_START, B_START, 0.5, 100)
    print(w, b, [predict(x, w, b) for x, _ in AND_DATA_01])
