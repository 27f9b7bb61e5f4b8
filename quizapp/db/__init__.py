"""The database layer: tables, engine set-up, migrations. Imports nothing above it.

* ``base``      — the ``db`` and ``migrate`` extension objects and the declarative ``Base``;
* ``models``    — learners, decks, questions, card states, review logs, quizzes;
* ``classroom`` — the classroom tables (classes, members, assignments, attempts, answers);
* ``authoring`` — hand fixes (overrides) and learners' reports of web-authored decks;
* ``timecol``   — ``UTCDateTime``, the timestamp column (aware UTC on every backend);
* ``session``   — ``DbSession``: what "session" means in service signatures;
* ``sqlite``, ``pooling``, ``readonly`` — engine set-up for SQLite and PostgreSQL;
* ``banks``     — bank file ⇄ rows: import a bank by stable question id, rebuild one;
* ``export_ledger`` — when each question's Anki note last changed, per deck slug;
* ``schema``    — is the database ready? (create on first start, refuse when out of date);
* ``migrations/`` — Alembic revisions (Flask-Migrate).
"""
