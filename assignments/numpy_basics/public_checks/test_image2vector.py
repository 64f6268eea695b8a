"""Public tests of `numpy_basics`, copied by `autograder release` from the hidden
suite's tests/test_image2vector.py with the helpers they use. Generated: do not edit."""

import numpy as np
from checks import expect_array, expect_close


WHAT = "image2vector(image)"


#: the course's published example (public_tests.py), shape (3, 3, 2)
COURSE_IMAGE = np.array([
    [[0.67826139, 0.29380381], [0.90714982, 0.52835647], [0.4215251, 0.45017551]],
    [[0.92814219, 0.96677647], [0.85304703, 0.52351845], [0.19981397, 0.27417313]],
    [[0.60659855, 0.00533165], [0.10820313, 0.49978937], [0.34144279, 0.94630077]],
])


def order_mistakes(image: np.ndarray) -> dict:
    """The columns that the usual slips give for ``image`` (shapes (n, 1))."""
    return {
        "the entries are read in Fortran order, the first axis fastest (which is also what "
        "reshaping image.T gives): reshape the image as it is, in C order, the default":
            image.reshape(-1, 1, order="F"),
        "the entries are read in the wrong order: do not transpose the image before "
        "reshaping it": image.transpose(1, 0, 2).reshape(-1, 1),
        "the entries are read in the wrong order: keep the axes (length, height, depth) "
        "as they are, with the depth varying fastest": image.transpose(0, 2, 1).reshape(-1, 1),
    }


def test_result_is_a_column(submission, image):
    """image2vector(image) is a float64 column of shape (length * height * depth, 1), not a
    rank-1 array, for images of any size"""
    expect_array(submission.image2vector(image), (image.size, 1), WHAT)


def test_course_example(submission, reference):
    """the course's (3, 3, 2) image gives its 18 entries in C order, as an (18, 1) column"""
    expect_close(submission.image2vector(COURSE_IMAGE), reference.image2vector(COURSE_IMAGE),
                 "image2vector of the (3, 3, 2) example", mistakes=order_mistakes(COURSE_IMAGE))


def test_entries_in_c_order_for_any_size(submission, reference, image):
    """for an image of any size, the column holds image[0, 0, 0], image[0, 0, 1], ... in C
    order (the depth varies fastest): take the sizes from image.shape"""
    expect_close(submission.image2vector(image), reference.image2vector(image), WHAT,
                 mistakes=order_mistakes(image))
