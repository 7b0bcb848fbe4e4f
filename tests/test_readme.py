"""Every terminal session in README.md is real: re-run, it prints what the README shows."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import REPO

spec = importlib.util.spec_from_file_location("readme_sessions", REPO / "scripts" /
                                              "readme_sessions.py")
sessions = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sessions)

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCKS = sessions.BLOCK.findall(README)


def test_readme_has_sessions():
    assert len(BLOCKS) >= 6


@pytest.mark.parametrize("block", BLOCKS, ids=[sessions.commands(b)[0][:50] for b in BLOCKS])
def test_session_output_matches_a_fresh_run(block, tmp_path):
    assert sessions.run_block(block, sessions.prepare(tmp_path)) == block, (
        "README.md is stale: run `python scripts/readme_sessions.py --write`")
