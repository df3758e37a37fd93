"""A Jupyter teaching kit on media literacy.

Notebook cells call the functions here in one line, e.g. ``kit.highlighter()``. Heavy modules
(ipywidgets, matplotlib) are imported only when a widget or plot is first asked for, so that
``import lessons`` stays fast.
"""
from __future__ import annotations

from importlib import import_module

from .annotation import CATEGORIES, Annotation

__all__ = ["Annotation", "CATEGORIES", "annotate", "analyse", "load_article"]

# name -> module that defines it; loaded on first use.
_LAZY = {
    "annotate": "annotator",
    "analyse": "annotator",
    "Analysis": "annotator",
    "load_article": "article",
    "article_from_text": "article",
    "ArticleError": "article",
    "load_key": "key",
    "render_html": "render",
    "render_handout": "render",
    "write_handout": "render",
    # Notebook-facing views (ipywidgets / matplotlib).
    "setup": "widgets",
    "highlighter": "widgets",
    "sentence_explorer": "widgets",
    "learner_annotator": "widgets",
    "bring_your_own": "widgets",
    "reflection": "widgets",
    "handout_button": "widgets",
    "quiz": "quizzes",
    "plot_speakers": "plots",
    "plot_hedging": "plots",
    "plot_figures": "plots",
    # Lesson 05, lateral reading.
    "lateral_stop": "lateral",
    "source_cards": "lateral",
    "coverage_reports": "lateral",
    "coverage_table": "lateral",
    "trace_claim": "lateral",
    "sourced_claim": "lateral",
    "progress_summary": "progress",
    "progress_download": "progress",
    "progress_upload": "progress",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'lessons' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
