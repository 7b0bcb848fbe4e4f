"""`actorgraph validate`: every failure named with file, line and value; exit 1; no traceback."""

from __future__ import annotations

import pytest

from actorgraph.cli import cli

RELATIONS = (
    "allied_with, cooperates_with, met_with, logistics_link, transfers_with, requests_from, "
    "supports, economic_support, finances, provides_safe_haven, protects, supplies_arms_to, "
    "military_presence_in, targets, attacks, armed_conflict_with, operates_in, traffics_with, "
    "threatens, hostile_to, sanctions, designates, detains, condemns, part_of, member_of, "
    "official_of, leads, associated_with"
)
TYPES = ("state, territory, government_body, military_unit, armed_group, criminal_network, "
         "organisation, person, facility, bloc")
CERTAINTIES = "confirmed, asserted, alleged, suspected, implied"
ISO = "is not an ISO 8601 date (use YYYY, YYYY-MM or YYYY-MM-DD)"

CASES = {
    "missing-file": [
        "case/nodes.csv: file is missing; it needs the columns id, name, type, aliases, "
        "description"],
    "not-a-file": ["case/edges.csv: is a folder; give a text file"],
    "not-utf8": [
        "case/nodes.csv:3: is not UTF-8 (byte 0x92); convert it to UTF-8, e.g. "
        "`iconv -f WINDOWS-1252 -t UTF-8 nodes.csv > nodes-utf8.csv`, or save it from your "
        "spreadsheet as 'CSV UTF-8'"],
    "missing-column": [
        "case/edges.csv:1: missing column 'certainty' (the header has: id, source, target, "
        "relation, source_text, source_doc, claimed_by, date, notes)"],
    "blank-value": ["case/nodes.csv:3: 'name' is blank; it is required"],
    "duplicate-id": ["case/edges.csv:5: duplicate id 'c2' (first on line 3)"],
    "alias-conflict": ["case/nodes.csv:6: alias 'NF' of 'corvin' also names 'front' (line 4)"],
    "unknown-type": [
        f"case/nodes.csv:4: type 'militia' is not an actor type (did you mean 'armed_group'? "
        f"valid: {TYPES})"],
    "unknown-relation": [
        "case/edges.csv:2: relation 'supplys_arms_to' is not a relation type (did you mean "
        f"'supplies_arms_to'? valid: {RELATIONS})"],
    "unknown-certainty": [
        "case/edges.csv:5: certainty 'likely' is not a certainty level (did you mean "
        f"'suspected'? valid, strongest first: {CERTAINTIES})"],
    "unknown-actor": [
        "case/edges.csv:6: source 'frnt' is not an actor id (did you mean 'front'?)"],
    "unknown-source-doc": [
        "case/edges.csv:3: unknown source_doc 'reprot' (sources.csv has: report)"],
    "missing-document": [
        "case/sources.csv:2: document file 'sources/missing.txt' not found (looked for "
        "case/sources/missing.txt)"],
    "bad-date": [f"case/edges.csv:2: date '3rd November' {ISO}",
                 f"case/edges.csv:4: date '2024-13' {ISO}"],
    "quote-not-found": [
        "case/edges.csv:2: source_text not found in 'report': \"The Northern Front, says the "
        "ministry, has recieved rifles from Aldovia's army.\"; closest passage: \"The Northern "
        "Front, says the ministry, has received rifles from Aldovia's army.\""],
}


@pytest.mark.parametrize("defect", sorted(CASES))
def test_each_defect_is_reported_exactly(runner, casebook, defect):
    root = casebook(defect)
    result = runner.invoke(cli, ["validate", "--data", str(root.name)])
    assert result.exit_code == 1, result.output
    expected = CASES[defect]
    errors = len(expected)
    summary = f"{errors} error{'s' if errors != 1 else ''} in the casebook."
    assert result.stderr.splitlines() == [*expected, summary]
    assert result.stdout == ""
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_many_errors_are_all_reported_in_one_run(runner, casebook):
    casebook("many-errors")
    result = runner.invoke(cli, ["validate", "--data", "case"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[:-1] == [
        f"case/nodes.csv:3: type 'army' is not an actor type (did you mean 'military_unit'? "
        f"valid: {TYPES})",
        "case/nodes.csv:4: 'name' is blank; it is required",
        "case/nodes.csv:5: alias 'Aldovian Republic' of 'brenn' also names 'aldovia' (line 2)",
        "case/edges.csv:3: relation 'part_off' is not a relation type (did you mean 'part_of'? "
        f"valid: {RELATIONS})",
        "case/edges.csv:4: target 'fromt' is not an actor id (did you mean 'front'?)",
        f"case/edges.csv:4: date '24' {ISO}",
        "case/edges.csv:5: duplicate id 'c3' (first on line 4)",
        "case/edges.csv:5: source_text not found in 'report': 'Officials in Brenn deny any "
        "deal'; closest passage: 'army. Officials in Brenn deny any \"arrangement\"'",
        "case/edges.csv:6: certainty 'maybe' is not a certainty level (did you mean "
        f"'suspected'? valid, strongest first: {CERTAINTIES})",
        "case/edges.csv:6: unknown source_doc 'memo' (sources.csv has: report)",
    ]
    assert lines[-1] == "10 errors in the casebook."


def test_good_casebook_passes(runner, casebook):
    casebook()
    result = runner.invoke(cli, ["validate", "--data", "case"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ("ok: 5 actors, 5 claims, 1 source; every quote found in its "
                             "document\n")
    assert result.stderr == ""


@pytest.mark.parametrize("variant", ["bom-multiline", "kumu-headers"])
def test_bom_multiline_fields_and_kumu_headers_are_accepted(runner, casebook, variant):
    casebook(variant)
    result = runner.invoke(cli, ["validate", "--data", "case"])
    assert result.exit_code == 0, result.output


def test_multiline_description_is_kept_and_later_lines_numbered(runner, casebook):
    from actorgraph.casebook.read import read_casebook

    book = read_casebook(casebook("bom-multiline"))
    assert book.actors.records[0]["id"] == "aldovia"  # the BOM is not part of the header
    assert book.actors.records[0]["description"] == (
        "A state in the report,\nspread over two lines.")
    assert book.actors.lines == [2, 4, 5, 6, 7]


def test_warning_is_printed_but_passes_unless_strict(runner, casebook):
    casebook("unused-actor")
    result = runner.invoke(cli, ["validate", "--data", "case"])
    assert result.exit_code == 0
    assert result.stderr == "case/nodes.csv:7: warning: actor 'ghost' has no claims\n"
    strict = runner.invoke(cli, ["validate", "--data", "case", "--strict"])
    assert strict.exit_code == 1
    assert strict.stderr.splitlines() == [
        "case/nodes.csv:7: actor 'ghost' has no claims", "1 error in the casebook."]


def test_missing_casebook_folder(runner, casebook):
    casebook()
    result = runner.invoke(cli, ["validate", "--data", "nowhere"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "nowhere: is not a casebook folder (it should hold nodes.csv, edges.csv, sources.csv "
        "and sources/)")


def test_document_not_utf8_is_named_on_its_sources_line(runner, casebook):
    root = casebook()
    (root / "sources" / "report.txt").write_bytes(b"A Field Report\nCaf\xe9 owners.\n")
    result = runner.invoke(cli, ["validate", "--data", "case"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "case/sources.csv:2: document 'sources/report.txt' (its line 2) is not UTF-8 "
        "(byte 0xe9); convert it to UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8 report.txt > "
        "report-utf8.txt`, or save it as UTF-8 from your editor")


def test_validate_never_modifies_the_data(runner, casebook):
    root = casebook("many-errors")
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    runner.invoke(cli, ["validate", "--data", "case"])
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


CLAIMS = "id,source,target,relation,source_text,source_doc,claimed_by,certainty,date,notes\n"


def claim_problems(runner, root, *rows: str) -> list[str]:
    """What `validate` prints when edges.csv holds `rows`, but the warnings on nodes.csv
    (actors left in no claim: not the point of these tests)."""
    (root / "edges.csv").write_text(CLAIMS + "".join(r + "\n" for r in rows), encoding="utf-8")
    result = runner.invoke(cli, ["validate", "--data", "case"])
    assert result.exit_code == 1
    return [line for line in result.stderr.splitlines() if "nodes.csv" not in line]


def test_problems_keep_their_order_on_a_line(runner, casebook):
    # A self-tie, then the quote's source on the same line; nothing else wrong with a value.
    assert claim_problems(
        runner, casebook(),
        "c1,front,front,supports,the Front,memo,the author,alleged,,",
        "c2,brenn,front,hostile_to,Officials in Brenn,report,the author,alleged,,",
        "c2,corvin,corvin,supports,,report,the author,alleged,,",
        "c4,aldovia,corvin,supports,the Front,memo,the author,alleged,,",
    ) == [
        "case/edges.csv:2: warning: claim ties 'front' to itself",
        "case/edges.csv:2: unknown source_doc 'memo' (sources.csv has: report)",
        "case/edges.csv:4: 'source_text' is blank; it is required",
        "case/edges.csv:4: duplicate id 'c2' (first on line 3)",
        "case/edges.csv:4: warning: claim ties 'corvin' to itself",
        "case/edges.csv:5: unknown source_doc 'memo' (sources.csv has: report)",
        "4 errors in the casebook.",
    ]


def test_value_problems_come_in_column_order_before_the_quote(runner, casebook):
    assert claim_problems(
        runner, casebook(),
        "c1,frnt,frnt,part_off,the Front,memo,the author,likely,2024-13,",
        "c2,brenn,front,hostile_to,Officials in Brenn,report,the author,alleged,2024-13,",
        "c3,front,front,supports,the Front,report,the author,alleged,,",
    ) == [
        "case/edges.csv:2: source 'frnt' is not an actor id (did you mean 'front'?)",
        "case/edges.csv:2: target 'frnt' is not an actor id (did you mean 'front'?)",
        "case/edges.csv:2: relation 'part_off' is not a relation type (did you mean 'part_of'? "
        f"valid: {RELATIONS})",
        "case/edges.csv:2: certainty 'likely' is not a certainty level (did you mean "
        f"'suspected'? valid, strongest first: {CERTAINTIES})",
        f"case/edges.csv:2: date '2024-13' {ISO}",
        "case/edges.csv:2: warning: claim ties 'frnt' to itself",
        "case/edges.csv:2: unknown source_doc 'memo' (sources.csv has: report)",
        f"case/edges.csv:3: date '2024-13' {ISO}",
        "case/edges.csv:4: warning: claim ties 'front' to itself",
        "7 errors in the casebook.",
    ]


def test_rows_and_lines_around_blank_short_and_multiline_rows(casebook):
    from actorgraph.casebook.read import read_casebook

    root = casebook()
    (root / "sources.csv").write_text(
        "id,title,path,url,published,publisher,extra\r\n"
        "\r\n"
        "report,\"A Field\r\nReport\",sources/report.txt,u,2024-03,p,x\r\n"
        " , ,,,,,\r\n"
        "other,Short,sources/report.txt\r\n", encoding="utf-8")
    sources = read_casebook(root).sources
    assert sources.lines == [3, 6]
    assert sources.records == [
        {"id": "report", "title": "A Field\r\nReport", "path": "sources/report.txt", "url": "u",
         "published": "2024-03", "publisher": "p", "reliability": "", "extra": "x"},
        {"id": "other", "title": "Short", "path": "sources/report.txt", "url": "",
         "published": "", "publisher": "", "reliability": "", "extra": ""},  # every column
    ]


def test_a_tie_between_suggestions_goes_to_the_actor_listed_first(runner, casebook):
    root = casebook()
    with open(root / "nodes.csv", "a", encoding="utf-8") as f:
        f.write("sara-159,Sara,state,,\nsaha-190,Saha,state,,\n")
    edges = (root / "edges.csv").read_text(encoding="utf-8")
    (root / "edges.csv").write_text(edges.replace("c2,aldovian-army,aldovia",
                                                  "c2,saga-191,aldovia"), encoding="utf-8")
    result = runner.invoke(cli, ["validate", "--data", "case"])
    assert result.exit_code == 1
    assert ("case/edges.csv:3: source 'saga-191' is not an actor id (did you mean "
            "'sara-159'?)") in result.stderr


def test_an_unknown_document_among_many_is_named_with_a_suggestion(runner, casebook):
    root = casebook()
    with open(root / "sources.csv", "a", encoding="utf-8") as f:
        for n in range(1, 12):
            f.write(f"memo-{n:02},Memo {n},sources/report.txt,,,\n")
    edges = (root / "edges.csv").read_text(encoding="utf-8")
    lines = edges.splitlines(keepends=True)
    lines[2] = lines[2].replace(",report,", ",memo-O7,")  # a letter O typed for a zero
    (root / "edges.csv").write_text("".join(lines), encoding="utf-8")
    result = runner.invoke(cli, ["validate", "--data", "case"])
    assert result.exit_code == 1
    assert ("case/edges.csv:3: unknown source_doc 'memo-O7' (did you mean 'memo-07'? "
            "sources.csv has 12 sources)") in result.stderr


def _repeats_one_by_one(claims: list[dict]) -> list[tuple[int, str]]:
    """What `repeated_claims` should say, worked out claim by claim in the plainest way:
    (line, message start) of each warning, in order."""
    from actorgraph.schema import RELATIONS as KINDS
    from actorgraph.text import fold

    said, seen = [], []  # seen: (tie, folded quote, date, id, line) of the claims before
    for line, claim in enumerate(claims, start=2):
        ends = (claim["source"], claim["target"])
        if not KINDS[claim["relation"]].directed:
            ends = tuple(sorted(ends))
        tie = (*ends, claim["relation"], claim["source_doc"])
        same_tie = [s for s in seen if s[0] == tie]
        quote = fold(claim["source_text"]).casefold()
        repeated = [s for s in same_tie if s[1] == quote]
        seen.append((tie, quote, claim["date"], claim["id"], line))
        if repeated:
            said.append((line, f"claim {claim['id']!r} repeats claim {repeated[0][3]!r}"))
            seen.pop()  # a repeat is not a claim of its own for those after it
            continue
        dated = [s for s in same_tie if s[2]]  # the first dated one sets the date
        if claim["date"] and dated and not (dated[0][2].startswith(claim["date"])
                                            or claim["date"].startswith(dated[0][2])):
            said.append((line, f"claim {claim['id']!r} dates this tie {claim['date']!r}"))
    return said


@pytest.mark.parametrize("seed", range(20))
def test_repeated_claims_match_a_claim_by_claim_reading(seed):
    _repeats_checked(seed)


def test_the_random_claims_repeat_and_date_ties_twice():
    said = [_repeats_checked(seed) for seed in range(20)]
    assert sum(said) > 40 and said.count(0) < 10, said


def _repeats_checked(seed: int) -> int:
    """Random claims' repeats, as found and as worked out one by one; how many."""
    import random
    from pathlib import Path

    from actorgraph.casebook.duplicates import repeated_claims
    from actorgraph.casebook.read import Contents, Rows

    rng = random.Random(seed)
    relations = ["supports", "met_with", "allied_with", "finances"]  # two of each kind
    claims = [{"id": f"c{i}", "source": rng.choice("abcd"), "target": rng.choice("abcd"),
               "relation": rng.choice(relations), "source_doc": rng.choice(["d1", "d2"]),
               "source_text": rng.choice(["Iran  armed them", "iran armed them",
                                          "\u201cIran\u201d armed them", "They met twice"]),
               "date": rng.choice(["", "2020", "2020-05", "2021", "2020-06-01"])}
              for i in range(rng.randint(5, 60))]
    columns = {name: [c[name] for c in claims] for name in claims[0]}
    rows = Rows("edges.csv", columns, list(range(2, len(claims) + 2)))
    found: list = []
    repeated_claims(Contents(Path("."), None, rows, None, {}, []), found)
    expected = _repeats_one_by_one(claims)
    assert [(p.line, p.message[:len(m)]) for p, (_l, m) in zip(found, expected)] == expected
    assert len(found) == len(expected)
    return len(found)
