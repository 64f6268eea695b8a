# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Logistic regression with a neural-network mindset
#
# In this assignment you build the smallest possible neural network: a single neuron with a
# sigmoid activation. That network *is* logistic regression. Every idea you meet here, the
# forward pass, the cost, the backward pass and gradient descent, carries over unchanged to the
# deep networks of later weeks.
#
# You will write seven functions, each in a cell marked `# YOUR CODE HERE`:
#
# | exercise | function | what it does |
# |---|---|---|
# | 1 | `preprocess(images)` | turns a stack of images into the matrix `X` |
# | 2 | `sigmoid(z)` | the activation |
# | 3 | `initialize_with_zeros(dim)` | the starting parameters |
# | 4 | `propagate(w, b, X, Y)` | the cost and its gradients |
# | 5 | `optimize(w, b, X, Y, ...)` | gradient descent |
# | 6 | `predict(w, b, X)` | labels for new examples |
# | 7 | `model(...)` | everything put together |
#
# After each exercise a check cell runs the public checks in `public_tests.py`. They test types,
# shapes and a few worked examples. The grader runs many more checks than these, so passing
# the public ones is necessary but not enough.
#
# Cells that load data, train or print demos sit under `if __name__ == "__main__":`. In a
# notebook that condition is always true, so they run as usual. When the grader *imports* your
# code the condition is false, so importing does nothing but define your functions.
# Keep your own experiments under such a guard too, and never read global variables from
# inside your functions: use the arguments.

# %%
import copy

import numpy as np

# %% [markdown]
# ## 1. Binary classification and notation
#
# In binary classification each example `x` gets a label `y` that is either 1 ("yes, this is
# the thing") or 0 ("no"). Our data set is a set of small greyscale pictures of hand-written
# digits, and the question is: **is this digit an 8?**
#
# A computer stores an image as a grid of pixel intensities, here 8 × 8 numbers from 0 to 255.
# A colour image would have three such grids (red, green, blue). To feed an image to our neuron
# we *unroll* it into one long column vector. An 8 × 8 greyscale image gives a column of
# n_x = 64 numbers; a 64 × 64 colour image would give n_x = 64 · 64 · 3 = 12288.
#
# The notation used throughout the course:
#
# - one example is a pair `(x, y)` with `x` a column of n_x features and `y ∈ {0, 1}`;
# - there are `m` training examples `(x⁽¹⁾, y⁽¹⁾), …, (x⁽ᵐ⁾, y⁽ᵐ⁾)`;
# - the inputs are stacked **side by side as columns** into `X`, of shape `(n_x, m)`;
# - the labels are stacked the same way into `Y`, of shape `(1, m)`.
#
# Putting examples in columns (not rows) is a convention, and following it everywhere is what
# makes the vectorized formulas below come out so short. In numpy, `X.shape` is `(n_x, m)`.

# %% [markdown]
# ### Exercise 1: `preprocess`
#
# The loader gives you the images as a uint8 array of shape `(m, h, w)` (greyscale) or
# `(m, h, w, c)` (colour). Write `preprocess(images)` that returns a float array `X` of shape
# `(h·w·c, m)` where **column `i` is image `i` flattened in C order** (row by row, the way
# `images[i].ravel()` reads it), scaled to `[0, 1]` by dividing by 255.
#
# A classic mistake is to reshape the whole stack straight to `(n_x, m)`. That gives an array of
# the right shape whose columns mix pixels from different images. Check your answer by
# comparing one column with one flattened image.

# %%
def preprocess(images):
    """Flatten a stack of images into a data matrix, one example per column.

    Arguments:
    images -- uint8 array of shape (m, h, w) or (m, h, w, c), values 0..255

    Returns:
    X -- float array of shape (h*w*c, m); X[:, i] is images[i] flattened in C order, divided by 255

    Example: two 2x2 greyscale images [[0, 255], [51, 102]] and [[255, 0], [0, 0]] give
    X = [[0, 1], [1, 0], [0.2, 0], [0.4, 0]].
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return X


# %%
if __name__ == "__main__":
    import matplotlib.pyplot as plt
    from lr_utils import load_dataset

    train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes = load_dataset()
    print("train images:", train_set_x_orig.shape, train_set_x_orig.dtype)
    print("train labels:", train_set_y.shape, " test images:", test_set_x_orig.shape)
    fig, axes = plt.subplots(1, 6, figsize=(9, 1.8))
    for index, ax in enumerate(axes):
        ax.imshow(train_set_x_orig[index], cmap="gray_r")
        ax.set_title(classes[train_set_y[0, index]].decode())
        ax.axis("off")
    plt.show()

    train_set_x = preprocess(train_set_x_orig)
    test_set_x = preprocess(test_set_x_orig)
    print("X_train:", train_set_x.shape, " X_test:", test_set_x.shape)

# %% [markdown]
# ## 2. The sigmoid, the loss and the cost
#
# Given one example `x`, our neuron computes
#
# - `z = wᵀx + b`, a weighted sum plus a bias (`w` has shape `(n_x, 1)`, `b` is a number);
# - `ŷ = a = σ(z)`, the estimated probability that `y = 1`.
#
# The sigmoid `σ(z) = 1 / (1 + e⁻ᶻ)` squashes any real number into `(0, 1)`: σ(0) = 0.5, large
# positive `z` gives values close to 1 and large negative `z` values close to 0. It is also
# symmetric: σ(−z) = 1 − σ(z).
#
# The **loss** measures how wrong the prediction is for *one* example. Squared error would
# make the optimisation problem non-convex, so logistic regression uses the cross-entropy
#
# `L(a, y) = −( y·log(a) + (1 − y)·log(1 − a) )`.
#
# When `y = 1` only `−log(a)` remains, which is small when `a` is close to 1. When `y = 0` only
# `−log(1 − a)` remains, small when `a` is close to 0.
#
# The **cost** measures how well the parameters do on the *whole training set*: it is the
# average loss over the `m` examples,
#
# `J(w, b) = (1/m) · Σᵢ L(a⁽ⁱ⁾, y⁽ⁱ⁾)`.
#
# Training means finding the `w` and `b` that make `J` small.

# %% [markdown]
# ### Exercise 2: `sigmoid`
#
# Implement `sigmoid(z)` with `np.exp`, so that it works on a number and on an array of any
# shape. `math.exp` only accepts single numbers, which is why we use numpy here.
# For very negative `z`, `e⁻ᶻ` overflows to infinity and numpy warns; `1 / (1 + inf)` is still
# the right answer, 0, so you may silence that warning with `np.errstate(over="ignore")`.

# %%
def sigmoid(z):
    """Compute the sigmoid of z, elementwise.

    Arguments:
    z -- a number or a numpy array of any shape

    Returns:
    s -- sigmoid(z), the same shape as z, every value in (0, 1) up to rounding

    Example: sigmoid(np.array([0, 2])) -> array([0.5, 0.88079708])
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return s


# %%
if __name__ == "__main__":
    print("sigmoid([0, 2]) =", sigmoid(np.array([0, 2])))

# %% [markdown]
# ## 3. The computation graph
#
# A neural network's computation is organised as a **forward pass**, which computes the
# output, followed by a **backward pass**, which computes derivatives. A computation graph
# makes both passes mechanical. Take a toy function of three variables:
#
# `J(a, b, c) = 3(a + b·c)`.
#
# Break it into steps, each one node of the graph:
#
# 1. `u = b·c`
# 2. `v = a + u`
# 3. `J = 3·v`
#
# **Forward** (left to right) with `a = 5, b = 3, c = 2`: `u = 6`, `v = 11`, `J = 33`.
#
# **Backward** (right to left), one local derivative at a time, multiplying as we go
# (this is the chain rule):
#
# - `dJ/dv = 3`, because `J = 3v`;
# - `dJ/da = dJ/dv · dv/da = 3 · 1 = 3`;
# - `dJ/du = dJ/dv · dv/du = 3 · 1 = 3`;
# - `dJ/db = dJ/du · du/db = 3 · c = 6`;
# - `dJ/dc = dJ/du · du/dc = 3 · b = 9`.
#
# In code we always want the derivative of the *final output* `J` with respect to some
# intermediate quantity `var`. Writing `dJ_dvar` every time is tedious, so the convention is
# to call that variable simply **`dvar`**: `dv`, `da`, `db`, `dw`. In the rest of the course
# `dw` always means ∂J/∂w, never a tiny change of `w`.

# %%
if __name__ == "__main__":
    a_node, b_node, c_node = 5.0, 3.0, 2.0
    u_node = b_node * c_node  # forward
    v_node = a_node + u_node
    J_node = 3 * v_node
    dv = 3.0  # backward, from the output towards the inputs
    da = dv * 1.0
    du = dv * 1.0
    db_node = du * c_node
    dc = du * b_node
    print(f"J = {J_node}; dJ/dv = {dv}, dJ/da = {da}, dJ/db = {db_node}, dJ/dc = {dc}")

# %% [markdown]
# ## 4. The chain rule for logistic regression
#
# The same graph, for one example with two features:
#
# `x₁, w₁, x₂, w₂, b  →  z = w₁x₁ + w₂x₂ + b  →  a = σ(z)  →  L(a, y)`
#
# Going backwards:
#
# - `da = ∂L/∂a = −y/a + (1 − y)/(1 − a)`;
# - `dz = ∂L/∂z = da · σ'(z)`. Since `σ'(z) = a(1 − a)`, this collapses to the short and
#   important **`dz = a − y`**;
# - `dw₁ = x₁ · dz`, `dw₂ = x₂ · dz`, and in general `dw = x · dz`;
# - `db = dz`.
#
# One step of gradient descent then updates `w := w − α·dw` and `b := b − α·db`, where `α` is
# the learning rate.

# %% [markdown]
# ## 5. From one example to m examples, and then to vectors
#
# The cost is an average of losses, so its gradient is the average of the per-example
# gradients. A first version loops over the examples, and inside, over the features:
#
# ```
# J = 0; dw = zeros(n_x); db = 0
# for i in 1..m:
#     z_i = wᵀx⁽ⁱ⁾ + b;  a_i = σ(z_i)
#     J  += L(a_i, y⁽ⁱ⁾)
#     dz_i = a_i − y⁽ⁱ⁾
#     for j in 1..n_x:
#         dw_j += x_j⁽ⁱ⁾ · dz_i
#     db += dz_i
# J /= m;  dw /= m;  db /= m
# ```
#
# Explicit loops in Python are slow, and deep learning lives on large data. *Vectorization*
# replaces both loops with whole-array operations that numpy runs in optimised C (and in
# SIMD instructions). Stack the `z_i` side by side and the `a_i` side by side:
#
# - `Z = wᵀX + b`, shape `(1, m)`; `b` is added to every column (see broadcasting below);
# - `A = σ(Z)`, shape `(1, m)`;
# - `dZ = A − Y`, shape `(1, m)`;
# - `dw = (1/m) · X · dZᵀ`, shape `(n_x, 1)`, the same shape as `w`;
# - `db = (1/m) · Σᵢ dZᵢ`, a number.
#
# The demo below computes the same dot product of two million numbers twice: once with a
# Python loop, once with `np.dot`.

# %%
if __name__ == "__main__":
    import time

    rng = np.random.default_rng(1)
    left, right = rng.random(2_000_000), rng.random(2_000_000)
    tic = time.perf_counter()
    looped = 0.0
    for index in range(left.size):
        looped += left[index] * right[index]
    loop_ms = 1000 * (time.perf_counter() - tic)
    tic = time.perf_counter()
    dotted = np.dot(left, right)
    dot_ms = 1000 * (time.perf_counter() - tic)
    print(f"loop: {looped:.4f} in {loop_ms:.1f} ms;  np.dot: {dotted:.4f} in {dot_ms:.2f} ms")

# %% [markdown]
# ## 6. Broadcasting, and the rank-1 array pitfall
#
# When numpy combines arrays of different shapes it *broadcasts*: a dimension of size 1 is
# stretched to match the other array. A `(m, n)` array plus a `(1, n)` row adds the row to every
# row; plus an `(m, 1)` column adds the column to every column; plus a plain number adds it
# everywhere. That is why `np.dot(w.T, X) + b` works with `b` a number.
#
# Broadcasting is also a source of silent bugs. `np.random.randn(5)` has shape `(5,)`: a
# **rank-1 array**, which is neither a row nor a column. Its transpose is itself, and the dot
# product with its transpose is a single number instead of a 5 × 5 matrix. Worse, adding a
# `(5,)` array to a `(5, 1)` one broadcasts to a `(5, 5)` matrix without any error.
#
# Two habits avoid all of this: create vectors with explicit shapes, `np.random.randn(5, 1)`,
# and check shapes with `assert x.shape == (5, 1)` (cheap, and documents your intent). If you
# are handed a rank-1 array, `x.reshape(5, 1)` fixes it.

# %%
if __name__ == "__main__":
    rank_one = np.random.randn(5)
    column = np.random.randn(5, 1)
    print("rank-1:", rank_one.shape, " its transpose:", rank_one.T.shape,
          " dot with itself:", np.dot(rank_one, rank_one.T).shape)
    print("column:", column.shape, " column @ column.T:", np.dot(column, column.T).shape)
    print("(5,) + (5, 1) broadcasts silently to", (rank_one + column).shape)

# %% [markdown]
# ## 7. Building the algorithm
#
# The steps are always the same:
#
# 1. define the model structure (here: the number of input features);
# 2. initialise the parameters;
# 3. loop: forward pass to get the cost, backward pass to get the gradients, update the
#    parameters with gradient descent.
#
# ### Exercise 3: `initialize_with_zeros`
#
# For logistic regression zeros are a fine start (for deeper networks they are not, as you
# will see later). Return `w`, a column of zeros of shape `(dim, 1)`, and `b`, the Python float
# `0.0`.

# %%
def initialize_with_zeros(dim):
    """Create the starting parameters of a one-neuron network.

    Arguments:
    dim -- number of input features n_x, a positive int

    Returns:
    w -- zeros of shape (dim, 1)
    b -- the Python float 0.0

    Example: initialize_with_zeros(2) -> (array([[0.], [0.]]), 0.0)
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return w, b


# %% [markdown]
# ### Exercise 4: `propagate`
#
# Implement the forward and backward passes for `m` examples at once, with no loop:
#
# - forward: `A = σ(wᵀX + b)`, then the cost `J = −(1/m) Σᵢ ( y⁽ⁱ⁾ log a⁽ⁱ⁾ + (1 − y⁽ⁱ⁾) log(1 − a⁽ⁱ⁾) )`;
# - backward: `dw = (1/m) X (A − Y)ᵀ` and `db = (1/m) Σᵢ (a⁽ⁱ⁾ − y⁽ⁱ⁾)`.
#
# Return the gradients in a dictionary `{"dw": dw, "db": db}` together with the cost as a
# number. `dw` must have the same shape as `w`. Use `sigmoid` from exercise 2.
#
# A numerical detail: when `a` rounds to exactly 0 or 1, `log` gives `-inf`. Because
# `log(a) = −log(1 + e⁻ᶻ)` and `log(1 − a) = −log(1 + eᶻ)`, the loss can be written without
# ever taking the log of a rounded probability: `L = log(1 + eᶻ) − y·z`, and numpy computes
# `log(1 + eᶻ)` safely as `np.logaddexp(0, z)`. Either form is accepted.

# %%
def propagate(w, b, X, Y):
    """Forward and backward pass of logistic regression over m examples.

    Arguments:
    w -- weights, shape (n_x, 1)
    b -- bias, a number
    X -- data, shape (n_x, m), one example per column
    Y -- true labels 0 or 1, shape (1, m)

    Returns:
    grads -- {"dw": gradient of the cost w.r.t. w, shape (n_x, 1),
              "db": gradient of the cost w.r.t. b, a number}
    cost -- the mean cross-entropy over the m examples, a number

    Example: w=[[1.],[2.]], b=2., X=[[1.,2.,-1.],[3.,4.,-3.2]], Y=[[1,0,1]]
    -> dw=[[0.99845601],[2.39507239]], db=0.00145558, cost=5.80154532
    """
    m = X.shape[1]
    # YOUR CODE HERE
    raise NotImplementedError()
    grads = {"dw": dw, "db": db}
    return grads, cost


# %% [markdown]
# A finite-difference check confirms that your backward pass matches your forward pass: nudge
# each parameter by a tiny ε up and down, and compare `(J(θ+ε) − J(θ−ε)) / 2ε` with your
# gradient. `check_gradients` from `gradcheck.py`, next to this notebook, does exactly that for
# the cost as a function of the parameters, and reports the relative error
# `‖g − ĝ‖ / (‖g‖ + ‖ĝ‖)` for `w` and for `b`. Below about 1e-7 your gradient is right.

# %%
if __name__ == "__main__":
    import numpy as np
    from gradcheck import check_gradients

    rng = np.random.default_rng(0)
    w, b = rng.normal(size=(4, 1)), 0.3
    X, Y = rng.normal(size=(4, 7)), (rng.random((1, 7)) > 0.5).astype(float)
    grads, _ = propagate(w, b, X, Y)

    def cost(params):
        return float(propagate(params["w"], params["b"], X, Y)[1])

    for check in check_gradients(cost, {"w": w, "b": b}, {"w": grads["dw"], "b": grads["db"]}):
        print(check)

# %% [markdown]
# ### Exercise 5: `optimize`
#
# Run `num_iterations` steps of gradient descent. In each step call `propagate`, then update
# `w := w − α·dw` and `b := b − α·db`. Record the cost every 100 iterations (when
# `i % 100 == 0`) in the list `costs`, and print it when `print_cost` is true.
#
# Do not change the caller's arrays: start from a copy (`copy.deepcopy(w)`), because an
# in-place update such as `w -= ...` on the argument would modify the array the caller passed.
# Return the final parameters, the gradients of the last iteration and the list of costs.

# %%
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    """Learn w and b by gradient descent on the logistic-regression cost.

    Arguments:
    w -- initial weights, shape (n_x, 1); not modified
    b -- initial bias, a number
    X -- data, shape (n_x, m)
    Y -- labels 0 or 1, shape (1, m)
    num_iterations -- number of gradient-descent steps
    learning_rate -- step size alpha
    print_cost -- print the cost every 100 steps

    Returns:
    params -- {"w": learned weights (n_x, 1), "b": learned bias}
    grads -- {"dw", "db"} computed in the last iteration, before its update
    costs -- list of the costs at iterations 0, 100, 200, ...

    Example: with the propagate example above, num_iterations=101 and learning_rate=0.1
    -> w=[[-0.70916784],[-0.42390859]], b=2.26891346, costs=[5.80154532, 0.31057104]
    """
    w = copy.deepcopy(w)
    b = copy.deepcopy(b)
    costs = []
    # YOUR CODE HERE
    raise NotImplementedError()
    params = {"w": w, "b": b}
    return params, grads, costs


# %% [markdown]
# ### Exercise 6: `predict`
#
# With learned parameters, predict labels for a data set: compute `A = σ(wᵀX + b)` and turn each
# probability into a label, 1 when `a > 0.5` and 0 otherwise. Return a `(1, m)` array of floats
# 0.0 and 1.0. You can do it without a loop: comparing an array with 0.5 gives an array of
# booleans, and `.astype(float)` turns it into 0.0 and 1.0.

# %%
def predict(w, b, X):
    """Predict labels 0 or 1 with learned logistic-regression parameters.

    Arguments:
    w -- weights, shape (n_x, 1)
    b -- bias, a number
    X -- data, shape (n_x, m)

    Returns:
    Y_prediction -- shape (1, m), 1.0 where sigmoid(w.T x + b) > 0.5, else 0.0

    Example: w=[[0.3],[0.5],[-0.2]], b=-0.33333, X=[[1.,-0.3,1.5],[2,0,1],[0,-1.5,2]]
    -> [[1., 0., 1.]]
    """
    m = X.shape[1]
    w = w.reshape(X.shape[0], 1)
    # YOUR CODE HERE
    raise NotImplementedError()
    return Y_prediction


# %% [markdown]
# ### Exercise 7: `model`
#
# Put the pieces together: initialise with zeros (one weight per row of `X_train`), optimise on
# the training set with the given number of iterations and learning rate, then predict on both
# sets. Use the arguments, never global variables. Return a dictionary with the keys
# `costs`, `Y_prediction_test`, `Y_prediction_train`, `w`, `b`, `learning_rate` and
# `num_iterations`. When `print_cost` is true, also print the train and test accuracy,
# `100 − mean(|Ŷ − Y|) · 100` percent.

# %%
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    """Train logistic regression on a training set and predict on both sets.

    Arguments:
    X_train -- training data, shape (n_x, m_train)
    Y_train -- training labels, shape (1, m_train)
    X_test -- test data, shape (n_x, m_test)
    Y_test -- test labels, shape (1, m_test)
    num_iterations -- gradient-descent steps
    learning_rate -- step size alpha
    print_cost -- print the cost every 100 steps and the accuracies

    Returns:
    d -- {"costs": list, "Y_prediction_test": (1, m_test), "Y_prediction_train": (1, m_train),
          "w": (n_x, 1), "b": number, "learning_rate": float, "num_iterations": int}
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d


# %% [markdown]
# ## 8. Training on the digits
#
# Time to train on real data. The cell below learns to tell 8s from the other digits and
# plots the learning curve: the cost recorded every 100 iterations. It should fall quickly at
# first and then flatten out.

# %%
if __name__ == "__main__":
    logistic_regression_model = model(train_set_x, train_set_y, test_set_x, test_set_y,
                                      num_iterations=2000, learning_rate=0.5, print_cost=True)
    plt.plot(np.squeeze(logistic_regression_model["costs"]))
    plt.ylabel("cost")
    plt.xlabel("iterations (per hundreds)")
    plt.title("Learning rate = " + str(logistic_regression_model["learning_rate"]))
    plt.show()

# %% [markdown]
# Training accuracy is higher than test accuracy: the model fits the training images a little
# better than new ones. With 64 features and a few hundred examples that gap stays small;
# on the course's 12288-feature cat pictures it is large, which is what regularisation (a later
# week) addresses.
#
# ## 9. Choosing the learning rate
#
# The learning rate `α` decides how far each step of gradient descent goes. Too small and
# training crawls; too large and the cost can oscillate or even diverge. There is no universal
# value: try a few on a log scale and compare their learning curves, as below. Choose the
# rate that brings the cost down fastest *without* oscillating, and judge the result on the
# test set, not on the training cost alone.

# %%
if __name__ == "__main__":
    for rate in [0.5, 0.05, 0.005]:
        trained = model(train_set_x, train_set_y, test_set_x, test_set_y,
                        num_iterations=1500, learning_rate=rate)
        test_accuracy = 100 - np.mean(np.abs(trained["Y_prediction_test"] - test_set_y)) * 100
        plt.plot(np.squeeze(trained["costs"]), label=f"α = {rate} (test {test_accuracy:.1f} %)")
    plt.ylabel("cost")
    plt.xlabel("iterations (hundreds)")
    plt.legend(loc="upper right")
    plt.show()

# %% [markdown]
# ## What you have built
#
# - Preprocessing: flatten each image into a column and scale it.
# - A forward pass, a cost, and a backward pass, vectorized over all `m` examples.
# - Gradient descent, predictions, and a complete model.
#
# Each of these steps reappears, one layer at a time, in every network you build from here on.
