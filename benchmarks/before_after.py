"""Whole commands timed on an earlier commit and on the working tree, in alternating runs:

    python -m benchmarks.before_after BASE [--sizes 100000,500000] [--rounds 3]

BASE (a commit) is checked out into a temporary git worktree and run from there with
PYTHONPATH, by the same interpreter and packages; each side has its own cache, filled by a
first `path` query before the timed runs. Every command runs on an unchanged casebook, so
what is timed is the command's own work: `stats`, `actors --sort betweenness`, `claims` (all,
as text), and the graphml, gexf and csv exports. Prints one line per run, then the medians.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from benchmarks.__main__ import PYTHON, ROOT, casebook_for, end_actors, run

COMMANDS = {
    "stats": ["stats"],
    "actors --sort betweenness": ["actors", "--sort", "betweenness"],
    "claims": ["claims"],
    "export graphml": ["export", "graphml", "-o", "{out}/x.graphml"],
    "export gexf": ["export", "gexf", "-o", "{out}/x.gexf"],
    "export csv": ["export", "csv", "-o", "{out}/csv"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the earlier commit")
    parser.add_argument("--sizes", default="100000,500000")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="before-after-"))
    subprocess.run(["git", "worktree", "add", "--detach", "-q", str(work / "base"), args.base],
                   cwd=ROOT, check=True)
    sides = {"before": str(work / "base" / "src"), "after": str(ROOT / "src")}
    envs = {side: {**os.environ, "PYTHONPATH": path,
                   "ACTORGRAPH_CACHE_DIR": str(work / f"cache-{side}")}
            for side, path in sides.items()}
    times: dict[tuple, list[float]] = {}
    try:
        for size in map(int, args.sizes.split(",")):
            casebook = casebook_for(size)
            a, b = end_actors(casebook)
            for env in envs.values():  # fills each side's cache
                run([PYTHON, "-m", "actorgraph", "path", a, b, "--data", str(casebook)], env)
            for _ in range(args.rounds):
                for name, command in COMMANDS.items():
                    for side, env in envs.items():
                        out = work / "out"
                        shutil.rmtree(out, ignore_errors=True)
                        out.mkdir()
                        argv = [part.format(out=out) for part in command]
                        result = run([PYTHON, "-m", "actorgraph", *argv, "--data",
                                      str(casebook)], env)
                        if result["code"]:
                            raise SystemExit(f"{side} {name} failed: {result['stderr']}")
                        times.setdefault((size, name, side), []).append(result["wall"])
                        print(f"{size} {name} {side}: {result['wall']:.2f} s, "
                              f"{result['rss_mb']:.0f} MB", flush=True)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(work / "base")], cwd=ROOT)
        shutil.rmtree(work, ignore_errors=True)
    print("\n| claims | command | before s | after s | before / after |")
    print("|---|---|---|---|---|")
    for (size, name, side), values in times.items():
        if side == "before":
            before = statistics.median(values)
            after = statistics.median(times[size, name, "after"])
            print(f"| {size:,} | `{name}` | {before:.2f} | {after:.2f} | {before / after:.1f}× |")


if __name__ == "__main__":
    main()
