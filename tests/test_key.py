"""The answer key of the seed article follows the annotation guidelines, and the loaders place
every unit and cue exactly in the article text."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from lessons.annotator.model import CATEGORIES
from lessons.data import data_path
from lessons.scoring.key import (
    KeyUnit,
    key_path,
    load_gold_jsonl,
    load_key,
    load_not_units,
    parse_key,
)

NAME = "makiivka-nbc-2023"
RAW = data_path("articles", NAME, "raw.txt")


@pytest.fixture(scope="module")
def text() -> str:
    if not RAW.exists():
        pytest.skip("the kit's copy of the seed article is not in place")
    return RAW.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def units(text) -> tuple[KeyUnit, ...]:
    return load_key(NAME, text=text)


@pytest.fixture(scope="module")
def by_id(units) -> dict[str, KeyUnit]:
    return {u.id: u for u in units}


def find(units, fragment: str) -> KeyUnit:
    hits = [u for u in units if fragment in u.text]
    assert len(hits) == 1, f"{fragment!r} is in {len(hits)} units"
    return hits[0]


# --- the key is placed exactly in the article ------------------------------------------------

def test_every_unit_text_is_found_in_the_article_in_order_without_overlap(text, units):
    assert len(units) == 36
    previous_end = 0
    for u in units:
        assert text[u.start:u.end] == u.text, u.id
        assert u.start >= previous_end, f"{u.id} overlaps the unit before it"
        previous_end = u.end


def test_ids_are_unique_and_numbered_in_order(units):
    assert [u.id for u in units] == [f"mk-{i:02d}" for i in range(1, len(units) + 1)]


def test_units_never_cross_a_line_break(units):
    assert all("\n" not in u.text and u.text == u.text.strip() for u in units)


def test_every_hedge_cue_lies_inside_its_unit(text, units):
    for u in units:
        assert len(u.cue_spans) == len(u.hedge_cues), u.id
        for cue, (start, end) in zip(u.hedge_cues, u.cue_spans):
            assert u.start <= start < end <= u.end, (u.id, cue)
            assert text[start:end] == cue, (u.id, cue)


def test_labels_and_optional_use_only_the_four_categories_and_never_both(units):
    for u in units:
        assert u.labels <= set(CATEGORIES), u.id
        assert u.optional <= set(CATEGORIES), u.id
        assert not (u.labels & u.optional), u.id


def test_a_unit_has_hedge_cues_exactly_when_it_is_a_hedge(units):
    for u in units:
        assert bool(u.hedge_cues) == ("hedge" in u.labels | u.optional), u.id


def test_every_sentence_bearing_line_is_covered_by_units_or_listed_not_units(text, units):
    covered = list(text)
    for span in [*units, *load_not_units(NAME, text=text)]:
        for i in range(span.start, span.end):
            assert covered[i] != "\0", f"{span.text!r} overlaps another span"
            covered[i] = "\0"
    leftover = "".join(covered).replace("\0", "")
    assert leftover.strip() == "", f"text in no unit: {leftover.strip()[:80]!r}"


def test_every_unit_has_a_short_note_for_teachers(units):
    for u in units:
        assert u.note and len(u.note) < 500, u.id


def test_source_type_matches_the_official_and_expert_labels(units):
    for u in units:
        assert (u.source is None) == (u.source_type is None), u.id
        assert u.source_type in (None, "official", "expert", "voice"), u.id
        if "official" in u.labels:
            assert u.source_type == "official", u.id
        if "expert" in u.labels:
            assert u.source_type == "expert", u.id


# --- what is and is not a unit ----------------------------------------------------------------

def test_credits_and_boilerplate_are_not_units(text, units):
    not_units = load_not_units(NAME, text=text)
    assert {n.text for n in not_units} == {
        "IE 11 is not supported. For an optimal experience visit our site on another browser.",
        "Get more newsLiveon",
        "Arden Arkman / AFP - Getty Images",
        "AP",
    }
    assert all(n.reason for n in not_units)
    for n in not_units:
        assert text[n.start:n.end] == n.text
        assert not any(u.start < n.end and n.start < u.end for u in units), n.text
    assert not any("Getty" in u.text or "IE 11" in u.text for u in units)


def test_headline_dek_and_image_descriptions_are_units(units):
    assert units[0].text.startswith("Russia blames")
    assert units[1].text.startswith("Moscow’s Defense Ministry raised")
    find(units, "Mourners gather to lay flowers in memory of")
    find(units, "Workers clear rubble after a Ukrainian rocket strike in Makiivka, Ukraine")
    find(units, "Workers clear rubble Tuesday")


def test_a_caption_line_is_split_into_its_sentences(units):
    assert find(units, "Mourners gathered in Samara").text == "Mourners gathered in Samara on Tuesday."
    assert find(units, "Unconfirmed reports").text.endswith("from the region.")


# --- hedges -----------------------------------------------------------------------------------

def test_numeric_bounds_boosters_ability_and_opinions_are_never_hedge_cues(units):
    not_hedges = {"at least", "more than", "no doubt", "already obvious", "can absorb",
                  "not very convincing", "must", "confirmed", "said", "according to"}
    for u in units:
        assert not not_hedges & {c.lower() for c in u.hedge_cues}, u.id


def test_boosters_are_kept_apart_from_hedges(units):
    sevryukov = find(units, "It is already obvious")
    zelenskyy = find(units, "We have no doubt")
    assert "already obvious" in sevryukov.boosters and "hedge" not in sevryukov.labels
    assert "no doubt" in zelenskyy.boosters and "hedge" not in zelenskyy.labels
    assert all(b in u.text for u in units for b in u.boosters)


def test_guideline_examples_of_hedges_carry_their_cues(units):
    assert find(units, "death toll may have been much higher").hedge_cues == ("may",)
    assert find(units, "public stance appeared to do little").hedge_cues == ("appeared to",)
    assert find(units, "completely plausible").hedge_cues == ("plausible",)
    assert find(units, "would probably be better").hedge_cues == ("probably",)
    assert find(units, "looks like an outright attempt").hedge_cues == ("looks like",)
    assert find(units, "could have identified").hedge_cues == ("could have",)


def test_a_person_suggesting_is_reporting_but_damage_suggesting_is_inference(units):
    assert "suggested" not in find(units, "officials in Kyiv").hedge_cues
    assert "suggested" not in find(units, "He suggested").hedge_cues
    assert "suggested" in find(units, "The scope of the damage suggested").hedge_cues


# --- official ---------------------------------------------------------------------------------

def test_headline_stating_a_russian_claim_is_official(units):
    assert "official" in units[0].labels


def test_russian_defense_ministry_statements_are_official(units):
    for fragment in ("Moscow's Defense Ministry said late Tuesday", "It also raised the confirmed",
                     "It is already obvious", "This factor allowed", "one minute into the new year"):
        u = find(units, fragment)
        assert "official" in u.labels and u.source_type == "official", fragment
        assert "Russian Defense Ministry" in u.source


def test_he_said_after_a_quote_belongs_to_the_general_named_before(units):
    assert "Sevryukov" in find(units, "This factor allowed").source


def test_caption_attribution_inside_a_clause_counts_as_official(units):
    caption = find(units, "that Russia says were killed")
    assert "official" in caption.labels


def test_state_run_agency_report_is_optional_official(units):
    ria = find(units, "state-run RIA Novosti")
    assert "official" in ria.optional and "official" not in ria.labels
    assert ria.source_type == "voice"


def test_mentioning_someone_without_their_words_is_not_official(units):
    for fragment in ("public stance appeared to do little", "Putin hopes to turn around",
                     "Putin has already called up"):
        u = find(units, fragment)
        assert "official" not in u.labels | u.optional, fragment


def test_british_ministry_briefing_is_official_with_realistic_possibility_hedge(units):
    destroyed = find(units, "according to the British Defense Ministry")
    damage = find(units, "the ministry said in its daily briefing")
    briefing = find(units, "the briefing read")
    added = find(units, "the ministry added")
    for u in (destroyed, damage, briefing, added):
        assert "official" in u.labels and u.source == "British Defense Ministry", u.id
    assert briefing.labels == {"official", "hedge"}
    assert briefing.hedge_cues == ("realistic possibility",)
    assert damage.hedge_cues == ("suggested",)
    assert "hedge" not in added.labels


def test_zelenskyy_quotation_is_official_in_each_sentence(units):
    address = find(units, "In his nightly address")
    first = find(units, "Now is the moment")
    second = find(units, "Zelenskyy said.")
    assert address.labels == {"official", "hedge"} and address.hedge_cues == ("may",)
    for u in (first, second):
        assert u.labels == {"official"}, u.id
        assert u.source == "Volodymyr Zelenskyy (Ukrainian president)"
    assert first.end < second.start


# --- expert -----------------------------------------------------------------------------------

def test_giles_quotes_are_expert_commentary_across_paragraphs(text, units):
    giles = [u for u in units if u.source and "Giles" in u.source]
    assert len(giles) == 3
    assert giles[0].text.endswith("a London think tank, told NBC News.")
    assert giles[1].text.endswith("said Giles.")
    assert giles[2].text.endswith("Giles said.")
    paragraphs = {text.count("\n\n", 0, u.start) for u in giles}
    assert len(paragraphs) == 3
    for u in giles:
        assert "expert" in u.labels and u.source_type == "expert", u.id
        assert u.source == "Keir Giles (Chatham House)"


def test_unnamed_experts_count_as_expert_commentary(units):
    experts = find(units, "experts said the attack")
    assert experts.labels == {"expert", "hedge"}


def test_writers_own_hedged_view_is_not_expert_commentary(units):
    writer = find(units, "may not prove a significant battlefield issue")
    assert writer.labels == {"hedge"} and writer.source is None


# --- unverified -------------------------------------------------------------------------------

def test_unable_to_verify_marks_the_claims_before_it_unverified(units):
    marker = find(units, "NBC News was unable to verify")
    before = units[units.index(marker) - 1]
    assert marker.labels == {"unverified"}
    assert before.labels == {"official", "hedge", "unverified"}
    assert "much higher" in before.text


def test_unconfirmed_reports_caption_is_hedge_and_unverified(units):
    caption = find(units, "Unconfirmed reports said")
    assert caption.labels == {"hedge", "unverified"}
    assert caption.hedge_cues == ("Unconfirmed",)


def test_cast_doubt_is_unverified_and_the_correspondent_is_not_an_official(units):
    pegov = find(units, "cast doubt on the official explanation")
    assert pegov.labels == {"unverified"}
    assert pegov.source_type == "voice"


def test_pegov_quotation_is_split_into_sentences_that_all_belong_to_him(units):
    parts = [find(units, f) for f in ("The story of ‘mobiles’", "I rarely say this",
                                       "As such it looks like", "He suggested")]
    assert [u.id for u in parts] == [f"mk-{i}" for i in range(18, 22)]
    for u in parts:
        assert u.source == "Semyon Pegov (war correspondent)" and u.source_type == "voice"
        assert "official" not in u.labels | u.optional, u.id
    assert "unverified" in parts[0].labels and "unverified" in parts[2].labels


def test_cellphone_explanation_is_a_contested_claim_however_far_away_its_challengers(units):
    for fragment in ("The Russian military has blamed", "Moscow's Defense Ministry said late Tuesday",
                     "It is already obvious", "This factor allowed"):
        u = find(units, fragment)
        assert "unverified" in u.labels and "unverified" not in u.optional, fragment
        assert "Pegov" in u.note, fragment
    # the headline sums the report up: optional; the time of the attack is nobody's dispute
    assert "unverified" in find(units, "Russia blames its soldiers").optional
    assert find(units, "one minute into the new year").optional == frozenset()
    assert "unverified" not in find(units, "one minute into the new year").labels


# --- lesson material --------------------------------------------------------------------------

def test_figures_say_who_gives_each_number(units):
    figures = {(f.value, f.given_by) for u in units for f in u.figures}
    assert ("89", "Russian Defense Ministry") in figures
    assert any(v == "more than 60" and "Russia" in g for v, g in figures)
    assert any(v == "much higher" and "officials in Kyiv" in g for v, g in figures)
    assert all(f.value in u.text for u in units for f in u.figures)


def test_key_file_explains_its_format_to_teachers():
    head = key_path(NAME).read_text(encoding="utf-8").split("\nunits:", 1)[0]
    assert head.startswith("#") and "answer key" in head and "optional" in head


def test_load_key_reads_the_kits_copy_of_the_article_and_is_cached(text):
    units = load_key()
    assert load_key() is units
    assert all(text[u.start:u.end] == u.text for u in units)


# --- errors name the unit ---------------------------------------------------------------------

ARTICLE = "The toll may rise. Officials said it may rise again.\nAP"


def unit(**fields) -> dict:
    return {"id": "t-01", "text": "The toll may rise.", "labels": ["hedge"], "optional": [],
            "hedge_cues": ["may"], "source": None, "source_type": None, "note": "n", **fields}


def test_unit_text_missing_from_the_article_raises_naming_the_unit():
    with pytest.raises(ValueError, match="t-01"):
        parse_key({"units": [unit(text="The toll may fall.")]}, ARTICLE)


def test_units_out_of_order_raise_naming_the_unit():
    second = unit(id="t-02", text="Officials said it may rise again.")
    with pytest.raises(ValueError, match="t-01.*order"):
        parse_key({"units": [second, unit()]}, ARTICLE)


def test_cue_missing_from_its_unit_raises_naming_the_unit():
    with pytest.raises(ValueError, match="t-01.*might"):
        parse_key({"units": [unit(hedge_cues=["might"])]}, ARTICLE)


def test_unknown_category_raises_naming_the_unit():
    with pytest.raises(ValueError, match="t-01"):
        parse_key({"units": [unit(labels=["rumour"])]}, ARTICLE)


def test_a_repeated_cue_can_name_its_occurrence():
    text = "It may or may not rise."
    data = {"units": [unit(text=text, hedge_cues=[{"text": "may", "occurrence": 2}])]}
    (u,) = parse_key(data, text)
    assert u.cue_spans == ((10, 13),) and u.hedge_cues == ("may",)
    with pytest.raises(ValueError, match="t-01"):
        parse_key({"units": [unit(text=text, hedge_cues=[{"text": "may", "occurrence": 3}])]}, text)


def test_a_cue_is_matched_as_a_whole_word():
    text = "The mayor may resign."
    (u,) = parse_key({"units": [unit(text=text)]}, text)
    assert text[slice(*u.cue_spans[0])] == "may" and u.cue_spans[0][0] == 10


def test_the_shipped_key_parses_as_yaml_with_units_and_not_units():
    data = yaml.safe_load(key_path(NAME).read_text(encoding="utf-8"))
    assert data["article"] == NAME and data["units"] and data["not_units"]


# --- the external benchmark format ------------------------------------------------------------

def write_jsonl(path: Path, records) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_load_gold_jsonl_reads_benchmark_units_into_key_units(tmp_path):
    second = "Officials said it may rise again."
    path = write_jsonl(tmp_path / "t.gold.jsonl", [
        {"id": "g-2", "text": second, "start": 19, "end": 19 + len(second),
         "labels": ["official", "hedge"], "hedge_cues": ["may"], "source": "officials",
         "note": "officials; 'may'", "optional": None},
        {"id": "g-1", "text": "The toll may rise.", "start": 0, "end": 18, "labels": ["hedge"],
         "hedge_cues": ["may"], "source": None, "note": "'may'", "optional": ["unverified"]},
    ])
    first, last = load_gold_jsonl(path, ARTICLE)
    assert isinstance(first, KeyUnit) and (first.id, last.id) == ("g-1", "g-2")
    assert first.optional == {"unverified"} and last.optional == frozenset()
    assert last.labels == {"official", "hedge"} and last.source == "officials"
    assert ARTICLE[slice(*last.cue_spans[0])] == "may" and last.cue_spans[0][0] > last.start
    assert last.source_type is None and last.figures == () and last.boosters == ()


def test_load_gold_jsonl_rejects_offsets_that_do_not_match_naming_the_unit(tmp_path):
    path = write_jsonl(tmp_path / "bad.gold.jsonl", [
        {"id": "g-9", "text": "The toll may rise.", "start": 1, "end": 19, "labels": [],
         "hedge_cues": [], "source": None, "note": "", "optional": None}])
    with pytest.raises(ValueError, match="g-9"):
        load_gold_jsonl(path, ARTICLE)


def test_load_gold_jsonl_rejects_a_cue_outside_its_unit(tmp_path):
    path = write_jsonl(tmp_path / "cue.gold.jsonl", [
        {"id": "g-3", "text": "The toll may rise.", "start": 0, "end": 18, "labels": ["hedge"],
         "hedge_cues": ["again"], "source": None, "note": "", "optional": None}])
    with pytest.raises(ValueError, match="g-3.*again"):
        load_gold_jsonl(path, ARTICLE)


def test_a_cue_listed_twice_means_its_first_and_second_occurrence(tmp_path):
    text = "It may or may not rise."
    path = write_jsonl(tmp_path / "twice.gold.jsonl", [
        {"id": "g-4", "text": text, "start": 0, "end": len(text), "labels": ["hedge"],
         "hedge_cues": ["may", "may"], "source": None, "note": "", "optional": None}])
    (u,) = load_gold_jsonl(path, text)
    assert u.cue_spans == ((3, 6), (10, 13))


# --- every key the kit ships (the seed's and the before/after checks' articles) -------------

ALL_KEYS = sorted(p.stem for p in data_path("key").glob("*.yaml"))


@pytest.mark.parametrize("name", ALL_KEYS)
def test_every_shipped_key_covers_its_article_and_follows_the_format(name):
    from lessons.text.article import article_from_yaml
    article_from_yaml(data_path("articles", name, "article.yaml"))    # its article.yaml loads too
    article = data_path("articles", name, "raw.txt").read_text(encoding="utf-8")
    units = load_key(name, text=article)
    assert [u.id for u in units] == sorted(u.id for u in units)
    covered = list(article)
    for span in [*units, *load_not_units(name, text=article)]:
        for i in range(span.start, span.end):
            assert covered[i] != "\0", f"{name}: {span.text!r} overlaps another span"
            covered[i] = "\0"
    leftover = "".join(covered).replace("\0", "")
    assert leftover.strip() == "", f"{name}: text in no unit: {leftover.strip()[:80]!r}"
    for u in units:
        assert "\n" not in u.text, u.id
        assert bool(u.hedge_cues) == ("hedge" in u.labels | u.optional), u.id
        assert u.note and len(u.note) < 500, u.id
        assert (u.source is None) == (u.source_type is None), u.id
        if "official" in u.labels:
            assert u.source_type == "official", u.id
        if "expert" in u.labels:
            assert u.source_type == "expert", u.id


def test_the_check_articles_are_said_to_be_written_for_the_kit_and_fictional():
    for name in ("kellsmoor-flood", "dunmere-outbreak"):
        spec = yaml.safe_load(data_path("articles", name, "article.yaml").read_text(encoding="utf-8"))
        assert "written for the kit" in spec["metadata"]["outlet"].lower()
        assert "fictional" in data_path("articles", name, "article.yaml").read_text(encoding="utf-8")
