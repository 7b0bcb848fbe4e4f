"""Checking a casebook's values: every problem, with file, line and value, in one pass."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from operator import eq
from pathlib import Path
from typing import TypeVar

from actorgraph.casebook.duplicates import alike_actors, repeated_claims
from actorgraph.casebook.quotes import Span
from actorgraph.casebook.read import Contents, Rows, read_casebook, split_aliases
from actorgraph.errors import Problem, ValidationError
from actorgraph.schema import (
    ALIAS_SEPARATOR,
    CERTAINTIES,
    EDGES,
    NODES,
    SOURCES,
    VOCABULARIES,
    Table,
    unknown,
)
from actorgraph.text import closest, deceptive, has_control, name_key, skeleton
from actorgraph.util import gc_paused, in_child

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

T = TypeVar("T")


@dataclass
class Report:
    """What validation found: the casebook, every claim's quote position, and warnings."""

    contents: Contents
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


def _did_you_mean(value: str, choices) -> str:
    """"did you mean 'x'? " with the choice most like `value`, or "" if none is like it."""
    hint = closest(value, list(choices), limit=1)
    return f"did you mean {hint[0]!r}? " if hint else ""


def _lines_of(rows: Rows, column: str, bad) -> list[tuple[int, str]]:
    """(line, value) of the records whose `column` holds a value in `bad`."""
    values = rows.columns[column]
    if not bad or bad == {""} and "" not in values:  # the usual case: no loop in Python
        return []
    return [(line, value) for line, value in zip(rows.lines, values) if value in bad]


def _required_and_unique(rows: Rows, table: Table, problems: list[Problem]) -> dict[str, int]:
    """Report blank required values and duplicate ids; return id -> first line.

    Each check runs down a whole column; `validate` sorts the problems by line afterwards,
    a stable sort, so one line's problems keep the order of the checks."""
    for column in table.required:
        for line, _ in _lines_of(rows, column, {""}):
            problems.append(Problem(rows.path, line, f"{column!r} is blank; it is required"))
    ids = rows.columns["id"]
    if has_control("".join(ids)):  # one search down the column; the lines only if needed
        for line, ident in zip(rows.lines, ids):
            if has_control(ident):
                problems.append(Problem(rows.path, line, f"id {ident!r} holds a control or "
                                        "invisible character; write ids as plain text"))
    first = dict.fromkeys(ids)  # in the file's order
    first.update(zip(reversed(ids), reversed(rows.lines)))  # each id's first line
    first.pop("", None)
    if len(first) < len(ids) - ids.count(""):
        for line, ident in zip(rows.lines, ids):
            if ident and first[ident] != line:
                problems.append(Problem(rows.path, line, f"duplicate id {ident!r} (first on "
                                        f"line {first[ident]})"))
    return first


def _unknown_values(rows: Rows, column: str, problems: list[Problem]):
    """Report the values of `column` that are not blank and not in its vocabulary."""
    bad = set(rows.columns[column]).difference(VOCABULARIES[column], {""})
    for line, value in _lines_of(rows, column, bad):
        problems.append(Problem(rows.path, line, f"{column} {value!r} {unknown(column, value)}"))


def check_actors(rows: Rows, problems: list[Problem]) -> dict[str, int]:
    ids = _required_and_unique(rows, NODES, problems)
    _unknown_values(rows, "type", problems)
    owner: dict[str, tuple[str, int]] = {}  # name key -> (actor id, line), for ids and names
    columns = rows.columns
    for line, ident, name in zip(rows.lines, columns["id"], columns["name"]):
        for own in (ident, name):
            if own:
                owner.setdefault(name_key(own), (ident, line))
    for line, ident, aliases in zip(rows.lines, columns["id"], columns["aliases"]):
        if not aliases:
            continue
        for alias in filter(None, (a.strip() for a in aliases.split(ALIAS_SEPARATOR))):
            other, other_line = owner.setdefault(name_key(alias), (ident, line))
            if other != ident:
                problems.append(Problem(rows.path, line, f"alias {alias!r} of {ident!r} "
                                        f"also names {other!r} (line {other_line})"))
    _look_alikes(rows, owner, problems)
    return ids


def _look_alikes(rows: Rows, owner: dict[str, tuple[str, int]], problems: list[Problem]
                 ) -> None:
    """Warn about names that are not what they look like: invisible characters, letters of
    another script passing for Latin ones, and so two actors whose names look the same."""
    columns = rows.columns
    for line, ident, name, aliases in zip(rows.lines, columns["id"], columns["name"],
                                          columns["aliases"]):
        for shown in (name, *split_aliases(aliases)):
            if not shown or shown.isascii():
                continue
            why = deceptive(shown)
            if why:
                problems.append(Problem(rows.path, line, f"name {shown!r} of {ident!r} {why}",
                                        "warning"))
            other, other_line = owner.get(skeleton(shown), (ident, line))
            if other != ident:
                problems.append(Problem(rows.path, line, f"name {shown!r} of {ident!r} looks "
                                        f"like a name of {other!r} (line {other_line})",
                                        "warning"))


def check_sources(rows: Rows, problems: list[Problem]) -> dict[str, int]:
    ids = _required_and_unique(rows, SOURCES, problems)
    _check_dates(rows, "published", "published ", problems)
    _unknown_values(rows, "reliability", problems)
    return ids


def _shifted(rows: Rows, problems: list[Problem]) -> None:
    """Say what a row whose values look shifted by one column most likely holds: a `"`
    typed inside a field, which ended the field early (`"El Palito"` in a quote)."""
    c = rows.columns
    levels = set(CERTAINTIES)
    if not (levels.intersection(c["claimed_by"]) or levels.intersection(c["date"])):
        return
    for line, claimant, when in zip(rows.lines, c["claimed_by"], c["date"]):
        if claimant in levels or when in levels:
            problems.append(Problem(rows.path, line, "the values from here on look shifted by "
                                    "one column: a `\"` inside a field may be unescaped; "
                                    "write it as `\"\"`"))


def _check_dates(rows: Rows, column: str, prefix: str, problems: list[Problem]) -> None:
    bad = {value for value in set(rows.columns[column]) if value and date_problem(value)}
    for line, value in _lines_of(rows, column, bad):
        problems.append(Problem(rows.path, line, prefix + date_problem(value)))


def check_claims(book: Contents, actor_ids: dict[str, int], problems: list[Problem]) -> None:
    """Check every claim's values but its quote (`check_quotes`)."""
    rows = book.claims
    columns, lines = rows.columns, rows.lines
    _required_and_unique(rows, EDGES, problems)
    actor_names: dict[str, str] = {}  # name key -> id, made on the first unknown actor
    for end in ("source", "target"):
        for line, value in _lines_of(rows, end, set(columns[end]).difference(actor_ids, {""})):
            if not actor_names:
                actor_names.update((name_key(a["name"]), a["id"])
                                   for a in book.actors.records if a["name"])
            guess = actor_names.get(name_key(value)) or next(
                iter(closest(value, list(actor_ids), limit=1)), None)
            hint = f" (did you mean {guess!r}?)" if guess else ""
            problems.append(Problem(rows.path, line, f"{end} {value!r} is not an actor id{hint}"))
    _unknown_values(rows, "relation", problems)
    _unknown_values(rows, "certainty", problems)
    _check_dates(rows, "date", "", problems)
    _unknown_values(rows, "stance", problems)
    _shifted(rows, problems)
    if any(map(eq, columns["source"], columns["target"])):
        for line, source, target in zip(lines, columns["source"], columns["target"]):
            if source and source == target:
                problems.append(Problem(rows.path, line, f"claim ties {source!r} to itself",
                                        "warning"))
    for line, quote in zip(lines, columns["source_text"]):
        if quote and len(quote) < SHORT_QUOTE_CHARS and len(quote.split()) < SHORT_QUOTE_WORDS:
            problems.append(Problem(rows.path, line, f"source_text {quote!r} is too short to "
                                    f"show the claim; quote the passage that supports it "
                                    f"({SHORT_QUOTE_WORDS} words at least)", "warning"))


SHORT_QUOTE_WORDS = 2  # a quote of fewer words ("a", "Iran") shows no relation
SHORT_QUOTE_CHARS = 40  # (only quotes shorter than this are counted in words)
APART = 20_000  # quotes from which a second process searches part of the documents
CHILD_SHARE = 0.6  # of the quotes: this process checks the other values meanwhile


def check_quotes(book: Contents, source_ids: dict[str, int], problems: list[Problem],
                 share: float, also: Callable[[], T] = lambda: None
                 ) -> Callable[[], tuple[dict[str, Span], T]]:
    """Start finding every claim's quote in its document; return the function that finishes
    the search, reports the quotes not found and returns the spans by claim id, with what
    `also()` gives: run by the process searching the first share of the quotes, once that
    is done (`_locate`)."""
    rows = book.claims
    cited: dict[str, list[int]] = {}  # document id -> the records that quote it
    for i, (doc_id, quote) in enumerate(zip(rows.columns["source_doc"],
                                            rows.columns["source_text"])):
        if doc_id and quote:
            cited.setdefault(doc_id, []).append(i)
    searched = []  # (document, records), for each document that was read
    unknown = []  # (document, records) of documents sources.csv lacks
    for doc_id, records in cited.items():
        if doc_id not in source_ids:
            unknown.append((doc_id, records))
        elif doc_id in book.documents:  # else its file is missing or unreadable: reported
            searched.append((doc_id, records))
    located = _locate(book, searched, share, also)

    def finish() -> tuple[dict[str, Span], T]:
        ids, quotes, lines = rows.columns["id"], rows.columns["source_text"], rows.lines
        for doc_id, records in unknown:
            message = _unknown_document(doc_id, list(source_ids))
            for i in records:
                problems.append(Problem(rows.path, lines[i], message))
        spans: dict[str, Span] = {}
        by_document, extra = located()
        for (doc_id, records), found in zip(searched, by_document):
            for i, span in zip(records, found):
                if span is None:
                    document = book.documents[doc_id]
                    problems.append(Problem(rows.path, lines[i], f"source_text not found in "
                                            f"{doc_id!r}: {_short(quotes[i])}; closest passage: "
                                            f"{_short(document.closest(quotes[i]))}"))
                elif ids[i]:
                    spans[ids[i]] = span
        return spans, extra

    return finish


LISTED = 10  # sources.csv ids listed in full when a claim cites an unknown one


def _unknown_document(doc_id: str, known: list[str]) -> str:
    if len(known) <= LISTED:
        return f"unknown source_doc {doc_id!r} (sources.csv has: {', '.join(known) or 'none'})"
    return (f"unknown source_doc {doc_id!r} ({_did_you_mean(doc_id, known)}sources.csv has "
            f"{len(known):,} sources)")


def _locate(book: Contents, searched: list[tuple[str, list[int]]], share: float,
            also: Callable[[], T] = lambda: None
            ) -> Callable[[], tuple[list[list[Span | None]], T]]:
    """Start locating the records' quotes in their documents; return the function that gives
    the spans, document by document, and what `also()` gives. From `APART` quotes on, a
    forked child searches the first documents, `share` of the quotes (`parallel.in_child`),
    and then runs `also`, while this process checks the other values and then searches the
    rest."""
    quotes = book.claims.columns["source_text"]

    def locate(part) -> list[list[Span | None]]:
        return [book.documents[doc_id].locate_all([quotes[i] for i in records])
                for doc_id, records in part]

    total = sum(len(records) for _, records in searched)
    if total < APART:
        return lambda: (locate(searched), also())
    cut = count = 0
    while cut < len(searched) and count < total * share:
        count += len(searched[cut][1])
        cut += 1
    theirs = in_child(lambda: ([list(map(_packed, found)) for found in locate(searched[:cut])],
                               also()))

    def located() -> tuple[list[list[Span | None]], T]:
        ours = locate(searched[cut:])
        found, extra = theirs()
        return [list(map(_unpacked, part)) for part in found] + ours, extra

    return located


def _packed(span: Span | None) -> tuple | None:
    """A span as it goes through the pipe: a plain tuple (pickled three times faster than a
    Span), without its one piece when it has one (half the time again: most quotes)."""
    if span is None:
        return None
    return span[:3] if len(span.pieces) == 1 else tuple(span)


def _unpacked(packed: tuple | None) -> Span | None:
    if packed is None:
        return None
    if len(packed) == 3:
        start, end, paragraph = packed
        return Span(start, end, paragraph, ((start, end),))
    return Span._make(packed)


def _across(book: Contents) -> list[Problem]:
    """The warnings about actors alike and claims repeated: the checks across rows that the
    process searching the quotes runs when it is done (on a large casebook a child, which
    has time to spare while this process checks the values and builds the graph)."""
    found: list[Problem] = []
    alike_actors(book.actors, found)
    repeated_claims(book, found)
    return found


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def check_unused(book: Contents, problems: list[Problem]) -> None:
    """Warn about actors in no claim (as an end, or as the claimant) and documents no claim
    cites."""
    claims = book.claims.columns
    used = set(claims["source"]).union(claims["target"])
    unused = set(book.actors.columns["id"]) - used
    if unused:  # an actor may be in claims only as who makes them
        claimants = {name_key(c) for c in set(claims["claimed_by"])}
        actors = book.actors.columns
        for ident, name, aliases in zip(actors["id"], actors["name"], actors["aliases"]):
            if ident in unused and claimants.intersection(
                    map(name_key, (ident, name, *split_aliases(aliases)))):
                unused.discard(ident)
    for line, ident in _lines_of(book.actors, "id", unused):
        if ident:
            problems.append(Problem(book.actors.path, line, f"actor {ident!r} has no claims",
                                    "warning"))
    cited = set(claims["source_doc"])
    for line, ident in _lines_of(book.sources, "id", set(book.sources.columns["id"]) - cited):
        if ident:
            problems.append(Problem(book.sources.path, line, f"source {ident!r} is cited by no "
                                    "claim", "warning"))


@gc_paused()
def validate(book: Contents, meanwhile: Callable[[Contents], object] | None = None
             ) -> tuple[dict[str, Span], list[Problem]]:
    """Check every value; return quote positions and all problems (errors and warnings).

    `meanwhile(book)`, if given, runs once every value but the quotes is checked and found
    good, while the quotes are still being searched: on a large casebook a second process
    then searches all of them (`workspace.read_and_build` builds the graph meanwhile)."""
    problems = list(book.problems)
    source_ids = check_sources(book.sources, problems)
    readable = book.actors.readable and book.claims.readable
    share = 1.0 if meanwhile else CHILD_SHARE
    finish_quotes = (check_quotes(book, source_ids, problems, share, lambda: _across(book))
                     if readable else lambda: ({}, []))
    unused: list[Problem] = []
    try:
        actor_ids = check_actors(book.actors, problems)
        if readable:
            check_claims(book, actor_ids, problems)
        if meanwhile and readable and not any(p.severity == "error" for p in problems):
            meanwhile(book)
        if readable:
            check_unused(book, unused)  # last on its line: the store redoes it after any edit
    finally:
        # Also reaps a child searching quotes if a check failed.
        spans, across = finish_quotes()
    problems += across + unused  # after the quotes' problems, on the same line
    files = {path: i for i, path in enumerate(
        [book.actors.path, book.claims.path, book.sources.path])}
    problems.sort(key=lambda p: (files.get(p.file, -1), p.line or 0))
    return spans, problems


def validate_casebook(root: Path | str, strict: bool = False,
                      meanwhile: Callable[[Contents], object] | None = None,
                      step: Callable[[], object] | None = None) -> Report:
    """Read and validate a casebook; raise ValidationError listing every problem.
    `meanwhile`: as for `validate`; `step()` after each document read (`read_casebook`)."""
    book = read_casebook(root, step=step)
    spans, problems = validate(book, meanwhile)
    if strict:
        problems = [replace(p, severity="error") for p in problems]
    if any(p.severity == "error" for p in problems):
        raise ValidationError(problems)
    return Report(book, spans, [p for p in problems if p.severity == "warning"])
