"""Reading, checking and storing a large casebook show their progress on a terminal."""

from __future__ import annotations

import os

import pytest

from helpers import on_a_terminal


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_reading_and_storing_have_bars_unless_quiet(casebook, tmp_path):
    root = casebook()
    env = {"ACTORGRAPH_CACHE_DIR": str(tmp_path / "cache")}
    shown = on_a_terminal("show", "aldovia", "--data", root, env=env)
    assert "reading, checking" in shown and "storing" in shown and "100%" in shown
    env["ACTORGRAPH_NO_CACHE"] = "1"  # read again, quietly
    quiet = on_a_terminal("show", "aldovia", "--data", root, "--quiet", env=env)
    assert "reading" not in quiet and "%" not in quiet
