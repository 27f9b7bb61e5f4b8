"""Join codes a teacher can read aloud and students can type from a projector.

Six characters from an alphabet without look-alikes or sound-alikes that trip people up:
none of 0 O Q D (round shapes), 1 I L J (strokes), 2 Z, 5 S, 8 B, U V, and no G (like 6).
Shown as two groups of three ("KMR-7XC"); typing is forgiving: case, spaces and dashes
are ignored. Pure: the random source is a parameter; uniqueness is the caller's job.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

ALPHABET = "ACEFHKMNPRTWXY34679"
LENGTH = 6
_IGNORED = str.maketrans("", "", " -_.\t")


def new_code(choice: Callable[[str], str] = secrets.choice) -> str:
    """A fresh random code (19⁶ ≈ 47 million possibilities)."""
    return "".join(choice(ALPHABET) for _ in range(LENGTH))


def normalise(typed: str) -> str | None:
    """The canonical code for what a student typed, or None if it cannot be a code."""
    code = typed.translate(_IGNORED).upper()
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code


def display(code: str) -> str:
    """Grouped for reading aloud: ``KMR-7XC``."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"
