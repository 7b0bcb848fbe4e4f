"""Markdown tables of a benchmark run, for BENCHMARKS.md:

    python -m benchmarks.report [benchmarks/results/latest.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

LATEST = Path(__file__).parent / "results" / "latest.json"


def seconds(stage: dict | None, key: str = "seconds") -> str:
    if not stage:
        return "–"
    if stage.get(key) is None:
        return stage.get("note", "–")
    value = stage[key]
    return f"{value:.3f}" if value < 1 else f"{value:.2f}"


def memory(stage: dict | None) -> str:
    return f"{stage['rss_mb']:.0f}" if stage and "rss_mb" in stage else "–"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def render(results: dict) -> str:
    sizes = results["sizes"]
    floor = results["floor_import_networkx"]["wall"]
    out = []
    rows = []
    for label, s in sizes.items():
        load, pandas = s["load"], s["pandas"]
        ratio = (f"{load['seconds'] / pandas['seconds']:.1f}×" if "seconds" in load
                 and pandas.get("seconds") else "–")
        cached_ratio = (f"{s['cached']['seconds'] / pandas['seconds']:.1f}×"
                        if s["cached"].get("seconds") and pandas.get("seconds") else "–")
        rows.append([label, str(load.get("actors", "–")), str(load.get("claims", "–")),
                     seconds(pandas), seconds(load, "read"), seconds(load, "validate_build"),
                     seconds(load, "build"), seconds(load), ratio, memory(load),
                     seconds(s["cached"]), cached_ratio, memory(s["cached"])])
    out.append("### Loading: read + validate (every quote) + build, against pandas\n")
    out.append(table(["casebook", "actors", "claims", "pandas read_csv s", "read s",
                      "validate + build s", "(build, during the quote search) s", "total s",
                      "× pandas", "peak MB",
                      "cached load s", "× pandas", "peak MB (cached)"], rows))
    rows = []
    for label, s in sizes.items():
        path = s["cli_path"]
        rows.append([label, seconds(path, "wall"),
                     f"{path['wall'] / floor:.2f}×" if "wall" in path else "–",
                     memory(path), seconds(s["cli_neighbors"], "wall"),
                     seconds(s.get("cli_show"), "wall"), seconds(s.get("first_query"), "answered"),
                     seconds(s.get("first_query"), "wall"),
                     seconds(s["cli_path_no_cache"], "wall"),
                     f"{s['cache_mb']:.1f}" if "cache_mb" in s else "–"])
    out.append(f"\n### Queries, whole commands (floor: `python -c \"import networkx\"` = "
               f"{floor:.3f} s)\n")
    out.append(table(["casebook", "`path` s", "× import networkx", "peak MB", "`neighbors` s",
                      "`show` s", "first `path`: answer printed s",
                      "first `path`: over (cache filled) s",
                      "`path` with the cache off s", "cache entry MB"], rows))
    rows = []
    for label, s in sizes.items():
        if "cli_stats" in s:
            rows.append([label, seconds(s["cli_stats"], "wall"), memory(s["cli_stats"]),
                         seconds(s["cli_actors"], "wall"), memory(s["cli_actors"]),
                         seconds(s["cli_claims"], "wall"), memory(s["cli_claims"])])
    if rows:
        out.append("\n### Rankings and listings, whole commands on an unchanged casebook "
                   "(single runs)\n")
        out.append(table(["casebook", "`stats` s", "peak MB", "`actors --sort betweenness` s",
                          "peak MB", "`claims` (every claim, as text) s", "peak MB"], rows))
    rows = []
    for label, s in sizes.items():
        q, ix = s["queries"], s.get("store") or s.get("index")
        rows.append([label, seconds(ix, "open"), seconds(ix, "path"), seconds(ix, "neighbors"),
                     seconds(q, "path"), seconds(q, "neighbors"), seconds(q, "neighbors_depth2")])
    out.append("\n### Queries in-process: through the store, and on the whole graph\n")
    out.append(table(["casebook", "open the casebook s", "path via the store s",
                      "neighbors via the store s", "path on the graph s",
                      "neighbors on the graph s", "neighbors depth 2 on the graph s"], rows))
    rows = []
    for label, s in sizes.items():
        rows.append([label, seconds(s.get("export_csv")), memory(s.get("export_csv")),
                     seconds(s.get("export_graphml")), memory(s.get("export_graphml")),
                     seconds(s.get("render")), memory(s.get("render")),
                     seconds(s.get("browser"), "drawn"), seconds(s.get("browser"), "click"),
                     seconds(s.get("browser"), "total"),
                     seconds(s.get("pyvis")), seconds(s.get("pyvis_browser"), "drawn")])
    out.append("\n### Export, HTML and the browser, against pyvis defaults\n")
    out.append(table(["casebook", "export csv s", "peak MB", "export graphml s", "peak MB",
                      "render HTML s", "peak MB", "Chromium drawn s", "click answered s",
                      "drawn + click s", "pyvis Python s", "pyvis page drawn s"], rows))
    if results.get("targets"):
        out.append("\n### Targets\n")
        out.append(table(["target", "measured", "verdict"],
                         [[t["target"], t["measured"], t["verdict"]]
                          for t in results["targets"]]))
    return "\n".join(out) + "\n"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else LATEST
    print(render(json.loads(path.read_text(encoding="utf-8"))))


if __name__ == "__main__":
    main()
