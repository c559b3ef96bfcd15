"""MinHash fingerprints of an article's normalized text, and their LSH band keys.

The text compared is the headline and the body with its dateline removed, so
the same copy filed under another agency's dateline still matches. Shingles
are runs of `shingle_size` normalized words; the signature (computed by the
compiled `newswire_text.MinHasher`) is `num_perm` 32-bit minimums, packed
little-endian so that Redis compares them byte-wise.
A band key is the band's index byte followed by its rows' bytes: equal keys
mean the two signatures agree on that whole band."""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from functools import cache

from newswire_text import MinHasher

from workers.settings import DedupSettings
from workers.text.analysis import text_analysis
from workers.text.dateline import split_dateline
from workers.text.normalize import normalize_text

# Part of the stored state: changing it makes every stored signature incomparable.
MINHASH_SEED = 20171014
MAX_BANDS = 255
_HASH_BYTES = 4


@dataclass(frozen=True, slots=True)
class Fingerprint:
    normalized_hash: str
    signature: bytes
    band_keys: bytes
    """Concatenated band keys, `band_key_size` bytes each."""


@dataclass(frozen=True, slots=True)
class BandLayout:
    bands: int
    rows: int

    @property
    def band_key_size(self) -> int:
        return 1 + self.rows * _HASH_BYTES


@cache
def band_layout(num_perm: int, bands: int) -> BandLayout:
    if not 1 <= bands <= min(num_perm, MAX_BANDS):
        raise ValueError(f"bands must be between 1 and {min(num_perm, MAX_BANDS)}, not {bands}")
    return BandLayout(bands, num_perm // bands)


def dedup_text(headline: str, body_text: str) -> str:
    """The normalized text that dedup compares: headline and body, dateline left out.

    Cut out of the normalized headline-and-body text, which the tagging steps
    analyse too (and `text_analysis` remembers), rather than normalized anew."""
    dateline, rest = split_dateline(body_text)
    full = text_analysis(f"{headline}\n{body_text}").normalized
    if dateline is None:
        return full
    head = normalize_text(headline)
    lead = " ".join(filter(None, (head, normalize_text(dateline.raw))))
    if full == lead:
        return head
    if full.startswith(lead + " "):
        return " ".join(filter(None, (head, full[len(lead) + 1 :])))
    return " ".join(filter(None, (head, normalize_text(rest))))


@cache
def _hasher(num_perm: int) -> MinHasher:
    return MinHasher(num_perm, MINHASH_SEED)


def signature(text: str, settings: DedupSettings) -> bytes:
    """MinHash of the shingles of a normalized text (tokens separated by single spaces)."""
    return _hasher(settings.num_perm).signature(text, settings.shingle_size)


@cache
def _band_splitter(num_perm: int, bands: int) -> tuple[tuple[bytes, ...], struct.Struct]:
    """Each band's index byte, and the struct cutting a signature into its bands."""
    layout = band_layout(num_perm, bands)
    indexes = tuple(bytes((band,)) for band in range(layout.bands))
    return indexes, struct.Struct(f"{layout.rows * _HASH_BYTES}s" * layout.bands)


def band_keys(sig: bytes, settings: DedupSettings) -> bytes:
    indexes, splitter = _band_splitter(settings.num_perm, settings.bands)
    return b"".join(map(bytes.__add__, indexes, splitter.unpack_from(sig)))


def fingerprint(headline: str, body_text: str, settings: DedupSettings) -> Fingerprint:
    text = dedup_text(headline, body_text)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    # An article with no words at all gets a signature no other text shares.
    sig = signature(text or f"\x00{headline}\x00{body_text}".replace(" ", "\x00"), settings)
    return Fingerprint(digest, sig, band_keys(sig, settings))


def estimated_jaccard(a: bytes, b: bytes) -> float:
    """The share of equal MinHash values: the estimate the Redis script computes too."""
    if len(a) != len(b) or not a:
        return 0.0
    same = sum(
        1 for i in range(0, len(a), _HASH_BYTES) if a[i : i + _HASH_BYTES] == b[i : i + _HASH_BYTES]
    )
    return same / (len(a) // _HASH_BYTES)
