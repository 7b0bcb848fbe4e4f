"""The explorer for keyboard and screen-reader users: an axe-core audit of the page in its
main states (axe-core as bundled by the axe-playwright-python package, injected into the page
from disk: nothing is fetched), and the keyboard reaching every actor, tie and claim."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent.parent / "fixtures"
REPO = Path(__file__).parent.parent.parent


@pytest.fixture(scope="module")
def axe_script() -> str:
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None:
        missing = "axe-playwright-python is not installed (pip install -e '.[test]')"
        if os.environ.get("CI"):
            pytest.fail(f"the accessibility audit must run in CI, but {missing}", pytrace=False)
        pytest.skip(missing)
    return (Path(spec.origin).parent / "axe.min.js").read_text(encoding="utf-8")


def serious(ex, axe_script: str) -> list[str]:
    """The serious and critical violations axe finds in the page as it stands."""
    if not ex.page.evaluate("typeof window.axe !== 'undefined'"):
        ex.page.evaluate(axe_script)
    found = ex.page.evaluate("""() => axe.run(document, { resultTypes: ['violations'] })
        .then(r => r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
        .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))""")
    return found


STATES = {
    "start": "() => {}",
    "actor": "() => window.actorgraph.focusActor('front')",
    "tie": "() => window.actorgraph.showTie(0)",
    "claim": "() => window.actorgraph.focusClaim('t6')",
    "path": "() => window.actorgraph.setPath({ from: 'aldovia', to: 'harrow' })",
    "no match": """() => { const s = document.getElementById('search'); s.focus();
        s.value = 'zzqq'; s.dispatchEvent(new Event('input')); }""",
    "suggestions": """() => { const s = document.getElementById('search'); s.focus();
        s.value = 'bren'; s.dispatchEvent(new Event('input')); }""",
    "keys": "() => document.getElementById('help').click()",
    "nothing shown": """() => { window.actorgraph.setFilterState({ hidden: { certainties:
        ['alleged', 'asserted', 'confirmed', 'suspected'] } }); }""",
}


@pytest.mark.parametrize("viewport", [(1400, 900), (390, 844)])
def test_axe_finds_no_serious_or_critical_violation(explorer, axe_script, viewport):
    ex = explorer(FIXTURES / "ties", viewport=viewport)
    for state, script in STATES.items():
        ex.page.evaluate(script)
        ex.page.wait_for_timeout(50)
        assert serious(ex, axe_script) == [], state
        ex.page.keyboard.press("Escape")
        ex.page.evaluate("() => { window.actorgraph.resetFilters();"
                         " window.actorgraph.clearPath(); }")
    if viewport[0] < 1100:  # the filters as a drawer
        ex.page.locator("#drawer-toggle").click()
        assert serious(ex, axe_script) == [], "drawer"


def test_the_article_page_passes_axe_too(explorer, axe_script):
    ex = explorer(REPO / "data")
    assert serious(ex, axe_script) == []
    ex.page.evaluate("() => window.actorgraph.focusActor('iran')")
    assert serious(ex, axe_script) == []
    # The audit can fail: pale grey text on white is a serious violation.
    ex.page.evaluate("""() => { const p = document.createElement('p');
        p.textContent = 'faint'; p.style.color = '#dddddd';
        document.getElementById('panel-body').append(p); }""")
    assert [v.split(":")[0] for v in serious(ex, axe_script)] == ["color-contrast"]


def focused(ex) -> dict:
    return ex.page.evaluate("""() => { const e = document.activeElement;
        return { tag: e.tagName, cls: e.className, claim: e.dataset.claim || null,
                 tie: e.dataset.tie || null, text: e.textContent.slice(0, 60),
                 inPanel: !!e.closest('#panel') }; }""")


def test_the_keyboard_reaches_an_actor_its_ties_and_claims(explorer):
    ex = explorer(FIXTURES / "ties")
    page = ex.page
    page.locator("body").click(position={"x": 5, "y": 300})  # nothing focused in particular
    page.keyboard.press("/")
    assert focused(ex)["tag"] == "INPUT"
    page.keyboard.type("northern")
    page.keyboard.press("Enter")
    panel = page.locator("#panel")
    assert panel.get_attribute("data-actor") == "front"
    # The panel's heading has the focus; Tab goes on through its ties and claims.
    assert focused(ex)["tag"] == "H2" and focused(ex)["inPanel"]
    seen = []
    for _ in range(25):
        page.keyboard.press("Tab")
        now = focused(ex)
        assert now["inPanel"], now  # the panel's rows come straight after its heading
        seen.append(now)
        if now["claim"]:
            break
    assert any(s["tie"] for s in seen) and seen[-1]["claim"]
    claim = seen[-1]["claim"]
    page.keyboard.press("Enter")
    assert panel.get_attribute("data-claim") == claim
    assert focused(ex)["tag"] == "H2"  # the claim's heading, not lost on the page
    page.keyboard.press("Shift+Tab")
    assert focused(ex)["cls"] == "back"
    page.keyboard.press("Enter")
    assert panel.get_attribute("data-actor") == "front"
    page.keyboard.press("Escape")
    assert panel.is_hidden()


def test_the_skip_link_and_the_key_list(explorer):
    ex = explorer(FIXTURES / "ties")
    page = ex.page
    page.keyboard.press("Tab")
    assert focused(ex)["text"] == "Skip to the side panel"
    ex.page.evaluate("() => window.actorgraph.showActor('front')")
    page.locator("#search").focus()
    page.locator("#skip").focus()
    page.keyboard.press("Enter")
    assert focused(ex)["tag"] == "H2" and focused(ex)["inPanel"]
    # "?" lists the keys; Esc closes that list only, then the panel.
    page.keyboard.press("?")
    assert page.locator("#shortcuts").is_visible()
    assert "fit what is shown into view" in page.locator("#shortcuts").inner_text()
    page.keyboard.press("Escape")
    assert page.locator("#shortcuts").is_hidden() and page.locator("#panel").is_visible()
    page.keyboard.press("Escape")
    assert page.locator("#panel").is_hidden()
