"""The rule files are checked against a schema when they load: a mistake is named, never ignored."""
from __future__ import annotations

import shutil

import pytest

from lessons.annotator.rules import SCHEMAS, RulesError, load_rules, read_rules, split_example
from lessons.data import data_path
from lessons.errors import KitError


@pytest.fixture
def rules_dir(tmp_path):
    """A copy of the kit's rule files that a test may spoil."""
    folder = tmp_path / "rules"
    shutil.copytree(data_path("rules"), folder)
    return folder


def edit(folder, name, old, new):
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_shipped_rule_files_load_and_every_file_has_a_schema():
    assert sorted(p.name for p in data_path("rules").glob("*.yaml")) == sorted(SCHEMAS)
    rules = load_rules()
    assert rules.hedges and rules.unverified and rules.names.body_words and rules.reading.credit


def test_a_misspelt_rule_field_names_the_file_the_rule_and_the_field(rules_dir):
    edit(rules_dir, "hedges.yaml", "  not_before: '(?i)\\b(in|of|on|since", "  not_befor: '(?i)\\b(in|of|on|since")
    with pytest.raises(RulesError) as err:
        read_rules(rules_dir)
    assert str(err.value) == ("hedges.yaml, rule 'hedge.modal.may': unknown field 'not_befor' "
                              "(did you mean 'not_before'?)")


def test_a_misspelt_field_in_an_unverified_rule_is_named_too(rules_dir):
    edit(rules_dir, "unverified.yaml", "    marks_neighbour: true\n    explanation: '\"{cue}\" shows that someone says this claim is wrong.'",
         "    marks_neighbor: true\n    explanation: '\"{cue}\" shows that someone says this claim is wrong.'")
    with pytest.raises(RulesError, match=r"^unverified\.yaml, rule 'unverified\.denial': unknown field "
                                         r"'marks_neighbor' \(did you mean 'marks_neighbour'\?\)$"):
        read_rules(rules_dir)


def test_a_misspelt_field_of_a_word_list_names_the_list(rules_dir):
    edit(rules_dir, "sources.yaml", "  expert:\n    doc:", "  expert:\n    dco:")
    with pytest.raises(RulesError, match=r"^sources\.yaml, 'roles' → 'expert': unknown field 'dco' \(did you mean 'doc'\?\)$"):
        read_rules(rules_dir)


def test_an_unknown_word_list_is_named_with_the_lists_a_file_may_have(rules_dir):
    (rules_dir / "names.yaml").write_text((rules_dir / "names.yaml").read_text(encoding="utf-8")
                                          + "\nslogans:\n  words: [Bob]\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"^names\.yaml: unknown field 'slogans' \(the fields it may have: "
                                         r"abbreviated_titles, .*former\)$"):
        read_rules(rules_dir)


def test_a_missing_field_is_named(rules_dir):
    edit(rules_dir, "hedges.yaml", "- id: hedge.modal.might\n  phrases: [\"might\"]\n", "- id: hedge.modal.might\n")
    with pytest.raises(RulesError, match=r"^hedges\.yaml, rule 'hedge\.modal\.might': missing field 'phrases'$"):
        read_rules(rules_dir)


def test_a_field_of_the_wrong_type_is_named_with_what_it_should_be(rules_dir):
    edit(rules_dir, "hedges.yaml", "  skip_capitalised: true", "  skip_capitalised: sometimes")
    with pytest.raises(RulesError, match=r"^hedges\.yaml, rule 'hedge\.modal\.may': field 'skip_capitalised' "
                                         r"should be true or false, not 'sometimes'$"):
        read_rules(rules_dir)


def test_a_word_yaml_reads_as_true_or_false_is_named_with_the_fix(rules_dir):
    edit(rules_dir, "reading.yaml", '[in, at, "on", during', "[in, at, on, during")
    with pytest.raises(RulesError, match=r"^reading\.yaml, 'aside_prepositions': field 'words' holds 'true', "
                                         r"which is not a word \(put words such as yes, no, on or off in quotation marks\)$"):
        read_rules(rules_dir)


def test_a_broken_pattern_is_named_with_the_regular_expression_problem(rules_dir):
    edit(rules_dir, "hedges.yaml", "phrases: ['estimated', 'an estimated']", "phrases: ['estimated', 'an (estimated']")
    with pytest.raises(RulesError, match=r"^hedges\.yaml, rule 'hedge\.estimated': field 'phrases': "
                                         r"'an \(estimated' is not a valid pattern \(missing \), unterminated subpattern"):
        read_rules(rules_dir)


def test_two_rules_with_one_id_are_refused(rules_dir):
    edit(rules_dir, "hedges.yaml", "- id: hedge.modal.might", "- id: hedge.modal.may")
    with pytest.raises(RulesError, match=r"^hedges\.yaml, rule 'hedge\.modal\.may': another rule has the same id"):
        read_rules(rules_dir)


def test_an_example_must_mark_its_cue_in_square_brackets(rules_dir):
    edit(rules_dir, "hedges.yaml", '"The death toll [may] have been much higher."', '"The death toll may have been much higher."')
    with pytest.raises(RulesError, match=r"^hedges\.yaml, rule 'hedge\.modal\.may': the example 'The death toll may "
                                         r"have been much higher\.' should mark the words it is about in one pair of \[square brackets\]$"):
        read_rules(rules_dir)


def test_a_missing_explanation_is_named(rules_dir):
    edit(rules_dir, "explanations.yaml", "official.quote:", "official.quotes:")
    with pytest.raises(RulesError, match=r"^explanations\.yaml: unknown field 'official\.quotes' \(did you mean 'official\.quote'\?\)$"):
        read_rules(rules_dir)


def test_a_file_that_is_not_yaml_is_named_with_its_line(rules_dir):
    (rules_dir / "reading.yaml").write_text("lead_words:\n  words: [but, and\n  doc: x\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"^reading\.yaml: not valid YAML near line \d+"):
        read_rules(rules_dir)


def test_a_rule_file_mistake_is_a_kit_error_so_views_show_it_kindly():
    assert issubclass(RulesError, KitError)


def test_an_example_is_split_into_its_sentence_and_its_marked_words():
    assert split_example("The toll [may] rise.") == ("The toll may rise.", "may")
    assert split_example("No brackets here.") == ("No brackets here.", None)
