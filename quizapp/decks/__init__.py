"""Decks blueprint: the deck list (home page), a deck's page, its article, its Anki download."""
