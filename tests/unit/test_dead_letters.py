from __future__ import annotations

from workers.dead_letters import (
    ATTEMPTS_HEADER,
    MAX_PAYLOAD_CHARS,
    attempts_from_headers,
    dead_letter,
    original_payload,
)


def test_utf8_payload_is_kept_as_text() -> None:
    letter = dead_letter(stage="enrich", error_type="schema", reason="r", payload="نص".encode())
    assert letter.payload_encoding == "utf-8"
    assert original_payload(letter) == "نص".encode()


def test_invalid_utf8_payload_survives_as_base64() -> None:
    raw = b"ok \xff\xfe broken"
    letter = dead_letter(stage="produce", error_type="encoding", reason="r", payload=raw)
    assert letter.payload_encoding == "base64"
    assert original_payload(letter) == raw


def test_oversized_payload_is_cut_and_says_so() -> None:
    letter = dead_letter(
        stage="produce",
        error_type="oversized",
        reason="too big",
        payload=b"x" * (MAX_PAYLOAD_CHARS + 5),
    )
    assert len(original_payload(letter)) == MAX_PAYLOAD_CHARS
    assert "cut to" in letter.reason


def test_attempts_come_from_the_redrive_header() -> None:
    assert attempts_from_headers([]) == 0
    assert attempts_from_headers([(ATTEMPTS_HEADER, b"2")]) == 2
    assert attempts_from_headers({ATTEMPTS_HEADER: b"3"}) == 3
    assert attempts_from_headers([(ATTEMPTS_HEADER, b"x")]) == 0
