# bug: sigmoid
# mistake: uses math.exp, which only accepts single numbers and raises on arrays

import math

import numpy as np


def preprocess(images):
    m = len(images)
    n_x = int(np.prod(images.shape[1:]))
    X = np.reshape(images, (m, n_x)).T.astype(float)
    return X / 255.0


def sigmoid(z):
    s = 1 / (1 + math.exp(-z))
    return s


def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = 0.0
    return w, b


def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    logprobs = np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)
    cost = -np.squeeze(logprobs) / m
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    grads = {"dw": dw,
             "db": db}
    return grads, cost


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w = w.copy()
    costs = []
    for it in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        if it % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {it}: {cost:.6f}")
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
    return {"w": w, "b": b}, grads, costs


def predict(w, b, X):
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)
    for i in range(A.shape[1]):
        if A[0, i] > 0.5:
            Y_prediction[0, i] = 1
        else:
            Y_prediction[0, i] = 0
    return Y_prediction


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    parameters, grads, costs = optimize(w, b, X_train, Y_train, num_iterations,
                                        learning_rate, print_cost)
    w, b = parameters["w"], parameters["b"]
    Y_prediction_train = predict(w, b, X_train)
    Y_prediction_test = predict(w, b, X_test)
    if print_cost:
        for name, Y_hat, Y in (("train", Y_prediction_train, Y_train),
                               ("test", Y_prediction_test, Y_test)):
            print(name, "accuracy:", 100 - np.mean(np.abs(Y_hat - Y)) * 100, "%")
    return dict(costs=costs, Y_prediction_test=Y_prediction_test,
                Y_prediction_train=Y_prediction_train, w=w, b=b,
                learning_rate=learning_rate, num_iterations=num_iterations)
