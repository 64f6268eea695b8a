# class: 14-degenerate
# honest: none
# attack: every function is right for its first 3 calls in a worker process, then returns spoiled answers (module-level counter)

import copy

import numpy as np

_CALLS = {}


def _honest_now(name):
    _CALLS[name] = _CALLS.get(name, 0) + 1
    return _CALLS[name] <= 3


def _sigmoid(z):
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))


def preprocess(images):
    X = images.reshape(images.shape[0], -1).T / 255.0
    return X if _honest_now("preprocess") else X * 0.5 + 0.25


def sigmoid(z):
    s = _sigmoid(z)
    return s if _honest_now("sigmoid") else 1.0 - s


def initialize_with_zeros(dim):
    if _honest_now("initialize_with_zeros"):
        return np.zeros((dim, 1)), 0.0
    return np.ones((dim, 1)), 1.0


def propagate(w, b, X, Y):
    m = X.shape[1]
    Z = np.dot(w.T, X) + b
    A = sigmoid(Z)
    cost = np.sum(np.logaddexp(0.0, Z) - Y * Z) / m
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ) / m
    if _honest_now("propagate"):
        return {"dw": dw, "db": db}, cost
    return {"dw": dw + 1.0, "db": db + 1.0}, cost + 1.0


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
    if _honest_now("optimize"):
        return {"w": w, "b": b}, grads, costs
    spoiled = {"dw": grads["dw"] + 1.0, "db": grads["db"] + 1.0}
    return {"w": w + 1.0, "b": b + 1.0}, spoiled, [cost + 1.0 for cost in costs]


def predict(w, b, X):
    m = X.shape[1]
    w = w.reshape(X.shape[0], 1)
    labels = (_sigmoid(np.dot(w.T, X) + b) > 0.5).astype(float).reshape(1, m)
    return labels if _honest_now("predict") else 1.0 - labels


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate)
    w, b = params["w"], params["b"]
    d = {"costs": costs,
         "Y_prediction_test": predict(w, b, X_test),
         "Y_prediction_train": predict(w, b, X_train),
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    if not _honest_now("model"):
        d["w"] = d["w"] + 1.0
        d["b"] = d["b"] + 1.0
        d["Y_prediction_test"] = 1.0 - d["Y_prediction_test"]
        d["Y_prediction_train"] = 1.0 - d["Y_prediction_train"]
    return d
