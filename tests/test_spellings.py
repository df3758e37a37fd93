"""A surname spelled two ways in one report recalls the person named first."""

from lessons.annotator import analyse
from lessons.annotator.model import Speaker
from lessons.annotator.spellings import one_letter_apart, respelled


def test_one_letter_added_dropped_or_changed():
    assert one_letter_apart("Bardakov", "Bardakova")
    assert one_letter_apart("Bardakova", "Bardakov")
    assert one_letter_apart("Bardakov", "Bardakof")
    assert not one_letter_apart("Bardakov", "Bardakov")
    assert not one_letter_apart("Bardakov", "Bordakof")


def test_a_respelled_surname_recalls_the_one_person_near_it():
    ash = Speaker("Lena Bardakov", "official", "minister", True)
    assert respelled("Bardakova", {"Bardakov": ash}) is ash
    assert respelled("Bardakova", {}, [ash]) is ash
    assert respelled("Bardak", {"Bardakov": ash}) is None  # two letters apart
    other = Speaker("Ivo Bardakot", "voice", "", True)
    assert (
        respelled("Bardakoy", {"Bardakov": ash, "Bardakot": other}) is None
    )  # two people fit: neither


def test_a_report_that_respells_an_official_keeps_him_official():
    text = (
        "Health Minister Omar Al-Sabbagh said 30 clinics had closed.\n\n"
        "Al-Sabbaghi urged both sides to let doctors reach the wounded.\n"
    )
    assert "official" in analyse(text).sentences[1].categories


def test_a_short_or_unrelated_surname_is_no_one():
    text = "Minister Tom Ash said the road was shut.\n\nAsh urged calm. Asha said the road was open.\n"
    assert "official" not in analyse(text).sentences[2].categories
