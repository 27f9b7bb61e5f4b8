"""Password hashing: argon2id at the OWASP-recommended cost (19 MiB, 2 iterations, 1 lane);
and ``too_common``, the check of a new password against the common and breached passwords
that ``zxcvbn`` ships (its frequency lists, offline: no network)."""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

# OWASP Password Storage Cheat Sheet: argon2id, m=19456 KiB, t=2, p=1.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1, type=Type.ID)

MIN_LENGTH = 8
MAX_LENGTH = 256  # argon2 accepts more; a cap keeps hashing time bounded

# A hash of a random password, verified when the username does not exist so a failed
# login takes the same time either way (no username probing by timing).
_DUMMY_HASH = _hasher.hash("not a real password, only burns the same time")


# zxcvbn's score: 0-1 means fewer than about a million guesses (a listed common or breached
# password, a keyboard walk, a word with a digit appended). Refused.
MIN_SCORE = 2
_ZXCVBN_MAX = 72  # zxcvbn refuses longer input; a long prefix that is not common is enough


def too_common(password: str, user_inputs: tuple[str, ...] = ()) -> bool:
    """True when ``password`` is a common/breached password or as easy to guess."""
    from zxcvbn import zxcvbn  # imported when first needed: its word lists are large

    result = zxcvbn(password[:_ZXCVBN_MAX], user_inputs=list(user_inputs))
    return int(result["score"]) < MIN_SCORE


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True when the cost parameters changed since this hash was made."""
    return _hasher.check_needs_rehash(stored_hash)
