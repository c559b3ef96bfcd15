"""Error taxonomy. Permanent errors go straight to the dead-letter topic;
transient ones pause the stage, which retries until the dependency is back."""

from __future__ import annotations


class NewswireError(Exception):
    error_type = "error"


class PermanentError(NewswireError):
    """Retrying cannot help: the input itself is wrong."""

    error_type = "permanent"


class ParseError(PermanentError):
    error_type = "parse"


class SchemaError(PermanentError):
    error_type = "schema"


class EncodingError(PermanentError):
    error_type = "encoding"


class OversizedError(PermanentError):
    error_type = "oversized"


class UnknownFormatError(PermanentError):
    error_type = "unknown_format"


class TransientError(NewswireError):
    """A dependency (Redis, Kafka, the database, the network) failed; the same input
    may succeed later. A stage pauses on it and retries; it never dead-letters."""

    error_type = "transient"

    def __init__(self, message: str, dependency: str = "unknown") -> None:
        super().__init__(message)
        self.dependency = dependency


class ServiceUnavailable(NewswireError):
    """A required server cannot be reached. Its message is the one line a user sees."""

    error_type = "unavailable"

    def __init__(self, service: str, endpoint: str, setting: str, hint: str = "") -> None:
        self.service = service
        self.endpoint = endpoint
        self.setting = setting
        extra = f" {hint}" if hint else ""
        super().__init__(
            f"cannot reach {service} at {endpoint}: start it with `newswire stack up` "
            f"or point {setting} at a running one.{extra}"
        )
