from actorgraph.cli import cli

cli(prog_name="actorgraph")
