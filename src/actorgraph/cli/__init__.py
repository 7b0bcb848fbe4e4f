"""The command line: each command parses options, calls the library, prints the answer.

The group below turns every error the library reports into one line on stderr (each of the
library's parameters named by the command's own option) and exit status 1, in one place.
"""

from __future__ import annotations

import errno
import gc
import importlib
import logging
import os
import signal
import sys

import click

from actorgraph.cli import query
from actorgraph.cli.options import RAN, RecordingGroup
from actorgraph.errors import ActorGraphError
from actorgraph.text import visible

FULL_COLLECTION_AFTER = 1000  # young collections (Python's default: 10); see `main`


class Notices(logging.Handler):
    """The library's notices (`logging`, logger "actorgraph", INFO and up) as lines on stderr,
    e.g. that a large casebook is being read; none with --quiet."""

    def emit(self, record: logging.LogRecord) -> None:
        ctx = click.get_current_context(silent=True)
        if ctx is not None and ctx.params.get("quiet"):
            return
        if not sys.stderr.closed:  # closed once the reader of our output has left
            click.echo(visible(self.format(record)), err=True)


def _flags(command: click.Command | None):
    """How the command calls each library parameter: its option (`--min-certainty`) or its
    argument's name (`B`)."""
    names = {}
    for param in command.params if command else ():
        if isinstance(param, click.Option):
            names[param.name] = max(param.opts, key=len)
        else:
            names[param.name] = param.human_readable_name
    return lambda name: names.get(name, name.replace("_", "-"))


_OUT_OF_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}
# Commands whose module is imported only when one of them runs (or help lists them): a
# query does not pay for the editing and suggesting code. tests/test_docs.py checks each
# module's COMMANDS against this table.
ELSEWHERE = {"validate": "make", "build": "make", "export": "make", "store": "make",
             "add": "edit", "merge": "edit", "accept": "edit", "suggest": "suggest"}


class ActorGraphGroup(RecordingGroup):
    """Turns every ActorGraphError into a message on stderr and exit status 1; prints the
    library's notices on stderr; ends quietly when the reader of stdout leaves (`| head`)."""

    def invoke(self, ctx: click.Context):
        logger = logging.getLogger("actorgraph")
        if not any(isinstance(h, Notices) for h in logger.handlers):
            logger.addHandler(Notices())
            logger.setLevel(logging.INFO)
        try:
            answer = super().invoke(ctx)
            sys.stdout.flush()
            return answer
        except ActorGraphError as err:
            message = visible(err.describe(_flags(ctx.meta.get(RAN))), keep="\n")
            click.echo(f"error: {message}" if "\n" not in message else message, err=True)
            ctx.exit(1)
        except BrokenPipeError:
            # `actorgraph claims | head`: the reader left; say nothing.
            sys.stderr.close()
            ctx.exit(0)
        except OSError as err:
            if err.errno not in _OUT_OF_ROOM or err.filename is not None:
                raise
            # Standard output could not take the answer (`> /dev/full`, a full disk).
            click.echo(f"error: cannot write the output: {err.strerror}", err=True)
            ctx.exit(1)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *ELSEWHERE})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in ELSEWHERE and name not in self.commands:
            module = importlib.import_module(f"actorgraph.cli.{ELSEWHERE[name]}")
            for command in module.COMMANDS:
                self.add_command(command)
        return super().get_command(ctx, name)

    def main(self, *args, **kwargs):
        # A polite kill (SIGTERM) ends the command as Ctrl-C does: temporary files are removed.
        if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
            signal.signal(signal.SIGTERM, _terminated)
        return super().main(*args, **kwargs)


def _terminated(signum, frame):
    raise SystemExit(128 + signum)


def main() -> None:
    """The `actorgraph` command. It ends without freeing what it holds, once its output is
    flushed: the graph of a half-million-claim casebook takes Python 4.3 s to free, which
    the operating system does at once (`os._exit`; every file is closed by then). The
    casebooks it opens are held till then (click's `obj`: `options.opened`).

    Its cycle collector walks everything only after FULL_COLLECTION_AFTER young collections
    rather than 10: the ties, rows and rankings of a large casebook are millions of new
    objects, and each whole walk over them freed nothing (5.8 of `stats`' 19.6 s at 500k
    claims). Young objects are still collected as often as before."""
    young, middle, _whole = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_AFTER)
    held: list = []
    try:
        cli.main(prog_name="actorgraph", obj=held)
        status = 0
    except SystemExit as done:
        status = _status(done.code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # the reader left (`| head`), or the stream is closed
            pass
    os._exit(status)


def _status(code: object) -> int:
    """The exit status SystemExit(code) gives (a message is printed, with status 1)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    try:
        print(code, file=sys.stderr)
    except (OSError, ValueError):
        pass
    return 1


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



for command in query.COMMANDS:
    cli.add_command(command)
