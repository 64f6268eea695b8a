# correct: plain Python floats and math.exp, loops over the two inputs; arrays only for the returned weights

import math

import numpy as np

AND_DATA = [((0, 0), -1), ((0, 1), -1), ((1, 0), -1), ((1, 1), 1)]
AND_DATA_01 = [((0, 0), 0), ((0, 1), 0), ((1, 0), 0), ((1, 1), 1)]
W_START = np.array([0.666, 0.333])
B_START = 0.233


def score(x, w, b):
    total = b
    for i in range(2):
        total += w[i] * x[i]
    return float(total)


def linear_predict(x, w, b):
    if score(x, w, b) > 0:
        return 1
    return -1


def linear_loss(x, y, w, b):
    return (score(x, w, b) - y) ** 2


def linear_gradients(x, y, w, b):
    error = score(x, w, b) - y
    dw = np.zeros(2)
    for i in range(2):
        dw[i] = 2 * error * x[i]
    db = 2 * error
    return dw, db


def sgd_step(w, b, dw, db, lr):
    new_w = np.zeros(2)
    for i in range(2):
        new_w[i] = w[i] - lr * dw[i]
    return new_w, b - lr * db


def train_linear(data, w, b, lr, epochs):
    for epoch in range(epochs):
        for x, y in data:
            dw, db = linear_gradients(x, y, w, b)
            w, b = sgd_step(w, b, dw, db, lr)
    return w, b


def sigmoid(z):
    return 1 / (1 + math.exp(-z))


def logistic_loss(x, y, w, b):
    a = sigmoid(score(x, w, b))
    return -(y * math.log(a) + (1 - y) * math.log(1 - a))


def logistic_gradients(x, y, w, b):
    a = sigmoid(score(x, w, b))
    dz = a - y
    dw = np.array([x[0] * dz, x[1] * dz], dtype=float)
    db = dz
    return dw, db


def train_logistic(data, w, b, lr, epochs):
    for epoch in range(epochs):
        for x, y in data:
            dw, db = logistic_gradients(x, y, w, b)
            w, b = sgd_step(w, b, dw, db, lr)
    return w, b


def predict(x, w, b):
    a = sigmoid(score(x, w, b))
    return 1 if a > 0.5 else 0


if __name__ == "__main__":
    w, b = train_linear(AND_DATA, W_START, B_START, 0.01, 20)
    print(w, b, [linear_predict(x, w, b) for x, _ in AND_DATA])
    w, b = train_logistic(AND_DATA_01, W_START, B_START, 0.5, 100)
    print(w, b, [predict(x, w, b) for x, _ in AND_DATA_01])
