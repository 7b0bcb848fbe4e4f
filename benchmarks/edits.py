"""The next answer after an edit: `actorgraph path` timed right after one change to a copy of a
casebook whose store is current (`python -m benchmarks` runs it for every size).

Three edits, each made and then undone `repeat` times (the store brought back up to date
between, untimed): one claim's `notes` cell changed in the middle of edges.csv; one document
added, with its sources.csv row and 20 claims quoting it; one actor renamed in the middle of
nodes.csv. Every file is written in place, as an editor saves it.
"""

from __future__ import annotations

import csv
import io
import shutil
import statistics
from collections.abc import Callable
from pathlib import Path

ADDED = "added-report"
ADDED_TEXT = ("An added report.\n\nInvestigators say the first actor and the second one met "
              "at the port on three occasions.\n")


def _middle_record(data: bytes) -> tuple[int, int]:
    """The byte range of the record (one line) halfway through a CSV file."""
    start = data.index(b"\n", len(data) // 2) + 1
    return start, data.index(b"\n", start) + 1


def _rewrite(path: Path, column: int, change: Callable[[str], str]) -> None:
    """Change one cell of the record halfway through `path`."""
    data = path.read_bytes()
    start, end = _middle_record(data)
    [row] = csv.reader([data[start:end].decode("utf-8")])
    row[column] = change(row[column])
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(row)
    path.write_bytes(data[:start] + out.getvalue().encode("utf-8") + data[end:])


def edit_claim(root: Path) -> None:
    _rewrite(root / "edges.csv", 9, lambda notes: notes + " (checked again)")


def rename_actor(root: Path) -> None:
    _rewrite(root / "nodes.csv", 1, lambda name: name + " Renamed")


def add_document(root: Path) -> None:
    (root / "sources" / f"{ADDED}.txt").write_text(ADDED_TEXT, encoding="utf-8")
    with (root / "sources.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            [ADDED, "An added report", f"sources/{ADDED}.txt", "", "2026", "Example Wire", ""])
    actors = []
    with (root / "nodes.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            actors.append(row["id"])
            if len(actors) == 21:
                break
    with (root / "edges.csv").open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        for i in range(20):
            writer.writerow([f"added-{i}", actors[i], actors[i + 1], "cooperates_with",
                             "met at the port on three occasions", ADDED, "investigators",
                             "alleged", "2026", "", ""])


EDITS = {"edited_claim": edit_claim, "added_document": add_document,
         "renamed_actor": rename_actor}


def bench_edits(casebook: Path, scratch: Path, path_command: list[str], env: dict,
                repeat: int, run) -> dict:
    """For each edit, the medians of `path_command` (with `--data` the copy) run right after
    it: wall time, when the answer came, peak memory."""
    copy = scratch / "edited"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(casebook, copy)
    command = [*path_command, "--data", str(copy), "--quiet"]
    first = run(command, env)  # fills the store
    out: dict = {"store_filled": {"wall": first["wall"], "rss_mb": first["rss_mb"]}}
    originals = {name: (copy / name).read_bytes()
                 for name in ("nodes.csv", "edges.csv", "sources.csv")}
    for name, edit in EDITS.items():
        runs = []
        for _ in range(repeat):
            edit(copy)
            result = run(command, env)
            if result["code"] != 0:
                out[name] = {"note": result["stderr"].strip()[-300:]}
                break
            runs.append(result)
            for file, data in originals.items():  # undone, as an editor saves it
                if (copy / file).read_bytes() != data:
                    (copy / file).write_bytes(data)
            (copy / "sources" / f"{ADDED}.txt").unlink(missing_ok=True)
            run(command, env)  # the store current again
        else:
            out[name] = {key: statistics.median(r[key] for r in runs)
                         for key in ("wall", "answered", "rss_mb")} | {"runs": len(runs)}
    shutil.rmtree(copy)
    return out
