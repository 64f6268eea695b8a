# correct: the @ operator everywhere instead of np.dot

import copy

import numpy as np


def preprocess(images):
    return images.reshape(images.shape[0], -1).T / 255.


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def initialize_with_zeros(dim):
    return np.zeros((dim, 1)), 0.0


def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = -(Y @ np.log(A).T + (1 - Y) @ np.log(1 - A).T) / m
    cost = cost.item()
    dZ = A - Y
    dw = X @ dZ.T / m
    db = (dZ @ np.ones((m, 1))).item() / m
    return {"dw": dw, "db": db}, cost


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
                print(f"Cost after iteration {i}: {cost:.6f}")
    return {"w": w, "b": b}, grads, costs


def predict(w, b, X):
    A = sigmoid(w.T @ X + b)
    return 1.0 * (A > 0.5)


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, _, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,
                                print_cost)
    w, b = params["w"], params["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    return {"costs": costs, "Y_prediction_test": Y_prediction_test,
            "Y_prediction_train": Y_prediction_train, "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
