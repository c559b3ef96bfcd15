"""MinHash fingerprints of an article's normalized text, and the LSH band layout.

The text compared is the headline and the body with its dateline removed, so
the same copy filed under another agency's dateline still matches. Shingles
are runs of `shingle_size` normalized words; the signature (computed by the
compiled `newswire_text.MinHasher`, one-permutation hashing with optimal
densification) is `num_perm` 32-bit values, packed little-endian so that Redis
compares them byte-wise.
A band key (cut from the signature by the Redis script) is the band's index
byte followed by its rows' bytes: equal keys mean the two signatures agree on
that whole band."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from functools import cache

from newswire_text import Analysis, MinHasher, analyze
from newswire_text import Fingerprint as Fingerprint

from workers.settings import DedupSettings
from workers.text.analysis import analyze_article
from workers.text.dateline import split_dateline
from workers.text.normalize import normalize_text

# Part of the stored state: changing it makes every stored signature incomparable.
MINHASH_SEED = 20171014
MAX_BANDS = 255
HASH_BYTES = 4


@dataclass(frozen=True, slots=True)
class BandLayout:
    bands: int
    rows: int


@cache
def band_layout(num_perm: int, bands: int, rows: int) -> BandLayout:
    """`bands` bands of `rows` values each, cut from the start of the signature."""
    if not 1 <= bands <= MAX_BANDS:
        raise ValueError(f"bands must be between 1 and {MAX_BANDS}, not {bands}")
    if rows < 1 or bands * rows > num_perm:
        raise ValueError(
            f"{bands} bands of {rows} rows need {bands * rows} of the signature's"
            f" {num_perm} values: lower bands or band_rows, or raise num_perm"
        )
    return BandLayout(bands, rows)


def band_fields(signature: bytes, layout: BandLayout) -> list[bytes]:
    """The band keys of a signature: each band's index byte, then the band's bytes."""
    width = layout.rows * HASH_BYTES
    return [bytes([b]) + signature[b * width : (b + 1) * width] for b in range(layout.bands)]


def dedup_span(
    headline: str, body_text: str, analysis: Analysis | None = None
) -> tuple[Analysis, int, int]:
    """What dedup compares: the analysed headline-and-body text (`analysis` when the
    caller has it already, as the enrichment has for its steps) and the token span
    `[skip_from, skip_to)` of its dateline, left out of the comparison."""
    dateline, rest = split_dateline(body_text)
    if analysis is None:
        analysis = analyze_article(headline, body_text)
    if dateline is None:
        return analysis, 0, 0
    head = len(normalize_text(headline).split())
    lead = normalize_text(dateline.raw)
    end = head + len(lead.split())
    if end == head or (end <= len(analysis) and analysis.form(head, end) == lead):
        return analysis, head, end
    # a dateline cut inside a word: the text after it, analysed on its own
    return analyze(f"{headline}\n{rest}"), 0, 0


def dedup_text(headline: str, body_text: str) -> str:
    """The normalized text that dedup compares: headline and body, dateline left out."""
    analysis, skip_from, skip_to = dedup_span(headline, body_text)
    words = analysis.normalized.split()
    return " ".join(words[:skip_from] + words[skip_to:])


@cache
def _hasher(num_perm: int) -> MinHasher:
    return MinHasher(num_perm, MINHASH_SEED)


def fingerprint(
    headline: str, body_text: str, settings: DedupSettings, analysis: Analysis | None = None
) -> Fingerprint:
    """SHA-256 of `dedup_text` and its MinHash signature. An article with no words
    at all is one shingle of its whole text, which no other text shares. `analysis`:
    the article's `analyze_article`, when the caller made it already."""
    compared, skip_from, skip_to = dedup_span(headline, body_text, analysis)
    return _hasher(settings.num_perm).fingerprint(
        compared, skip_from, skip_to, settings.shingle_size
    )


def encode_signature(signature: bytes) -> str:
    """A signature as message text (storage keeps it for rebuilding the dedup state)."""
    return base64.b64encode(signature).decode("ascii")


def decode_signature(text: str) -> bytes:
    return base64.b64decode(text)


def estimated_jaccard(a: bytes, b: bytes) -> float:
    """The share of equal MinHash values: the estimate the Redis script computes too."""
    if len(a) != len(b) or not a:
        return 0.0
    same = sum(
        1 for i in range(0, len(a), HASH_BYTES) if a[i : i + HASH_BYTES] == b[i : i + HASH_BYTES]
    )
    return same / (len(a) // HASH_BYTES)
