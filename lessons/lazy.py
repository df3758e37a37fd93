"""Names a package lends from its modules, each module imported on first use.

``lessons`` and ``lessons.views`` both offer many names from modules that import ipywidgets or
matplotlib; loading a module only when one of its names is first asked for keeps ``import
lessons`` light. A package sets ``__getattr__, __dir__ = lazy_names(__name__, {name: module})``.
"""
from __future__ import annotations

import sys
from importlib import import_module
from typing import Callable, Mapping


def lazy_names(package: str, names: Mapping[str, str]) -> tuple[Callable[[str], object], Callable[[], list]]:
    """``__getattr__`` and ``__dir__`` for ``package``: ``names`` maps a name to the module (relative
    to ``package``, e.g. ``"views.quiz"``) that defines it; a name is imported once, then kept."""

    def __getattr__(name: str):
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        owner = sys.modules[package]
        value = getattr(import_module(f".{module}", package), name)
        setattr(owner, name, value)
        return value

    def __dir__():
        return sorted(set(vars(sys.modules[package])) | set(names))

    return __getattr__, __dir__

