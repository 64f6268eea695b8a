# correct: np.einsum for the products, np.where for the ReLU, the mask from A1 > 0, mse as a mean over examples of per-example sums

import copy

import numpy as np


def relu(Z):
    return np.where(Z > 0, Z, 0.0)


def forward(X, params):
    Z1 = np.einsum("hx,xm->hm", params["W1"], X) + params["b1"]
    A1 = relu(Z1)
    Z2 = np.einsum("yh,hm->ym", params["W2"], A1) + params["b2"]
    return Z2, {"X": X, "Z1": Z1, "A1": A1, "Z2": Z2}


def mse(Yhat, Y):
    per_example = np.sum((Yhat - Y) ** 2, axis=0)
    return float(np.mean(per_example))


def backward(cache, Y, params):
    X, A1, Z2 = cache["X"], cache["A1"], cache["Z2"]
    m = Y.shape[1]
    dZ2 = 2.0 * (Z2 - Y) / m
    dW2 = np.einsum("ym,hm->yh", dZ2, A1)
    db2 = np.sum(dZ2, axis=1).reshape(-1, 1)
    dA1 = np.einsum("yh,ym->hm", params["W2"], dZ2)
    dZ1 = np.where(A1 > 0, dA1, 0.0)
    dW1 = np.einsum("hm,xm->hx", dZ1, X)
    db1 = np.sum(dZ1, axis=1).reshape(-1, 1)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def gradient_check(X, Y, params, eps=1e-7):
    _, cache = forward(X, params)
    grads = backward(cache, Y, params)
    errors, g_sq, g_hat_sq = 0.0, 0.0, 0.0
    for name in ("W1", "b1", "W2", "b2"):
        theta = params[name].astype(float)
        it = np.nditer(theta, flags=["multi_index"])
        for _ in it:
            ix = it.multi_index
            shifted = copy.deepcopy(params)
            shifted[name][ix] = theta[ix] + eps
            J_plus = mse(forward(X, shifted)[0], Y)
            shifted[name][ix] = theta[ix] - eps
            J_minus = mse(forward(X, shifted)[0], Y)
            approx = (J_plus - J_minus) / (2 * eps)
            exact = grads["d" + name][ix]
            errors += (exact - approx) ** 2
            g_sq += exact ** 2
            g_hat_sq += approx ** 2
    denominator = np.sqrt(g_sq) + np.sqrt(g_hat_sq)
    return 0.0 if denominator == 0 else float(np.sqrt(errors) / denominator)


def train(X, Y, params, learning_rate, num_iterations):
    params = copy.deepcopy(params)
    costs = []
    for _ in range(num_iterations):
        Yhat, cache = forward(X, params)
        costs.append(mse(Yhat, Y))
        grads = backward(cache, Y, params)
        for key in params:
            params[key] -= learning_rate * grads["d" + key]
    return params, costs
