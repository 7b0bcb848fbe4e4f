"""Two ways to locate every quote of a casebook, timed on the same documents and quotes:

    python -m benchmarks.quote_index benchmarks/data/c500000

1. `find`: what `quotes.Document.locate` does, `str.find` of each fragment in the folded text
   from where the previous fragment ended (a C scan of the document up to the match);
2. `index`: a dict from the first K characters at every word start to the positions where
   they occur, built once per document, then a `startswith` check at each candidate.
Both only time the search (the documents are folded once beforehand, as in `Document`).
The index answers "the first occurrence at a word start", which is not always the first
occurrence (`arms` inside `firearms`): it would change what `locate` reports.
"""

from __future__ import annotations

import sys
import time
from bisect import bisect_left
from collections import defaultdict
from pathlib import Path

from actorgraph.casebook.quotes import fragments
from actorgraph.casebook.read import read_casebook

K = 8


def by_find(folded: str, pieces_list: list[list[str]]) -> int:
    found = 0
    for pieces in pieces_list:
        at = 0
        for piece in pieces:
            hit = folded.find(piece, at)
            if hit < 0:
                break
            at = hit + len(piece)
        else:
            found += 1
    return found


def by_index(folded: str, pieces_list: list[list[str]]) -> int:
    index: dict[str, list[int]] = defaultdict(list)
    start = 0
    while start >= 0:
        index[folded[start:start + K]].append(start)
        start = folded.find(" ", start)
        start = start + 1 if start >= 0 else -1
    found = 0
    for pieces in pieces_list:
        at = 0
        for piece in pieces:
            spots = index.get(piece[:K], ())
            i = bisect_left(spots, at)
            while i < len(spots) and not folded.startswith(piece, spots[i]):
                i += 1
            if i == len(spots):
                hit = folded.find(piece, at)  # not at a word start: scan, as before
                if hit < 0:
                    break
            else:
                hit = spots[i]
            at = hit + len(piece)
        else:
            found += 1
    return found


def main() -> None:
    root = Path(sys.argv[1])
    book = read_casebook(root)
    quotes: dict[str, list[list[str]]] = defaultdict(list)
    for claim in book.claims.records:
        quotes[claim["source_doc"]].append(fragments(claim["source_text"]))
    for name, method in (("find", by_find), ("index", by_index)):
        start = time.perf_counter()
        found = sum(method(book.documents[d].folded, q) for d, q in quotes.items())
        print(f"{name}: {time.perf_counter() - start:.2f} s for {found} of "
              f"{sum(map(len, quotes.values()))} quotes in {len(quotes)} documents")


if __name__ == "__main__":
    main()
