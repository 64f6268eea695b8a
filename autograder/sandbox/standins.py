"""Harmless stand-ins for display libraries, so that a notebook that plotted still imports.

Loaded by the worker by path; standard library only. Students' notebooks import matplotlib,
PIL or IPython.display to look at their data; the grader never looks, and the real libraries
would cost every worker time and memory (and write font caches). :func:`install` puts an
import hook first in ``sys.meta_path`` that answers those names (and their submodules) with
modules whose every attribute is an :class:`Inert`: calling, indexing or using it gives
another one, so ``plt.plot(costs); plt.ylabel("cost"); plt.show()`` does nothing, quietly.
``plt.subplots()`` gives the ``(figure, axes)`` pair that code unpacks.

Example::

    install(["matplotlib"])
    import matplotlib.pyplot as plt
    figure, axes = plt.subplots()
    axes.plot([1, 2]); plt.show()   # nothing happens
"""

import importlib.abc
import importlib.machinery
import sys
import types

#: libraries that only display things, answered by stand-ins in every worker
DISPLAY = ("matplotlib", "seaborn", "PIL", "IPython", "plotly", "ipywidgets")


class Inert:
    """Whatever a display call returns: every use of it gives another Inert, or nothing."""

    def __init__(self, name="stand-in"):
        object.__setattr__(self, "_name", name)

    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        return Inert(f"{self._name}.{attr}")

    def __call__(self, *args, **kwargs):
        if self._name.endswith(".subplots"):
            return Inert("figure"), Inert("axes")
        return Inert(f"{self._name}()")

    def __setattr__(self, attr, value):
        pass

    def __getitem__(self, key):
        return Inert(f"{self._name}[]")

    def __setitem__(self, key, value):
        pass

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __repr__(self):
        return f"<stand-in for {self._name}: the grader does not display>"


class _Module(types.ModuleType):
    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        return Inert(f"{self.__name__}.{attr}")


class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def __init__(self, roots):
        self.roots = set(roots)

    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] in self.roots:
            return importlib.machinery.ModuleSpec(fullname, self, is_package=True)
        return None

    def create_module(self, spec):
        module = _Module(spec.name)
        module.__path__ = []
        return module

    def exec_module(self, module):
        pass


def install(roots=DISPLAY):
    """Answer imports of ``roots`` and their submodules with stand-ins, from now on."""
    for name in list(sys.modules):
        if name.split(".")[0] in roots:
            del sys.modules[name]
    sys.meta_path.insert(0, _Finder(roots))
