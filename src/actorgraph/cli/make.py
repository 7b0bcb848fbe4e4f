"""Commands that check the casebook or make something of it: validate, build, export."""

from __future__ import annotations

from pathlib import Path

import click

from actorgraph.cli.options import (
    checked_filters,
    data_option,
    opened,
    resolve_filters,
    say_warnings,
    select,
    selection_options,
    strict_option,
)

DEFAULT_HTML = Path("output") / "actorgraph.html"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'s' if n != 1 else ''}"


@click.command()
@data_option
@strict_option
def validate(data_dir: Path, quiet: bool, strict: bool):
    """Check the casebook: columns, vocabularies, ids, dates and every quote.

    Every problem is reported at once, with its file and line; the exit status is 1 if there
    is any error (or any warning, with --strict).

    \b
    Example:
      actorgraph validate --data data --strict
    """
    from actorgraph.casebook.validate import validate_casebook

    report = validate_casebook(data_dir, strict=strict)
    if not quiet:
        say_warnings(report.warnings)
    contents = report.contents
    click.echo(f"ok: {len(contents.actors)} actors, {len(contents.claims)} claims, "
               f"{_plural(len(contents.sources), 'source')}; every quote found in its document")


@click.command()
@data_option
@strict_option
@click.option("-o", "--output", type=click.Path(path_type=Path), default=DEFAULT_HTML,
              show_default=True, help="Where to write the HTML page.")
@click.option("--title", default="actorgraph", show_default=True, help="The page's title.")
@click.option("--all", "everything", is_flag=True,
              help="Draw every actor and claim chosen, however many (past 20,000 actors or "
                   "60,000 claims the page draws the busiest actors that fit).")
@selection_options
def build(data_dir: Path, quiet: bool, strict: bool, output: Path, title: str,
          everything: bool, around_actor: str | None, depth: int,
          path: tuple[str, str] | None, top_n: int | None, **filters):
    """Validate the casebook, then write the interactive HTML network.

    The page is one file that works offline: open it in a browser, or mail it.
    On invalid data nothing is written. Past 20,000 actors or 60,000 claims (after the
    selection options) the page shows the actors in the most claims that fit, and says so;
    --all draws everything.

    \b
    Examples:
      actorgraph build -o output/actorgraph.html
      actorgraph build --around hezbollah --depth 2 -o output/hezbollah.html
    """
    from actorgraph.casebook.read import input_files
    from actorgraph.files import refuse_inputs
    from actorgraph.page.render import fit_page, write_html
    from actorgraph.workspace import read_and_build

    filters = checked_filters(**filters)  # a bad option fails before the casebook is read
    reading = read_and_build(data_dir, strict=strict)
    report, G = reading.report, reading.graph
    refuse_inputs(output, input_files(Path(data_dir), report.contents.sources.records))
    if not quiet:
        say_warnings(report.warnings)
    G = select(G, around_actor, depth, path, top_n, **resolve_filters(G, filters))
    note = ""
    if not everything:
        G, note = fit_page(G)
    if note:
        click.echo(f"{note}. Choose a part with --around, --path, --top or the filters, or "
                   "draw it all with --all.", err=True)
    written = write_html(G, report, output, title=title, note=note)
    click.echo(f"{G.number_of_nodes()} actors, {G.number_of_edges()} claims, "
               f"{_plural(len(G.graph['sources']), 'source')}")
    click.echo(f"wrote {written}")


@click.command()
@click.argument("fmt", metavar="FORMAT")
@data_option
@click.option("-o", "--output", "dest", default="-", show_default=True, metavar="PATH",
              help="File to write (a folder for csv and neo4j), or - for stdout.")
@selection_options
def export(fmt: str, data_dir: Path, quiet: bool, dest: str, around_actor: str | None,
           depth: int, path: tuple[str, str] | None, top_n: int | None, **filters):
    """Write the casebook, or part of it, for another tool.

    FORMAT is one of: csv (actorgraph's own files, re-loadable), graphml, gexf (Gephi),
    json (networkx node-link), cytoscape (Cytoscape.js), neo4j (neo4j-admin import files).

    \b
    Examples:
      actorgraph export gexf -o output/actorgraph.gexf
      actorgraph export graphml --around hezbollah --depth 2 -o hezbollah.graphml
      actorgraph export neo4j -o output/neo4j
    """
    from actorgraph.casebook.read import input_files
    from actorgraph.export import export_casebook, export_graph, get_format

    chosen = get_format(fmt)
    filters = checked_filters(**filters)
    streamed = around_actor is None and path is None and top_n is None and depth == 1 \
        and not any(filters.values())  # the whole casebook, streamed from its store
    book = opened(data_dir, quiet, whole=not streamed)
    inputs = input_files(Path(data_dir), book.sources().values())
    if streamed:
        written = export_casebook(book, chosen, dest, inputs)
    else:
        G = select(book.graph(), around_actor, depth, path, top_n,
                   **resolve_filters(book, filters))
        written = export_graph(G, chosen, dest, inputs)
    if written is not None:
        click.echo(f"wrote {written}", err=True)


@click.command()
@data_option
def store(data_dir: Path, quiet: bool):
    """Print where the casebook's store is (one SQLite database, outside the casebook) and
    whether it holds the casebook as it is now. Open it with sqlite3 or Datasette.

    \b
    Example:
      actorgraph store
      sqlite3 "$(actorgraph store -q)" "select count(*) from claims"
    """
    from actorgraph.workspace import store_state

    path, state = store_state(data_dir)
    if path is None:
        click.echo("the store is off (ACTORGRAPH_NO_CACHE is set)", err=True)
        raise SystemExit(1)
    click.echo(str(path))
    if not quiet:
        click.echo({"current": "current: it holds the casebook as it is now",
                    "out of date": "out of date: the next command on the casebook writes it "
                                   "again",
                    "none yet": "none yet: the next command on the casebook writes it"}[state],
                   err=True)


COMMANDS = (validate, build, export, store)
