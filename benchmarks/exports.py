"""Exports, k-best paths and neighbourhoods on large casebooks, run on demand:

    python -m benchmarks.exports [--sizes 100000,500000] [--repeat 3]

Each size is a casebook made by `benchmarks.generate` (seed 1) in benchmarks/data/. Its store
is filled first (in `$ACTORGRAPH_CACHE_DIR`, else benchmarks/data/.cache), so every command
timed starts from a current store, as a user's second command does. Every command runs in a
child process `--repeat` times (`benchmarks.__main__.run`: wall time, and the peak RSS of the
child and of any child it forked and waited for, the larger of the two), and the medians are
kept. Pandas reading the same three CSV files runs in the same run as the baseline, and each
command's wall time is given as a multiple of pandas' (interpreter start and imports included
on both sides). The commands:

- `export graphml` and `export csv` of the whole casebook;
- `path A B -k 3`, A and B the first and the last actor of nodes.csv;
- `neighbors HUB --depth 2`, HUB the actor in the most claims (the worst case).

Results go to benchmarks/results/exports-<time>.json; a Markdown table is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import sys
import time
from pathlib import Path

from benchmarks.__main__ import (
    ACTORGRAPH,
    DATA,
    RESULTS,
    casebook_for,
    end_actors,
    median_of,
    run,
    stage,
)


def commands(casebook: Path, out: Path, first: str, last: str, hub: str
             ) -> dict[str, list[str]]:
    """The commands timed, by name: argument lists for the actorgraph executable."""
    data = ["--data", str(casebook), "--quiet"]
    return {
        "export graphml": ["export", "graphml", "-o", str(out / "x.graphml"), *data],
        "export csv": ["export", "csv", "-o", str(out / "csv"), *data],
        "path -k 3": ["path", first, last, "-k", "3", *data],
        "neighbors --depth 2": ["neighbors", hub, "--depth", "2", *data],
    }


def fill_store(casebook: Path, env: dict) -> Path:
    """Make the casebook's store current (a first query writes it); return its path."""
    first, last = end_actors(casebook)
    result = run([ACTORGRAPH, "path", first, last, "--data", str(casebook), "--quiet"], env)
    if result["code"] not in (0, 1):  # 1: no path between them, still stored
        raise SystemExit(f"{casebook}: could not fill the store: {result['stderr'][-500:]}")
    located = run([ACTORGRAPH, "store", "--data", str(casebook), "--quiet"], env)
    if located["code"] != 0:
        raise SystemExit(f"{casebook}: no store: {located['stderr'][-500:]}")
    return Path(located["stdout"].strip())


def hub_of(store: Path) -> str:
    """The actor in the most claims, read from the store's `actors` table."""
    db = sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True)
    try:
        return db.execute("SELECT id FROM actors ORDER BY degree DESC, position LIMIT 1"
                          ).fetchone()[0]
    finally:
        db.close()


def cpu_of_children() -> float:
    """The CPU time (user and system) of every child this process has waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(argv: list[str], env: dict, repeat: int, out: Path) -> dict:
    """Medians of `repeat` runs of one command, each into an emptied `out` folder."""
    runs = []
    for _ in range(repeat):
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        before = cpu_of_children()
        result = run([ACTORGRAPH, *argv], env)  # waits for the child: its CPU time counts
        if result["code"] != 0:
            return {"note": f"exit {result['code']}: {result['stderr'].strip()[-300:]}"}
        runs.append({"wall": result["wall"], "cpu": cpu_of_children() - before,
                     "rss_mb": result["rss_mb"]})
    return median_of(runs) | {"all_walls": [round(r["wall"], 2) for r in runs]}


def bench(size: int, env: dict, repeat: int) -> dict:
    say = lambda what: print(f"[{size}] {what}", file=sys.stderr, flush=True)  # noqa: E731
    casebook = casebook_for(size)
    say("filling the store")
    store = fill_store(casebook, env)
    first, last = end_actors(casebook)
    hub = hub_of(store)
    out: dict = {"casebook": str(casebook), "first": first, "last": last, "hub": hub}
    say("pandas reading the three CSV files")
    out["pandas"] = stage("pandas", casebook, env=env, repeat=repeat)
    scratch = DATA / ".out" / f"exports-{size}"
    for name, argv in commands(casebook, scratch, first, last, hub).items():
        say(name)
        out[name] = timed(argv, env, repeat, scratch)
    shutil.rmtree(scratch, ignore_errors=True)
    return out


def table(results: dict) -> str:
    """The results as a Markdown table, each wall time beside pandas' as a ratio."""
    lines = ["| claims | command | median s | CPU s | peak RSS MB | x pandas |",
             "|---|---|---|---|---|---|"]
    for size, found in results["sizes"].items():
        floor = found["pandas"].get("wall")
        lines.append(f"| {int(size):,} | pandas reads the CSVs (in-process "
                     f"{found['pandas'].get('seconds', 0):.2f} s) | {floor:.2f} | | "
                     f"{found['pandas'].get('rss_mb', 0):.0f} | 1.0 |")
        for name, measured in found.items():
            if not isinstance(measured, dict) or name == "pandas":
                continue
            if "note" in measured:
                lines.append(f"| {int(size):,} | `{name}` | {measured['note']} | | | |")
                continue
            lines.append(f"| {int(size):,} | `{name}` | {measured['wall']:.2f} | "
                         f"{measured['cpu']:.2f} | {measured['rss_mb']:.0f} | "
                         f"{measured['wall'] / floor:.1f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,500000",
                        help="claims per generated casebook, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    env = {**os.environ}
    env.setdefault("ACTORGRAPH_CACHE_DIR", str(DATA / ".cache"))
    env.pop("ACTORGRAPH_NO_CACHE", None)
    results = {"started": time.strftime("%Y-%m-%dT%H:%M:%S"), "repeat": args.repeat,
               "sizes": {}}
    for size in map(int, args.sizes.split(",")):
        results["sizes"][str(size)] = bench(size, env, args.repeat)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"exports-{results['started'].replace(':', '')}.json"
    path.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(table(results))
    print(f"results: {path}")


if __name__ == "__main__":
    main()
