"""Writing an export to a path all at once: a sibling temporary file renamed into place.

A failed export (disk full, interrupted) then never leaves a half-written file behind, and
the temporary file is removed whatever happens.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Call ``write`` with a binary stream whose bytes end up at ``path`` only on success."""
    if path.is_dir():  # checked first: the temporary file would otherwise land beside it
        raise IsADirectoryError(21, "Is a directory", str(path))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as stream:
            write(stream)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
