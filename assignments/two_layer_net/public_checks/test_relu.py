"""Public tests of `two_layer_net`, copied by `autograder release` from the hidden
suite's tests/test_relu.py with the helpers they use. Generated: do not edit."""

import numpy as np
from checks import expect, expect_array, expect_close, fail


WHAT = "relu(Z)"


#: the lesson's example, and one with every case: negative, zero, positive
LESSON = np.array([[-1.5, 0.0, 2.0]])


MIXED = np.array([[-1.5, 0.0, 2.0], [3.0, -0.5, 0.25]])


def relu_mistakes(reference, Z: np.ndarray) -> dict:
    """What the usual slips give for ``Z``, from the reference's ReLU."""
    A = reference.relu(Z)
    return {
        "negative entries should become 0: this returns Z unchanged": Z,
        "this keeps the negative entries and zeroes the positive ones: keep Z where Z > 0":
            Z - A,
        "this is |Z|: negative entries should become 0, not positive": np.abs(Z),
        "this looks like a leaky ReLU: negative entries should become exactly 0":
            A + 0.01 * (Z - A),
        "this looks like the ReLU's derivative (0 or 1), not the ReLU itself":
            (A > 0).astype(float),
    }


def result(submission, Z: np.ndarray):
    """The student's relu(Z), with a hint when it has the shape of a reduction."""
    A = submission.relu(Z)
    shape = getattr(A, "shape", None)
    if shape != Z.shape and shape == np.max(Z, axis=0).shape:
        fail(f"{WHAT} should have the shape {Z.shape} of Z, but it has shape {shape}: np.max "
             "reduces along an axis; use np.maximum(Z, 0), which compares elementwise.")
    return A


def test_is_a_float_array_of_the_shape_of_z(submission, Z):
    """relu(Z) is a float64 array of the shape of Z, for 1-D, 2-D and 3-D arrays"""
    expect_array(result(submission, Z), Z.shape, WHAT)


def test_lesson_example(submission, reference):
    """the lesson's examples: relu([[-1.5, 0, 2]]) is [[0, 0, 2]], and a negative, zero or
    positive entry in a 2 x 3 array"""
    for Z in (LESSON, MIXED):
        expect_close(result(submission, Z), reference.relu(Z), "relu(Z) on the lesson's example",
                     mistakes=relu_mistakes(reference, Z))


def test_leaves_z_alone(submission, Z):
    """relu(Z) returns a new array and leaves the caller's Z as it was"""
    call = submission.call("relu", Z)
    expect(np.array_equal(call.args[0], Z),
           "relu changed the Z passed in: compute a new array instead of assigning into Z.")
