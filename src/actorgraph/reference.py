"""The README's CSV reference, written from schema.py so the two never disagree.

`python -m actorgraph.reference` prints it; `--write README.md` replaces the part between the
reference markers.
"""

from __future__ import annotations

import sys
from pathlib import Path

from actorgraph.schema import ACTOR_TYPES, CERTAINTIES, FAMILIES, RELATIONS, TABLES

START = "<!-- reference:start (written by `python -m actorgraph.reference --write README.md`) -->"
END = "<!-- reference:end -->"


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return lines + [""]


def reference() -> str:
    out: list[str] = []
    for table in TABLES:
        out += [f"### `{table.filename}`", "", table.description, ""]
        out += _table(("column", "required", "meaning"), [
            (f"`{c.name}`", "yes" if c.required else "", c.description) for c in table.columns])
        if table.aliases:
            spelled = ", ".join(f"`{k}` → `{v}`" for k, v in table.aliases.items())
            out += [f"Headers are case-insensitive; other tools' spellings are accepted: "
                    f"{spelled}.", ""]
    out += ["### Actor types (`nodes.csv` `type`)", ""]
    out += _table(("type", "meaning", "drawn as"), [
        (f"`{t.name}`", t.description, f"{t.shape}, {t.color}" + (
            f" ({t.large_shape} on pages laid out in Python)" if t.large_shape else ""))
        for t in ACTOR_TYPES.values()])
    out += ["### Relations (`edges.csv` `relation`)", "",
            "A directed relation reads from `source` to `target` (`iran` supplies arms to "
            "`venezuela`); an undirected one has no arrow and either order means the same.", ""]
    out += _table(("relation", "reads", "directed", "family", "meaning"), [
        (f"`{r.name}`", r.label, "yes" if r.directed else "no", r.family, r.description)
        for r in RELATIONS.values()])
    out += ["Families (the colour of a relation's line):", ""]
    out += _table(("family", "colour", "meaning"), [
        (f"`{f.name}`", f.color, f.description) for f in FAMILIES.values()])
    out += ["### Certainty (`edges.csv` `certainty`), strongest first", ""]
    out += _table(("certainty", "meaning", "line"), [
        (f"`{c.name}`", c.description,
         "solid" if c.dashes is False else "dashes " + "-".join(map(str, c.dashes)))
        for c in CERTAINTIES.values()])
    return "\n".join(out).rstrip() + "\n"


def replace_section(text: str) -> str:
    """`text` (a README) with the reference section rewritten."""
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n\n{reference()}\n{END}{tail}"


if __name__ == "__main__":
    if sys.argv[1:2] == ["--write"]:
        path = Path(sys.argv[2])
        path.write_text(replace_section(path.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        sys.stdout.write(reference())
