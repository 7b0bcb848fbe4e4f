"""Adding to a casebook and merging its actors, without hand-editing its CSV files.

Each function works out an `Edit`: the new contents of the files it changes (rows appended
or changed through `casebook.patch`, every other byte kept), and what it does, said for
people. `Edit.apply()` validates the whole casebook as changed (the same checks as
`actorgraph validate`, every quote found) and only then writes all the files as one change
(`files.replace_together`): a refused edit changes no byte.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from actorgraph.casebook.patch import BOM, TableText
from actorgraph.casebook.quotes import Document
from actorgraph.casebook.read import (
    MAX_DOCUMENT_MB,
    Unreadable,
    decode,
    display_path,
    document_place,
    inside,
    read_bytes,
    read_casebook,
    split_aliases,
)
from actorgraph.casebook.validate import date_problem, validate
from actorgraph.errors import BadValue, InputError, Problem, ValidationError
from actorgraph.files import replace_together
from actorgraph.graph.names import resolve
from actorgraph.schema import (
    ALIAS_SEPARATOR,
    DENIES,
    EDGES,
    NODES,
    RELATIONS,
    SOURCES,
    check,
)
from actorgraph.text import closest, fold, name_key, slug
from actorgraph.workspace import open_casebook

CLOSE = 90  # rapidfuzz ratio of folded names from which a new actor needs --force
_ID = re.compile(r"^(?P<prefix>\D*?)(?P<number>\d+)$")


@dataclass
class Edit:
    """A change to a casebook's files, worked out and not yet written."""

    root: Path
    files: dict[str, bytes] = field(default_factory=dict)  # path in the casebook -> contents
    done: list[str] = field(default_factory=list)  # what it does, for people
    made: str = ""  # the id it made (or kept)

    def apply(self, dry_run: bool = False) -> list[Problem]:
        """Validate the casebook as changed (ValidationError if it has errors, nothing
        written), then write every file at once unless `dry_run`; return the warnings the
        change brings."""
        before = {p.message for p in validate(read_casebook(self.root))[1]}
        _spans, problems = validate(read_casebook(self.root, self.files))
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise ValidationError(errors)
        if not dry_run:
            replace_together({self.root / path: data for path, data in self.files.items()})
        return [p for p in problems if p.message not in before]


def _tables(root: Path, *tables, base: Edit | None = None) -> list[TableText]:
    """The tables as they are, or as `base` (an edit not yet written) leaves them."""
    pending = base.files if base is not None else {}
    try:
        return [TableText.parse(table, decode(pending[table.filename], root / table.filename),
                                pending[table.filename].startswith(BOM.encode()))
                if table.filename in pending else TableText.read(root, table)
                for table in tables]
    except (FileNotFoundError, Unreadable) as err:
        raise InputError(f"{display_path(root)} cannot be edited: {err}; run "
                         "`actorgraph validate` to see why") from err


def _free_id(taken: Iterable[str], base: str) -> str:
    taken = set(taken)
    return slug(base, taken)


def _next_claim_id(ids: list[str]) -> str:
    """The next claim id in the casebook's own numbering: the most common prefix and width,
    one past the highest number (`c121` -> `c122`)."""
    shapes: dict[tuple[str, int], int] = {}
    highest: dict[tuple[str, int], int] = {}
    for ident in ids:
        match = _ID.match(ident)
        if match:
            shape = (match["prefix"], len(match["number"]))
            shapes[shape] = shapes.get(shape, 0) + 1
            highest[shape] = max(highest.get(shape, 0), int(match["number"]))
    if not shapes:
        return "c001" if "c001" not in ids else _free_id(ids, "c")
    prefix, width = max(shapes, key=lambda s: (shapes[s], s[1]))
    number = max(n for (p, _w), n in highest.items() if p == prefix) + 1
    candidate = f"{prefix}{number:0{width}d}"
    while candidate in ids:
        number += 1
        candidate = f"{prefix}{number:0{width}d}"
    return candidate


# --- add source ----------------------------------------------------------------------------

def _after(root: Path, base: Edit | None) -> Edit:
    """A new edit that goes on from `base` (its files and what it does), or from nothing."""
    if base is None:
        return Edit(root)
    return Edit(root, dict(base.files), list(base.done), base.made)


def add_source(root: Path | str, file: Path | str, title: str, publisher: str = "",
               published: str = "", url: str = "", reliability: str = "",
               base: Edit | None = None) -> Edit:
    """Register a document: copied into the casebook's `sources/` (unless it is inside the
    casebook already), its id made from its title, its row appended to sources.csv. `base`:
    an edit this one goes on from (all are written together)."""
    root, file = Path(root), Path(file)
    if not title.strip():
        raise BadValue("title", title, "is blank; give the document's title")
    if published and date_problem(published):
        raise BadValue("published", published, "is not an ISO 8601 date (use YYYY, YYYY-MM "
                       "or YYYY-MM-DD)")
    if reliability:
        check("reliability", (reliability,), "reliability")
    try:
        data = read_bytes(file, MAX_DOCUMENT_MB)
        text = decode(data, file)
    except FileNotFoundError as err:
        raise BadValue("file", str(file), "is not a file") from err
    except Unreadable as err:
        raise BadValue("file", str(file), str(err)) from err
    (sources,) = _tables(root, SOURCES, base=base)
    ident = _free_id(sources.ids(), title)
    edit = _after(root, base)
    edit.made = ident
    here = inside(root, str(file.resolve()))
    if here is not None and here.is_file():
        path = here.relative_to(root.resolve()).as_posix()
    else:
        suffix = file.suffix if re.fullmatch(r"\.[A-Za-z0-9]{1,8}", file.suffix) else ".txt"
        taken = {p.stem for p in (root / "sources").glob("*")} if (root / "sources").is_dir() \
            else set()
        taken |= {Path(p).stem for p in edit.files if p.startswith("sources/")}
        path = f"sources/{slug(ident, taken)}{suffix}"
        edit.files[path] = data
        edit.done.append(f"copied {display_path(file)} to {display_path(root / path)}")
    if not Document(text).text.strip():
        raise BadValue("file", str(file), "holds no text")
    sources.append({"id": ident, "title": title.strip(), "path": path, "url": url,
                    "published": published, "publisher": publisher,
                    "reliability": reliability})
    if reliability and not sources.has_column("reliability"):
        sources.add_column("reliability")
    edit.files[SOURCES.filename] = sources.encoded()
    edit.done.append(f"added source {ident!r} ({title.strip()!r}) to "
                     f"{display_path(root / SOURCES.filename)}")
    return edit


# --- add actor -----------------------------------------------------------------------------

def add_actor(root: Path | str, name: str, kind: str, aliases: Iterable[str] = (),
              description: str = "", force: bool = False, base: Edit | None = None,
              ident: str | None = None) -> Edit:
    """Add an actor, refusing a name or alias that already names one (folded for case,
    accents and typography), or (unless `force`) one very close to an existing name. Its
    id is `ident` if given and free, else made from its name."""
    root = Path(root)
    name, aliases = name.strip(), [a.strip() for a in aliases if a.strip()]
    if not name:
        raise BadValue("name", name, "is blank; give the actor's name")
    check("type", (kind,), "kind")
    for alias in aliases:
        if ALIAS_SEPARATOR in alias:
            raise BadValue("aliases", alias, f"holds {ALIAS_SEPARATOR!r}; give each alias "
                           "on its own")
    (nodes,) = _tables(root, NODES, base=base)
    known: dict[str, tuple[str, str]] = {}  # folded name -> (actor id, name as written)
    for record in nodes.records:
        v = record.values
        for written in (v.get("id", ""), v.get("name", ""), *split_aliases(v.get("aliases", ""))):
            if written:
                known.setdefault(name_key(written), (v.get("id", ""), written))
    for wanted in (name, *aliases):
        hit = known.get(name_key(wanted))
        if hit:
            raise BadValue("name" if wanted == name else "aliases", wanted,
                           f"already names actor {hit[0]!r} ({hit[1]!r}); use it, or "
                           f"`actorgraph merge` two actors that are one")
    if not force:
        near = closest(name, list(known), limit=1, cutoff=CLOSE)
        if near:
            ident, written = known[near[0]]
            raise BadValue("name", name, f"is very close to {written!r}, a name of actor "
                           f"{ident!r}; if they are two actors, add it with --force")
    taken = set(nodes.ids())
    ident = ident if ident and ident not in taken else _free_id(taken, ident or name)
    nodes.append({"id": ident, "name": name, "type": kind,
                  "aliases": ALIAS_SEPARATOR.join(aliases), "description": description})
    edit = _after(root, base)
    edit.files[NODES.filename], edit.made = nodes.encoded(), ident
    edit.done.append(f"added actor {ident!r} ({name!r}, {kind}) to "
                     f"{display_path(root / NODES.filename)}")
    return edit


# --- add claim -----------------------------------------------------------------------------

def add_claim(root: Path | str, source: str, relation: str, target: str, *, doc: str,
              quote: str, claimed_by: str = "the author", certainty: str = "asserted",
              stance: str = "affirms", date: str = "", notes: str = "",
              base: Edit | None = None) -> Edit:
    """Add a claim: its actors named as queries name them, its quote found in its document
    (or the closest passage shown, nothing written), the next free claim id; a claim that
    repeats another's actors, relation, document and quote is refused."""
    root = Path(root)
    check("relation", (relation,), "relation")
    check("certainty", (certainty,), "certainty")
    check("stance", (stance,), "stance")
    if date and date_problem(date):
        raise BadValue("date", date, "is not an ISO 8601 date (use YYYY, YYYY-MM or "
                       "YYYY-MM-DD)")
    if not quote.strip():
        raise BadValue("quote", quote, "is blank; quote the passage that supports the claim")
    edges, registry, nodes = _tables(root, EDGES, SOURCES, NODES, base=base)
    paths = {r.values.get("id"): r.values.get("path", "") for r in registry.records}
    if doc not in paths:
        hint = closest(doc, list(paths), limit=1)
        raise BadValue("doc", doc, "is not a source id of the casebook" + (
            f" (did you mean {hint[0]!r}?)" if hint else "; register the document with "
            "`actorgraph add source`"))
    source_id, target_id = _actors(root, nodes, (source, "Source"), (target, "Target"))
    if base is not None and paths[doc] in base.files:  # a document this edit adds
        text = decode(base.files[paths[doc]], root / paths[doc])
    else:
        place = document_place(root, paths[doc])
        if place.path is None:
            raise InputError(f"source {doc!r}: {place.message}")
        text = decode(read_bytes(place.path, MAX_DOCUMENT_MB), place.path)
    document = Document(text)
    if document.locate(quote) is None:
        raise BadValue("quote", quote, f"is not in {doc!r}; the closest passage is "
                       f"{document.closest(quote)!r}")
    directed = RELATIONS[relation].directed
    ends = (source_id, target_id) if directed else tuple(sorted((source_id, target_id)))
    for record in edges.records:
        v = record.values
        theirs = (v["source"], v["target"]) if directed else tuple(sorted((v["source"],
                                                                           v["target"])))
        if (theirs == ends and v["relation"] == relation and v["source_doc"] == doc
                and fold(v["source_text"]).casefold() == fold(quote).casefold()):
            raise InputError(f"claim {v['id']!r} says this already: the same actors, "
                             f"relation, document and quote")
    ident = _next_claim_id(edges.ids())
    if stance == DENIES:
        edges.add_column("stance")
    edges.append({"id": ident, "source": source_id, "target": target_id, "relation": relation,
                  "source_text": quote.strip(), "source_doc": doc,
                  "claimed_by": claimed_by.strip(), "certainty": certainty, "date": date,
                  "notes": notes, "stance": DENIES if stance == DENIES else ""})
    edit = _after(root, base)
    edit.files[EDGES.filename], edit.made = edges.encoded(), ident
    edit.done.append(f"added claim {ident!r} ({source_id} {RELATIONS[relation].label} "
                     f"{target_id}{', denied' if stance == DENIES else ''}, {certainty}, "
                     f"from {doc!r}) to {display_path(root / EDGES.filename)}")
    return edit


def _actors(root: Path, nodes: TableText, *named: tuple[str, str]) -> list[str]:
    """The ids of the actors named (id, name or alias, as queries name them): an actor this
    edit adds is known by its id."""
    ids = set(nodes.ids())
    if all(text in ids for text, _role in named):
        return [text for text, _role in named]
    with open_casebook(root) as book:
        return [text if text in ids else resolve(book, text, role) for text, role in named]


# --- merge ---------------------------------------------------------------------------------

def merge(root: Path | str, keep: str, drop: str) -> Edit:
    """Merge actor `drop` into actor `keep`: `drop`'s claims move to `keep`, its name and
    aliases become `keep`'s aliases, and `drop` is removed."""
    root = Path(root)
    with open_casebook(root) as book:
        keep_id, drop_id = resolve(book, keep, "Actor to keep"), resolve(book, drop,
                                                                         "Actor to merge")
    if keep_id == drop_id:
        raise InputError(f"{keep!r} and {drop!r} are one actor already ({keep_id!r})")
    nodes, edges = _tables(root, NODES, EDGES)
    rows = {r.values["id"]: i for i, r in enumerate(nodes.records)}
    kept, dropped = nodes.records[rows[keep_id]].values, nodes.records[rows[drop_id]].values
    have = {name_key(n) for n in (kept["id"], kept["name"], *split_aliases(kept["aliases"]))}
    new_aliases = []
    for written in (dropped["name"], *split_aliases(dropped["aliases"])):
        if written and name_key(written) not in have:
            have.add(name_key(written))
            new_aliases.append(written)
    nodes.replace(rows[keep_id], {**kept, "aliases": ALIAS_SEPARATOR.join(
        [*split_aliases(kept["aliases"]), *new_aliases])})
    nodes.remove(rows[drop_id])
    moved = 0
    for i, record in enumerate(edges.records):
        v = record.values
        if drop_id in (v["source"], v["target"]):
            edges.replace(i, {**v, "source": keep_id if v["source"] == drop_id else v["source"],
                              "target": keep_id if v["target"] == drop_id else v["target"]})
            moved += 1
    edit = Edit(root, {NODES.filename: nodes.encoded(), EDGES.filename: edges.encoded()},
                made=keep_id)
    edit.done.append(f"merged {drop_id!r} ({dropped['name']!r}) into {keep_id!r} "
                     f"({kept['name']!r}): {moved} claim{'s' if moved != 1 else ''} moved, "
                     f"{len(new_aliases)} alias{'es' if len(new_aliases) != 1 else ''} added"
                     + (f" ({', '.join(repr(a) for a in new_aliases)})" if new_aliases else "")
                     + f", {drop_id!r} removed")
    return edit


# --- accept --------------------------------------------------------------------------------

ACCEPTED = {"y", "yes", "x", "1", "true", "ok", "✓"}


def accept(root: Path | str, review: Path | str, title: str = "", publisher: str = "",
           published: str = "", url: str = "", reliability: str = "") -> Edit:
    """Add the rows of a review file (`actorgraph suggest -o`) marked in its `accept`
    column (y, yes, x, 1), through the same steps as `add`: the document, if it is not a
    source yet (`title` etc. describe it; the title defaults to the document's first line),
    the proposed actors the rows need, then the claims. One edit: all or nothing."""
    from actorgraph.cells import unneutralise

    root, review = Path(root), Path(review)
    try:
        text = decode(read_bytes(review), review)
    except FileNotFoundError as err:
        raise BadValue("review", str(review), "is not a file") from err
    except Unreadable as err:
        raise BadValue("review", str(review), str(err)) from err
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    missing = {"source", "target", "relation", "source_text", "accept"} - set(
        rows[0] if rows else {})
    if missing:
        raise BadValue("review", str(review), f"is not a review file of `actorgraph suggest`: "
                       f"it lacks the column{'s' if len(missing) > 1 else ''} "
                       f"{', '.join(sorted(missing))}")
    chosen = [(line, {k: unneutralise(v or "") for k, v in row.items() if k})
              for line, row in enumerate(rows, start=2)
              if (row.get("accept") or "").strip().lower() in ACCEPTED]
    if not chosen:
        raise InputError(f"no row of {display_path(review)} is marked in its accept column "
                         f"(write {' or '.join(sorted(ACCEPTED - {'✓'}))} there)")
    edit: Edit | None = None
    added_doc = None
    actors: dict[str, str] = {}  # proposed id -> the id it got
    for line, row in chosen:
        where = f"{display_path(review)}:{line}"
        doc = row.get("source_doc", "").strip()
        if not doc:
            document = row.get("document", "").strip()
            if not document:
                raise InputError(f"{where}: no source_doc and no document to register")
            if added_doc is None:
                path = Path(document)
                edit = add_source(root, path, title or _first_line(path), publisher,
                                  published, url, reliability, base=edit)
                added_doc = edit.made
            doc = added_doc
        ends = []
        for end in ("source", "target"):
            proposed = row[end].strip()
            name, kind = row.get(f"{end}_name", "").strip(), row.get(f"{end}_type", "").strip()
            if name and kind and proposed not in actors:
                try:
                    edit = add_actor(root, name, kind, force=True, base=edit, ident=proposed)
                except BadValue as err:
                    raise InputError(f"{where}: {end} {err}") from err
                actors[proposed] = edit.made
            ends.append(actors.get(proposed, proposed))
        try:
            edit = add_claim(root, ends[0], row["relation"].strip(), ends[1], doc=doc,
                             quote=row["source_text"], claimed_by=row.get("claimed_by") or
                             "the author", certainty=row.get("certainty") or "asserted",
                             stance=row.get("stance") or "affirms", date=row.get("date", ""),
                             notes=row.get("notes", ""), base=edit)
        except InputError as err:
            raise InputError(f"{where}: {err.describe()}") from err
    edit.made = ", ".join(line.split("'")[1] for line in edit.done if line.startswith(
        "added claim"))
    return edit


def _first_line(path: Path) -> str:
    try:
        text = decode(read_bytes(path, MAX_DOCUMENT_MB), path)
    except (OSError, Unreadable):
        return path.stem
    first = next((line.strip() for line in text.splitlines() if line.strip()), path.stem)
    return first[:120]
