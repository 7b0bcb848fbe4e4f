"""Commands that ask the casebook: path, show, neighbors, actors, claims, stats."""

from __future__ import annotations

from pathlib import Path

import click

from actorgraph.cli.options import (
    actor_argument,
    checked_filters,
    complete_actor,
    data_option,
    emit,
    filter_options,
    format_option,
    opened,
    resolve_filters,
)

NEIGHBOURS_LISTED = 1000  # `neighbors` lists at most this many actors past the first hop


@click.command()
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
def path(source: str, target: str, data_dir: Path, quiet: bool, directed: bool,
         k: int | None, max_hops: int | None, fmt: str, **filters):
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
    from actorgraph import answers
    from actorgraph.graph.names import resolve
    from actorgraph.graph.paths import find_paths
    from actorgraph.present import text

    filters = checked_filters(**filters)
    book = opened(data_dir, quiet)
    filters = resolve_filters(book, filters)
    a, b = resolve(book, source, "Name"), resolve(book, target, "Name")
    G = book.path_graph(a, b, directed=directed, k=k, max_hops=max_hops, **filters)
    result = find_paths(G, a, b, directed=directed, k=k, max_hops=max_hops, **filters)
    records = answers.path_records(G, result)
    emit(fmt, records, rows=answers.path_rows(records), fields=answers.PATH_FIELDS,
         text=lambda: text.path_text(records))
    if result.more:
        click.echo(f"{result.more} more shortest path{'s' if result.more != 1 else ''} not "
                   "shown; -k N lists the N best", err=True)


@click.command()
@actor_argument("actor")
@data_option
@format_option
def show(actor: str, data_dir: Path, quiet: bool, fmt: str):
    """Everything on one actor: type, aliases, description and its claims by relation.

    \b
    Example:
      actorgraph show "Nicolas Maduro"
    """
    from actorgraph import answers
    from actorgraph.graph.names import resolve
    from actorgraph.present import text

    book = opened(data_dir, quiet)
    actor = resolve(book, actor, "Name")
    details = answers.actor_details(book.actor_graph(actor), actor)
    rows = [c for claims in details["claims"].values() for c in claims]
    emit(fmt, details, rows=rows, fields=answers.SHOW_FIELDS,
         text=lambda: text.show_text(details))


@click.command()
@actor_argument("actor")
@data_option
@click.option("--depth", type=int, default=1, show_default=True, metavar="N",
              help="How many hops away to look.")
@click.option("--limit", type=click.IntRange(min=0), default=NEIGHBOURS_LISTED,
              show_default=True, metavar="N",
              help="List at most N actors past the first hop: a farther ring that would "
                   "pass N is left out, and said so (0: no limit).")
@filter_options
@format_option
def neighbors(actor: str, data_dir: Path, quiet: bool, depth: int, limit: int, fmt: str,
              **filters):
    """The actors within N hops of ACTOR, how far, through whom and by which relations.

    \b
    Example:
      actorgraph neighbors hezbollah --depth 2 --min-certainty alleged
    """
    from actorgraph import answers
    from actorgraph.graph.names import resolve
    from actorgraph.present import text

    filters = checked_filters(**filters)
    book = opened(data_dir, quiet)
    filters = resolve_filters(book, filters)
    actor = resolve(book, actor, "Name")
    most = limit or None
    G = book.around_graph(actor, depth, limit=most, **filters)
    found = answers.neighbourhood(G, actor, depth, most, **filters)
    rows = found.rows
    columns = ("distance", "name", "id", "type", "via", "relations")
    emit(fmt, rows, fields=answers.NEIGHBOR_FIELDS, text=lambda: text.table(rows, columns))
    if found.cut is not None:
        click.echo(f"actors {found.cut} or more hops away not listed: they would bring the "
                   f"list past {limit:,} (--limit); --limit 0 lists them all", err=True)


@click.command()
@data_option
@click.option("--type", "types", multiple=True, metavar="TYPE",
              help="Only actors of this type (repeatable).")
@click.option("--sort", type=click.Choice(("name", "degree", "betweenness")), default="name",
              show_default=True, help="Order: by name, or most claims / best broker first.")
@format_option
def actors(data_dir: Path, quiet: bool, types: tuple[str, ...], sort: str, fmt: str):
    """List the actors with their degree (claims), ties (actors linked) and betweenness.

    Betweenness is normalised, on the undirected graph with one link per pair of actors:
    high values are the brokers that connect the rest.

    \b
    Example:
      actorgraph actors --type person --type armed_group --sort betweenness
    """
    from actorgraph import answers
    from actorgraph.present import text
    from actorgraph.schema import check

    types = check("type", types, "types")
    rows = answers.actor_rows(opened(data_dir, quiet, whole=True).graph(), types, sort)
    columns = ("name", "id", "type", "degree", "ties", "betweenness")
    emit(fmt, rows, fields=answers.ACTOR_FIELDS, text=lambda: text.table(rows, columns))


@click.command()
@data_option
@click.option("--actor", "actor_names", multiple=True, metavar="ACTOR",
              help="Claims involving this actor (repeat: involving all of them).")
@click.option("--certainty", "certainties", multiple=True, metavar="LEVEL",
              help="Only claims of this certainty (repeatable).")
@click.option("--claimed-by", metavar="TEXT",
              help="Made by this claimant: an actor (id, name or alias), or else any claimant "
                   "whose name contains TEXT (any case).")
@click.option("--text", "words", metavar="WORD",
              help="The quote contains WORD (any case or accent).")
@filter_options
@format_option
def claims(data_dir: Path, quiet: bool, actor_names: tuple[str, ...],
           certainties: tuple[str, ...], claimed_by: str | None, words: str | None, fmt: str,
           **filters):
    """List claims, each with its claimant, certainty, document and quote.

    \b
    Examples:
      actorgraph claims --actor hezbollah --certainty alleged
      actorgraph claims --text drone --format csv > drones.csv
    """
    from actorgraph import answers
    from actorgraph.graph.names import resolve
    from actorgraph.present import text
    from actorgraph.schema import check
    from actorgraph.text import name_key

    filters = checked_filters(**filters)
    certainties = check("certainty", certainties, "certainties")
    book = opened(data_dir, quiet, whole=not actor_names)
    filters = resolve_filters(book, filters)
    chosen = [resolve(book, name, "--actor") for name in actor_names]
    claimant = None
    if claimed_by:  # an actor by id, name or alias, if it names exactly one
        found = book.matching(name_key(claimed_by))
        claimant = next(iter(found)) if len(found) == 1 else None
    # Claims involving every chosen actor are among the first one's.
    G = book.actor_graph(chosen[0], [*chosen, *filters["avoid"]]) if chosen else book.graph()
    rows = answers.claim_rows(G, chosen, certainties, claimed_by, words, claimant, **filters)
    emit(fmt, rows, fields=answers.CLAIM_FIELDS, text=lambda: text.claims_text(rows))


@click.command()
@data_option
@format_option
def stats(data_dir: Path, quiet: bool, fmt: str):
    """Counts by type, relation and certainty; components; the brokers; thin evidence.

    \b
    Example:
      actorgraph stats --format json
    """
    from actorgraph import answers
    from actorgraph.present import text

    summary = answers.stats(opened(data_dir, quiet, whole=True).graph())
    emit(fmt, summary, rows=answers.stats_rows(summary), fields=("section", "key", "value"),
         text=lambda: text.stats_text(summary))


@click.command()
@data_option
@click.option("--corroborated", is_flag=True,
              help="Only ties that two publishers or more affirm.")
@click.option("--single-source", is_flag=True, help="Only ties that one document affirms.")
@click.option("--disputed", is_flag=True, help="Only ties both affirmed and denied.")
@click.option("--min-sources", type=int, metavar="N",
              help="Only ties that at least N publishers affirm.")
@click.option("--actor", "actor_name", metavar="ACTOR", shell_complete=complete_actor,
              help="Only the ties of this actor.")
@format_option
def ties(data_dir: Path, quiet: bool, corroborated: bool, single_source: bool,
         disputed: bool, min_sources: int | None, actor_name: str | None, fmt: str):
    """Ties (one relation between two actors, whoever claims it) and what stands behind
    each: its claims, the documents, publishers and claimants that affirm it, the claims
    that deny it, its strongest certainty. Most corroborated first.

    \b
    Examples:
      actorgraph ties --corroborated
      actorgraph ties --disputed --format json
      actorgraph ties --actor hezbollah --single-source
    """
    from actorgraph import answers
    from actorgraph.graph.names import resolve
    from actorgraph.graph.ties import TIE_FIELDS
    from actorgraph.present import text

    book = opened(data_dir, quiet, whole=not actor_name)
    actor = resolve(book, actor_name, "--actor") if actor_name else None
    G = book.actor_graph(actor) if actor else book.graph()
    rows = answers.tie_rows(G, corroborated=corroborated, single_source=single_source,
                            disputed=disputed, min_sources=min_sources, actor=actor)
    names = {a: answers.name(G, a) for a in G}
    emit(fmt, rows, fields=TIE_FIELDS, text=lambda: text.ties_text(rows, names))


COMMANDS = (path, show, neighbors, actors, claims, stats, ties)
