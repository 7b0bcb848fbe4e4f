"""Shared fixtures: a CLI runner and casebooks copied into a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import cli_runner

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.fixture
def runner() -> CliRunner:
    return cli_runner()


@pytest.fixture
def casebook(tmp_path, monkeypatch):
    """Make a casebook folder `case/` in a temporary working folder and return its path.

    `casebook()` is the good fixture; `casebook("name")` lays the files of
    `fixtures/bad/name/` (one defect each) or `fixtures/variants/name/` (the same casebook
    written another valid way) over it; a file `X.absent` removes X. The working folder is the
    temporary one, so messages name the files as `case/nodes.csv`.
    """
    monkeypatch.chdir(tmp_path)

    def make(defect: str | None = None, base: str = "good") -> Path:
        root = tmp_path / "case"
        shutil.copytree(FIXTURES / base, root)
        if defect:
            overlay = FIXTURES / "bad" / defect
            if not overlay.exists():
                overlay = FIXTURES / "variants" / defect
            for item in overlay.iterdir():
                target = root / item.name
                if item.suffix == ".absent":
                    (root / item.stem).unlink()
                elif item.is_dir():
                    if target.exists():
                        target.unlink() if target.is_file() else shutil.rmtree(target)
                    shutil.copytree(item, target)
                else:
                    shutil.copy(item, target)
        return root

    return make


@pytest.fixture
def article_casebook() -> Path:
    """The real casebook in data/."""
    return REPO / "data"


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Each test's graph cache lives in a temporary folder, never in ~/.cache."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(params=["store", "held"])
def stored(request, tmp_path):
    """`stored(G)`: a StoreReader over a new store holding the casebook graph G (its claims
    in edges.csv's order by number: c000, c001, ...); and, as the second parameter, over the
    parts of G held in memory (`held.Held`), as a casebook just read is asked."""
    from actorgraph.graph.build import Parts
    from actorgraph.store.database import Store
    from actorgraph.store.held import Held
    from actorgraph.store.reader import StoreReader

    opened = []

    def make(G) -> StoreReader:
        claims = list(G.edges(keys=True, data=True))
        if all(key.startswith("c") for _, _, key, _ in claims):  # random_claims_graph
            claims.sort(key=lambda claim: int(claim[2][1:]))  # by number
        parts = Parts(G.graph.get("sources", {}), dict(G.nodes(data=True)), claims)
        if request.param == "held":
            return StoreReader(Held(parts), "case")
        store = Store.create(tmp_path / f"s{len(opened)}.sqlite")
        store.write(tmp_path, [], parts, [], str, {})
        opened.append(store)
        return StoreReader(store, "case")

    yield make
    for store in opened:
        store.close()

