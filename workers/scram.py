"""The client side of SASL SCRAM-SHA-256 and SCRAM-SHA-512 (RFC 5802, RFC 7677),
for Kafka's connection check (`workers.kafka_probe`)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Callable
from typing import Any

HASHES: dict[str, Callable[..., Any]] = {
    "SCRAM-SHA-256": hashlib.sha256,
    "SCRAM-SHA-512": hashlib.sha512,
}


class ScramError(Exception):
    """The server's answer does not prove that it knows the password."""


def _attributes(message: bytes) -> dict[str, str]:
    pairs = (part.split("=", 1) for part in message.decode().split(","))
    return {key: value for key, value in pairs}


class ScramClient:
    def __init__(
        self, mechanism: str, username: str, password: str, nonce: str | None = None
    ) -> None:
        self._hash = HASHES[mechanism]
        self._name = self._hash().name
        self._password = password.encode()
        saslname = username.replace("=", "=3D").replace(",", "=2C")
        self._nonce = nonce or secrets.token_urlsafe(24)
        self._first_bare = f"n={saslname},r={self._nonce}"
        self._server_signature = b""

    def first(self) -> bytes:
        return f"n,,{self._first_bare}".encode()

    def final(self, server_first: bytes) -> bytes:
        fields = _attributes(server_first)
        if "e" in fields:
            raise ScramError(fields["e"])
        nonce = fields["r"]
        if not nonce.startswith(self._nonce):
            raise ScramError("the server changed the client nonce")
        salted = hashlib.pbkdf2_hmac(
            self._name, self._password, base64.b64decode(fields["s"]), int(fields["i"])
        )
        client_key = self._hmac(salted, b"Client Key")
        stored_key = self._hash(client_key).digest()
        without_proof = f"c=biws,r={nonce}"
        auth_message = f"{self._first_bare},{server_first.decode()},{without_proof}".encode()
        signature = self._hmac(stored_key, auth_message)
        proof = bytes(a ^ b for a, b in zip(client_key, signature, strict=True))
        self._server_signature = self._hmac(self._hmac(salted, b"Server Key"), auth_message)
        return f"{without_proof},p={base64.b64encode(proof).decode()}".encode()

    def verify(self, server_final: bytes) -> None:
        fields = _attributes(server_final)
        if "e" in fields:
            raise ScramError(fields["e"])
        if not hmac.compare_digest(base64.b64decode(fields.get("v", "")), self._server_signature):
            raise ScramError("the server's signature does not match")

    def _hmac(self, key: bytes, message: bytes) -> bytes:
        return hmac.new(key, message, self._name).digest()
