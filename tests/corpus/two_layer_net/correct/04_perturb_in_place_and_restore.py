# correct: gradient_check perturbs the caller's arrays in place and puts each entry back; train copies each array and updates with -=

import numpy as np


def relu(Z):
    return np.maximum(0, Z)


def forward(X, params):
    Z1 = np.dot(params["W1"], X) + params["b1"]
    A1 = relu(Z1)
    Z2 = np.dot(params["W2"], A1) + params["b2"]
    Yhat = Z2
    cache = {"X": X, "Z1": Z1, "A1": A1, "Z2": Z2}
    return Yhat, cache


def mse(Yhat, Y):
    m = Yhat.shape[1]
    J = np.sum(np.power(Yhat - Y, 2)) / m
    return float(J)


def backward(cache, Y, params):
    X, Z1, A1, Z2 = cache["X"], cache["Z1"], cache["A1"], cache["Z2"]
    m = X.shape[1]
    dZ2 = 2 / m * (Z2 - Y)
    dW2 = np.dot(dZ2, A1.T)
    db2 = np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(params["W2"].T, dZ2)
    relu_grad = np.zeros_like(Z1)
    relu_grad[Z1 > 0] = 1
    dZ1 = dA1 * relu_grad
    dW1 = np.dot(dZ1, X.T)
    db1 = np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def gradient_check(X, Y, params, eps=1e-7):
    Yhat, cache = forward(X, params)
    grads = backward(cache, Y, params)
    g = np.concatenate([grads[k].ravel() for k in ("dW1", "db1", "dW2", "db2")])
    approx = []
    for name in ("W1", "b1", "W2", "b2"):
        P = params[name]
        for idx in np.ndindex(*P.shape):
            saved = P[idx]
            P[idx] = saved + eps
            cost_plus = mse(forward(X, params)[0], Y)
            P[idx] = saved - eps
            cost_minus = mse(forward(X, params)[0], Y)
            P[idx] = saved  # put it back
            approx.append((cost_plus - cost_minus) / (2 * eps))
    g_hat = np.array(approx)
    top = np.linalg.norm(g - g_hat)
    bottom = np.linalg.norm(g) + np.linalg.norm(g_hat)
    return float(top / bottom) if bottom > 0 else 0.0


def train(X, Y, params, learning_rate, num_iterations):
    params = {k: v.copy() for k, v in params.items()}
    costs = []
    for i in range(num_iterations):
        Yhat, cache = forward(X, params)
        costs.append(mse(Yhat, Y))
        grads = backward(cache, Y, params)
        params["W1"] -= learning_rate * grads["dW1"]
        params["b1"] -= learning_rate * grads["db1"]
        params["W2"] -= learning_rate * grads["dW2"]
        params["b2"] -= learning_rate * grads["db2"]
    return params, costs
