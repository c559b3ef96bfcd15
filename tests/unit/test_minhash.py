from __future__ import annotations

import hashlib

import pytest

from workers.dedup.decision import Decision, Takeover
from workers.dedup.minhash import (
    BandLayout,
    band_layout,
    dedup_text,
    estimated_jaccard,
    fingerprint,
)
from workers.settings import DedupSettings

SETTINGS = DedupSettings()

BODY = (
    "BEIRUT, Oct 14 (Reuters) - The U.S.-led coalition fighting Islamic State said on Saturday "
    "that a convoy of buses would leave Raqqa under a deal brokered by the Raqqa Civil Council "
    "and tribal elders, but that foreign fighters would not be allowed to leave the city.\n\n"
    "The coalition did not say whether Syrian fighters would be among those leaving with "
    "civilians. Local officials said dozens of militants had surrendered in recent days.\n\n"
    "The Syrian Democratic Forces, backed by coalition air strikes, have driven the militants "
    "from around 90 percent of the city since June."
)


def shingle_set(text: str, size: int) -> set[tuple[str, ...]]:
    words = text.split()
    return {tuple(words[i : i + size]) for i in range(max(1, len(words) - size + 1))}


def exact_jaccard(a: str, b: str, size: int) -> float:
    sa, sb = shingle_set(a, size), shingle_set(b, size)
    return len(sa & sb) / len(sa | sb)


def test_dedup_text_drops_dateline() -> None:
    other = BODY.replace("BEIRUT, Oct 14 (Reuters) -", "BEIRUT (AFP) -")
    assert dedup_text("Headline", BODY) == dedup_text("Headline", other)
    assert "reuters" not in dedup_text("Headline", BODY).split()[:3]


def test_same_normalized_text_same_fingerprint() -> None:
    a = fingerprint("Convoy to leave Raqqa", BODY, SETTINGS)
    b = fingerprint("CONVOY to leave Raqqa!", BODY.replace("civilians.", "civilians .."), SETTINGS)
    assert a == b
    assert len(a.signature) == 4 * SETTINGS.num_perm


def test_estimate_tracks_exact_jaccard() -> None:
    edited = BODY.replace("dozens of militants", "about a hundred militants").replace(
        "since June", "since early June"
    )
    a, b = fingerprint("h", BODY, SETTINGS), fingerprint("h", edited, SETTINGS)
    truth = exact_jaccard(dedup_text("h", BODY), dedup_text("h", edited), SETTINGS.shingle_size)
    assert abs(estimated_jaccard(a.signature, b.signature) - truth) < 0.15
    assert estimated_jaccard(a.signature, a.signature) == 1.0


def test_unrelated_texts_are_far_apart() -> None:
    other = "PARIS (AFP) - Le gouvernement a présenté mercredi son projet de budget pour 2018."
    a, b = fingerprint("h", BODY, SETTINGS), fingerprint("t", other, SETTINGS)
    assert estimated_jaccard(a.signature, b.signature) < 0.1


def test_empty_texts_do_not_collide() -> None:
    a = fingerprint("—", "…", SETTINGS)
    b = fingerprint("!!", "??", SETTINGS)
    assert estimated_jaccard(a.signature, b.signature) < 0.5


def test_band_layout_fits_the_signature() -> None:
    layout = band_layout(SETTINGS.num_perm, SETTINGS.bands, SETTINGS.band_rows)
    assert layout.bands * layout.rows <= SETTINGS.num_perm
    assert band_layout(256, 42, 3) == BandLayout(42, 3)


def test_fingerprint_hashes_the_dedup_text() -> None:
    fp = fingerprint("Convoy to leave Raqqa", BODY, SETTINGS)
    text = dedup_text("Convoy to leave Raqqa", BODY)
    assert fp.normalized_hash == hashlib.sha256(text.encode()).hexdigest()


def test_band_layout_rejects_bad_settings() -> None:
    with pytest.raises(ValueError):
        band_layout(128, 0, 3)
    with pytest.raises(ValueError, match="need 129 of the signature's 128 values"):
        band_layout(128, 43, 3)
    with pytest.raises(ValueError):
        band_layout(128, 42, 0)


def test_decision_parsing() -> None:
    d = Decision.from_json(
        b'{"outcome":"near_duplicate","rseq":4,"story":"s","duplicate_of":"u1",'
        b'"similarity":0.875,"method":"near"}'
    )
    assert d.is_duplicate and d.duplicate_of == "u1" and d.similarity == 0.875
    assert d.role_seq == 4 and d.takes_over == ()
    ok = Decision.from_json(
        '{"outcome":"ok","rseq":9,"story":"u2",'
        '"takes_over":[{"uri":"u3","similarity":1,"method":"exact"}]}'
    )
    assert not ok.is_duplicate and ok.role_seq == 9 and ok.method is None
    assert ok.takes_over == (Takeover("u3", 1.0, "exact"),)
    with pytest.raises(ValueError):
        Decision.from_json('{"outcome":"weird","rseq":1,"story":"s"}')
    with pytest.raises(ValueError):
        Decision.from_json('{"outcome":"ok","rseq":1,"story":"s","method":"fuzzy"}')
