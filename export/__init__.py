"""Bank → Anki package, tab-separated text, Moodle GIFT. Never imports Flask or the database."""
