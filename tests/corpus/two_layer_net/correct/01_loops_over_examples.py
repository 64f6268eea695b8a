# correct: loops over the examples in forward, mse and backward; relu via np.maximum(Z, 0)

import copy

import numpy as np


def relu(Z):
    return np.maximum(Z, 0)


def forward(X, params):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]
    Z1 = np.zeros((W1.shape[0], m))
    Z2 = np.zeros((W2.shape[0], m))
    for i in range(m):
        x = X[:, i:i + 1]
        Z1[:, i:i + 1] = np.dot(W1, x) + b1
    A1 = relu(Z1)
    for i in range(m):
        Z2[:, i:i + 1] = np.dot(W2, A1[:, i:i + 1]) + b2
    cache = {"X": X, "Z1": Z1, "A1": A1, "Z2": Z2}
    return Z2, cache


def mse(Yhat, Y):
    m = Y.shape[1]
    total = 0.0
    for i in range(m):
        for k in range(Y.shape[0]):
            total += (Yhat[k, i] - Y[k, i]) ** 2
    return total / m


def backward(cache, Y, params):
    X, Z1, A1, Z2 = cache["X"], cache["Z1"], cache["A1"], cache["Z2"]
    W1, W2 = params["W1"], params["W2"]
    m = X.shape[1]
    dW1 = np.zeros(W1.shape)
    db1 = np.zeros((W1.shape[0], 1))
    dW2 = np.zeros(W2.shape)
    db2 = np.zeros((W2.shape[0], 1))
    for i in range(m):
        dz2 = 2 * (Z2[:, i:i + 1] - Y[:, i:i + 1]) / m
        dW2 += np.dot(dz2, A1[:, i:i + 1].T)
        db2 += dz2
        da1 = np.dot(W2.T, dz2)
        dz1 = da1 * (Z1[:, i:i + 1] > 0)
        dW1 += np.dot(dz1, X[:, i:i + 1].T)
        db1 += dz1
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def gradient_check(X, Y, params, eps=1e-7):
    _, cache = forward(X, params)
    grads = backward(cache, Y, params)
    g, g_hat = [], []
    for name in ["W1", "b1", "W2", "b2"]:
        rows, cols = params[name].shape
        for r in range(rows):
            for c in range(cols):
                plus = copy.deepcopy(params)
                minus = copy.deepcopy(params)
                plus[name][r, c] = params[name][r, c] + eps
                minus[name][r, c] = params[name][r, c] - eps
                J_plus = mse(forward(X, plus)[0], Y)
                J_minus = mse(forward(X, minus)[0], Y)
                g_hat.append((J_plus - J_minus) / (2 * eps))
                g.append(grads["d" + name][r, c])
    g, g_hat = np.array(g), np.array(g_hat)
    numerator = np.linalg.norm(g - g_hat)
    denominator = np.linalg.norm(g) + np.linalg.norm(g_hat)
    if denominator == 0:
        return 0.0
    return float(numerator / denominator)


def train(X, Y, params, learning_rate, num_iterations):
    W1, b1 = params["W1"].copy(), params["b1"].copy()
    W2, b2 = params["W2"].copy(), params["b2"].copy()
    costs = []
    for it in range(num_iterations):
        current = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
        Yhat, cache = forward(X, current)
        costs.append(mse(Yhat, Y))
        grads = backward(cache, Y, current)
        W1 = W1 - learning_rate * grads["dW1"]
        b1 = b1 - learning_rate * grads["db1"]
        W2 = W2 - learning_rate * grads["dW2"]
        b2 = b2 - learning_rate * grads["db2"]
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}, costs
