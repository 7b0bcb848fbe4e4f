"""Checking a casebook's values: every problem, with file, line and value, in one pass."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from actorgraph.errors import Problem, ValidationError
from actorgraph.load import Casebook, Rows, gc_paused, read_casebook
from actorgraph.lookup import closest, name_key
from actorgraph.quotes import Span
from actorgraph.schema import (
    ACTOR_TYPES,
    ALIAS_SEPARATOR,
    CERTAINTIES,
    EDGES,
    NODES,
    RELATIONS,
    SOURCES,
    Table,
)

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass
class Report:
    """What validation found: the casebook, every claim's quote position, and warnings."""

    casebook: Casebook
    spans: dict[str, Span]
    warnings: list[Problem]


@lru_cache(maxsize=1 << 15)  # dates repeat: 10,819 distinct in 399,763 at 500k claims
def date_problem(value: str) -> str | None:
    """Why a date is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD), or None if it is."""
    match = _DATE.match(value)
    if match:
        year, month, day = (int(g) if g else 1 for g in match.groups())
        try:
            date(year, month, day)
            return None
        except ValueError:
            pass
    return f"date {value!r} is not an ISO 8601 date (use YYYY, YYYY-MM or YYYY-MM-DD)"


def _valid_list(names) -> str:
    return ", ".join(names)


def _unknown(kind: str, value: str, vocabulary) -> str:
    hint = closest(value, list(vocabulary), limit=1)
    suggestion = f"did you mean {hint[0]!r}? " if hint else ""
    return f"unknown {kind} {value!r} ({suggestion}valid: {_valid_list(vocabulary)})"


def _required_and_unique(rows: Rows, table: Table, problems: list[Problem]) -> dict[str, int]:
    """Report blank required values and duplicate ids; return id -> first line."""
    first: dict[str, int] = {}
    required = table.required
    for line, record in rows:
        for column in required:
            if not record[column]:
                problems.append(Problem(rows.path, line, f"{column!r} is blank; it is required"))
        ident = record["id"]
        if not ident:
            continue
        if ident in first:
            problems.append(Problem(rows.path, line, f"duplicate id {ident!r} (first on line "
                                    f"{first[ident]})"))
        else:
            first[ident] = line
    return first


def check_actors(rows: Rows, problems: list[Problem]) -> dict[str, int]:
    ids = _required_and_unique(rows, NODES, problems)
    owner: dict[str, tuple[str, int]] = {}  # name key -> (actor id, line), for ids and names
    for line, actor in rows:
        if actor["type"] and actor["type"] not in ACTOR_TYPES:
            problems.append(Problem(rows.path, line, _unknown("type", actor["type"], ACTOR_TYPES)))
        for own in (actor["id"], actor["name"]):
            if own:
                owner.setdefault(name_key(own), (actor["id"], line))
    for line, actor in rows:
        for alias in filter(None, (a.strip() for a in actor["aliases"].split(ALIAS_SEPARATOR))):
            key = name_key(alias)
            other, other_line = owner.setdefault(key, (actor["id"], line))
            if other != actor["id"]:
                problems.append(Problem(rows.path, line, f"alias {alias!r} of {actor['id']!r} "
                                        f"also names {other!r} (line {other_line})"))
    return ids


def check_sources(rows: Rows, problems: list[Problem]) -> dict[str, int]:
    ids = _required_and_unique(rows, SOURCES, problems)
    for line, source in rows:
        if source["published"] and (why := date_problem(source["published"])):
            problems.append(Problem(rows.path, line, "published " + why))
    return ids


def check_claims(book: Casebook, actor_ids: dict[str, int], source_ids: dict[str, int],
                 problems: list[Problem]) -> dict[str, Span]:
    rows = book.claims
    _required_and_unique(rows, EDGES, problems)
    spans: dict[str, Span] = {}
    actor_names: dict[str, str] = {}  # name key -> id, made on the first unknown actor
    for line, claim in rows:
        for end in ("source", "target"):
            value = claim[end]
            if value and value not in actor_ids:
                if not actor_names:
                    actor_names.update((name_key(a["name"]), a["id"])
                                       for a in book.actors.records if a["name"])
                guess = actor_names.get(name_key(value)) or next(
                    iter(closest(value, list(actor_ids), limit=1)), None)
                hint = f" (did you mean {guess!r}?)" if guess else ""
                problems.append(Problem(rows.path, line,
                                        f"{end} {value!r} is not an actor id{hint}"))
        if claim["relation"] and claim["relation"] not in RELATIONS:
            problems.append(Problem(rows.path, line,
                                    _unknown("relation", claim["relation"], RELATIONS)))
        if claim["certainty"] and claim["certainty"] not in CERTAINTIES:
            problems.append(Problem(rows.path, line,
                                    _unknown("certainty", claim["certainty"], CERTAINTIES)))
        if claim["date"] and (why := date_problem(claim["date"])):
            problems.append(Problem(rows.path, line, why))
        if claim["source"] and claim["source"] == claim["target"]:
            problems.append(Problem(rows.path, line, f"claim ties {claim['source']!r} to itself",
                                    "warning"))
        doc_id, quote = claim["source_doc"], claim["source_text"]
        if not doc_id or not quote:
            continue
        if doc_id not in source_ids:
            known = ", ".join(source_ids) or "none"
            problems.append(Problem(rows.path, line, f"unknown source_doc {doc_id!r} "
                                    f"(sources.csv has: {known})"))
            continue
        document = book.documents.get(doc_id)
        if document is None:
            continue  # its file is missing or unreadable: reported on sources.csv
        span = document.locate(quote)
        if span is None:
            problems.append(Problem(rows.path, line, f"source_text not found in {doc_id!r}: "
                                    f"{_short(quote)}; closest passage: "
                                    f"{_short(document.closest(quote))}"))
        elif claim["id"]:
            spans[claim["id"]] = span
    return spans


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def check_unused(book: Casebook, problems: list[Problem]) -> None:
    used = {c[end] for c in book.claims.records for end in ("source", "target")}
    for line, actor in book.actors:
        if actor["id"] and actor["id"] not in used:
            problems.append(Problem(book.actors.path, line, f"actor {actor['id']!r} has no "
                                    "claims", "warning"))
    cited = {c["source_doc"] for c in book.claims.records}
    for line, source in book.sources:
        if source["id"] and source["id"] not in cited:
            problems.append(Problem(book.sources.path, line, f"source {source['id']!r} is cited "
                                    "by no claim", "warning"))


@gc_paused()
def validate(book: Casebook) -> tuple[dict[str, Span], list[Problem]]:
    """Check every value; return quote positions and all problems (errors and warnings)."""
    problems = list(book.problems)
    actor_ids = check_actors(book.actors, problems)
    source_ids = check_sources(book.sources, problems)
    spans = {}
    if book.actors.readable and book.claims.readable:
        spans = check_claims(book, actor_ids, source_ids, problems)
        check_unused(book, problems)
    files = {path: i for i, path in enumerate(
        [book.actors.path, book.claims.path, book.sources.path])}
    problems.sort(key=lambda p: (files.get(p.file, -1), p.line or 0))
    return spans, problems


def open_casebook(root: Path | str, strict: bool = False) -> Report:
    """Read and validate a casebook; raise ValidationError listing every problem."""
    book = read_casebook(root)
    spans, problems = validate(book)
    if strict:
        problems = [replace(p, severity="error") for p in problems]
    if any(p.severity == "error" for p in problems):
        raise ValidationError(problems)
    return Report(book, spans, [p for p in problems if p.severity == "warning"])
