# correct: sigmoid through tanh, predict compares the score with 0, while loops over indices

import numpy as np

AND_DATA = [((0, 0), -1), ((0, 1), -1), ((1, 0), -1), ((1, 1), 1)]  # labels -1/+1
AND_DATA_01 = [((0, 0), 0), ((0, 1), 0), ((1, 0), 0), ((1, 1), 1)]  # labels 0/1
W_START = np.array([0.666, 0.333])
B_START = 0.233


def linear_predict(x, w, b):
    z = np.sum(np.asarray(w) * np.asarray(x, dtype=float)) + b
    return np.where(z > 0, 1, -1).item()


def linear_loss(x, y, w, b):
    y_hat = np.dot(w, np.asarray(x, dtype=float)) + b
    return float((y_hat - y) ** 2)


def linear_gradients(x, y, w, b):
    x = np.array(x, dtype=np.float64)
    y_hat = np.sum(w * x) + b
    grad_z = 2 * (y_hat - y)  # dL/dy_hat
    return grad_z * x, grad_z


def sgd_step(w, b, dw, db, lr):
    return w - lr * dw, b - lr * db


def train_linear(data, w, b, lr, epochs):
    epoch = 0
    while epoch < epochs:
        i = 0
        while i < len(data):
            x, y = data[i]
            dw, db = linear_gradients(x, y, w, b)
            w, b = sgd_step(w, b, dw, db, lr)
            i += 1
        epoch += 1
    return w, b


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def logistic_loss(x, y, w, b):
    z = np.dot(w, np.asarray(x, dtype=float)) + b
    return float(np.logaddexp(0.0, z) - y * z)


def logistic_gradients(x, y, w, b):
    x = np.array(x, dtype=np.float64)
    dz = sigmoid(np.sum(w * x) + b) - y
    return dz * x, dz


def train_logistic(data, w, b, lr, epochs):
    epoch = 0
    while epoch < epochs:
        for i in range(len(data)):
            dw, db = logistic_gradients(data[i][0], data[i][1], w, b)
            w, b = sgd_step(w, b, dw, db, lr)
        epoch += 1
    return w, b


def predict(x, w, b):
    # sigmoid(z) > 0.5 exactly when z > 0
    z = np.dot(w, np.asarray(x, dtype=float)) + b
    return 1 if z > 0 else 0


if __name__ == "__main__":
    w, b = train_linear(AND_DATA, W_START, B_START, 0.01, 20)
    print(w, b, [linear_predict(x, w, b) for x, _ in AND_DATA])
    w, b = train_logistic(AND_DATA_01, W_START, B_START, 0.5, 100)
    print(w, b, [predict(x, w, b) for x, _ in AND_DATA_01])
