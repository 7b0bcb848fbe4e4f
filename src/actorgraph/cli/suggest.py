"""The command that reads a new document for candidate actors and claims: suggest."""

from __future__ import annotations

from pathlib import Path

import click

from actorgraph.cli.options import data_option, emit, format_option, opened

SHOWN_PASSAGE = 160  # characters of an actor's first passage in the text output


@click.command()
@click.argument("doc", metavar="DOC")
@data_option
@format_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              metavar="PATH",
              help="Write the review file here (CSV: edges.csv's columns, stance, score, "
                   "why, the names and types of proposed actors, and an empty accept "
                   "column) instead of printing.")
@click.option("--min-score", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              metavar="S",
              help="Leave out claims scoring under S (0 to 1), and proposed actors in none "
                   "of the claims kept that score under it.")
@click.option("--ner", metavar="spacy:MODEL",
              help="Also propose the named entities of a spaCy pipeline you installed "
                   "(optional; suggestions work without it).")
def suggest(doc: str, data_dir: Path, quiet: bool, fmt: str, output: Path | None,
            min_score: float, ner: str | None):
    """Propose candidate actors and claims from a document, for you to review.

    DOC is the id of a source in sources.csv, or the path of a UTF-8 text file. The
    casebook's actors are found under their names, aliases, adjectives and capitals; other
    names are proposed as new actors; each sentence naming two actors is a candidate claim,
    its relation, direction, claimant, certainty, stance and date read from cue words, its
    quote an exact span of the document. Nothing is downloaded and nothing is written to the
    casebook: review the file, then accept what holds.

    \b
    Examples:
      actorgraph suggest iran-venezuela-nexus
      actorgraph suggest iran-venezuela-nexus --min-score 0.7 -o review.csv
      actorgraph suggest new-report.txt --format json
    """
    from actorgraph.casebook.read import input_files
    from actorgraph.cells import csv_text
    from actorgraph.files import refuse_inputs, text_output
    from actorgraph.suggest import REVIEW_FIELDS
    from actorgraph.suggest import suggest as propose

    book = opened(data_dir, quiet, whole=True)
    G = book.graph()
    text, doc_id = _document(data_dir, G.graph["sources"], doc, quiet)
    document = "" if doc_id else str(Path(doc).resolve())
    actors = [{"id": node, "name": data["name"], "type": data["type"],
               "aliases": list(data.get("aliases") or [])} for node, data in G.nodes(data=True)]
    result = propose(text, actors, doc_id=doc_id, min_score=min_score, ner=ner)
    if output is not None:
        refuse_inputs(output, input_files(Path(data_dir), G.graph["sources"].values()))
        with text_output(output) as handle:
            handle.write(csv_text(REVIEW_FIELDS, ([row[f] for f in REVIEW_FIELDS]
                                                  for row in result.review_rows(document)),
                                  newline="\n"))
        new = sum(a.new for a in result.actors)
        click.echo(f"wrote {output}: {len(result.claims)} candidate claims, {new} proposed "
                   "actors; fill in the accept column", err=True)
        return
    emit(fmt, result.as_json(), rows=result.review_rows(document), fields=REVIEW_FIELDS,
         text=lambda: _text(result))


def _document(data_dir: Path, sources: dict, doc: str, quiet: bool) -> tuple[str, str | None]:
    """The text of DOC and its source id (None for a file the casebook does not list)."""
    from actorgraph.casebook.read import (
        MAX_DOCUMENT_MB,
        Unreadable,
        display_path,
        document_place,
        read_text,
    )
    from actorgraph.errors import BadValue

    if doc in sources:
        place = document_place(Path(data_dir), sources[doc]["path"])
        if place.path is None:
            raise BadValue("doc", doc, f"cannot be read: {place.message}")
        path, ident = place.path, doc
    else:
        path, ident = Path(doc), None
        if not path.is_file():
            known = ", ".join(sorted(sources)[:5]) or "none yet"
            raise BadValue("doc", doc, f"is neither a source id of sources.csv (known: "
                           f"{known}) nor a file")
    try:
        text = read_text(path, MAX_DOCUMENT_MB)
    except (OSError, Unreadable) as err:
        raise BadValue("doc", doc, f"cannot be read: {err}") from err
    if ident is None and not quiet:
        click.echo(f"{display_path(path)} is not a source of the casebook yet: `actorgraph "
                   "accept` registers it with the rows you accept (or register it first: "
                   f"`actorgraph add source {display_path(path)} --title TITLE`)", err=True)
    return text, ident


def _text(result) -> list[str]:
    """The suggestions for a reader: proposed actors, actors found, claims best first."""
    from actorgraph.present.text import wrap

    new = [a for a in result.actors if a.new]
    known = [a for a in result.actors if not a.new]
    lines = [f"{len(result.claims)} candidate claims, {len(new)} proposed actors, "
             f"{len(known)} actors of the casebook mentioned"]
    if new:
        lines += ["", "Proposed actors (id, type, mentions; how found):"]
        for actor in sorted(new, key=lambda a: (-a.score, -a.mentions)):
            plural = "s" if actor.mentions != 1 else ""
            lines.append(f"  {actor.id}  {actor.type}  {actor.mentions} mention{plural}  "
                         f"score {actor.score:.2f}")
            lines += wrap(f"{actor.name!r}: {actor.why}", 6)
            passage = actor.passage if len(actor.passage) <= SHOWN_PASSAGE else \
                actor.passage[:SHOWN_PASSAGE].rsplit(" ", 1)[0] + " …"
            lines += wrap(f"“{passage}”", 6)
    if known:
        lines += ["", "Actors of the casebook mentioned:"]
        lines += wrap(", ".join(f"{a.id} ({a.mentions})" for a in known), 2)
    if result.claims:
        lines += ["", "Candidate claims, best first:"]
        for claim in result.claims:
            stance = " (denied)" if claim.stance == "denies" else ""
            date = f", {claim.date}" if claim.date else ""
            lines.append(f"  {claim.score:.2f}  {claim.source} → {claim.target}  "
                         f"{claim.relation}{stance}  [{claim.certainty}, {claim.claimed_by}"
                         f"{date}]")
            lines += wrap(f"“{claim.source_text}”", 8)
            lines += wrap(f"why: {claim.why}", 8)
    return lines


COMMANDS = (suggest,)
