"""Charts: the death-toll figures and who gives them, speakers, hedging; readable without colour."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from lessons.views import charts as plots  # noqa: E402
from lessons.annotator import analyse  # noqa: E402
from lessons.scoring.key import load_key  # noqa: E402


# --- extracting the figures ----------------------------------------------------------------------

def test_the_seed_articles_death_toll_figures_and_who_gives_them(seed):
    found = {(f.value_text, f.value_low): f for f in plots.extract_figures(seed)}
    assert found[("more than 60", 60)].source == "Russia"
    assert found[("more than 60", 60)].qualifier == "more than"
    assert "Defense Ministry" in found[("89", 89)].source
    higher = found[("much higher", None)]
    assert "pro-military voices in Russia" in higher.source and "officials in Kyiv" in higher.source
    assert not higher.numeric


def test_63_is_not_in_the_article_so_it_is_not_extracted(seed):
    assert all(f.value_low != 63 for f in plots.extract_figures(seed))


def test_both_mentions_of_89_are_found_including_the_one_that_says_it(seed):
    eighty_nine = [f for f in plots.extract_figures(seed) if f.value_low == 89]
    assert len(eighty_nine) == 2
    assert all("Defense Ministry" in f.source for f in eighty_nine)   # "It also raised…" resolved


def test_the_headline_dozens_is_the_reporters_own_words(seed):
    dozens = [f for f in plots.extract_figures(seed) if f.value_text == "dozens"]
    assert dozens and all(f.source is None and f.value_low is None for f in dozens)


def test_extracted_figures_agree_with_the_keys_figures(seed):
    """Every death-toll figure the answer key lists is found, in the right sentence."""
    found = {(f.value_text.lower(), " ".join(seed.text[seed.sentences[f.sentence_index].start:
                                                        seed.sentences[f.sentence_index].end].split()))
             for f in plots.extract_figures(seed)}
    for u in load_key():
        for fig in u.figures:
            if "killed" in fig.what or "death toll" in fig.what:
                assert (fig.value.lower(), " ".join(u.text.split())) in found, (u.id, fig)


def test_offsets_point_at_the_figure(seed):
    for f in plots.extract_figures(seed):
        assert seed.text[f.start:f.end] == f.value_text


@pytest.mark.parametrize("sentence, value_text, low, source", [
    ("At least 12 people were killed in the blast, police said.", "At least 12", 12, "police"),
    ("The health ministry put the toll at 1,200 on Monday.", "1,200", 1200, "The health ministry"),
    ("“Fifty people died,” the governor said.", "Fifty", 50, "the governor"),
    ("Hundreds were wounded, according to the Red Cross.", "Hundreds", None, "Red Cross"),
    ("Officials said the death toll could be far higher.", "far higher", None, "Officials"),
    ("The quake killed 3 people.", "3", 3, None),
])
def test_figures_are_found_in_any_article(sentence, value_text, low, source):
    figures = plots.extract_figures(analyse(sentence))
    assert [(f.value_text, f.value_low, f.source) for f in figures] == [(value_text, low, source)]


@pytest.mark.parametrize("sentence", [
    "The attack was carried out one minute into the new year, Sevryukov said.",
    "The war began 10 months ago and 40 percent of the town lost power.",
    "Mourners held a minute's silence for the dead on January 3.",
    "Putin has already called up hundreds of thousands of reservists.",
    "Six rockets were fired and two were shot down, the ministry said.",
])
def test_numbers_that_are_not_casualties_are_left_out(sentence):
    assert plots.extract_figures(analyse(sentence)) == []


# --- the charts -----------------------------------------------------------------------------

def _all_labelled(fig):
    assert fig._suptitle is not None or any(ax.get_title() for ax in fig.axes)
    for ax in fig.axes:
        assert ax.get_title(), "every panel has a title"
        assert ax.get_xlabel() and ax.get_ylabel(), "every axis is labelled in words"


def _hatches(fig):
    return {p.get_hatch() for ax in fig.axes for p in ax.patches if p.get_hatch()}


@pytest.mark.parametrize("plot", [plots.plot_speakers, plots.plot_hedging, plots.plot_figures])
def test_every_chart_has_a_title_labelled_axes_hatching_and_a_description(seed, plot):
    from matplotlib.figure import Figure
    fig = plot(seed)
    assert isinstance(fig, Figure)
    _all_labelled(fig)
    assert _hatches(fig), "hatching keeps the chart readable in greyscale"
    assert len(fig.alt_text) > 40
    fig.canvas.draw()   # renders with Agg without a display


def test_charts_leave_no_pyplot_figures_behind(seed):
    import matplotlib.pyplot as plt
    before = plt.get_fignums()
    plots.plot_speakers(seed)
    plots.plot_figures(seed)
    assert plt.get_fignums() == before


def _chart_text(fig):
    ax = fig.axes[0]
    return " ".join([t.get_text() for t in ax.texts] + [t.get_text() for t in ax.get_yticklabels()])


def test_the_figures_chart_shows_only_the_articles_figures_without_context(seed):
    plain = _chart_text(plots.plot_figures(seed))
    assert "“89”" in plain and "“more than 60”" in plain and "much higher" in plain
    assert "63" not in plain and "400" not in plain and "500" not in plain


def test_with_context_every_figure_of_the_lesson_4_table_is_on_one_axis_with_who_side_and_date():
    fig = plots.plot_figures(context=True)
    assert len(fig.axes) == 1 or all(not ax.patches for ax in fig.axes[1:])
    rows = {r.value_low: r for r in plots.figure_rows(context=True)}
    # lesson 4's table: 400 (Ukraine), 63 and 89 (the ministry), 500 (Kyiv), 140 names
    assert {400, 63, 89, 500, 140} <= set(rows)
    assert rows[400].side == rows[500].side == "Ukrainian side"
    assert rows[63].side == rows[89].side == "Russian side"
    assert rows[140].side == "neither side" and rows[140].counts == "names published"
    assert "1 January 2023" in rows[400].label and "RFE/RL" in rows[500].label
    assert "3 January" in rows[89].label and "in this article" in rows[89].label
    assert not rows[63].in_article and "other coverage: AP" in rows[63].label
    dated = [r.sort_date for r in plots.figure_rows(context=True)]
    assert dated == sorted(dated)                              # in the order they were given
    text = _chart_text(fig)
    for value in ("about 400 killed", "63 killed", "89", "about 500 killed", "about 140 names"):
        assert value in text


@pytest.mark.parametrize("context", [False, True])
def test_no_figure_is_presented_as_the_real_number(seed, context):
    fig = plots.plot_figures(seed, context=context)
    words = (_chart_text(fig) + " " + fig.alt_text).lower().replace("none is marked as the real number", "")
    for claim in ("real number", "actual", "true number", "the real", "in fact", "is above this"):
        assert claim not in words


def test_the_figures_and_their_sources_are_data_beside_the_article_not_code():
    from pathlib import Path
    source = Path(plots.__file__).with_name("chart_data.py").read_text(encoding="utf-8")
    source += Path(plots.__file__).read_text(encoding="utf-8")
    for fact in ("400", "500", "RFE", "oskarmaria", "Sevryukov", "Makiivka"):
        assert fact not in source
    assert plots.coverage()["figures"]


def test_outside_figures_are_not_added_to_another_article():
    other = analyse("At least 12 people were killed, police said.")
    fig = plots.plot_figures(other, context=True)
    assert "63" not in " ".join(t.get_text() for t in fig.axes[0].texts)


def test_the_speakers_chart_counts_sentences_per_speaker_and_kind(seed):
    rows = plots.speaker_counts(seed, by="person")
    by_name = {name: (kind, n) for name, kind, n in rows}
    assert by_name["Keir Giles"][0] == "expert" and by_name["Keir Giles"][1] >= 2
    assert sum(n for _, _, n in rows) == sum(1 for s in seed.sentences if s.text.strip())
    fig = plots.plot_speakers(seed)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "Keir Giles" in labels


def test_the_speakers_chart_counts_the_russian_defense_ministry_once_and_names_who_is_in_it():
    rows = plots.speaker_counts()                       # the seed, by institution
    names = [name for name, _kind, _n in rows]
    ministry = [r for r in rows if r[0] == "Russia's Defense Ministry"]
    assert len(ministry) == 1 and ministry[0][1] == "official"
    for split in ("Sergei Sevryukov", "Russia", "Russian military", "Moscow’s Defense Ministry",
                  "Moscow's Defense Ministry"):
        assert split not in names
    named = [r for r in rows if r[0] != "No named speaker"]
    assert named[0][0] == "Russia's Defense Ministry"    # the most-quoted named source, not a blogger
    assert named[0][2] > dict((r[0], r[2]) for r in rows)["Semyon Pegov"]
    members = plots.speaker_members()["Russia's Defense Ministry"]
    assert {"Sergei Sevryukov", "Russia", "Russian military"} <= set(members)
    label = next(t.get_text() for t in plots.plot_speakers().axes[0].get_yticklabels()
                 if t.get_text().startswith("Russia's Defense Ministry"))
    assert "Sevryukov" in label                          # the individuals are named under the bar
    people = [name for name, _k, _n in plots.speaker_counts(by="person")]
    assert "Sergei Sevryukov" in people                  # and by="person" shows each on their own bar
    with pytest.raises(Exception, match="institution"):
        plots.plot_speakers(by="nobody")


def test_the_hedging_chart_labels_each_bar_with_its_cue_words(seed):
    fig = plots.plot_hedging(seed)
    words = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert "may" in words and "realistic possibility" in words
    assert sum(len(c) for _, c in plots.hedges_by_sentence(seed)) == sum(
        1 for a in seed.annotations if a.category == "hedge")


def test_the_hedging_chart_says_who_is_speaking_and_counts_cues_per_speaker():
    fig = plots.plot_hedging()
    words = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert "Semyon Pegov" in words and "Britain's Defence Ministry" in words and "reporter" in words
    per = dict((who, n) for who, _kind, n in plots.hedges_by_speaker())
    assert per["Semyon Pegov"] == 3 and sum(per.values()) == 13
    assert {t.get_text() for t in fig.axes[1].get_yticklabels()} >= {"Semyon Pegov", "Keir Giles"}
    heights = sorted({p.get_width() for p in fig.axes[1].patches})
    assert len(heights) > 1                              # counts differ: not every bar at 1
    assert "Semyon Pegov" in fig.alt_text


def test_a_chart_shows_itself_once_in_a_notebook(seed, monkeypatch):
    class Shell:
        execution_count = 7

    shown = []
    monkeypatch.setattr(plots, "ipython_shell", lambda: Shell())
    import IPython.display
    monkeypatch.setattr(IPython.display, "display", lambda obj, raw=False: shown.append(obj))
    fig = plots.plot_hedging(seed)
    fig._ipython_display_()          # the cell's result: already shown, so not again
    assert len(shown) == 1
    bundle = shown[0]
    assert bundle["image/png"] and 'alt="Bar chart of hedge words' in bundle["text/html"]
    Shell.execution_count = 8        # shown again on purpose in a later cell
    fig._ipython_display_()
    assert len(shown) == 2


def test_the_charts_open_the_seed_article_by_default():
    pytest.importorskip("lessons.text.article")
    assert plots.plot_figures().alt_text.count("89") >= 1


def test_dollar_signs_in_names_and_figures_are_shown_as_written_not_as_formulas():
    article = analyse("The $Mart$ ministry said 12 people were killed. Ana Vale of $Fund$ said prices may rise.")
    escaped = []
    for plot in (plots.plot_speakers, plots.plot_hedging, plots.plot_figures):
        fig = plot(article)
        fig.canvas.draw()                      # a stray "$" would be read as a formula here
        shown = [t.get_text() for ax in fig.axes for t in [*ax.texts, *ax.get_yticklabels()]]
        assert all("$" not in t.replace(r"\$", "") for t in shown), shown
        escaped += [t for t in shown if r"\$Mart\$" in t]
    assert escaped, "the figure's source with dollar signs is not on the chart"


# --- one figure detector, speakers from the annotator -------------------------------------------

def test_chart_speakers_are_the_annotators_speakers(seed):
    """Who gives a figure is a speaker the annotator reports in that sentence, named as the
    sentence names them; a sentence where it finds no speaker gives the reporter's own figure."""
    for f in plots.extract_figures(seed):
        sentence = seed.sentences[f.sentence_index]
        assert f.source is None or f.source in {a.words for a in sentence.attributions}, f
    import dataclasses
    from lessons.annotator.model import Attributed, Speaker
    article = analyse("The storm killed 7 people in the valley.")
    assert [f.source for f in plots.extract_figures(article)] == [None]
    told = Attributed(Speaker("Valley Rescue", "voice", ""), "the rescuers", "said", 0)
    changed = dataclasses.replace(article, sentences=tuple(
        dataclasses.replace(s, attributions=(told,)) for s in article.sentences))
    assert [f.source for f in plots.extract_figures(changed)] == ["the rescuers"]


def test_a_figure_after_a_verb_of_blame_is_the_reporters_words(seed):
    headline = next(s for s in seed.sentences if "killed dozens" in s.text)
    assert headline.source is not None                         # the annotator: Russia blames ...
    assert all(f.source is None for f in plots.extract_figures(seed) if f.sentence_index == headline.index)


def test_figures_come_from_the_one_detector(seed, monkeypatch):
    """The charts, the lesson helpers and the annotator's competing figures all take the figures
    annotator/figures.py finds: change what it finds and each of them follows."""
    import re
    from lessons.annotator import figures, passes
    from lessons.lessonkit.exercises import death_toll_sentences
    assert passes.find_figures is figures.find_figures
    text = "The army said pumpkins were seen. The rebels said apples were seen."

    def fake(t, rules=None, forms=figures.FORMS):
        return [figures.FoundFigure(m.start(), m.end(), m.group(), m.group(), None, "", True, form)
                for word in ("pumpkins", "apples") for m in [re.search(word, t)] if m
                for form in ("vague", "dead_count") if form in forms]
    assert not plots.extract_figures(analyse(text))
    assert death_toll_sentences()                               # the seed's "89", "more than 60" ...
    monkeypatch.setattr(figures, "find_figures", fake)
    monkeypatch.setattr(passes, "find_figures", fake)
    article = analyse(text)
    assert [f.value_text for f in plots.extract_figures(article)] == ["pumpkins", "apples"]
    assert {a.cue for a in article.annotations if a.rule == "unverified.competing_figures"} == {"pumpkins", "apples"}
    assert death_toll_sentences() == []                         # no pumpkins in the seed


def test_one_body_has_one_name_across_the_figures_chart_and_the_speaker_chart():
    """The ministry gave 63 (other coverage) and 89 (the article, as "Moscow's Defense Ministry"):
    the chart names both after the body the speaker chart counts them under, so a learner does not
    read two different sources."""
    rows = {r.value_low: r for r in plots.figure_rows(context=True)}
    bars = {name for name, _kind, _n in plots.speaker_counts()}
    body = rows[63].who
    assert body in bars
    assert rows[89].who.startswith(body) and "Moscow" in rows[89].who   # the article's words kept too


def test_a_figure_without_a_number_in_the_article_is_not_drawn_dashed_like_other_coverage(seed):
    fig = plots.plot_figures(seed, context=True)
    boxes = [t for t in fig.axes[0].texts if t.get_text().startswith("no number given")]
    assert boxes and all(t.get_bbox_patch().get_linestyle() == "-" for t in boxes)


def test_the_figures_axis_names_a_memorial_list_only_when_one_is_shown(seed):
    assert "names published" in plots.plot_figures(seed, context=True).axes[0].get_xlabel()
    assert "names published" not in plots.plot_figures(seed).axes[0].get_xlabel()
    other = analyse("At least 12 people were killed, police said.")
    assert plots.plot_figures(other).axes[0].get_xlabel() == "Number of people reported killed"


def test_a_speaker_named_by_a_whole_paragraph_does_not_squeeze_the_charts(recwarn):
    """A pasted text can give the annotator a "speaker" hundreds of characters long; the charts cut
    its label and draw without matplotlib warnings, which a learner would see as raw output."""
    words = " ".join(f"word{i}" for i in range(60))
    other = analyse(f"{words} said the toll may rise to 40 killed.")
    for plot in (plots.plot_speakers, plots.plot_hedging, plots.plot_figures):
        fig = plot(other)
        fig.canvas.draw()
        for ax in fig.axes:
            labels = [t.get_text() for t in ax.texts] + [t.get_text() for t in ax.get_yticklabels()]
            assert all(len(t) < 200 and t.count("\n") < plots.MAX_LABEL_LINES + 2 for t in labels)
    assert not [w for w in recwarn if "layout" in str(w.message)]
