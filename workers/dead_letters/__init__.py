"""Dead letters: the envelope every stage builds for a message it rejects
(`envelope`), and listing, showing and re-driving those in `articles.dlq`
(`tools`)."""

from workers.dead_letters.envelope import (
    ATTEMPTS_HEADER,
    MAX_PAYLOAD_CHARS,
    attempts_from_headers,
    dead_letter,
    letter_output,
    original_payload,
)

__all__ = [
    "ATTEMPTS_HEADER",
    "MAX_PAYLOAD_CHARS",
    "attempts_from_headers",
    "dead_letter",
    "letter_output",
    "original_payload",
]
