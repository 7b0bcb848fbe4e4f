"""Where a page spends its time in Chromium: the JavaScript profile of loading the page until
it is drawn, and of answering a click, as the functions with the most self time.

    python -m benchmarks.browser_profile PAGE.html [--top 15]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from benchmarks.browser import ACTORGRAPH_READY, ARGS, CHROMIUM, aim, click


def self_times(profile: dict) -> Counter:
    """Milliseconds of self time per function (name, script line:column) in a CDP CPU
    profile."""
    interval = {}
    deltas = profile["timeDeltas"]
    for sample, delta in zip(profile["samples"][1:], deltas[1:]):
        interval[sample] = interval.get(sample, 0) + delta / 1000
    by_id = {n["id"]: n for n in profile["nodes"]}
    totals: Counter = Counter()
    for node_id, ms in interval.items():
        frame = by_id[node_id]["callFrame"]
        name = frame["functionName"] or "(anonymous)"
        script = Path(frame["url"]).name or "-"
        # vis-network is minified onto one line: the column tells its functions apart.
        totals[f"{name} ({script}:{frame['lineNumber'] + 1}:{frame['columnNumber'] + 1})"] += ms
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        cdp = page.context.new_cdp_session(page)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 200})
        cdp.send("Profiler.start")
        start = time.perf_counter()
        page.goto(args.page.resolve().as_uri(), wait_until="commit")
        page.wait_for_function(ACTORGRAPH_READY, polling=20, timeout=120_000)
        drawn = time.perf_counter() - start
        load = cdp.send("Profiler.stop")["profile"]
        aim(page)
        cdp.send("Profiler.start")
        clicked = click(page)
        answer = cdp.send("Profiler.stop")["profile"]
        browser.close()
    for title, took, profile in (("load until drawn", drawn, load),
                                 ("click until redrawn", clicked, answer)):
        print(f"{title}: {took:.2f} s; most self time (ms):")
        for name, ms in self_times(profile).most_common(args.top):
            print(f"  {ms:8.0f}  {name}")


if __name__ == "__main__":
    main()
