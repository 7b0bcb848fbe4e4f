"""The query commands through click's CliRunner, and two real subprocesses (a closed pipe,
import cost). Expected texts are written from the fixture casebook, not copied from output."""

from __future__ import annotations

import ast
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest

from actorgraph.cli import cli
from actorgraph.text import fold
from conftest import FIXTURES, REPO

WIDE = {"COLUMNS": "100"}
ACTORGRAPH = Path(sys.executable).parent / "actorgraph"


@pytest.fixture
def case(tmp_path, monkeypatch):
    """The `query` fixture casebook as `case/` in the working folder."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(FIXTURES / "query", tmp_path / "case")
    return "case"


def run(runner, *args, env=WIDE):
    return runner.invoke(cli, [str(a) for a in args], env=env)


def ok(result):
    assert result.exit_code == 0, result.output
    return result.stdout


def lines(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines()) + "\n"


# Per hop, each tie with how it stands (q01 and q13 are one tie, from report and from brief,
# which has no publisher: its own), then its claims, strongest first.
PATH_ALPHA_DELTA = lines('''
1. Alpha — Gamma Brigade — Delta Cartel (2 hops, weakest: alleged)
   Alpha → Gamma Brigade: supplies arms to — 2 documents (2 publishers)
     q01 · confirmed · claimed by the ministry of Alpha · 2023 · Alpha and its Friends, ¶2
       "Alpha shipped rifles to the Gamma Brigade in 2023."
     q13 · asserted · claimed by the brief's author · brief, ¶1
       "Alpha arms the Gamma Brigade."
   Alpha → Gamma Brigade: supports — 1 document
     q02 · alleged · claimed by diplomats · Alpha and its Friends, ¶2
       "Alpha backs the Brigade, according to diplomats."
   Alpha ← Gamma Brigade: requests from — 1 document
     q12 · alleged · claimed by officials · 2025-01 · Alpha and its Friends, ¶2
       "The Brigade has asked Alpha for drones, officials claim."
   Gamma Brigade — Delta Cartel: traffics with — 1 document
     q04 · alleged · claimed by police · 2024-05 · Alpha and its Friends, ¶3
       "Police say the Brigade moves cocaine with the Delta Cartel."

2. Alpha — Beta — Delta Cartel (2 hops, weakest: suspected)
   Alpha — Beta: is allied with — 1 document
     q05 · confirmed · claimed by the author · 2022 · Alpha and its Friends, ¶4
       "Alpha and Beta signed a defence pact in 2022."
   Beta ← Delta Cartel: operates in — 1 document
     q06 · suspected · claimed by analysts · Alpha and its Friends, ¶3
       "The Delta Cartel may be operating in Beta."
       note: @analysts: unconfirmed
''')


def test_path_text(runner, case):
    result = run(runner, "path", "alpha", "delta cartel", "--data", case)
    assert ok(result) == PATH_ALPHA_DELTA
    assert result.stderr == ""


def test_path_quote_wraps_to_the_terminal(runner, case):
    result = run(runner, "path", "ALPHA", "the brigade", "-r", "supports", "--data", case,
                 env={"COLUMNS": "40"})
    assert ok(result) == lines('''
1. Alpha — Gamma Brigade (1 hop,
weakest: alleged)
   Alpha → Gamma Brigade: supports — 1
   document
     q02 · alleged · claimed by
     diplomats · Alpha and its Friends,
     ¶2
       "Alpha backs the Brigade,
       according to diplomats."
''')


def test_path_directed_k_and_max_hops(runner, case):
    def firsts(*args):
        out = ok(run(runner, "path", *args, "--data", case))
        return [line for line in out.splitlines() if line[:1].isdigit()]

    assert firsts("delta", "alpha", "--directed") == [
        "1. Delta Cartel — Gamma Brigade — Alpha (2 hops, weakest: alleged)",
        "2. Delta Cartel — Beta — Alpha (2 hops, weakest: suspected)"]
    assert firsts("alpha", "delta", "-k", "3") == [
        "1. Alpha — Gamma Brigade — Delta Cartel (2 hops, weakest: alleged)",
        "2. Alpha — Beta — Delta Cartel (2 hops, weakest: suspected)",
        "3. Alpha — Beta — Gamma Brigade — Delta Cartel (3 hops, weakest: alleged)"]
    assert firsts("alpha", "delta", "-k", "5", "--max-hops", "2", "--avoid", "Beta") == [
        "1. Alpha — Gamma Brigade — Delta Cartel (2 hops, weakest: alleged)"]
    assert firsts("nunez", "delta", "--exclude-relation", "traffics_with") == [
        "1. Álvaro Núñez — Epsilon Trading — Delta Cartel (2 hops, weakest: implied)"]


def test_path_json_and_csv(runner, case):
    data = json.loads(ok(run(runner, "path", "alpha", "delta", "--format", "json",
                             "--data", case)))
    assert [p["actors"] for p in data] == [["alpha", "gamma", "delta"], ["alpha", "beta", "delta"]]
    hop = data[0]["steps"][0]
    assert (hop["from"], hop["to"]) == ("alpha", "gamma")
    assert [(c["id"], c["arrow"]) for c in hop["claims"]] == [
        ("q01", "→"), ("q13", "→"), ("q02", "→"), ("q12", "←")]
    rows = list(csv.DictReader(io.StringIO(ok(run(runner, "path", "alpha", "delta",
                                                     "--format", "csv", "--data", case)))))
    assert [(r["path"], r["step"], r["id"], r["arrow"]) for r in rows] == [
        ("1", "1", "q01", "→"), ("1", "1", "q13", "→"), ("1", "1", "q02", "→"),
        ("1", "1", "q12", "←"), ("1", "2", "q04", "—"), ("2", "1", "q05", "—"),
        ("2", "2", "q06", "←")]
    assert rows[-1]["notes"] == "'@analysts: unconfirmed"  # not run as a formula


@pytest.mark.parametrize("args, message", [
    (["alpha", "Epsilon Trade"],
     "error: Name 'Epsilon Trade' is not an actor (did you mean 'Epsilon Trading'?)\n"),
    (["alpha", "Mara"],
     "error: 'Mara' could be any of: mara (Mara), mara-river (Mara); use the actor's id\n"),
    (["alpha", "zeta"],
     "error: No path between 'Alpha' and 'Zeta': no chain of claims connects them\n"),
    (["alpha", "mara", "--directed"],
     "error: No path between 'Alpha' and 'Mara' under these options: --directed\n"),
    (["alpha", "delta", "-r", "traffics_with", "--avoid", "the brigade"],
     "error: No path between 'Alpha' and 'Delta Cartel' under these options: "
     "--relation traffics_with, --avoid gamma\n"),
    (["alpha", "delta", "--min-certainty", "probable"],
     "error: --min-certainty 'probable' is not a certainty level (did you mean 'suspected'? "
     "valid, strongest first: confirmed, asserted, alleged, suspected, implied)\n"),
    (["alpha", "delta", "-r", "arms"],
     "error: --relation 'arms' is not a relation type (did you mean 'supplies_arms_to'? "
     "valid: allied_with, cooperates_with, "
     "met_with, logistics_link, transfers_with, requests_from, supports, economic_support, "
     "finances, provides_safe_haven, protects, supplies_arms_to, military_presence_in, "
     "targets, attacks, armed_conflict_with, operates_in, traffics_with, threatens, "
     "hostile_to, sanctions, designates, detains, condemns, part_of, member_of, official_of, "
     "leads, associated_with)\n"),
    (["alpha", "Republic of Alpha"],
     "error: a path needs two different actors; both ends are 'alpha'\n"),
    (["alpha", "delta", "--avoid", "zzzzzz"], "error: --avoid 'zzzzzz' is not an actor\n"),
])
def test_path_errors(runner, case, args, message):
    result = run(runner, "path", *args, "--data", case)
    assert result.exit_code == 1
    assert result.stderr == message
    assert result.stdout == ""


def _casebook(root: Path, actors: list[str], pairs: list[tuple[str, str]]) -> Path:
    """A generated casebook: actors by id, one cooperates_with claim per pair."""
    (root / "sources").mkdir(parents=True)
    (root / "nodes.csv").write_text("id,name,type\n" + "".join(f"{a},{a.upper()},state\n"
                                                               for a in actors))
    quotes = [f"{a} works with {b} (claim {i})." for i, (a, b) in enumerate(pairs)]
    (root / "sources" / "doc.txt").write_text("\n".join(quotes) + "\n")
    (root / "sources.csv").write_text("id,title,path\ndoc,Doc,sources/doc.txt\n")
    (root / "edges.csv").write_text(
        "id,source,target,relation,source_text,source_doc,claimed_by,certainty\n"
        + "".join(f"c{i:05},{a},{b},cooperates_with,{q},doc,the author,asserted\n"
                  for i, ((a, b), q) in enumerate(zip(pairs, quotes))))
    return root


def test_more_shortest_paths_than_shown_are_counted_on_stderr(runner, tmp_path):
    middles = [f"m{i:02}" for i in range(12)]
    book = _casebook(tmp_path / "star", ["a", "b", *middles],
                     [p for m in middles for p in (("a", m), (m, "b"))])
    result = run(runner, "path", "a", "b", "--data", book)
    shown = [line for line in ok(result).splitlines() if line[:1].isdigit()]
    assert shown[0] == "1. A — M00 — B (2 hops, weakest: asserted)"
    assert shown[-1] == "10. A — M09 — B (2 hops, weakest: asserted)"
    assert result.stderr == "2 more shortest paths not shown; -k N lists the N best\n"


def test_show_text(runner, case):
    assert ok(run(runner, "show", "el capitan", "--data", case)) == lines('''
Álvaro Núñez (person, id nunez)
  also: El Capitán
  The Brigade's commander.

met with (met_with, 1)
  Álvaro Núñez — Epsilon Trading: met with — 1 document
    q08 · implied · claimed by the author · 2024 · Alpha and its Friends, ¶5
      "Núñez was seen in the same hotel as executives of Epsilon Trading."

leads (leads, 1)
  Álvaro Núñez → Gamma Brigade: leads — 1 document
    q07 · asserted · claimed by the author · Alpha and its Friends, ¶5
      "Álvaro Núñez, known as El Capitán, commands the Gamma Brigade."
''')


def test_show_json_and_unknown(runner, case):
    data = json.loads(ok(run(runner, "show", "zeta", "--format", "json", "--data", case)))
    assert data["claims"]["part_of"][0]["other"] == "mara-river"
    assert data["claims"]["part_of"][0]["arrow"] == "←"
    result = run(runner, "show", "zetta", "--data", case)
    assert (result.exit_code, result.stderr) == (
        1, "error: Name 'zetta' is not an actor (did you mean 'Zeta'?)\n")


def test_neighbors_text(runner, case):
    assert ok(run(runner, "neighbors", "alpha", "--depth", "2", "--data", case)) == lines('''
distance  name           id     type              via          relations
       1  Beta           beta   state             alpha        allied_with
       1  Gamma Brigade  gamma  armed_group       alpha        requests_from, supplies_arms_to,
                                                               supports
       2  Álvaro Núñez   nunez  person            gamma        leads
       2  Delta Cartel   delta  criminal_network  beta, gamma  operates_in, traffics_with
       2  Mara           mara   person            beta         official_of
''')
    rows = list(csv.DictReader(io.StringIO(ok(run(
        runner, "neighbors", "alpha", "--min-certainty", "confirmed", "--format", "csv",
        "--data", case)))))
    assert rows == [{"id": "beta", "name": "Beta", "type": "state", "distance": "1",
                     "via": "alpha", "relations": "allied_with"},
                    {"id": "gamma", "name": "Gamma Brigade", "type": "armed_group",
                     "distance": "1", "via": "alpha", "relations": "supplies_arms_to"}]


def test_actors_text_and_sorting(runner, case):
    # nunez lies on 1 of 2 shortest gamma-epsilon paths and 1 of 3 alpha-epsilon paths:
    # (1/2 + 1/3) / (8 * 7 / 2) = 0.030.
    assert ok(run(runner, "actors", "--type", "person", "--data", case)) == lines('''
name          id     type    degree  ties  betweenness
Álvaro Núñez  nunez  person       2     2        0.030
Mara          mara   person       1     1        0.000
''')
    data = json.loads(ok(run(runner, "actors", "--sort", "betweenness", "--format", "json",
                             "--data", case)))
    assert [r["id"] for r in data[:2]] == ["beta", "gamma"]
    result = run(runner, "actors", "--type", "country", "--data", case)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: --type 'country' is not an actor type (did you "
                                    "mean 'state'? valid: state, territory,")


def test_claims_filters_and_formats(runner, case):
    out = ok(run(runner, "claims", "--actor", "Gamma Brigade", "--claimed-by", "Police",
                 "--data", case))
    assert out == lines('''
Gamma Brigade — Delta Cartel: traffics with (q04)
  alleged · claimed by police · 2024-05 · Alpha and its Friends, ¶3 · tie: 1 document
    "Police say the Brigade moves cocaine with the Delta Cartel."
''')
    data = json.loads(ok(run(runner, "claims", "--text", "NUNEZ", "--format", "json",
                             "--data", case)))
    assert [c["id"] for c in data] == ["q07", "q08"]
    assert list(data[0]) == ["id", "source", "source_name", "target", "target_name",
                             "relation", "relation_label", "directed", "certainty", "stance",
                             "claimed_by", "claimed_by_actor", "date", "document",
                             "document_title", "publisher", "paragraph", "quote", "notes",
                             "tie_documents", "tie_publishers", "tie_disputed"]
    table = list(csv.reader(io.StringIO(ok(run(runner, "claims", "--certainty", "suspected",
                                                "--format", "csv", "--data", case)))))
    assert [row[0] for row in table] == ["id", "q06", "q09"]
    assert table[1][table[0].index("notes")] == "'@analysts: unconfirmed"


def test_stats_text(runner, case):
    out = ok(run(runner, "stats", "--data", case))
    assert out.splitlines()[0] == ("9 actors, 13 claims, 2 documents, 10 linked actor pairs, "
                                   "2 connected components (sizes 7, 2)")
    assert out.endswith(lines('''
Evidence, by tie (one relation between two actors)
  12 ties: 1 corroborated (two publishers or more affirm it; 2 claims), 11 affirmed by a single
  document (11 claims), 0 disputed (0 claims)
  3 ties on suspicion alone (the strongest claim affirming it suspected or implied; 3 claims)
'''))
    assert "Most claims (degree)\n  Gamma Brigade  gamma  7\n  Alpha          alpha  5\n" in out
    rows = list(csv.DictReader(io.StringIO(ok(run(runner, "stats", "--format", "csv",
                                                     "--data", case)))))
    assert {"section": "certainties", "key": "implied", "value": "1"} in rows


def test_export_selection_reads_back(runner, case):
    result = run(runner, "export", "graphml", "--around", "el capitan", "-o", "out.graphml",
                 "--data", case)
    ok(result)
    assert result.stderr == "selected 3 of 9 actors, 2 of 13 claims\nwrote out.graphml\n"
    back = nx.read_graphml("out.graphml")
    assert sorted(back) == ["epsilon", "gamma", "nunez"]
    data = json.loads(ok(run(runner, "export", "json", "--path", "alpha", "delta",
                             "--min-certainty", "alleged", "--data", case)))
    G = nx.node_link_graph(data, edges="edges") if "edges" in data else nx.node_link_graph(data)
    assert sorted(G) == ["alpha", "delta", "gamma"]
    assert G.number_of_edges() == 5  # q01, q13, q02, q12, q04


def test_export_errors(runner, case):
    result = run(runner, "export", "pdf", "--data", case)
    assert (result.exit_code, result.stderr) == (
        1, "error: FORMAT 'pdf' is not an export format (valid: csv, graphml, gexf, json, "
           "cytoscape, neo4j)\n")
    result = run(runner, "export", "json", "--depth", "2", "--data", case)
    assert (result.exit_code, result.stderr) == (1, "error: --depth 2 goes with --around ACTOR\n")


def test_build_applies_the_selection(runner, case):
    result = run(runner, "build", "--top", "2", "-o", "page.html", "--data", case)
    assert ok(result).splitlines()[0].startswith("2 actors, 4 claims")  # q01, q02, q12, q13
    assert result.stderr.startswith("selected 2 of 9 actors, 4 of 13 claims\n")
    assert Path("page.html").exists()


def test_build_draws_the_busiest_actors_that_fit_a_page_unless_told_all(runner, case,
                                                                          monkeypatch):
    from actorgraph.page import render

    monkeypatch.setattr(render, "PAGE_CLAIMS", 5)  # the top three actors share 6 claims
    result = run(runner, "build", "-o", "page.html", "--data", case)
    assert ok(result).splitlines()[0].startswith("2 actors, 4 claims")
    note = ("Showing the 2 actors in the most claims and the 4 claims among them, of 9 "
            "actors and 13 claims: a page of more would not be drawn usefully (20,000 actors "
            "or 5 claims at most)")
    assert result.stderr == (f"{note}. Choose a part with --around, --path, --top or the "
                             "filters, or draw it all with --all.\n")
    page = Path("page.html").read_text(encoding="utf-8")
    assert json.dumps(note)[1:-1] in page  # said on the page too
    result = run(runner, "build", "--all", "-o", "page.html", "--data", case)
    assert ok(result).splitlines()[0].startswith("9 actors, 13 claims")
    assert result.stderr == ""
    monkeypatch.setattr(render, "PAGE_ACTORS", 3)
    monkeypatch.setattr(render, "PAGE_CLAIMS", 100)
    result = run(runner, "build", "--min-certainty", "alleged", "-o", "page.html", "--data",
                 case)
    assert "Showing the 3 actors in the most claims" in result.stderr


def test_closed_pipe_is_not_a_traceback(tmp_path):
    actors = [f"a{i:03}" for i in range(60)]
    pairs = [(a, b) for i, a in enumerate(actors) for b in actors[i + 1:i + 40]]
    book = _casebook(tmp_path / "big", actors, pairs)
    assert len(pairs) > 1500  # well over a pipe buffer of text
    done = subprocess.run(f"'{ACTORGRAPH}' claims --data '{book}' | head -1", shell=True,
                          capture_output=True, text=True, timeout=120)
    assert done.stdout == "A000 — A001: cooperates with (c00000)\n"
    assert done.stderr == ""


def test_path_does_not_import_pyvis_pandas_jinja2_or_rapidfuzz(tmp_path):
    """A path from the store imports none of them; the first, which reads and validates the
    casebook, only rapidfuzz (to find actors named nearly alike)."""
    env = {**os.environ, "ACTORGRAPH_CACHE_DIR": str(tmp_path / "store")}
    newest = max(max(f.stat().st_mtime, f.stat().st_ctime)
                 for f in (FIXTURES / "query").rglob("*") if f.is_file())
    time.sleep(max(0.0, newest + 2.5 - time.time()))  # files just written are not stored
    imported = []
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "actorgraph", "path", "alpha", "delta",
             "--data", str(FIXTURES / "query")], capture_output=True, text=True, timeout=60,
            env=env)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("1. Alpha — Gamma Brigade — Delta Cartel")
        imported.append({line.split("|")[-1].strip().split(".")[0]
                         for line in done.stderr.splitlines() if line.startswith("import time:")})
    assert "networkx" in imported[1]  # the check sees real imports
    assert imported[0].isdisjoint({"pyvis", "pandas", "jinja2"})
    assert imported[1].isdisjoint({"pyvis", "pandas", "jinja2", "rapidfuzz"})


ARTICLE = REPO / "data"


@pytest.mark.skipif(not (ARTICLE / "edges.csv").exists(), reason="article casebook not there")
def test_article_path_hezbollah_to_cartel_de_los_soles(runner):
    article = fold((ARTICLE / "sources" / "iran-venezuela-nexus.txt").read_text())
    result = run(runner, "path", "Hezbollah", "cartel de los soles", "--format", "json",
                 "--data", ARTICLE)
    paths = json.loads(ok(result))
    assert {p["hops"] for p in paths} == {2}
    via_venezuela = next(p for p in paths if p["actors"][1] == "venezuela")
    quotes = [fold(c["quote"]) for s in via_venezuela["steps"] for c in s["claims"]]
    # Section 5 and section 3 of the article, copied from the text.
    assert any("Hezbollah operatives utilize the lawless environment to launder money" in q
               for q in quotes)
    assert any("networks of Venezuelan military and officials who traffic in drugs" in q
               for q in quotes)
    for path in paths:
        for step in path["steps"]:
            for claim in step["claims"]:
                for piece in fold(claim["quote"]).split("…"):
                    assert piece.strip() in article
    text = ok(run(runner, "path", "hezbollah", "Cartel de los Soles", "--data", ARTICLE))
    flat = " ".join(text.split())
    assert "Hezbollah → Venezuela: operates in" in text
    assert ('"Hezbollah operatives utilize the lawless environment to launder money and '
            'facilitate narcotics trafficking"') in flat


def test_an_empty_answer_says_so_on_stderr(runner, case):
    result = run(runner, "claims", "--text", "uranium", "--data", case)
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "", "nothing matches these options\n")
    result = run(runner, "claims", "--text", "uranium", "--format", "json", "--data", case)
    assert (result.stdout, result.stderr) == ("[]\n", "")


def test_a_cached_path_does_not_import_the_validator(tmp_path):
    env = {**os.environ, "ACTORGRAPH_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("ACTORGRAPH_NO_CACHE", None)
    command = [sys.executable, "-X", "importtime", "-m", "actorgraph", "path", "alpha", "delta",
               "--data", str(FIXTURES / "query")]
    newest = max(max(f.stat().st_mtime, f.stat().st_ctime)
                 for f in (FIXTURES / "query").rglob("*") if f.is_file())
    time.sleep(max(0.0, newest + 2.5 - time.time()))  # files just written are not cached
    runs = [subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)
            for _ in range(2)]  # the first fills the cache
    assert [r.returncode for r in runs] == [0, 0], runs[-1].stderr
    assert runs[0].stdout == runs[1].stdout
    assert list((tmp_path / "cache").glob("*.sqlite"))
    imported = [{line.split("|")[-1].strip() for line in r.stderr.splitlines()
                 if line.startswith("import time:")} for r in runs]
    assert "actorgraph.casebook.validate" in imported[0]  # the check sees real imports
    assert "actorgraph.casebook.validate" not in imported[1]


def test_a_large_casebook_says_it_is_being_read_until_it_is_stored(runner, casebook,
                                                                     monkeypatch):
    from actorgraph import workspace
    from helpers import quick_store

    casebook()
    monkeypatch.setattr(workspace, "NOTICE_MB", 0)  # the fixture is a few kB: all is large
    quick_store(monkeypatch)
    first = runner.invoke(cli, ["path", "aldovia", "front", "--data", "case"])
    second = runner.invoke(cli, ["path", "aldovia", "front", "--data", "case"])
    assert first.exit_code == 0 and second.exit_code == 0, first.output
    assert first.stderr == ("reading and checking the casebook (0 MB, new or changed since it "
                            "was last read; the next commands on it start from the store)\n"
                            "keeping the casebook in the store for the next commands\n")
    assert second.stderr == ""  # answered from the store
    assert first.stdout == second.stdout
    quiet = runner.invoke(cli, ["path", "aldovia", "front", "--data", "case", "-q"])
    assert quiet.stderr == "" and quiet.stdout == first.stdout
    monkeypatch.setenv("ACTORGRAPH_NO_CACHE", "1")
    off = runner.invoke(cli, ["path", "aldovia", "front", "--data", "case"])
    assert off.exit_code == 0 and off.stderr == (
        "reading and checking the casebook (0 MB, the store is off)\n")
    monkeypatch.setattr(workspace, "NOTICE_MB", 1)  # the default is 20
    small = runner.invoke(cli, ["path", "aldovia", "front", "--data", "case"])
    assert small.exit_code == 0 and small.stderr == ""  # too small to be worth saying


def test_a_first_query_answers_before_it_fills_the_store(runner, casebook, monkeypatch):
    """The answer is on stdout (flushed) when the store starts being written, and the store
    holds the casebook once the command is over."""
    import sys

    from actorgraph.store.database import Store
    from actorgraph.workspace import open_casebook
    from helpers import quick_store

    casebook()
    quick_store(monkeypatch)
    printed = []
    write = Store.write

    def watched(*args, **kwargs):
        printed.append(sys.stdout.buffer.getvalue().decode())
        return write(*args, **kwargs)

    monkeypatch.setattr(Store, "write", watched)
    first = runner.invoke(cli, ["path", "aldovia", "front", "--data", "case"])
    assert first.exit_code == 0, first.output
    assert printed == [first.stdout] and "aldovia" in first.stdout.lower()
    with open_casebook("case") as book:
        assert book.from_store


def test_the_command_ends_at_once_with_its_status_and_all_its_output(tmp_path, runner):
    """`actorgraph` ends with os._exit (a large graph is not freed): every byte of its
    output must still be flushed, and each status passed on."""
    env = {**os.environ, "ACTORGRAPH_CACHE_DIR": str(tmp_path / "cache")}

    def run(*args):
        return subprocess.run([sys.executable, "-m", "actorgraph", *args], capture_output=True,
                              text=True, timeout=60, env=env)

    data = ["--data", str(FIXTURES / "query")]
    listed = run("claims", *data)  # piped: block-buffered, so flushed only at the end
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == runner.invoke(cli, ["claims", *data]).stdout
    assert listed.stdout.count("\n") > 20
    unknown = run("path", "alpha", "nobody-at-all", *data)
    assert unknown.returncode == 1 and "nobody-at-all" in unknown.stderr
    assert run("path", "--no-such-option", *data).returncode == 2
    assert run("--version").returncode == 0


def test_the_command_walks_all_it_holds_only_after_many_young_collections(tmp_path):
    """`actorgraph` makes its cycle collector's whole walks rare (a large casebook's ties
    and rankings are millions of objects that each walk visited to free nothing), and
    leaves its young collections as Python has them."""
    from actorgraph.cli import FULL_COLLECTION_AFTER

    probe = ("import gc, os, sys\n"
             "print(gc.get_threshold())\n"
             "from actorgraph import cli\n"
             "end = os._exit\n"
             "os._exit = lambda status: (print(gc.get_threshold()), end(status))\n"
             "sys.argv = ['actorgraph', '--version']\n"
             "cli.main()\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    before, after = ast.literal_eval(lines[0]), ast.literal_eval(lines[-1])
    assert after == (*before[:2], FULL_COLLECTION_AFTER) and before[2] < FULL_COLLECTION_AFTER


def test_the_command_line_holds_what_it_opened_till_it_ends(runner, monkeypatch, tmp_path):
    """`cli.main` passes a list as click's `obj`: the casebooks a command opens go into it,
    and so are freed by the system when the command ends, not one by one by Python."""
    from actorgraph.workspace import Casebook

    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ACTORGRAPH_NO_CACHE", raising=False)
    data = ["--data", str(FIXTURES / "query")]
    held: list = []
    assert runner.invoke(cli, ["path", "alpha", "delta", *data], obj=held).exit_code == 0
    assert [type(book) for book in held] == [Casebook]
    assert held[0]._kept is not None  # and what was read, kept in the store by its close
    assert runner.invoke(cli, ["path", "alpha", "delta", *data]).exit_code == 0  # no list


def test_an_exit_with_a_message_prints_it_with_status_1(capsys):
    from actorgraph.cli import _status

    assert (_status(None), _status(0), _status(3), _status(256 + 4)) == (0, 0, 3, 4)
    assert _status("stopped: no room") == 1
    assert capsys.readouterr().err == "stopped: no room\n"


def test_neighbors_leaves_out_a_farther_ring_past_the_limit_and_says_so(
        tmp_path, runner, monkeypatch):
    from actorgraph.workspace import open_casebook
    from helpers import quick_store

    root = Path(shutil.copytree(FIXTURES / "query", tmp_path / "query"))
    quick_store(monkeypatch)
    ask = ["neighbors", "alpha", "--depth", "3", "--data", str(root), "--format", "csv"]
    for reading in ("read", "stored"):  # the whole graph just read, then the store's
        if reading == "read":
            monkeypatch.setenv("ACTORGRAPH_NO_CACHE", "1")
        else:
            monkeypatch.delenv("ACTORGRAPH_NO_CACHE")
            open_casebook(root).close()  # stored
            with open_casebook(root) as book:
                assert book.from_store
        whole = runner.invoke(cli, ask)
        assert whole.exit_code == 0 and whole.stderr == ""
        listed = [row["id"] for row in csv.DictReader(io.StringIO(whole.stdout))]
        assert listed == ["beta", "gamma", "nunez", "delta", "mara", "epsilon"]  # by distance
        assert runner.invoke(cli, [*ask, "--limit", "0"]).stdout == whole.stdout
        # Ring 1 holds 2 actors, ring 2 three more: a limit of 2 to 4 keeps ring 1 only.
        for limit in ("2", "4"):
            cut = runner.invoke(cli, [*ask, "--limit", limit])
            assert cut.exit_code == 0
            assert [r["id"] for r in csv.DictReader(io.StringIO(cut.stdout))] == [
                "beta", "gamma"]
            assert cut.stderr == (f"actors 2 or more hops away not listed: they would bring "
                                  f"the list past {limit} (--limit); --limit 0 lists them all\n")
        five = runner.invoke(cli, [*ask, "--limit", "5"])  # rings 1 and 2: five actors
        assert [r["id"] for r in csv.DictReader(io.StringIO(five.stdout))] == listed[:5]
        assert "actors 3 or more hops away not listed" in five.stderr
    assert runner.invoke(cli, [*ask, "--limit", "-1"]).exit_code == 2
