"""Error taxonomy. Permanent errors go straight to the dead-letter topic;
transient ones pause the stage, which retries until the dependency is back."""

from __future__ import annotations


class NewswireError(Exception):
    error_type = "error"
    exit_code = 2
    """The exit status of a command that fails with it (README.md, Exit codes)."""


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
    """A required server cannot be used. Its message is the one line a user sees.

    The subclasses say why when the server answered but the connection failed: a
    stage treats every one alike (it pauses and retries), a command exits with 2
    as for any wrong setting; the message says which."""

    error_type = "unavailable"

    def __init__(self, service: str, endpoint: str, setting: str, hint: str = "") -> None:
        self.service = service
        self.endpoint = endpoint
        self.setting = setting
        self.hint = hint
        super().__init__(self.describe())

    def describe(self) -> str:
        extra = f" {self.hint}" if self.hint else ""
        return (
            f"cannot reach {self.service} at {self.endpoint}: start it (in a checkout: "
            f"`python -m devstack stack up`) or point {self.setting} at a running one.{extra}"
        )


class RefusedByServer(ServiceUnavailable):
    """The server answered and refused the connection: `problem` says what it
    refused, `fix` which setting to change (it names `setting`)."""

    def __init__(self, service: str, endpoint: str, setting: str, problem: str, fix: str) -> None:
        self.problem = problem
        self.fix = fix
        super().__init__(service, endpoint, setting)

    def describe(self) -> str:
        return f"{self.service} at {self.endpoint} {self.problem}: {self.fix}"


class AuthenticationFailed(RefusedByServer):
    """Wrong user or password, a mechanism the server does not offer, or a user
    without the rights newswire needs."""

    error_type = "authentication"


class TlsFailed(RefusedByServer):
    """The TLS handshake failed: an untrusted or misnamed certificate, a client
    certificate missing or refused, or TLS on one side only."""

    error_type = "tls"


class ConfigurationError(NewswireError):
    """A setting cannot be used as given (a file that cannot be read, a value out
    of range); the message names the setting."""

    error_type = "configuration"
