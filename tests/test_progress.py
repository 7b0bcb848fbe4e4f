"""The progress bar: drawn on a terminal for large work, never written anywhere else."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest

from actorgraph import export
from actorgraph.progress import progress
from helpers import quick_store, run

SCRIPT = """
import sys
import actorgraph.export
actorgraph.export.NOTICE_MB = 0  # every casebook is large enough for a bar
from actorgraph.cli import cli
cli(sys.argv[1:])
"""


def test_a_bar_not_shown_costs_nothing():
    items = [1, 2, 3]
    for show, total in ((False, 3), (True, None), (True, 0)):
        with progress("stage", total, show=show) as bar:
            assert not bar.shown
            assert bar.through(items) is items
            bar.advance(2)  # counts nothing, says nothing


def test_not_on_a_terminal_nothing_is_written(casebook, tmp_path, monkeypatch, capfd):
    root = casebook(base="export")
    monkeypatch.setattr(export, "NOTICE_MB", 0)
    code, _out, err = run("export", "graphml", "--data", root, "-o", tmp_path / "x.graphml")
    assert (code, err) == (0, f"wrote {tmp_path / 'x.graphml'}\n")
    with progress("stage", 3) as bar:  # pytest's stderr is no terminal either
        assert not bar.shown
        list(bar.through(range(3)))
    assert capfd.readouterr().err == ""


def on_a_terminal(*args: str) -> str:
    """What `actorgraph ARGS` writes on stderr when stderr is a terminal (a pseudo-terminal),
    stdout going to a pipe."""
    leader, follower = pty.openpty()
    try:
        child = subprocess.Popen([sys.executable, "-c", SCRIPT, *args], stderr=follower,
                                 stdout=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                 env={**os.environ, "COLUMNS": "100"})
        os.close(follower)
        written = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the child closed its end
                break
            if not chunk:
                break
            written += chunk
        assert child.wait(timeout=60) == 0, written
    finally:
        os.close(leader)
    return written.decode()


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("fmt", ["graphml", "csv"])
def test_on_a_terminal_each_stage_has_its_bar(casebook, tmp_path, monkeypatch, fmt):
    root = casebook(base="export")
    quick_store(monkeypatch)
    assert run("export", fmt, "--data", root, "-o", tmp_path / "first")[0] == 0  # stored
    shown = on_a_terminal("export", fmt, "--data", str(root), "-o", str(tmp_path / "out"))
    stages = {"graphml": ["graphml: reading actors", "graphml: writing"],
              "csv": ["csv: reading claims", "csv: writing claims", "csv: writing actors"]}
    for stage in stages[fmt]:
        assert stage in shown
    assert "100%" in shown
    assert shown.rstrip().endswith(f"wrote {tmp_path / 'out'}")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_quiet_draws_no_bar(casebook, tmp_path):
    root = casebook(base="export")
    shown = on_a_terminal("export", "graphml", "--data", str(root), "-q", "-o",
                          str(tmp_path / "x.graphml"))
    assert shown.replace("\r\n", "\n") == f"wrote {tmp_path / 'x.graphml'}\n"
