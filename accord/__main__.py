"""`python -m accord`: the same as the `accord` command."""

from accord.cli.main import run

run()
