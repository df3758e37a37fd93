"""Cohen's kappa: the worked examples in its docstring are run as tests."""
from __future__ import annotations

import doctest

from lessons.scoring import agreement


def test_the_worked_kappa_examples_in_the_docstring_hold():
    result = doctest.testmod(agreement, raise_on_error=False)
    assert result.attempted >= 4
    assert result.failed == 0
