"""The explorer page's JavaScript against the Python definitions it shares.

Name folding (`text.name_key`) and the path rule (`graph.paths.find_paths`) are defined once, in
Python; the page does the same in js/10-names.js and js/20-paths.js. Here cases are made from
the Python definitions and written to a JSON file, and `node --test tests/js/*.test.js` checks
the page's functions on them (the environment variable ACTORGRAPH_JS_CASES names the file;
without it those Node tests skip themselves). Every file of the page's script must parse, alone
and joined as the page joins them.

By hand: `ACTORGRAPH_JS_CASES=cases.json node --test tests/js/*.test.js`, with the file written
by `write_cases`. In CI (the CI environment variable set) node must be there: a missing node
fails the run instead of skipping, as a missing Chromium does (tests/browser/conftest.py).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import unicodedata
from itertools import product
from pathlib import Path

import networkx as nx
import pytest

from actorgraph.errors import NoPath
from actorgraph.graph.paths import find_paths
from actorgraph.graph.ties import claim_ties, gather, ties
from actorgraph.page import render
from actorgraph.page.render import folding_tables
from actorgraph.schema import CERTAINTIES, FAMILIES
from actorgraph.text import FOLD, name_key
from helpers import REPO, random_claims_graph

JS_TESTS = REPO / "tests" / "js"
PAGE_JS = REPO / "src" / "actorgraph" / "page" / "js"
CODE_POINTS = range(0x110000)

# Names whose keys are easy to get wrong: quotes, dashes and spaces FOLD makes plain, what
# str.strip strips and JavaScript's trim() does not (and the other way round), accents and
# other combining marks, ligatures and compatibility forms NFKD takes apart, letters whose
# casefold() is not their lower(), final sigma, scripts without case, characters Python's
# Unicode may not know yet (U+1E030, U+A7CB, U+1C89).
TRICKY = [
    "Iran's proxies", "Iran’s proxies", "Al—Quds", "U.S.", "Émile Dask", "Straße", "STRAẞE",
    "ΣΟΦΟΣ", "ὈΔΥΣΣΕΎΣ", "σοφός", "ς", "ΑΣ ΒΣ", "a - b", "a -- b", "-lead", "trail.", "...",
    "a\xa0\xa0b", "a\u2009\u2009b", "a\u3000b", "\x1c name \x1f", "\x85x\x85", "\ufeffbom\ufeff",
    "zero\u200bwidth", "\u200d", "\u2028line\u2029", "tab\tand\nnewline\r\v\f", "", "   ",
    "“quoted”", "„low“", "‘single’", "‛reversed‛", "ʼokina", "it′s″", "a‐b‑c‒d–e—f―g−h",
    "ﬁnance", "ﬀ", "ﬅ", "Ǆemal", "ǅ", "ǈ", "İstanbul", "ıi", "ǰ", "ŉ", "ΐ", "ﾊﾝｶｸ", "Ｆｕｌｌ",
    "x\u0301\u0323y", "\u0345", "ℌ", "①", "㎏", "…", "‥", "Ꭰꭰ", "ꮰ", "Å", "A\u030a", "\u212a",
    "\u2126", "µ", "ſ", "𝐁𝐨𝐥𝐝", "🙂 emoji", "한국어", "\u1100\u1161", "日本語", "עִבְרִית", "العَرَبِيَّة",
    "हिन्दी", "ﷺ", "\u1e9e", "\U0001e030", "\ua7cb", "\u1c89", "Jürgen-Müller", "Ⅻ", "ǲ", "ﬆ",
    "Ǉ", "ῼ", "\u0130\u0307", "ⓐⓑ", "¼", "x²", "\u00ad", "a\u0338", "\U000e0041",
]

# Blocks the random names draw from, as (first, last) code points.
BLOCKS = [
    (0x20, 0x7E), (0xA0, 0xFF), (0x100, 0x24F), (0x250, 0x2FF), (0x300, 0x36F),
    (0x370, 0x3FF), (0x400, 0x4FF), (0x530, 0x58F), (0x590, 0x5FF), (0x600, 0x6FF),
    (0x900, 0x97F), (0xE00, 0xE7F), (0x10A0, 0x10FF), (0x1100, 0x11FF), (0x13A0, 0x13FF),
    (0x1C80, 0x1CBF), (0x1E00, 0x1EFF), (0x1F00, 0x1FFF), (0x2000, 0x206F), (0x2100, 0x218F),
    (0x2460, 0x24FF), (0x2C00, 0x2C7F), (0x3000, 0x30FF), (0x3300, 0x33FF), (0x4E00, 0x9FFF),
    (0xA640, 0xA69F), (0xA720, 0xA7FF), (0xAB70, 0xABBF), (0xAC00, 0xD7A3), (0xFB00, 0xFB4F),
    (0xFB50, 0xFDFF), (0xFE70, 0xFEFF), (0xFF00, 0xFFEF), (0x10400, 0x1044F),
    (0x1D400, 0x1D7FF), (0x1E000, 0x1E08F), (0x1F100, 0x1F1FF), (0x1F300, 0x1F6FF),
]
SPACES = [c for c in map(chr, range(0x3001)) if c.isspace()] + ["\ufeff", "\u200b"]


def members(runs: list[int]) -> set[int]:
    """The code points of a set the page gets as its runs, [gap, span, ...]."""
    found: set[int] = set()
    end = 0
    for gap, span in zip(runs[::2], runs[1::2]):
        start = end + gap
        end = start + span
        found.update(range(start, end + 1))
    return found


def random_names(seed: int, n: int) -> list[str]:
    """`n` names of 1-12 characters from the blocks above, spaces, FOLD's characters, hyphens,
    full stops and any code point at all (no surrogates: UTF-8 text holds none)."""
    rng = random.Random(seed)
    folded = [chr(k) for k in FOLD]

    def char() -> str:
        pick = rng.random()
        if pick < 0.1:
            return rng.choice(SPACES + folded + ["-", ".", "'"])
        if pick < 0.2:
            while 0xD800 <= (code := rng.randrange(0x110000)) <= 0xDFFF:
                pass
            return chr(code)
        return chr(rng.randint(*rng.choice(BLOCKS)))

    return ["".join(char() for _ in range(rng.randint(1, 12))) for _ in range(n)]


def name_cases() -> list[list[str]]:
    """[name, name_key(name)] for the tricky names and random ones."""
    return [[name, name_key(name)] for name in TRICKY + random_names(12, 400)]


def unicode_cases() -> dict:
    """Python's NFKD and lower() of each code point it assigns, where they change it: the
    page leaves both to the browser, so Node must agree with Python on every one."""
    nfkd, lower = {}, {}
    for code in CODE_POINTS:
        c = chr(code)
        if unicodedata.category(c) in ("Cn", "Cs"):
            continue
        if (d := unicodedata.normalize("NFKD", c)) != c:
            nfkd[code] = d
        if (low := c.lower()) != c:
            lower[code] = low
    return {"nfkd": nfkd, "lower": lower}


TRICKY_IDS = ["", "\uff21", "\U0001f600", "é", "Z", "\ue000", "\U00010000"]


def renamed(G: nx.MultiDiGraph, rng: random.Random) -> nx.MultiDiGraph:
    """G with ids Python and JavaScript sort differently unless the page sorts by code point
    (a character past U+FFFF sorts after U+FFxx in Python, before it in UTF-16)."""
    actor = {n: rng.choice(TRICKY_IDS) + n for n in G}
    H = nx.MultiDiGraph(**G.graph)
    H.add_nodes_from((actor[n], a) for n, a in G.nodes(data=True))
    for u, v, key, a in G.edges(keys=True, data=True):
        claim = rng.choice(TRICKY_IDS) + key
        H.add_edge(actor[u], actor[v], key=claim, **a | {"id": claim})
    return H


def path_cases(graphs: int = 60, pairs: int = 40) -> list[dict]:
    """Random casebook graphs, each with pairs of actors and `find_paths`'s answer for them,
    following arrows and not: the best path's actors, its weakest certainty, how many
    shortest paths there are and each hop's claims in order; or None (NoPath)."""
    rng = random.Random(7)
    cases = []
    for seed in range(graphs):
        G = random_claims_graph(seed, actors=rng.choice((6, 10, 16, 30)),
                                claims=rng.choice((8, 20, 40, 80)), lone=rng.choice((0, 1, 3)))
        if seed % 2:
            G = renamed(G, rng)
        actors = sorted(G)
        asked = []
        for _ in range(pairs):
            source, target = rng.sample(actors, 2)
            directed = rng.random() < 0.5
            # A third of the pairs are asked with the page's document filter on: the page
            # passes only the shown documents' claims, as `documents=` narrows them here.
            docs = rng.choice((None, None, ["doc", "y"], ["x"]))
            try:
                result = find_paths(G, source, target, directed=directed,
                                    documents=docs or ())
            except NoPath:
                asked.append([source, target, directed, docs, None])
                continue
            best = result.paths[0]
            asked.append([source, target, directed, docs, {
                "actors": best.actors, "weakest": best.weakest,
                "corroboration": best.corroboration,
                "shortest": len(result.paths) + result.more,
                "hops": [[key for _u, _v, key, _a in hop] for hop in best.hops],
                "listed": [p.actors for p in result.paths]}])
        support = claim_ties(ties(G))
        claims = [[key, u, v, a["certainty"], a["directed"], support[key].publishers,
                   a["source_doc"]] for u, v, key, a in G.edges(keys=True, data=True)]
        cases.append({"claims": claims, "pairs": asked})
    return cases


def support_cases() -> list[list]:
    """[affirming, denying, documents, publishers, Tie.support()] for ties of every mix of
    up to three affirming and three denying claims over documents of one publisher, another
    and none, as the page words them (js/25-ties.js)."""
    publisher = {"d1": "Wire", "d2": "Wire", "d3": "Monitor", "d4": ""}
    found = {}
    for affirming, denying in product(range(4), range(4)):
        for docs in product(publisher, repeat=affirming + denying):
            if not docs:
                continue
            claims = [("a", "b", f"c{i}", {"relation": "supports", "certainty": "alleged",
                                          "source_doc": doc, "claimed_by": "x",
                                          "stance": "denies" if i >= affirming else "affirms"})
                      for i, doc in enumerate(docs)]
            (tie,) = gather(claims, publisher.__getitem__).values()
            key = (tie.affirming, tie.denying, tie.documents, tie.publishers)
            found[key] = [*key, tie.support()]
    return sorted(found.values())


def write_cases(path: Path) -> dict:
    """The cases the Node tests read, written to `path` as JSON; returns them."""
    cases = {"folding": folding_tables(), "names": name_cases(), "unicode": unicode_cases(),
             "certainties": list(CERTAINTIES), "paths": path_cases(),
             "support": support_cases(),
             "families": {name: f.glyph for name, f in FAMILIES.items()}}
    path.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    return cases


def _missing() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed (apt-get install nodejs)"
    return None


@pytest.fixture(scope="module")
def node() -> str:
    missing = _missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"the page's JavaScript tests must run in CI, but {missing}",
                        pytrace=False)
        pytest.skip(missing)
    return shutil.which("node")


def run_node(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=300)


def test_page_functions_match_the_python_definitions(node, tmp_path):
    cases = write_cases(tmp_path / "cases.json")
    assert len(cases["names"]) > 400 and sum(len(g["pairs"]) for g in cases["paths"]) > 2000
    found = [pair[4] for g in cases["paths"] for pair in g["pairs"]]
    assert None in found and any(f and f["shortest"] > 1 for f in found)  # both kinds asked
    assert any(pair[3] and pair[4] for g in cases["paths"] for pair in g["pairs"])
    assert sum(1 for f in found if f and len(f["listed"]) > 2) > 50  # rankings to compare
    support = {case[-1] for case in cases["support"]}
    assert any(s.startswith("disputed") for s in support) and len(support) > 10
    tests = sorted(str(p) for p in JS_TESTS.glob("*.test.js"))
    assert {"geometry.test.js", "names.test.js", "paths.test.js", "ties.test.js",
            "state.test.js", "glyphs.test.js"} <= {Path(t).name for t in tests}
    env = os.environ | {"ACTORGRAPH_JS_CASES": str(tmp_path / "cases.json")}
    done = run_node(node, "--test", *tests, env=env)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "skipped 0" in output, output  # the cases reached every test


def test_every_script_file_parses_alone_and_joined(node, tmp_path):
    scripts = render.page_scripts()
    assert [name for name, _ in scripts] == sorted(p.name for p in PAGE_JS.glob("*.js"))
    for name, _ in scripts:
        done = run_node(node, "--check", str(PAGE_JS / name))
        assert done.returncode == 0, done.stderr
    # Joined, a name declared twice (by two files) would stop the page's script.
    joined = tmp_path / "explorer.js"
    joined.write_text(render.explorer_script(scripts), encoding="utf-8")
    done = run_node(node, "--check", str(joined))
    assert done.returncode == 0, done.stderr


def test_the_page_script_is_its_files_in_order():
    script, _css = render.page_assets()
    at = [script.index(f"// js/{name}\n{text.rstrip()}\n") for name, text in render.page_scripts()]
    assert at == sorted(at) and len(at) >= 10


def test_a_script_that_would_close_its_element_is_refused(monkeypatch):
    from actorgraph.casebook.validate import validate_casebook
    from actorgraph.graph.build import build_graph

    report = validate_casebook(REPO / "tests" / "fixtures" / "good")
    monkeypatch.setattr(render, "page_scripts",
                        lambda: (("10-bad.js", "const s = '</SCRIPT>';"),))
    with pytest.raises(RuntimeError, match="10-bad.js contains '</script'"):
        render.render_html(build_graph(report), report)


def test_folding_tables_hold_what_python_says():
    tables = folding_tables()
    assert tables["fold"] == {chr(k): v for k, v in FOLD.items()}
    assert members(tables["spaces"]) == {i for i in CODE_POINTS if chr(i).isspace()}
    assert members(tables["combining"]) == {
        i for i in CODE_POINTS if unicodedata.combining(chr(i))}
    assert members(tables["unassigned"]) == {
        i for i in CODE_POINTS if unicodedata.category(chr(i)) == "Cn"}
    assert tables["casefold"] == {
        chr(i): chr(i).casefold() for i in CODE_POINTS if chr(i).casefold() != chr(i).lower()}
    assert {"ß", "ς", "ſ", "ᏸ"} <= set(tables["casefold"]) and "Σ" not in tables["casefold"]
    assert "\x1c" in {chr(i) for i in members(tables["spaces"])}  # str.strip strips it
    # Small enough to travel in every page.
    assert len(json.dumps(tables, ensure_ascii=False, separators=(",", ":"))) < 12_000


def test_the_page_data_carries_the_folding_tables():
    from actorgraph.casebook.validate import validate_casebook
    from actorgraph.graph.build import build_graph

    report = validate_casebook(REPO / "tests" / "fixtures" / "explorer")
    data = render.page_data(build_graph(report), report)
    assert data["folding"] == json.loads(json.dumps(folding_tables()))


if __name__ == "__main__":  # write the cases for a run by hand
    write_cases(Path(sys.argv[1]))
