"""Quote search one quote at a time against a whole document's quotes at once:

    python -m benchmarks.quote_batch benchmarks/data/c500000 [--base REV] [--runs 3]
    python -m benchmarks.quote_batch data

Times, over every document of a casebook with its quotes grouped by `source_doc` (edges.csv
read with the csv module, documents read from disk, neither timed):
- `Document(text)` for every document, with the `quotes.py` of git revision REV (default
  ea1fba8, before `locate_all`) and with the working tree's;
- `[doc.locate(q) for q in quotes]` with REV's `quotes.py` (old) and
  `doc.locate_all(quotes)` with the working tree's (new), on fresh documents each run, so
  that no quote is already remembered.
The cycle collector is off while timing, as it is while `load` reads a casebook.
Prints the median of the runs and the ratio, and checks that both give the same spans.
"""

from __future__ import annotations

import argparse
import csv
import gc
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from actorgraph.casebook import quotes as new_quotes
from actorgraph.casebook.read import document_place


def load_revision(rev: str):
    """The `actorgraph.quotes` module as it was at a git revision, imported under another name."""
    source = subprocess.run(["git", "show", f"{rev}:src/actorgraph/quotes.py"], check=True,
                            capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "quotes_base.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("quotes_base", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses looks its module up there
    spec.loader.exec_module(module)
    return module


def read_quotes(root: Path) -> tuple[list[str], list[list[str]]]:
    """Each cited document's text and its claims' quotes, in edges.csv order."""
    by_doc: dict[str, list[str]] = defaultdict(list)
    with open(root / "edges.csv", encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            if row["source_doc"] and row["source_text"]:
                by_doc[row["source_doc"]].append(row["source_text"])
    with open(root / "sources.csv", encoding="utf-8-sig", newline="") as f:
        paths = {row["id"]: document_place(root, row["path"]).path for row in csv.DictReader(f)}
    ids = [d for d in by_doc if d in paths]
    return [paths[d].read_text(encoding="utf-8") for d in ids], [by_doc[d] for d in ids]


def timed(fn, *args) -> tuple[float, object]:
    """Seconds `fn` takes with the cycle collector off, as while a casebook loads."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        result = fn(*args)
        return time.perf_counter() - start, result
    finally:
        gc.enable()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("casebook", type=Path)
    # ea1fba8: the last revision that searched one quote at a time
    parser.add_argument("--base", default="ea1fba8", help="git revision of the old quotes.py")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    old_quotes = load_revision(args.base)
    texts, quote_lists = read_quotes(args.casebook)
    print(f"{len(texts)} documents, {sum(map(len, texts)):,} characters, "
          f"{sum(map(len, quote_lists)):,} quotes", file=sys.stderr)
    times = defaultdict(list)
    for _ in range(args.runs):
        seconds, docs = timed(list, map(old_quotes.Document, texts))
        times["Document() old"].append(seconds)
        seconds, old_spans = timed(locate_each, docs, quote_lists)
        times["locate each (old)"].append(seconds)
        docs = None
        seconds, docs = timed(list, map(new_quotes.Document, texts))
        times["Document() new"].append(seconds)
        seconds, new_spans = timed(locate_all, docs, quote_lists)
        times["locate_all (new)"].append(seconds)
        docs = None
        if [[_fields(s) for s in spans] for spans in old_spans] != new_spans:
            sys.exit("the old and new spans differ")
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, value in medians.items():
        runs = ", ".join(f"{v * 1000:.3f}" for v in times[name])
        print(f"{name:20} {value * 1000:11.3f} ms  (runs: {runs})")
    for old, new in (("Document() old", "Document() new"),
                     ("locate each (old)", "locate_all (new)")):
        print(f"{old} / {new}: {medians[old] / medians[new]:.2f}x")


def locate_each(docs, quote_lists) -> list[list]:
    return [[doc.locate(q) for q in quotes] for doc, quotes in zip(docs, quote_lists)]


def locate_all(docs, quote_lists) -> list[list]:
    return [doc.locate_all(quotes) for doc, quotes in zip(docs, quote_lists)]


def _fields(span) -> tuple | None:
    """An old span (whatever its class) as the tuple of its fields, to compare with a new one."""
    return span and (span.start, span.end, span.paragraph, span.pieces)


if __name__ == "__main__":
    main()
