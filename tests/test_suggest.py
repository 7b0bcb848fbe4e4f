"""Suggestions from a document (actorgraph.suggest and `actorgraph suggest`).

Every text here is written for these tests, and every expected value below is read off the
text by hand: names, relations, directions, claimants, certainties, dates.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import random
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from actorgraph.casebook.quotes import Document
from actorgraph.cli import cli
from actorgraph.errors import BadValue
from actorgraph.schema import EDGES, RELATIONS
from actorgraph.suggest import suggest
from actorgraph.suggest.dates import first_date
from conftest import FIXTURES, REPO

ACTORS = [
    {"id": "norvania", "name": "Norvania", "type": "state", "aliases": ["Republic of Norvania"]},
    {"id": "calvera", "name": "Calvera", "type": "state", "aliases": []},
    {"id": "alf", "name": "Arden Liberation Front", "type": "armed_group",
     "aliases": ["the Front"]},
    {"id": "jmb", "name": "José Martí Brigade", "type": "armed_group", "aliases": ["JMB"]},
    {"id": "kenya", "name": "Kenya", "type": "state", "aliases": []},
    {"id": "uk", "name": "United Kingdom", "type": "state", "aliases": []},
    {"id": "sdl", "name": "Southern Defence League", "type": "armed_group", "aliases": []},
    {"id": "usa", "name": "United States", "type": "state", "aliases": ["US"]},
    {"id": "jane-roe", "name": "Jane Roe", "type": "person", "aliases": []},
]


def mentions(text: str, actors=ACTORS) -> dict[str, int]:
    return {a.id: a.mentions for a in suggest(text, actors).actors}


def claims(text: str, actors=ACTORS):
    return suggest(text, actors).claims


def between(text: str, a: str, b: str, actors=ACTORS):
    """The claims of the text between actors a and b, either way."""
    return [c for c in claims(text, actors) if {c.source, c.target} == {a, b}]


def only(text: str, a: str, b: str, actors=ACTORS):
    found = between(text, a, b, actors)
    assert len(found) == 1, [vars(c) for c in claims(text, actors)]
    return found[0]


# --- Mentions of the casebook's actors ----------------------------------------------------

def test_names_aliases_accents_and_possessives():
    text = ("Norvania's ports were closed. The Jose Marti Brigade and the Republic of "
            "Norvania signed a pact. The JMB said nothing.")
    found = mentions(text)
    assert found["norvania"] == 2  # "Norvania's", "Republic of Norvania"
    assert found["jmb"] == 2  # without its accents, and by its acronym


def test_aliases_may_come_as_the_cell_of_nodes_csv():
    actors = [{"id": "norvania", "name": "Norvania", "type": "state",
               "aliases": "Republic of Norvania| Norvanian Union "}]
    assert mentions("The Norvanian Union and the Republic of Norvania met.", actors) == {
        "norvania": 2}


def test_an_acronym_matches_only_in_capitals():
    found = mentions("The SDL watched the coast; the sdl is small. They told us nothing.")
    assert found.get("sdl") == 1  # the initials of Southern Defence League, in capitals
    assert "usa" not in found  # "us" is not "US"


def test_adjectives_capitals_and_abbreviations_of_states():
    found = mentions("A Kenyan ship left Nairobi. A British frigate followed it to the U.K. "
                     "coast.")
    assert found["kenya"] == 2  # "Kenyan", "Nairobi"
    assert found["uk"] == 2  # "British", "U.K."


def test_adjectives_are_derived_for_a_state_no_gazetteer_lists():
    found = mentions("Norvanian patrol boats left port. Calveran customs kept watch.")
    assert found["norvania"] == 1
    assert found["calvera"] == 1


def test_a_longer_name_wins_over_the_names_inside_it():
    actors = [*ACTORS, {"id": "latam", "name": "Latin America", "type": "territory",
                        "aliases": []}]
    found = mentions("Latin American ports are busy.", actors)
    assert found == {"latam": 1}  # not "American" for the United States


# --- Candidate new actors -----------------------------------------------------------------

TYPES_TEXT = (
    "Transport Minister Jane Doe met the Kestrel Shipping Company in June. "
    "The Coastal Guard Corps escorted ships to the Black Lake refinery, while the Ministry "
    "of Ports stayed silent. The Kestrel Shipping Company later paid the Arden Liberation "
    "Front.")


def proposed(text: str, actors=ACTORS):
    return {a.name: a for a in suggest(text, actors).actors if a.new}


def test_new_actors_with_types_guessed_from_cue_words():
    found = proposed(TYPES_TEXT)
    expected = {"Jane Doe": "person", "Kestrel Shipping Company": "organisation",
                "Coastal Guard Corps": "military_unit", "Black Lake refinery": "facility",
                "Ministry of Ports": "government_body"}
    assert {name: found[name].type for name in expected} == expected
    assert set(found) == set(expected)  # the Front is the casebook's, June a month


def test_a_new_actor_has_a_count_a_first_passage_and_a_slug_id():
    actor = proposed(TYPES_TEXT)["Kestrel Shipping Company"]
    assert actor.mentions == 2
    assert actor.id == "kestrel-shipping-company"
    assert actor.passage == ("Transport Minister Jane Doe met the Kestrel Shipping Company "
                             "in June.")


def test_a_proposed_id_never_takes_a_casebook_id():
    actors = [*ACTORS, {"id": "kestrel-shipping-company", "name": "Kestrel Shipping Co",
                        "type": "organisation", "aliases": []}]
    ids = {a.id for a in suggest(TYPES_TEXT, actors).actors if a.new}
    assert "kestrel-shipping-company-2" in ids


def test_appositions_and_places_of_a_name_type_it():
    found = proposed("Ostenia, a neighbouring state, sells diesel. Blue Heron Air, a cargo "
                     "airline, flies to the port of Lissa. The Sons of the Delta, a militia, "
                     "attacked a patrol boat.")
    assert found["Ostenia"].type == "state"
    assert found["Blue Heron Air"].type == "organisation"
    assert found["Lissa"].type == "facility"
    assert found["Sons of the Delta"].type == "armed_group"


def test_groups_named_by_collective_nouns():
    found = proposed("Kenyan defence officials met dormant cells and some allies. The "
                     "Kenyan army and police watched.", ACTORS)
    assert {"Kenyan defence officials", "dormant cells", "some allies", "Kenyan army",
            "Kenyan police"} <= set(found)
    assert found["Kenyan army"].type == "military_unit"


def test_acronyms_surnames_and_last_words_are_aliases_of_a_name_found():
    s = suggest("The Red Ridge Front (RRF) took the pass. Minister Ilse Varga denied it. "
                "Varga said the RRF had gone; the Front denied it too.", [])
    new = {a.name: a.mentions for a in s.actors if a.new}
    assert new == {"Red Ridge Front": 4, "Ilse Varga": 2}


def test_stoplist_sentence_starts_calendar_titles_headings_events_acronyms():
    text = ("Conclusion\nHowever, on Monday the Minister said GPS jammers were seen. In March, "
            "during the Cold War anniversary, the Kestrel Shipping Company sailed.")
    assert set(proposed(text)) == {"Kestrel Shipping Company"}


# --- Candidate claims ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Norvania armed the Arden Liberation Front.",
    "The Arden Liberation Front was armed by Norvania.",
    "The Arden Liberation Front received weapons from Norvania.",
])
def test_relation_and_direction(text):
    claim = only(text, "norvania", "alf")
    assert (claim.source, claim.target, claim.relation) == ("norvania", "alf",
                                                            "supplies_arms_to")


def test_actors_only_listed_together_need_a_relation_without_direction():
    pact = only("Norvania and Calvera signed a pact.", "norvania", "calvera")
    assert pact.relation == "allied_with" and not RELATIONS[pact.relation].directed
    assert between("Norvania and Calvera attacked the port.", "norvania", "calvera") == []


def test_without_a_cue_a_pair_is_associated_with():
    claim = only("Norvania and the Arden Liberation Front were seen in the hills, and then "
                 "Calvera.", "norvania", "calvera")
    assert claim.relation == "associated_with"


@pytest.mark.parametrize(("text", "certainty"), [
    ("Norvania funded the Front.", "asserted"),
    ("Norvania reportedly funded the Front.", "alleged"),
    ("Norvania allegedly funded the Front.", "alleged"),
    ("Norvania possibly funded the Front.", "suspected"),
    ("Norvania could have funded the Front.", "suspected"),
    ("Did Norvania fund the Front?", "implied"),
    ("Norvania officially sanctioned the Front.", "confirmed"),
])
def test_hedges_give_the_certainty(text, certainty):
    assert only(text, "norvania", "alf").certainty == certainty


@pytest.mark.parametrize(("text", "claimant"), [
    ("Norvania funded the Front.", "the author"),
    ("According to the Arden Herald, Norvania funded the Front.", "Arden Herald"),
    ("Analysts said Norvania funded the Front.", "Analysts"),
    ("\u201cNorvania funded the Front,\u201d said Jane Roe.", "Jane Roe"),
    ("The ministry's report found that Norvania funded the Front.", "The ministry's report"),
    ("An officer, who spoke on condition of anonymity, said Norvania funded the Front.",
     "An officer"),
])
def test_attributions_give_the_claimant(text, claimant):
    claim = only(text, "norvania", "alf")
    assert claim.claimed_by == claimant
    assert claim.certainty == ("asserted" if claimant == "the author" else "alleged")


def test_the_claimant_is_not_a_party_to_what_it_reports():
    text = "\u201cNorvania funded the Front,\u201d said Jane Roe."
    assert between(text, "norvania", "jane-roe") == []
    assert between(text, "alf", "jane-roe") == []


@pytest.mark.parametrize(("text", "stance"), [
    ("Norvania funded the Front.", "affirms"),
    ("Norvania never funded the Front.", "denies"),
    ("Norvania did not fund the Front.", "denies"),
    ("Calvera denied that Norvania funded the Front.", "denies"),
    ("Calvera rejected claims that Norvania funded the Front.", "denies"),
])
def test_negation_gives_the_stance(text, stance):
    assert only(text, "norvania", "alf").stance == stance


def test_a_denial_names_the_denier_and_is_on_record():
    claim = only("Calvera denied that Norvania funded the Front.", "norvania", "alf")
    assert (claim.claimed_by, claim.certainty) == ("Calvera", "confirmed")
    assert between("Calvera denied that Norvania funded the Front.", "calvera", "alf") == []


@pytest.mark.parametrize(("text", "date"), [
    ("In June 2022 Norvania funded the Front.", "2022-06"),
    ("On 3 November 2025 Norvania funded the Front.", "2025-11-03"),
    ("Norvania funded the Front on November 3, 2025.", "2025-11-03"),
    ("Norvania has funded the Front since 2016.", "2016"),
    ("Norvania funded the Front on 2024-02-29.", "2024-02-29"),
    ("Norvania funded the Front with 1,000 rifles on 3rd November.", ""),
])
def test_dates(text, date):
    assert only(text, "norvania", "alf").date == date


@pytest.mark.parametrize(("text", "found"), [
    ("they may 2020", ("2020", "2020")),
    ("in May 2021", ("2021-05", "May 2021")),
    ("a 1,000 km range and 950 drones", None),
    ("the 13 Sept. 2019 raid", ("2019-09-13", "13 Sept. 2019")),
    ("on 31 February 2020", ("2020-02-31", "31 February 2020")),  # not checked against a
])                                                                   # calendar: validate does
def test_first_date(text, found):
    assert first_date(text) == found


# --- Pairs across sentences ---------------------------------------------------------------

HEADED = ("Calvera's Quiet Partner\n"
          "Norvania ships diesel to the island at a discount.\n")


def test_a_heading_and_the_sentence_under_it():
    claim = only(HEADED, "norvania", "calvera")
    assert (claim.source, claim.target, claim.relation) == ("norvania", "calvera",
                                                            "economic_support")
    assert claim.source_text == ("Calvera's Quiet Partner … Norvania ships diesel to the "
                                 "island at a discount")


def test_a_heading_naming_a_group_takes_its_members():
    text = ("2. Alliances with Calveran Rebel Groups\n"
            "The Maroon Brigade and the Arden Liberation Front hold the hills.\n")
    actors = [*ACTORS, {"id": "maroon-brigade", "name": "Maroon Brigade",
                        "type": "armed_group", "aliases": []}]
    for member in ("maroon-brigade", "alf"):
        claim = only(text, "calvera", member, actors)
        assert (claim.source, claim.target, claim.relation) == (member, "calvera",
                                                                "operates_in")


def test_the_regime_stands_for_the_last_state():
    claim = only("Norvania hosted the talks. The regime also funds the Arden Liberation "
                 "Front.", "norvania", "alf")
    assert (claim.source, claim.relation) == ("norvania", "finances")
    assert claim.source_text == "The regime also funds the Arden Liberation Front"
    assert "'The regime' taken for 'Norvania'" in claim.why


def test_a_pronoun_opening_a_sentence_stands_for_the_last_subject():
    actors = [*ACTORS, {"id": "calveran-army", "name": "Calveran army",
                        "type": "military_unit", "aliases": []}]
    text = "Calvera opposes the Arden Liberation Front. Its army has fought the Front."
    assert only(text, "calvera", "calveran-army", actors).relation == "part_of"
    fight = only(text, "calveran-army", "alf", actors)
    assert fight.relation == "armed_conflict_with"


def test_an_event_named_again_stands_for_its_doer():
    text = ("The Arden Liberation Front attacked a Calveran convoy in May 2023. "
            "Norvania condemned the attacks.")
    claim = only(text, "norvania", "alf")
    assert (claim.source, claim.target, claim.relation) == ("norvania", "alf", "condemns")


def test_a_group_named_after_a_place_is_part_of_it():
    claim = only("Kenyan defence officials visited the port.", "kenya", "kenyan-defence-officials",
                 ACTORS)
    assert (claim.source, claim.target, claim.relation) == ("kenyan-defence-officials",
                                                            "kenya", "part_of")
    assert claim.source_text == "Kenyan defence officials"


def test_a_title_ties_a_person_to_the_state_before_it():
    claim = only("Calveran Trade Minister Jane Roe met the press.", "calvera", "jane-roe")
    assert (claim.source, claim.target, claim.relation) == ("jane-roe", "calvera",
                                                            "official_of")


# --- Quotes, shapes and scores ------------------------------------------------------------

def _texts():
    yield (REPO / "data" / "sources" / "iran-venezuela-nexus.txt").read_text(encoding="utf-8")
    yield (FIXTURES / "suggest" / "sources" / "varn-strait-report.txt").read_text(
        encoding="utf-8")
    yield TYPES_TEXT
    yield HEADED
    rng = random.Random(14)
    words = ["Norvania", "Calvera", "the", "Front", "armed", "funded", "reportedly", "and",
             "\u201cquoted\u201d", "Kenyan", "officials", "said", "it", "its", "denied",
             "In", "June", "2022", "-", "=", "+", "...", "\u2026", "  ", "?", "met", "Jane",
             "Roe", "regime", "The", "\u2019s", "ships", ",", "U.S.", "R.", "Ford"]
    for _ in range(40):
        lines = []
        for _line in range(rng.randint(1, 6)):
            sentence = " ".join(rng.choice(words) for _ in range(rng.randint(1, 25)))
            lines.append(sentence + rng.choice([".", "?", "", ". Then the Front armed it."]))
        yield "\n".join(lines)


def test_every_quote_is_found_in_its_document():
    for text in _texts():
        document = Document(text)
        for actors in ([], ACTORS):
            for claim in suggest(text, actors).claims:
                assert claim.source_text.strip() == claim.source_text
                assert claim.source_text[:1] not in ("=", "+", "-", "@")
                assert document.locate(claim.source_text) is not None, claim.source_text


def test_json_shape():
    data = suggest(TYPES_TEXT, ACTORS, doc_id="doc").as_json()
    assert list(data) == ["actors", "claims"]
    ids = set()
    for actor in data["actors"]:
        assert list(actor) == ["id", "name", "type", "mentions", "new"]
        assert isinstance(actor["mentions"], int) and isinstance(actor["new"], bool)
        ids.add(actor["id"])
    assert data["claims"]
    for claim in data["claims"]:
        assert list(claim) == ["source", "target", "relation", "source_text", "claimed_by",
                               "certainty", "stance", "date", "score", "why"]
        assert {claim["source"], claim["target"]} <= ids
        assert 0.0 <= claim["score"] <= 1.0 and isinstance(claim["why"], str)
    json.dumps(data)  # serialisable as it is


def test_review_rows_have_edges_columns_and_the_review_columns():
    s = suggest(TYPES_TEXT, ACTORS, doc_id="doc")
    rows = s.review_rows()
    assert rows and list(rows[0])[:len(EDGES.column_names)] == list(EDGES.column_names)
    extra = ["score", "why", "source_name", "source_type", "target_name", "target_type",
             "accept"]
    assert [c for c in rows[0] if c in extra] == extra and "stance" in rows[0]
    new = {a.id: a for a in s.actors if a.new}
    for row in rows:
        assert row["id"] == "" and row["accept"] == "" and row["source_doc"] == "doc"
        for end in ("source", "target"):
            actor = new.get(row[end])
            assert row[f"{end}_name"] == (actor.name if actor else "")
            assert row[f"{end}_type"] == (actor.type if actor else "")


def test_min_score_leaves_out_weaker_claims():
    every = suggest(TYPES_TEXT, ACTORS).claims
    strong = suggest(TYPES_TEXT, ACTORS, min_score=0.8).claims
    assert strong and all(c.score >= 0.8 for c in strong)
    assert len(strong) == sum(c.score >= 0.8 for c in every) < len(every)
    with pytest.raises(BadValue, match="min_score"):
        suggest(TYPES_TEXT, ACTORS, min_score=1.5)


def test_claims_are_ranked_best_first():
    scores = [c.score for c in suggest(TYPES_TEXT, ACTORS).claims]
    assert scores == sorted(scores, reverse=True)


# --- Optional named-entity recognition ----------------------------------------------------

class StandIn:
    """Answers as a spaCy pipeline would, for the entities given."""

    def __init__(self, *entities):
        self.entities = entities

    def __call__(self, text):
        ents = []
        for name, label in self.entities:
            start = text.index(name)
            ents.append(SimpleNamespace(text=name, label_=label, start_char=start,
                                        end_char=start + len(name)))
        return SimpleNamespace(ents=ents)


def test_a_tagger_adds_entities_the_rules_miss():
    text = "The poet eve winter funded the Arden Liberation Front in 1999."
    assert "eve winter" not in proposed(text)
    s = suggest(text, ACTORS, ner=StandIn(("eve winter", "PERSON"), ("1999", "DATE")))
    actor = next(a for a in s.actors if a.name == "eve winter")
    assert (actor.type, actor.new) == ("person", True)
    assert "named entity (PERSON)" in actor.why
    funds = [c for c in s.claims if {c.source, c.target} == {"eve-winter", "alf"}]
    assert [(c.source, c.relation) for c in funds] == [("eve-winter", "finances")]


def test_an_unknown_tagger_is_refused():
    with pytest.raises(BadValue, match="spacy:MODEL"):
        suggest("text", [], ner="stanza:en")


@pytest.mark.skipif("spacy" in sys.modules or __import__("importlib").util.find_spec("spacy")
                    is not None, reason="spaCy is installed here")
def test_without_spacy_the_message_says_how_to_install_it():
    with pytest.raises(BadValue, match="pip install spacy"):
        suggest("text", [], ner="spacy:en_core_web_sm")


def test_suggestions_never_import_spacy():
    suggest(TYPES_TEXT, ACTORS)
    assert "spacy" not in sys.modules


def test_the_package_imports_only_what_the_layers_allow():
    allowed = ("actorgraph.text", "actorgraph.schema", "actorgraph.errors",
               "actorgraph.casebook", "actorgraph.suggest")
    package = REPO / "src" / "actorgraph" / "suggest"
    for path in package.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                if name.startswith("actorgraph"):
                    assert name.startswith(allowed), f"{path.name} imports {name}"


# --- A second casebook, not the article ---------------------------------------------------

def test_recall_on_the_second_casebook_stays_above_its_floor():
    """`tests/fixtures/suggest` is a fictional report written for actorgraph, its 45 claims
    marked by hand. Measured with `python -m benchmarks.suggest_eval --casebook
    tests/fixtures/suggest`: with an empty casebook 92% of its actors (23/25) and 89% of its
    claimed pairs (33/37); with its actors known 95% of the pairs (35/37); relation agreement
    73% and 71% of the pairs found. (On the first run, before rules were added for what it
    showed wanting, these were 64%, 35% and 73%.) The floors leave a little room."""
    from benchmarks.suggest_eval import casebook_parts, score

    (doc, text, actors, truth), = casebook_parts(FIXTURES / "suggest", None)
    got = {}
    for mode, given in (("empty", []), ("known", actors)):
        s = suggest(text, given, doc_id=doc)
        got[mode] = score(truth, actors, [(a.id, a.name) for a in s.actors],
                          [(c.source, c.target, c.relation, c.source_text) for c in s.claims],
                          text, mode == "known")
    assert got["empty"]["actors"] >= 0.88
    assert got["empty"]["pairs"] >= 0.85
    assert got["known"]["pairs"] >= 0.90
    assert min(got["empty"]["relations"], got["known"]["relations"]) >= 0.65
    assert max(got["empty"]["per_claim"], got["known"]["per_claim"]) <= 3.0


# --- The command --------------------------------------------------------------------------

def run(runner, *args):
    return runner.invoke(cli, ["suggest", *map(str, args)], env={"COLUMNS": "100"})


def test_cli_on_the_shipped_article(runner):
    result = run(runner, "iran-venezuela-nexus", "--data", REPO / "data")
    assert result.exit_code == 0, result.output
    assert "candidate claims" in result.output
    assert "iran → venezuela" in result.output
    assert "Actors of the casebook mentioned:" in result.output


def test_cli_json_and_min_score(runner):
    result = run(runner, "iran-venezuela-nexus", "--data", REPO / "data", "--format", "json",
                 "--min-score", "0.8")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["claims"] and all(c["score"] >= 0.8 for c in data["claims"])
    ids = {a["id"] for a in data["actors"]}
    assert {"iran", "venezuela"} <= ids


def test_cli_on_a_file_path_with_an_empty_casebook(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    case = tmp_path / "case"
    case.mkdir()
    for table in ("nodes", "edges", "sources"):
        header = (REPO / "data" / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0]
        (case / f"{table}.csv").write_text(header + "\n", encoding="utf-8")
    doc = tmp_path / "report.txt"
    doc.write_text(TYPES_TEXT, encoding="utf-8")
    result = run(runner, "report.txt", "--data", case, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "report.txt is not a source of the casebook" in result.stderr
    assert "actorgraph add source report.txt --title TITLE" in result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(r["source_doc"] == "" for r in rows)
    assert any(r["source_name"] == "Kestrel Shipping Company" for r in rows)


def test_cli_writes_the_review_file(runner, tmp_path):
    out = tmp_path / "review.csv"
    result = run(runner, "varn-strait", "--data", FIXTURES / "suggest", "-o", out,
                 "--min-score", "0.7")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"wrote {out}" in result.stderr
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert rows and all(float(r["score"]) >= 0.7 and r["source_doc"] == "varn-strait"
                        and r["accept"] == "" for r in rows)
    text = (FIXTURES / "suggest" / "sources" / "varn-strait-report.txt").read_text(
        encoding="utf-8")
    document = Document(text)
    assert all(document.locate(r["source_text"]) for r in rows)


def test_cli_never_writes_over_an_input(runner, tmp_path):
    import shutil

    case = tmp_path / "case"
    shutil.copytree(FIXTURES / "suggest", case)
    before = (case / "edges.csv").read_bytes()
    result = run(runner, "varn-strait", "--data", case, "-o", case / "edges.csv")
    assert result.exit_code == 1
    assert "is a file the casebook is read from" in result.stderr
    assert (case / "edges.csv").read_bytes() == before


def test_cli_unknown_document(runner):
    result = run(runner, "no-such-doc", "--data", FIXTURES / "suggest")
    assert result.exit_code == 1
    assert result.stderr == ("error: DOC 'no-such-doc' is neither a source id of sources.csv "
                             "(known: varn-strait) nor a file\n")


def test_cli_min_score_out_of_range():
    # In a process of its own: in CI's full run, CliRunner once returned this usage error's
    # exit status with none of its output, a hazard of the runner's swapped streams in a
    # long-lived process, not of the command (which prints click's message on stderr).
    done = subprocess.run([sys.executable, "-m", "actorgraph", "suggest", "varn-strait",
                           "--data", str(FIXTURES / "suggest"), "--min-score", "2"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Invalid value for '--min-score'" in done.stderr


def test_the_fixture_casebook_validates(runner):
    result = runner.invoke(cli, ["validate", "--data", str(FIXTURES / "suggest"), "--strict"])
    assert result.exit_code == 0, result.output
    assert "45 claims" in result.output
    assert Path(FIXTURES / "suggest" / "sources" / "varn-strait-report.txt").exists()
