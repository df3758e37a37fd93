"""What learners see: one module per view, each thin over the kit's pure functions.

A view's ``.widget`` is the ipywidgets box the notebook shows (the view displays as that box),
and its child controls are attributes, so a test can drive it without a browser:
``h = highlighter(); h.toggles["hedge"].value = False`` changes ``h.html.value``.
Modules load on first use, so that importing one view does not import them all. Notebooks call
the views through ``lessons`` (``kit.highlighter()``): here a module and its view function share a name.
"""
from __future__ import annotations

from ..lazy import lazy_names

# name -> module of this package that defines it.
_VIEWS = {
    "setup": "messages", "note_html": "messages", "friendly_error": "messages",
    "friendly_error_html": "messages",
    "analysis_of": "base", "resolve": "base", "read": "base", "Reading": "base", "article_of": "base", "category_label": "base", "e": "base",
    "View": "base",
    "Highlighter": "highlighter",
    "SentenceExplorer": "explorer", "sentence_explorer": "explorer", "speaker_text": "explorer",
    "LearnerAnnotator": "learner_annotator",
    "comparison_html": "learner_annotator",
    "BringYourOwn": "bring_your_own",
    "Reflection": "reflection",
    "HandoutButton": "handout", "handout_button": "handout",
    "QuizView": "quiz",
    "CheckView": "check", "check": "check",
    "VerbLens": "verb_lens", "verb_lens": "verb_lens",
    "progress_summary": "progress_view", "progress_download": "progress_view", "progress_upload": "progress_view",
    "plot_speakers": "charts", "plot_hedging": "charts", "plot_figures": "charts",
}


__getattr__, __dir__ = lazy_names(__name__, _VIEWS)
