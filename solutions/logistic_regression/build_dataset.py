"""Build the bundled data sets from the upstream copies that ship inside dependencies.

The "is it an 8?" set comes from scikit-learn's ``load_digits`` (the test split of the UCI
Optical Recognition of Handwritten Digits data, Alpaydin and Kaynak 1998). The built file is
committed, so students and graders never need scikit-learn; this module only rebuilds it.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np

DIGITS8 = Path(__file__).resolve().parent / "files" / "datasets" / "digits8.npz"
TRAIN_SIZE = 278  # of 348 balanced images: about the course's 80/20 split
SEED = 8


def build_digits8() -> dict[str, np.ndarray]:
    """Return the balanced "8 versus any other digit" set as arrays in the course's h5 layout.

    Every 8 (174 images) plus as many other digits drawn with a fixed seed, shuffled and split.
    Pixels 0..16 are rescaled to uint8 0..255.

    Returns a dict with train_set_x (278, 8, 8) uint8, train_set_y (278,) int64,
    test_set_x (70, 8, 8) uint8, test_set_y (70,) int64, list_classes [b"other", b"eight"].
    """
    from sklearn.datasets import load_digits  # build-time only: a dev dependency

    digits = load_digits()
    images = np.rint(digits.images * (255 / 16)).astype(np.uint8)
    labels = (digits.target == 8).astype(np.int64)
    rng = np.random.default_rng(SEED)
    eights = np.flatnonzero(labels == 1)
    others = rng.choice(np.flatnonzero(labels == 0), size=eights.size, replace=False)
    order = rng.permutation(np.concatenate([eights, others]))
    train, test = order[:TRAIN_SIZE], order[TRAIN_SIZE:]
    return {
        "train_set_x": images[train], "train_set_y": labels[train],
        "test_set_x": images[test], "test_set_y": labels[test],
        "list_classes": np.array([b"other", b"eight"]),
    }


def write_npz(arrays: dict[str, np.ndarray], path: Path) -> None:
    """Write arrays as a compressed .npz whose bytes depend only on the arrays."""
    import zipfile

    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.save(buffer, array, allow_pickle=False)
            # a fixed timestamp keeps the file byte-identical across rebuilds
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue())


if __name__ == "__main__":
    write_npz(build_digits8(), DIGITS8)
    print(f"wrote {DIGITS8}")
