"""A throwaway certificate authority for the secured local stack: one CA, a server
certificate for loopback (`localhost`, 127.0.0.1, ::1) that Kafka, Redis and
PostgreSQL share, and a client certificate for mutual TLS. Kept under the run
directory and reused while valid, so that clients keep trusting the same CA."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

VALID_DAYS = 365
RENEW_BEFORE = dt.timedelta(days=7)
SERVER_NAMES = ("localhost",)
SERVER_ADDRESSES = ("127.0.0.1", "::1")


@dataclass(frozen=True)
class CertFiles:
    """The PEM files of one authority and the certificates it signed."""

    directory: Path

    @property
    def ca(self) -> Path:
        return self.directory / "ca.pem"

    @property
    def ca_key(self) -> Path:
        return self.directory / "ca-key.pem"

    @property
    def server_cert(self) -> Path:
        return self.directory / "server.pem"

    @property
    def server_key(self) -> Path:
        return self.directory / "server-key.pem"

    @property
    def server_keystore(self) -> Path:
        """The server key and certificate in one PEM file, as Kafka's PEM keystore."""
        return self.directory / "server-keystore.pem"

    @property
    def client_cert(self) -> Path:
        return self.directory / "client.pem"

    @property
    def client_key(self) -> Path:
        return self.directory / "client-key.pem"

    def all(self) -> tuple[Path, ...]:
        return (
            self.ca,
            self.ca_key,
            self.server_cert,
            self.server_key,
            self.server_keystore,
            self.client_cert,
            self.client_key,
        )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "newswire local stack"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _write_private(path: Path, data: bytes) -> None:
    """Written with mode 0600 from the start: a key is never readable by others."""
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _issue(
    subject: x509.Name,
    key: ec.EllipticCurvePrivateKey,
    issuer: x509.Name,
    issuer_key: ec.EllipticCurvePrivateKey,
    extensions: list[tuple[x509.ExtensionType, bool]],
) -> x509.Certificate:
    now = _now()
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=VALID_DAYS))
    )
    for extension, critical in extensions:
        builder = builder.add_extension(extension, critical)
    return builder.sign(issuer_key, hashes.SHA256())


def _leaf_usage(purpose: x509.ObjectIdentifier) -> list[tuple[x509.ExtensionType, bool]]:
    return [
        (x509.BasicConstraints(ca=False, path_length=None), True),
        (
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=True,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            True,
        ),
        (x509.ExtendedKeyUsage([purpose]), False),
    ]


def _valid(files: CertFiles, names: tuple[str, ...]) -> bool:
    if not all(path.exists() for path in files.all()):
        return False
    try:
        certs = [
            x509.load_pem_x509_certificate(path.read_bytes())
            for path in (files.ca, files.server_cert, files.client_cert)
        ]
        alt = certs[1].extensions.get_extension_for_class(x509.SubjectAlternativeName)
    except (ValueError, x509.ExtensionNotFound):
        return False
    if not set(names) <= set(alt.value.get_values_for_type(x509.DNSName)):
        return False
    return all(cert.not_valid_after_utc - RENEW_BEFORE > _now() for cert in certs)


def ensure_certificates(
    directory: Path, authority: str = "newswire local CA", names: tuple[str, ...] = ()
) -> CertFiles:
    """The CA, server and client certificates under `directory`, made when missing,
    about to expire or without one of the server `names` (all of them at once: a
    new CA invalidates the others). The server certificate names loopback
    (`localhost`, 127.0.0.1, ::1) and `names`, e.g. the hosts of a compose file."""
    files = CertFiles(directory)
    dns_names = tuple(dict.fromkeys((*SERVER_NAMES, *names)))
    if _valid(files, dns_names):
        return files
    directory.mkdir(parents=True, exist_ok=True)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name(authority)
    ca = _issue(
        ca_name,
        ca_key,
        ca_name,
        ca_key,
        [
            (x509.BasicConstraints(ca=True, path_length=0), True),
            (
                x509.KeyUsage(
                    digital_signature=False,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                True,
            ),
            (x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False),
        ],
    )
    server_key = ec.generate_private_key(ec.SECP256R1())
    alt_names: list[x509.GeneralName] = [x509.DNSName(name) for name in dns_names]
    alt_names += [x509.IPAddress(ipaddress.ip_address(a)) for a in SERVER_ADDRESSES]
    server = _issue(
        _name("localhost"),
        server_key,
        ca_name,
        ca_key,
        [
            *_leaf_usage(ExtendedKeyUsageOID.SERVER_AUTH),
            (x509.SubjectAlternativeName(alt_names), False),
        ],
    )
    client_key = ec.generate_private_key(ec.SECP256R1())
    client = _issue(
        _name("newswire"),
        client_key,
        ca_name,
        ca_key,
        _leaf_usage(ExtendedKeyUsageOID.CLIENT_AUTH),
    )
    _write_private(files.ca_key, _key_pem(ca_key))
    _write_private(files.server_key, _key_pem(server_key))
    _write_private(files.server_keystore, _key_pem(server_key) + _cert_pem(server))
    _write_private(files.client_key, _key_pem(client_key))
    files.server_cert.write_bytes(_cert_pem(server))
    files.client_cert.write_bytes(_cert_pem(client))
    files.ca.write_bytes(_cert_pem(ca))
    return files
