"""Answers as text for people: aligned, wrapped to the terminal, readable without colour."""

from __future__ import annotations

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
    """`text` wrapped to the terminal, every line indented by `indent` spaces."""
    pad = " " * indent
    text = " ".join(str(text).split())
    columns = width()
    if len(text) + indent < columns:  # fits on one line: what textwrap would give, faster
        return [pad + text] if text else [pad.rstrip()]
    return textwrap.wrap(text, columns - 1, initial_indent=pad, subsequent_indent=pad,
                         break_on_hyphens=False) or [pad.rstrip()]


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


def claim_block(claim: dict, earlier: str, later: str, arrow: str, indent: int) -> list[str]:
    """One claim for people: who → whom and the relation, then its provenance, then its
    quote, wrapped and indented."""
    where = claim["document_title"] or claim["document"]
    if claim["paragraph"]:
        where += f", ¶{claim['paragraph']}"
    facts = [claim["certainty"], f"claimed by {claim['claimed_by']}", claim["date"], where]
    lines = wrap(f"{earlier} {arrow} {later}: {claim['relation_label']} ({claim['id']})", indent)
    lines += wrap(" · ".join(f for f in facts if f), indent + 2)
    lines += wrap(f"\"{claim['quote']}\"", indent + 4)
    if claim["notes"]:
        lines += wrap(f"note: {claim['notes']}", indent + 4)
    return lines


def path_text(records: list[dict]) -> list[str]:
    lines: list[str] = []
    for p in records:
        if lines:
            lines.append("")
        hops = f"{p['hops']} hop{'s' if p['hops'] != 1 else ''}"
        lines += wrap(f"{p['path']}. {' — '.join(p['names'])} ({hops}, weakest: "
                      f"{p['weakest']})", 0)
        for step in p["steps"]:
            for c in step["claims"]:
                lines += claim_block(c, step["from_name"], step["to_name"], c["arrow"], 3)
    return lines


def show_text(details: dict) -> list[str]:
    lines = [f"{details['name']} ({details['type']}, id {details['id']})"]
    if details["aliases"]:
        lines += wrap("also: " + ", ".join(details["aliases"]), 2)
    if details["description"]:
        lines += wrap(details["description"], 2)
    for relation, claims in details["claims"].items():
        lines += ["", f"{RELATIONS[relation].label} ({relation}, {len(claims)})"]
        for c in claims:
            lines += claim_block(c, details["name"], c["other_name"], c["arrow"], 2)
    if not details["claims"]:
        lines += ["", "no claims"]
    return lines


def claims_text(rows: list[dict]) -> list[str]:
    lines: list[str] = []
    for c in rows:
        lines += claim_block(c, c["source_name"], c["target_name"],
                             "→" if c["directed"] else "—", 0)
    return lines


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
    single, weak = s["single_source"], s["suspicion_only"]
    lines += ["", "Evidence",
              f"  {single['claims']} of {s['claims']} claims rest on a single source document "
              f"({single['pairs']} of {s['pairs']} actor pairs)",
              f"  {weak['claims']} claims rest on suspicion alone ({weak['pairs']} actor pairs "
              "with only suspected or implied claims)"]
    return lines
