# no effort: every function returns random values of the right structure and shape
import numpy as np

rng = np.random.default_rng(0)


def preprocess(images):
    return rng.random((int(np.prod(images.shape[1:])), images.shape[0]))


def sigmoid(z):
    return rng.random(np.shape(z))


def initialize_with_zeros(dim):
    return rng.random((dim, 1)), float(rng.random())


def propagate(w, b, X, Y):
    return {"dw": rng.random(w.shape), "db": float(rng.random())}, float(rng.random())


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = list(rng.random((num_iterations + 99) // 100))
    return ({"w": rng.random(w.shape), "b": float(rng.random())},
            {"dw": rng.random(w.shape), "db": float(rng.random())}, costs)


def predict(w, b, X):
    return (rng.random((1, X.shape[1])) > 0.5).astype(float)


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    return {"costs": list(rng.random((num_iterations + 99) // 100)),
            "Y_prediction_test": (rng.random((1, X_test.shape[1])) > 0.5).astype(float),
            "Y_prediction_train": (rng.random((1, X_train.shape[1])) > 0.5).astype(float),
            "w": rng.random((X_train.shape[0], 1)), "b": float(rng.random()),
            "learning_rate": learning_rate, "num_iterations": num_iterations}
