"""The command line: each command parses options, calls one library function, prints."""

from __future__ import annotations

import functools
import logging
import sys
from pathlib import Path

import click

from actorgraph import later
from actorgraph.errors import ActorGraphError
from actorgraph.lookup import complete_actor
from actorgraph.output import format_option
from actorgraph.schema import CERTAINTIES

DEFAULT_DATA = "data"
DEFAULT_HTML = Path("output") / "actorgraph.html"


class Notices(logging.Handler):
    """The library's notices (`logging`, logger "actorgraph", INFO and up) as lines on stderr,
    e.g. that a large casebook is being read because the cache does not hold it yet."""

    def emit(self, record: logging.LogRecord) -> None:
        if not sys.stderr.closed:  # closed once the reader of our output has left
            click.echo(self.format(record), err=True)


class ActorGraphGroup(click.Group):
    """Turns every ActorGraphError into a message on stderr and exit status 1, in one place;
    prints the library's notices on stderr; fills the cache once the answer is out
    (`later.after`)."""

    def invoke(self, ctx: click.Context):
        logger = logging.getLogger("actorgraph")
        if not any(isinstance(h, Notices) for h in logger.handlers):
            logger.addHandler(Notices())
            logger.setLevel(logging.INFO)
        with later.after():
            try:
                answer = super().invoke(ctx)
                sys.stdout.flush()
                return answer
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


# --- Asking the casebook: options shared by the query, export and build commands ----------

def actor_argument(name: str, metavar: str = "ACTOR"):
    """An actor named by id, name or alias, with shell completion from the casebook."""
    return click.argument(name, metavar=metavar, shell_complete=complete_actor)


def filter_options(command):
    """--relation/-r, --exclude-relation, --min-certainty, --avoid: which claims count."""
    options = (
        click.option("-r", "--relation", "relations", multiple=True, metavar="TYPE",
                     help="Only claims of this relation type (repeatable)."),
        click.option("--exclude-relation", "exclude_relations", multiple=True, metavar="TYPE",
                     help="Leave out claims of this relation type (repeatable)."),
        click.option("--min-certainty", metavar="LEVEL",
                     help=f"Only claims at least this firm ({', '.join(CERTAINTIES)}, "
                          "strongest first)."),
        click.option("--avoid", multiple=True, metavar="ACTOR", shell_complete=complete_actor,
                     help="Leave this actor out (repeatable)."),
    )
    return functools.reduce(lambda cmd, option: option(cmd), reversed(options), command)


def selection_options(command):
    """--around ACTOR --depth N, --path A B, --top N and the filters: part of the casebook."""
    options = (
        click.option("--around", "around_actor", metavar="ACTOR", shell_complete=complete_actor,
                     help="Only the actors within --depth hops of this actor."),
        click.option("--depth", type=int, default=1, show_default=True, metavar="N",
                     help="Hops from the --around actor."),
        click.option("--path", "path", nargs=2, metavar="A B", default=None,
                     help="Only the shortest paths between two actors, and their claims."),
        click.option("--top", "top_n", type=int, metavar="N",
                     help="Only the N actors in the most claims, and the claims among them."),
    )
    command = filter_options(command)
    return functools.reduce(lambda cmd, option: option(cmd), reversed(options), command)


def check_filters(relations=(), exclude_relations=(), min_certainty=None, avoid=()):
    """The filter options, checked against the schema; the avoided actors are resolved by
    `resolve_filters` once the casebook is read."""
    from actorgraph.select import check_certainty, check_relations

    check_relations(relations)
    check_relations(exclude_relations, "--exclude-relation")
    check_certainty(min_certainty)
    return dict(relations=relations, exclude_relations=exclude_relations,
                min_certainty=min_certainty, avoid=avoid)


def resolve_filters(G, **filters) -> dict:
    """Checked filters (`check_filters`) with the avoided actors resolved to ids in G."""
    from actorgraph.lookup import resolve

    filters = dict(filters)
    filters["avoid"] = tuple(resolve(G, name, "--avoid") for name in filters["avoid"])
    return filters


def open_index(data_dir: Path, **filters):
    """Check the filter values, open the casebook's index (`index.load_index`: only what a
    question needs is read from it) and resolve the avoided actors."""
    from actorgraph.index import load_index

    filters = check_filters(**filters)
    book = load_index(data_dir)
    return book, resolve_filters(book, **filters)


def load_with_filters(data_dir: Path, **filters):
    """Check the filter values, load the casebook and resolve the avoided actors."""
    from actorgraph.build import load_graph

    filters = check_filters(**filters)
    G = load_graph(data_dir)
    return G, resolve_filters(G, **filters)


def apply_selection(G, around_actor=None, depth=1, path=None, top_n=None, **filters):
    """The selection the options ask for (select.selection), said on stderr."""
    from actorgraph.errors import InputError
    from actorgraph.lookup import resolve
    from actorgraph.select import selection

    if depth != 1 and around_actor is None:
        raise InputError("--depth goes with --around ACTOR")
    if around_actor is not None:
        around_actor = resolve(G, around_actor, "--around")
    if path:
        path = tuple(resolve(G, name, "--path") for name in path)
    chosen = selection(G, around_actor=around_actor, depth=depth, path=path, top_n=top_n,
                       **filters)
    if chosen is not G:
        click.echo(f"selected {chosen.number_of_nodes()} of {G.number_of_nodes()} actors, "
                   f"{chosen.number_of_edges()} of {G.number_of_edges()} claims", err=True)
    return chosen


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
      actorgraph path hezbollah "cartel de los soles"
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
@click.option("--all", "everything", is_flag=True,
              help="Draw every actor and claim chosen, however many (past 20,000 actors or "
                   "60,000 claims the page draws the busiest actors that fit).")
@selection_options
def build(data_dir: Path, strict: bool, output: Path, title: str, everything: bool,
          around_actor: str | None, depth: int, path: tuple[str, str] | None,
          top_n: int | None, **filters):
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
    from actorgraph.build import open_and_build
    from actorgraph.render import fit_page, write_html

    filters = check_filters(**filters)  # a bad option fails before the casebook is read
    report, G = open_and_build(data_dir, strict=strict)
    echo_warnings(report)
    G = apply_selection(G, around_actor, depth, path, top_n, **resolve_filters(G, **filters))
    note = ""
    if not everything:
        G, note = fit_page(G)
    if note:
        click.echo(f"{note}. Choose a part with --around, --path, --top or the filters, or "
                   "draw it all with --all.", err=True)
    path = write_html(G, report, output, title=title, note=note)
    click.echo(f"{G.number_of_nodes()} actors, {G.number_of_edges()} claims, "
               f"{len(G.graph['sources'])} source{'s' if len(G.graph['sources']) != 1 else ''}")
    click.echo(f"wrote {path}")


@cli.command()
@actor_argument("source", "A")
@actor_argument("target", "B")
@data_option
@click.option("--directed", is_flag=True,
              help="Follow directed relations only from source to target (undirected ones "
                   "still link both ways).")
@click.option("-k", "k", type=int, metavar="N",
              help="The N best simple paths of any length, not only the shortest.")
@click.option("--max-hops", type=int, metavar="N", help="Paths of at most N hops.")
@filter_options
@format_option
def path(source: str, target: str, data_dir: Path, directed: bool, k: int | None,
         max_hops: int | None, fmt: str, **filters):
    """How A is tied to B: each hop with every claim and quote that supports it.

    By default the shortest paths, ignoring direction, ranked by the firmness of their
    weakest claim (at most 10). A and B are ids, names or aliases, in any case, with or
    without accents.

    \b
    Examples:
      actorgraph path hezbollah "cartel de los soles"
      actorgraph path Tehran Caracas -k 3 --min-certainty alleged
      actorgraph path iran eln --directed --avoid venezuela --format json
    """
    from actorgraph import output, query
    from actorgraph.lookup import resolve
    from actorgraph.select import find_paths

    book, filters = open_index(data_dir, **filters)
    a, b = resolve(book, source, "Name"), resolve(book, target, "Name")
    G = book.graph() if k else book.path_graph(a, b, directed=directed, **filters)
    result = find_paths(G, a, b, directed=directed, k=k, max_hops=max_hops, **filters)
    records = query.path_records(G, result)
    output.emit(fmt, records, rows=query.path_rows(records), fields=query.PATH_FIELDS,
                text=lambda: output.path_text(records))
    if result.more:
        click.echo(f"{result.more} more shortest path{'s' if result.more != 1 else ''} not "
                   "shown; -k N lists the N best", err=True)


@cli.command()
@actor_argument("actor")
@data_option
@format_option
def show(actor: str, data_dir: Path, fmt: str):
    """Everything on one actor: type, aliases, description and its claims by relation.

    \b
    Example:
      actorgraph show "Nicolas Maduro"
    """
    from actorgraph import output, query
    from actorgraph.index import load_index
    from actorgraph.lookup import resolve

    book = load_index(data_dir)
    actor = resolve(book, actor, "Name")
    details = query.actor_details(book.actor_graph(actor), actor)
    rows = [c for claims in details["claims"].values() for c in claims]
    output.emit(fmt, details, rows=rows, fields=query.SHOW_FIELDS,
                text=lambda: output.show_text(details))


@cli.command()
@actor_argument("actor")
@data_option
@click.option("--depth", type=int, default=1, show_default=True, metavar="N",
              help="How many hops away to look.")
@filter_options
@format_option
def neighbors(actor: str, data_dir: Path, depth: int, fmt: str, **filters):
    """The actors within N hops of ACTOR, how far, through whom and by which relations.

    \b
    Example:
      actorgraph neighbors hezbollah --depth 2 --min-certainty alleged
    """
    from actorgraph import output, query
    from actorgraph.lookup import resolve

    book, filters = open_index(data_dir, **filters)
    actor = resolve(book, actor, "Name")
    rows = query.neighbours(book.around_graph(actor, depth, **filters), actor, depth, **filters)
    columns = ("distance", "name", "id", "type", "via", "relations")
    output.emit(fmt, rows, fields=query.NEIGHBOR_FIELDS,
                text=lambda: output.table(rows, columns))


@cli.command()
@data_option
@click.option("--type", "types", multiple=True, metavar="TYPE",
              help="Only actors of this type (repeatable).")
@click.option("--sort", type=click.Choice(("name", "degree", "betweenness")), default="name",
              show_default=True, help="Order: by name, or most claims / best broker first.")
@format_option
def actors(data_dir: Path, types: tuple[str, ...], sort: str, fmt: str):
    """List the actors with their degree (claims), ties (actors linked) and betweenness.

    Betweenness is normalised, on the undirected graph with one link per pair of actors:
    high values are the brokers that connect the rest.

    \b
    Example:
      actorgraph actors --type person --type armed_group --sort betweenness
    """
    from actorgraph import output, query
    from actorgraph.build import load_graph

    rows = query.actor_rows(load_graph(data_dir), types, sort)
    columns = ("name", "id", "type", "degree", "ties", "betweenness")
    output.emit(fmt, rows, fields=query.ACTOR_FIELDS, text=lambda: output.table(rows, columns))


@cli.command()
@data_option
@click.option("--actor", "actor_names", multiple=True, metavar="ACTOR",
              help="Claims involving this actor (repeat: involving all of them).")
@click.option("--certainty", "certainties", multiple=True, metavar="LEVEL",
              help="Only claims of this certainty (repeatable).")
@click.option("--claimed-by", metavar="TEXT", help="Claimant contains TEXT (any case).")
@click.option("--text", metavar="WORD", help="The quote contains WORD (any case or accent).")
@filter_options
@format_option
def claims(data_dir: Path, actor_names: tuple[str, ...], certainties: tuple[str, ...],
           claimed_by: str | None, text: str | None, fmt: str, **filters):
    """List claims, each with its claimant, certainty, document and quote.

    \b
    Examples:
      actorgraph claims --actor hezbollah --certainty alleged
      actorgraph claims --text drone --format csv > drones.csv
    """
    from actorgraph import output, query
    from actorgraph.lookup import resolve

    book, filters = open_index(data_dir, **filters)
    chosen = [resolve(book, name, "--actor") for name in actor_names]
    # Claims involving every chosen actor are among the first one's.
    G = book.actor_graph(chosen[0], [*chosen, *filters["avoid"]]) if chosen else book.graph()
    rows = query.claim_rows(G, chosen, certainties, claimed_by, text, **filters)
    output.emit(fmt, rows, fields=query.CLAIM_FIELDS, text=lambda: output.claims_text(rows))


@cli.command()
@data_option
@format_option
def stats(data_dir: Path, fmt: str):
    """Counts by type, relation and certainty; components; the brokers; thin evidence.

    \b
    Example:
      actorgraph stats --format json
    """
    from actorgraph import output, query
    from actorgraph.build import load_graph

    summary = query.stats(load_graph(data_dir))
    output.emit(fmt, summary, rows=query.stats_rows(summary), fields=("section", "key", "value"),
                text=lambda: output.stats_text(summary))


@cli.command()
@click.argument("fmt", metavar="FORMAT")
@data_option
@click.option("-o", "--output", "dest", default="-", show_default=True, metavar="PATH",
              help="File to write (a folder for csv and neo4j), or - for stdout.")
@selection_options
def export(fmt: str, data_dir: Path, dest: str, around_actor: str | None, depth: int,
           path: tuple[str, str] | None, top_n: int | None, **filters):
    """Write the casebook, or part of it, for another tool.

    FORMAT is one of: csv (actorgraph's own files, re-loadable), graphml, gexf (Gephi),
    json (networkx node-link), cytoscape (Cytoscape.js), neo4j (neo4j-admin import files).

    \b
    Examples:
      actorgraph export gexf -o output/actorgraph.gexf
      actorgraph export graphml --around hezbollah --depth 2 -o hezbollah.graphml
      actorgraph export neo4j -o output/neo4j
    """
    from actorgraph.export import export_graph, get_format

    chosen = get_format(fmt)
    G, filters = load_with_filters(data_dir, **filters)
    G = apply_selection(G, around_actor, depth, path, top_n, **filters)
    written = export_graph(G, chosen, dest)
    if written is not None:
        click.echo(f"wrote {written}", err=True)
