"""How well `actorgraph suggest` finds a hand-made casebook's actors and claims again:

    python -m benchmarks.suggest_eval [--casebook data] [--doc ID] [--repeat 3]

For each document of the casebook (or `--doc`), suggestions are made twice: with an empty
casebook (the document alone) and with the casebook's actors known (but none of its
claims). Each is scored against the claims the casebook draws from that document:

- actors: the casebook's actors (those in the document's claims) that a suggestion names,
  by id when known, else by name or alias (folded by `name_key`, a leading "the" dropped);
- pairs: the casebook's distinct unordered pairs of actors found among the suggested claims;
- relations: of the pairs found, those suggested with a relation the casebook gives them;
- per claim: suggested claims per casebook claim (what an analyst must read);
- verbatim: the share of suggested quotes `Document.locate` finds in the document;
- precision (shown, no target): the share of suggested claims whose pair of actors the
  casebook has (what is left is noise, or ties the casebook's author did not record).

A naive floor runs beside it: every sentence naming two actors gives one `associated_with`
claim per pair, quoting the sentence (the casebook's names and aliases when known; every
capitalised run of words when the casebook is empty). Speed: the document, and the
document repeated to 1 MB, each the median of --repeat runs with the actors known.
Targets (set for the shipped article) are printed as PASS or FAIL.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from itertools import combinations
from pathlib import Path

from actorgraph.casebook.quotes import Document
from actorgraph.casebook.read import read_casebook, split_aliases
from actorgraph.suggest import suggest
from actorgraph.text import name_key

TARGETS = {  # (mode, metric) -> (comparison, threshold)
    ("empty", "actors"): (">=", 0.90),
    ("empty", "pairs"): (">=", 0.70),
    ("known", "pairs"): (">=", 0.80),
    ("empty", "relations"): (">=", 0.60),
    ("known", "relations"): (">=", 0.60),
    ("empty", "per_claim"): ("<=", 3.0),
    ("known", "per_claim"): ("<=", 3.0),
    ("empty", "verbatim"): (">=", 1.0),
    ("known", "verbatim"): (">=", 1.0),
}
SPEED_TARGETS = {"document": 1.0, "1 MB": 10.0}  # seconds
MEGABYTE = 1_000_000

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")


def _bare(name: str) -> str:
    key = name_key(name)
    return key[4:] if key.startswith("the ") else key


def casebook_parts(root: Path, doc: str | None):
    """(document id, text, actor dicts, the document's claims) for each document."""
    contents = read_casebook(root)
    errors = [p for p in contents.problems if p.severity == "error"]
    if errors:
        sys.exit("\n".join(map(str, errors)))
    actors = [{"id": a["id"], "name": a["name"], "type": a["type"],
               "aliases": split_aliases(a["aliases"])} for a in contents.actors.records]
    ids = [doc] if doc else list(contents.documents)
    for ident in ids:
        if ident not in contents.documents:
            sys.exit(f"no document {ident!r} in {root}/sources.csv")
        claims = [c for c in contents.claims.records if c["source_doc"] == ident]
        yield ident, contents.documents[ident].text, actors, claims


def matcher(actors: list[dict]):
    """A function from a suggested actor's name to the casebook ids it names."""
    by_name: dict[str, set[str]] = {}
    for actor in actors:
        for name in (actor["name"], *actor["aliases"]):
            by_name.setdefault(_bare(name), set()).add(actor["id"])
    return lambda name: by_name.get(_bare(name), set())


def score(claims: list[dict], actors: list[dict], proposed_actors: list[tuple[str, str]],
          proposed_claims: list[tuple[str, str, str, str]], text: str, known: bool) -> dict:
    """The metrics of one run. proposed_actors: (id, name); proposed_claims: (source,
    target, relation, quote)."""
    in_claims = {c[end] for c in claims for end in ("source", "target")}
    named = matcher(actors)
    ids = {ident: ({ident} if known and ident in in_claims else named(name))
           for ident, name in proposed_actors}
    found_actors = set().union(*ids.values()) & in_claims if ids else set()
    truth: dict[frozenset, set[str]] = {}
    for c in claims:
        truth.setdefault(frozenset((c["source"], c["target"])), set()).add(c["relation"])
    suggested: dict[frozenset, set[str]] = {}
    for source, target, relation, _quote in proposed_claims:
        for a in ids.get(source, ()):
            for b in ids.get(target, ()):
                if a != b:
                    suggested.setdefault(frozenset((a, b)), set()).add(relation)
    found = [pair for pair in truth if pair in suggested]
    agree = [pair for pair in found if truth[pair] & suggested[pair]]
    on_pairs = sum(any(frozenset((a, b)) in truth for a in ids.get(source, ())
                       for b in ids.get(target, ()) if a != b)
                   for source, target, _relation, _quote in proposed_claims)
    document = Document(text)
    located = sum(document.locate(q) is not None for *_rest, q in proposed_claims)
    return {
        "actors": len(found_actors) / len(in_claims) if in_claims else 1.0,
        "pairs": len(found) / len(truth) if truth else 1.0,
        "relations": len(agree) / len(found) if found else 0.0,
        "per_claim": len(proposed_claims) / len(claims) if claims else 0.0,
        "verbatim": located / len(proposed_claims) if proposed_claims else 1.0,
        "precision": on_pairs / len(proposed_claims) if proposed_claims else 0.0,
        "counts": (len(found_actors), len(in_claims), len(found), len(truth), len(agree),
                   len(proposed_claims)),
    }


def naive(text: str, actors: list[dict]):
    """The floor: (actors, claims) of one associated_with claim per pair of names in a
    sentence. With no actors, every capitalised run of words is a name."""
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
    names: dict[str, str] = {}  # name_key -> id
    proposed = []
    if actors:
        for actor in actors:
            for name in (actor["name"], *actor["aliases"]):
                names.setdefault(name_key(name), actor["id"])
        proposed = [(a["id"], a["name"]) for a in actors]
    else:
        for sentence in sentences:
            for run in _CAPITALISED.findall(sentence):
                names.setdefault(name_key(run), name_key(run))
        proposed = [(ident, ident) for ident in set(names.values())]
    patterns = [(re.compile(rf"(?<!\w){re.escape(k)}(?!\w)"), ident)
                for k, ident in names.items() if k]
    claims = []
    seen: set[str] = set()
    for sentence in sentences:
        key = name_key(sentence)
        present = sorted({ident for pattern, ident in patterns if pattern.search(key)})
        seen.update(present)
        for a, b in combinations(present, 2):
            claims.append((a, b, "associated_with", sentence))
    return [(ident, name) for ident, name in proposed if ident in seen], claims


def runs(text: str, actors: list[dict], doc: str):
    """{(mode, method): (proposed actors, proposed claims)}."""
    found = {}
    for mode, given in (("empty", []), ("known", actors)):
        s = suggest(text, given, doc_id=doc)
        found[(mode, "suggest")] = ([(a.id, a.name) for a in s.actors],
                                    [(c.source, c.target, c.relation, c.source_text)
                                     for c in s.claims])
        found[(mode, "floor")] = naive(text, given)
    return found


def timed(text: str, actors: list[dict], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        suggest(text, actors)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def verdict(mode: str, metric: str, value: float) -> str:
    target = TARGETS.get((mode, metric))
    if target is None:
        return ""
    op, threshold = target
    ok = value >= threshold - 1e-9 if op == ">=" else value <= threshold + 1e-9
    shown = f"{threshold:.0%}" if metric != "per_claim" else f"{threshold:g}"
    return f"{'PASS' if ok else 'FAIL'} ({op} {shown})"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--casebook", default="data", type=Path)
    parser.add_argument("--doc", help="one document id of the casebook (default: all)")
    parser.add_argument("--repeat", type=int, default=3, help="runs timed (median kept)")
    args = parser.parse_args(argv)
    failures = 0
    for doc, text, actors, claims in casebook_parts(args.casebook, args.doc):
        print(f"\n{args.casebook}  document {doc!r}: {len(text.split()):,} words, "
              f"{len(claims)} claims, {len(actors)} actors")
        header = (f"{'mode':<6} {'method':<8} {'actors':>14} {'pairs':>12} {'relations':>12} "
                  f"{'per claim':>12} {'verbatim':>9} {'precision':>10}")
        print(header)
        print("-" * len(header))
        results = runs(text, actors, doc)
        verdicts = []
        for (mode, method), (proposed_actors, proposed_claims) in results.items():
            m = score(claims, actors, proposed_actors, proposed_claims, text, mode == "known")
            fa, ta, fp, tp, ag, n = m["counts"]
            print(f"{mode:<6} {method:<8} {m['actors']:>6.0%} {fa:>3}/{ta:<3} "
                  f"{m['pairs']:>5.0%} {fp:>2}/{tp:<3} {m['relations']:>5.0%} {ag:>2}/{fp:<3} "
                  f"{m['per_claim']:>6.2f} ({n:>3}) {m['verbatim']:>8.0%} "
                  f"{m['precision']:>9.0%}")
            if method == "suggest":
                for metric in ("actors", "pairs", "relations", "per_claim", "verbatim"):
                    said = verdict(mode, metric, m[metric])
                    if said:
                        verdicts.append(f"  {mode:<6} {metric:<10} {m[metric]:>7.2f}  {said}")
        big = (text + "\n\n") * (MEGABYTE // (len(text) + 2) + 1)
        speeds = {"document": timed(text, actors, args.repeat),
                  "1 MB": timed(big, actors, args.repeat)}
        print(f"speed (median of {args.repeat}, actors known): the document "
              f"{speeds['document']:.3f} s; {len(big) / 1e6:.2f} MB ({len(big):,} characters) "
              f"{speeds['1 MB']:.2f} s")
        for name, seconds in speeds.items():
            ok = seconds < SPEED_TARGETS[name]
            verdicts.append(f"  speed  {name:<10} {seconds:>7.2f}  "
                            f"{'PASS' if ok else 'FAIL'} (< {SPEED_TARGETS[name]:g} s)")
        print("targets:")
        print("\n".join(verdicts))
        failures += sum("FAIL" in v for v in verdicts)
    print(f"\n{failures} target{'s' if failures != 1 else ''} failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
