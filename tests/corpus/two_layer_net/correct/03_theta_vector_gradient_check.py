# correct: gradient_check on one parameter vector theta, with dictionary_to_vector helpers as in the course's grad-check notebook

import copy

import numpy as np

KEYS = ["W1", "b1", "W2", "b2"]


def relu(Z):
    A = Z.copy()
    A[A <= 0] = 0.0
    return A


def forward(X, params):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    Z1 = W1 @ X + b1
    A1 = relu(Z1)
    Z2 = W2 @ A1 + b2
    cache = {"X": X, "Z1": Z1, "A1": A1, "Z2": Z2}
    return Z2, cache


def mse(Yhat, Y):
    m = Y.shape[1]
    diff = (Yhat - Y).reshape(-1)
    return float(np.dot(diff, diff) / m)


def backward(cache, Y, params):
    m = Y.shape[1]
    dZ2 = (2.0 / m) * (cache["Z2"] - Y)
    dW2 = dZ2 @ cache["A1"].T
    db2 = np.sum(dZ2, axis=1, keepdims=True)
    dA1 = params["W2"].T @ dZ2
    dZ1 = dA1 * np.heaviside(cache["Z1"], 0.0)
    dW1 = dZ1 @ cache["X"].T
    db1 = np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def dictionary_to_vector(params):
    return np.concatenate([params[k].reshape(-1) for k in KEYS])


def vector_to_dictionary(theta, like):
    out, start = {}, 0
    for k in KEYS:
        size = like[k].size
        out[k] = theta[start:start + size].reshape(like[k].shape)
        start += size
    return out


def gradient_check(X, Y, params, eps=1e-7):
    _, cache = forward(X, params)
    grads = backward(cache, Y, params)
    grad = np.concatenate([grads["d" + k].reshape(-1) for k in KEYS])
    theta = dictionary_to_vector(params)
    gradapprox = np.zeros(theta.shape)
    for i in range(theta.size):
        theta_plus = np.copy(theta)
        theta_plus[i] = theta_plus[i] + eps
        J_plus = mse(forward(X, vector_to_dictionary(theta_plus, params))[0], Y)
        theta_minus = np.copy(theta)
        theta_minus[i] = theta_minus[i] - eps
        J_minus = mse(forward(X, vector_to_dictionary(theta_minus, params))[0], Y)
        gradapprox[i] = (J_plus - J_minus) / (2 * eps)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    if denominator == 0:
        return 0.0
    difference = numerator / denominator
    return float(difference)


def train(X, Y, params, learning_rate, num_iterations):
    theta = dictionary_to_vector(params)
    costs = []
    for i in range(num_iterations):
        current = vector_to_dictionary(theta, params)
        Yhat, cache = forward(X, current)
        costs.append(mse(Yhat, Y))
        grads = backward(cache, Y, current)
        grad = np.concatenate([grads["d" + k].reshape(-1) for k in KEYS])
        theta = theta - learning_rate * grad
    return copy.deepcopy(vector_to_dictionary(theta, params)), costs
