# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # The computation graph and the chain rule
#
# Training a network means computing derivatives: how much does the cost move when one
# parameter moves a little? For a network with millions of parameters we cannot work that out
# by hand for each one. The trick every deep-learning library uses is to write the computation
# as a **computation graph**, a chain of small steps, and then to run through it twice:
#
# - the **forward pass**, left to right, computes the output;
# - the **backward pass**, right to left, computes the derivative of the output with respect
#   to every variable, one local derivative at a time, with the **chain rule**.
#
# You will do both passes by hand on the lecture's toy function, then on logistic regression
# for one example, and finally write the tool that checks any backward pass: a numerical
# gradient.
#
# | exercise | function | what it does |
# |---|---|---|
# | 1 | `forward(a, b, c)` | the forward pass of J = 3(a + bc) |
# | 2 | `backward(a, b, c)` | its backward pass: dv, du, da, db, dc |
# | 3 | `logistic_forward(x1, x2, w1, w2, b, y)` | z, a and the loss L for one example |
# | 4 | `logistic_backward(x1, x2, w1, w2, b, y)` | da, dz, dw1, dw2, db for that example |
# | 5 | `numeric_grad(f, x, eps)` | the centred-difference gradient of any function |
#
# After each exercise a check cell runs the public checks in `public_tests.py`. They test the
# lecture's examples and a few more. The grader runs many more checks than these, on inputs of
# its own, so passing the public ones is necessary but not enough: hard-coding the lecture's
# numbers earns nothing.
#
# Cells that print or plot demos sit under `if __name__ == "__main__":`. In a notebook that
# condition is always true, so they run as usual; when the grader *imports* your code it is
# false, so importing does nothing but define your functions. Keep your own experiments under
# such a guard too, and never read global variables from inside your functions.

# %%
import numpy as np

# %% [markdown]
# ## 1. A computation graph
#
# Take a function of three variables,
#
# `J(a, b, c) = 3(a + b·c)`.
#
# Computing it takes three steps, and each step gets a name:
#
# 1. `u = b·c`
# 2. `v = a + u`
# 3. `J = 3·v`
#
# Drawn as a graph, each step is a box, and the arrows carry values into it:
#
# ```
#   a ───────────────────────────┐
#                                ▼
#   b ──┐    ┌─────────┐    ┌─────────┐    ┌────────┐
#       ├───▶│ u = b·c │───▶│ v = a+u │───▶│ J = 3v │
#   c ──┘    └─────────┘    └─────────┘    └────────┘
# ```
#
# The **forward pass** follows the arrows from left to right. With the lecture's values
# `a = 5, b = 3, c = 2`:
#
# - `u = 3 · 2 = 6`
# - `v = 5 + 6 = 11`
# - `J = 3 · 11 = 33`

# %% [markdown]
# ### Exercise 1: `forward`
#
# Compute `u`, `v` and `J`, step by step as in the graph, and return all three in a
# dictionary `{"u": u, "v": v, "J": J}`. The backward pass will need the intermediate values,
# which is why we keep them instead of returning `J` alone.

# %%
def forward(a, b, c):
    """The forward pass of J = 3(a + b·c) through its computation graph.

    Arguments:
    a, b, c -- Python floats

    Returns:
    values -- {"u": b·c, "v": a + u, "J": 3·v}, three floats

    Example: forward(5.0, 3.0, 2.0) -> {"u": 6.0, "v": 11.0, "J": 33.0}
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return {"u": u, "v": v, "J": J}


# %%
if __name__ == "__main__":
    print("forward(5, 3, 2) =", forward(5.0, 3.0, 2.0))

# %% [markdown]
# ## 2. Derivatives as nudges
#
# What does the derivative `dJ/dv` mean? Nudge `v` a little, and see how much `J` moves.
# `J = 3v`, so if `v` goes from 11 to 11.001, `J` goes from 33 to 33.003: `J` moved **three
# times** as much as `v`, so `dJ/dv = 3`.
#
# Now nudge `a` instead, from 5 to 5.001. Then `v = a + u` goes from 11 to 11.001, and that in
# turn moves `J` from 33 to 33.003. So `dJ/da = 3` as well. Look at how we found it: a change in
# `a` changes `v`, and a change in `v` changes `J`. The two effects multiply:
#
# `dJ/da = dJ/dv · dv/da = 3 · 1 = 3`.
#
# That is the **chain rule**, and it is the whole of backpropagation. The cell below does the
# nudges with your `forward`.

# %%
if __name__ == "__main__":
    before = forward(5.0, 3.0, 2.0)["J"]
    for name, nudged in [("a", forward(5.001, 3.0, 2.0)), ("b", forward(5.0, 3.001, 2.0)),
                         ("c", forward(5.0, 3.0, 2.001))]:
        moved = nudged["J"] - before
        print(f"nudge {name} by 0.001: J moves by {moved:.6f}, so dJ/d{name} ≈ {moved / 0.001:.3f}")

# %% [markdown]
# ## 3. The backward pass
#
# The backward pass applies the chain rule systematically, from the output back to the
# inputs, reusing at each box the derivative it has just computed:
#
# | step | local derivative | chain rule | value |
# |---|---|---|---|
# | `J = 3v` | `dJ/dv = 3` | | `dJ/dv = 3` |
# | `v = a + u` | `dv/da = 1`, `dv/du = 1` | `dJ/da = dJ/dv · 1`, `dJ/du = dJ/dv · 1` | `3`, `3` |
# | `u = b·c` | `du/db = c`, `du/dc = b` | `dJ/db = dJ/du · c`, `dJ/dc = dJ/du · b` | `3·2 = 6`, `3·3 = 9` |
#
# Check one of them with a nudge: `b` from 3 to 3.001 makes `u = b·c` go from 6 to 6.002,
# `v` from 11 to 11.002 and `J` from 33 to 33.006, six times the nudge: `dJ/db = 6`.
#
# **Notation.** In code we always want the derivative of the *final output* `J` with respect to
# some variable `var`. Writing `dJ_dvar` every time is tedious, so the convention of this
# course is to call it simply **`dvar`**: `dv`, `du`, `da`, `db`, `dc`. So `db` means ∂J/∂b,
# never "a small change of b".
#
# Two mistakes to avoid. First, the factors come from the *other* input of a product: `du/db`
# is `c`, not `b`. Second, never drop the factor that flows in from the right: `dJ/du` is
# `dJ/dv · dv/du = 3 · 1`, not just `dv/du = 1`.

# %% [markdown]
# ### Exercise 2: `backward`
#
# Compute `dv`, `du`, `da`, `db` and `dc` for any `a, b, c`, going right to left and
# multiplying by the derivative you already have at each step, and return them in a dictionary
# with those keys. For the lecture's values you must get exactly 3, 3, 3, 6 and 9.

# %%
def backward(a, b, c):
    """The backward pass of J = 3(a + b·c): the derivative of J with respect to each variable.

    Arguments:
    a, b, c -- Python floats

    Returns:
    grads -- {"dv": dJ/dv, "du": dJ/du, "da": dJ/da, "db": dJ/db, "dc": dJ/dc}, five floats

    Example: backward(5.0, 3.0, 2.0) -> {"dv": 3.0, "du": 3.0, "da": 3.0, "db": 6.0, "dc": 9.0}
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return {"dv": dv, "du": du, "da": da, "db": db, "dc": dc}


# %%
if __name__ == "__main__":
    print("backward(5, 3, 2) =", backward(5.0, 3.0, 2.0))

# %% [markdown]
# ## 4. The computation graph of logistic regression
#
# Logistic regression for **one example** with two features `x₁, x₂` and label `y ∈ {0, 1}`
# is the same kind of graph:
#
# ```
#   x₁ ──┐
#   w₁ ──┤    ┌─────────────────────┐    ┌──────────┐    ┌─────────┐
#   x₂ ──┼───▶│ z = w₁x₁ + w₂x₂ + b │───▶│ a = σ(z) │───▶│ L(a, y) │
#   w₂ ──┤    └─────────────────────┘    └──────────┘    └─────────┘
#   b  ──┘                                                    ▲
#   y  ───────────────────────────────────────────────────────┘
# ```
#
# with the sigmoid `σ(z) = 1 / (1 + e⁻ᶻ)` and the cross-entropy loss
#
# `L(a, y) = −( y·log(a) + (1 − y)·log(1 − a) )`.
#
# The minus sign matters: `log` of a probability is negative, so without it the loss would be
# negative and "minimising" it would push the prediction the wrong way.
#
# A worked example: `x₁ = 1.5, x₂ = −2, w₁ = 1, w₂ = 0.5, b = 0.5, y = 1`.
#
# - `z = 1·1.5 + 0.5·(−2) + 0.5 = 1`
# - `a = σ(1) = 0.73105858`
# - `L = −log(0.73105858) = 0.31326169` (with `y = 1` only the first term remains)
#
# With `y = 0` instead, the same `a` gives `L = −log(1 − 0.73105858) = 1.31326169`: the
# prediction leans towards 1, so being told the answer is 0 costs more.
#
# ### Exercise 3: `logistic_forward`
#
# Compute `z`, `a` and `L` for one example and return them in a dictionary
# `{"z": z, "a": a, "L": L}`. The function `sigmoid` is given; use `np.log` for the logarithm.

# %%
def sigmoid(z):
    """The sigmoid 1 / (1 + exp(-z)) of a number (or elementwise of an array)."""
    return 1.0 / (1.0 + np.exp(-z))


def logistic_forward(x1, x2, w1, w2, b, y):
    """The forward pass of logistic regression for one example with two features.

    Arguments:
    x1, x2 -- the example's features, floats
    w1, w2 -- the weights, floats
    b -- the bias, a float
    y -- the true label, 0 or 1

    Returns:
    values -- {"z": w1·x1 + w2·x2 + b, "a": sigmoid(z),
               "L": -(y·log(a) + (1 - y)·log(1 - a))}, three floats

    Example: logistic_forward(1.5, -2.0, 1.0, 0.5, 0.5, 1)
    -> {"z": 1.0, "a": 0.73105858, "L": 0.31326169}
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return {"z": z, "a": a, "L": L}


# %%
if __name__ == "__main__":
    for label in (1, 0):
        values = logistic_forward(1.5, -2.0, 1.0, 0.5, 0.5, label)
        print(f"y = {label}: " + ", ".join(f"{key} = {float(value):.8f}"
                                            for key, value in values.items()))

# %% [markdown]
# ## 5. Backward through logistic regression
#
# Going right to left, with `dvar` meaning ∂L/∂var:
#
# - `da = ∂L/∂a = −y/a + (1 − y)/(1 − a)`, the derivative of the loss;
# - `dz = ∂L/∂z = da · da/dz`. The sigmoid's derivative is `σ'(z) = a(1 − a)`, and
#   multiplying it out, `(−y/a + (1 − y)/(1 − a)) · a(1 − a) = −y(1 − a) + (1 − y)a`,
#   which collapses to the short and important **`dz = a − y`**;
# - `z = w₁x₁ + w₂x₂ + b`, so `∂z/∂w₁ = x₁`, `∂z/∂w₂ = x₂` and `∂z/∂b = 1`, which gives
#   **`dw₁ = x₁·dz`**, **`dw₂ = x₂·dz`** and **`db = dz`**.
#
# Each weight's derivative is multiplied by *its own* feature: `w₁` meets `x₁` in `z`, so
# `dw₁` carries `x₁`.
#
# For the worked example (`y = 1`, `a = 0.73105858`): `da = −1/a = −1.36787944`,
# `dz = a − 1 = −0.26894142`, `dw₁ = 1.5·dz = −0.40341213`, `dw₂ = −2·dz = 0.53788284` and
# `db = dz = −0.26894142`. One step of gradient descent would then update
# `w₁ := w₁ − α·dw₁`, `w₂ := w₂ − α·dw₂` and `b := b − α·db`.
#
# ### Exercise 4: `logistic_backward`
#
# Compute `da`, `dz`, `dw1`, `dw2` and `db` for one example and return them in a dictionary
# with those keys. You need `a`: get it from your `logistic_forward`.

# %%
def logistic_backward(x1, x2, w1, w2, b, y):
    """The backward pass of logistic regression for one example with two features.

    Arguments: as for logistic_forward.

    Returns:
    grads -- {"da": dL/da, "dz": dL/dz, "dw1": dL/dw1, "dw2": dL/dw2, "db": dL/db}, five floats

    Example: logistic_backward(1.5, -2.0, 1.0, 0.5, 0.5, 1)
    -> {"da": -1.36787944, "dz": -0.26894142, "dw1": -0.40341213, "dw2": 0.53788284,
        "db": -0.26894142}
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return {"da": da, "dz": dz, "dw1": dw1, "dw2": dw2, "db": db}


# %%
if __name__ == "__main__":
    for label in (1, 0):
        grads = logistic_backward(1.5, -2.0, 1.0, 0.5, 0.5, label)
        print(f"y = {label}: " + ", ".join(f"{key} = {float(value):.8f}"
                                            for key, value in grads.items()))

# %% [markdown]
# ## 6. Checking derivatives numerically
#
# A backward pass is easy to get wrong and hard to see wrong: a swapped factor or a lost sign
# still gives numbers. The cure is the nudge from section 2, done by the computer. For a
# function `f` and a small step `ε`, the **one-sided** difference
#
# `(f(θ + ε) − f(θ)) / ε`
#
# approximates `f'(θ)`, but the **centred** (two-sided) difference
#
# `(f(θ + ε) − f(θ − ε)) / 2ε`
#
# is much more accurate. The lecture's example: `f(θ) = θ³` at `θ = 1`, where `f'(1) = 3`,
# with `ε = 0.01`:
#
# - centred: `(1.01³ − 0.99³) / 0.02 = 3.0001`, an error of about **0.0001**;
# - one-sided: `(1.01³ − 1) / 0.01 = 3.0301`, an error of about **0.03**.
#
# Why? Expand `f` around `θ` (Taylor): `f(θ ± ε) = f(θ) ± ε f'(θ) + ε²/2 f''(θ) ± ε³/6 f'''(θ) + …`.
# In the one-sided difference the `ε²` term survives the division by `ε`, leaving an error of
# about `ε/2 · f''(θ)`: it shrinks like **O(ε)**. In the centred difference the `ε²` terms of
# `f(θ + ε)` and `f(θ − ε)` cancel, leaving `ε²/6 · f'''(θ)`: it shrinks like **O(ε²)**. With
# `ε = 0.01` that is `0.01/2 · 6 = 0.03` versus `0.0001/6 · 6 = 0.0001`, exactly what we saw.
#
# For a function of many variables, stored in an array `x`, we nudge **one entry at a time**:
# the entry at index `i` of the gradient is `(f(x + ε·eᵢ) − f(x − ε·eᵢ)) / 2ε`, where `eᵢ` is 1
# at index `i` and 0 elsewhere. This costs two evaluations of `f` per entry, far too slow for
# training, but perfect for checking a backward pass on a small example.

# %%
if __name__ == "__main__":
    def cube(theta):
        return theta ** 3

    eps = 0.01
    centred = (cube(1 + eps) - cube(1 - eps)) / (2 * eps)
    one_sided = (cube(1 + eps) - cube(1)) / eps
    print(f"centred: {centred:.6f} (error {abs(centred - 3):.1e});  "
          f"one-sided: {one_sided:.6f} (error {abs(one_sided - 3):.1e})")

# %% [markdown]
# ### Exercise 5: `numeric_grad`
#
# Write `numeric_grad(f, x, eps=1e-5)`, the centred-difference gradient of a function `f`
# that takes an array (the shape of `x`) and returns a number. It must:
#
# - work for `x` of **any shape**: a vector, a matrix, ... (`np.ndindex(x.shape)` visits every
#   index of an array of any shape, and `np.zeros_like` makes an array of the same shape);
# - use the step `eps` it is given;
# - **leave the caller's `x` as it was**: work on a copy, `np.array(x, dtype=float)`, and put
#   each entry back after nudging it.
#
# It returns a float array of the shape of `x`.

# %%
def numeric_grad(f, x, eps=1e-5):
    """The centred-difference gradient of the scalar function f at x.

    Arguments:
    f -- a function of one float array (the shape of x) that returns a number
    x -- a float array of any shape; it is not modified
    eps -- the step

    Returns:
    grad -- a float array of the shape of x: grad[i] = (f(x + eps·e_i) - f(x - eps·e_i)) / (2·eps)

    Example: numeric_grad(lambda v: float(np.sum(v ** 3)), np.array([1.0]), eps=0.01)
    -> array([3.0001])
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return grad


# %% [markdown]
# Now put the pieces together: check your backward passes with your numeric gradient. For the
# toy graph, the gradient of `J` with respect to `(a, b, c)` should come out as `(3, 6, 9)`;
# for logistic regression, the gradient of `L` with respect to `(w₁, w₂, b)` should match
# `dw1`, `dw2` and `db`.

# %%
if __name__ == "__main__":
    abc = np.array([5.0, 3.0, 2.0])
    print("numeric dJ/d(a, b, c):", numeric_grad(lambda p: forward(p[0], p[1], p[2])["J"], abc))
    grads = backward(5.0, 3.0, 2.0)
    print("backward gives:       ", np.array([grads["da"], grads["db"], grads["dc"]], dtype=float))

    x1, x2, y = 1.5, -2.0, 1
    params = np.array([1.0, 0.5, 0.5])
    numeric = numeric_grad(lambda p: logistic_forward(x1, x2, p[0], p[1], p[2], y)["L"], params)
    grads = logistic_backward(x1, x2, *params, y)
    print("numeric dL/d(w1, w2, b):", numeric)
    print("logistic_backward gives:", np.array([grads["dw1"], grads["dw2"], grads["db"]], dtype=float))

# %% [markdown]
# Finally, see the two error rates. The plot shows, on log-log axes, how far each difference
# lands from the true derivative of `θ³` at `θ = 1` as `ε` shrinks. The one-sided error falls
# with slope 1 (divide `ε` by 10, the error drops 10 times), the centred one with slope 2 (100
# times). For very small `ε` both curves turn back up: `f(θ + ε)` and `f(θ − ε)` become so
# close that rounding errors of the floats dominate. That is why `ε` is about 1e-5, not 1e-15.

# %%
if __name__ == "__main__":
    import matplotlib.pyplot as plt

    steps = np.logspace(-12, -1, 45)
    one_sided_errors = [abs((cube(1 + h) - cube(1)) / h - 3) for h in steps]
    centred_errors = [abs(numeric_grad(lambda v: float(np.sum(v ** 3)), np.array([1.0]), h)[0] - 3)
                      for h in steps]
    plt.loglog(steps, one_sided_errors, label="one-sided: error ~ ε")
    plt.loglog(steps, centred_errors, label="centred: error ~ ε²")
    plt.xlabel("ε")
    plt.ylabel("error of the derivative of θ³ at θ = 1")
    plt.legend()
    plt.show()

# %% [markdown]
# ## What you have built
#
# - A forward pass that keeps the intermediate values of a computation graph.
# - A backward pass that applies the chain rule box by box, from the output to the inputs,
#   with the `dvar` notation used for the rest of the course.
# - The same two passes for logistic regression on one example, where the backward pass
#   collapses to `dz = a − y`, `dw = x·dz`, `db = dz`.
# - A numerical gradient that can check any backward pass, and why it must be centred.
#
# Next, these one-example formulas become vectorized formulas over `m` examples at once.
