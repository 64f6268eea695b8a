# correct: np.where in predict, np.mean for the averages

import copy

import numpy as np


def preprocess(images):
    m = images.shape[0]
    n_x = images[0].size
    X = images.reshape(m, n_x).T
    X = X / 255
    return X


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return 1 / (1 + np.exp(-z))


def initialize_with_zeros(dim):
    w = np.zeros([dim, 1])
    b = 0.
    return w, b


def propagate(w, b, X, Y):
    Z = np.dot(w.T, X) + b
    A = sigmoid(Z)
    cost = np.mean(-Y * np.log(A) - (1 - Y) * np.log(1 - A))
    dZ = A - Y
    dw = np.mean(X * dZ, axis=1, keepdims=True)
    db = np.mean(dZ)
    grads = {"dw": dw, "db": db}
    return grads, cost


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
        if print_cost and i % 100 == 0:
            print("Cost after iteration", i, cost)
    params = {"w": w, "b": b}
    return params, grads, costs


def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    Y_prediction = np.where(A > 0.5, 1.0, 0.0)
    return Y_prediction


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(len(X_train))
    parameters, grads, costs = optimize(w, b, X_train, Y_train,
                                        num_iterations=num_iterations,
                                        learning_rate=learning_rate,
                                        print_cost=print_cost)
    w = parameters["w"]
    b = parameters["b"]
    Y_prediction_train = predict(w, b, X_train)
    Y_prediction_test = predict(w, b, X_test)
    if print_cost:
        train_acc = 100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100
        test_acc = 100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100
        print(f"train accuracy: {train_acc} %")
        print(f"test accuracy: {test_acc} %")
    return dict(costs=costs, Y_prediction_test=Y_prediction_test,
                Y_prediction_train=Y_prediction_train, w=w, b=b,
                learning_rate=learning_rate, num_iterations=num_iterations)
