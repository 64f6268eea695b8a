"""The bundled data set: a real binary image set, readable offline, shaped like the course's."""

from __future__ import annotations

import numpy as np
import pytest

from tests.conftest import ROOT, load_module

#: the instructor's script that builds logistic regression's data set
datasets = load_module(ROOT / "solutions" / "logistic_regression" / "build_dataset.py")


@pytest.fixture
def lr_utils(release_copy):
    return load_module(release_copy / "lr_utils.py")


def test_bundled_set_has_the_courses_layout(lr_utils):
    train_x, train_y, test_x, test_y, classes = lr_utils.load_dataset()
    assert train_x.dtype == np.uint8 and test_x.dtype == np.uint8
    assert train_x.shape == (278, 8, 8) and test_x.shape == (70, 8, 8)
    assert train_y.shape == (1, 278) and test_y.shape == (1, 70)
    assert set(np.unique(np.concatenate([train_y, test_y], axis=1))) == {0, 1}
    assert list(classes) == [b"other", b"eight"]
    # balanced overall, and both classes in both splits
    assert train_y.sum() + test_y.sum() == 174
    assert 0 < test_y.sum() < 70
    assert train_x.max() == 255 and train_x.min() == 0


def test_bundled_file_is_exactly_what_the_builder_makes(tmp_path):
    pytest.importorskip("sklearn", reason="rebuilding the data needs scikit-learn (dev group)")
    rebuilt = tmp_path / "digits8.npz"
    datasets.write_npz(datasets.build_digits8(), rebuilt)
    assert rebuilt.read_bytes() == datasets.DIGITS8.read_bytes()


def test_reads_the_courses_h5_layout(lr_utils, tmp_path):
    h5py = pytest.importorskip("h5py", reason="the .h5 reader needs h5py (dev group)")
    rng = np.random.default_rng(0)
    for split, m in (("train", 5), ("test", 3)):
        with h5py.File(tmp_path / f"{split}_catvnoncat.h5", "w") as f:
            f[f"{split}_set_x"] = rng.integers(0, 256, size=(m, 4, 4, 3), dtype=np.uint8)
            f[f"{split}_set_y"] = np.arange(m) % 2
            f["list_classes"] = np.array([b"non-cat", b"cat"])
    train_x, train_y, test_x, test_y, classes = lr_utils.load_dataset(tmp_path)
    assert train_x.shape == (5, 4, 4, 3) and train_x.dtype == np.uint8
    assert train_y.shape == (1, 5) and test_y.shape == (1, 3) and test_x.shape == (3, 4, 4, 3)
    assert list(classes) == [b"non-cat", b"cat"]


def test_missing_data_is_a_clear_error(lr_utils, tmp_path):
    with pytest.raises(FileNotFoundError, match="train_catvnoncat.h5"):
        lr_utils.load_dataset(tmp_path)
    with pytest.raises(FileNotFoundError, match="no data set"):
        lr_utils.load_dataset(tmp_path / "nothing.npz")
