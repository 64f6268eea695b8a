# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # A two-layer network, with backpropagation by hand
#
# Logistic regression was a network with one neuron. This week the network gets a hidden
# layer:
#
# `X  →  LINEAR  →  ReLU  →  LINEAR  →  Ŷ`,  scored by the mean squared error against `Y`.
#
# It is a *regression* network: the output is a real number (or a few), not a probability, so
# the last layer has no activation at all. You will write the forward pass, the cost, and the
# backward pass, by hand, one derivative at a time. Then you will write the tool that tells
# you whether a backward pass is right, **gradient checking**, and finally train the network
# on a small data set.
#
# | exercise | function | what it does |
# |---|---|---|
# | 1 | `relu(Z)` | the hidden layer's activation |
# | 2 | `forward(X, params)` | the prediction `Ŷ` and a cache for the backward pass |
# | 3 | `mse(Yhat, Y)` | the cost |
# | 4 | `backward(cache, Y, params)` | the gradients `dW1, db1, dW2, db2` |
# | 5 | `gradient_check(X, Y, params, eps)` | compares them with finite differences |
# | 6 | `train(X, Y, params, learning_rate, num_iterations)` | gradient descent |
#
# After each exercise a check cell runs the public checks in `public_tests.py`. They test types,
# shapes and the worked example of this lesson. The grader runs many more checks than these,
# so passing the public ones is necessary but not enough.
#
# Cells that make data, train or plot sit under `if __name__ == "__main__":`. In a notebook
# that condition is always true, so they run as usual; when the grader *imports* your code it
# is false, so importing only defines your functions. Keep your own experiments under such a
# guard too, and never read global variables inside your functions: use the arguments.

# %%
import copy

import numpy as np

# %% [markdown]
# ## 1. The network and its shapes
#
# As in the whole course, **examples are columns**: `X` has shape `(n_x, m)` for `m` examples
# of `n_x` features, and the targets `Y` have shape `(n_y, m)`. The network has `n_h` hidden
# units and four parameters, kept in a dictionary `params`:
#
# | parameter | shape | role |
# |---|---|---|
# | `params["W1"]` | `(n_h, n_x)` | weights of the hidden layer |
# | `params["b1"]` | `(n_h, 1)` | biases of the hidden layer |
# | `params["W2"]` | `(n_y, n_h)` | weights of the output layer |
# | `params["b2"]` | `(n_y, 1)` | biases of the output layer |
#
# The biases are **columns**, not rank-1 arrays: `W1 @ X` has shape `(n_h, m)`, and adding a
# `(n_h, 1)` column broadcasts it over the `m` columns, one bias per hidden unit. A `(n_h,)`
# array would broadcast along the wrong axis (or fail).
#
# The function below makes random starting parameters. It is given: read it, you will call it
# in the demos. Weights are drawn at random (zeros would make every hidden unit compute the
# same thing forever) and scaled by `√(2/n_x)` for the ReLU layer ("He" scaling), so that the
# hidden values neither explode nor vanish. The hidden biases are drawn at random too: with a
# single input feature, zero biases would put the corner of every ReLU at `x = 0`.

# %%
def initialize_parameters(n_x, n_h, n_y, seed=0):
    """Random starting parameters for a network with n_x inputs, n_h hidden units, n_y outputs.

    Returns {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}, float64.
    The same seed always gives the same parameters.
    """
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(size=(n_h, n_x)) * np.sqrt(2.0 / n_x),
        "b1": rng.uniform(-1.0, 1.0, size=(n_h, 1)),
        "W2": rng.normal(size=(n_y, n_h)) * np.sqrt(1.0 / n_h),
        "b2": np.zeros((n_y, 1)),
    }


# %% [markdown]
# ### The worked example
#
# One tiny network accompanies the whole lesson, small enough to follow with pencil and paper:
# `n_x = 2` features, `n_h = 3` hidden units, `n_y = 1` output and `m = 4` examples. Every number
# in it is a multiple of 1/16, so the results below are exact, and you can compare your
# functions with them (the public checks do).

# %%
X_example = np.array([[1.0, 2.0, -1.0, 0.0],
                      [0.0, -1.0, 2.0, 1.0]])
Y_example = np.array([[0.5, 2.5, 3.0, 1.0]])
params_example = {
    "W1": np.array([[1.0, -1.0], [0.5, 1.0], [-1.0, 0.0]]),
    "b1": np.array([[0.0], [0.5], [1.0]]),
    "W2": np.array([[1.0, -0.5, 2.0]]),
    "b2": np.array([[0.5]]),
}

# %% [markdown]
# ## 2. The ReLU
#
# The hidden layer's activation is the rectified linear unit,
#
# `relu(z) = max(0, z)`:
#
# it lets positive values through and replaces the others by 0. Its derivative is 1 for
# `z > 0` and 0 for `z < 0`. At exactly `z = 0` the ReLU has a corner and no derivative;
# a program must still pick a number, and **this course's convention is 0**:
#
# `relu'(z) = 1 if z > 0, and 0 if z ≤ 0`.
#
# (Frameworks such as PyTorch make the same choice.) It matters more than you might think:
# a hidden unit whose weights and bias are all zero has `z = 0` on every example, and a
# training set with a zero feature vector puts `z = b` exactly on a corner when `b = 0`.
#
# ### Exercise 1: `relu`
#
# Implement `relu(Z)` for an array of any shape, without a loop. Return a new array: do not
# change the `Z` you are given (so no `Z[Z < 0] = 0` on it).

# %%
def relu(Z):
    """The rectified linear unit max(0, z), elementwise.

    Arguments:
    Z -- float array of any shape; it is not modified

    Returns:
    A -- float array of the shape of Z: Z where Z > 0, 0 elsewhere

    Example: relu(np.array([[-1.5, 0.0, 2.0]])) -> array([[0., 0., 2.]])
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return A


# %%
if __name__ == "__main__":
    print("relu([[-1.5, 0, 2]]) =", relu(np.array([[-1.5, 0.0, 2.0]])))

# %% [markdown]
# ## 3. The forward pass and its cache
#
# For all `m` examples at once (no loop), the network computes
#
# 1. `Z1 = W1 X + b1`, shape `(n_h, m)`: the hidden pre-activations;
# 2. `A1 = relu(Z1)`, shape `(n_h, m)`: the hidden activations;
# 3. `Z2 = W2 A1 + b2`, shape `(n_y, m)`: the output.
#
# The output layer has no activation: the prediction is `Ŷ = Z2`. Check the shapes:
# `(n_h, n_x) @ (n_x, m)` is `(n_h, m)`, and `(n_y, n_h) @ (n_h, m)` is `(n_y, m)`.
#
# The backward pass needs some of these intermediate values again, so the forward pass keeps
# them in a dictionary, the **cache**, with exactly these keys:
#
# | key | value | shape |
# |---|---|---|
# | `"X"` | the input | `(n_x, m)` |
# | `"Z1"` | the hidden pre-activations | `(n_h, m)` |
# | `"A1"` | the hidden activations | `(n_h, m)` |
# | `"Z2"` | the output, equal to `Ŷ` | `(n_y, m)` |
#
# `backward` may use these four keys and nothing else: the grader hands your `backward` a
# cache made by the reference `forward`.
#
# On the worked example:
#
# - `Z1 = [[1, 3, -3, -1], [1, 0.5, 2, 1.5], [0, -1, 2, 1]]`. Note the `0` in the corner: the
#   third hidden unit, `−x₁ + 1`, is exactly 0 on the first example `(1, 0)`;
# - `A1 = [[1, 3, 0, 0], [1, 0.5, 2, 1.5], [0, 0, 2, 1]]`;
# - `Ŷ = Z2 = [[1, 3.25, 3.5, 1.75]]`.
#
# ### Exercise 2: `forward`
#
# Compute `Z1`, `A1` and `Z2` with `@` (or `np.dot`) and the `relu` of exercise 1. The lines that
# build the cache and return are given.

# %%
def forward(X, params):
    """The forward pass LINEAR -> ReLU -> LINEAR for m examples at once.

    Arguments:
    X -- input, shape (n_x, m), one example per column
    params -- {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}

    Returns:
    Yhat -- the predictions Z2, shape (n_y, m)
    cache -- {"X": X, "Z1": (n_h, m), "A1": (n_h, m), "Z2": (n_y, m)}

    Example: on the lesson's worked example, Yhat = [[1., 3.25, 3.5, 1.75]]
    """
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    # YOUR CODE HERE
    raise NotImplementedError()
    Yhat = Z2
    cache = {"X": X, "Z1": Z1, "A1": A1, "Z2": Z2}
    return Yhat, cache


# %%
if __name__ == "__main__":
    Yhat_example, cache_example = forward(X_example, params_example)
    print("Z1 =", cache_example["Z1"].tolist())
    print("A1 =", cache_example["A1"].tolist())
    print("Yhat =", Yhat_example.tolist())

# %% [markdown]
# ## 4. The cost: mean squared error
#
# For regression the usual cost is the **mean squared error** over the `m` examples,
#
# `J = (1/m) · Σᵢ Σₖ (ŷₖ⁽ⁱ⁾ − yₖ⁽ⁱ⁾)²`,
#
# the squared distance between prediction and target, summed over the `n_y` outputs of each
# example and averaged over the examples. Two details to get exactly right:
#
# - divide by `m`, the number of examples (`Y.shape[1]`), not by the number of entries. With one
#   output (`n_y = 1`) the two agree; with several, `np.mean` would also divide by `n_y`;
# - there is **no factor 1/2** in this course's cost. Some books write `(1/2m)·Σ` so that the 2
#   of the derivative cancels; we keep the plain mean, so the 2 shows up in the backward pass.
#
# On the worked example the errors `Ŷ − Y` are `[0.5, 0.75, 0.5, 0.75]`, their squares
# `[0.25, 0.5625, 0.25, 0.5625]` sum to 1.625, and `J = 1.625 / 4 = 0.40625`.
#
# ### Exercise 3: `mse`
#
# Return the cost as a Python float (`float(...)` turns a numpy number into one).

# %%
def mse(Yhat, Y):
    """The mean squared error J = (1/m) * sum of (Yhat - Y)**2 over all entries.

    Arguments:
    Yhat -- predictions, shape (n_y, m)
    Y -- targets, shape (n_y, m)

    Returns:
    cost -- a Python float: the sum of the squared errors divided by m, the number of examples

    Example: on the lesson's worked example, mse(Yhat, Y) = 0.40625
    """
    m = Y.shape[1]
    # YOUR CODE HERE
    raise NotImplementedError()
    return cost


# %%
if __name__ == "__main__":
    print("J =", mse(Yhat_example, Y_example))

# %% [markdown]
# ## 5. The backward pass, step by step
#
# The backward pass walks the forward pass in reverse and applies the chain rule at every
# step. As in logistic regression, `dV` is the name of the derivative of the cost `J` with
# respect to `V`, and it always has **the shape of `V`**: that alone catches many mistakes.
#
# **The output.** `J = (1/m) Σ (Z2 − Y)²`, so one entry of `Z2` contributes
# `(1/m)(z − y)²` and its derivative is `(2/m)(z − y)`:
#
# `dZ2 = (2/m) · (Z2 − Y)`, shape `(n_y, m)`.
#
# The `1/m` of the mean is now inside `dZ2`, so it must not appear again below. (In logistic
# regression you wrote it in `dw` instead; the result is the same, as long as it appears
# exactly once.) The factor 2 comes from the square: forgetting it halves every gradient.
#
# **The output layer's parameters.** `Z2 = W2 A1 + b2`. Each example contributes
# `dz2⁽ⁱ⁾ a1⁽ⁱ⁾ᵀ` to `dW2`, and summing over the examples is one matrix product:
#
# `dW2 = dZ2 A1ᵀ`, shape `(n_y, m) @ (m, n_h) = (n_y, n_h)`, the shape of `W2`;
#
# `db2 = Σᵢ dZ2⁽ⁱ⁾`, the sum over the examples, that is over **axis 1**, keeping a column:
# `np.sum(dZ2, axis=1, keepdims=True)`, shape `(n_y, 1)`, the shape of `b2`.
#
# **Back into the hidden layer.** The hidden activations fed every output, so
#
# `dA1 = W2ᵀ dZ2`, shape `(n_h, n_y) @ (n_y, m) = (n_h, m)`.
#
# **Through the ReLU.** `A1 = relu(Z1)` elementwise, so `dZ1 = dA1 · relu'(Z1)` elementwise,
# with the convention of section 2 (derivative 0 where `Z1 ≤ 0`):
#
# `dZ1 = dA1 * (Z1 > 0)`, shape `(n_h, m)`.
#
# A boolean array multiplies as 0 and 1. The comparison must be `Z1 > 0`: `Z1 >= 0` would give
# derivative 1 at the corner, and `Z1 < 0` keeps exactly the wrong entries.
#
# **The hidden layer's parameters**, exactly like the output layer's, with `X` in the role of
# `A1`:
#
# `dW1 = dZ1 Xᵀ`, shape `(n_h, n_x)`, and `db1 = np.sum(dZ1, axis=1, keepdims=True)`, shape
# `(n_h, 1)`.
#
# **The worked example**, by hand:
#
# - `dZ2 = (2/4) · [0.5, 0.75, 0.5, 0.75] = [[0.25, 0.375, 0.25, 0.375]]`;
# - `dW2 = [[1.375, 1.5, 0.875]]`, `db2 = [[1.25]]`;
# - `dA1 = W2ᵀ dZ2 = [[0.25, 0.375, 0.25, 0.375], [−0.125, −0.1875, −0.125, −0.1875],
#   [0.5, 0.75, 0.5, 0.75]]`;
# - the mask `Z1 > 0` is `[[1, 1, 0, 0], [1, 1, 1, 1], [0, 0, 1, 1]]`: its first entry in the last
#   row is 0 because `Z1` is exactly 0 there;
# - `dZ1 = [[0.25, 0.375, 0, 0], [−0.125, −0.1875, −0.125, −0.1875], [0, 0, 0.5, 0.75]]`;
# - `dW1 = [[1, −0.375], [−0.375, −0.25], [−0.5, 1.75]]`, `db1 = [[0.625], [−0.625], [1.25]]`.
#
# With `Z1 >= 0` the last row of `dZ1` would start with 0.5 instead of 0, and `dW1`'s last row
# and `db1`'s last entry would come out as `[0, 1.75]` and `1.75`.
#
# ### Exercise 4: `backward`
#
# Implement the seven lines above, with no loop. Use only the four keys of the cache, `Y`, and
# `params["W2"]`. Return the gradients in a dictionary with the keys `"dW1"`, `"db1"`,
# `"dW2"` and `"db2"`, each of the shape of its parameter.

# %%
def backward(cache, Y, params):
    """The backward pass: the gradients of the mean squared error J with respect to every
    parameter.

    Arguments:
    cache -- {"X": (n_x, m), "Z1": (n_h, m), "A1": (n_h, m), "Z2": (n_y, m)}, from forward
    Y -- targets, shape (n_y, m)
    params -- {"W1", "b1", "W2", "b2"} as for forward (backward needs W2)

    Returns:
    grads -- {"dW1": (n_h, n_x), "db1": (n_h, 1), "dW2": (n_y, n_h), "db2": (n_y, 1)}

    Example: on the lesson's worked example, dW2 = [[1.375, 1.5, 0.875]], db2 = [[1.25]],
    dW1 = [[1., -0.375], [-0.375, -0.25], [-0.5, 1.75]], db1 = [[0.625], [-0.625], [1.25]]
    """
    X, Z1, A1, Z2 = cache["X"], cache["Z1"], cache["A1"], cache["Z2"]
    W2 = params["W2"]
    m = X.shape[1]
    # YOUR CODE HERE
    raise NotImplementedError()
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads


# %%
if __name__ == "__main__":
    grads_example = backward(cache_example, Y_example, params_example)
    for name, value in grads_example.items():
        print(name, "=", value.tolist())

# %% [markdown]
# ## 6. Gradient checking
#
# A backward pass with a bug still runs, still returns arrays of the right shapes, and the
# network may even still learn, just worse. Shapes cannot tell you it is wrong; numbers can.
# The derivative is the limit of a difference quotient, so for a small `ε` we can *estimate*
# it, one parameter entry at a time, from the cost alone:
#
# `ĝᵢ = (J(θ + ε·eᵢ) − J(θ − ε·eᵢ)) / 2ε`,
#
# where `θ` stands for all the parameters and `eᵢ` moves only entry `i`. This is the
# **centred** (two-sided) difference. The lecture's example: for `f(θ) = θ³` at `θ = 1` with
# `ε = 0.01`, the centred difference is `(1.01³ − 0.99³) / 0.02 = 3.0001`, an error of 1e-4
# against the true `f'(1) = 3`, while the one-sided `(1.01³ − 1³) / 0.01 = 3.0301` is off by
# 3e-2. The centred error shrinks like `ε²`, the one-sided one only like `ε`.

# %%
if __name__ == "__main__":
    theta, step = 1.0, 0.01
    centred = ((theta + step) ** 3 - (theta - step) ** 3) / (2 * step)
    one_sided = ((theta + step) ** 3 - theta ** 3) / step
    print(f"centred: {centred:.6f} (error {abs(centred - 3):.1e}); "
          f"one-sided: {one_sided:.6f} (error {abs(one_sided - 3):.1e})")

# %% [markdown]
# To compare the estimate `ĝ` with your backward pass's gradient `g`, stack every entry of
# `dW1, db1, dW2, db2` into one long vector `g`, and the estimates, in the same order, into
# `ĝ`. Their **relative error** is
#
# `difference = ‖g − ĝ‖₂ / (‖g‖₂ + ‖ĝ‖₂)`,
#
# with one norm (`np.linalg.norm`) in the numerator and two in the denominator. Dividing by the
# sizes of the gradients makes the number mean the same whether gradients are large or small.
# (When both vectors are exactly zero there is nothing to compare: the difference is 0.)
#
# With `ε = 1e-7` the course reads the result like this:
#
# | difference | verdict |
# |---|---|
# | about 1e-7 or less | great: the backward pass is right |
# | about 1e-5 | look again: maybe fine, maybe a bug |
# | about 1e-3 or more | there is almost surely a bug |
#
# Three practical remarks. Gradient checking is slow (two forward passes per parameter entry),
# so it is a debugging tool: run it on a small network, never inside training. It checks the
# backward pass against the *forward pass and the cost*, so those must be right (the grader
# hands your `gradient_check` the reference's `forward`, `mse` and `backward`). And it cannot
# see past a **corner** of the ReLU: when some `Z1` is within `ε` of 0, `J(θ + ε)` and
# `J(θ − ε)` lie on different sides of the corner, and the estimate is an average of two
# slopes. The worked example sits exactly on a corner, on purpose: you will see what that does.
#
# ### Exercise 5: `gradient_check`
#
# For each of `"W1", "b1", "W2", "b2"` and each entry of it: add `eps`, compute the cost with
# `forward` and `mse`, subtract `eps`, compute the cost again, put the entry back, and store the
# centred difference. Then compare with what `backward` gives, with the formula above. Do not
# change the caller's `params`: perturb a copy (`np.array(params[name], dtype=float)` copies an
# array), and give `forward` a dictionary holding the perturbed copy. `np.ndindex(shape)` goes
# through every index of an array of that shape. Return the difference as a Python float.

# %%
def gradient_check(X, Y, params, eps=1e-7):
    """The relative error between backward's gradients and centred finite differences of the
    cost, over every entry of W1, b1, W2 and b2.

    Arguments:
    X -- input, shape (n_x, m)
    Y -- targets, shape (n_y, m)
    params -- {"W1", "b1", "W2", "b2"} as for forward; not modified
    eps -- the step of the finite differences

    Returns:
    difference -- a Python float, ||g - g_hat|| / (||g|| + ||g_hat||), where g stacks the
                  gradients from backward and g_hat the estimates
                  (J(theta + eps) - J(theta - eps)) / (2 eps); 0.0 when both are zero

    Example: on the lesson's worked example (which sits on a corner of the ReLU),
    gradient_check(X, Y, params) is about 0.0477; on a network without corners it is below 1e-7
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return difference


# %% [markdown]
# First a network drawn at random, which has no `Z1` near 0: the difference should be tiny.
# Then the worked example, with its `Z1 = 0`: the two-sided estimate for the third hidden
# unit's weight and bias is the average of the slopes on either side of the corner, half of
# what the one-sided slope would be, and the difference jumps far above 1e-7 although your
# backward pass is right. When gradient checking complains, look for corners before you look
# for bugs, or check at a point without them.

# %%
if __name__ == "__main__":
    rng = np.random.default_rng(1)
    X_check, Y_check = rng.normal(size=(3, 5)), rng.normal(size=(2, 5))
    params_check = initialize_parameters(3, 4, 2, seed=1)
    print(f"random network:  difference = {gradient_check(X_check, Y_check, params_check):.2e}")
    print(f"worked example:  difference = "
          f"{gradient_check(X_example, Y_example, params_example):.4f}")

# %% [markdown]
# One number for the whole network tells you *whether* something is wrong, not *where*. The
# lecture's advice is to look at the parameters one by one: when the difference is large,
# compare the entries of `g` and `ĝ` that belong to each parameter separately (print them
# side by side inside your `gradient_check` while you debug). On the worked example only the
# entries of `W1` and `b1` disagree, those of the third hidden unit, the one on the corner.

# %% [markdown]
# ## 7. Training
#
# Gradient descent repeats the same four steps: forward pass, cost, backward pass, and an
# update of every parameter against its gradient,
#
# `W1 := W1 − α·dW1`, `b1 := b1 − α·db1`, `W2 := W2 − α·dW2`, `b2 := b2 − α·db2`,
#
# where `α` is the learning rate.
#
# ### Exercise 6: `train`
#
# Run `num_iterations` steps of full-batch gradient descent (every step uses all `m` examples)
# starting from the `params` you are given. In each step, record the cost of the current
# parameters, computed by `forward` and `mse` *before* the update, in the list `costs`, so that
# `costs[0]` is the cost of the starting parameters and `costs` ends up with `num_iterations`
# numbers. Return the final parameters, in a new dictionary with the same four keys, and
# `costs`.
#
# **Do not change the caller's `params`.** Updating in place, `params["W1"] -= ...`, would
# change the arrays the caller passed, and so would `params.copy()` followed by `-=`: a
# dictionary's `copy()` is shallow, it shares the arrays. Start from `copy.deepcopy(params)`,
# or build new arrays with `W1 = W1 - learning_rate * dW1`.

# %%
def train(X, Y, params, learning_rate, num_iterations):
    """Full-batch gradient descent on the mean squared error, from the given parameters.

    Arguments:
    X -- input, shape (n_x, m)
    Y -- targets, shape (n_y, m)
    params -- starting {"W1", "b1", "W2", "b2"}; not modified
    learning_rate -- the step size alpha
    num_iterations -- the number of gradient-descent steps

    Returns:
    params -- a new dict {"W1", "b1", "W2", "b2"}: the parameters after num_iterations steps
    costs -- a list of num_iterations floats: costs[i] is the cost before step i

    Example: on the lesson's worked example, train(X, Y, params, 0.05, 3) gives
    costs = [0.40625, 0.06679..., 0.03372...]
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return params, costs


# %% [markdown]
# ## 8. Fitting a curve
#
# A small regression problem: 80 points `x` in `[−π, π]` and their targets `y = sin(x)` plus a
# little noise, made with a seeded generator so that everybody gets the same data. A straight
# line cannot follow a sine; a layer of ReLUs can, by joining short straight pieces, one corner
# per hidden unit.

# %%
if __name__ == "__main__":
    import matplotlib.pyplot as plt

    data_rng = np.random.default_rng(0)
    x_train = np.sort(data_rng.uniform(-np.pi, np.pi, size=80)).reshape(1, 80)
    y_train = np.sin(x_train) + 0.05 * data_rng.normal(size=(1, 80))
    start = initialize_parameters(n_x=1, n_h=10, n_y=1, seed=0)
    print(f"gradient check at the start: {gradient_check(x_train, y_train, start):.2e}")

    trained, costs = train(x_train, y_train, start, learning_rate=0.02, num_iterations=5000)
    print(f"cost after 0 iterations: {costs[0]:.4f}; after {len(costs)}: "
          f"{mse(forward(x_train, trained)[0], y_train):.4f}")

    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 3.5))
    left.plot(costs)
    left.set_yscale("log")
    left.set_xlabel("iteration")
    left.set_ylabel("cost J (log scale)")
    left.set_title("learning rate = 0.02")
    grid = np.linspace(-np.pi, np.pi, 300).reshape(1, 300)
    right.scatter(x_train.ravel(), y_train.ravel(), s=10, label="training data")
    right.plot(grid.ravel(), forward(grid, start)[0].ravel(), label="before training")
    right.plot(grid.ravel(), forward(grid, trained)[0].ravel(), label="after training")
    right.legend()
    right.set_xlabel("x")
    plt.show()

# %% [markdown]
# The cost falls fast at first and then slowly, and the trained curve follows the sine with a
# handful of straight pieces. Try other numbers of hidden units and learning rates: with too
# large a rate the cost jumps up instead of down.
#
# ## What you have built
#
# - A forward pass that keeps a cache, and the mean squared error.
# - A backward pass written by hand, with the ReLU's derivative taken as 0 at its corner.
# - A gradient checker, the tool to trust (or distrust) any backward pass you write from now on.
# - Gradient descent that fits a curve.
#
# A deeper network repeats the same two layers' worth of formulas once per layer.
