# correct: training loops with the gradient and the update written inline, in place on a copy of w

import numpy as np

AND_DATA = [((0, 0), -1), ((0, 1), -1), ((1, 0), -1), ((1, 1), 1)]  # labels -1/+1
AND_DATA_01 = [((0, 0), 0), ((0, 1), 0), ((1, 0), 0), ((1, 1), 1)]  # labels 0/1
W_START = np.array([0.666, 0.333])
B_START = 0.233


def linear_predict(x, w, b):
    z = w[0] * x[0] + w[1] * x[1] + b
    return 1 if z > 0 else -1


def linear_loss(x, y, w, b):
    y_hat = np.dot(w, np.asarray(x, dtype=float)) + b
    return float((y_hat - y) ** 2)


def linear_gradients(x, y, w, b):
    x = np.asarray(x, dtype=float)
    diff = np.dot(w, x) + b - y
    return 2 * diff * x, 2 * diff


def sgd_step(w, b, dw, db, lr):
    w_new = w.copy()
    w_new -= lr * dw
    return w_new, b - lr * db


def train_linear(data, w, b, lr, epochs):
    w = w.copy()  # never touch the caller's array
    for epoch in range(epochs):
        for x, y in data:
            x = np.asarray(x, dtype=float)
            diff = np.dot(w, x) + b - y
            w -= lr * 2 * diff * x
            b -= lr * 2 * diff
    return w, b


def sigmoid(z):
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z))


def logistic_loss(x, y, w, b):
    z = np.dot(w, np.asarray(x, dtype=float)) + b
    return float(np.logaddexp(0.0, z) - y * z)


def logistic_gradients(x, y, w, b):
    x = np.asarray(x, dtype=float)
    a = sigmoid(np.dot(w, x) + b)
    return x * (a - y), a - y


def train_logistic(data, w, b, lr, epochs):
    w = np.copy(w)
    for epoch in range(epochs):
        for x, y in data:
            x = np.asarray(x, dtype=float)
            dz = sigmoid(np.dot(w, x) + b) - y
            w -= lr * dz * x
            b -= lr * dz
    return w, b


def predict(x, w, b):
    return int(sigmoid(np.dot(w, np.asarray(x, dtype=float)) + b) > 0.5)


if __name__ == "__main__":
    w, b = train_linear(AND_DATA, W_START, B_START, 0.01, 20)
    print(w, b, [linear_predict(x, w, b) for x, _ in AND_DATA])
    w, b = train_logistic(AND_DATA_01, W_START, B_START, 0.5, 100)
    print(w, b, [predict(x, w, b) for x, _ in AND_DATA_01])
