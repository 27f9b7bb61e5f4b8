"""``quizapp db``: Flask-Migrate's commands, except that ``db upgrade`` goes through
``quizapp.db.schema.upgrade_schema``, so a database it creates from nothing gets the default
deck, exactly as on the first start of ``quizapp run``."""

from __future__ import annotations

from typing import Any

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_migrate import cli as migrate_cli

from quizapp.db.schema import upgrade_schema


@click.command("upgrade", params=list(migrate_cli.upgrade.params), help=migrate_cli.upgrade.help)
@with_appcontext
def upgrade_command(**options: Any) -> None:
    ctx = click.get_current_context()
    upgrade_schema(current_app, lambda: ctx.invoke(migrate_cli.upgrade, **options))


db_group = click.Group(
    "db",
    params=list(migrate_cli.db.params),
    callback=migrate_cli.db.callback,
    help="Database migrations (Flask-Migrate); `upgrade` also seeds a new database.",
    commands={**migrate_cli.db.commands, "upgrade": upgrade_command},
)
