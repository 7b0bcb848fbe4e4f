"""The progress bar: drawn on a terminal for large work, never written anywhere else."""

from __future__ import annotations

import os

import pytest

from actorgraph import export
from actorgraph.progress import progress
from helpers import on_a_terminal, quick_store, run


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


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("fmt", ["graphml", "csv"])
def test_on_a_terminal_each_stage_has_its_bar(casebook, tmp_path, monkeypatch, fmt):
    root = casebook(base="export")
    quick_store(monkeypatch)
    assert run("export", fmt, "--data", root, "-o", tmp_path / "first")[0] == 0  # stored
    shown = on_a_terminal("export", fmt, "--data", root, "-o", tmp_path / "out",
                          large="actorgraph.export")
    stages = {"graphml": ["graphml: reading actors", "graphml: writing"],
              "csv": ["csv: reading claims", "csv: writing claims", "csv: writing actors"]}
    for stage in stages[fmt]:
        assert stage in shown
    assert "100%" in shown
    assert shown.rstrip().endswith(f"wrote {tmp_path / 'out'}")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_quiet_draws_no_bar(casebook, tmp_path):
    root = casebook(base="export")
    shown = on_a_terminal("export", "graphml", "--data", root, "-q", "-o",
                          tmp_path / "x.graphml", large="actorgraph.export")
    assert shown.replace("\r\n", "\n") == f"wrote {tmp_path / 'x.graphml'}\n"
