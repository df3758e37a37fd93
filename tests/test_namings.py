"""How a text names the people it quotes (lessons/annotator/namings.py)."""
import itertools
import string
import time

from lessons.annotator.namings import only_in_headline

HEADLINE = "Biya Vows Calm\n"


def test_a_name_the_body_repeats_is_a_person_of_the_headline():
    text = HEADLINE + "President Paul Biya's speech was short. Biya said little."
    assert not only_in_headline(text, "Biya", len(HEADLINE) - 1)


def test_a_name_in_the_possessive_in_the_body_counts_as_repeated():
    text = HEADLINE + "President Paul Biya's speech was short."
    assert not only_in_headline(text, "Biya", len(HEADLINE) - 1)


def test_capitals_the_body_never_repeats_are_only_the_headlines():
    text = "Cameroon Military Cracks Down\nSoldiers entered the town on Monday."
    assert only_in_headline(text, "Cracks Down", text.index("\n"))


def test_a_longer_word_that_starts_with_the_name_is_not_the_name():
    text = "Ash Warns Of Slump\nThe Ashton plant closed."
    assert only_in_headline(text, "Ash", text.index("\n"))


def _title_case_lines(n: int) -> tuple[str, list[tuple[str, int]]]:
    words = ("".join(p).capitalize() + "ton" for p in itertools.product(string.ascii_lowercase, repeat=3))
    lines = [" ".join(itertools.islice(words, 4)) for _ in range(n)]
    text = "\n".join(lines) + "\n"
    asks, at = [], 0
    for line in lines:
        at += len(line)
        asks.append((line.split()[-1], at))
        at += 1
    return text, asks


def test_asking_about_every_headline_name_costs_time_in_proportion_to_the_text():
    small, large = _title_case_lines(400), _title_case_lines(4000)

    def per_char(case) -> float:
        text, asks = case
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            for name, line_end in asks:
                only_in_headline(text, name, line_end)
            best = min(best, time.process_time() - start)
        return max(best, 1e-4) / len(text)

    assert per_char(large) <= 3 * per_char(small)
