# bug: initialize_with_zeros
# mistake: returns b = np.zeros(1), an array of shape (1,) instead of a number

import numpy as np


def preprocess(images):
    m = images.shape[0]
    X = images.reshape(m, -1).T
    X = X / 255.
    return X


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    s = 1 / (1 + np.exp(-z))
    return s


def initialize_with_zeros(dim):
    w = np.zeros(shape=(dim, 1))
    b = np.zeros(1)
    return w, b


def propagate(w, b, X, Y):
    m = X.shape[1]

    # forward propagation
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -1 / m * np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))

    # backward propagation
    dw = 1 / m * np.dot(X, (A - Y).T)
    db = 1 / m * np.sum(A - Y)

    cost = np.squeeze(np.array(cost))
    grads = {"dw": dw, "db": db}
    return grads, cost


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    grads = None
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        # new arrays, so the caller's w is left alone
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
        if print_cost and i % 100 == 0:
            print("Cost after iteration", i, cost)
    params = {"w": w, "b": b}
    return params, grads, costs


def predict(w, b, X):
    A = sigmoid(w.T @ X + b)
    return (A > 0.5).astype(float)


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
        train_acc = 100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100
        test_acc = 100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100
        print(f"train accuracy: {train_acc} %")
        print(f"test accuracy: {test_acc} %")
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d
