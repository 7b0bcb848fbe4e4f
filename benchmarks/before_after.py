"""Whole commands timed on an earlier commit and on the working tree, in alternating runs:

    python -m benchmarks.before_after BASE [--sizes 100000,500000] [--rounds 3]
                                           [--set listings|queries]

BASE (a commit) is checked out into a temporary git worktree and run from there with
PYTHONPATH, by the same interpreter and packages; each side has its own cache (or store),
filled by a first `path` query before the timed runs. The `listings` set runs on an
unchanged casebook: `stats`, `actors --sort betweenness`, `claims` (all, as text), and the
graphml, gexf and csv exports. The `queries` set: a cold `path` (no cache or store at all),
the first query (`path`, its side's cache or store emptied before each run: read, check,
answer, then keep), and `path`, `neighbors` and `show` on an unchanged casebook. The size
"article" is data/. Prints one line per run, then the medians.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from benchmarks.__main__ import DATA, PYTHON, ROOT, end_actors, run

QUERIES = {
    "cold path (no store)": ["path", "{a}", "{b}"],
    "first query (store emptied)": ["path", "{a}", "{b}"],
    "path": ["path", "{a}", "{b}"],
    "neighbors": ["neighbors", "{a}"],
    "show": ["show", "{a}"],
}
ENV = {"cold path (no store)": {"ACTORGRAPH_NO_CACHE": "1"}}
LISTINGS = {
    "stats": ["stats"],
    "actors --sort betweenness": ["actors", "--sort", "betweenness"],
    "claims": ["claims"],
    "export graphml": ["export", "graphml", "-o", "{out}/x.graphml"],
    "export gexf": ["export", "gexf", "-o", "{out}/x.gexf"],
    "export csv": ["export", "csv", "-o", "{out}/csv"],
}


def generated(size: str, base: Path) -> Path:
    """A casebook of `size` claims made by the earlier commit's generator (one both sides
    read: the later generator uses actor types the earlier code does not know), kept in
    benchmarks/data/ for the next run."""
    folder = DATA / f"c{size}-{base_commit(base)[:8]}"
    if not (folder / "edges.csv").exists():
        subprocess.run([PYTHON, "-m", "benchmarks.generate", "--claims", size, "--out",
                        str(folder)], cwd=base, check=True, stdout=subprocess.DEVNULL,
                       env={**os.environ, "PYTHONPATH": str(base / "src")})
    return folder


def base_commit(base: Path) -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=base, capture_output=True,
                          text=True, check=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the earlier commit")
    parser.add_argument("--sizes", default="100000,500000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--set", choices=("listings", "queries"), default="listings")
    args = parser.parse_args()
    commands = QUERIES if args.set == "queries" else LISTINGS
    work = Path(tempfile.mkdtemp(prefix="before-after-"))
    subprocess.run(["git", "worktree", "add", "--detach", "-q", str(work / "base"), args.base],
                   cwd=ROOT, check=True)
    sides = {"before": str(work / "base" / "src"), "after": str(ROOT / "src")}
    envs = {side: {**os.environ, "PYTHONPATH": path,
                   "ACTORGRAPH_CACHE_DIR": str(work / f"cache-{side}")}
            for side, path in sides.items()}
    for env in envs.values():  # bytecode written and used, as installed (see __main__)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    times: dict[tuple, list[float]] = {}
    answers: dict[tuple, list[float]] = {}  # when the command's answer reached stdout
    try:
        for size in args.sizes.split(","):
            casebook = ROOT / "data" if size == "article" else generated(size, work / "base")
            a, b = end_actors(casebook)
            for env in envs.values():  # fills each side's cache
                run([PYTHON, "-m", "actorgraph", "path", a, b, "--data", str(casebook)], env)
            for _ in range(args.rounds):
                for name, command in commands.items():
                    for side, env in envs.items():
                        out = work / "out"
                        shutil.rmtree(out, ignore_errors=True)
                        out.mkdir()
                        if name.startswith("first query"):
                            shutil.rmtree(env["ACTORGRAPH_CACHE_DIR"], ignore_errors=True)
                        argv = [part.format(out=out, a=a, b=b) for part in command]
                        result = run([PYTHON, "-m", "actorgraph", *argv, "--data",
                                      str(casebook)], {**env, **ENV.get(name, {})})
                        if result["code"]:
                            raise SystemExit(f"{side} {name} failed: {result['stderr']}")
                        times.setdefault((size, name, side), []).append(result["wall"])
                        answers.setdefault((size, name, side), []).append(result["answered"]
                                                                         or result["wall"])
                        print(f"{size} {name} {side}: {result['wall']:.2f} s (answer at "
                              f"{result['answered'] or 0:.2f} s), {result['rss_mb']:.0f} MB",
                              flush=True)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(work / "base")], cwd=ROOT)
        shutil.rmtree(work, ignore_errors=True)
    print("\n| claims | command | before s | after s | before / after | answer before / after s |")
    print("|---|---|---|---|---|---|")
    for (size, name, side), values in times.items():
        if side == "before":
            before = statistics.median(values)
            after = statistics.median(times[size, name, "after"])
            said = [statistics.median(answers[size, name, s]) for s in ("before", "after")]
            print(f"| {size} | `{name}` | {before:.2f} | {after:.2f} | {before / after:.2f}× "
                  f"| {said[0]:.2f} / {said[1]:.2f} |")


if __name__ == "__main__":
    main()
