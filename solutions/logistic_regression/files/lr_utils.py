"""Load the assignment's image data set, in the layout of the course's ``lr_utils``.

``load_dataset()`` reads the bundled "is it an 8?" digits (``datasets/digits8.npz`` next to this
file). Point it at a folder holding the course's ``train_catvnoncat.h5`` and
``test_catvnoncat.h5`` and it reads those instead (that needs ``h5py``).

Both return the same five things:

- ``train_set_x_orig``: uint8 images, shape (m_train, h, w) or (m_train, h, w, c)
- ``train_set_y``: labels 0/1, shape (1, m_train)
- ``test_set_x_orig``, ``test_set_y``: the same for the test set
- ``classes``: the class names as bytes, index 0 is the negative class
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

BUNDLED = Path(__file__).resolve().parent / "datasets" / "digits8.npz"
H5_FILES = ("train_catvnoncat.h5", "test_catvnoncat.h5")


def load_dataset(path=None):
    """Return (train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes).

    Arguments:
    path -- None for the bundled digits; a ``.npz`` file in the bundled layout; or a folder
            holding the course's ``train_catvnoncat.h5`` and ``test_catvnoncat.h5``

    Example: train_x, train_y, test_x, test_y, classes = load_dataset()
             train_x.shape == (278, 8, 8), train_y.shape == (1, 278), classes[1] == b"eight"
    """
    source = BUNDLED if path is None else Path(path)
    if source.is_dir():
        return _load_h5_pair(source)
    if not source.is_file():
        raise FileNotFoundError(f"no data set at {source}")
    with np.load(source, allow_pickle=False) as data:
        return _course_layout(
            data["train_set_x"], data["train_set_y"],
            data["test_set_x"], data["test_set_y"], data["list_classes"],
        )


def _load_h5_pair(folder: Path):
    try:
        import h5py
    except ImportError as error:  # h5py is optional: only the course's own files need it
        raise ImportError("reading the course's .h5 files needs h5py: pip install h5py") from error
    train_path, test_path = (folder / name for name in H5_FILES)
    for file in (train_path, test_path):
        if not file.is_file():
            raise FileNotFoundError(f"expected {file.name} in {folder}")
    with h5py.File(train_path, "r") as train, h5py.File(test_path, "r") as test:
        return _course_layout(
            train["train_set_x"][:], train["train_set_y"][:],
            test["test_set_x"][:], test["test_set_y"][:], test["list_classes"][:],
        )


def _course_layout(train_x, train_y, test_x, test_y, classes):
    """Shape raw arrays like the course: uint8 images, labels as (1, m) rows."""
    return (
        np.asarray(train_x, dtype=np.uint8),
        np.asarray(train_y).reshape(1, -1),
        np.asarray(test_x, dtype=np.uint8),
        np.asarray(test_y).reshape(1, -1),
        np.asarray(classes),
    )
