# correct: preprocess stacks the ravel'ed images as columns with np.stack

import copy

import numpy as np


def preprocess(images):
    columns = [image.ravel() for image in images]
    X = np.stack(columns, axis=1).astype(float)
    X /= 255.0
    return X


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = 0.0
    return w, b


def propagate(w, b, X, Y):
    m = X.shape[1]
    Z = np.dot(w.T, X) + b
    A = sigmoid(Z)
    losses = -(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    cost = np.sum(losses) / m
    dZ = A - Y
    grads = {"dw": np.dot(X, dZ.T) / m, "db": np.sum(dZ) / m}
    return grads, cost


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w = copy.deepcopy(w)
    costs = []
    for step in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        if step % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {step}: {cost:f}")
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
    return {"w": w, "b": b}, grads, costs


def predict(w, b, X):
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)
    return np.where(A > 0.5, 1.0, 0.0)


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,
                                    print_cost)
    w = params["w"]
    b = params["b"]
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
