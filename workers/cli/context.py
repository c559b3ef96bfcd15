"""The settings object travels in the Typer context, created once at the entry point."""

from __future__ import annotations

import typer

from workers.settings import Settings


def settings_of(ctx: typer.Context) -> Settings:
    root = ctx.find_root()
    if not isinstance(root.obj, Settings):
        root.obj = Settings()
    return root.obj
