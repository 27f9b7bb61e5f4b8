"""Sentences that point back, carried with the sentence before them.

"These are called neap tides." names a key term, but alone it is vague: the learner has not
read what "these" are. When such a sentence follows, in the same paragraph, a sentence that
is itself self-contained, and the two together are short, a cloze may show both: the
previous sentence, then the sentence with its blank. The pair is a ``Unit`` whose
``antecedent`` is the previous sentence; its ``sentence`` stays the one the blank is in, so a
fact's offsets and identity do not change. Only clozes are made of a pair
(``templates_blanks``): a true/false item of two sentences with one swapped reads oddly.

The blank must not be given away by the sentence shown before it (``gives_away``: the
leakage gate's rule, applied when the blank is chosen, so that another blank can be).
"""

from __future__ import annotations

import re
from dataclasses import replace

from questions.acceptance import needs_antecedent, page_voice
from questions.acceptance_refs import unnamed_pronoun
from questions.document import Document, Unit
from questions.facts_keyterms import FILLER_RE, META_RE
from questions.nlp import FINITE_VERB, tag
from questions.textutil import GENERIC, content_stems, content_words, find_phrase, stem, words

MAX_PAIR_WORDS = 45
BRACKET_RE = re.compile(r"\s*\([^()]*\)")
# Discourse words that tie a sentence to the one before it, as an opener does.
_LINKING = "however moreover furthermore additionally also nevertheless nonetheless still yet"
LINKING_WORDS = frozenset([*_LINKING.split(), "meanwhile", "besides", "indeed"])


def self_contained(unit: Unit) -> bool:
    """A paragraph's statement that needs no sentence before it: a finite verb, no opener
    that points back, no talk about the page, not a lead-in."""
    text = unit.sentence.text
    if unit.line.kind != "paragraph" or text.rstrip().endswith(":"):
        return False
    first = words(text[:20])[:1]
    if first and first[0].casefold() in LINKING_WORDS:
        return False  # "However, pain is not …": itself the second half of a thought
    if needs_antecedent(text) or META_RE.search(text) or FILLER_RE.search(text):
        return False
    if page_voice(text):
        return False  # "We trace …": the page's plan, not a statement to carry
    return any(t.tag in FINITE_VERB for t in tag(text))


def carried(doc: Document) -> dict[int, Unit]:
    """By sentence start, each sentence that points back, with the sentence before it as its
    ``antecedent``, where the two make a short self-contained pair in one paragraph."""
    out: dict[int, Unit] = {}
    for before, unit in zip(doc.units, doc.units[1:], strict=False):
        text = unit.sentence.text
        if unit.line != before.line:
            continue
        if not (needs_antecedent(text) or leans_on(before.sentence.text, text)):
            continue
        # Asides in brackets are left out of a pair's cloze (``templates_blanks``).
        length = len(words(unbracketed(before.sentence.text))) + len(
            words(unbracketed(unit.sentence.text))
        )
        if length <= MAX_PAIR_WORDS and self_contained(before):
            out[unit.sentence.start] = replace(unit, antecedent=before.sentence)
    return out


# "The wall …", "The full circuit …": a definite subject, its modifiers and its noun.
DEFINITE_SUBJECT_RE = re.compile(r"^The\s+(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*)\s+[a-z]")


def leans_on(before: str, text: str) -> bool:
    """Does a sentence that could stand alone lean on the one before it? Its subject is "the"
    and a noun that sentence said ("… a nymph. The mask shoots forward …" after "the nymph's
    lower lip, the mask"), or a pronoun comes before any noun it could name ("By the time
    its signal reaches Earth it is faint"). Shown after it, the reference is resolved:
    blind reviewers accepted 15 of 18 such pairs (rounds 13-20)."""
    found = DEFINITE_SUBJECT_RE.match(text)
    if found and stem(found.group(1)) in content_stems(before):
        return True
    return unnamed_pronoun(text)


def unbracketed(text: str, keep: str = "") -> str:
    """The text without its asides in brackets ("(Figure 4.19)", "(the name is connected
    …)"): a pair shown together reads on without them. A bracket holding ``keep`` (the
    blank: "(called ___)") stays."""
    kept = BRACKET_RE.sub(lambda m: m.group() if keep and keep in m.group() else "", text)
    return " ".join(kept.split())


def gives_away(answer: str, shown: str) -> bool:
    """Does ``shown`` say the answer, or half of its content words (a word stem of a one- or
    two-word answer)? The leakage gate's rule for a cloze's stem."""
    if find_phrase(shown, answer) != -1:
        return True
    mine = {stem(w) for w in content_words(answer) if w.casefold() not in GENERIC}
    shared = mine & content_stems(shown)
    return bool(shared) and len(shared) * 2 >= len(mine)
