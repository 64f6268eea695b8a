# class: 12-pickle
# honest: preprocess initialize_with_zeros optimize model
# attack: sigmoid returns a pickle whose unpickling would run os.system('echo ...'), propagate returns pickle.dumps of the right answer, predict returns .npy bytes of the right answer

import copy
import io
import os
import pickle

import numpy as np


class _Payload:
    def __reduce__(self):
        return (os.system, ("echo hostile_pickle_ran",))


_MALICIOUS = pickle.dumps(_Payload())  # building it runs nothing; unpickling it would


def _right_sigmoid(z):
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))


def sigmoid(z):
    return _MALICIOUS


def propagate(w, b, X, Y):
    m = X.shape[1]
    Z = np.dot(w.T, X) + b
    A = _right_sigmoid(Z)
    cost = np.sum(np.logaddexp(0.0, Z) - Y * Z) / m
    dZ = A - Y
    grads = {"dw": np.dot(X, dZ.T) / m, "db": np.sum(dZ) / m}
    return pickle.dumps((grads, cost))


def predict(w, b, X):
    m = X.shape[1]
    w = np.asarray(w).reshape(X.shape[0], 1)
    labels = (_right_sigmoid(np.dot(w.T, X) + b) > 0.5).astype(float).reshape(1, m)
    buffer = io.BytesIO()
    np.save(buffer, labels)
    return buffer.getvalue()


def preprocess(images):
    n_images = images.shape[0]
    flat = images.reshape(n_images, -1).T
    X = flat / 255.0
    return X


def initialize_with_zeros(dim):
    w = np.zeros(shape=(dim, 1))
    b = float(0)
    return w, b


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
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))
    params = {"w": w, "b": b}
    return params, grads, costs


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,
                                    print_cost)
    w, b = params["w"], params["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    if print_cost:
        train_accuracy = 100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100
        test_accuracy = 100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100
        print(f"train accuracy: {train_accuracy} %")
        print(f"test accuracy: {test_accuracy} %")
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d
