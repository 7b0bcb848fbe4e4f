"""Every command explains itself with an example and is documented in the README."""

from __future__ import annotations

import importlib

import click
import pytest

from actorgraph.cli import ELSEWHERE, cli
from conftest import REPO

COMMANDS = cli.list_commands(click.Context(cli))


def command_of(name: str) -> click.Command:
    return cli.get_command(click.Context(cli), name)


def test_commands_imported_on_demand_are_where_the_group_looks():
    for module in set(ELSEWHERE.values()):
        names = {c.name for c in importlib.import_module(f"actorgraph.cli.{module}").COMMANDS}
        assert names == {n for n, m in ELSEWHERE.items() if m == module}


def test_the_group_help_has_an_example(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output
    for name in COMMANDS:
        assert name in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_has_an_example(runner, name):
    result = runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    command = command_of(name)
    assert command.help and len(command.help.split()) >= 5
    assert f"actorgraph {name}" in result.output.split("Example", 1)[1]


@pytest.mark.parametrize("name", COMMANDS)
def test_command_in_readme(name):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"actorgraph {name}" in readme, f"README.md never shows `actorgraph {name}`"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_has_help(name):
    for param in command_of(name).params:
        if param.param_type_name == "option":
            assert param.help, f"{name} {param.opts[0]} has no help"


def test_readme_states_the_size_thresholds_the_code_uses():
    from actorgraph import workspace
    from actorgraph.casebook import read, validate
    from actorgraph.graph import metrics
    from actorgraph.page import render

    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    for said in (f"| up to {render.PHYSICS_LIMIT} actors |",
                 f"| over {render.PHYSICS_LIMIT} actors |",
                 f"| over {render.LABELLED:,} actors |",
                 f"only the {render.LABELLED:,} actors in the most claims",
                 f"| over {metrics.EXACT_BETWEENNESS:,} actors |",
                 f"estimated from {metrics.SAMPLE_SOURCES} seeded source actors",
                 f"| over {render.PAGE_ACTORS:,} actors or {render.PAGE_CLAIMS:,} claims |",
                 f"| from {validate.APART:,} quotes |",
                 f"holding {validate.CHILD_SHARE:.0%} of the quotes",
                 f"A query on a casebook of {workspace.NOTICE_MB} MB or more",
                 f"at most {read.MAX_DOCUMENT_MB} MB"):
        assert said in readme, said
