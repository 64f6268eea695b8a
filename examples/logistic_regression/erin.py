# bug: predict
# mistake: forgets to add b: A = sigmoid(w^T X)

import copy

import numpy as np


def preprocess(images):
    # flatten each image into one column, then standardize
    X_flatten = images.reshape(images.shape[0], -1).T
    return X_flatten / 255


def sigmoid(z):
    s = 1 / (1 + np.exp(-z))
    return s


def initialize_with_zeros(dim):
    return np.zeros([dim, 1]), 0.


def propagate(w, b, X, Y):
    m = X.shape[1]
    Z = w.T @ X + b
    A = sigmoid(Z)
    cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dZ = A - Y
    dw = X @ dZ.T / m
    db = np.mean(dZ)
    return {"dw": dw, "db": db}, cost


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w = copy.deepcopy(w)
    b = copy.deepcopy(b)
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw = grads["dw"]
        db = grads["db"]
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs


def predict(w, b, X):
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X))
    for i in range(A.shape[1]):
        Y_prediction[0, i] = 1 if A[0, i] > 0.5 else 0
    return Y_prediction


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    n_x = X_train.shape[0]
    w, b = initialize_with_zeros(n_x)
    params, _, costs = optimize(w, b, X_train, Y_train, num_iterations=num_iterations,
                                learning_rate=learning_rate, print_cost=print_cost)
    Y_prediction_train = predict(params["w"], params["b"], X_train)
    Y_prediction_test = predict(params["w"], params["b"], X_test)
    return {"costs": costs,
            "Y_prediction_test": Y_prediction_test,
            "Y_prediction_train": Y_prediction_train,
            "w": params["w"],
            "b": params["b"],
            "learning_rate": learning_rate,
            "num_iterations": num_iterations}
