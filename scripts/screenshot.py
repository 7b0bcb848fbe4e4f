"""Build the explorer page of a casebook and photograph it in headless Chromium.

    python scripts/screenshot.py                     # data/ -> docs/screenshot.png
    python scripts/screenshot.py --data tests/fixtures/good --output /tmp/good.png

The picture shows the page as a reader first meets it, with one claim open in the side
panel (the first claim of the most connected actor, or --claim ID).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from actorgraph.page.render import write_html
from actorgraph.workspace import read_and_build

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--output", type=Path, default=Path("docs/screenshot.png"))
    parser.add_argument("--claim", help="the claim to open in the panel (default: see above)")
    parser.add_argument("--no-panel", action="store_true", help="leave the side panel closed")
    parser.add_argument("--title", default="actorgraph")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()

    reading = read_and_build(args.data)
    report, G = reading.report, reading.graph
    claim = args.claim
    if claim is None and G.number_of_edges():
        hub = max(G, key=lambda n: (G.degree(n), n))
        claim = min(key for *_, key in G.edges(hub, keys=True)) if G.out_degree(hub) else min(
            key for *_, key in G.in_edges(hub, keys=True))
    with tempfile.TemporaryDirectory() as tmp:
        page_file = write_html(G, report, Path(tmp) / "page.html", title=args.title)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": args.height},
                                    device_scale_factor=1)
            page.route("**/*", lambda route: route.continue_()
                       if route.request.url.startswith("file://") else route.abort())
            page.goto(page_file.as_uri())
            page.wait_for_function("window.actorgraph && window.actorgraph.ready",
                                   timeout=120_000)
            if claim and not args.no_panel:
                page.evaluate("id => window.actorgraph.focusClaim(id)", claim)
                page.wait_for_timeout(400)
                page.evaluate("window.actorgraph.network.fit()")
                page.wait_for_timeout(300)
            args.output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.output))
            browser.close()
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
