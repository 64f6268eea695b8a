# no effort: every function returns one constant (0.5 or 1) of the right structure and shape
import numpy as np


def preprocess(images):
    return np.full((int(np.prod(images.shape[1:])), images.shape[0]), 0.5)


def sigmoid(z):
    return np.full(np.shape(z), 0.5)


def initialize_with_zeros(dim):
    return np.full((dim, 1), 0.5), 0.5


def propagate(w, b, X, Y):
    return {"dw": np.full(w.shape, 0.5), "db": 0.5}, 0.0


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = [0.5] * ((num_iterations + 99) // 100)
    return {"w": np.full(w.shape, 0.5), "b": 0.5}, {"dw": np.full(w.shape, 0.5), "db": 0.5}, costs


def predict(w, b, X):
    return np.ones((1, X.shape[1]))


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    return {"costs": [0.5] * ((num_iterations + 99) // 100),
            "Y_prediction_test": np.zeros((1, X_test.shape[1])),
            "Y_prediction_train": np.zeros((1, X_train.shape[1])),
            "w": np.zeros((X_train.shape[0], 1)), "b": 0.0,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
