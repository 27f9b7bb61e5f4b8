"""Sibling questions: the questions made from one fact or from one sentence of the article.

Siblings give each other away (the flashcard, the cloze and the true/false of one sentence
all carry its answer), so, as Anki's "bury siblings", once one is answered the others wait
until the next study day, and a draw (quiz, assignment) holds at most one of each group.

Groups are transitive: two questions share a group when a chain of shared facts or shared
sentences links them. Everything here is pure: plain values in, plain values out.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    """What makes a question a sibling of another: its fact and its source sentence."""

    id: str
    fact_id: str = ""
    sentence: str = ""


def sibling_groups(origins: Iterable[Origin]) -> dict[str, str]:
    """question id → the id of its group's representative (union-find over facts and
    sentences; an empty fact or sentence links nothing)."""
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]  # path halving keeps the trees flat
            node = parent[node]
        return node

    owner: dict[tuple[str, str], str] = {}
    for origin in origins:
        parent.setdefault(origin.id, origin.id)
        for key in (("f", origin.fact_id), ("s", origin.sentence.strip())):
            if not key[1]:
                continue
            if key in owner:
                parent[find(origin.id)] = find(owner[key])
            else:
                owner[key] = origin.id
    return {node: find(node) for node in parent}


def one_per_group(ids: Iterable[str], groups: dict[str, str]) -> list[str]:
    """``ids`` in their order, keeping only the first of each sibling group."""
    seen: set[str] = set()
    kept: list[str] = []
    for qid in ids:
        group = groups.get(qid, qid)
        if group not in seen:
            seen.add(group)
            kept.append(qid)
    return kept


def draw(origins: Sequence[Origin], count: int, seed: int) -> list[str]:
    """Up to ``count`` ids in a seeded random order, never two siblings; the same origins
    and seed always give the same list (whatever order the origins came in)."""
    ordered = sorted({o.id for o in origins})
    random.Random(seed).shuffle(ordered)
    return one_per_group(ordered, sibling_groups(origins))[:count]


def gives_away(text: str, sentences: Iterable[str], answers: Iterable[str]) -> bool:
    """Would showing ``text`` (a deck's description) give an answer away? True when it
    shares a source sentence with a question (either holds the other) or holds an answer
    of four characters or more (shorter ones, "True", "ALS", match too much by chance)."""
    folded = " ".join(text.casefold().split())
    if not folded:
        return False
    for sentence in sentences:
        other = " ".join(sentence.casefold().split())
        if other and (other in folded or folded in other):
            return True
    return any(len(a.strip()) >= 4 and a.strip().casefold() in folded for a in answers)
