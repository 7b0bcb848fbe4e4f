"""The tie view, driven in Chromium on tests/fixtures/ties.

Expected values are read from the fixture's CSV files, not from the code: edges.csv has 11
claims; sources.csv says wire-arms and wire-follow are Example Wire's, monitor is Border
Monitor's, blog has no publisher. The ties (source, relation, target; allied_with is
undirected, so t8 and t9 are one tie):

  aldovia supplies_arms_to front   t1 (wire-arms, alleged), t2 (monitor, asserted)
                                   2 publishers: corroborated; strongest asserted
  front operates_in brenn          t3 (wire-arms), t4 (wire-follow): 2 documents, 1 publisher
  brenn supports front             t5 (monitor, alleged), t6 (monitor, confirmed, DENIES,
                                   claimed by Marek Vos, an actor): disputed, single source;
                                   strongest affirming: alleged
  aldovia allied_with brenn        t8 (wire-arms, confirmed), t9 (monitor, asserted):
                                   corroborated; strongest confirmed
  corvin finances front t7 (blog), front attacks harrow t10 (monitor), western-bloc sanctions
  aldovia t11 (wire-arms): one claim each
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest

from actorgraph.schema import FAMILIES, RELATIONS

TIES = Path(__file__).parent.parent / "fixtures" / "ties"
SVG = "{http://www.w3.org/2000/svg}"
ALL = {f"t{i}" for i in range(1, 12)}
ARMS = ("aldovia", "supplies_arms_to", "front")
ALLIED = ("aldovia", "allied_with", "brenn")
SUPPORTS = ("brenn", "supports", "front")
OPERATES = ("front", "operates_in", "brenn")


def edge_options(ex, line_id: str) -> dict:
    return ex.page.evaluate("""id => { const o = window.actorgraph.network.body.edges[id].options;
        return { width: o.width, dashes: o.dashes }; }""", line_id)


def test_one_line_per_tie_as_wide_as_its_claims_dashed_as_its_strongest(explorer):
    ex = explorer(TIES)
    assert ex.count() == "7 of 7 actors, 11 of 11 claims shown"
    lines = ex.lines()
    assert len(lines) == 7  # seven ties
    # The one-claim ties are drawn as their claims; the others as one line each.
    assert {line["claim"] for line in lines} == {"t7", "t10", "t11", None}
    widths = {}
    for tie, dashes in ((ARMS, [12, 4]), (ALLIED, False), (SUPPORTS, [6, 6]),
                        (OPERATES, [6, 6])):
        line = ex.page.evaluate("i => window.actorgraph.tieLine(i)", ex.tie_index(*tie))
        options = edge_options(ex, line)
        assert options["dashes"] == dashes, tie
        widths[tie] = options["width"]
    single = edge_options(ex, "t7")
    assert single["dashes"] == [2, 6]  # suspected
    assert all(w > single["width"] for w in widths.values())


def test_corroborated_and_disputed_ties_carry_a_visible_mark(explorer):
    ex = explorer(TIES)
    marks = ex.page.evaluate("window.actorgraph.marksDrawn()")
    tie_of_line = {line["id"]: line["tie"] for line in ex.lines()}
    found = sorted((tie_of_line[m["line"]], m["kind"]) for m in marks)
    assert found == sorted([(ex.tie_index(*ARMS), "corroborated"),
                            (ex.tie_index(*ALLIED), "corroborated"),
                            (ex.tie_index(*SUPPORTS), "disputed")])
    # Really drawn: the corroborated mark is a dark disc on the canvas.
    mark = next(m for m in marks if m["kind"] == "corroborated")
    x, y = ex.point(mark)
    box = ex.page.locator("#network").bounding_box()
    pixel = ex.page.evaluate("""([x, y]) => Array.from(document.querySelector('#network canvas')
        .getContext('2d').getImageData(x, y, 1, 1).data)""",
                             [round(x - box["x"] + 3), round(y - box["y"])])
    assert max(pixel[:3]) < 90, pixel
    # The legend explains each mark.
    legend = ex.page.locator("#legend-lines").inner_text()
    assert "corroborated: two or more publishers affirm the tie" in legend
    assert "disputed: some claims affirm the tie, others deny it" in legend


def test_clicking_a_tie_expands_it_into_its_claims_and_back(explorer):
    ex = explorer(TIES)
    arms = ex.tie_index(*ARMS)
    ex.page.mouse.click(*ex.tie_point(arms))
    panel = ex.page.locator("#panel")
    panel.wait_for(state="visible")
    assert panel.get_attribute("data-tie") == str(arms)
    assert panel.locator("h2").inner_text() == "Aldovia → Northern Front: supplies arms to"
    assert "2 claims · 2 documents (2 publishers)" in panel.inner_text()
    assert panel.locator(".badge.corroborated").count() == 1
    sources = panel.locator("ul.sources li").all_inner_texts()
    assert sorted(sources) == ["Aldovia Arms the Front, Officials Say (Example Wire)",
                               "Border Monitor: Quarterly Assessment (Border Monitor)"]
    lines = ex.lines()
    assert len(lines) == 8 and {"t1", "t2"} <= {line["claim"] for line in lines}
    # Each claim is its own line now, and clicking one opens it.
    ex.settle(100)
    ex.click_edge("t1")
    assert panel.get_attribute("data-claim") == "t1"
    assert "Aldovia Arms the Front, Officials Say, paragraph 2 · Example Wire" in (
        panel.locator(".source").inner_text())
    panel.locator(".tie-of button.tie-link").click()  # its tie, from the claim
    assert panel.get_attribute("data-tie") == str(arms)
    panel.locator(".claim[data-claim=t2]").click()  # from the tie's list: Back to it
    assert panel.get_attribute("data-claim") == "t2"
    panel.locator("button.back").click()
    assert panel.get_attribute("data-tie") == str(arms)
    panel.locator("button.toggle-tie").click()  # "Draw as one line"
    assert len(ex.lines()) == 7
    assert panel.locator("button.toggle-tie").inner_text() == "Draw each claim as its own line"
    # Every claim its own line, from the legend.
    ex.page.locator("#every-claim").check()
    assert {line["claim"] for line in ex.lines()} == ALL
    ex.page.locator("#every-claim").uncheck()
    assert len(ex.lines()) == 7


def test_tooltips_name_each_claims_document_and_publisher(explorer):
    ex = explorer(TIES)
    tip = ex.page.locator("#tooltip")
    ex.page.mouse.move(*ex.tie_point(ex.tie_index(*OPERATES)))
    tip.wait_for(state="visible")
    text = tip.inner_text()
    assert text.startswith("Northern Front → Brenn: operates in")
    assert "2 claims · 2 documents (1 publisher)" in text
    assert "Front Expands in Brenn (Example Wire)" in text
    ex.page.mouse.move(*ex.edge_point("t7"))
    tip.wait_for(state="visible")
    ex.page.wait_for_function("document.getElementById('tooltip').dataset.claim === 't7'")
    # blog has no publisher: its title alone
    assert "suspected · claimed by a local blogger · Notes from the Valley" in tip.inner_text()


def family_glyph(relation: str) -> str:
    """The glyph schema.py gives the relation's family."""
    return FAMILIES[RELATIONS[relation].family].glyph


def test_a_ties_glyph_is_on_its_line_in_its_tooltip_its_panel_and_the_saved_picture(explorer):
    ex = explorer(TIES)
    page = ex.page
    relation = {line["id"]: page.evaluate(f"window.actorgraph.data.ties[{line['tie']}].relation")
                for line in ex.lines()}
    # Every line, named along its length at this zoom, carries its family's glyph.
    drawn = {g["line"]: g["glyph"] for g in page.evaluate("window.actorgraph.glyphsDrawn()")}
    assert drawn == {line: family_glyph(r) for line, r in relation.items()}
    # Its tooltip and its panel lead with it (and say the same words as before).
    tip = page.locator("#tooltip")
    page.mouse.move(*ex.tie_point(ex.tie_index(*OPERATES)))
    tip.wait_for(state="visible")
    assert tip.locator("b g.glyph").get_attribute("data-glyph") == family_glyph("operates_in")
    assert tip.locator("b").inner_text() == "Northern Front → Brenn: operates in"
    page.mouse.move(*ex.edge_point("t7"))  # a tie of one claim: the claim's tooltip
    page.wait_for_function("document.getElementById('tooltip').dataset.claim === 't7'")
    assert tip.locator("b g.glyph").get_attribute("data-glyph") == family_glyph("finances")
    page.evaluate(f"window.actorgraph.showTie({ex.tie_index(*ARMS)})")
    heading = page.locator("#panel h2")
    assert heading.locator("g.glyph").get_attribute("data-glyph") == family_glyph(
        "supplies_arms_to")
    assert heading.inner_text() == "Aldovia → Northern Front: supplies arms to"
    page.evaluate("window.actorgraph.showClaim('t11')")
    assert page.locator("#panel .kind g.glyph").first.get_attribute(
        "data-glyph") == family_glyph("sanctions")
    # The saved picture: each line's glyph, and each family's in its legend.
    with page.expect_download() as download:
        page.locator("#save-svg").click()
    root = ElementTree.fromstring(Path(download.value.path()).read_text(encoding="utf-8"))
    glyphs = [g.get("data-glyph") for g in root.iter(f"{SVG}g") if g.get("class") == "glyph"]
    families = {RELATIONS[r].family for r in relation.values()}
    assert sorted(glyphs) == sorted([family_glyph(r) for r in relation.values()] +
                                    [FAMILIES[f].glyph for f in families])
    assert "Relations (colour and glyph)" in [t.text for t in root.iter(f"{SVG}text")]


def test_an_actors_panel_groups_claims_by_tie_with_their_sources(explorer):
    ex = explorer(TIES)
    ex.click_node("front")
    panel = ex.page.locator("#panel")
    panel.wait_for(state="visible")
    assert panel.get_attribute("data-actor") == "front"
    ties = {t.get_attribute("data-tie"): t.inner_text() for t in panel.locator("button.tie").all()}
    assert ties[str(ex.tie_index(*ARMS))].endswith("2 claims · 2 documents (2 publishers) "
                                                   "corroborated")
    assert "disputed: 1 document; 1 claim denies it" in ties[str(ex.tie_index(*SUPPORTS))]
    assert "2 documents (1 publisher)" in ties[str(ex.tie_index(*OPERATES))]
    # Each claim names its document and publisher; the denial says so.
    t6 = panel.locator(".claim[data-claim=t6]").inner_text()
    assert "denies · claimed by Marek Vos" in t6
    assert "Border Monitor: Quarterly Assessment (Border Monitor)" in t6
    assert "In 5 ties:" in panel.locator(".summary").inner_text()
    # Marek Vos is in no claim, but alleges one.
    ex.page.evaluate("window.actorgraph.showActor('marek')")
    assert panel.locator("h3.alleges").inner_text() == "Alleges, as the claimant (1)"
    assert ex.panel_claims() == ["t6"]
    # From the claim, its claimant and its tie are one click away.
    panel.locator(".claim[data-claim=t6]").click()
    assert panel.locator("dl.facts button[data-actor=marek]").inner_text() == "Marek Vos"
    assert "disputed" in panel.locator(".tie-of").inner_text()
    panel.locator(".tie-of button.tie-link").click()
    assert panel.get_attribute("data-tie") == str(ex.tie_index(*SUPPORTS))


@pytest.mark.parametrize("action, count, shown", [
    # Example Wire published wire-arms (t1, t3, t8, t11) and wire-follow (t4).
    ('#filter-docs input[data-group="docs"][value="Example Wire"]',
     "7 of 7 actors, 6 of 11 claims shown", ALL - {"t1", "t3", "t4", "t8", "t11"}),
    ("#filter-docs input[value=blog]", "7 of 7 actors, 10 of 11 claims shown", ALL - {"t7"}),
    ("#filter-evidence input[data-only=single]", "7 of 7 actors, 5 of 11 claims shown",
     {"t5", "t6", "t7", "t10", "t11"}),
    ("#filter-evidence input[data-only=disputed]", "7 of 7 actors, 2 of 11 claims shown",
     {"t5", "t6"}),
    ("#filter-evidence input[data-only=corroborated]", "7 of 7 actors, 4 of 11 claims shown",
     {"t1", "t2", "t8", "t9"}),
])
def test_filters_by_document_publisher_and_evidence(explorer, action, count, shown):
    ex = explorer(TIES)
    box = ex.page.locator(action)
    box.click()
    assert ex.count() == count
    assert set(ex.page.evaluate("[...window.actorgraph.shown.claims]")) == shown
    drawn_ties = {line["tie"] for line in ex.lines()}
    assert drawn_ties == set(ex.page.evaluate("""ids => [...new Set(ids.map(id =>
        window.actorgraph.data.claims.find(c => c.id === id).tie.index))]""", sorted(shown)))
    box.click()
    assert ex.count() == "7 of 7 actors, 11 of 11 claims shown"


def test_filter_counts_follow_the_other_filters_and_alt_click_keeps_only_one(explorer):
    ex = explorer(TIES)
    page = ex.page

    def counts(kind: str) -> dict[str, str]:
        return page.evaluate("""kind => Object.fromEntries([...document.querySelectorAll(
            `#filter-${kind} label`)].filter(l => l.querySelector('.n')).map(l => [
            l.querySelector('input').value, l.querySelector('.n').textContent]))""", kind)

    # Certainties in edges.csv: alleged t1 t3 t4 t5, asserted t2 t9 t10, confirmed t6 t8 t11,
    # suspected t7.
    assert counts("certainties") == {"asserted": "3", "confirmed": "3", "alleged": "4",
                                     "suspected": "1"}
    page.locator("#filter-evidence input[data-only=disputed]").check()
    assert counts("certainties") == {"asserted": "0", "confirmed": "1", "alleged": "1",
                                     "suspected": "0"}
    assert counts("docs")["monitor"] == "2" and counts("docs")["wire-arms"] == "0"
    page.locator("#filters-reset").click()
    assert ex.count() == "7 of 7 actors, 11 of 11 claims shown"
    # Alt-click: only "confirmed" (t6, t8, t11).
    page.locator("#filter-certainties input[value=confirmed]").click(modifiers=["Alt"])
    assert set(page.evaluate("[...window.actorgraph.shown.claims]")) == {"t6", "t8", "t11"}
    assert page.locator("#filter-certainties input:checked").count() == 1
    # A family's box: "military" holds supplies_arms_to and attacks (t1, t2, t10).
    page.locator("#filters-reset").click()
    page.locator('#filter-relations input[data-group="relations"][value="military"]').uncheck()
    assert ex.count() == "7 of 7 actors, 8 of 11 claims shown"
    assert not page.locator("#filter-relations input[value=attacks]").is_checked()
