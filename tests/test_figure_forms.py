"""Readers of some forms of figures look only for those: the same figures find_figures gives in them."""
from __future__ import annotations

import pytest

from lessons.annotator.figures import CHART_FORMS, COUNT_FORMS, FORMS, figure_spans, find_figures
from lessons.annotator.rules import load_rules
from lessons.text.sentences import split_sentences
from tests.hostile.corpus import TEXT_ATTACKS, attack_text, news_text


def _texts() -> list[str]:
    texts = [s.text for s in split_sentences(news_text(20_000))] + [ex.sentence for ex in load_rules().examples]
    texts += [attack_text(name, 500) for name in TEXT_ATTACKS] + [news_text(5_000)]
    return texts + ["The group said 31 died. The army put the toll at 40, and killed 50 militants; 12 people were killed."]


@pytest.mark.parametrize("forms", [CHART_FORMS, COUNT_FORMS, ("vague", "toll_at"), ()])
def test_figures_in_some_forms_are_those_all_the_figures_give_in_them(forms):
    texts = _texts()
    assert sum(bool(find_figures(t, forms=forms)) for t in texts) > (10 if forms else -1)
    for t in texts:
        assert find_figures(t, forms=forms) == [f for f in find_figures(t) if f.form in forms], t
    assert set(FORMS) == set(CHART_FORMS) | set(COUNT_FORMS)


def test_figure_spans_are_the_chart_forms_with_a_word_about_the_dead():
    for t in _texts():
        assert figure_spans(t) == [(f.start, f.end, f.words, f.value, f.qualifier) for f in find_figures(t)
                                   if f.form in CHART_FORMS and f.casualty_near], t
