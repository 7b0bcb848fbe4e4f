"""Commands that change the casebook's files: add source|actor|claim, and merge. Each
validates the casebook as changed before it writes anything, writes every file at once,
says what it did on stderr and prints the id it made on stdout."""

from __future__ import annotations

from pathlib import Path

import click

from actorgraph.cli.options import RecordingGroup, actor_argument, data_option, say_warnings
from actorgraph.schema import ACTOR_TYPES, CERTAINTIES, RELIABILITY, STANCES


def dry_run_option(command):
    return click.option("--dry-run", is_flag=True,
                        help="Check the change and say what it would do; write nothing.")(command)


def _finish(edit, dry_run: bool, quiet: bool) -> None:
    warnings = edit.apply(dry_run=dry_run)
    for line in edit.done:
        click.echo(f"{'would have ' if dry_run else ''}{line}", err=True)
    if not quiet:
        say_warnings(warnings)
    click.echo(edit.made)


@click.group(cls=RecordingGroup)
def add():
    """Add a source document, an actor or a claim to the casebook.

    The CSV files stay the casebook's truth: each addition is a row appended to one of them
    (and a document copied into sources/), written only once the whole casebook, changed,
    validates. The new id is printed on stdout.

    \b
    Example:
      actorgraph add source report.txt --title "A report" --publisher "Example Wire"
    """


@add.command("source")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@data_option
@click.option("--title", required=True, help="The document's title.")
@click.option("--publisher", default="", help="Who published it.")
@click.option("--published", default="", metavar="DATE",
              help="When, ISO 8601, partial allowed (2024-05).")
@click.option("--url", default="", help="Where it was published.")
@click.option("--reliability", type=click.Choice(list(RELIABILITY)), default=None,
              help="The source's reliability, Admiralty A (completely reliable) to F "
                   "(cannot be judged).")
@dry_run_option
def add_source(file: Path, data_dir: Path, quiet: bool, title: str, publisher: str,
               published: str, url: str, reliability: str | None, dry_run: bool):
    """Register a document: copy it into the casebook's sources/ (unless it is there
    already) and add its row to sources.csv, its id made from its title.

    \b
    Example:
      actorgraph add source ~/Downloads/report.txt --title "Hezbollah in Venezuela" \\
        --publisher "Example Wire" --published 2025-11
    """
    from actorgraph.edits import add_source as adding

    _finish(adding(data_dir, file, title, publisher, published, url, reliability or ""),
            dry_run, quiet)


@add.command("actor")
@click.argument("name")
@data_option
@click.option("--type", "kind", required=True, type=click.Choice(list(ACTOR_TYPES)),
              help="The actor's type.")
@click.option("--alias", "aliases", multiple=True, help="Another name (repeatable).")
@click.option("--description", default="", help="Who this is, in a sentence.")
@click.option("--force", is_flag=True,
              help="Add it though its name is very close to an existing actor's.")
@dry_run_option
def add_actor(name: str, data_dir: Path, quiet: bool, kind: str, aliases: tuple[str, ...],
              description: str, force: bool, dry_run: bool):
    """Add an actor to nodes.csv, its id made from its name. A name or alias that already
    names an actor (in any case, with or without accents) is refused; so is one very close
    to an existing name, unless --force.

    \b
    Example:
      actorgraph add actor "El Palito refinery" --type facility --alias "El Palito"
    """
    from actorgraph.edits import add_actor as adding

    _finish(adding(data_dir, name, kind, aliases, description, force), dry_run, quiet)


@add.command("claim")
@actor_argument("source", "SOURCE")
@click.argument("relation")
@actor_argument("target", "TARGET")
@data_option
@click.option("--doc", required=True, metavar="ID", help="The source document's id.")
@click.option("--quote", required=True,
              help="The verbatim passage of the document that supports the claim.")
@click.option("--claimed-by", default="the author", show_default=True,
              help="Who alleges it, as the text says (an actor's name links it).")
@click.option("--certainty", default="asserted", show_default=True, metavar="LEVEL",
              help=f"How firmly the text puts it ({', '.join(CERTAINTIES)}).")
@click.option("--stance", type=click.Choice(list(STANCES)), default="affirms",
              show_default=True, help="Whether the claimant affirms or denies the relation.")
@click.option("--date", default="", help="When, ISO 8601, partial allowed.")
@click.option("--notes", default="", help="Anything an analyst should know.")
@dry_run_option
def add_claim(source: str, relation: str, target: str, data_dir: Path, quiet: bool, doc: str,
              quote: str, claimed_by: str, certainty: str, stance: str, date: str,
              notes: str, dry_run: bool):
    """Add a claim to edges.csv: SOURCE and TARGET by id, name or alias, RELATION a relation
    type. Its quote must be in the document (else the closest passage is shown and nothing
    is written); the next free claim id is used; a claim repeating another is refused.

    \b
    Examples:
      actorgraph add claim hezbollah operates_in venezuela --doc second-report \\
        --quote "Hezbollah runs a network in Venezuela" --certainty alleged
      actorgraph add claim maduro associated_with hezbollah --doc second-report \\
        --quote "Maduro denied any link" --claimed-by "Nicolás Maduro" --stance denies
    """
    from actorgraph.edits import add_claim as adding

    _finish(adding(data_dir, source, relation, target, doc=doc, quote=quote,
                   claimed_by=claimed_by, certainty=certainty, stance=stance, date=date,
                   notes=notes), dry_run, quiet)


@click.command()
@actor_argument("keep", "KEEP")
@actor_argument("drop", "DROP")
@data_option
@dry_run_option
def merge(keep: str, drop: str, data_dir: Path, quiet: bool, dry_run: bool):
    """Merge actor DROP into actor KEEP: DROP's claims move to KEEP, its name and aliases
    become KEEP's aliases, and DROP is removed from nodes.csv.

    \b
    Example:
      actorgraph merge hezbollah hezbolla
    """
    from actorgraph.edits import merge as merging

    _finish(merging(data_dir, keep, drop), dry_run, quiet)


@click.command()
@click.argument("review", type=click.Path(dir_okay=False, path_type=Path))
@data_option
@click.option("--title", default="", help="The document's title, if accepting registers it "
              "(default: its first line).")
@click.option("--publisher", default="", help="Its publisher, if accepting registers it.")
@click.option("--published", default="", metavar="DATE",
              help="When it was published, if accepting registers it.")
@click.option("--url", default="", help="Where it was published, if accepting registers it.")
@click.option("--reliability", type=click.Choice(list(RELIABILITY)), default=None,
              help="Its reliability (Admiralty A-F), if accepting registers it.")
@dry_run_option
def accept(review: Path, data_dir: Path, quiet: bool, title: str, publisher: str,
           published: str, url: str, reliability: str | None, dry_run: bool):
    """Add the rows of a review file (from `actorgraph suggest -o`) that you marked y in its
    accept column: the document if it is not a source yet, the proposed actors they need,
    then the claims, each as `add` adds it, all checked together and written at once.

    \b
    Example:
      actorgraph suggest new-report.txt -o review.csv   # then mark rows y in accept
      actorgraph accept review.csv --title "A new report" --publisher "Example Wire"
    """
    from actorgraph.edits import accept as accepting

    _finish(accepting(data_dir, review, title, publisher, published, url, reliability or ""),
            dry_run, quiet)


COMMANDS = (add, merge, accept)
