"""The explorer page as HTML: self-contained, every quote embedded as text, hostile text inert.

Behaviour is tested in Chromium (tests/browser/); here the generated HTML is parsed with the
standard library and its elements and embedded data are checked.
"""

from __future__ import annotations

import csv
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from actorgraph.casebook.validate import validate_casebook
from actorgraph.graph.build import build_graph
from actorgraph.page.layout import layout_positions
from actorgraph.page.render import page_data, render_html, write_html
from actorgraph.schema import FAMILIES

FIXTURES = Path(__file__).parent / "fixtures"

RESOURCE_ATTRIBUTES = {"src", "href", "srcset", "poster", "data", "action", "background"}


class Page(HTMLParser):
    """Every element with its attributes, the text of each script and style, the title."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.styles: list[str] = []
        self.title = ""
        self._open: tuple[str, dict] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._open = (tag, dict(attrs))

    def handle_endtag(self, tag):
        self._open = None

    def handle_data(self, data):
        if self._open is None:
            return
        tag, attrs = self._open
        if tag == "script":
            self.scripts.append((attrs, data))
        elif tag == "style":
            self.styles.append(data)
        elif tag == "title":
            self.title += data

    def data(self) -> dict:
        (text,) = [t for a, t in self.scripts if a.get("id") == "casebook-data"]
        return json.loads(text)


def page_of(fixture: str, **options) -> Page:
    report = validate_casebook(FIXTURES / fixture)
    return Page(render_html(build_graph(report), report, **options))


def csv_rows(fixture: str, name: str) -> list[dict]:
    with open(FIXTURES / fixture / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def claims_by_id(data: dict) -> dict[str, dict]:
    """The page's claims by id, decoded as the page's script decodes them: actors from their
    row numbers, tabled fields from their tables."""
    fields = data["fields"]["edges"]
    claims = {}
    for row in data["edges"]:
        claim = dict(zip(fields, row, strict=True))
        for field in data["refs"]:
            claim[field] = data["nodes"][claim[field]][0]
        for field, values in data["tables"].items():
            claim[field] = values[claim[field]]
        claims[claim["id"]] = claim
    return claims


@pytest.mark.parametrize("fixture", ["good", "explorer", "hostile"])
def test_page_references_no_outside_resource(fixture):
    page = page_of(fixture)
    for tag, attrs in page.elements:
        assert tag not in ("link", "img", "iframe", "object", "embed", "base"), tag
        assert not RESOURCE_ATTRIBUTES & set(attrs), (tag, attrs)
    assert len(page.scripts) == 3  # the data, vis-network, the explorer
    for style in page.styles:
        assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", style, re.I)
        assert "@import" not in style


@pytest.mark.parametrize("fixture", ["good", "explorer", "hostile"])
def test_every_quote_is_in_the_embedded_data(fixture):
    data = page_of(fixture).data()
    claims = claims_by_id(data)
    rows = csv_rows(fixture, "edges.csv")
    assert sorted(claims) == sorted(r["id"] for r in rows)
    for row in rows:
        assert claims[row["id"]]["quote"] == row["source_text"]
        text = data["documents"][row["source_doc"]][-1]
        for start, end in claims[row["id"]]["pieces"]:
            assert text[start:end]  # each highlighted piece is real text of the document


@pytest.mark.parametrize("fixture", ["good", "explorer", "hostile"])
def test_claims_travel_compactly_and_decode_to_their_csv_rows(fixture):
    page = page_of(fixture)
    data = page.data()
    # Actors by row number, repeated values by their place in a table of distinct values.
    assert all(isinstance(row[1], int) and isinstance(row[2], int) for row in data["edges"])
    for field, values in data["tables"].items():
        assert len(values) == len(set(values)), field
    claims = claims_by_id(data)
    for row in csv_rows(fixture, "edges.csv"):
        claim = claims[row["id"]]
        assert (claim["from"], claim["to"], claim["relation"], claim["doc"]) == (
            row["source"], row["target"], row["relation"], row["source_doc"])
        assert claim["certainty"] == (row["certainty"] or claim["certainty"])
    # Compact JSON: no padding after separators, non-ASCII text as itself.
    (text,) = [t for a, t in page.scripts if a.get("id") == "casebook-data"]
    assert '", "' not in text and '": ' not in text
    if fixture == "explorer":
        assert "\u00c9mile Dask" in text and "\\u00c9" not in text.lower()


@pytest.mark.parametrize("fixture", ["good", "explorer", "hostile"])
def test_large_pages_leave_out_quotes_their_documents_hold_word_for_word(fixture):
    # A large page ships a quote only where its document's pieces, joined by " … ", differ
    # from it; the page rebuilds the others. Either way each CSV quote reaches the page.
    data = page_of(fixture, layout="python").data()
    claims = claims_by_id(data)
    for row in csv_rows(fixture, "edges.csv"):
        claim = claims[row["id"]]
        text = data["documents"][row["source_doc"]][-1]
        rebuilt = " \u2026 ".join(text[s:e] for s, e in claim["pieces"])
        assert (claim["quote"] or rebuilt) == row["source_text"]
    if fixture == "good":
        # c1: the document's apostrophe is typographic, the CSV's plain; c4: the document has
        # three spaces after "Brenn"; c5 is two fragments joined by " … "; c2 is the
        # document's text as it stands.
        assert claims["c1"]["quote"] == csv_rows("good", "edges.csv")[0]["source_text"]
        assert claims["c4"]["quote"] == "Officials in Brenn deny any “arrangement” with the Front"
        assert claims["c2"]["quote"] is None and claims["c5"]["quote"] is None


def test_document_text_is_embedded_once():
    report = validate_casebook(FIXTURES / "explorer")
    html = render_html(build_graph(report), report)
    assert html.count("opened the 2019 session") == 1  # in the document, in no quote


def test_fragments_of_a_joined_quote_are_each_highlighted():
    data = page_of("explorer").data()
    c08 = claims_by_id(data)["c08"]
    text = data["documents"]["dispatches"][-1]
    assert [text[s:e] for s, e in c08["pieces"]] == [
        "The Front is thought to move cargo with the Harrow ring", "though proof is thin"]
    assert c08["paragraph"] == 6


def test_hostile_text_stays_text():
    report = validate_casebook(FIXTURES / "hostile")
    title = "<script>window.__pwned='title'</script>"
    page = Page(render_html(build_graph(report), report, title=title))
    assert page.title == title  # escaped in the source, read back as the same text
    tags = [tag for tag, _ in page.elements]
    assert "img" not in tags and "svg" not in tags and "iframe" not in tags
    for _, attrs in page.elements:
        assert not [a for a in attrs if a.startswith("on")]
    data = page.data()  # the payloads survive as data, to be shown as text
    names = {row[0]: row[1] for row in data["nodes"]}
    assert names["group"] == "Group <img src=x onerror=\"window.__pwned='img'\">"
    quote = claims_by_id(data)["h3"]["quote"]
    assert quote == "</script><script>window.__pwned='quote3'</script> works with the group"


def test_vocabulary_holds_only_what_the_casebook_uses():
    vocab = page_of("explorer").data()["vocabulary"]
    assert [t["name"] for t in vocab["types"]] == [
        "state", "territory", "military_unit", "armed_group", "criminal_network", "person"]
    assert {r["name"] for r in vocab["relations"]} == {
        "official_of", "supplies_arms_to", "finances", "cooperates_with", "operates_in",
        "met_with", "supports", "traffics_with", "part_of", "targets"}
    assert [c["name"] for c in vocab["certainties"]] == [
        "confirmed", "asserted", "alleged", "suspected", "implied"]
    assert [f["name"] for f in vocab["families"]] == [
        "cooperation", "support", "military", "criminal", "structure"]
    # Each with the colour and glyph schema.py gives it, which the page draws its lines with.
    assert all(f["color"] == FAMILIES[f["name"]].color and f["glyph"] == FAMILIES[f["name"]].glyph
               for f in vocab["families"])


def test_subgraph_page_shows_its_part_and_the_documents_it_cites():
    report = validate_casebook(FIXTURES / "explorer")
    G = build_graph(report)
    part = G.subgraph(["aldovia", "front"])
    data = page_data(part, report)
    assert sorted(row[0] for row in data["nodes"]) == ["aldovia", "front"]
    assert sorted(claims_by_id(data)) == ["c02", "c03", "c04"]
    assert list(data["documents"]) == ["dispatches"]


def test_small_casebooks_use_live_physics_and_large_ones_python_positions(monkeypatch):
    report = validate_casebook(FIXTURES / "explorer")
    G = build_graph(report)
    small = page_data(G, report)
    assert small["physics"] is True and small["notice"] == ""
    assert list(small["fields"]["nodes"]) == ["id", "name", "type", "aliases", "description"]
    monkeypatch.setattr("actorgraph.page.render.PHYSICS_LIMIT", 5)
    large = page_data(G, report)
    assert large["physics"] is False
    assert large["notice"] == "Laid out in Python: 7 actors — live physics off"
    assert all(len(row) == 7 and all(isinstance(v, int) for v in row[5:])
               for row in large["nodes"])
    with pytest.raises(ValueError, match="layout must be one of"):
        page_data(G, report, layout="spring")


def test_layout_is_repeatable_and_spreads_actors_apart():
    G = build_graph(validate_casebook(FIXTURES / "explorer"))
    first, second = layout_positions(G), layout_positions(G)
    assert first == second
    assert sorted(first) == sorted(G)
    assert len(set(first.values())) == len(G)
    xs = [x for x, _ in first.values()]
    ys = [y for _, y in first.values()]
    side = max(max(xs) - min(xs), max(ys) - min(ys))
    assert 150 * 7 ** 0.5 - 2 <= side <= 150 * 7 ** 0.5 + 2  # SPACING * sqrt(actors)


def test_write_html_keeps_the_build_signature(tmp_path):
    report = validate_casebook(FIXTURES / "good")
    out = write_html(build_graph(report), report, tmp_path / "page.html", title="Field report")
    assert out == tmp_path / "page.html"
    assert Page(out.read_text(encoding="utf-8")).title == "Field report"


def test_large_pages_name_their_busiest_actors_and_draw_fixed_size_shapes(monkeypatch):
    # Claims per actor in the fixture: front 6, aldovia 5, harrow-ring 3, the other four 2
    # (ties broken by id: brenn first). dask is the only person (a box; a downward triangle
    # when large).
    report = validate_casebook(FIXTURES / "explorer")
    G = build_graph(report)
    small = page_data(G, report)
    assert small["labelled"] is None
    assert {t["name"]: t["shape"] for t in small["vocabulary"]["types"]}["person"] == "box"
    monkeypatch.setattr("actorgraph.page.render.LABELLED", 4)
    large = page_data(G, report, layout="python")
    assert large["labelled"] == ["front", "aldovia", "harrow-ring", "brenn"]
    shapes = {t["name"]: t["shape"] for t in large["vocabulary"]["types"]}
    assert shapes == {"state": "dot", "territory": "triangle", "military_unit": "diamond",
                      "armed_group": "star", "criminal_network": "hexagon",
                      "person": "triangleDown"}


def ties_of(data: dict) -> list[dict]:
    """The page's ties, decoded as the page's script decodes them, each with its claims."""
    ties = []
    for row in data["ties"]:
        tie = dict(zip(data["fields"]["ties"], row, strict=True))
        for field in data["refs"]:
            tie[field] = data["nodes"][tie[field]][0]
        for field, table in data["tie_tables"].items():
            tie[field] = data["tables"][table][tie[field]]
        tie["flags"] = {name for name, bit in data["tie_flags"].items() if tie["flags"] & bit}
        tie["claims"] = []
        ties.append(tie)
    for claim in claims_by_id(data).values():
        ties[claim["tie"]]["claims"].append(claim["id"])
    return ties


def test_each_tie_travels_once_with_the_counts_its_csv_rows_give():
    # Read from tests/fixtures/ties: edges.csv (11 claims) and sources.csv (wire-arms and
    # wire-follow published by Example Wire, monitor by Border Monitor, blog by no one).
    # t8 and t9 are one tie: allied_with is undirected. t6 denies Brenn supports the Front.
    # Fields: claims, affirming, denying, documents, publishers, claimants, strongest, flags.
    expected = {
        ("aldovia", "supplies_arms_to", "front"):
            (["t1", "t2"], 2, 0, 2, 2, 2, "asserted", {"corroborated"}),
        ("front", "operates_in", "brenn"): (["t3", "t4"], 2, 0, 2, 1, 2, "alleged", set()),
        ("brenn", "supports", "front"):
            (["t5", "t6"], 1, 1, 1, 1, 1, "alleged", {"single_source", "disputed"}),
        ("corvin", "finances", "front"): (["t7"], 1, 0, 1, 1, 1, "suspected", {"single_source"}),
        ("aldovia", "allied_with", "brenn"):
            (["t8", "t9"], 2, 0, 2, 2, 2, "confirmed", {"corroborated"}),
        ("front", "attacks", "harrow"): (["t10"], 1, 0, 1, 1, 1, "asserted", {"single_source"}),
        ("western-bloc", "sanctions", "aldovia"):
            (["t11"], 1, 0, 1, 1, 1, "confirmed", {"single_source"}),
    }
    data = page_of("ties").data()
    found = {}
    for tie in ties_of(data):
        key = (tie["from"], tie["relation"], tie["to"])
        if key not in expected:  # an undirected tie may come with its ends the other way
            key = (tie["to"], tie["relation"], tie["from"])
        found[key] = (sorted(tie["claims"], key=lambda c: int(c[1:])), tie["affirming"],
                      tie["denying"], tie["documents"], tie["publishers"], tie["claimants"],
                      tie["strongest"], tie["flags"])
    assert found == expected
    claims = claims_by_id(data)
    assert claims["t6"]["stance"] == "denies" and claims["t5"]["stance"] == "affirms"
    # Marek Vos, the claimant of t6, is an actor; the other claimants are not.
    assert {c["id"]: c["claimant"] for c in claims.values() if c["claimant"]} == {"t6": "marek"}


def test_large_pages_open_on_their_busiest_actor(monkeypatch):
    report = validate_casebook(FIXTURES / "explorer")
    G = build_graph(report)
    assert page_data(G, report, layout="python")["focus"] is None
    monkeypatch.setattr("actorgraph.page.render.FOCUS_FROM", 5)
    assert page_data(G, report, layout="python")["focus"] == "front"  # in 6 claims
