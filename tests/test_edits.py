"""Adding to a casebook and merging actors: the CSV files stay the truth, each change is
checked whole before any byte is written, and a refused change writes nothing."""

from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path

import pytest

from actorgraph import files
from helpers import FIXTURES, REPO, run


def ok(result) -> str:
    code, out, err = result
    assert code == 0, err
    return out


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file()}


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def ties_case(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACTORGRAPH_NO_CACHE", "1")
    return Path(shutil.copytree(FIXTURES / "ties", tmp_path / "case"))


def test_add_source_copies_the_document_and_prints_its_id(ties_case, tmp_path):
    document = tmp_path / "field-notes.txt"
    document.write_text("Corvin Holdings pays the Northern Front, officials say.\n",
                        encoding="utf-8")
    before = (ties_case / "sources.csv").read_bytes()
    code, out, err = run("add", "source", document, "--title", "Field Notes, Part 2",
                         "--publisher", "Valley Post", "--published", "2024-08",
                         "--reliability", "C", "--data", "case")
    assert (code, out) == (0, "field-notes-part-2\n"), err
    assert "copied field-notes.txt to case/sources/field-notes-part-2.txt" in err
    assert (ties_case / "sources" / "field-notes-part-2.txt").read_bytes() == \
        document.read_bytes()
    after = (ties_case / "sources.csv").read_bytes()
    assert after.startswith(before)  # every earlier byte kept; one row appended
    assert rows(ties_case / "sources.csv")[-1] == {
        "id": "field-notes-part-2", "title": "Field Notes, Part 2",
        "path": "sources/field-notes-part-2.txt", "url": "", "published": "2024-08",
        "publisher": "Valley Post", "reliability": "C"}
    assert "ok:" in ok(run("validate", "--data", "case"))


def test_add_actor_refuses_names_it_has_and_near_ones(ties_case):
    before = snapshot(ties_case)
    code, _, err = run("add", "actor", "northern  FRONT", "--type", "armed_group",
                       "--data", "case")
    assert code == 1 and err == ("error: NAME 'northern  FRONT' already names actor 'front' "
                                 "('Northern Front'); use it, or `actorgraph merge` two actors "
                                 "that are one\n")
    code, _, err = run("add", "actor", "Northern Frnt", "--type", "armed_group", "--data",
                       "case")
    assert code == 1 and "is very close to 'Northern Front'" in err and "--force" in err
    code, _, err = run("add", "actor", "Hydra", "--type", "armed_group", "--alias",
                       "President Vos", "--data", "case")
    assert code == 1 and "--alias 'President Vos' already names actor 'marek'" in err
    assert snapshot(ties_case) == before  # refused: no byte changed
    out = ok(run("add", "actor", "Northern Frnt", "--type", "armed_group", "--force",
                 "--alias", "NF2", "--data", "case"))
    assert out == "northern-frnt\n"
    assert rows(ties_case / "nodes.csv")[-1] == {
        "id": "northern-frnt", "name": "Northern Frnt", "type": "armed_group",
        "aliases": "NF2", "description": ""}


def test_add_claim_finds_the_quote_and_takes_the_next_id(ties_case):
    out = ok(run("add", "claim", "Corvin Holdings", "finances", "the front", "--doc", "blog",
                 "--quote", "financing the Northern Front through fuel sales",
                 "--certainty", "alleged", "--claimed-by", "a local blogger", "--date",
                 "2024-07", "--data", "case"))
    assert out == "t12\n"
    added = rows(ties_case / "edges.csv")[-1]
    assert (added["source"], added["target"], added["relation"], added["stance"]) == (
        "corvin", "front", "finances", "")
    code, _, err = run("add", "claim", "corvin", "finances", "front", "--doc", "blog",
                       "--quote", "Corvin Holdings may be financing the Northern Front "
                       "through fuel sales", "--data", "case")
    assert code == 1 and err == ("error: claim 't7' says this already: the same actors, "
                                 "relation, document and quote\n")
    code, _, err = run("add", "claim", "corvin", "finances", "front", "--doc", "blog",
                       "--quote", "Corvin funds the Front", "--data", "case")
    assert code == 1 and err.startswith("error: --quote 'Corvin funds the Front' is not in "
                                        "'blog'; the closest passage is ")
    code, _, err = run("add", "claim", "corvin", "funds", "front", "--doc", "blog",
                       "--quote", "Corvin Holdings", "--data", "case")
    assert code == 1 and "did you mean 'finances'?" in err


def test_a_denial_is_recorded_with_its_stance_and_disputes_the_tie(ties_case):
    ok(run("add", "claim", "corvin", "finances", "front", "--doc", "monitor", "--quote",
           "President Marek Vos of Brenn denied", "--claimed-by", "Marek Vos", "--stance",
           "denies", "--certainty", "confirmed", "--data", "case"))
    ties = json.loads(ok(run("ties", "--disputed", "--format", "json", "--data", "case")))
    assert [(t["source"], t["relation"], t["target"]) for t in ties] == [
        ("brenn", "supports", "front"), ("corvin", "finances", "front")]


def test_a_table_without_a_stance_column_gets_one_for_a_denial(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACTORGRAPH_NO_CACHE", "1")
    root = shutil.copytree(FIXTURES / "good", tmp_path / "case")
    before = (root / "edges.csv").read_text(encoding="utf-8")
    ok(run("add", "claim", "brenn", "cooperates_with", "front", "--doc", "report",
           "--quote", "Officials in Brenn deny any “arrangement” with the Front",
           "--stance", "denies", "--claimed-by", "officials in Brenn", "--data", "case"))
    after = (root / "edges.csv").read_text(encoding="utf-8")
    header, *rest = after.splitlines(keepends=True)
    assert header == before.splitlines(keepends=True)[0].rstrip("\n") + ",stance\n"
    assert "".join(rest).startswith("".join(before.splitlines(keepends=True)[1:]))
    assert rest[-1].rstrip().endswith(",denies")
    assert "ok:" in ok(run("validate", "--data", "case"))


def test_merge_moves_claims_and_names(ties_case):
    ok(run("add", "actor", "Northern Frnt", "--type", "armed_group", "--force", "--alias",
           "Frente Norte", "--data", "case"))
    ok(run("add", "claim", "northern-frnt", "operates_in", "brenn", "--doc", "wire-follow",
           "--quote", "operates freely in the eastern districts", "--data", "case"))
    code, out, err = run("merge", "front", "northern frnt", "--data", "case")
    assert (code, out) == (0, "front\n"), err
    assert err == ("merged 'northern-frnt' ('Northern Frnt') into 'front' ('Northern "
                   "Front'): 1 claim moved, 2 aliases added ('Northern Frnt', 'Frente "
                   "Norte'), 'northern-frnt' removed\n")
    actors = {a["id"]: a for a in rows(ties_case / "nodes.csv")}
    assert "northern-frnt" not in actors
    assert actors["front"]["aliases"] == "the Front|Northern Frnt|Frente Norte"
    assert rows(ties_case / "edges.csv")[-1]["source"] == "front"
    assert "ok:" in ok(run("validate", "--data", "case"))


def test_dry_run_says_what_it_would_do_and_writes_nothing(ties_case):
    before = snapshot(ties_case)
    code, out, err = run("add", "actor", "Harbour Authority", "--type", "government_body",
                         "--dry-run", "--data", "case")
    assert code == 0 and out == "harbour-authority\n"
    assert err.startswith("would have added actor 'harbour-authority'")
    code, _, err = run("merge", "aldovia", "brenn", "--dry-run", "--data", "case")
    assert code == 0 and err.startswith("would have merged 'brenn'")
    assert snapshot(ties_case) == before


def test_a_change_that_breaks_the_casebook_is_refused_whole(ties_case):
    (ties_case / "sources" / "monitor.txt").write_text("rewritten\n", encoding="utf-8")
    before = snapshot(ties_case)
    code, _, err = run("add", "actor", "Harbour Authority", "--type", "government_body",
                       "--data", "case")
    assert code == 1 and "source_text not found in 'monitor'" in err
    assert snapshot(ties_case) == before


def test_a_failure_while_writing_puts_every_file_back(ties_case, monkeypatch):
    before = snapshot(ties_case)
    real = os.replace
    calls = []

    def failing(src, dst):
        calls.append(dst)
        if len(calls) == 2:  # the second file of the change
            raise OSError(28, "No space left on device", str(dst))
        return real(src, dst)

    monkeypatch.setattr(files.os, "replace", failing)
    code, _, err = run("merge", "aldovia", "brenn", "--data", "case")
    assert code == 1 and "No space left on device" in err
    monkeypatch.setattr(files.os, "replace", real)
    assert snapshot(ties_case) == before
    assert not [p for p in ties_case.iterdir() if p.name.startswith(".")]


def test_a_copied_casebook_validates_from_another_working_folder(tmp_path, monkeypatch):
    copy = shutil.copytree(REPO / "data", tmp_path / "elsewhere" / "mine")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACTORGRAPH_NO_CACHE", "1")
    assert "ok: 43 actors" in ok(run("validate", "--strict", "--data", copy))
    (tmp_path / "deeper").mkdir()
    monkeypatch.chdir(tmp_path / "deeper")
    assert "ok: 43 actors" in ok(run("validate", "--data", "../elsewhere/mine"))


def test_an_old_style_document_path_is_read_with_a_warning_saying_how_to_fix_it(
        casebook):
    root = casebook()
    sources = root / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8").replace(
        "sources/report.txt", "case/sources/report.txt"), encoding="utf-8")
    code, _, err = run("validate", "--data", "case")
    assert code == 0
    assert ("case/sources.csv:2: warning: path 'case/sources/report.txt' is relative to the "
            "folder above the casebook; write it relative to the casebook folder: "
            "'sources/report.txt'") in err


def test_an_unescaped_quote_is_named_as_the_likely_cause(casebook):
    root = casebook()
    with (root / "edges.csv").open("a", encoding="utf-8") as f:
        f.write('c6,front,corvin,associated_with,"money, through the "El Palito" refinery, '
                'and more",report,the author,alleged,,\n')
    code, _, err = run("validate", "--data", "case")
    assert code == 1
    assert ("case/edges.csv:7: the values from here on look shifted by one column: a `\"` "
            "inside a field may be unescaped; write it as `\"\"`") in err


def test_duplicates_are_warned_about_with_the_merge_to_run(casebook):
    root = casebook()
    with (root / "nodes.csv").open("a", encoding="utf-8") as f:
        f.write("corvin2,Corvin Holdngs,organisation,,\n")  # a typo, of the same type
        f.write("brenn-river,Brenn,territory,,\n")  # same name, another type: no warning
    with (root / "edges.csv").open("a", encoding="utf-8") as f:
        f.write("c6,front,corvin2,traffics_with,Analysts suspect that the Front,report,"
                "analysts,suspected,,\n")
        f.write("c7,brenn-river,front,associated_with,Officials in Brenn deny,report,the "
                "author,implied,2023,\n")
        f.write("c8,front,brenn-river,associated_with,Officials in Brenn deny,report,the "
                "author,implied,2024,\n")
        f.write("c9,front,corvin,traffics_with,Analysts suspect … laundering money through "
                "Corvin Holdings,report,analysts,suspected,,\n")
    code, _, err = run("validate", "--data", "case")
    assert code == 0, err
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert warnings == [
        "case/nodes.csv:7: warning: actors 'corvin' ('Corvin Holdings', line 6) and 'corvin2' "
        "('Corvin Holdngs') have names one letter apart (97% alike); if they are one, run "
        "`actorgraph merge corvin corvin2`",
        "case/edges.csv:9: warning: claim 'c8' repeats claim 'c7' (line 8): the same actors, "
        "relation, document and quote",
        "case/edges.csv:10: warning: claim 'c9' repeats claim 'c5' (line 6): the same actors, "
        "relation, document and quote",
    ]


def _mark(review: Path, rows: list[int]) -> list[dict]:
    with review.open(encoding="utf-8", newline="") as handle:
        found = list(csv.DictReader(handle))
    for i in rows:
        found[i]["accept"] = "y"
    with review.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(found[0]))
        writer.writeheader()
        writer.writerows(found)
    return [found[i] for i in rows]


def test_suggest_then_accept_adds_the_marked_rows_and_their_new_actors(ties_case, tmp_path):
    document = tmp_path / "dispatch.txt"
    document.write_text("Dispatch\nAldovia supplies the Northern Front, according to the "
                        "Harbour Guild.\nThe Northern Front attacked the Salt Road Depot in "
                        "2024.\n", encoding="utf-8")
    code, _, err = run("suggest", document, "-o", tmp_path / "review.csv", "--data", "case")
    assert code == 0, err
    review = tmp_path / "review.csv"
    with review.open(encoding="utf-8", newline="") as handle:
        suggested = list(csv.DictReader(handle))
    wanted = [i for i, row in enumerate(suggested) if row["target_name"] or
              row["source"] == "aldovia"][:2]
    assert wanted, suggested
    marked = _mark(review, wanted)
    before = len(rows(ties_case / "edges.csv"))
    code, out, err = run("accept", review, "--title", "Dispatch", "--publisher", "Guild Post",
                         "--data", "case")
    assert code == 0, err
    assert out == f"t{before + 1}" + "".join(f", t{before + 1 + i}" for i in
                                            range(1, len(marked))) + "\n"
    edges = rows(ties_case / "edges.csv")
    assert len(edges) == before + len(marked)
    assert [e["source_text"] for e in edges[before:]] == [m["source_text"] for m in marked]
    assert {e["source_doc"] for e in edges[before:]} == {"dispatch"}
    actors = {a["id"] for a in rows(ties_case / "nodes.csv")}
    for m in marked:
        for end in ("source", "target"):
            if m[f"{end}_name"]:
                assert m[end] in actors  # the proposed actor, added under its proposed id
    assert "ok:" in ok(run("validate", "--data", "case"))


def test_accept_with_nothing_marked_or_a_bad_row_writes_nothing(ties_case, tmp_path):
    review = tmp_path / "review.csv"
    review.write_text("source,target,relation,source_text,source_doc,accept\n"
                      "aldovia,front,supplies_arms_to,Aldovia supplies the Front,monitor,\n",
                      encoding="utf-8")
    before = snapshot(ties_case)
    code, _, err = run("accept", review, "--data", "case")
    assert code == 1 and err.startswith("error: no row of")
    review.write_text("source,target,relation,source_text,source_doc,accept\n"
                      "aldovia,front,supports,Aldovia supplies the Front,monitor,y\n"
                      "aldovia,front,finances,not in the document,monitor,y\n",
                      encoding="utf-8")
    code, _, err = run("accept", review, "--data", "case")
    assert code == 1
    assert err.startswith("error: review.csv:3: quote 'not in the document' is not in "
                          "'monitor'; the closest passage is"), err
    assert snapshot(ties_case) == before  # the good first row is not written either
