"""Shared fixtures: the course in this repository, its assignments, module loading by path.

Tests that hold for any assignment take the ``assignment`` fixture, which runs them once per
assignment of the course. Tests of one lesson's content name it (``lr`` is logistic
regression, whose corpus of student submissions lives in tests/corpus/logistic_regression).
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import uuid
from pathlib import Path
from types import ModuleType

import pytest

from autograder.course import Assignment, Course

ROOT = Path(__file__).resolve().parents[1]
COURSE = Course(ROOT)
ASSIGNMENTS = COURSE.assignments()


def load_module(path: Path) -> ModuleType:
    """Import a file by path under a unique name, without touching sys.path."""
    name = f"_loaded_{path.stem}_{uuid.uuid4().hex}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session", params=ASSIGNMENTS)
def assignment(request) -> Assignment:
    """Each assignment of the course in turn."""
    return COURSE.assignment(request.param)


@pytest.fixture(scope="session")
def lr() -> Assignment:
    """Logistic regression: the lesson the corpus and the content tests are about."""
    return COURSE.assignment("logistic_regression")


@pytest.fixture(scope="session")
def reference(lr):
    """Logistic regression's reference solution module, imported by path."""
    return load_module(lr.source)


def copy_release(assignment: Assignment, target: Path) -> Path:
    """A scratch copy of the committed release, so tests never write into assignments/."""
    shutil.copytree(assignment.release_dir, target)
    return target


@pytest.fixture
def release_copy(lr, tmp_path) -> Path:
    """A scratch copy of logistic regression's committed release."""
    return copy_release(lr, tmp_path / lr.name)
