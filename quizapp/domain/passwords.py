"""Password hashing: argon2id at the OWASP-recommended cost (19 MiB, 2 iterations, 1 lane)."""

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
