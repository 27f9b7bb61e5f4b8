"""Reading an article file from disk: the only module of the generator that does I/O.

Every way a file can be unusable becomes one ``ArticleError`` with a one-line message, so
the CLI can print it and exit with status 2 instead of showing a traceback. Size is checked
with ``stat`` before anything is read, so a 50 MB file is refused without loading it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MAX_ARTICLE_BYTES = 8 * 1024 * 1024

FORMATS = {".html": "html", ".htm": "html", ".xhtml": "html", ".md": "md", ".markdown": "md"}


class ArticleError(Exception):
    """An article cannot be used; the message is one line meant for the user."""


@dataclass(frozen=True)
class RawArticle:
    filename: str
    text: str
    fmt: str  # txt | md | html


def detect_format(filename: str, text: str) -> str:
    """By extension; a .txt that is really an HTML page is treated as HTML."""
    fmt = FORMATS.get(Path(filename).suffix.casefold(), "txt")
    head = text.lstrip()[:200].casefold()
    if fmt == "txt" and (head.startswith("<!doctype html") or head.startswith("<html")):
        return "html"
    return fmt


def decode(data: bytes, name: str) -> str:
    """UTF-8 text (a BOM is dropped); binary data and other encodings are refused."""
    if not data.strip():
        raise ArticleError(f"{name}: the file is empty")
    if b"\x00" in data:  # anywhere: a NUL cannot be stored (PostgreSQL refuses it)
        raise ArticleError(f"{name}: looks like a binary file, not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{name}: is not UTF-8 text (invalid byte at offset {exc.start})"
        ) from None


def refuse_binary(text: str) -> None:
    """``ArticleError`` for text a bank cannot hold: a NUL character (binary data)."""
    if "\x00" in text:
        raise ArticleError("looks like binary data (it contains a NUL character), not an article")


def read_article(path: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> RawArticle:
    name = str(path)
    try:
        if path.is_dir():
            raise ArticleError(f"{name}: is a directory, not an article file")
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleError(
                f"{name}: is too large ({size / 1048576:.1f} MB; the limit is "
                f"{max_bytes / 1048576:.0f} MB)"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(f"{name}: no such file") from None
    except PermissionError:
        raise ArticleError(f"{name}: permission denied") from None
    except OSError as exc:
        raise ArticleError(f"{name}: cannot be read ({exc.strerror})") from None
    text = decode(data, name)
    return RawArticle(filename=path.name, text=text, fmt=detect_format(path.name, text))
