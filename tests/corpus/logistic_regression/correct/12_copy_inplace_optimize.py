# correct: optimize copies w with w.copy() and then updates the copy in place with -=

import numpy as np


def preprocess(images):
    n_images = images.shape[0]
    flat = images.reshape(n_images, -1)
    return flat.T / 255.0


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = 0.0
    return w, b


def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dZ = A - Y
    dw = X @ dZ.T / m
    db = np.mean(dZ)
    return {"dw": dw, "db": db}, cost


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w = w.copy()  # work on a copy so -= below does not touch the caller's array
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w -= learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    params = {"w": w, "b": b}
    return params, grads, costs


def predict(w, b, X):
    m = X.shape[1]
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(w.T @ X + b)
    Y_prediction = np.zeros((1, m))
    Y_prediction[0, :] = A[0, :] > 0.5
    return Y_prediction


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,
                                    print_cost)
    w, b = params["w"], params["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    if print_cost:
        print("train accuracy:", 100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100, "%")
        print("test accuracy:", 100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100, "%")
    return {"costs": costs,
            "Y_prediction_test": Y_prediction_test,
            "Y_prediction_train": Y_prediction_train,
            "w": w,
            "b": b,
            "learning_rate": learning_rate,
            "num_iterations": num_iterations}
