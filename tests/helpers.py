"""Helpers the tests share: loading a casebook's graph, comparing graphs, random casebook
graphs, reading a page's HTML, running the CLI, a store that takes files at once."""

from __future__ import annotations

import random
import time
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
from click.testing import CliRunner

from actorgraph.cli import cli
from actorgraph.schema import ACTOR_TYPES, CERTAINTIES, RELATIONS
from actorgraph.store import fingerprint
from actorgraph.workspace import open_casebook

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


def load_graph(root: Path | str) -> nx.MultiDiGraph:
    """The casebook's whole graph, as every command gets it (`open_casebook`)."""
    with open_casebook(root) as book:
        return book.graph()


def same_graph(G: nx.MultiDiGraph, H: nx.MultiDiGraph) -> bool:
    """Equal graphs, down to the order of nodes, edges, neighbours and attributes."""
    return (list(G.nodes(data=True)) == list(H.nodes(data=True))
            and [(u, v, k, list(d.items())) for u, v, k, d in G.edges(keys=True, data=True)]
            == [(u, v, k, list(d.items())) for u, v, k, d in H.edges(keys=True, data=True)]
            and [list(G.pred[n]) for n in G] == [list(H.pred[n]) for n in H]
            and G.graph == H.graph)


def random_claims_graph(seed: int, actors: int = 40, claims: int = 150, *,
                        lone: int = 3, loops: float = 0.05) -> nx.MultiDiGraph:
    """A graph shaped as `build_graph` makes them, at random: parallel claims, claims both
    ways, claims tying an actor to itself, `lone` actors without claims, every relation
    (directed and not) and certainty, names that repeat, hubs among the first actors."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph(casebook="case", sources={
        doc: {"id": doc, "title": f"Doc {doc}", "path": f"sources/{doc}.txt", "url": "",
              "published": "", "publisher": publisher, "reliability": ""}
        for doc, publisher in (("doc", "Wire"), ("x", "Wire"), ("y", ""))})
    for i in range(actors):
        ident = f"a{i:02d}"
        G.add_node(ident, id=ident, name=rng.choice(["Kaka", "Kari", "Sol", f"Actor {i}"]),
                   type=rng.choice(list(ACTOR_TYPES)),
                   aliases=[f"alias {i}"] if i % 3 == 0 else [], description="")
    ids = sorted(G)[: actors - lone]
    for i in range(claims):
        u = rng.choice(ids[: rng.choice((10, 25, len(ids)))])
        v = u if rng.random() < loops else rng.choice(ids)
        relation = rng.choice(list(RELATIONS))
        G.add_edge(u, v, key=f"c{i:03d}", id=f"c{i:03d}", relation=relation,
                   source_text=f"quote {i}", source_doc=rng.choice(("doc", "x", "y")),
                   claimed_by="someone", certainty=rng.choice(list(CERTAINTIES)), date="",
                   notes="", stance=rng.choice(("affirms", "affirms", "denies")),
                   directed=RELATIONS[relation].directed,
                   claimed_by_actor=rng.choice(("", "", ids[0])), paragraph=1, start=0,
                   end=7)
    return G


class Page(HTMLParser):
    """A page's elements by id, its scripts' texts and every attribute value."""

    def __init__(self, html: str):
        super().__init__()
        self.ids: dict[str, dict] = {}
        self.scripts: list[tuple[dict, str]] = []
        self.attributes: list[str] = []
        self._script: dict | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.attributes += [v for v in attrs.values() if v]
        if "id" in attrs:
            self.ids[attrs["id"]] = {"tag": tag, **attrs}
        if tag == "script":
            self._script = attrs
            self.scripts.append((attrs, ""))

    def handle_data(self, data):
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


def cli_runner() -> CliRunner:
    """A CliRunner keeping stderr apart from stdout (click 8.2 always does; 8.1, our lowest
    supported version, when asked)."""
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2: no such argument, stderr is apart
        return CliRunner()


def run(*args, **kwargs):
    """The CLI's (exit code, stdout, stderr) for these arguments."""
    result = cli_runner().invoke(cli, [str(a) for a in args], **kwargs)
    return result.exit_code, result.stdout, result.stderr


def quick_store(monkeypatch) -> None:
    """Files count as settled 50 ms after their last change (2 s in real use), and are."""
    monkeypatch.setattr(fingerprint, "RACY_NS", 50_000_000)
    time.sleep(0.06)


def on_a_terminal(*args: str, large: str = "actorgraph.workspace", env: dict | None = None
                  ) -> str:
    """What `actorgraph ARGS` writes on stderr when stderr is a terminal (a pseudo-terminal),
    stdout going to a pipe, every casebook counting as large enough for progress bars (the
    module `large`'s NOTICE_MB set to 0)."""
    import os
    import subprocess
    import sys

    script = (f"import sys\nimport {large}\n{large}.NOTICE_MB = 0\n"
              "from actorgraph.cli import cli\ncli(sys.argv[1:])\n")
    leader, follower = os.openpty()
    try:
        child = subprocess.Popen([sys.executable, "-c", script, *map(str, args)],
                                 stderr=follower, stdout=subprocess.PIPE,
                                 stdin=subprocess.DEVNULL,
                                 env={**os.environ, **(env or {}), "COLUMNS": "100"})
        os.close(follower)
        written = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the child closed its end
                break
            if not chunk:
                break
            written += chunk
        assert child.wait(timeout=60) == 0, written
    finally:
        os.close(leader)
    return written.decode()


def random_casebook(seed: int, actors: int = 40, claims: int = 90, lone: int = 0,
                    loops: float = 0) -> nx.MultiDiGraph:
    """`random_claims_graph` whose names repeat (every 35 actors), aliases on every third."""
    G = random_claims_graph(seed, actors=actors, claims=claims, lone=lone, loops=loops)
    for i, actor in enumerate(G):
        G.nodes[actor]["name"] = f"Actor {i % 35}"
    return G


def path_answer(G, source: str, target: str, **options):
    """What `path` answers on the graph G: its records, or the message of NoPath."""
    from actorgraph import answers
    from actorgraph.errors import NoPath
    from actorgraph.graph.paths import find_paths

    try:
        return answers.path_records(G, find_paths(G, source, target, **options))
    except NoPath as err:
        return str(err)


def assert_same_paths(G, small, source: str, target: str, **options) -> None:
    """`path` answers the same on the part `small` of G as on G itself: the same records,
    or the same error."""
    import pytest

    from actorgraph.errors import ActorGraphError

    try:
        expected = path_answer(G, source, target, **options)
    except ActorGraphError as err:  # the same error must come back
        with pytest.raises(type(err), match=str(err)):
            path_answer(small, source, target, **options)
        return
    assert path_answer(small, source, target, **options) == expected, (source, target, options)

