"""The reference solution reproduces the course's published values."""

import numpy as np
import pytest

# the course prints most values to 8 decimals (some truncated, not rounded): agree to one unit
# of the last printed digit
PRINTED = {"rtol": 0, "atol": 1e-8}


def test_sigmoid_course_values(reference):
    np.testing.assert_allclose(reference.sigmoid(np.array([0, 2])), [0.5, 0.88079708], **PRINTED)
    np.testing.assert_allclose(reference.sigmoid([0, 2]), [0.5, 0.88079708], **PRINTED)
    assert reference.sigmoid(1) == pytest.approx(0.7310585786300049, rel=1e-12)


def test_sigmoid_is_quiet_and_exact_at_extremes(reference, recwarn):
    values = reference.sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    np.testing.assert_array_equal(values, [0.0, 0.5, 1.0])
    assert not recwarn.list


@pytest.mark.parametrize("dim", [1, 3, 4])
def test_initialize_with_zeros(reference, dim):
    w, b = reference.initialize_with_zeros(dim)
    assert type(b) is float and b == 0.0
    assert isinstance(w, np.ndarray) and w.shape == (dim, 1) and not w.any()


@pytest.mark.parametrize(
    "w, b, X, Y, dw, db, cost",
    [
        (
            [[1.0], [2.0]], 2.0, [[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]], [[1, 0, 1]],
            [[0.99845601], [2.39507239]], 0.001455578136784208, 5.801545319394553,
        ),
        (
            [[1.0], [2.0], [-1]], 2.5,
            [[1.0, 2.0, -1.0, 0], [3.0, 4.0, -3.2, 1], [3.0, 4.0, -3.2, -3.5]], [[1, 1, 0, 0]],
            [[-0.03909333], [0.12501464], [-0.99960809]], 0.288106326429569, 2.0424567983978403,
        ),
    ],
)
def test_propagate_course_values(reference, w, b, X, Y, dw, db, cost):
    grads, got_cost = reference.propagate(np.array(w, dtype=float), b, np.array(X), np.array(Y))
    assert set(grads) == {"dw", "db"}
    assert grads["dw"].shape == (len(w), 1)
    np.testing.assert_allclose(grads["dw"], dw, **PRINTED)
    assert grads["db"] == pytest.approx(db, rel=1e-10)
    assert np.ndim(got_cost) == 0 and float(got_cost) == pytest.approx(cost, rel=1e-12)


def test_optimize_course_values(reference):
    w = np.array([[1.0], [2.0]])
    X = np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]])
    params, grads, costs = reference.optimize(
        w, 2.0, X, np.array([[1, 0, 1]]), num_iterations=101, learning_rate=0.1
    )
    np.testing.assert_allclose(params["w"], [[-0.70916784], [-0.42390859]], **PRINTED)
    assert params["b"] == pytest.approx(2.26891346, abs=1e-8)
    np.testing.assert_allclose(grads["dw"], [[0.06188603], [-0.01407361]], **PRINTED)
    assert grads["db"] == pytest.approx(-0.04709353, abs=1e-8)
    np.testing.assert_allclose(costs, [5.80154532, 0.31057104], **PRINTED)
    np.testing.assert_array_equal(w, [[1.0], [2.0]])  # the caller's w is untouched


def test_optimize_defaults_are_the_courses(reference):
    import inspect

    signature = inspect.signature(reference.optimize)
    assert list(signature.parameters) == [
        "w", "b", "X", "Y", "num_iterations", "learning_rate", "print_cost"
    ]
    assert [signature.parameters[name].default for name in list(signature.parameters)[4:]] == [
        100, 0.009, False
    ]
    signature = inspect.signature(reference.model)
    assert [p.default for p in list(signature.parameters.values())[4:]] == [2000, 0.5, False]


def test_predict_course_values(reference):
    prediction = reference.predict(
        np.array([[0.3], [0.5], [-0.2]]), -0.33333,
        np.array([[1.0, -0.3, 1.5], [2, 0, 1], [0, -1.5, 2]]),
    )
    assert prediction.shape == (1, 3) and prediction.dtype == float
    np.testing.assert_array_equal(prediction, [[1.0, 0.0, 1.0]])


def test_model_course_values(reference):
    np.random.seed(0)
    Y = np.array([1, 0, 0, 1, 0, 0, 1]).reshape(1, 7)
    X = np.random.randn(4, 7)
    x_test = np.random.randn(4, 3)
    y_test = np.array([0, 1, 0])
    d = reference.model(X, Y, x_test, y_test, 50, 0.01)
    assert set(d) == {
        "costs", "Y_prediction_test", "Y_prediction_train", "w", "b",
        "learning_rate", "num_iterations",
    }
    np.testing.assert_allclose(d["costs"], [0.69314718], **PRINTED)
    np.testing.assert_allclose(
        d["w"], [[0.08639757], [-0.08231268], [-0.11798927], [0.12866053]], rtol=1e-7
    )
    assert d["b"] == pytest.approx(-0.03983236094816321, rel=1e-10)
    np.testing.assert_array_equal(d["Y_prediction_test"], [[1.0, 1.0, 0.0]])
    np.testing.assert_array_equal(d["Y_prediction_train"], [[1.0, 1.0, 0.0, 1.0, 0.0, 0.0, 1.0]])
    assert d["learning_rate"] == 0.01 and d["num_iterations"] == 50


@pytest.mark.parametrize("shape", [(5, 3, 4), (5, 3, 4, 3)])
def test_preprocess_columns_are_c_order_images(reference, shape):
    images = np.random.default_rng(0).integers(0, 256, size=shape, dtype=np.uint8)
    X = reference.preprocess(images)
    assert X.shape == (int(np.prod(shape[1:])), shape[0]) and X.dtype == float
    for i in range(shape[0]):
        np.testing.assert_array_equal(X[:, i], images[i].ravel(order="C") / 255)
    assert 0.0 <= X.min() and X.max() <= 1.0


def test_preprocess_docstring_example(reference):
    images = np.array([[[0, 255], [51, 102]], [[255, 0], [0, 0]]], dtype=np.uint8)
    np.testing.assert_allclose(reference.preprocess(images), [[0, 1], [1, 0], [0.2, 0], [0.4, 0]])


def test_importing_the_reference_has_no_side_effects(lr):
    import subprocess
    import sys

    probe = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('ref', {str(lr.source)!r})\n"
        "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)\n"
        "loaded = [name for name in ('lr_utils', 'matplotlib', 'public_tests', 'gradcheck')"
        " if name in sys.modules]\n"
        "sys.stderr.write(repr(loaded))\n"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", probe], capture_output=True, text=True, timeout=60,
        cwd=lr.release_dir,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""  # nothing printed at import
    assert done.stderr == "[]"  # no data loader, plotting or checks imported
