"""Reading, checking and storing a large casebook show their progress on a terminal."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

SCRIPT = """
import sys
import actorgraph.workspace
actorgraph.workspace.NOTICE_MB = 0  # every casebook is large enough for a bar
from actorgraph.cli import cli
cli(sys.argv[1:])
"""


def on_a_terminal(*args: str, env: dict) -> str:
    """What `actorgraph ARGS` writes on stderr when it is a (pseudo-)terminal."""
    leader, follower = os.openpty()
    try:
        child = subprocess.Popen([sys.executable, "-c", SCRIPT, *args], stderr=follower,
                                 stdout=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                 env={**os.environ, **env, "COLUMNS": "100"})
        os.close(follower)
        written = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            written += chunk
        assert child.wait(timeout=60) == 0, written
    finally:
        os.close(leader)
    return written.decode()


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_reading_and_storing_have_bars_unless_quiet(casebook, tmp_path):
    root = casebook()
    env = {"ACTORGRAPH_CACHE_DIR": str(tmp_path / "cache")}
    shown = on_a_terminal("show", "aldovia", "--data", str(root), env=env)
    assert "reading, checking" in shown and "storing" in shown and "100%" in shown
    env["ACTORGRAPH_NO_CACHE"] = "1"  # read again, quietly
    quiet = on_a_terminal("show", "aldovia", "--data", str(root), "--quiet", env=env)
    assert "reading" not in quiet and "%" not in quiet
