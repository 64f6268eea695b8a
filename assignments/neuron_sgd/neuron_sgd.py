# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # One neuron learns logical AND, one example at a time
#
# In the last assignment gradient descent looked at the *whole* training set before every
# step: it averaged the gradients of all `m` examples and then moved the parameters once.
# Here we do the opposite. **Stochastic gradient descent (SGD)** looks at a single example,
# computes the gradient of that example's loss, takes a step, and moves on to the next
# example. One pass over the data (an *epoch*) therefore makes as many steps as there are
# examples.
#
# The task is the smallest one that still needs learning: the logical AND of two bits. We
# teach it to two neurons:
#
# 1. a **linear neuron** that outputs `ŷ = w₁x₁ + w₂x₂ + b`, trained with the squared error
#    on labels −1/+1, and predicting the *sign* of `ŷ`;
# 2. a **logistic neuron** that outputs `a = σ(w₁x₁ + w₂x₂ + b)`, trained with the
#    cross-entropy on labels 0/1, and predicting 1 when `a > 0.5`.
#
# You will write seven functions, each in a cell marked `# YOUR CODE HERE`:
#
# | exercise | function | what it does |
# |---|---|---|
# | 1 | `linear_predict(x, w, b)` | the linear neuron's label, +1 or −1 |
# | 2 | `linear_gradients(x, y, w, b)` | the gradient of one example's squared error |
# | 3 | `sgd_step(w, b, dw, db, lr)` | one step against the gradient |
# | 4 | `train_linear(data, w, b, lr, epochs)` | SGD for the linear neuron |
# | 5 | `logistic_gradients(x, y, w, b)` | the gradient of one example's cross-entropy |
# | 6 | `train_logistic(data, w, b, lr, epochs)` | SGD for the logistic neuron |
# | 7 | `predict(x, w, b)` | the logistic neuron's label, 1 or 0 |
#
# After each exercise a check cell runs the public checks in `public_tests.py`. The grader runs
# many more checks than these, so passing the public ones is necessary but not enough.
#
# Cells that train or print demos sit under `if __name__ == "__main__":`. In a notebook that
# condition is always true, so they run as usual; when the grader *imports* your code it is
# false, so importing only defines your functions. Never read global variables from inside
# your functions: use the arguments.

# %%
import numpy as np

# %% [markdown]
# ## 1. The data: the AND truth table
#
# AND is 1 only when both inputs are 1:
#
# | x₁ | x₂ | x₁ AND x₂ | label for the linear neuron | label for the logistic neuron |
# |---|---|---|---|---|
# | 0 | 0 | 0 | −1 | 0 |
# | 0 | 1 | 0 | −1 | 0 |
# | 1 | 0 | 0 | −1 | 0 |
# | 1 | 1 | 1 | +1 | 1 |
#
# A data set is a Python list of `((x₁, x₂), y)` pairs, visited **in this order**. Each
# input `x` is a pair of numbers; the functions below turn it into a numpy array of shape
# `(2,)` with `np.asarray(x, dtype=float)`.
#
# The parameters are the weights `w = np.array([w₁, w₂])`, a float64 array of **shape (2,)**
# (one weight per input; for a single example a rank-1 array is all we need), and the bias
# `b`, a Python float. Both neurons start from the lesson's values
# `w₁ = 0.666, w₂ = 0.333, b = 0.233`.

# %%
AND_DATA = [((0, 0), -1), ((0, 1), -1), ((1, 0), -1), ((1, 1), 1)]  # labels -1/+1
AND_DATA_01 = [((0, 0), 0), ((0, 1), 0), ((1, 0), 0), ((1, 1), 1)]  # labels 0/1
W_START = np.array([0.666, 0.333])
B_START = 0.233

# %% [markdown]
# ## 2. The linear neuron and its prediction
#
# The linear neuron computes a weighted sum of its inputs plus a bias,
#
# `ŷ = z = w₁x₁ + w₂x₂ + b = w · x + b`,
#
# and uses it directly as its output. To turn the output into a label it takes the **sign**:
# +1 when `z > 0` and −1 otherwise. The points where `z = 0` form a straight line in the
# (x₁, x₂) plane, the *decision boundary*; the neuron says +1 on one side and −1 on the other.
#
# Exactly on the line, `z = 0` and `np.sign(z)` would give 0, which is not a label. We say
# −1 there: the neuron answers +1 only when `z` is strictly positive (the logistic neuron of
# part 2 does the same: 1 only when `a > 0.5`, that is when `z > 0`).
#
# With the starting values every input gets `z > 0`: `z` is 0.233, 0.566, 0.899 and 1.232 for
# (0,0), (0,1), (1,0) and (1,1). The untrained neuron says +1 everywhere and is right only
# about (1, 1).
#
# ### Exercise 1: `linear_predict`
#
# Return the label of one example `x`: `1` if `w · x + b > 0`, else `-1`.

# %%
def linear_predict(x, w, b):
    """The linear neuron's label for one example: the sign of w · x + b.

    Arguments:
    x -- the inputs (x1, x2): a tuple or a numpy array of shape (2,)
    w -- the weights, a float64 array of shape (2,)
    b -- the bias, a number

    Returns:
    label -- the number 1 if w · x + b > 0, else -1 (also when w · x + b is exactly 0)

    Example: linear_predict((1, 0), np.array([0.666, 0.333]), 0.233) -> 1   (z = 0.899)
    """
    x = np.asarray(x, dtype=float)
    # YOUR CODE HERE
    raise NotImplementedError()
    return label


# %%
if __name__ == "__main__":
    for x, y in AND_DATA:
        print(f"x = {x}: z = {np.dot(W_START, x) + B_START:.3f}, "
              f"label {linear_predict(x, W_START, B_START):+d}, wanted {y:+d}")

# %% [markdown]
# ## 3. The loss of one example and its gradient
#
# To learn, the neuron needs to know how wrong it is. For the linear neuron we use the
# **squared error** of one example,
#
# `L(w, b) = (ŷ − y)²`   with   `ŷ = w₁x₁ + w₂x₂ + b`.
#
# Note: many books write `½(ŷ − y)²` so that the 2 of the derivative cancels. That only halves
# every step, as if the learning rate were halved. **In this lesson the loss has no ½**: the
# lesson's numbers (learning rate 0.01, 20 epochs) are for `(ŷ − y)²`. With the ½ the same run
# ends at `b ≈ −0.374` and still says +1 for (1, 0): after 20 epochs it has not learnt AND yet.
#
# The chain rule, one node at a time:
#
# - `∂L/∂ŷ = 2(ŷ − y)`;
# - `∂ŷ/∂w₁ = x₁`, `∂ŷ/∂w₂ = x₂`, `∂ŷ/∂b = 1`;
# - so `dw₁ = 2(ŷ − y)·x₁`, `dw₂ = 2(ŷ − y)·x₂`, i.e. **`dw = 2(ŷ − y)·x`**, and
#   **`db = 2(ŷ − y)`**.
#
# Worked numbers at the start (`w = (0.666, 0.333)`, `b = 0.233`):
#
# - example (0, 0) with `y = −1`: `ŷ = 0.233`, the error `ŷ − y = 1.233`, the loss 1.520289,
#   `dw = (0, 0)` (both inputs are 0) and `db = 2.466`;
# - example (1, 1) with `y = +1`: `ŷ = 1.232`, `ŷ − y = 0.232`, `dw = (0.464, 0.464)` and
#   `db = 0.464`.
#
# Watch the sign: the error is `ŷ − y` (prediction minus label). With `y − ŷ` every gradient
# points the wrong way and the neuron learns the opposite of AND.
#
# ### Exercise 2: `linear_gradients`
#
# Return `(dw, db)` for one example: `dw` a float64 array of shape (2,) like `w`, `db` a number.
# The loss itself, `linear_loss`, is given; you do not need it for the gradient.

# %%
def linear_loss(x, y, w, b):
    """The squared error (ŷ - y)² of one example, with ŷ = w · x + b (no factor ½)."""
    y_hat = np.dot(w, np.asarray(x, dtype=float)) + b
    return float((y_hat - y) ** 2)


def linear_gradients(x, y, w, b):
    """The gradient of one example's squared error (ŷ - y)² with respect to w and b.

    Arguments:
    x -- the inputs (x1, x2): a tuple or a numpy array of shape (2,)
    y -- the label, -1 or +1
    w -- the weights, a float64 array of shape (2,)
    b -- the bias, a number

    Returns:
    dw -- 2 (ŷ - y) x, a float64 array of shape (2,)
    db -- 2 (ŷ - y), a number

    Example: linear_gradients((1, 1), 1, np.array([0.666, 0.333]), 0.233)
             -> (array([0.464, 0.464]), 0.464)
    """
    x = np.asarray(x, dtype=float)
    # YOUR CODE HERE
    raise NotImplementedError()
    return dw, db


# %% [markdown]
# Is the gradient right? Compare it with a numerical estimate: nudge each parameter by a tiny
# ε up and down and take `(L(θ + ε) − L(θ − ε)) / 2ε`. `check_gradients` from `gradcheck.py`,
# next to this notebook, does that for every parameter and reports the relative error
# `‖g − ĝ‖ / (‖g‖ + ‖ĝ‖)`. Below about 1e-7 your gradient matches your loss.

# %%
if __name__ == "__main__":
    from gradcheck import check_gradients

    print(linear_gradients((0, 0), -1, W_START, B_START))  # (array([0., 0.]), 2.466)
    print(linear_gradients((1, 1), 1, W_START, B_START))  # (array([0.464, 0.464]), 0.464)
    x_check, y_check = (0.5, -1.5), 1
    w_check, b_check = np.array([0.3, -0.8]), 0.1
    dw_check, db_check = linear_gradients(x_check, y_check, w_check, b_check)
    for check in check_gradients(
        lambda p: linear_loss(x_check, y_check, p["w"], p["b"]),
        {"w": w_check, "b": b_check},
        {"w": dw_check, "b": db_check},
    ):
        print(check)

# %% [markdown]
# ## 4. One step of gradient descent
#
# The gradient points uphill, towards a larger loss. A step of gradient descent moves the
# parameters a little way *against* it, by the learning rate `lr` (also written α) times the
# gradient:
#
# `w := w − lr · dw`,   `b := b − lr · db`.
#
# After the first example, (0, 0) with `db = 2.466`, and `lr = 0.01`, the weights stay at
# (0.666, 0.333) (their gradient is zero) and the bias goes from 0.233 to
# `0.233 − 0.01 · 2.466 = 0.20834`.
#
# ### Exercise 3: `sgd_step`
#
# Return the **new** `(w, b)`. Do not change the arrays you are given: `w -= lr * dw` would
# modify the caller's `w` in place (numpy arrays are passed by reference), so the caller's
# starting point would silently move too. Write `w - lr * dw`, which makes a new array.

# %%
def sgd_step(w, b, dw, db, lr):
    """One step of gradient descent: the new parameters, w - lr·dw and b - lr·db.

    Arguments:
    w -- the weights, a float64 array of shape (2,); not modified
    b -- the bias, a number
    dw -- the gradient with respect to w, shape (2,); not modified
    db -- the gradient with respect to b, a number
    lr -- the learning rate, a positive number

    Returns:
    w -- the new weights, a new float64 array of shape (2,)
    b -- the new bias, a number

    Example: sgd_step(np.array([0.666, 0.333]), 0.233, np.array([0., 0.]), 2.466, 0.01)
             -> (array([0.666, 0.333]), 0.20834)
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return new_w, new_b


# %% [markdown]
# ## 5. Training: stochastic gradient descent, example by example
#
# One **epoch** visits the examples of `data` once, in order. For *each* example it computes
# that example's gradient at the *current* parameters and immediately takes a step; the next
# example already sees the updated parameters. With the 4 examples of AND an epoch makes 4
# steps, and 20 epochs make 80.
#
# ```
# repeat epochs times:
#     for each example (x, y) of data, in order:
#         (dw, db) = the gradient of this example's loss at the current (w, b)
#         (w, b) = one step against it
# ```
#
# This is what makes it *stochastic* (or *online*) gradient descent. Summing or averaging the
# four gradients and taking one step per epoch would be batch gradient descent, the method of
# the last assignment: a different algorithm, with different numbers. (SGD usually also
# shuffles the examples every epoch; in this lesson we keep the fixed order so that everyone
# gets the same numbers.)
#
# With the lesson's values (start `w = (0.666, 0.333)`, `b = 0.233`, `lr = 0.01`, 20 epochs on
# `AND_DATA`) training ends at **w ≈ (0.4625, 0.2343), b ≈ −0.6180**, and the signs reproduce
# AND: −1, −1, −1, +1. Watching the predictions epoch by epoch is instructive: the neuron first
# gets (0, 0) right (epoch 3), then (0, 1) (epoch 7), and only in epoch 13 does (1, 0) cross
# the line.
#
# ### Exercise 4: `train_linear`
#
# Run `epochs` epochs of SGD on `data` for the linear neuron, starting from `w` and `b`, with
# one update per example, in order. Use `linear_gradients` and `sgd_step`. Return the final
# `(w, b)` and leave the caller's `w` unchanged.

# %%
def train_linear(data, w, b, lr, epochs):
    """Train the linear neuron by single-example SGD on the squared error.

    Arguments:
    data -- a list of ((x1, x2), y) pairs with labels -1 or +1, visited in this order
    w -- the starting weights, a float64 array of shape (2,); not modified
    b -- the starting bias, a number
    lr -- the learning rate
    epochs -- how many passes over data; each pass makes one update per example

    Returns:
    w -- the final weights, a float64 array of shape (2,)
    b -- the final bias, a number

    Example: train_linear(AND_DATA, np.array([0.666, 0.333]), 0.233, 0.01, 20)
             -> (array([0.46249227, 0.23430124]), -0.61799578)
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return w, b


# %%
if __name__ == "__main__":
    w_lin, b_lin = train_linear(AND_DATA, W_START, B_START, lr=0.01, epochs=20)
    print(f"after 20 epochs: w = {w_lin}, b = {b_lin:.4f}")
    print(" x1 x2 | z       | sign | AND")
    for x, y in AND_DATA:
        z = np.dot(w_lin, x) + b_lin
        print(f"  {x[0]}  {x[1]} | {z:+.4f} | {linear_predict(x, w_lin, b_lin):+d}   | {y:+d}")

    for epochs in range(1, 21):  # the predictions after each epoch
        w_e, b_e = train_linear(AND_DATA, W_START, B_START, 0.01, epochs)
        print(epochs, [linear_predict(x, w_e, b_e) for x, _ in AND_DATA])

# %% [markdown]
# The decision boundary `w₁x₁ + w₂x₂ + b = 0` of the trained neuron separates (1, 1) from the
# other three corners:

# %%
if __name__ == "__main__":
    import matplotlib.pyplot as plt

    for x, y in AND_DATA:
        plt.scatter(*x, marker="o" if y > 0 else "x", s=80, color="k")
    line = np.linspace(-0.25, 1.25, 2)
    plt.plot(line, -(w_lin[0] * line + b_lin) / w_lin[1], label="trained linear neuron")
    plt.plot(line, -(W_START[0] * line + B_START) / W_START[1], "--", label="start")
    plt.xlim(-0.25, 1.25)
    plt.ylim(-0.25, 1.75)
    plt.xlabel("x1")
    plt.ylabel("x2")
    plt.legend()
    plt.show()

# %% [markdown]
# ## 6. The logistic neuron
#
# The logistic neuron puts the weighted sum through the sigmoid,
#
# `z = w · x + b`,   `a = σ(z) = 1 / (1 + e⁻ᶻ)`,
#
# so its output is a probability that the label is 1. Its labels are 0 and 1 (`AND_DATA_01`),
# and its loss is the cross-entropy of one example,
#
# `L(a, y) = −( y·log(a) + (1 − y)·log(1 − a) )`.
#
# You met its gradient in the last assignment, there averaged over `m` examples. For **one**
# example the lecture's update reads:
#
# - `dz = a − y` (the sigmoid's derivative `a(1 − a)` is already inside: do not multiply by it
#   again);
# - `dw₁ = x₁·dz`, `dw₂ = x₂·dz`, i.e. `dw = x·dz`;
# - `db = dz` (a number: the bias is not multiplied by an input).
#
# There is no factor 2 here: that belonged to the squared error.
#
# Worked numbers at the start (`w = (0.666, 0.333)`, `b = 0.233`): for (0, 0) with `y = 0`,
# `z = 0.233`, `a = 0.5580`, so `dz = 0.5580`, `dw = (0, 0)` and `db = 0.5580`; for (1, 1) with
# `y = 1`, `z = 1.232`, `a = 0.7742`, `dz = −0.2258` and `dw = (−0.2258, −0.2258)`.
#
# ### Exercise 5: `logistic_gradients`
#
# Return `(dw, db)` for one example, shaped like `linear_gradients`' result. `sigmoid` and the
# loss `logistic_loss` are given.

# %%
def sigmoid(z):
    """1 / (1 + exp(-z)), for a number or an array."""
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z))


def logistic_loss(x, y, w, b):
    """The cross-entropy -(y log a + (1 - y) log(1 - a)) of one example, a = σ(w · x + b)."""
    z = np.dot(w, np.asarray(x, dtype=float)) + b
    return float(np.logaddexp(0.0, z) - y * z)  # the same value, without log(0)


def logistic_gradients(x, y, w, b):
    """The gradient of one example's cross-entropy with respect to w and b.

    Arguments:
    x -- the inputs (x1, x2): a tuple or a numpy array of shape (2,)
    y -- the label, 0 or 1
    w -- the weights, a float64 array of shape (2,)
    b -- the bias, a number

    Returns:
    dw -- x·dz with dz = a - y and a = sigmoid(w · x + b), a float64 array of shape (2,)
    db -- dz, a number

    Example: logistic_gradients((0, 0), 0, np.array([0.666, 0.333]), 0.233)
             -> (array([0., 0.]), 0.55798789)
    """
    x = np.asarray(x, dtype=float)
    # YOUR CODE HERE
    raise NotImplementedError()
    return dw, db


# %% [markdown]
# ### Exercise 6: `train_logistic`
#
# The same SGD loop as `train_linear`, with `logistic_gradients`: `epochs` passes over `data`
# in order, one update per example, through `sgd_step`. Leave the caller's `w` unchanged.
#
# The cross-entropy's gradients are smaller than the squared error's (`|a − y| < 1`), and the
# sigmoid needs large weights to get close to 0 and 1, so this neuron wants a larger learning
# rate. With **lr = 0.5 and 100 epochs** from the same start, training on `AND_DATA_01` ends at
# **w ≈ (4.5094, 4.4546), b ≈ −6.8121**; the probabilities of the four corners are then about
# 0.001, 0.086, 0.091 and 0.896. (AND is already right after 3 epochs; the remaining epochs
# make the neuron more confident.)

# %%
def train_logistic(data, w, b, lr, epochs):
    """Train the logistic neuron by single-example SGD on the cross-entropy.

    Arguments:
    data -- a list of ((x1, x2), y) pairs with labels 0 or 1, visited in this order
    w -- the starting weights, a float64 array of shape (2,); not modified
    b -- the starting bias, a number
    lr -- the learning rate
    epochs -- how many passes over data; each pass makes one update per example

    Returns:
    w -- the final weights, a float64 array of shape (2,)
    b -- the final bias, a number

    Example: train_logistic(AND_DATA_01, np.array([0.666, 0.333]), 0.233, 0.5, 100)
             -> (array([4.50939275, 4.45458584]), -6.81211638)
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return w, b


# %% [markdown]
# ### Exercise 7: `predict`
#
# The logistic neuron's label for one example: `1` when its probability `a = σ(w · x + b)` is
# **greater than** 0.5, else `0`. A probability of exactly 0.5 (on the decision boundary)
# gets the label 0. Compare the probability `a` with 0.5, not the score `z`: `z > 0.5` is a
# different, wrong, boundary.

# %%
def predict(x, w, b):
    """The logistic neuron's label for one example.

    Arguments:
    x -- the inputs (x1, x2): a tuple or a numpy array of shape (2,)
    w -- the weights, a float64 array of shape (2,)
    b -- the bias, a number

    Returns:
    label -- the number 1 if sigmoid(w · x + b) > 0.5, else 0

    Example: predict((1, 1), np.array([4.5094, 4.4546]), -6.8121) -> 1   (a = 0.896)
    """
    x = np.asarray(x, dtype=float)
    # YOUR CODE HERE
    raise NotImplementedError()
    return label


# %%
if __name__ == "__main__":
    w_log, b_log = train_logistic(AND_DATA_01, W_START, B_START, lr=0.5, epochs=100)
    print(f"after 100 epochs: w = {w_log}, b = {b_log:.4f}")
    print(" x1 x2 | a      | label | AND")
    for x, y in AND_DATA_01:
        a = sigmoid(np.dot(w_log, x) + b_log)
        print(f"  {x[0]}  {x[1]} | {a:.4f} | {predict(x, w_log, b_log)}     | {y}")

    losses = []  # the mean cross-entropy after each epoch
    w_e, b_e = W_START, B_START
    for _ in range(100):
        w_e, b_e = train_logistic(AND_DATA_01, w_e, b_e, 0.5, 1)
        losses.append(np.mean([logistic_loss(x, y, w_e, b_e) for x, y in AND_DATA_01]))
    plt.plot(range(1, 101), losses)
    plt.xlabel("epoch")
    plt.ylabel("mean cross-entropy")
    plt.title("logistic neuron, lr = 0.5")
    plt.show()

# %% [markdown]
# ## What you have built
#
# - The gradient of **one** example's loss, for the squared error (`dw = 2(ŷ − y)x`) and for
#   the cross-entropy (`dw = (a − y)x`), checked against finite differences.
# - A gradient step that returns new parameters and leaves its arguments alone.
# - Stochastic gradient descent: one update per example, in order, epoch after epoch.
# - Two neurons that have learnt AND. A single neuron can only draw one straight line, which
#   is enough for AND (and OR) but not for XOR: that needs a hidden layer, the subject of the
#   next lessons.
