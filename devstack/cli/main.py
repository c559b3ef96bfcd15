"""`python -m devstack`: the commands of a checkout, with the options, settings and
error handling of `newswire` (`workers.cli.main`)."""

from __future__ import annotations

import typer

from devstack.cli import run, stack
from workers.cli.main import configure, invoke

app = typer.Typer(
    name="devstack",
    help="Development tools of a newswire checkout: the local stack and the whole "
    "pipeline as local processes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.callback()(configure)
app.add_typer(stack.app, name="stack")
app.command()(run.run)


def main() -> None:
    invoke(app)


if __name__ == "__main__":
    main()
