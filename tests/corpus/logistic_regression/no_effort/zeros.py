# no effort: every function returns zeros of the right structure and shape
import numpy as np


def preprocess(images):
    return np.zeros((int(np.prod(images.shape[1:])), images.shape[0]))


def sigmoid(z):
    return np.zeros_like(np.asarray(z, dtype=float))


def initialize_with_zeros(dim):
    return 0, 0


def propagate(w, b, X, Y):
    return {"dw": np.zeros_like(w), "db": 0.0}, 0.0


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = [0.0] * ((num_iterations + 99) // 100)
    return {"w": np.zeros_like(w), "b": 0.0}, {"dw": np.zeros_like(w), "db": 0.0}, costs


def predict(w, b, X):
    return np.zeros((1, X.shape[1]))


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    return {"costs": [0.0] * ((num_iterations + 99) // 100),
            "Y_prediction_test": np.zeros((1, X_test.shape[1])),
            "Y_prediction_train": np.zeros((1, X_train.shape[1])),
            "w": np.zeros((X_train.shape[0], 1)), "b": 0.0,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
