# bug: train
# mistake: params.copy() (shallow) then -= updates the caller's arrays in place

import copy
import numpy as np


def relu(Z):
    return Z * (Z > 0)


def forward(X, params):
    W1 = params["W1"]
    b1 = params["b1"]
    W2 = params["W2"]
    b2 = params["b2"]
    Z1 = W1 @ X + b1
    A1 = relu(Z1)
    Z2 = W2 @ A1 + b2
    Yhat = Z2
    cache = {"X": X, "Z1": Z1, "A1": A1, "Z2": Z2}
    return Yhat, cache


def mse(Yhat, Y):
    m = Y.shape[1]
    return float(1 / m * np.sum(np.square(Yhat - Y)))


def backward(cache, Y, params):
    X = cache["X"]
    Z1 = cache["Z1"]
    A1 = cache["A1"]
    Z2 = cache["Z2"]
    W2 = params["W2"]
    m = X.shape[1]
    dZ2 = 2 * (Z2 - Y) / m
    dW2 = dZ2 @ A1.T
    db2 = dZ2.sum(axis=1, keepdims=True)
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (Z1 > 0)
    dW1 = dZ1 @ X.T
    db1 = dZ1.sum(axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def gradient_check(X, Y, params, eps=1e-7):
    _, cache = forward(X, params)
    grads = backward(cache, Y, params)
    g = []
    g_hat = []
    for name in ("W1", "b1", "W2", "b2"):
        for i in range(params[name].shape[0]):
            for j in range(params[name].shape[1]):
                plus = copy.deepcopy(params)
                plus[name][i, j] += eps
                minus = copy.deepcopy(params)
                minus[name][i, j] -= eps
                J_plus = mse(forward(X, plus)[0], Y)
                J_minus = mse(forward(X, minus)[0], Y)
                g_hat.append((J_plus - J_minus) / (2 * eps))
                g.append(grads["d" + name][i, j])
    g = np.array(g)
    g_hat = np.array(g_hat)
    denom = np.linalg.norm(g) + np.linalg.norm(g_hat)
    if denom == 0:
        return 0.0
    return float(np.linalg.norm(g - g_hat) / denom)


def train(X, Y, params, learning_rate, num_iterations):
    params = params.copy()
    costs = []
    for i in range(num_iterations):
        Yhat, cache = forward(X, params)
        costs.append(mse(Yhat, Y))
        grads = backward(cache, Y, params)
        for key in ["W1", "b1", "W2", "b2"]:
            params[key] -= learning_rate * grads["d" + key]
    return params, costs
