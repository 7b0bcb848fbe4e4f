"""Answers as text for people: aligned, wrapped to the terminal, readable without colour."""

from __future__ import annotations

import functools
import shutil
import textwrap
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from actorgraph.schema import RELATIONS

MIN_WIDTH = 40
_printing: list[int] = []  # the width while `present.render` writes text: asked once


def width() -> int:
    """The terminal's width (COLUMNS wins; 80 when not a terminal)."""
    if _printing:
        return _printing[-1]
    return max(MIN_WIDTH, shutil.get_terminal_size((80, 24)).columns)


@contextmanager
def measured() -> Iterator[None]:
    """The terminal's width asked once for all the lines written inside the block."""
    _printing.append(width())
    try:
        yield
    finally:
        _printing.pop()


def wrap(text: str, indent: int) -> list[str]:
    """`text` wrapped to the terminal, every line indented by `indent` spaces: textwrap's
    `wrap` of it with its whitespace folded, without breaking at hyphens."""
    pad = " " * indent
    text = " ".join(str(text).split())
    columns = width()
    if len(text) + indent < columns:  # fits on one line: what textwrap would give, faster
        return [pad + text] if text else [pad.rstrip()]
    return _wrapper(columns - 1, pad).wrap(text) or [pad.rstrip()]


class _SingleSpaced(textwrap.TextWrapper):
    """textwrap's wrapper for text whose words are one space apart (`wrap` folds it so):
    its chunks split with `str.split`, not a regular expression, and no whitespace to
    replace. Listing 500k claims, the wrapping took 7.5 s and takes 3.2 s."""

    def _split(self, text: str) -> list[str]:
        words = text.split(" ")
        chunks = [" "] * (2 * len(words) - 1)
        chunks[::2] = words
        return chunks


@functools.lru_cache(maxsize=64)
def _wrapper(columns: int, pad: str) -> textwrap.TextWrapper:
    return _SingleSpaced(columns, initial_indent=pad, subsequent_indent=pad,
                         expand_tabs=False, replace_whitespace=False, break_on_hyphens=False)


def number(value) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def table(rows: list[dict], columns: Iterable[str], header: bool = True) -> list[str]:
    """Rows as aligned columns, under a header unless not `header`: numbers right-aligned,
    lists joined with commas, a last text column wrapped to the terminal."""
    columns = tuple(columns)
    numeric = [bool(rows) and all(isinstance(r.get(c), (int, float)) for r in rows)
               for c in columns]
    body = [[clip(number(cell_list(row.get(c)))) for c in columns[:-1]]
            + [number(cell_list(row.get(columns[-1])))] for row in rows]
    head = [list(columns)] if header else []
    widths = [max(len(v) for v in values) for values in zip(*head, *body)]
    lead = sum(widths[:-1]) + 2 * (len(columns) - 1)
    fits = [numeric[-1] or lead + len(values[-1]) < width() for values in (*head, *body)]
    # With too little room beside the others, the last column goes under each row.
    under = not all(fits) and width() - lead < 24
    lines = []
    for values, fit in zip((*head, *body), fits):
        parts = [v.rjust(w) if num else v.ljust(w)
                 for v, w, num in zip(values, widths, numeric)]
        if under:
            lines.append("  ".join(parts[:-1]).rstrip())
            lines += wrap(values[-1], 4)
        elif fit:
            lines.append("  ".join(parts).rstrip())
        else:
            last = wrap(values[-1], lead)
            lines.append("  ".join([*parts[:-1], last[0].lstrip()]))
            lines += last[1:]
    return lines


MAX_CELL = 40  # characters shown of a cell before the last column; json and csv hold it all


def clip(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def cell_list(value) -> str | int | float:
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return "" if value is None else value


def _provenance(claim: dict) -> list[str]:
    """What a claim rests on: its certainty, stance, claimant, date, document and paragraph."""
    where = claim["document_title"] or claim["document"]
    if claim["paragraph"]:
        where += f", ¶{claim['paragraph']}"
    denies = "DENIES" if claim.get("stance") == "denies" else ""
    return [claim["certainty"], denies, f"claimed by {claim['claimed_by']}", claim["date"],
            where]


def _quote(claim: dict, indent: int) -> list[str]:
    lines = wrap(f"\"{claim['quote']}\"", indent)
    if claim["notes"]:
        lines += wrap(f"note: {claim['notes']}", indent)
    return lines


def claim_block(claim: dict, earlier: str, later: str, arrow: str, indent: int) -> list[str]:
    """One claim for people: who → whom and the relation, then its provenance and how its
    tie stands, then its quote, wrapped and indented."""
    lines = wrap(f"{earlier} {arrow} {later}: {claim['relation_label']} ({claim['id']})", indent)
    tie = (f"tie: {claim['tie_documents']} document{'s' if claim['tie_documents'] != 1 else ''}"
           + (", disputed" if claim["tie_disputed"] else ""))
    lines += wrap(" · ".join(f for f in (*_provenance(claim), tie) if f), indent + 2)
    return lines + _quote(claim, indent + 4)


def tie_block(tie: dict, claims: list[dict], earlier: str, later: str, indent: int
              ) -> list[str]:
    """One tie for people: who → whom, the relation and how the tie stands (its documents,
    publishers, a dispute), then each of its claims: id, provenance, quote."""
    arrow = claims[0]["arrow"]
    lines = wrap(f"{earlier} {arrow} {later}: {claims[0]['relation_label']} — "
                 f"{tie['support']}", indent)
    for c in claims:
        lines += wrap(" · ".join(f for f in (c["id"], *_provenance(c)) if f), indent + 2)
        lines += _quote(c, indent + 4)
    return lines


def _ties_of(claims: list[dict], ties: list[dict]):
    by_id = {c["id"]: c for c in claims}
    return [(tie, [by_id[i] for i in tie["claim_ids"]]) for tie in ties]


def path_text(records: list[dict]) -> list[str]:
    lines: list[str] = []
    for p in records:
        if lines:
            lines.append("")
        hops = f"{p['hops']} hop{'s' if p['hops'] != 1 else ''}"
        lines += wrap(f"{p['path']}. {' — '.join(p['names'])} ({hops}, weakest: "
                      f"{p['weakest']})", 0)
        for step in p["steps"]:
            for tie, claims in _ties_of(step["claims"], step["ties"]):
                lines += tie_block(tie, claims, step["from_name"], step["to_name"], 3)
    return lines


def show_text(details: dict) -> list[str]:
    lines = [f"{details['name']} ({details['type']}, id {details['id']})"]
    if details["aliases"]:
        lines += wrap("also: " + ", ".join(details["aliases"]), 2)
    if details["description"]:
        lines += wrap(details["description"], 2)
    for relation, claims in details["claims"].items():
        lines += ["", f"{RELATIONS[relation].label} ({relation}, {len(claims)})"]
        for tie, listed in _ties_of(claims, details["ties"][relation]):
            lines += tie_block(tie, listed, details["name"], listed[0]["other_name"], 2)
    if not details["claims"]:
        lines += ["", "no claims"]
    if details["alleges"]:
        lines += ["", f"alleges, as the claimant ({len(details['alleges'])})"]
        lines += claims_text(details["alleges"], 2)
    return lines


def claims_text(rows: list[dict], indent: int = 0) -> list[str]:
    lines: list[str] = []
    for c in rows:
        lines += claim_block(c, c["source_name"], c["target_name"],
                             "→" if c["directed"] else "—", indent)
    return lines


def ties_text(rows: list[dict], names: dict[str, str]) -> list[str]:
    """Ties as a table: who, what relation, whom, and what stands behind it."""
    shown = [{"tie": f"{names[t['source']]} {'→' if RELATIONS[t['relation']].directed else '—'} "
                     f"{names[t['target']]}: {RELATIONS[t['relation']].label} "
                     f"({t['strongest_certainty']})",
              "claims": t["claims"], "docs": t["documents"], "publishers": t["publishers"],
              "claimants": t["claimants"], "denied": t["denying"]} for t in rows]
    return table(shown, ("claims", "docs", "publishers", "claimants", "denied", "tie"))


def _counts(title: str, counts: dict) -> list[str]:
    rows = [{"what": k, "count": v} for k, v in counts.items()]
    return ["", title, *("  " + line for line in table(rows, ("what", "count"), header=False))]


def stats_text(s: dict) -> list[str]:
    sizes = ", ".join(map(str, s["component_sizes"]))
    components = ("1 connected component" if s["components"] == 1 else
                  f"{s['components']} connected components (sizes {sizes})")
    lines = wrap(f"{s['actors']} actors, {s['claims']} claims, {s['documents']} "
                 f"document{'s' if s['documents'] != 1 else ''}, {s['pairs']} linked actor "
                 f"pairs, {components}", 0)
    lines += _counts("Actors by type", s["actor_types"])
    lines += _counts("Claims by relation", s["relations"])
    lines += _counts("Claims by certainty", s["certainties"])
    for key, title, measure in (("top_degree", "Most claims (degree)", "degree"),
                                ("top_betweenness", "Brokers (betweenness)", "betweenness")):
        ranked = [{"name": r["name"], "id": r["id"], measure: r[measure]} for r in s[key]]
        lines += ["", title,
                  *("  " + line for line in table(ranked, ("name", "id", measure), header=False))]
    both, single = s["corroborated"], s["single_source"]
    disputed, weak = s["disputed"], s["suspicion_only"]
    lines += ["", "Evidence, by tie (one relation between two actors)"]
    lines += wrap(f"{_n(s['ties'], 'tie')}: {both['ties']} corroborated (two publishers or "
                  f"more affirm it; {_n(both['claims'], 'claim')}), {single['ties']} affirmed "
                  f"by a single document ({_n(single['claims'], 'claim')}), "
                  f"{disputed['ties']} disputed ({_n(disputed['claims'], 'claim')})", 2)
    lines += wrap(f"{_n(weak['ties'], 'tie')} on suspicion alone (the strongest claim "
                  f"affirming it suspected or implied; {_n(weak['claims'], 'claim')})", 2)
    return lines


def _n(count: int, word: str) -> str:
    return f"{count:,} {word}{'s' if count != 1 else ''}"
