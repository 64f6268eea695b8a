"""Hidden tests for exercise 3, ``initialize_with_zeros(dim)``: a zero column w and b = 0.0."""

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from autograder.checks import expect, expect_array, expect_number, expect_tuple, fail

WHAT = "initialize_with_zeros(dim)"


@pytest.mark.exercise("initialize_with_zeros", points=3)
@given(dim=st.integers(2, 50))
@example(dim=2)
@example(dim=64)
@pytest.mark.public
def test_w_is_a_column_of_zeros(submission, dim):
    """w is a column of zeros of shape (dim, 1)"""
    w, _ = expect_tuple(submission.initialize_with_zeros(dim), 2, WHAT)
    w = expect_array(w, (dim, 1), "w")
    expect(bool(np.all(w == 0.0)), "every entry of w should be 0.")


@pytest.mark.exercise("initialize_with_zeros", points=2)
@given(dim=st.integers(2, 50))
@example(dim=2)
@pytest.mark.public
def test_b_is_the_float_zero(submission, dim):
    """b is the Python float 0.0"""
    _, b = expect_tuple(submission.initialize_with_zeros(dim), 2, WHAT)
    if isinstance(b, int | np.integer) and not isinstance(b, bool):
        fail("b should be the float 0.0, but it is an int: write b = 0.0 (or float(0)).")
    if isinstance(b, np.ndarray):
        fail(
            f"b should be the number 0.0, but it is an array of shape {b.shape}: "
            "write b = 0.0 (or float(0))."
        )
    expect(expect_number(b, "b", python_float=True) == 0.0, "b should equal 0.0.")
