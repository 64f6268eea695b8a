# correct: the @ operator, np.where and np.sign with the tie mapped to -1

import numpy as np

AND_DATA = [((0, 0), -1), ((0, 1), -1), ((1, 0), -1), ((1, 1), 1)]
AND_DATA_01 = [((0, 0), 0), ((0, 1), 0), ((1, 0), 0), ((1, 1), 1)]
W_START = np.array([0.666, 0.333])
B_START = 0.233


def linear_predict(x, w, b):
    x = np.asarray(x, dtype=float)
    return int(np.sign(w @ x + b)) or -1  # sign 0 on the line -> -1


def linear_loss(x, y, w, b):
    y_hat = np.dot(w, np.asarray(x, dtype=float)) + b
    return float((y_hat - y) ** 2)


def linear_gradients(x, y, w, b):
    x = np.asarray(x, dtype=float)
    dz = 2.0 * ((w @ x + b) - y)
    return np.multiply(x, dz), float(dz)


def sgd_step(w, b, dw, db, lr):
    return np.subtract(w, lr * np.asarray(dw)), float(b - lr * db)


def train_linear(data, w, b, lr, epochs):
    w = np.array(w, dtype=float)
    for _ in range(epochs):
        for x, y in data:
            w, b = sgd_step(w, b, *linear_gradients(x, y, w, b), lr)
    return w, b


def sigmoid(z):
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z))


def logistic_loss(x, y, w, b):
    z = np.dot(w, np.asarray(x, dtype=float)) + b
    return float(np.logaddexp(0.0, z) - y * z)


def logistic_gradients(x, y, w, b):
    x = np.asarray(x, dtype=float)
    dz = sigmoid(w @ x + b) - y
    return dz * x, dz


def train_logistic(data, w, b, lr, epochs):
    w = np.array(w, dtype=float)
    for _ in range(epochs):
        for x, y in data:
            w, b = sgd_step(w, b, *logistic_gradients(x, y, w, b), lr)
    return w, b


def predict(x, w, b):
    a = sigmoid(w @ np.asarray(x, dtype=float) + b)
    return np.where(a > 0.5, 1, 0)


if __name__ == "__main__":
    w, b = train_linear(AND_DATA, W_START, B_START, 0.01, 20)
    print(w, b, [linear_predict(x, w, b) for x, _ in AND_DATA])
    w, b = train_logistic(AND_DATA_01, W_START, B_START, 0.5, 100)
    print(w, b, [predict(x, w, b) for x, _ in AND_DATA_01])
