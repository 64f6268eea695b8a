# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Python basics with numpy
#
# Deep learning is arithmetic on large arrays, and numpy is the library the whole course uses
# for it. This warm-up teaches the three habits that every later assignment relies on:
#
# - **vectorization**: apply a formula to a whole array at once instead of looping over it;
# - **broadcasting**: let numpy stretch a row, a column or a number to the shape it is combined
#   with, and know when that stretching silently goes wrong;
# - **explicit shapes**: tell a rank-1 array `(n,)` from a column vector `(n, 1)`, and keep
#   the dimensions you sum over with `keepdims=True`.
#
# You will write eight small functions, each in a cell marked `# YOUR CODE HERE`:
#
# | exercise | function | what it does |
# |---|---|---|
# | 1 | `basic_sigmoid(x)` | the sigmoid of one number, with `math` |
# | 2 | `sigmoid(x)` | the sigmoid of a number or of an array of any shape, with numpy |
# | 3 | `sigmoid_derivative(x)` | its derivative, σ(x)(1 − σ(x)) |
# | 4 | `image2vector(image)` | unrolls a `(length, height, depth)` image into a column |
# | 5 | `normalize_rows(x)` | divides each row by its length |
# | 6 | `softmax(x)` | the softmax of each row, safe for large entries |
# | 7 | `L1(yhat, y)` | the L1 loss, a sum of absolute errors |
# | 8 | `L2(yhat, y)` | the L2 loss, a sum of squared errors |
#
# After each exercise a check cell runs the public checks in `public_tests.py`. They test
# types, shapes and the worked examples of this notebook. The grader runs many more checks
# than these (other shapes, other values, integer inputs, very large inputs), so passing the
# public ones is necessary but not enough.
#
# Cells that print demos sit under `if __name__ == "__main__":`. In a notebook that condition
# is always true, so they run as usual; when the grader *imports* your code it is false, so
# importing does nothing but define your functions. Never read global variables from inside
# your functions: use the arguments.

# %%
import math
import time

import numpy as np

# %% [markdown]
# ## 1. The sigmoid of a number, with `math`
#
# The sigmoid function `σ(x) = 1 / (1 + e⁻ˣ)` squashes any real number into the interval
# `(0, 1)`. It is the activation of logistic regression and you will meet it in every week of
# the course. Some values to keep in mind: σ(0) = 0.5, σ(1) ≈ 0.731, σ(3) ≈ 0.953, and
# σ(−x) = 1 − σ(x), so σ(−1) ≈ 0.269.
#
# ### Exercise 1: `basic_sigmoid`
#
# Write `basic_sigmoid(x)` for a single Python number `x`, with `math.exp`. It returns a
# Python float. Watch the sign: the exponent is **minus** x.

# %%
def basic_sigmoid(x):
    """Compute the sigmoid of one number with the math module.

    Arguments:
    x -- a Python int or float

    Returns:
    s -- sigmoid(x) = 1 / (1 + exp(-x)), a Python float

    Example: basic_sigmoid(1) -> 0.7310585786300049
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return s


# %% [markdown]
# `math.exp` works on one number at a time. Deep learning needs the sigmoid of whole vectors
# and matrices, and `math.exp` refuses them. Run the cell below: it catches the error so
# that you can read it.

# %%
if __name__ == "__main__":
    print("basic_sigmoid(1) =", basic_sigmoid(1))
    print("basic_sigmoid(3) =", basic_sigmoid(3))
    try:
        basic_sigmoid(np.array([1, 2, 3]))
    except TypeError as error:
        print("basic_sigmoid(np.array([1, 2, 3])) raised TypeError:", error)

# %% [markdown]
# ## 2. Functions of whole arrays, with numpy
#
# numpy's functions and operators work **elementwise**: `np.exp(x)` takes the exponential of
# every entry of `x`, whatever its shape, and returns an array of the same shape. Arithmetic
# with a number works the same way: `x + 3`, `1 / x` and `-x` apply to every entry. For
# `x = np.array([1, 2, 3])`:
#
# - `np.exp(x)` is `[e¹, e², e³] ≈ [2.718, 7.389, 20.09]`;
# - `x + 3` is `[4, 5, 6]` and `1 / x` is `[1, 0.5, 0.333]`.
#
# This is the first form of **vectorization**: one line of numpy instead of a loop.

# %%
if __name__ == "__main__":
    x = np.array([1, 2, 3])
    print("np.exp(x) =", np.exp(x))
    print("x + 3 =", x + 3, "  1 / x =", 1 / x)

# %% [markdown]
# ### Exercise 2: `sigmoid`
#
# Write `sigmoid(x)` with `np.exp`, so that it works for a single number and for an array of
# any shape (a vector, a matrix, a stack of matrices). For an array, the result has the shape
# of `x`; for `x = np.array([1, 2, 3])` it is `[0.73105858, 0.88079708, 0.95257413]`.
# Integer arrays, such as this example, must work too.

# %%
def sigmoid(x):
    """Compute the sigmoid of x, elementwise.

    Arguments:
    x -- a number, or a numpy array of any shape (int or float)

    Returns:
    s -- sigmoid(x): a float array of the shape of x (a number for a number)

    Example: sigmoid(np.array([1, 2, 3])) -> array([0.73105858, 0.88079708, 0.95257413])
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return s


# %%
if __name__ == "__main__":
    print("sigmoid(np.array([1, 2, 3])) =", sigmoid(np.array([1, 2, 3])))
    print("sigmoid of a 2 x 2 matrix:\n", sigmoid(np.array([[-1.0, 0.0], [2.0, 5.0]])))

# %% [markdown]
# ## 3. The gradient of the sigmoid
#
# Backpropagation needs the derivative of every activation. The sigmoid's has a beautiful
# form: it is written with the sigmoid itself,
#
# `σ'(x) = σ(x) · (1 − σ(x))`.
#
# (Differentiate `(1 + e⁻ˣ)⁻¹` to get `e⁻ˣ / (1 + e⁻ˣ)²`, then notice that
# `e⁻ˣ / (1 + e⁻ˣ) = 1 − σ(x)`.) So once the forward pass has computed `s = σ(x)`, the
# derivative costs one multiplication: `s * (1 - s)`. It is largest at `x = 0`, where it is
# `0.5 · 0.5 = 0.25`, and it is nearly 0 for large `|x|`: there the sigmoid is flat, which is
# why deep sigmoid networks learn slowly.
#
# ### Exercise 3: `sigmoid_derivative`
#
# Write `sigmoid_derivative(x)`: compute `s = sigmoid(x)` with your function from exercise 2,
# then return `s * (1 - s)`. Note that the derivative is *not* `x * (1 - x)`: the formula
# applies to `s`, not to `x`. For `x = np.array([1, 2, 3])` the result is
# `[0.19661193, 0.10499359, 0.04517666]`.

# %%
def sigmoid_derivative(x):
    """Compute the derivative of the sigmoid at x, elementwise.

    Arguments:
    x -- a number, or a numpy array of any shape

    Returns:
    ds -- sigmoid(x) * (1 - sigmoid(x)), a float array of the shape of x

    Example: sigmoid_derivative(np.array([1, 2, 3])) -> array([0.19661193, 0.10499359, 0.04517666])
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return ds


# %%
if __name__ == "__main__":
    import matplotlib.pyplot as plt

    print("sigmoid_derivative(np.array([1, 2, 3])) =", sigmoid_derivative(np.array([1, 2, 3])))
    grid = np.linspace(-6, 6, 121)
    plt.plot(grid, sigmoid(grid), label="σ(x)")
    plt.plot(grid, sigmoid_derivative(grid), label="σ'(x) = σ(x)(1 − σ(x))")
    plt.axhline(0.25, color="grey", linewidth=0.5)
    plt.xlabel("x")
    plt.legend(loc="upper left")
    plt.title("The sigmoid and its derivative (at most 0.25, at x = 0)")
    plt.show()

# %% [markdown]
# ## 4. Shapes, reshaping, and the rank-1 array pitfall
#
# Every numpy array has a **shape**, the tuple of its sizes along each axis: `x.shape`.
# `x.reshape(new_shape)` gives the same numbers arranged in another shape with as many
# entries; one size may be `-1`, meaning "whatever makes the count right". Reshaping reads and
# writes the entries in **C order**: the last axis varies fastest, so a matrix is read row by
# row.
#
# Shapes are where most numpy bugs hide. `np.random.randn(5)` has shape `(5,)`: a
# **rank-1 array**, which is neither a row nor a column. Its transpose is itself, its dot
# product with its transpose is a single number rather than a 5 × 5 matrix, and adding it to a
# `(5, 1)` column does not fail: it broadcasts to a `(5, 5)` matrix without a word. The course
# therefore always writes vectors with both dimensions, `(5, 1)` for a column and `(1, 5)`
# for a row, and checks shapes with `assert`.

# %%
if __name__ == "__main__":
    rank_one = np.random.randn(5)
    column = np.random.randn(5, 1)
    print("rank-1:", rank_one.shape, " its transpose:", rank_one.T.shape,
          " np.dot(a, a.T):", np.dot(rank_one, rank_one.T).shape, "(a single number)")
    print("column:", column.shape, " np.dot(c, c.T):", np.dot(column, column.T).shape)
    print("(5,) + (5, 1) broadcasts silently to", (rank_one + column).shape)
    print("the fix: rank_one.reshape(5, 1) has shape", rank_one.reshape(5, 1).shape)

# %% [markdown]
# ### Exercise 4: `image2vector`
#
# A colour image is stored as a 3-D array of shape `(length, height, depth)`, the depth being
# the three colour channels. To feed an image to a network we unroll it into **one column**
# of shape `(length · height · depth, 1)`, in C order: first the `depth` values of pixel
# `(0, 0)`, then those of pixel `(0, 1)`, and so on.
#
# Write `image2vector(image)`. Take the sizes from `image.shape`, never from the example
# below: the function must work for images of any size. And return a column `(n, 1)`, not a
# rank-1 `(n,)` array: `image.reshape(-1)` gives the right numbers in the wrong shape.

# %%
def image2vector(image):
    """Unroll an image into a column vector.

    Arguments:
    image -- a numpy array of shape (length, height, depth)

    Returns:
    v -- a column of shape (length * height * depth, 1): the entries of image in C order

    Example: an image of shape (3, 3, 2) gives a column of shape (18, 1) whose first entries
    are image[0, 0, 0], image[0, 0, 1], image[0, 1, 0], ...
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return v


# %%
if __name__ == "__main__":
    image = np.array([[[0.67826139, 0.29380381], [0.90714982, 0.52835647], [0.4215251, 0.45017551]],
                      [[0.92814219, 0.96677647], [0.85304703, 0.52351845], [0.19981397, 0.27417313]],
                      [[0.60659855, 0.00533165], [0.10820313, 0.49978937], [0.34144279, 0.94630077]]])
    vector = image2vector(image)
    print("image:", image.shape, "-> vector:", vector.shape)
    print("first four entries:", vector[:4, 0], " = image[0, 0, :] then image[0, 1, :]")

# %% [markdown]
# ## 5. Normalizing rows: axis, keepdims and broadcasting
#
# Many algorithms work better on normalized data. Here, normalizing means dividing each row
# of a matrix by its length, its **L2 norm** `‖xᵢ‖ = √(Σⱼ xᵢⱼ²)`, so that every row becomes a
# unit vector. For example
#
# ```
# x = [[0, 3, 4],        ‖x‖ per row = [[5],          x / ‖x‖ = [[0,     0.6,   0.8  ],
#      [2, 6, 4]]                       [√56]]                   [0.267, 0.802, 0.535]]
# ```
#
# `np.linalg.norm(x, axis=1, keepdims=True)` computes one norm per row:
#
# - `axis=1` says "along each row" (across the columns). `axis=0` would give one norm per
#   *column*, a different quantity.
# - `keepdims=True` keeps the summed axis with size 1, so the result is a `(n, 1)` **column**
#   rather than a rank-1 `(n,)` array.
#
# Then `x / x_norm` divides a `(n, m)` matrix by a `(n, 1)` column. That works by
# **broadcasting**: when the shapes differ, numpy stretches every axis of size 1 to match the
# other array, so the column is repeated across the `m` columns and row `i` is divided by
# norm `i`. A `(1, m)` row would be repeated down the rows instead, and a plain number
# everywhere.
#
# Broadcasting aligns shapes **from the right**, and that is why `keepdims` matters. Without
# it, the norms form a rank-1 `(n,)` array, which numpy reads as a *row* `(1, n)`: for a
# `(2, 3)` matrix the division fails with a shape error, which is the lucky case; for a
# square matrix it succeeds and silently divides entry `(i, j)` by the norm of row `j`.
#
# One more trap: `x /= x_norm` divides *in place*, storing the result in `x`'s own memory. If
# `x` holds integers, as in the example above, the fractions cannot be stored and numpy raises
# an error; and for float input it overwrites the caller's array. Write `x = x / x_norm`,
# which makes a new float array.

# %%
if __name__ == "__main__":
    x = np.array([[0, 3, 4], [2, 6, 4]])
    print("norms with keepdims:", np.linalg.norm(x, axis=1, keepdims=True).shape,
          " without:", np.linalg.norm(x, axis=1).shape)
    square = np.array([[3.0, 4.0], [0.0, 1.0]])
    rank_one_norms = np.linalg.norm(square, axis=1)  # (2,): broadcast as a row
    print("a square matrix divided by (2,) norms, each row's length:",
          np.linalg.norm(square / rank_one_norms, axis=1), "(not all 1: wrong, and no error)")
    try:
        x /= np.linalg.norm(x, axis=1, keepdims=True)
    except TypeError as error:
        print("x /= x_norm on an int array raised", type(error).__name__ + ":", error)

# %% [markdown]
# ### Exercise 5: `normalize_rows`
#
# Write `normalize_rows(x)`: divide each row of the `(n, m)` matrix `x` by its L2 norm. Use
# `np.linalg.norm(x, ord=2, axis=1, keepdims=True)` and a division that makes a new array.
# It must work for integer matrices too, and it must leave the caller's `x` unchanged. For
# `x = [[0, 3, 4], [1, 6, 4]]` (integers) the result is
# `[[0., 0.6, 0.8], [0.13736056, 0.82416338, 0.54944226]]`. You may assume no row is all
# zeros.

# %%
def normalize_rows(x):
    """Divide each row of a matrix by its L2 norm.

    Arguments:
    x -- a numpy matrix of shape (n, m), int or float, with no row of zeros; it is not modified

    Returns:
    x -- a float matrix of shape (n, m) whose rows have length 1

    Example: normalize_rows(np.array([[0, 3, 4], [1, 6, 4]]))
    -> array([[0., 0.6, 0.8], [0.13736056, 0.82416338, 0.54944226]])
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return x


# %%
if __name__ == "__main__":
    x = np.array([[0, 3, 4], [1, 6, 4]])
    print("normalize_rows(x) =\n", normalize_rows(x))
    print("each row's length:", np.linalg.norm(normalize_rows(x), axis=1))

# %% [markdown]
# ## 6. Softmax, and why it subtracts the maximum
#
# The softmax turns a vector of scores into probabilities: positive numbers that add up to 1,
# the largest score getting the largest probability. For a row vector
# `x = [x₁, …, xₙ]`,
#
# `softmax(x) = [e^{x₁}, …, e^{xₙ}] / Σⱼ e^{xⱼ}`.
#
# For a matrix of shape `(m, n)` the course takes the softmax of **each row** separately:
# every row of the result adds up to 1. That is again `axis=1` with `keepdims=True`:
# `np.sum(x_exp, axis=1, keepdims=True)` is a `(m, 1)` column of row sums, and dividing by it
# broadcasts across each row. Summing over `axis=0` would make each *column* add up to 1,
# and `np.sum(x_exp)` without an axis would make the *whole matrix* add up to 1.
#
# There is a catch. `e¹⁰⁰⁰` does not fit in a float64 (the largest is about `1.8 · 10³⁰⁸`,
# `e⁷⁰⁹`), so `np.exp(1000)` is `inf`, and `inf / inf` is `nan`. The softmax of `[1000, 1001]`
# is a perfectly ordinary `[0.269, 0.731]`, but the textbook formula cannot compute it.
# Entries far below zero fail the other way: `e⁻¹⁰⁰⁰` is 0, and `0 / 0` is `nan` again.
#
# The cure is an identity: adding the same number `c` to every entry of a row does not change
# its softmax, because `e^{xⱼ − c} = e^{xⱼ} · e^{−c}` and the factor `e^{−c}` cancels between
# numerator and denominator. Choose `c` = **the row's own maximum**: then the largest exponent
# is exactly `e⁰ = 1`, nothing overflows, and the denominator is at least 1. Each row needs its
# own maximum: rows may lie at very different heights, and one matrix-wide maximum would push
# the lower rows back down to `0 / 0`.

# %%
if __name__ == "__main__":
    big = np.array([[1000.0, 1001.0]])
    with np.errstate(over="ignore", invalid="ignore"):
        naive = np.exp(big) / np.sum(np.exp(big), axis=1, keepdims=True)
    shifted = big - np.max(big, axis=1, keepdims=True)
    stable = np.exp(shifted) / np.sum(np.exp(shifted), axis=1, keepdims=True)
    print("textbook softmax of [1000, 1001]:", naive, "  after subtracting the max:", stable)

# %% [markdown]
# ### Exercise 6: `softmax`
#
# Write `softmax(x)` for a matrix `x` of shape `(m, n)`: the softmax of each row, computed
# stably: subtract each row's maximum (`np.max(x, axis=1, keepdims=True)`) before `np.exp`,
# then divide by the row sums. It must work for integer matrices and for entries as large as
# ±1000. For `x = [[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]]` the result is
# `[[9.80897665e-01, 8.94462891e-04, 1.79657674e-02, 1.21052389e-04, 1.21052389e-04],
#   [8.78679856e-01, 1.18916387e-01, 8.01252314e-04, 8.01252314e-04, 8.01252314e-04]]`.

# %%
def softmax(x):
    """Compute the softmax of each row of a matrix, without overflow.

    Arguments:
    x -- a numpy matrix of shape (m, n), int or float

    Returns:
    s -- a float matrix of shape (m, n): softmax of each row of x; every row sums to 1

    Example: softmax(np.array([[1000, 1001]])) -> array([[0.26894142, 0.73105858]])
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return s


# %%
if __name__ == "__main__":
    x = np.array([[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]])
    print("softmax(x) =\n", softmax(x))
    print("row sums:", np.sum(softmax(x), axis=1))
    print("softmax([[1000, 1001], [-1000, -999]]) =\n", softmax(np.array([[1000, 1001], [-1000, -999]])))

# %% [markdown]
# ## 7. Vectorization: why we avoid loops
#
# Every function above could be written with `for` loops over the entries, and would give
# the same numbers. It would also be much slower: a Python loop handles one number per
# iteration through the interpreter, while a numpy operation runs one compiled loop in C
# (often with SIMD instructions that handle several numbers at once). On the data sizes of
# deep learning, the difference is the difference between minutes and days.
#
# The demo below computes the same dot product, `Σᵢ aᵢbᵢ`, and the same elementwise product,
# once with a loop and once with numpy, on a million numbers.

# %%
if __name__ == "__main__":
    rng = np.random.default_rng(0)
    a, b = rng.random(1_000_000), rng.random(1_000_000)

    tic = time.perf_counter()
    looped = 0.0
    for i in range(a.size):
        looped += a[i] * b[i]
    loop_ms = 1000 * (time.perf_counter() - tic)
    tic = time.perf_counter()
    dotted = np.dot(a, b)
    dot_ms = 1000 * (time.perf_counter() - tic)
    print(f"dot product  loop: {looped:.4f} in {loop_ms:7.1f} ms   np.dot: {dotted:.4f} in {dot_ms:.2f} ms")

    tic = time.perf_counter()
    product = np.zeros(a.size)
    for i in range(a.size):
        product[i] = a[i] * b[i]
    loop_ms = 1000 * (time.perf_counter() - tic)
    tic = time.perf_counter()
    vectorized = a * b
    mul_ms = 1000 * (time.perf_counter() - tic)
    print(f"elementwise  loop: {loop_ms:7.1f} ms   a * b: {mul_ms:.2f} ms   same: {np.allclose(product, vectorized)}")

# %% [markdown]
# Note the two different products: `np.dot(a, b)` (or `a @ b`) is the **dot product**, a sum
# of products, while `a * b` multiplies **elementwise** and keeps the shape. Mixing them up
# is a classic bug.
#
# ## 8. Loss functions
#
# A loss measures how far the predictions `ŷ` (`yhat`) are from the true labels `y`. The two
# simplest ones, for vectors of `m` entries, are
#
# - the **L1 loss** `L₁(ŷ, y) = Σᵢ |yᵢ − ŷᵢ|`, the sum of absolute errors;
# - the **L2 loss** `L₂(ŷ, y) = Σᵢ (yᵢ − ŷᵢ)²`, the sum of squared errors.
#
# Both are **sums**, not means, and each is a single number. With `yhat = [.9, .2, .1, .4, .9]`
# and `y = [1, 0, 0, 1, 1]` the errors are `[.1, .2, .1, .6, .1]`, so
# `L1 = .1 + .2 + .1 + .6 + .1 = 1.1` and `L2 = .01 + .04 + .01 + .36 + .01 = 0.43`.
#
# The sum of squares of a 1-D vector `d` is its dot product with itself, `np.dot(d, d)`. But
# labels are often kept as `(1, m)` rows in this course, and for a 2-D array `np.dot` is a
# *matrix* product: `np.dot(d, d)` then fails, or returns a matrix. Your losses must work for
# arrays of any shape (`(m,)`, `(1, m)`, `(n, m)`), summing over **all** entries:
# `np.sum(...)` without an axis does that.

# %% [markdown]
# ### Exercise 7: `L1`
#
# Write `L1(yhat, y)`, the sum of `|y − yhat|` over all entries, as a number. No loop is
# needed: `np.abs` and `np.sum` do it (a loop over all entries is accepted too).

# %%
def L1(yhat, y):
    """The L1 loss: the sum of the absolute errors.

    Arguments:
    yhat -- predicted labels, a numpy array of any shape, e.g. (m,) or (1, m)
    y -- true labels, an array of the same shape

    Returns:
    loss -- sum over all entries of |y - yhat|, a number (a float)

    Example: L1(np.array([.9, .2, .1, .4, .9]), np.array([1, 0, 0, 1, 1])) -> 1.1
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return loss


# %% [markdown]
# ### Exercise 8: `L2`
#
# Write `L2(yhat, y)`, the sum of `(y − yhat)²` over all entries, as a number. Make sure it
# works for `(1, m)` rows as well as for `(m,)` vectors.

# %%
def L2(yhat, y):
    """The L2 loss: the sum of the squared errors.

    Arguments:
    yhat -- predicted labels, a numpy array of any shape, e.g. (m,) or (1, m)
    y -- true labels, an array of the same shape

    Returns:
    loss -- sum over all entries of (y - yhat) ** 2, a number (a float)

    Example: L2(np.array([.9, .2, .1, .4, .9]), np.array([1, 0, 0, 1, 1])) -> 0.43
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return loss


# %%
if __name__ == "__main__":
    yhat = np.array([.9, .2, .1, .4, .9])
    y = np.array([1, 0, 0, 1, 1])
    print("L1 =", L1(yhat, y), "  L2 =", L2(yhat, y))
    print("as (1, 5) rows: L1 =", L1(yhat.reshape(1, 5), y.reshape(1, 5)),
          "  L2 =", L2(yhat.reshape(1, 5), y.reshape(1, 5)))

# %% [markdown]
# ## What you have learned
#
# - `np.exp`, `np.log`, arithmetic and comparisons work elementwise on arrays of any shape;
#   `math` works on single numbers only.
# - Vectorized numpy code is shorter and far faster than Python loops.
# - Broadcasting stretches axes of size 1; `keepdims=True` keeps a reduced axis so that the
#   result broadcasts the way you mean, and `axis=` decides *what* you reduce over.
# - Rank-1 arrays `(n,)` are neither rows nor columns: reshape them to `(n, 1)` or `(1, n)`.
# - Subtract each row's maximum before exponentiating, and the softmax never overflows.
