# correct: cost, db and b kept as Python floats via float(...)

import copy

import numpy as np


def preprocess(images):
    m = images.shape[0]
    return images.reshape(m, -1).T / 255


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = float(0)
    return w, b


def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)
    dw = np.dot(X, (A - Y).T) / m
    db = float(np.sum(A - Y) / m)
    return {"dw": dw, "db": db}, cost


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w = copy.deepcopy(w)
    b = float(b)
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = float(b - learning_rate * grads["db"])
        if i % 100 == 0:
            costs.append(float(cost))
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    return {"w": w, "b": b}, grads, costs


def predict(w, b, X):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    Y_prediction = np.zeros((1, m))
    for i in range(m):
        Y_prediction[0, i] = 1.0 if A[0, i] > 0.5 else 0.0
    return Y_prediction


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,
                                    print_cost)
    w = params["w"]
    b = float(params["b"])
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d
