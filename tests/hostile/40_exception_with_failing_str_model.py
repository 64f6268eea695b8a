# class: 13-base-exception
# honest: preprocess sigmoid initialize_with_zeros propagate optimize predict
# attack: model raises an exception whose __str__ and __repr__ themselves raise

import copy

import numpy as np


class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("no message for you")

    def __repr__(self):
        raise RuntimeError("no repr for you")


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    raise Unprintable()


def preprocess(images):
    n_images = images.shape[0]
    flat = images.reshape(n_images, -1).T
    X = flat / 255.0
    return X


def sigmoid(z):
    with np.errstate(over="ignore"):
        s = 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))
    return s


def initialize_with_zeros(dim):
    w = np.zeros(shape=(dim, 1))
    b = float(0)
    return w, b


def propagate(w, b, X, Y):
    m = X.shape[1]
    Z = np.dot(w.T, X) + b
    A = sigmoid(Z)
    cost = np.sum(np.logaddexp(0.0, Z) - Y * Z) / m
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ) / m
    grads = {"dw": dw, "db": db}
    return grads, cost


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w = copy.deepcopy(w)
    b = copy.deepcopy(b)
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))
    params = {"w": w, "b": b}
    return params, grads, costs


def predict(w, b, X):
    m = X.shape[1]
    w = w.reshape(X.shape[0], 1)
    probabilities = sigmoid(np.dot(w.T, X) + b)
    Y_prediction = (probabilities > 0.5).astype(float).reshape(1, m)
    return Y_prediction
