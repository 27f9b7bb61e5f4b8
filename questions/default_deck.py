"""Where the project's own default deck lives: its source article and its checked-in bank."""

from __future__ import annotations

from pathlib import Path

DECKS_DIR = Path(__file__).resolve().parent / "decks"
DEFAULT_ARTICLE = DECKS_DIR / "neurological-disorders-that-cause-muscle-cramps.txt"
DEFAULT_BANK = DECKS_DIR / "neurological-disorders-that-cause-muscle-cramps.bank.json"
