"""The quizapp web application: ``create_app`` is the table of contents."""

from __future__ import annotations

import os
from typing import Any

import click
from flask import Flask


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: configuration, extensions, blueprints, safety nets, database check."""
    from quizapp.config import instance_path

    app = Flask(__name__, instance_path=instance_path(os.environ), instance_relative_config=True)
    _load_config(app, test_config)
    try:
        _init_extensions(app)
        _register_blueprints(app)
        _register_safety_nets(app)
        if app.config["AUTO_BOOTSTRAP"] and _is_serving():
            from quizapp.db.schema import prepare_database

            prepare_database(app)
    except Exception as exc:
        _stop_on_configuration_error(exc, app)
        raise
    return app


def _stop_on_configuration_error(exc: Exception, app: Flask) -> None:
    """Under gunicorn, a configuration mistake is one line, not a traceback (the CLI does
    the same in ``quizapp.cli``; tests see the exception)."""
    from quizapp.db import startup

    message = startup.explain(exc, app.config["SQLALCHEMY_DATABASE_URI"])
    if message is not None and startup.under_gunicorn():
        startup.stop_gunicorn(message)


def _load_config(app: Flask, test_config: dict[str, Any] | None) -> None:
    from quizapp import config

    app.config.from_mapping(config.DEFAULTS)
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env("QUIZAPP")
    else:
        app.config.update(test_config)
    app.config["SQLALCHEMY_DATABASE_URI"] = config.database_url(
        app.config.get("DATABASE_URL"), app.instance_path
    )
    # Nothing is written here (``quizapp --help`` builds the app too): the instance folder and
    # its secret key are created on first use (quizapp.db.sqlite, quizapp.web.cookies).


def _init_extensions(app: Flask) -> None:
    from quizapp.db import faults
    from quizapp.db.base import db, migrate
    from quizapp.db.pooling import ping_when_idle
    from quizapp.db.schema import migrations_dir
    from quizapp.db.sqlite import configure_engine
    from quizapp.web import cookies
    from quizapp.web.extensions import csrf, limiter

    cookies.install(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=migrations_dir(app))
    csrf.init_app(app)
    limiter.init_app(app)
    with app.app_context():
        configure_engine(db.engine, instance_path=app.instance_path)
        faults.install(db.engine)
        ping_when_idle(db.engine, float(app.config["DB_PING_IDLE_SECONDS"]))


def _register_blueprints(app: Flask) -> None:
    from quizapp.account.views import bp as account
    from quizapp.api import (  # noqa: F401  (they add their routes to the api blueprint)
        authoring_views,
        export_views,
    )
    from quizapp.api.health import bp as health
    from quizapp.api.views import bp as api
    from quizapp.classroom.views import bp as classroom
    from quizapp.decks.authoring_views import bp as authoring
    from quizapp.decks.downloads import bp as downloads
    from quizapp.decks.review_views import bp as review
    from quizapp.decks.views import bp as decks
    from quizapp.quiz.views import bp as quiz
    from quizapp.settings.views import bp as settings
    from quizapp.stats.views import bp as stats
    from quizapp.study.views import bp as study
    from quizapp.web import converters

    converters.install(app)  # before any rule is added: <int:…> ids fit the database
    for blueprint in (decks, downloads, authoring, review, study, quiz, settings, account):
        app.register_blueprint(blueprint)
    app.register_blueprint(api)
    app.register_blueprint(health)
    app.register_blueprint(classroom)
    app.register_blueprint(stats)


def _register_safety_nets(app: Flask) -> None:
    from quizapp.web import errors, security, templating

    errors.register(app)
    security.register(app)
    templating.register(app)


def _is_serving() -> bool:
    """True for gunicorn/tests and ``quizapp run``; False for management commands such as
    ``quizapp db upgrade``, which must work on an out-of-date database."""
    ctx = click.get_current_context(silent=True)
    return ctx is None or ctx.info_name == "run"
