"""Decks blueprints: the deck list (home page), a deck's page, its article, its Anki download
(``views``); one's own decks — My decks, the new deck page, new versions, the downloads
(``authoring_views``); the owner's review page and the learners' reports (``review_views``)."""
