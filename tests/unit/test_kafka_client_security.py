"""Every Kafka client gets the same security from the settings: kafka-python's
options and the Faust workers' aiokafka options, built from one TLS context."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest
from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth
from pydantic import SecretStr

from devstack.stack.certs import ensure_certificates
from workers.errors import ConfigurationError
from workers.kafka_clients import client_options
from workers.kafka_probe import addresses
from workers.runtime.faust_app import _credentials
from workers.settings import KafkaSecurity, Settings


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ensure_certificates(tmp_path_factory.mktemp("tls")).ca


def settings_with(**security: object) -> Settings:
    return Settings(
        kafka_bootstrap="broker-1:9093,broker-2:9093",
        kafka_security=KafkaSecurity.model_validate(security),
    )


def aiokafka_options(settings: Settings) -> dict[str, object]:
    return dict(credentials_to_aiokafka_auth(_credentials(settings)))


def test_plaintext_needs_no_security_options() -> None:
    settings = settings_with()
    assert client_options(settings) == {
        "bootstrap_servers": ["broker-1:9093", "broker-2:9093"],
        "security_protocol": "PLAINTEXT",
    }
    assert aiokafka_options(settings) == {"security_protocol": "PLAINTEXT"}


@pytest.mark.parametrize("mechanism", ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"])
def test_sasl_ssl_gives_both_libraries_the_mechanism_credentials_and_tls(
    mechanism: str, ca: Path
) -> None:
    settings = settings_with(
        protocol="SASL_SSL",
        sasl_mechanism=mechanism,
        sasl_username="svc",
        sasl_password=SecretStr("s3cret"),
        ssl_cafile=ca,
    )
    options = client_options(settings)
    assert options["security_protocol"] == "SASL_SSL"
    assert options["sasl_mechanism"] == mechanism
    assert (options["sasl_plain_username"], options["sasl_plain_password"]) == ("svc", "s3cret")
    assert isinstance(options["ssl_context"], ssl.SSLContext)
    workers = aiokafka_options(settings)
    assert workers["security_protocol"] == "SASL_SSL"
    assert workers["sasl_mechanism"] == mechanism
    assert (workers["sasl_plain_username"], workers["sasl_plain_password"]) == ("svc", "s3cret")
    assert isinstance(workers["ssl_context"], ssl.SSLContext)


def test_sasl_plaintext_reaches_the_faust_workers_without_tls() -> None:
    """The reported bug: the workers built credentials for SCRAM only."""
    settings = settings_with(
        protocol="SASL_PLAINTEXT",
        sasl_mechanism="PLAIN",
        sasl_username="svc",
        sasl_password=SecretStr("s3cret"),
    )
    workers = aiokafka_options(settings)
    assert workers["security_protocol"] == "SASL_PLAINTEXT"
    assert workers["sasl_mechanism"] == "PLAIN"
    assert workers["ssl_context"] is None
    assert "ssl_context" not in client_options(settings)


def test_mutual_tls_presents_the_client_certificate_and_checks_the_host_name(ca: Path) -> None:
    files = ca.parent
    settings = settings_with(
        protocol="SSL",
        ssl_cafile=ca,
        ssl_certfile=files / "client.pem",
        ssl_keyfile=files / "client-key.pem",
    )
    context = client_options(settings)["ssl_context"]
    assert isinstance(context, ssl.SSLContext)
    assert context.check_hostname and context.verify_mode == ssl.CERT_REQUIRED
    assert context.minimum_version >= ssl.TLSVersion.TLSv1_2
    workers = aiokafka_options(settings)
    assert workers["security_protocol"] == "SSL"
    assert isinstance(workers["ssl_context"], ssl.SSLContext)


def test_host_name_checking_can_be_turned_off_alone(ca: Path) -> None:
    settings = settings_with(protocol="SSL", ssl_cafile=ca, ssl_check_hostname=False)
    context = client_options(settings)["ssl_context"]
    assert isinstance(context, ssl.SSLContext)
    assert not context.check_hostname
    assert context.verify_mode == ssl.CERT_REQUIRED


def test_without_a_ca_file_the_system_cas_are_trusted() -> None:
    settings = settings_with(
        protocol="SASL_SSL",
        sasl_mechanism="PLAIN",
        sasl_username="key",
        sasl_password=SecretStr("secret"),
    )
    context = client_options(settings)["ssl_context"]
    assert isinstance(context, ssl.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED


def test_an_unreadable_ca_file_names_its_setting(tmp_path: Path) -> None:
    settings = settings_with(protocol="SSL", ssl_cafile=tmp_path / "missing.pem")
    with pytest.raises(ConfigurationError, match="NEWSWIRE_KAFKA_SECURITY__SSL_CAFILE"):
        client_options(settings)


def test_a_client_key_that_does_not_match_names_both_files(ca: Path) -> None:
    files = ca.parent
    settings = settings_with(
        protocol="SSL",
        ssl_cafile=ca,
        ssl_certfile=files / "client.pem",
        ssl_keyfile=files / "server-key.pem",
    )
    with pytest.raises(ConfigurationError, match=r"SSL_CERTFILE, .*SSL_KEYFILE"):
        client_options(settings)


def test_the_worker_credentials_never_show_the_password() -> None:
    settings = settings_with(
        protocol="SASL_PLAINTEXT",
        sasl_mechanism="SCRAM-SHA-512",
        sasl_username="svc",
        sasl_password=SecretStr("s3cret"),
    )
    assert "s3cret" not in repr(_credentials(settings))


def test_bootstrap_addresses_take_ipv6_and_skip_what_has_no_port() -> None:
    assert list(addresses("a:9092, [::1]:9093,nohost,:9094")) == [
        ("a", 9092),
        ("::1", 9093),
        ("127.0.0.1", 9094),
    ]
