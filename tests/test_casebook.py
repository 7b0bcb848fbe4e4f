"""The article's casebook in data/: valid, every quote verbatim, every quote in the page."""

from __future__ import annotations

import csv
import json
import re
from html.parser import HTMLParser

from actorgraph.casebook.quotes import fragments
from actorgraph.cli import cli
from actorgraph.text import fold
from conftest import REPO

DATA = REPO / "data"


def rows(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_casebook_validates_strictly(runner):
    result = runner.invoke(cli, ["validate", "--data", str(DATA), "--strict"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_every_quote_is_verbatim_in_the_article():
    # Independent of actorgraph's quote index: plain folding and str.find, fragment by fragment.
    article = fold((DATA / "sources" / "iran-venezuela-nexus.txt").read_text(encoding="utf-8"))
    for claim in rows("edges.csv"):
        at = 0
        for piece in fragments(claim["source_text"]):
            found = article.find(piece, at)
            assert found >= 0, (claim["id"], piece)
            at = found + len(piece)


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.data_json = None
        self._in = False

    def handle_starttag(self, tag, attrs):
        self._in = tag == "script" and ("id", "casebook-data") in attrs

    def handle_data(self, data):
        if self._in:
            self.data_json = (self.data_json or "") + data

    def handle_endtag(self, tag):
        self._in = False


def test_build_writes_an_offline_page_holding_every_quote(runner, tmp_path):
    out = tmp_path / "page.html"
    result = runner.invoke(cli, ["build", "--data", str(DATA), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    # No element loads anything from the web.
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", html, re.I)
    assert not re.search(r"url\(\s*['\"]?https?:", html, re.I)
    parser = _Scripts()
    parser.feed(html)
    embedded = json.dumps(json.loads(parser.data_json), ensure_ascii=False)
    for claim in rows("edges.csv"):
        assert json.dumps(claim["source_text"], ensure_ascii=False) in embedded, claim["id"]
