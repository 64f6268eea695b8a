# correct: sigmoid written inline in propagate and predict instead of calling sigmoid()

import numpy as np


def preprocess(images):
    m = images.shape[0]
    X = images.reshape(m, -1).T
    return X / 255.0


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def initialize_with_zeros(dim):
    return np.zeros((dim, 1)), 0.0


def propagate(w, b, X, Y):
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    return {"dw": dw, "db": db}, cost


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w = np.array(w, dtype=float)  # a fresh array, never the caller's
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration", i, ":", cost)
    return {"w": w, "b": b}, grads, costs


def predict(w, b, X):
    A = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))
    return (A > 0.5) * 1.0


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,
                                    print_cost)
    w = params["w"]
    b = params["b"]
    return {"costs": costs,
            "Y_prediction_test": predict(w, b, X_test),
            "Y_prediction_train": predict(w, b, X_train),
            "w": w,
            "b": b,
            "learning_rate": learning_rate,
            "num_iterations": num_iterations}
