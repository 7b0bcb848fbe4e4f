"""What validation checks that the other tests left unpinned (found by mutation testing
with mutmut): sources.csv's own checks, aliases naming another actor, the hints of
unknown values, the bounds of short quotes and shortened quotes, the row shifted by a stray
`"`, and the split of the quote search between two processes."""

from __future__ import annotations

import pytest

from actorgraph.casebook import validate as validation
from actorgraph.casebook.quotes import Span
from actorgraph.casebook.read import read_casebook
from helpers import FIXTURES, run

ISO = "is not an ISO 8601 date (use YYYY, YYYY-MM or YYYY-MM-DD)"
SOURCES = "id,title,path,url,published,publisher,reliability\n"
CLAIMS = "id,source,target,relation,source_text,source_doc,claimed_by,certainty,date,notes"
C1 = ("c1,aldovian-army,front,supplies_arms_to,\"The Northern Front, says the ministry, has "
      "received rifles from Aldovia's army.\",report,the ministry,alleged,2024-02,rifles")


def problems_of(root) -> list[str]:
    """Every problem `validate` finds in the casebook, as printed (`file:line: ...`)."""
    return [str(p) for p in validation.validate(read_casebook(root))[1]]


def test_sources_csv_own_checks(casebook):
    root = casebook()
    (root / "sources.csv").write_text(
        SOURCES
        + "report,A Field Report,sources/report.txt,,2024-03,Example Wire,B\n"
        + "memo,A Memo,sources/report.txt,,March 2024,,Z\n"  # cited by no claim
        + ",No Id,sources/report.txt,,,,\n"
        + "report,Again,sources/report.txt,,2024,,\n", encoding="utf-8")
    code, out, err = run("validate", "--data", "case")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"case/sources.csv:3: published date 'March 2024' {ISO}",
        "case/sources.csv:3: reliability 'Z' is not a reliability grade (Admiralty A-F) "
        "(valid: A, B, C, D, E, F)",
        "case/sources.csv:3: warning: source 'memo' is cited by no claim",
        "case/sources.csv:4: 'id' is blank; it is required",
        "case/sources.csv:5: duplicate id 'report' (first on line 2)",
        "4 errors in the casebook.",
    ]


def test_a_blank_id_does_not_hide_a_duplicate_in_claims(casebook):
    root = casebook()
    edges = (root / "edges.csv").read_text(encoding="utf-8").splitlines()
    edges[3] = edges[3].replace("c3,", ",", 1)   # line 4: no id
    edges[5] = edges[5].replace("c5,", "c1,", 1)  # line 6: c1 again
    (root / "edges.csv").write_text("\n".join(edges) + "\n", encoding="utf-8")
    assert [p for p in problems_of(root) if "edges.csv" in p] == [
        "case/edges.csv:4: 'id' is blank; it is required",
        "case/edges.csv:6: duplicate id 'c1' (first on line 2)",
    ]


def test_an_alias_equal_to_another_actors_id_or_name(casebook):
    root = casebook()
    with (root / "nodes.csv").open("a", encoding="utf-8") as f:
        f.write("holding,Holding,organisation,corvin|BRENN,\n")
    assert [p for p in problems_of(root) if ":7:" in p] == [
        "case/nodes.csv:7: alias 'corvin' of 'holding' also names 'corvin' (line 6)",
        "case/nodes.csv:7: alias 'BRENN' of 'holding' also names 'brenn' (line 5)",
        "case/nodes.csv:7: warning: actor 'holding' has no claims",
    ]


def test_a_look_alike_alias_is_found_after_a_plain_name(casebook):
    root = casebook()
    with (root / "nodes.csv").open("a", encoding="utf-8") as f:
        f.write("front3,Third Front,armed_group,N\u043erthern Front,\n")  # a Cyrillic o
    assert [p for p in problems_of(root) if "warning: name" in p] == [
        "case/nodes.csv:7: warning: name 'N\u043erthern Front' of 'front3' mixes Latin "
        "letters with look-alike letters of another script in 'N\u043erthern'",
        "case/nodes.csv:7: warning: name 'N\u043erthern Front' of 'front3' looks like a name "
        "of 'front' (line 4)",
    ]


def claim_problems(root, *rows: str, header: str = CLAIMS) -> list[str]:
    """The problems `validate` finds in edges.csv when it holds `rows`."""
    (root / "edges.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return [p for p in problems_of(root) if "edges.csv" in p]


def test_unknown_actors_blank_ends_and_their_hints(casebook):
    root = casebook()
    with (root / "nodes.csv").open("a", encoding="utf-8") as f:
        f.write("x1,Zorro Shipping,organisation,,\n")  # a name nothing like its id
    assert claim_problems(
        root, C1,
        "c2,front,zorro shipping,supports,the Front,report,the author,alleged,,",
        "c3,qqqqqq,front,supports,the Front,report,the author,alleged,,",
        "c4,,front,supports,the Front,report,the author,alleged,,",
    ) == [
        "case/edges.csv:3: target 'zorro shipping' is not an actor id (did you mean 'x1'?)",
        "case/edges.csv:4: source 'qqqqqq' is not an actor id",
        "case/edges.csv:5: 'source' is blank; it is required",
    ]


def test_an_unknown_stance(casebook):
    assert claim_problems(casebook(), C1 + ",qqq", header=CLAIMS + ",stance") == [
        "case/edges.csv:2: stance 'qqq' is not a stance (valid: affirms, denies)"]


def test_a_one_word_quote_is_short_below_forty_characters(casebook):
    word = "x" * 39
    assert [p for p in claim_problems(
        casebook(), C1,
        f"c2,front,corvin,supports,{word},report,the author,alleged,,",
        f"c3,front,corvin,supports,{word}y,report,the author,alleged,,",  # 40 characters
    ) if "short" in p] == [
        f"case/edges.csv:3: warning: source_text '{word}' is too short to show the claim; "
        "quote the passage that supports it (2 words at least)"]


def test_only_the_row_after_a_stray_quote_is_said_to_be_shifted(casebook):
    shifted = [p for p in claim_problems(
        casebook(), C1,
        'c6,front,corvin,associated_with,"money, through the "El Palito" refinery, and more",'
        'report,the author,alleged,,',
        "c7,front,corvin,supports,the Front,report,the author,alleged,,",
    ) if "shifted" in p]
    assert shifted == ["case/edges.csv:3: the values from here on look shifted by one column: "
                       "a `\"` inside a field may be unescaped; write it as `\"\"`"]


def cite(root, doc: str) -> None:
    """Make the claim on line 3 of edges.csv cite `doc`."""
    lines = (root / "edges.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace(",report,", f",{doc},")
    (root / "edges.csv").write_text("".join(lines), encoding="utf-8")


@pytest.mark.parametrize("memos, hint", [
    # up to ten sources are listed by id; past ten, a doc like none gets no hint
    (9, "(sources.csv has: report, memo-1, memo-2, memo-3, memo-4, memo-5, memo-6, memo-7, "
        "memo-8, memo-9)"),
    (10, "(sources.csv has 11 sources)")])
def test_an_unknown_source_doc_is_told_the_sources(casebook, memos, hint):
    root = casebook()
    with (root / "sources.csv").open("a", encoding="utf-8") as f:
        for n in range(1, memos + 1):
            f.write(f"memo-{n},Memo {n},sources/report.txt,,,\n")
    cite(root, "zzzz")
    assert f"case/edges.csv:3: unknown source_doc 'zzzz' {hint}" in problems_of(root)


def test_a_sources_csv_without_sources(casebook):
    root = casebook()
    (root / "sources.csv").write_text(SOURCES, encoding="utf-8")
    assert [p for p in problems_of(root) if "source_doc" in p] == [
        f"case/edges.csv:{line}: unknown source_doc 'report' (sources.csv has: none)"
        for line in range(2, 7)]


def test_a_long_quote_is_shortened_to_160_characters():
    assert validation._short("a" * 160) == repr("a" * 160)
    assert validation._short("a" * 161) == repr("a" * 159 + "…")
    assert validation._short(" a \n b  ") == repr("a b")


def test_validate_casebook_is_not_strict_unless_asked(casebook):
    root = casebook("unused-actor")
    report = validation.validate_casebook(root)
    assert [str(p) for p in report.warnings] == [
        "case/nodes.csv:7: warning: actor 'ghost' has no claims"]


def test_validate_casebook_steps_once_per_source(casebook):
    root = casebook()
    with (root / "sources.csv").open("a", encoding="utf-8") as f:
        f.write("memo,A Memo,sources/report.txt,,,\n")
    steps = []
    validation.validate_casebook(root, step=lambda: steps.append(1))
    assert len(steps) == 2


# --- the quote search in two processes ------------------------------------------------------

# Records of the `query` fixture's edges.csv by position (q01 is 0): report holds q01-q08, q10
# and q12; brief holds q09, q11 and q13. The second part also looks for q01's quote in brief.
PARTS = [("report", [0, 1]), ("brief", [8, 0]), ("report", [2, 3, 4]), ("brief", [10])]


@pytest.fixture
def child(monkeypatch):
    """`in_child` run here: records how many documents the child's part has."""
    parts = []

    def here(job):
        result = job()
        parts.append(len(result[0]))  # (spans by document, what `also` gave)
        return lambda: result

    monkeypatch.setattr(validation, "in_child", here)
    return parts


def test_the_child_searches_the_first_share_of_the_quotes(monkeypatch, child):
    book = read_casebook(FIXTURES / "query")
    quotes = book.claims.columns["source_text"]
    expected = [[book.documents[doc].locate(quotes[i]) for i in records]
                for doc, records in PARTS]
    assert [span is None for found in expected for span in found] == [
        False, False, False, True, False, False, False, False]
    monkeypatch.setattr(validation, "APART", 9)  # 8 quotes: searched here alone
    assert validation._locate(book, PARTS, 0.5)() == (expected, None)
    assert child == []
    monkeypatch.setattr(validation, "APART", 8)
    located, also = validation._locate(book, PARTS, 0.5, lambda: "also ran")()
    assert also == "also ran"
    # Half of the 8 quotes are in the first two parts: the child searches those.
    assert child == [2]
    assert located == expected
    assert all(isinstance(span, Span) for found in located for span in found if span)


def test_validation_with_the_split_search_finds_the_same(monkeypatch, child, casebook):
    root = casebook()
    cite(root, "zzzz")
    alone = validation.validate(read_casebook(root))
    monkeypatch.setattr(validation, "APART", 1)
    assert validation.validate(read_casebook(root)) == alone
    assert child == [1]
