"""Shared fixtures: the reference solution, the released folder, and module loading by path."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import uuid
from pathlib import Path
from types import ModuleType

import pytest

from autograder.assignments import get_assignment

ROOT = Path(__file__).resolve().parents[1]


def load_module(path: Path) -> ModuleType:
    """Import a file by path under a unique name, without touching sys.path."""
    name = f"_loaded_{path.stem}_{uuid.uuid4().hex}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def assignment():
    return get_assignment("logistic_regression")


@pytest.fixture(scope="session")
def reference(assignment):
    """The reference solution module, imported by path."""
    return load_module(assignment.source)


@pytest.fixture
def release_copy(assignment, tmp_path) -> Path:
    """A scratch copy of the committed release, so tests never write into assignments/."""
    target = tmp_path / assignment.name
    shutil.copytree(assignment.release_dir, target)
    return target
