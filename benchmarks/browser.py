"""Time a page in headless Chromium: until the network is drawn, then until a click on an
actor is answered (the actor selected and the canvas redrawn).

    python -m benchmarks.browser PAGE.html [--budget 120] [--pyvis]

actorgraph's page says it is drawn with `window.actorgraph.ready` (set on vis-network's
first `afterDrawing` once the layout is in place); a pyvis page is drawn when its
stabilisation is done (its loading bar fades), or at once for pages without one.

The click: the pointer is first moved onto the busiest actor and left there (a hover draws
a frame of its own), then pressed and released; the click is answered at the first drawing
after vis-network's `click` event (the page's own click handlers run before it).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update"]
ACTORGRAPH_READY = "() => window.actorgraph && window.actorgraph.ready === true"
PYVIS_READY = """() => {
  if (typeof network === 'undefined' || !network) return false;
  const bar = document.getElementById('loadingBar');
  return !bar || bar.style.opacity === '0' || bar.style.display === 'none'
    || !network.physics.physicsEnabled;
}"""
NETWORK = "(window.actorgraph ? window.actorgraph.network : network)"
# The actor with the most claims (the first of them in the network's order). A large
# actorgraph page draws its lines itself, so its claims are counted from its data.
BUSIEST = f"""() => {{
  const net = {NETWORK};
  const ids = net.body.nodeIndices;
  const degree = new Map(ids.map(id => [id, 0]));
  if (window.actorgraph) {{
    for (const c of window.actorgraph.data.claims) {{
      degree.set(c.from, degree.get(c.from) + 1);
      if (c.to !== c.from) degree.set(c.to, degree.get(c.to) + 1);
    }}
  }} else for (const id of ids) degree.set(id, net.getConnectedEdges(id).length);
  let best = ids[0];
  for (const id of ids) if (degree.get(id) > degree.get(best)) best = id;
  net.focus(best, {{scale: 1.0, animation: false}});
  return best;
}}"""
# Other actors may be drawn over part of it (vis-network picks the topmost): click a point
# of the actor where it is the one on top.
CLICK_POINT = f"""(id) => {{
  const net = {NETWORK};
  const centre = net.canvasToDOM(net.getPosition(id));
  const r = net.body.nodes[id].shape.radius || 0;
  let dom = centre;
  search: for (const f of [0, 0.3, 0.6, 0.85]) for (let k = 0; k < 12; k++) {{
    const a = Math.PI / 6 * k, p = {{x: centre.x + f * r * Math.cos(a),
                                    y: centre.y + f * r * Math.sin(a)}};
    if (net.getNodeAt(p) === id) {{ dom = p; break search; }}
  }}
  const rect = net.body.container.getBoundingClientRect();
  return {{actor: id, x: rect.left + dom.x, y: rect.top + dom.y}};
}}"""


# Arms `window.__redrawn` for the first drawing after the next click event.
ARM = f"""() => {{
  const net = {NETWORK};
  window.__redrawn = false;
  net.once('click', () => net.once('afterDrawing', () => {{ window.__redrawn = true; }}));
}}"""


def aim(page) -> dict:
    """Bring the busiest actor into view and rest the pointer on it; where it is
    ({actor, x, y})."""
    actor = page.evaluate(BUSIEST)
    page.wait_for_timeout(200)
    box = page.evaluate(CLICK_POINT, actor)
    page.mouse.move(box["x"], box["y"])
    page.wait_for_timeout(300)
    return box


def click(page, budget: float = 120) -> float:
    """Press and release the pointer where it rests; seconds until the click is answered."""
    page.evaluate(ARM)
    start = time.perf_counter()
    page.mouse.down()
    page.mouse.up()
    page.wait_for_function("() => window.__redrawn === true", polling=10,
                           timeout=budget * 1000)
    return time.perf_counter() - start


def measure(page_path: Path, budget: float, pyvis: bool = False) -> dict:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        start = time.perf_counter()
        try:
            page.goto(Path(page_path).resolve().as_uri(), wait_until="commit",
                      timeout=budget * 1000)
            page.wait_for_function(PYVIS_READY if pyvis else ACTORGRAPH_READY, polling=20,
                                   timeout=budget * 1000)
        except PlaywrightTimeout:
            browser.close()
            return {"drawn": None, "click": None, "total": None,
                    "note": f"not drawn within {budget:g} s"}
        drawn = time.perf_counter() - start
        box = aim(page)
        answered = click(page, budget)
        selected = page.evaluate(f"() => {NETWORK}.getSelectedNodes()")
        browser.close()
    return {"drawn": drawn, "click": answered, "total": drawn + answered,
            "selected": box["actor"] in selected}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("--budget", type=float, default=120)
    parser.add_argument("--pyvis", action="store_true")
    args = parser.parse_args()
    print(json.dumps(measure(args.page, args.budget, args.pyvis)))


if __name__ == "__main__":
    main()
