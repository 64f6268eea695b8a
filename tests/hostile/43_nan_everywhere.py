# class: 14-degenerate
# honest: none
# attack: every function returns NaN (arrays of the right shapes, NaN numbers, NaN hyperparameters)

import math

import numpy as np

NAN = float("nan")


def preprocess(images):
    return np.full((int(np.prod(images.shape[1:])), images.shape[0]), np.nan)


def sigmoid(z):
    return np.full(np.shape(z), np.nan)


def initialize_with_zeros(dim):
    return np.full((dim, 1), np.nan), NAN


def propagate(w, b, X, Y):
    return {"dw": np.full(np.shape(w), np.nan), "db": NAN}, NAN


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    params = {"w": np.full(np.shape(w), np.nan), "b": NAN}
    grads = {"dw": np.full(np.shape(w), np.nan), "db": NAN}
    return params, grads, [NAN] * math.ceil(num_iterations / 100)


def predict(w, b, X):
    return np.full((1, X.shape[1]), np.nan)


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    return {"costs": [NAN] * math.ceil(num_iterations / 100),
            "Y_prediction_test": np.full((1, X_test.shape[1]), np.nan),
            "Y_prediction_train": np.full((1, X_train.shape[1]), np.nan),
            "w": np.full((X_train.shape[0], 1), np.nan),
            "b": NAN,
            "learning_rate": NAN,
            "num_iterations": NAN}
