"""Making a deck from an article sent over the web, and regenerating it from a new version.

The same pipeline as ``quizapp generate`` (``questions.pipeline.generate``), the same
decoding rules (``questions.reading``), a smaller size limit (the work runs within the
request). Every bad input is an ``UploadError`` with a sentence for the form, raised before
anything is written, so nothing is ever half-created.

Question ids of web decks carry the deck's slug (``q-…​.<slug>``): two decks made from the
same article (or two versions of one) never fight over an id, and an id stays stable across
regenerations of its deck, which is what the owner's hand fixes are keyed by.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select

from questions.bankfile import with_content_version
from questions.model import Bank
from questions.model import Deck as BankDeck
from questions.pipeline import Report, generate
from questions.reading import ArticleError, RawArticle, decode, detect_format
from questions.textutil import slugify
from quizapp.db.models import Deck
from quizapp.db.session import DbSession

MAX_WEB_ARTICLE_BYTES = 1024 * 1024
EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")
NAME_MAX = 200
SLUG_BASE_MAX = 60


class UploadError(ValueError):
    """The article or the form cannot be used; the message says what is wrong."""


@dataclass(frozen=True)
class Article:
    """An article as sent: its file name (``pasted.txt`` for pasted text) and bytes."""

    filename: str
    data: bytes


def read_upload(article: Article) -> RawArticle:
    """The article as text, or ``UploadError`` (empty, binary, not UTF-8, too big, wrong type)."""
    name = Path(article.filename.replace("\\", "/")).name or "pasted.txt"
    if Path(name).suffix.casefold() not in EXTENSIONS:
        raise UploadError("Upload a .txt, .md or .html file.")
    if len(article.data) > MAX_WEB_ARTICLE_BYTES:
        raise UploadError(
            f"The article is too large ({len(article.data) / 1048576:.1f} MB; the web limit is "
            "1 MB). Larger articles can be added with the command line: quizapp generate."
        )
    if b"\x00" in article.data:  # anywhere: the database cannot store it
        raise UploadError("The article looks like a binary file, not a text article.")
    try:
        text = decode(article.data, "The article")
    except ArticleError as exc:
        raise UploadError(str(exc).replace("The article: ", "The article ") + ".") from None
    return RawArticle(filename=name, text=text, fmt=detect_format(name, text))


def generate_bank(raw: RawArticle) -> tuple[Bank, Report]:
    """The article's bank as ``quizapp generate`` makes it; ``UploadError`` if unusable."""
    try:
        return generate(raw)
    except ArticleError as exc:
        raise UploadError(f"The article {exc}.") from None


def namespaced(bank: Bank, slug: str, name: str) -> Bank:
    """The bank as deck ``slug`` (named ``name``, or the article's title): ids carry the slug."""
    questions = tuple(replace(q, id=f"{q.id}.{slug}") for q in bank.questions)
    deck = BankDeck(slug=slug, name=name or bank.deck.name, description=bank.deck.description)
    return with_content_version(replace(bank, deck=deck, questions=questions))


def clean_name(raw: str) -> str:
    name = " ".join(raw.split())
    if len(name) > NAME_MAX or any(ord(c) < 32 for c in name):
        raise UploadError(f"Give the deck a name of up to {NAME_MAX} characters.")
    return name


def free_slug(session: DbSession, wanted: str) -> str:
    """``wanted`` (slugified), or with -2, -3, … if taken: a slug is never taken over."""
    base = slugify(wanted)[:SLUG_BASE_MAX].strip("-") or "deck"
    taken = set(session.scalars(select(Deck.slug).where(Deck.slug.like(f"{base}%"))))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug
