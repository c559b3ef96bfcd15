"""Synthetic wire items in the agency-text format, for load tests and benchmarks.

Words are drawn from the seed stories, so the text has the length and script
mix of real wire copy while any two items share almost no word shingles (they
are not near-duplicates of each other)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

DATELINES = (
    "BEIRUT, Oct 14 (Reuters) -",
    "BEYROUTH, 14 oct (AFP) -",
    "عواصم - (وكالات):",
    "LONDON, Oct 16 (Reuters) -",
    "دمشق (رويترز) -",
    "PARIS, 16 oct (AFP) -",
)


def vocabulary(seed_dir: Path) -> list[str]:
    words: set[str] = set()
    for path in sorted(seed_dir.glob("*.txt")):
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError:
            continue
        words.update(w for w in re.findall(r"\w+", text) if len(w) > 2 and not w.isdigit())
    return sorted(words)


def item(index: int, words: list[str], rng: random.Random, target_bytes: int = 5000) -> bytes:
    paragraphs: list[str] = []
    size = 0
    while size < target_bytes:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(18, 30)))
        paragraphs.append(sentence + ".")
        size += len(paragraphs[-1].encode())
    paragraphs[0] = f"{rng.choice(DATELINES)} {paragraphs[0]}"
    header = f"URI: urn:newswire:synthetic:{index}\nHeadline: Synthetic item {index}\n\n"
    return (header + "\n\n".join(paragraphs) + "\n").encode()


def items(count: int, seed_dir: Path, seed: int = 7, target_bytes: int = 5000) -> Iterator[bytes]:
    rng = random.Random(seed)
    words = vocabulary(seed_dir)
    for index in range(count):
        yield item(index, words, rng, target_bytes)
