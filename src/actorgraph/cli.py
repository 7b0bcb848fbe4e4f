"""The command line: each command parses options, calls one library function, prints."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from actorgraph.errors import ActorGraphError

DEFAULT_DATA = "data"
DEFAULT_HTML = Path("output") / "actorgraph.html"


class ActorGraphGroup(click.Group):
    """Turns every ActorGraphError into a message on stderr and exit status 1, in one place."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ActorGraphError as err:
            click.echo(f"error: {err}" if "\n" not in str(err) else str(err), err=True)
            ctx.exit(1)
        except BrokenPipeError:
            # `actorgraph claims | head`: the reader left; say nothing.
            sys.stderr.close()
            ctx.exit(0)


def data_option(command):
    """--data DIR, the casebook folder, on every command."""
    return click.option(
        "--data", "data_dir", type=click.Path(file_okay=False, path_type=Path),
        default=DEFAULT_DATA, show_default=True, envvar="ACTORGRAPH_DATA",
        help="Casebook folder holding nodes.csv, edges.csv, sources.csv and sources/.",
    )(command)


def strict_option(command):
    return click.option("--strict", is_flag=True,
                        help="Treat warnings (e.g. an actor with no claims) as errors.")(command)


def echo_warnings(report) -> None:
    for warning in report.warnings:
        click.echo(str(warning), err=True)


@click.group(cls=ActorGraphGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="actorgraph")
def cli():
    """Who is alleged to be tied to whom, and on what evidence.

    actorgraph reads a casebook (nodes.csv, edges.csv, sources.csv and the source documents),
    checks every claim's quote against its document, and answers questions about it.

    \b
    Example:
      actorgraph validate
      actorgraph build
    """


@cli.command()
@data_option
@strict_option
def validate(data_dir: Path, strict: bool):
    """Check the casebook: columns, vocabularies, ids, dates and every quote.

    Every problem is reported at once, with its file and line; the exit status is 1 if there
    is any error (or any warning, with --strict).

    \b
    Example:
      actorgraph validate --data data --strict
    """
    from actorgraph.validate import open_casebook

    report = open_casebook(data_dir, strict=strict)
    echo_warnings(report)
    book = report.casebook
    click.echo(f"ok: {len(book.actors)} actors, {len(book.claims)} claims, "
               f"{len(book.sources)} source{'s' if len(book.sources) != 1 else ''}; "
               f"every quote found in its document")


@cli.command()
@data_option
@strict_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=DEFAULT_HTML, show_default=True, help="Where to write the HTML page.")
@click.option("--title", default="actorgraph", show_default=True, help="The page's title.")
def build(data_dir: Path, strict: bool, output: Path, title: str):
    """Validate the casebook, then write the interactive HTML network.

    The page is one file that works offline: open it in a browser, or mail it.
    On invalid data nothing is written.

    \b
    Example:
      actorgraph build -o output/actorgraph.html
    """
    from actorgraph.build import build_graph
    from actorgraph.render import write_html
    from actorgraph.validate import open_casebook

    report = open_casebook(data_dir, strict=strict)
    echo_warnings(report)
    G = build_graph(report)
    path = write_html(G, report, output, title=title)
    click.echo(f"{G.number_of_nodes()} actors, {G.number_of_edges()} claims, "
               f"{len(G.graph['sources'])} source{'s' if len(G.graph['sources']) != 1 else ''}")
    click.echo(f"wrote {path}")
