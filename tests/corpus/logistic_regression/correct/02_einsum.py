# correct: np.einsum for the forward pass and the gradients

import copy

import numpy as np


def preprocess(images):
    X = np.einsum("ij->ji", images.reshape(images.shape[0], -1))
    return X / 255


def sigmoid(z):
    s = 1 / (1 + np.exp(-z))
    return s


def initialize_with_zeros(dim):
    w = np.zeros(shape=(dim, 1))
    b = 0.
    return w, b


def propagate(w, b, X, Y):
    m = X.shape[1]
    Z = np.einsum("ji,jk->ik", w, X) + b          # w^T X, shape (1, m)
    A = sigmoid(Z)
    cost = -np.einsum("ij,ij->", Y, np.log(A)) - np.einsum("ij,ij->", 1 - Y, np.log(1 - A))
    cost = cost / m
    dZ = A - Y
    dw = np.einsum("jk,ik->ji", X, dZ) / m         # X dZ^T, shape (n_x, 1)
    db = np.einsum("ij->", dZ) / m
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
                print(f"iteration {i}: cost {cost}")
    return {"w": w, "b": b}, grads, costs


def predict(w, b, X):
    A = sigmoid(np.einsum("ji,jk->ik", w, X) + b)
    return (A > 0.5).astype(np.float64)


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, _, costs = optimize(w, b, X_train, Y_train, num_iterations=num_iterations,
                                learning_rate=learning_rate, print_cost=print_cost)
    w, b = params["w"], params["b"]
    return {"costs": costs,
            "Y_prediction_test": predict(w, b, X_test),
            "Y_prediction_train": predict(w, b, X_train),
            "w": w,
            "b": b,
            "learning_rate": learning_rate,
            "num_iterations": num_iterations}
