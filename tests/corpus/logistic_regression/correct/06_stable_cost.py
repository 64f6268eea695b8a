# correct: numerically stable cost written with log1p(exp(-|z|)), no log of A

import copy

import numpy as np


def preprocess(images):
    m = images.shape[0]
    return (images.reshape(m, -1) / 255.0).T


def sigmoid(z):
    # sigma(z) = exp(-log(1 + exp(-z))), and logaddexp never overflows
    return np.exp(-np.logaddexp(0, -z))


def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = 0.0
    return w, b


def softplus(z):
    # log(1 + exp(z)) without overflow
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))


def propagate(w, b, X, Y):
    m = X.shape[1]
    Z = np.dot(w.T, X) + b
    A = sigmoid(Z)
    # -[y log(a) + (1 - y) log(1 - a)] = softplus(z) - y z
    cost = np.sum(softplus(Z) - Y * Z) / m
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ) / m
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
                print(f"Cost after iteration {i}: {cost:f}")
    params = {"w": w, "b": b}
    return params, grads, costs


def predict(w, b, X):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    return (A > 0.5).astype(float).reshape(1, m)


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,
                                    print_cost)
    w, b = params["w"], params["b"]
    d = {"costs": costs,
         "Y_prediction_test": predict(w, b, X_test),
         "Y_prediction_train": predict(w, b, X_train),
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d
