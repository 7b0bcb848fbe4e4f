"""Options the commands share, and the few steps between parsing them and calling the
library: opening the casebook named by --data, printing an answer, naming a selection."""

from __future__ import annotations

import functools
from pathlib import Path

import click

from actorgraph.schema import CERTAINTIES, NODES

DEFAULT_DATA = "data"
RAN = "actorgraph.command"  # ctx.meta key: the command that runs (its options name errors)


class RecordingGroup(click.Group):
    """A group that notes in the context which command it hands over to, so that an error
    can name the parameters as that command's options."""

    def resolve_command(self, ctx: click.Context, args):
        name, command, rest = super().resolve_command(ctx, args)
        if command is not None:
            ctx.meta[RAN] = command
        return name, command, rest


def _stack(command, options):
    return functools.reduce(lambda cmd, option: option(cmd), reversed(options), command)


def data_option(command):
    """--data DIR, the casebook folder, and --quiet, on every command that reads one."""
    return _stack(command, (
        click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path),
                     default=DEFAULT_DATA, show_default=True, envvar="ACTORGRAPH_DATA",
                     help="Casebook folder holding nodes.csv, edges.csv, sources.csv and "
                          "sources/."),
        click.option("-q", "--quiet", is_flag=True,
                     help="Print no notices or warnings on stderr, only errors."),
    ))


def strict_option(command):
    return click.option("--strict", is_flag=True,
                        help="Treat warnings (e.g. an actor with no claims) as errors.")(command)


def format_option(command):
    """The shared --format option; the command receives it as `fmt`."""
    from actorgraph.present import FORMATS

    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
        help="text for reading; json or csv (stable field names) for scripts.",
    )(command)


def complete_actor(ctx, param, incomplete: str):
    """Shell completion for actor arguments: ids whose id, name or alias starts with what
    was typed, read from the casebook named by --data (or data/); silent on failure."""
    from click.shell_completion import CompletionItem

    from actorgraph.casebook.read import read_table, split_aliases
    from actorgraph.text import name_key

    root = Path(ctx.params.get("data_dir") or DEFAULT_DATA)
    rows = read_table(root, NODES, [])  # problems are ignored: completion never complains
    typed = name_key(incomplete)
    items = []
    for actor in rows.records:
        names = (actor["id"], actor["name"], *split_aliases(actor["aliases"]))
        if actor["id"] and any(name_key(n).startswith(typed) for n in names if n):
            items.append(CompletionItem(actor["id"], help=actor["name"]))
    return items


def actor_argument(name: str, metavar: str = "ACTOR"):
    """An actor named by id, name or alias, with shell completion from the casebook."""
    return click.argument(name, metavar=metavar, shell_complete=complete_actor)


def filter_options(command):
    """--relation/-r, --exclude-relation, --min-certainty, --doc, --publisher, --min-sources,
    --avoid: which claims count."""
    return _stack(command, (
        click.option("-r", "--relation", "relations", multiple=True, metavar="TYPE",
                     help="Only claims of this relation type (repeatable)."),
        click.option("--exclude-relation", "exclude_relations", multiple=True, metavar="TYPE",
                     help="Leave out claims of this relation type (repeatable)."),
        click.option("--min-certainty", metavar="LEVEL",
                     help=f"Only claims at least this firm ({', '.join(CERTAINTIES)}, "
                          "strongest first)."),
        click.option("--doc", "documents", multiple=True, metavar="ID",
                     help="Only claims from this document, by its sources.csv id "
                          "(repeatable)."),
        click.option("--publisher", "publishers", multiple=True, metavar="NAME",
                     help="Only claims from documents of this publisher (repeatable)."),
        click.option("--min-sources", type=int, metavar="N",
                     help="Only claims of ties that at least N publishers affirm (2: "
                          "corroborated)."),
        click.option("--avoid", multiple=True, metavar="ACTOR", shell_complete=complete_actor,
                     help="Leave this actor out (repeatable)."),
    ))


def selection_options(command):
    """--around ACTOR --depth N, --path A B, --top N and the filters: part of the casebook."""
    command = filter_options(command)
    return _stack(command, (
        click.option("--around", "around_actor", metavar="ACTOR", shell_complete=complete_actor,
                     help="Only the actors within --depth hops of this actor."),
        click.option("--depth", type=int, default=1, show_default=True, metavar="N",
                     help="Hops from the --around actor."),
        click.option("--path", "path", nargs=2, metavar="A B", default=None,
                     help="Only the shortest paths between two actors, and their claims."),
        click.option("--top", "top_n", type=int, metavar="N",
                     help="Only the N actors in the most claims, and the claims among them."),
    ))


def checked_filters(relations=(), exclude_relations=(), min_certainty=None, avoid=(),
                    documents=(), publishers=(), min_sources=None) -> dict:
    """The filter options, their vocabulary checked before the casebook is read (documents
    and publishers are checked against it)."""
    from actorgraph.graph.filters import check_min_sources, kept

    kept(relations, exclude_relations, min_certainty)
    check_min_sources(min_sources)
    return dict(relations=tuple(relations), exclude_relations=tuple(exclude_relations),
                min_certainty=min_certainty, avoid=tuple(avoid), documents=tuple(documents),
                publishers=tuple(publishers), min_sources=min_sources)


def opened(data_dir: Path, quiet: bool = False, strict: bool = False, whole: bool = False):
    """The casebook at `data_dir` (`workspace.open_casebook`; `whole` if the command asks for
    its whole graph), closed when the command ends (after its answer is printed: a casebook
    just read is then kept in the store), its warnings said on stderr unless `quiet`."""
    from actorgraph.workspace import open_casebook

    book = open_casebook(data_dir, strict=strict, whole=whole)
    context = click.get_current_context()
    context.call_on_close(book.close)
    held = context.find_root().obj
    if isinstance(held, list):  # the command line's (`cli.main`): freed by the system
        held.append(book)
    if not quiet:
        say_warnings(book.warnings, "actorgraph validate")
    return book


SHOWN_WARNINGS = 3


def say_warnings(warnings, command: str | None = None) -> None:
    """The casebook's warnings on stderr: every one, or with `command` (the command that
    lists them all) the first few and how many more."""
    from actorgraph.text import visible

    shown = warnings if command is None else warnings[:SHOWN_WARNINGS]
    for warning in shown:
        click.echo(visible(str(warning)), err=True)
    if len(warnings) > len(shown):
        click.echo(f"... and {len(warnings) - len(shown)} more warnings ({command} lists "
                   "them all)", err=True)


def resolve_filters(names, filters: dict) -> dict:
    """Checked filters with the avoided actors resolved to ids."""
    from actorgraph.graph.names import resolve

    return {**filters, "avoid": tuple(resolve(names, a, "--avoid") for a in filters["avoid"])}


def emit(fmt: str, data, *, rows=None, fields=(), text) -> None:
    """Print an answer (`present.render`) on stdout; say on stderr when it is empty."""
    from actorgraph.present import render

    for piece in render(fmt, data, rows=rows, fields=fields, text=text):
        click.echo(piece, nl=False)
    if fmt == "text" and not data:
        click.echo("nothing matches these options", err=True)


def select(G, around_actor=None, depth=1, path=None, top_n=None, **filters):
    """The selection the options ask for (`select.selection`), said on stderr."""
    from actorgraph.errors import BadValue
    from actorgraph.graph.names import resolve
    from actorgraph.graph.select import selection

    if depth != 1 and around_actor is None:
        raise BadValue("depth", depth, "goes with --around ACTOR")
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
