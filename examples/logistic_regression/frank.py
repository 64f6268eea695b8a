# correct: loops over examples and features in propagate and predict

import copy
import math

import numpy as np


def preprocess(images):
    m = images.shape[0]
    X = images.reshape(m, -1).T
    return X / 255.0


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = 0.0
    return w, b


def propagate(w, b, X, Y):
    n_x, m = X.shape
    cost = 0.0
    dw = np.zeros((n_x, 1))
    db = 0.0
    for i in range(m):
        z_i = 0.0
        for j in range(n_x):
            z_i += w[j, 0] * X[j, i]
        z_i = z_i + b
        a_i = sigmoid(z_i)
        y_i = Y[0, i]
        cost += -(y_i * math.log(a_i) + (1 - y_i) * math.log(1 - a_i))
        dz_i = a_i - y_i
        for j in range(n_x):
            dw[j, 0] += X[j, i] * dz_i
        db += dz_i
    cost /= m
    dw /= m
    db /= m
    grads = {"dw": dw, "db": db}
    return grads, cost


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
    n_x, m = X.shape
    Y_prediction = np.zeros((1, m))
    for i in range(m):
        z = 0.0
        for j in range(n_x):
            z += w[j, 0] * X[j, i]
        if sigmoid(z + b) > 0.5:
            Y_prediction[0, i] = 1.0
    return Y_prediction


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,
                                    print_cost)
    w = params["w"]
    b = params["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    if print_cost:
        print("train accuracy:", 100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100)
        print("test accuracy:", 100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100)
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d
