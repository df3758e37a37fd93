"""A Jupyter teaching kit on media literacy.

Notebook cells call the functions here in one line, e.g. ``kit.highlighter()``. Heavy modules
(ipywidgets, matplotlib) are imported only when a widget or plot is first asked for, so that
``import lessons`` stays fast.
"""
from __future__ import annotations

from .annotator.model import CATEGORIES, Annotation
from .lazy import lazy_names

__all__ = ["Annotation", "CATEGORIES", "annotate", "analyse", "load_article"]

# name -> module that defines it; loaded on first use.
_LAZY = {
    "annotate": "annotator",
    "analyse": "annotator",
    "Analysis": "annotator",
    "load_article": "text.article",
    "article_from_text": "text.article",
    "ArticleError": "text.article",
    "load_key": "scoring.key",
    "render_html": "render.html",
    "render_handout": "render.handout",
    "write_handout": "render.handout",
    # Notebook-facing views (ipywidgets / matplotlib).
    "setup": "views.messages",
    "highlighter": "views.highlighter",
    "sentence_explorer": "views.explorer",
    "learner_annotator": "views.learner_annotator",
    "bring_your_own": "views.bring_your_own",
    "reflection": "views.reflection",
    "handout_button": "views.handout",
    "quiz": "views.quiz",
    "check": "views.check",
    "verb_lens": "views.verb_lens",
    "plot_speakers": "views.charts",
    "plot_hedging": "views.charts",
    "plot_figures": "views.charts",
    # Lesson 05, lateral reading.
    "lateral_stop": "views.lateral",
    "source_cards": "views.lateral",
    "coverage_reports": "views.lateral",
    "coverage_table": "views.lateral",
    "trace_claim": "views.lateral",
    "sourced_claim": "views.lateral",
    "progress_summary": "views.progress_view",
    "progress_download": "views.progress_view",
    "progress_upload": "views.progress_view",
}


__getattr__, __dir__ = lazy_names(__name__, _LAZY)
