"""Lateral reading (lesson 05): its data and the pure checks of a learner's answers (no widgets).

The views are in ``lessons.views.lateral``, the HTML fragments in ``lessons.render.lateral``.
"""
from .checks import *  # noqa: F401,F403
from .content import *  # noqa: F401,F403
from .content import CHOOSE, LESSON, LateralDataError  # noqa: F401
