"""Versioned schema migrations, one module of SQL per backend.

Kept as Python modules rather than loose .sql files so that they ship inside
any build of the package. A migration is applied once, in order, inside a
transaction, and recorded in `schema_migrations`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str
