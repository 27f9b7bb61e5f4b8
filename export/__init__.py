"""Bank → Anki package, tab-separated text, Moodle GIFT. Never imports Flask or the database.

Public API (the web app and the CLI call only these; docs/exports.md explains the formats):

- ``export.guard.check_exportable(bank, file) -> warnings`` (raises ``UnexportableBank``)
- ``export.anki.write_apkg(bank, out, *, now=None, options=AnkiOptions())`` (``out``: a path
  or a binary stream), ``export.anki.apkg_bytes(bank, *, now=None, options=...) -> bytes``
  and ``export.anki.package_filename(bank)``
- ``export.anki.AnkiOptions(changed_at=..., retired=..., type_answer=..., progress=...)``
- ``export.changes.track_changes(bank, previous, now) -> ledger`` and ``changed_at(ledger)``
- ``export.progress.LearnerProgress``, ``CardProgress``, ``ReviewRow`` (a learner's state)
- ``export.tsv.tsv_text(bank, *, flavor="anki", retired=())``
- ``export.gift.gift_text(bank, *, retired=())``
"""
