"""Hidden tests for exercise 1, ``preprocess(images)``: one flattened, scaled image per column."""

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from autograder.checks import expect, expect_array, expect_close, lenient

from .strategies import image_stacks

WHAT = "preprocess(images)"


def _staircase(shape):
    """Distinct pixel values 0, 1, 2, ... (mod 256) in a uint8 stack: every layout slip shows."""
    return (np.arange(int(np.prod(shape))) % 256).astype(np.uint8).reshape(shape)


def layout_mistakes(images: np.ndarray) -> dict:
    """The matrices that the classic preprocessing mistakes give for ``images``."""
    m = images.shape[0]
    n_x = images[0].size
    flat = images.reshape(m, -1).T.astype(np.float64)
    fortran = np.stack([image.ravel(order="F") for image in images], axis=1) / 255.0
    return {
        "columns mix pixels from different images — reshape to (m, -1) first, then transpose":
            images.reshape(n_x, m) / 255.0,
        "each image is flattened column by column (Fortran order) — flatten it row by row, "
        "the way images[i].ravel() does (C order)": fortran,
        "the values are not scaled — divide by 255": flat,
        "the values are divided by 256 — divide by 255, the largest pixel value": flat / 256.0,
        "integer division // throws the fractions away — use true division / 255":
            np.floor_divide(flat, 255.0),
    }


@pytest.mark.exercise("preprocess", points=2, kind="structure")
@given(images=st.one_of(image_stacks(colour=False), image_stacks(colour=True)))
@example(images=_staircase((3, 2, 2)))
@example(images=_staircase((2, 3, 2, 3)))
@pytest.mark.public
def test_shape_is_pixels_by_examples(submission, images):
    """the result is a float64 array of shape (h·w·c, m): one column per image"""
    n_x = int(np.prod(images.shape[1:]))
    expect_array(submission.preprocess(images), (n_x, images.shape[0]), WHAT)


@pytest.mark.exercise("preprocess", points=3)
@given(images=image_stacks(colour=False, min_side=2))
@example(images=_staircase((3, 2, 2)))
@example(images=_staircase((4, 3, 5)))
@pytest.mark.public
def test_grayscale_columns_are_flattened_images(submission, reference, images):
    """for grayscale images (m, h, w), column i is images[i] flattened in C order, divided by 255"""
    expect_close(
        submission.preprocess(images),
        reference.preprocess(images),
        WHAT,
        mistakes=layout_mistakes(images),
    )


@pytest.mark.exercise("preprocess", points=3)
@given(images=image_stacks(colour=True, min_side=2))
@example(images=_staircase((2, 3, 2, 3)))
@example(images=_staircase((5, 2, 4, 3)))
@pytest.mark.public
def test_colour_columns_are_flattened_images(submission, reference, images):
    """for colour images (m, h, w, c), column i is images[i] flattened in C order, divided by 255"""
    expect_close(
        submission.preprocess(images),
        reference.preprocess(images),
        WHAT,
        mistakes=layout_mistakes(images),
    )


@pytest.mark.exercise("preprocess", points=2, kind="property")
@given(images=st.one_of(image_stacks(colour=False), image_stacks(colour=True)))
@example(images=_staircase((3, 16, 16)))
@pytest.mark.public
def test_values_are_floats_between_0_and_1(submission, images):
    """every value lies between 0 and 1 (pixels divided by 255)"""
    n_x = int(np.prod(images.shape[1:]))
    X = lenient(submission.preprocess(images), (n_x, images.shape[0]), WHAT)
    expect(
        bool(np.all((X >= 0.0) & (X <= 1.0))),
        f"every value of {WHAT} should lie between 0 and 1: divide the pixels by 255.",
    )
