"""The benchmark's casebook generator: deterministic, valid, and shaped like real casebooks."""

from __future__ import annotations

import csv
import statistics
from collections import Counter

from benchmarks.generate import generate

from actorgraph.casebook.validate import validate_casebook
from actorgraph.schema import ACTOR_TYPES, CERTAINTIES, FRAGMENT_SEPARATORS, RELATIONS


def files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file()}


def rows(root, name):
    with (root / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_same_seed_same_casebook_other_seed_other_casebook(tmp_path):
    one = generate(tmp_path / "one", claims=400, seed=3)
    two = generate(tmp_path / "two", claims=400, seed=3)
    other = generate(tmp_path / "other", claims=400, seed=4)
    assert files(one) == files(two)
    assert files(one)["edges.csv"] != files(other)["edges.csv"]


def test_small_casebook_validates_without_warnings_and_uses_every_vocabulary(tmp_path):
    root = generate(tmp_path / "case", claims=600, actors=90, seed=1)
    report = validate_casebook(root, strict=True)  # strict: no warning either
    assert len(report.contents.actors) == 90
    assert len(report.contents.claims) == 600
    assert len(report.contents.sources) == 2
    actors, claims = rows(root, "nodes.csv"), rows(root, "edges.csv")
    assert {a["type"] for a in actors} == set(ACTOR_TYPES)
    assert {c["relation"] for c in claims} == set(RELATIONS)
    assert {c["certainty"] for c in claims} == set(CERTAINTIES)
    assert any(a["aliases"] for a in actors)
    assert {len(c["date"]) for c in claims} >= {0, 4, 7, 10}  # blank and partial ISO dates
    assert any(s in c["source_text"] for c in claims for s in FRAGMENT_SEPARATORS)
    pairs = Counter((c["source"], c["target"]) for c in claims)
    assert max(pairs.values()) > 1  # parallel claims


def test_quotes_fold_to_the_documents_typography(tmp_path):
    root = generate(tmp_path / "case", claims=300, seed=2)
    claims = rows(root, "edges.csv")
    text = "".join(p.read_text(encoding="utf-8") for p in (root / "sources").iterdir())
    assert "’" in text and "“" in text
    # Some quotes are typed with plain quotes where the document has curly ones.
    assert any("'" in c["source_text"] or '"' in c["source_text"] for c in claims)
    assert all(60 <= len(s) <= 250 for s in text.replace("\n", " ").split(". ")[1:-1]
               if not s.startswith("Report"))


def test_a_few_hubs_and_many_leaves(tmp_path):
    root = generate(tmp_path / "case", claims=5000, seed=1)
    degree = Counter()
    for c in rows(root, "edges.csv"):
        degree[c["source"]] += 1
        degree[c["target"]] += 1
    assert len(degree) == 1000  # every actor has a claim
    values = sorted(degree.values())
    assert statistics.median(values) <= 10
    assert values[-1] >= 15 * statistics.median(values)
