"""The benchmark's pieces work on tiny inputs. No timing is asserted: benchmarks report numbers,
tests only check that the numbers are computed and printed correctly."""
from __future__ import annotations

import json

import pytest

from tools import bench
from lessons.annotator.model import Annotation
from lessons.scoring.key import KeyUnit


def _write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def conll_file(tmp_path):
    return _write_jsonl(tmp_path / "sample.jsonl", [
        {"id": "c-0", "text": "Prelingual deafness", "uncertain": False},
        {"id": "c-1", "text": "Some suggest the fort may date from Roman times.", "uncertain": True},
        {"id": "c-2", "text": "The river is 40 km long.", "uncertain": False},
    ])


def test_conll_conversion_builds_a_text_and_a_key(conll_file):
    before = conll_file.read_bytes()
    text, units = bench.conll_to_keyed_text(conll_file)
    assert conll_file.read_bytes() == before                    # read only
    assert [u.id for u in units] == ["c-0", "c-1", "c-2"]
    assert all(text[u.start:u.end] == u.text for u in units)
    assert text == "Prelingual deafness\n\nSome suggest the fort may date from Roman times.\n\nThe river is 40 km long."
    assert [sorted(u.labels) for u in units] == [[], ["hedge"], []]
    assert all(not u.optional and not u.cue_spans for u in units)


def test_conll_conversion_names_a_bad_line(tmp_path):
    bad = _write_jsonl(tmp_path / "bad.jsonl", [{"id": "x", "text": "fine", "uncertain": False},
                                                  {"id": "y", "text": "no label"}])
    with pytest.raises(ValueError, match="line 2"):
        bench.conll_to_keyed_text(bad)


def test_rows_are_annotated_one_by_one_and_shifted(conll_file):
    text, units = bench.conll_to_keyed_text(conll_file)
    seen = []

    def fake(s):
        seen.append(s)
        i = s.find("may")
        return [] if i < 0 else [Annotation("hedge", i, i + 3, "may", "hedge.test", "x")]

    anns = bench.annotate_units_separately(text, units, fake)
    assert seen == [u.text for u in units]
    assert [text[a.start:a.end] for a in anns] == ["may"]


def test_conll_scores_and_their_table(conll_file):
    def may(s):
        i = s.find("may")
        return [] if i < 0 else [Annotation("hedge", i, i + 3, "may", "hedge.test", "x")]

    def everything(s):
        return [Annotation("hedge", 0, 1, s[:1], "hedge.test", "x")]

    c = bench.conll_scores(conll_file, may, everything)
    assert (c["rows"], c["uncertain"], c["short_rows"]) == (3, 1, 1)
    ann_all = c["systems"]["annotator"]["all rows"]
    assert (ann_all["score"].precision, ann_all["score"].recall, ann_all["fpr"]) == (1.0, 1.0, 0.0)
    assert ann_all["natural_precision"] == 1.0
    base_all = c["systems"]["baseline"]["all rows"]
    assert base_all["fpr"] == 1.0 and base_all["score"].false_pos == 2
    assert c["systems"]["baseline"]["> 4 words"]["n"] == 2      # "Prelingual deafness" is left out
    table = bench.format_conll(c)
    assert "P' at 22.7%" in table and "60.2" in table and table.count("\n") >= 6


def test_natural_rate_formula_on_known_numbers():
    # The README's sanity check: P 0.69, R 0.82 on the balanced file is about P 0.40, F1 0.53 at 22.7%.
    r, p = 0.82, 0.69
    fpr = r * (1 - p) / p                       # on a balanced file, FP/certain = R·(1−P)/P
    p_nat = bench.natural_rate_precision(r, fpr)
    assert p_nat == pytest.approx(0.395, abs=0.002)
    assert bench.f1_of(p_nat, r) == pytest.approx(0.533, abs=0.002)
    assert bench.natural_rate_precision(0.5, 0.0) == 1.0
    assert bench.natural_rate_precision(0.0, 0.0) is None
    assert bench.natural_rate_precision(0.5, 0.5, rate=0.5) == 0.5
    assert bench.f1_of(None, 0.5) is None and bench.f1_of(0.0, 0.0) == 0.0


def test_table_formatter_aligns_columns():
    out = bench.format_rows("Title", ["name", "value", "met"],
                            [["short", 1.5, "✓"], ["a longer name", 123.0, "✗"], ["none", None, ""]],
                            note="a note")
    lines = out.splitlines()
    assert lines[0] == "Title" and lines[-1] == "a note"
    assert lines[2].startswith("-----") and len(lines) == 7
    widths = {len(line.rstrip()) for line in lines[3:5]}
    assert len(widths) == 1                                     # numbers right-aligned, marks in line
    assert "1.50" in lines[3] and " 123" in lines[4] and lines[5].split()[1] == "-"
    assert bench.mark(True) == "✓" and bench.mark(False) == "✗" and bench.mark(None) == "–"


def test_keyed_dir_reads_pairs_and_reports_broken_ones(tmp_path):
    text = "The ministry said it may rain.\nNothing happened."
    (tmp_path / "good.txt").write_text(text, encoding="utf-8")
    _write_jsonl(tmp_path / "good.gold.jsonl", [
        {"id": "g-1", "text": "The ministry said it may rain.", "start": 0, "end": 30,
         "labels": ["official", "hedge"], "hedge_cues": ["may"], "source": "ministry", "note": "", "optional": None},
        {"id": "g-2", "text": "Nothing happened.", "start": 31, "end": 48, "labels": [], "hedge_cues": [],
         "source": None, "note": "", "optional": []},
    ])
    _write_jsonl(tmp_path / "orphan.gold.jsonl", [{"id": "o-1", "text": "x", "start": 0, "end": 1}])
    (tmp_path / "broken.txt").write_text("abc", encoding="utf-8")
    _write_jsonl(tmp_path / "broken.gold.jsonl", [{"id": "b-1", "text": "zzz", "start": 0, "end": 3}])
    items, problems = bench.load_keyed_dir(tmp_path)
    assert [slug for slug, _, _ in items] == ["good"]
    assert len(items[0][2]) == 2
    assert any(p.startswith("orphan") for p in problems) and any(p.startswith("broken") for p in problems)


def test_error_summary_names_rules_and_missed_units():
    from lessons.scoring.metrics import evaluate

    text = "The ministry said it may rain.\nNothing happened."
    units = (
        KeyUnit("u1", text[:30], 0, 30, frozenset({"official"}), frozenset(), (), (), None, None, ""),
        KeyUnit("u2", text[31:], 31, 48, frozenset(), frozenset(), (), (), None, None, ""),
    )

    def fake(_text):
        return [Annotation("official", 31, 48, "said", "official.fake", "x")]

    res = evaluate(units, text, annotator=fake)
    summary = bench.error_summary([("t", text, units)], [res], quote=True)
    assert summary["official"]["false_positives"] == 1
    assert summary["official"]["fp_rules"] == [("official.fake", 1)]
    assert summary["official"]["missed"] == 1
    assert summary["official"]["missed_units"][0].startswith("u1 “The ministry")
    ids_only = bench.error_summary([("t", text, units)], [res], quote=False)
    assert ids_only["official"]["missed_units"] == ["u1"]


def test_news_like_text_is_cut_at_a_paragraph():
    text = bench.news_like_text(3000)
    assert 0 < len(text.encode("utf-8")) <= 3000
    assert not text.endswith("\n")


def test_median_time_and_learner_arithmetic():
    calls = []
    t = bench.median_time(lambda: calls.append(1), repeats=3, warmup=2)
    assert len(calls) == 5 and len(t.times) == 3 and t.median >= 0 and t.cpu_median >= 0
    assert bench.learners_per_node(100, 100) == 65              # 16 GiB · 0.8 / 200 MB
    assert bench.learners_per_node(100, 100, kernels_per_learner=3) == 32


def test_json_conversion_of_scores():
    from lessons.scoring.metrics import Score

    out = bench._jsonable({"units": {"hedge": Score(1.0, 0.5, 0.67, 1, 0, 1, 2)},
                           "annotations": [object()], "labels": frozenset({"b", "a"})})
    assert out == {"units": {"hedge": {"precision": 1.0, "recall": 0.5, "f1": 0.67, "true_pos": 1,
                                       "false_pos": 0, "false_neg": 1, "n_reference": 2}},
                   "labels": ["a", "b"]}
    json.dumps(out)


def test_machine_info_has_what_the_header_prints():
    m = bench.machine_info()
    assert {"cpu", "cores", "python", "date"} <= set(m)
    assert m["python"] in bench.format_machine(m)


def test_cli_help_and_unknown_section(capsys):
    with pytest.raises(SystemExit) as e:
        bench.main(["--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    assert "--json" in out and all(s in out for s in bench.SECTIONS)
    with pytest.raises(SystemExit) as e:
        bench.main(["nonsense"])
    assert e.value.code == 2


def test_hostile_section_reports_a_ratio_for_every_attack_in_the_corpus():
    from tests.hostile.corpus import TEXT_ATTACKS

    h = bench.hostile(chars=2_000, at_limit=(), tries=1)
    assert sorted(r["attack"] for r in h["rows"]) == sorted(TEXT_ATTACKS)
    assert all(r["ratio"] > 0 and r["chars"] == 2_000 for r in h["rows"])
    table = bench.format_hostile(h)
    assert all(name in table for name in TEXT_ATTACKS) and "÷ news" in table
