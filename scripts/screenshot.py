"""Build the explorer page of a casebook and photograph it in headless Chromium.

    python scripts/screenshot.py                     # the README's picture: docs/screenshot.png
    python scripts/screenshot.py --data data --output /tmp/article.png --open actor:iran

The README's picture is of tests/fixtures/ties, a casebook of four documents by three
publishers, so that it shows what the page draws for corroborated, disputed and
single-source ties (the article's casebook in data/ has one document). The side panel shows
--open: `actor:ID`, `claim:ID` or `tie:N` (the page's N-th tie); by default the actor in the
most claims; `--no-panel` leaves it closed.
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
OPEN = {  # what the page's API opens for each kind of --open
    "actor": "id => window.actorgraph.focusActor(id)",
    "claim": "id => window.actorgraph.focusClaim(id)",
    "tie": "i => window.actorgraph.showTie(Number(i))",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("tests/fixtures/ties"))
    parser.add_argument("--output", type=Path, default=Path("docs/screenshot.png"))
    parser.add_argument("--open", help="what the panel shows: actor:ID, claim:ID or tie:N")
    parser.add_argument("--no-panel", action="store_true", help="leave the side panel closed")
    parser.add_argument("--title", default="actorgraph")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()

    reading = read_and_build(args.data)
    report, G = reading.report, reading.graph
    shown = args.open
    if shown is None and len(G):
        shown = "actor:" + max(G, key=lambda n: (G.degree(n), n))
    kind, _, what = (shown or "").partition(":")
    if shown and kind not in OPEN:
        parser.error(f"--open {shown!r}: write actor:ID, claim:ID or tie:N")
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
            if shown and not args.no_panel:
                page.evaluate(OPEN[kind], what)
                page.evaluate("() => document.activeElement.blur()")
                page.evaluate("() => window.actorgraph.fit()")
                page.wait_for_timeout(300)
            args.output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.output))
            browser.close()
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
