"""Headless Chromium for the explorer page, with every request leaving the file refused.

In CI (the CI environment variable set) these tests must run: a missing Chromium or
playwright fails the run loudly instead of skipping.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from actorgraph.casebook.validate import validate_casebook
from actorgraph.graph.build import build_graph
from actorgraph.page.render import write_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]
HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def _missing() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed (pip install playwright)"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    return None


@pytest.fixture(scope="session")
def browser():
    missing = _missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI, but {missing}", pytrace=False)
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Explorer:
    """An explorer page opened from disk, with helpers that act through the UI."""

    def __init__(self, page, path: Path):
        self.page, self.path = page, path
        self.refused: list[str] = []
        self.errors: list[str] = []

    def wait_ready(self):
        # Ready means drawn with its first view set (no animation): nothing to wait for.
        self.page.wait_for_function("window.actorgraph && window.actorgraph.ready",
                                    timeout=60_000, polling=20)

    def settle(self, ms: int = 450):
        """Let view animations (focus, move) finish before reading positions."""
        self.page.wait_for_timeout(ms)

    def node_point(self, actor: str) -> tuple[float, float]:
        return tuple(self.page.evaluate("""id => {
            const net = window.actorgraph.network;
            const box = document.getElementById("network").getBoundingClientRect();
            const p = net.canvasToDOM(net.getPositions([id])[id]);
            return [box.left + p.x, box.top + p.y];
        }""", actor))

    def edge_point(self, claim: str) -> tuple[float, float]:
        """The middle of a claim's line (its curve, for parallel claims), on screen."""
        return tuple(self.page.evaluate("""id => {
            const net = window.actorgraph.network;
            const box = document.getElementById("network").getBoundingClientRect();
            const p = net.canvasToDOM(window.actorgraph.claimPoint(id));
            return [box.left + p.x, box.top + p.y];
        }""", claim))

    def click_edge(self, claim: str):
        self.page.mouse.click(*self.edge_point(claim))

    def click_node(self, actor: str):
        self.page.mouse.click(*self.node_point(actor))

    def count(self) -> str:
        return self.page.locator("#count").inner_text()

    def shown(self) -> tuple[set[str], set[str]]:
        """The actors and claims the network draws (its filtered views)."""
        nodes, edges = self.page.evaluate("""() => {
            const d = window.actorgraph.network.body.data;
            return [d.nodes.getIds(), d.edges.getIds()];
        }""")
        return set(nodes), set(edges)

    def lines(self) -> list[dict]:
        """The lines drawn now: [{id, tie (index), claim (id, or None for a tie's line)}]."""
        return self.page.evaluate("window.actorgraph.lines()")

    def tie_index(self, source: str, relation: str, target: str) -> int:
        """The page's index of the tie (source, relation, target), either way round."""
        return self.page.evaluate("""([s, r, t]) => window.actorgraph.data.ties.findIndex(
            x => x.relation === r && ((x.from === s && x.to === t) ||
                                      (x.from === t && x.to === s)))""", [source, relation, target])

    def point(self, canvas_point: dict) -> tuple[float, float]:
        """A canvas point on screen."""
        return tuple(self.page.evaluate("""p => {
            const net = window.actorgraph.network;
            const box = document.getElementById("network").getBoundingClientRect();
            const d = net.canvasToDOM(p);
            return [box.left + d.x, box.top + d.y];
        }""", canvas_point))

    def tie_point(self, index: int) -> tuple[float, float]:
        return self.point(self.page.evaluate(f"window.actorgraph.tiePoint({index})"))

    def panel_claims(self) -> list[str]:
        return self.page.locator("#panel .claim").evaluate_all(
            "els => els.map(e => e.dataset.claim)")


@pytest.fixture
def explorer(browser, tmp_path):
    """`explorer(fixture_dir, viewport=(width, height), hash="", **render_options)` opens its
    page (with `hash` after the file's address) and returns an Explorer."""
    contexts = []

    def open_page(casebook: Path, viewport=(1400, 900), hash: str = "",
                  **options) -> Explorer:
        report = validate_casebook(casebook)
        path = write_html(build_graph(report), report, tmp_path / f"{casebook.name}.html",
                          **options)
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                      accept_downloads=True)
        contexts.append(context)
        page = context.new_page()
        ex = Explorer(page, path)

        def guard(route):
            url = route.request.url
            if url == path.as_uri() or url.startswith(("data:", "blob:")):
                route.continue_()
            else:
                ex.refused.append(url)
                route.abort()

        context.route("**/*", guard)
        page.on("pageerror", lambda err: ex.errors.append(str(err)))
        page.goto(path.as_uri() + (f"#{hash}" if hash else ""))
        ex.wait_ready()
        opened.append(ex)
        return ex

    opened: list[Explorer] = []
    yield open_page
    for ex in opened:
        assert ex.refused == [], f"the page asked for {ex.refused}"
        assert ex.errors == [], f"script errors: {ex.errors}"
    for context in contexts:
        context.close()
