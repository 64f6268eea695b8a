# class: 12-huge
# honest: preprocess initialize_with_zeros propagate optimize
# attack: sigmoid returns a 300 MB array, predict a (1, 37.5M) array, model a dict whose costs list holds 2 million entries

import copy

import numpy as np

_HUGE = 300_000_000 // 8  # float64 values in ~300 MB


def sigmoid(z):
    return np.zeros(_HUGE)


def predict(w, b, X):
    return np.zeros((1, _HUGE))


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    return {"costs": [0.0] * 2_000_000,
            "Y_prediction_test": np.zeros((1, X_test.shape[1])),
            "Y_prediction_train": np.zeros((1, X_train.shape[1])),
            "w": np.zeros((X_train.shape[0], 1)),
            "b": 0.0,
            "learning_rate": 0.0,
            "num_iterations": 0}


def preprocess(images):
    n_images = images.shape[0]
    flat = images.reshape(n_images, -1).T
    X = flat / 255.0
    return X


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
