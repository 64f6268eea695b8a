# bug: gradient_check
# mistake: one-sided (forward) difference (J(theta + eps) - J(theta)) / eps instead of the centred one

import copy

import numpy as np


def initialize_parameters(n_x, n_h, n_y, seed=0):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(size=(n_h, n_x)) * np.sqrt(2.0 / n_x),
        "b1": rng.uniform(-1.0, 1.0, size=(n_h, 1)),
        "W2": rng.normal(size=(n_y, n_h)) * np.sqrt(1.0 / n_h),
        "b2": np.zeros((n_y, 1)),
    }


def relu(Z):
    A = np.maximum(0, Z)
    return A


def forward(X, params):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    Z2 = np.dot(W2, A1) + b2
    Yhat = Z2
    cache = {"X": X, "Z1": Z1, "A1": A1, "Z2": Z2}
    return Yhat, cache


def mse(Yhat, Y):
    m = Y.shape[1]
    cost = np.sum((Yhat - Y) ** 2) / m
    return float(cost)


def backward(cache, Y, params):
    X, Z1, A1, Z2 = cache["X"], cache["Z1"], cache["A1"], cache["Z2"]
    W2 = params["W2"]
    m = X.shape[1]
    dZ2 = (2 / m) * (Z2 - Y)
    dW2 = np.dot(dZ2, A1.T)
    db2 = np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = dA1 * (Z1 > 0)
    dW1 = np.dot(dZ1, X.T)
    db1 = np.sum(dZ1, axis=1, keepdims=True)
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads


def gradient_check(X, Y, params, eps=1e-7):
    Yhat, cache = forward(X, params)
    grads = backward(cache, Y, params)
    grad_list = []
    approx_list = []
    for name in ["W1", "b1", "W2", "b2"]:
        theta = params[name].copy()
        for idx in np.ndindex(theta.shape):
            old = theta[idx]
            theta[idx] = old + eps
            p_plus = dict(params)
            p_plus[name] = theta
            J_plus = mse(forward(X, p_plus)[0], Y)
            J = mse(forward(X, params)[0], Y)
            theta[idx] = old
            approx_list.append((J_plus - J) / eps)
            grad_list.append(grads["d" + name][idx])
    grad = np.array(grad_list)
    gradapprox = np.array(approx_list)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    if denominator == 0:
        return 0.0
    difference = numerator / denominator
    return float(difference)


def train(X, Y, params, learning_rate, num_iterations):
    params = copy.deepcopy(params)
    costs = []
    for i in range(num_iterations):
        Yhat, cache = forward(X, params)
        cost = mse(Yhat, Y)
        costs.append(cost)
        grads = backward(cache, Y, params)
        params["W1"] = params["W1"] - learning_rate * grads["dW1"]
        params["b1"] = params["b1"] - learning_rate * grads["db1"]
        params["W2"] = params["W2"] - learning_rate * grads["dW2"]
        params["b2"] = params["b2"] - learning_rate * grads["db2"]
    return params, costs
