"""Hidden tests for exercise 3, ``initialize_with_zeros(dim)``: a zero column w and b = 0.0."""

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from autograder.checks import expect, expect_array, expect_number, expect_tuple, lenient

WHAT = "initialize_with_zeros(dim)"


@pytest.mark.exercise("initialize_with_zeros", points=1, kind="structure")
@given(dim=st.integers(2, 50))
@example(dim=2)
@pytest.mark.public
def test_w_is_a_float_column_and_b_a_python_float(submission, dim):
    """w is a float64 array of shape (dim, 1) and b is a Python float, as the course asks"""
    w, b = expect_tuple(submission.initialize_with_zeros(dim), 2, WHAT)
    expect_array(w, (dim, 1), "w")
    expect_number(b, "b", python_float=True)


@pytest.mark.exercise("initialize_with_zeros", points=4)
@given(dim=st.integers(2, 50))
@example(dim=2)
@example(dim=64)
@pytest.mark.public
def test_w_is_a_column_of_zeros_and_b_is_zero(submission, dim):
    """w is a column of dim zeros and b is zero"""
    w, b = expect_tuple(submission.initialize_with_zeros(dim), 2, WHAT)
    expect(bool(np.all(lenient(w, (dim, 1), "w") == 0.0)), "every entry of w should be 0.")
    expect(float(lenient(b, (), "b")) == 0.0, "b should equal 0.")
