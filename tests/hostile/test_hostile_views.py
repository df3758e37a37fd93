"""What learners see when outside text or a failing disk gets in the way: the kit's own words
stay readable and a failed save stays on screen."""
from __future__ import annotations

import errno
import io
from html.parser import HTMLParser

import pytest

from lessons.annotator import annotate
from lessons.render.handout import render_handout
from lessons.text.article import article_from_text

RLO = "\u202e"      # RIGHT-TO-LEFT OVERRIDE: displays everything after it backwards


class _OutsideBidi(HTMLParser):
    """Collects the text of the handout's notes that contains an override outside any <bdi>."""

    def __init__(self):
        super().__init__()
        self.in_notes = 0
        self.bdi = 0
        self.leaks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "ol" and ("class", "mlk-footnotes") in attrs:
            self.in_notes += 1
        elif tag == "bdi":
            self.bdi += 1

    def handle_endtag(self, tag):
        if tag == "ol" and self.in_notes:
            self.in_notes -= 1
        elif tag == "bdi":
            self.bdi -= 1

    def handle_data(self, data):
        if self.in_notes and not self.bdi and RLO in data:
            self.leaks.append(data)


def test_a_right_to_left_override_in_the_article_never_reverses_the_kits_words_in_the_notes():
    text = (f"Missile strike\n\nThe {RLO}ministry said 89 soldiers died, but the toll may be "
            f"higher{RLO}, officials said. John Smith{RLO}, an expert at Oxford University, said it.")
    anns = annotate(text)
    assert anns
    page = render_handout(text, anns, title="Test")
    parser = _OutsideBidi()
    parser.feed(page)
    assert parser.in_notes == 0 and not parser.leaks
    assert RLO in page                                     # shown, not removed
    assert "unicode-bidi:isolate" in page


def test_a_failed_save_stays_on_screen_after_the_status_line_updates():
    from lessons.scoring.key import load_key
    from lessons.views.learner_annotator import LearnerAnnotator

    class FullDisk:
        def get(self, lesson, key, default=None):
            return default

        def set(self, lesson, key, value):
            raise OSError(errno.ENOSPC, "No space left on device")

    a = LearnerAnnotator(load_key(), FullDisk())
    a.checkboxes[a.current.id]["hedge"].value = True
    assert "could not be saved" in a.status.value
    assert "You have marked 1 of" in a.status.value


@pytest.mark.parametrize("name", [r"$\nosuchcommand{ Ministry$", "Ministry of the $5 $Fund"])
def test_a_speaker_name_with_dollar_signs_is_drawn_as_written(name):
    from matplotlib.cbook import is_math_text
    from matplotlib.text import Text

    from lessons.views import charts

    article = article_from_text(f"Missile strike\n\nThe {name} said 89 soldiers died. The toll may be higher.\n")
    fig = charts.plot_speakers(article)
    fig.savefig(io.BytesIO(), format="png")               # drawing is where math text would fail
    labels = [t.get_text() for t in fig.findobj(Text)]    # tick labels are filled in by drawing
    shown = [s.replace(r"\$", "$") for s in labels if not is_math_text(s)]
    assert any(name in s for s in shown), f"{name!r} is not among the chart's words {labels}"
