"""The competing-figures test reads only the forms it compares: the same figure find_figures gives first."""
from __future__ import annotations

from lessons.annotator.figures import find_figures, first_count
from lessons.annotator.rules import load_rules
from lessons.text.sentences import split_sentences
from tests.hostile.corpus import TEXT_ATTACKS, attack_text, news_text


def _first_of_all(text: str):
    found = find_figures(text)
    return next((f for form in ("dead_count", "killed_count", "toll_at") for f in found if f.form == form), None)


def test_first_count_is_the_first_figure_find_figures_gives_in_those_forms():
    texts = [s.text for s in split_sentences(news_text(20_000))] + [ex.sentence for ex in load_rules().examples]
    texts += [attack_text(name, 500) for name in TEXT_ATTACKS]
    texts += ["The group said 31 died. The army put the toll at 40, and killed 50 militants; 12 people were killed."]
    assert sum(first_count(t) is not None for t in texts) > 10
    for t in texts:
        assert first_count(t) == _first_of_all(t), t
