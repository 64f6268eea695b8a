# bug: sigmoid
# mistake: copies basic_sigmoid and keeps math.exp, which accepts single numbers only and raises on arrays

import math

import numpy as np


def basic_sigmoid(x):
    """sigmoid of a scalar using math"""
    ### START CODE HERE ###
    s = 1/(1+math.exp(-x))
    ### END CODE HERE ###
    return s


def sigmoid(x):
    """numpy version"""
    ### START CODE HERE ###
    s = 1/(1+math.exp(-x))
    ### END CODE HERE ###
    return s


def sigmoid_derivative(x):
    ### START CODE HERE ###
    s = sigmoid(x)
    ds = s*(1-s)
    ### END CODE HERE ###
    return ds


def image2vector(image):
    ### START CODE HERE ###
    v = image.reshape(-1, 1)
    ### END CODE HERE ###
    return v


def normalize_rows(x):
    ### START CODE HERE ###
    x_norm = np.linalg.norm(x, ord=2, axis=1, keepdims=True)
    x = x/x_norm
    ### END CODE HERE ###
    return x


def softmax(x):
    ### START CODE HERE ###
    x_exp = np.exp(x - np.max(x, axis=1, keepdims=True))
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    s = x_exp/x_sum
    ### END CODE HERE ###
    return s


def L1(yhat, y):
    ### START CODE HERE ###
    loss = np.sum(abs(y-yhat))
    ### END CODE HERE ###
    return loss


def L2(yhat, y):
    ### START CODE HERE ###
    loss = np.sum(np.square(y-yhat))
    ### END CODE HERE ###
    return loss
