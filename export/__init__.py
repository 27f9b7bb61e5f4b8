"""Bank → Anki package, tab-separated text, Moodle GIFT. Never imports Flask or the database.

Public API (the web app and the CLI call only these):

- ``export.anki.write_apkg(bank, out, *, now=None)`` (``out``: a path or a binary stream)
- ``export.anki.apkg_bytes(bank, *, now=None) -> bytes`` and ``export.anki.package_filename(bank)``
- ``export.tsv.tsv_text(bank, *, flavor="anki")``
- ``export.gift.gift_text(bank)``
"""
