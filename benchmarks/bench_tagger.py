"""Accuracy and speed of the generator's part-of-speech tagging (``questions.nlp``).

Run: ``python benchmarks/bench_tagger.py PATH/en_ewt-ud-test.conllu [--sentences N]`` with a
held-out file of the Universal Dependencies English-EWT treebank (CC BY-SA 4.0,
github.com/UniversalDependencies/UD_English-EWT; not shipped here). Each sentence's text is
tagged as the generator tags it, with its own tokenizer; tokens whose text matches the
treebank's are scored against the gold Penn Treebank tag (XPOS), and also on the coarse
question the generator asks: noun, verb, adjective, number or other.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from questions import nlp
from questions.nlp import NOUN_TAGS, tag

COARSE = {"N": NOUN_TAGS, "V": {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"}}
COARSE_PREFIX = {"JJ": "A", "CD": "C"}


def coarse(tag_: str) -> str:
    for name, tags in COARSE.items():
        if tag_ in tags:
            return name
    return next((v for k, v in COARSE_PREFIX.items() if tag_.startswith(k)), "O")


def sentences(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    out: list[tuple[str, list[tuple[str, str]]]] = []
    text, tokens = "", []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            text = line[len("# text = ") :]
        elif line and line[0].isdigit():
            cols = line.split("\t")
            if "-" not in cols[0] and "." not in cols[0]:
                tokens.append((cols[1], cols[4]))
        elif not line and tokens:
            out.append((text, tokens))
            text, tokens = "", []
    return out


def raw_tags() -> None:
    """Score TextBlob's tags without the generator's corrections (``--raw``)."""
    nlp._corrected = lambda spans, tags: [  # type: ignore[assignment]
        nlp.Token(w, t, s, e) for (w, s, e), t in zip(spans, tags, strict=True)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("conllu", type=Path)
    parser.add_argument("--sentences", type=int, default=0, help="only the first N")
    parser.add_argument("--raw", action="store_true", help="without the corrections")
    args = parser.parse_args(argv)
    if args.raw:
        raw_tags()
    data = sentences(args.conllu)
    data = data[: args.sentences] if args.sentences else data
    scored = right = coarse_right = words = 0
    start = time.process_time()
    for text, gold in data:
        ours = tag(text)
        words += len(gold)
        queue = list(gold)
        for token in ours:
            match = next((i for i, (w, _) in enumerate(queue[:4]) if w == token.text), None)
            if match is None:
                continue
            gold_tag = queue[match][1]
            queue = queue[match + 1 :]
            if not gold_tag[0].isalpha():
                continue  # punctuation: the generator never asks about it
            scored += 1
            right += token.tag == gold_tag
            coarse_right += coarse(token.tag) == coarse(gold_tag)
    seconds = time.process_time() - start
    print(f"{len(data)} sentences, {words} gold tokens, {scored} aligned, words among them scored")
    print(f"Penn tag accuracy   {100 * right / scored:.1f}%")
    print(f"coarse accuracy     {100 * coarse_right / scored:.1f}%  (noun/verb/adj/number/other)")
    print(f"speed               {words / seconds:,.0f} words per CPU second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
