"""The secured local stack's configuration: certificates, the servers' secured
listeners and the client settings written for them."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from cryptography import x509
from pydantic import SecretStr

from devstack.stack import default_services, kafka_secured, secure
from devstack.stack.certs import ensure_certificates
from devstack.stack.kafka import KafkaNode, SecuredListeners, render_server_properties
from devstack.stack.postgres import render_hba
from devstack.stack.redis import redis_argv, secure_config
from devstack.stack.services import SERVICES
from workers.settings import Settings, StackSettings


def stack_settings(tmp_path: Path, **overrides: object) -> Settings:
    stack = StackSettings(run_dir=tmp_path, secure=True, **overrides)  # type: ignore[arg-type]
    return Settings(stack=stack)


def props(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines() if line)


def test_the_server_certificate_names_loopback_and_chains_to_the_ca(tmp_path: Path) -> None:
    files = ensure_certificates(tmp_path, names=("kafka",))
    ca = x509.load_pem_x509_certificate(files.ca.read_bytes())
    server = x509.load_pem_x509_certificate(files.server_cert.read_bytes())
    server.verify_directly_issued_by(ca)
    names = server.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert set(names.get_values_for_type(x509.DNSName)) == {"localhost", "kafka"}
    assert {str(a) for a in names.get_values_for_type(x509.IPAddress)} == {"127.0.0.1", "::1"}
    client = x509.load_pem_x509_certificate(files.client_cert.read_bytes())
    client.verify_directly_issued_by(ca)


def test_keys_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    files = ensure_certificates(tmp_path)
    for key in (files.ca_key, files.server_key, files.server_keystore, files.client_key):
        assert stat.S_IMODE(key.stat().st_mode) == 0o600


def test_certificates_are_kept_while_valid_and_remade_for_a_new_name(tmp_path: Path) -> None:
    first = ensure_certificates(tmp_path).ca.read_bytes()
    assert ensure_certificates(tmp_path).ca.read_bytes() == first
    assert ensure_certificates(tmp_path, names=("redis",)).ca.read_bytes() != first


def test_secured_kafka_listens_beside_plaintext_with_every_mechanism(tmp_path: Path) -> None:
    settings = stack_settings(tmp_path, secure_password=SecretStr("pw-1"))
    secured = kafka_secured.listeners(settings)
    node = KafkaNode(1, 19092, 19093, tmp_path / "data")
    rendered = props(render_server_properties(node, [node], secured))
    assert rendered["listeners"] == (
        "PLAINTEXT://127.0.0.1:19092,SASL_SSL://127.0.0.1:19094,SSL://127.0.0.1:19095,"
        "SASL_PLAINTEXT://127.0.0.1:19096,CONTROLLER://127.0.0.1:19093"
    )
    assert "CONTROLLER" not in rendered["advertised.listeners"]
    assert rendered["inter.broker.listener.name"] == "PLAINTEXT"
    assert rendered["sasl.enabled.mechanisms"] == "PLAIN,SCRAM-SHA-256,SCRAM-SHA-512"
    assert rendered["listener.name.ssl.ssl.client.auth"] == "required"
    assert rendered["ssl.keystore.type"] == "PEM"
    assert 'user_newswire="pw-1"' in rendered["listener.name.sasl_ssl.plain.sasl.jaas.config"]


def test_the_plaintext_stack_renders_as_before(tmp_path: Path) -> None:
    node = KafkaNode(1, 19092, 19093, tmp_path / "data")
    plain = render_server_properties(node, [node])
    assert plain == render_server_properties(node, [node], SecuredListeners(ports={}))
    assert "sasl" not in plain


def test_secured_redis_gets_its_password_from_a_private_file(tmp_path: Path) -> None:
    settings = stack_settings(tmp_path, secure_password=SecretStr("pw-2"))
    config = secure_config(settings, tmp_path)
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    text = config.read_text()
    assert "tls-port 16380" in text
    assert "user newswire reset on >pw-2 ~* &* +@all" in text
    argv = redis_argv("redis-server", 16379, str(tmp_path), config)
    assert argv[1] == str(config)
    assert not any("pw-2" in arg for arg in argv)


def test_secured_postgresql_takes_the_user_over_tls_only_and_keeps_loopback_trusted() -> None:
    lines = render_hba("newswire").splitlines()
    assert lines[0] == "hostssl newswire_tls newswire 127.0.0.1/32 scram-sha-256"
    assert lines[1] == "host newswire_tls newswire 127.0.0.1/32 reject"
    assert lines[-2:] == ["host all all 127.0.0.1/32 trust", "host all all ::1/128 trust"]


def test_a_generated_password_is_kept_for_the_run_directory(tmp_path: Path) -> None:
    settings = stack_settings(tmp_path)
    password = secure.password(settings)
    assert len(password) >= 24 and secure.password(settings) == password
    assert stat.S_IMODE((secure.tls_dir(settings) / "password").stat().st_mode) == 0o600


def test_the_client_settings_file_loads_back_and_holds_the_password_privately(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = stack_settings(tmp_path, secure_password=SecretStr("pw-3"))
    path = secure.write_env_file(settings)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for line in path.read_text().splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            monkeypatch.setenv(key, value)
    loaded = Settings()
    assert loaded.kafka_bootstrap == "127.0.0.1:19094"
    assert loaded.kafka_security.sasl_mechanism == "SCRAM-SHA-512"
    assert loaded.kafka_security.sasl_password == SecretStr("pw-3")
    assert loaded.redis_url.get_secret_value().startswith("rediss://newswire:pw-3@")
    assert loaded.database_tls.sslmode == "verify-full"


@pytest.mark.parametrize("access", list(secure.KafkaAccess))
def test_every_way_to_reach_the_secured_kafka_is_valid_settings(
    access: secure.KafkaAccess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in secure.kafka_env(stack_settings(tmp_path), access).items():
        monkeypatch.setenv(key, value)
    assert Settings().kafka_security.protocol in ("SSL", "SASL_SSL", "SASL_PLAINTEXT")


def test_the_stack_finds_its_servers_behind_the_secured_client_settings(tmp_path: Path) -> None:
    settings = stack_settings(tmp_path).model_copy(
        update={
            "kafka_bootstrap": "127.0.0.1:19094",
            "redis_url": SecretStr("rediss://newswire:x@127.0.0.1:16380/0"),
        }
    )
    assert SERVICES["kafka"].endpoint(settings).port == 19092
    assert SERVICES["redis"].endpoint(settings).port == 16379
    assert default_services(settings) == ("kafka", "redis", "postgres")
