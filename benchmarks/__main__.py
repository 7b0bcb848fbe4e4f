"""Run the benchmarks: `python -m benchmarks [--sizes 1000,10000,100000,500000] [--repeat 3]`.

Each size is a casebook made by `benchmarks.generate` (seed 1) in benchmarks/data/; the
article's casebook (data/) runs beside them with the same code. Every stage runs in a child
process (its peak memory is that child's maximum RSS), `--repeat` times, and the median is
kept. Baselines are measured in the same run: pandas reading the same CSV files, an
interpreter that only imports networkx, and pyvis with its default settings. Results go to
benchmarks/results/<time>.json (and latest.json); targets are printed as PASS or FAIL.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent
DATA = HERE / "data"
RESULTS = HERE / "results"
PYTHON = sys.executable
ACTORGRAPH = str(Path(sys.executable).with_name("actorgraph"))
STDOUT_KEPT = 1 << 20
HTML_SIZES = ((15000, 5000, 2.0), (60000, 20000, 5.0))  # claims, actors, target seconds


def run(command: list[str], env: dict | None = None, timeout: float | None = None) -> dict:
    """Run a child; its wall time, peak memory (max RSS), exit status and stdout, and when
    its first output reached stdout ("answered", looked for every 10 ms)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, env=env, cwd=ROOT,
                                 start_new_session=True)
        timer = threading.Timer(timeout, os.killpg, (child.pid, signal.SIGKILL)) if timeout \
            else None
        if timer:
            timer.start()
        answered = []
        over = threading.Event()

        def watch() -> None:
            while not over.wait(0.01):
                if os.fstat(out.fileno()).st_size:
                    answered.append(time.perf_counter() - start)
                    return

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        _pid, status, usage = os.wait4(child.pid, 0)  # wait4: the child's own peak memory
        seconds = time.perf_counter() - start
        over.set()
        watcher.join()
        if not answered and os.fstat(out.fileno()).st_size:  # it ended within the last poll
            answered.append(seconds)
        if timer:
            timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {"wall": seconds, "answered": answered[0] if answered else None,
                "rss_mb": usage.ru_maxrss / 1024, "code": child.returncode,
                # At most 1 MB of stdout (a stage's JSON is far less): `claims` prints 150 MB
                # at 500k, and on Linux every child started afterwards would report this
                # process's peak as its own floor (ru_maxrss survives fork and exec).
                "stdout": out.read(STDOUT_KEPT).decode(errors="replace"),
                "stderr": err.read().decode()[-2000:],
                "timed_out": bool(timeout) and seconds >= timeout}


def median_of(runs: list[dict]) -> dict:
    """The median of every number over the runs (and the runs' exit codes)."""
    keys = [k for k, v in runs[0].items() if isinstance(v, (int, float)) and not
            isinstance(v, bool)]
    summary = {k: statistics.median(r[k] for r in runs if r.get(k) is not None)
               for k in keys if any(r.get(k) is not None for r in runs)}
    summary["runs"] = len(runs)
    return summary


def stage(name: str, casebook: Path, *args: str, env: dict, repeat: int,
          timeout: float | None = None) -> dict:
    """A stage of benchmarks.stages, `repeat` times: medians of its own timings and RSS."""
    runs = []
    for _ in range(repeat):
        result = run([PYTHON, "-m", "benchmarks.stages", name, str(casebook), *args], env,
                     timeout)
        if result["code"] != 0:
            note = (f"did not finish in {timeout:g} s" if result["timed_out"]
                    else f"failed: {result['stderr'].strip().splitlines()[-1:]}")
            return {"note": note, "wall": result["wall"]}
        timings = json.loads(result["stdout"])
        # Peak memory: this process's and its forked child's peaks added (an upper bound:
        # the pages they share copy-on-write count twice).
        runs.append({**timings, "wall": result["wall"],
                     "rss_mb": result["rss_mb"] + timings.pop("forked_rss_mb")})
    return median_of(runs)


def command(cmd: list[str], env: dict, repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        result = run(cmd, env)
        if result["code"] != 0:
            return {"note": f"exit {result['code']}: {result['stderr'].strip()[-300:]}"}
        runs.append({"wall": result["wall"], "rss_mb": result["rss_mb"]})
    return median_of(runs)


def browser(page: Path, repeat: int, budget: float, pyvis: bool = False) -> dict:
    runs = []
    for _ in range(repeat):
        args = [PYTHON, "-m", "benchmarks.browser", str(page), "--budget", str(budget)]
        result = run(args + (["--pyvis"] if pyvis else []), timeout=budget * 2 + 60)
        if result["code"] != 0:
            return {"note": f"failed: {result['stderr'].strip()[-300:]}"}
        measured = json.loads(result["stdout"])
        if measured.get("note"):
            return measured
        runs.append(measured)
    return median_of(runs) | {"selected": all(r["selected"] for r in runs)}


def store_of(casebook: Path) -> Path:
    """The casebook's store in the benchmarks' store folder (DATA/.cache)."""
    from actorgraph.store import location

    os.environ["ACTORGRAPH_CACHE_DIR"] = str(DATA / ".cache")
    return location.store_path(casebook)


def end_actors(casebook: Path) -> tuple[str, str]:
    """The first and the last actor of nodes.csv: a path query that crosses the graph."""
    # Record by record, keeping two: a list of 100k rows would raise this process's peak
    # memory, a floor under every child's (see `run`).
    first = last = None
    with (casebook / "nodes.csv").open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            first = first or row
            last = row
    return first["id"], last["id"]


def casebook_for(claims: int, actors: int | None = None) -> Path:
    from benchmarks.generate import generate

    name = f"c{claims}" + (f"-a{actors}" if actors else "")
    folder = DATA / name
    if not (folder / "edges.csv").exists():
        print(f"generating {name} ...", file=sys.stderr, flush=True)
        generate(folder, claims, actors, seed=1)
    return folder


def bench_casebook(label: str, casebook: Path, args, env: dict) -> dict:
    say = lambda what: print(f"[{label}] {what}", file=sys.stderr, flush=True)  # noqa: E731
    repeat = args.repeat
    out: dict = {"casebook": str(casebook)}
    say("pandas floor")
    out["pandas"] = stage("pandas", casebook, env=env, repeat=repeat)
    say("load + validate + build (no cache)")
    cold = {**env, "ACTORGRAPH_NO_CACHE": "1"}
    out["load"] = stage("load", casebook, env=cold, repeat=repeat, timeout=args.budget * 5)
    a, b = end_actors(casebook)
    say("first query (fills the store)")
    from actorgraph.store import location

    location.remove(store_of(casebook))
    first = run([ACTORGRAPH, "path", a, b, "--data", str(casebook)], env)
    out["first_query"] = {"wall": first["wall"], "answered": first["answered"],
                          "rss_mb": first["rss_mb"]}
    say("cached load")
    out["cached"] = stage("cached", casebook, env=env, repeat=repeat)
    say(f"queries {a} .. {b}")
    out["queries"] = stage("queries", casebook, a, b, env=env, repeat=repeat)
    out["store"] = stage("store", casebook, a, b, env=env, repeat=repeat)
    out["cli_path"] = command([ACTORGRAPH, "path", a, b, "--data", str(casebook)], env, repeat)
    out["cli_neighbors"] = command([ACTORGRAPH, "neighbors", a, "--data", str(casebook)],
                                   env, repeat)
    out["cli_show"] = command([ACTORGRAPH, "show", a, "--data", str(casebook)], env, repeat)
    say("rankings and listings (stats, actors, claims)")
    for name, args_ in (("stats", ["stats"]), ("actors", ["actors", "--sort", "betweenness"]),
                        ("claims", ["claims"])):
        out[f"cli_{name}"] = command([ACTORGRAPH, *args_, "--data", str(casebook)], env, 1)
    out["cache_mb"] = sum(f.stat().st_size for f in location.companions(store_of(casebook))
                          if f.exists()) / 2**20
    out["cli_path_no_cache"] = command([ACTORGRAPH, "path", a, b, "--data", str(casebook)],
                                       cold, 1)
    scratch = DATA / ".out" / label
    scratch.mkdir(parents=True, exist_ok=True)
    say("after an edit: path")
    from benchmarks.edits import bench_edits

    out["edits"] = bench_edits(casebook, scratch, [ACTORGRAPH, "path", a, b], env, repeat, run)
    for fmt, dest in (("csv", "csv"), ("graphml", "graph.graphml")):
        say(f"export {fmt}")
        target = scratch / dest
        if target.is_dir():
            import shutil

            shutil.rmtree(target)
        out[f"export_{fmt}"] = stage("export", casebook, fmt, str(target), env=env, repeat=1,
                                     timeout=args.budget)
    if args.html_max and out["load"].get("claims", 0) <= args.html_max:
        say("render HTML")
        page = scratch / "page.html"
        out["render"] = stage("render", casebook, str(page), env=env, repeat=repeat,
                              timeout=args.budget * 5)
        if page.exists():
            say("Chromium: actorgraph page")
            out["browser"] = browser(page, repeat, args.budget)
        say("pyvis defaults")
        pyvis_page = scratch / "pyvis.html"
        out["pyvis"] = stage("pyvis", casebook, str(pyvis_page), env=env, repeat=1,
                             timeout=args.budget)
        if pyvis_page.exists() and "note" not in out["pyvis"]:
            say("Chromium: pyvis page")
            out["pyvis_browser"] = browser(pyvis_page, 1, args.budget, pyvis=True)
    return out


def machine() -> dict:
    meminfo = Path("/proc/meminfo").read_text().splitlines()[0].split()
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True,
                              text=True).stdout.strip()
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory_gb": round(int(meminfo[1]) / 2**20, 1),
            "python": platform.python_version(), "platform": platform.platform(),
            "chromium": chromium,
            "versions": {p: version(p) for p in ("actorgraph", "networkx", "pandas", "pyvis",
                                                 "igraph", "playwright")}}


def floor_networkx(repeat: int) -> dict:
    return command([PYTHON, "-c", "import networkx"], None, max(repeat, 5))


def check_targets(results: dict) -> list[tuple[str, str, str]]:
    """(target, measured, PASS/FAIL/n.a.) for each target of the issue."""
    checks = []

    def verdict(ok: bool | None) -> str:
        return "n.a." if ok is None else ("PASS" if ok else "FAIL")

    big = results["sizes"].get("500000")
    if big and "seconds" in big["load"]:
        floor = big["pandas"]["seconds"]
        for name, label in (("edited_claim", "one edited claim"),
                            ("added_document", "one added document with 20 claims"),
                            ("renamed_actor", "one renamed actor")):
            found = big.get("edits", {}).get(name, {})
            wall = found.get("wall")
            checks.append((f"500k claims: `path` after {label} <= 3x pandas",
                           f"{wall:.2f} s = {wall / floor:.1f}x (answer at "
                           f"{found['answered']:.2f} s)" if wall else found.get("note", "?"),
                           verdict(wall <= 3 * floor if wall else None)))
        first = big["first_query"]
        checks.append(("500k claims: first load (read + validate + build + store) <= 8x "
                       "pandas", f"{first['wall']:.1f} s vs pandas {floor:.2f} s = "
                       f"{first['wall'] / floor:.1f}x", verdict(first["wall"] <= 8 * floor)))
        checks.append(("500k claims: first load peak memory < 3 GB",
                       f"{first['rss_mb'] / 1024:.2f} GB", verdict(first["rss_mb"] < 3 * 1024)))
        wall = big["cli_path"].get("wall")
        checks.append(("500k claims: `actorgraph path` (unchanged casebook) < 2 s",
                       f"{wall:.2f} s" if wall else big["cli_path"].get("note", "?"),
                       verdict(wall < 2 if wall else None)))
    article = results["sizes"].get("article")
    floor = results["floor_import_networkx"]["wall"]
    if article and article["cli_path"].get("wall"):
        wall = article["cli_path"]["wall"]
        checks.append(("article: `actorgraph path` <= 1.5x `python -c 'import networkx'`",
                       f"{wall:.3f} s vs {floor:.3f} s = {wall / floor:.2f}x",
                       verdict(wall <= 1.5 * floor)))
    for claims, actors, limit in HTML_SIZES:
        found = results["sizes"].get(f"{claims}/{actors}")
        b = found and found.get("browser")
        if b:
            checks.append((f"{actors} actors / {claims} claims drawn and answering a click "
                           f"< {limit:g} s", f"{b['total']:.2f} s" if b.get("total") else
                           b.get("note", "?"), verdict(b.get("total") is not None
                                                       and b["total"] < limit)))
    return checks


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Time actorgraph at several sizes.")
    parser.add_argument("--sizes", default="1000,10000,100000,500000",
                        help="claims per generated casebook, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--budget", type=float, default=120,
                        help="seconds pyvis (and the browser) may take before giving up")
    parser.add_argument("--html-max", type=int, default=60000,
                        help="render and open in Chromium only casebooks up to this many "
                             "claims (0: never)")
    parser.add_argument("--no-article", action="store_true",
                        help="skip the article's casebook (data/)")
    parser.add_argument("--no-html-sizes", action="store_true",
                        help="skip the 5k/15k and 20k/60k casebooks of the HTML targets")
    args = parser.parse_args(argv)

    env = {**os.environ, "ACTORGRAPH_CACHE_DIR": str(DATA / ".cache")}
    env.pop("ACTORGRAPH_NO_CACHE", None)
    # Imports timed as installed: pip writes every module's bytecode when it installs a
    # package (networkx's is there), but an editable install under PYTHONDONTWRITEBYTECODE
    # (set on some machines, this one included) compiled actorgraph's 60 modules anew in
    # every command: 40 ms of each `path` on the article.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    results = {"started": time.strftime("%Y-%m-%dT%H:%M:%S"), "machine": machine(),
               "repeat": args.repeat, "sizes": {}}
    results["floor_import_networkx"] = floor_networkx(args.repeat)
    todo = []
    if not args.no_article and (ROOT / "data" / "edges.csv").exists():
        todo.append(("article", ROOT / "data"))
    todo += [(str(n), casebook_for(n)) for n in map(int, args.sizes.split(",")) if n]
    if not args.no_html_sizes:
        todo += [(f"{c}/{a}", casebook_for(c, a)) for c, a, _ in HTML_SIZES]
    for label, casebook in todo:
        results["sizes"][label] = bench_casebook(label, casebook, args, env)
        # A floor under every peak memory measured after it (see `run`): kept small.
        results["runner_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        write_results(results)
    results["targets"] = [dict(zip(("target", "measured", "verdict"), t))
                          for t in check_targets(results)]
    path = write_results(results)
    for t in results["targets"]:
        print(f"{t['verdict']:5} {t['target']}: {t['measured']}")
    print(f"this process's own peak memory, a floor under the peaks measured: "
          f"{results['runner_rss_mb']:.0f} MB")
    print(f"results: {path}")


def write_results(results: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{results['started'].replace(':', '')}.json"
    text = json.dumps(results, indent=1)
    path.write_text(text, encoding="utf-8")
    (RESULTS / "latest.json").write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":
    main()
