"""Small word-level helpers shared by the generator: words, stems, stop words, casing, digests.

Everything is a pure function of its arguments. Stems are deliberately crude (suffix strip
then a six-letter prefix): they only need to notice that "paralytic" gives away "paralysis"
or "medications" repeats "Medication", not to be linguistically right.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

# Letters of any Latin alphabet ("Lübeck", "Bienaimé"); Greek letters and the micro sign
# are symbols in an English text ("λ", "µg"), not words.
_LETTER = r"[^\W\d_\u0370-\u03ff\u00b5]"
WORD_RE = re.compile(rf"{_LETTER}(?:{_LETTER}|['’\-])*{_LETTER}|{_LETTER}|\d+(?:\.\d+)?")

_STOPWORDS_WORDS = """
    a about above after again against all also although am an and any are as at be
    because been before being below between both but by can could did do does doing down
    during each either else even ever every few for from further had has have having he
    her here hers herself him himself his how however i if in into is it its itself just
    least less like many may me might more most much must my myself neither no nor not
    now of off often on once one only or other others otherwise our ours ourselves out
    over own per perhaps quite rather same several she should since so some such than
    that the their theirs them themselves then there these they this those though
    through thus to too under until up upon us very via was we were what whatever when
    where whether which while who whom whose why will with within without would yet you
    your yours yourself yourselves include includes including known various various
    certain usually sometimes significantly typically generally particularly especially
"""
STOPWORDS = frozenset(_STOPWORDS_WORDS.split())

# Words too generic to count as a give-away when they appear in both stem and answer.
_GENERIC_WORDS = """
    disease diseases disorder disorders condition conditions syndrome type types kind
    kinds group groups example examples thing things part parts way ways form forms
"""
GENERIC = frozenset(_GENERIC_WORDS.split())

_PRONOUNS_WORDS = """
    this these those that it its they their them he she his her such
"""
PRONOUNS = frozenset(_PRONOUNS_WORDS.split())

_SUFFIXES = ("ations", "ation", "ities", "ness", "ing", "ies", "ied", "es", "ed", "ic", "al", "s")


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """Word tokens in order (letters, inner apostrophes and hyphens, or numbers)."""
    return tuple(WORD_RE.findall(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, stable stem: lower-case, one common suffix removed, at most six letters."""
    w = word.casefold().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in _SUFFIXES:
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    return w[:6]


def is_content(word: str) -> bool:
    """A word that carries meaning: not a stop word, not a lone letter."""
    w = word.casefold()
    return w not in STOPWORDS and (len(w) > 1 or w.isdigit())


@lru_cache(maxsize=65536)
def content_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in words(text) if is_content(w))


@lru_cache(maxsize=65536)
def content_stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in content_words(text))


@lru_cache(maxsize=65536)
def squash(text: str) -> str:
    """Case- and space-insensitive form for containment tests."""
    return " ".join(text.casefold().replace("’", "'").split())


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _find_word(low: str, pat: str, start: int = 0) -> int:
    """First whole-word occurrence of ``pat`` in ``low`` (both already folded), or -1.

    Plain ``str.find`` with boundary checks: no regex is compiled per needle, which kept
    re's cache thrashing on long articles.
    """
    i = low.find(pat, start)
    while i != -1:
        j = i + len(pat)
        if (i == 0 or not _word_char(low[i - 1])) and (j == len(low) or not _word_char(low[j])):
            return i
        i = low.find(pat, i + 1)
    return -1


def contains_phrase(haystack: str, needle: str) -> bool:
    """Whole-word, case- and space-insensitive containment of ``needle`` in ``haystack``."""
    pat = squash(needle)
    return bool(pat) and _find_word(squash(haystack), pat) != -1


def find_phrase(text: str, needle: str, start: int = 0) -> int:
    """Offset in ``text`` of the first whole-word, case-insensitive ``needle``, or -1."""
    low, pat = text.lower(), needle.lower()
    if not pat.strip():
        return -1
    if len(low) != len(text) or len(pat) != len(needle):  # rare: lower() changed lengths
        match = re.search(r"(?<![\w])" + re.escape(needle) + r"(?![\w])", text[start:], re.I)
        return match.start() + start if match else -1
    return _find_word(low, pat, start)


def replace_phrase(text: str, needle: str, replacement: str, count: int = 0) -> tuple[str, int]:
    """Replace whole-word, case-insensitive occurrences (all, or the first ``count``)."""
    done = 0
    i = find_phrase(text, needle)
    while i != -1 and (count == 0 or done < count):
        text = text[:i] + replacement + text[i + len(needle) :]
        done += 1
        i = find_phrase(text, needle, i + len(replacement))
    return text, done


def digest(*parts: str, length: int = 12) -> str:
    """Hex digest of the parts; the separator keeps ("ab", "c") apart from ("a", "bc")."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


__SMALL_WORDS = """
    a an the and or of in on for to with by at as from nor but vs
"""
_SMALL = frozenset(__SMALL_WORDS.split())


def title_case(text: str) -> str:
    """Headline casing for deck names: small words stay lower unless first."""
    out = []
    for i, w in enumerate(text.split()):
        if i and w.casefold() in _SMALL:
            out.append(w.casefold())
        elif w.islower():
            out.append(w[:1].upper() + w[1:])
        else:
            out.append(w)
    return " ".join(out)


def sentence_case(phrase: str, proper: frozenset[str]) -> str:
    """First letter upper, other words lower unless acronyms or proper nouns of the article.

    Options of a multiple choice are shown in one casing so that a title-cased heading name
    never stands out beside lower-case phrases (a casing cue).
    """
    parts = phrase.split(" ")
    out = []
    for part in parts:
        core = part.strip("()\"'“”,")
        keep = _is_acronym(core) or core in proper or any(c.isdigit() for c in core)
        out.append(part if keep else part.lower())
    text = " ".join(out)
    return text[:1].upper() + text[1:] if text else text


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2


def subsequence(needle: str, hay: str) -> bool:
    """Are ``needle``'s characters in ``hay``, in order?"""
    it = iter(hay)
    return all(c in it for c in needle)


def abbreviates(abbr: str, name: str) -> bool:
    """Can ``abbr`` be short for ``name``: its first letter and then its letters in order
    ("PTWC": "Pacific Tsunami Warning Center"; not "USA": "Woodrow Wilson")?"""
    letters = "".join(c for c in abbr.casefold() if c.isalpha())
    hay = name.casefold()
    return bool(letters) and hay[:1] == letters[0] and subsequence(letters, hay)


def is_acronym(word: str) -> bool:
    """ALS, MS, NCS, EMG, MRI: two or more capitals and no lower-case run of length > 1."""
    w = word.strip()
    return (
        bool(re.fullmatch(r"[A-Z][A-Za-z0-9&]{0,7}", w))
        and _is_acronym(w)
        and not re.search(r"[a-z]{2}", w)
    )


@lru_cache(maxsize=65536)  # a section's or entity's name, for each of its questions
def tag_slug(text: str) -> str:
    """A tag component: no spaces, only letters, digits, underscores and hyphens."""
    cleaned = re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_")
    return cleaned or "untitled"


def slugify(text: str) -> str:
    """Lowercase letters and digits joined by single dashes, at most 100 characters (the
    bank's slug rule, ``bankrules.SLUG_MAX``)."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return slug[:100].strip("-") or "deck"


# A heading over a summary of the page: its lines restate the body ("Key points").
SUMMARY_HEADING_RE = re.compile(
    r"^(?:key (?:points|facts|takeaways|messages)|(?:in )?summary|in (?:brief|short)|"
    r"at a glance|recap|takeaways|tl;?dr)\b",
    re.I,
)


@lru_cache(maxsize=4)
def spaced_words(text: str) -> str:
    """The text's words in lower case between single spaces, once per text: a phrase is
    looked up in it as " phrase "."""
    return " " + " ".join(w.casefold() for w in words(text)) + " "


def indefinite(noun: str) -> str:
    """ "a glacier", "an ice cap", "a unit": the noun with its indefinite article."""
    vowel = noun[:1].casefold() in "aeiou" and not noun.casefold().startswith(("uni", "eu", "one"))
    return f"{'an' if vowel else 'a'} {noun}"


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def decapitalise(text: str, proper: frozenset[str]) -> str:
    """Lower the first letter unless the first word is an acronym or a proper noun.

    Two capitalised words in a row ("Olympus Mons") are taken for a name.
    """
    parts = text.split(" ", 2)
    first = parts[0].strip("()\"'“”,") if parts else ""
    second = parts[1] if len(parts) > 1 else ""
    if first in ("A", "An", "The") and second:
        # A sentence's or glossary line's capital on its determiner, never a name's:
        # "What is A Lewis acid?" reads as a typo.
        return text[:1].lower() + text[1:]
    if len(first) == 1 and first.isupper() and second:
        return text  # "M cones", "T cells": a letter that names, not a sentence's capital
    if not text or _is_acronym(first) or first in proper or second[:1].isupper():
        return text
    if re.match(r"[A-Z]-", first):
        return text  # "U-shaped valleys", "T-cells": the letter is the word's meaning
    return text[:1].lower() + text[1:]


def renames_before(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` the whole of a bracket right after a word ("the cog (Kogge)",
    "a high temperature (fever)")? Such a bracket renames the noun before it (a translation,
    an alias, an everyday gloss): blanking it asks for what the stem already names."""
    if text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        return False
    before = text[: start - 1].rstrip()
    inside = text[start:end]
    return bool(before) and before[-1].isalpha() and not any(c.isdigit() for c in inside)


ALIAS_AFTER_RE = re.compile(r"\s*\(([^()\d]{1,40})\)")


def renamed_after(text: str, end: int) -> bool:
    """Does a bracket of one to three names follow ``text[:end]`` ("the cog (Kogge)", "chloride
    (Cl-)")? Its alias, translation or symbol then gives the word before it away."""
    found = ALIAS_AFTER_RE.match(text, end)
    if found is None:
        return False
    inside = words(found.group(1))
    return 0 < len(inside) <= 3 and not any(w.islower() and w in STOPWORDS for w in inside)
