"""Lines and sentences that give no account a dispute could answer (lessons/annotator/accounts.py):
a subhead announces the paragraphs after it, and a vow is a stand, not an account."""
from __future__ import annotations

import doctest

from lessons.annotator import accounts, annotate


def _unverified_sentences(text: str) -> set[str]:
    return {text[a.start:a.end] for a in annotate(text) if a.category == "unverified" and a.rule == "unverified.neighbour"}


def test_doctests():
    assert doctest.testmod(accounts, raise_on_error=False).failed == 0


def test_a_dispute_in_a_subhead_does_not_answer_the_sentence_before_it():
    before = "The army said its troops had killed 40 rebels near the border on Tuesday."
    text = f"Army Claims Gains\n\n{before}\n\n'Completely unfounded'\n\nThe rebels said they lost no fighters.\n"
    assert before not in _unverified_sentences(text)
    text = f"Army Claims Gains\n\n{before}\n\nThe rebels denied the claim.\n"
    assert before in _unverified_sentences(text)


def test_a_vow_is_not_the_claim_a_dispute_answers():
    claim = "The army said its troops had taken the town of Kamo on Tuesday."
    vow = "The rebel commander vowed the rebels would take the town back."
    text = f"Fighting Near Kamo\n\n{claim}\n\n{vow}\n\nThe army called the claims propaganda.\n"
    assert vow not in _unverified_sentences(text)
    account = "The rebel commander said the army was losing, and vowed the rebels would take the town back."
    text = f"Fighting Near Kamo\n\n{claim}\n\n{account}\n\nThe army called the claims propaganda.\n"
    assert account in _unverified_sentences(text)
