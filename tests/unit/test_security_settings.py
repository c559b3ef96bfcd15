"""The security settings: what they accept, what they refuse (in one line naming
the variable), and how they reach child processes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr, ValidationError

from devstack.runner import settings_env
from workers.cli.main import settings_error
from workers.settings import DatabaseTls, KafkaSecurity, RedisTls, Settings, StackSettings


def test_protocol_and_mechanism_are_read_in_any_case() -> None:
    security = KafkaSecurity(
        protocol="sasl_ssl",
        sasl_mechanism="scram-sha-512",
        sasl_username="u",
        sasl_password=SecretStr("p"),
    )
    assert (security.protocol, security.sasl_mechanism) == ("SASL_SSL", "SCRAM-SHA-512")
    assert security.uses_tls and security.uses_sasl


def test_a_sasl_protocol_without_credentials_names_the_missing_variables() -> None:
    with pytest.raises(ValidationError) as caught:
        KafkaSecurity(protocol="SASL_SSL", sasl_mechanism="PLAIN")
    message = str(caught.value)
    assert "NEWSWIRE_KAFKA_SECURITY__SASL_USERNAME" in message
    assert "NEWSWIRE_KAFKA_SECURITY__SASL_PASSWORD" in message


def test_tls_files_with_a_plaintext_protocol_are_refused() -> None:
    with pytest.raises(ValidationError, match="set it to SSL or SASL_SSL"):
        KafkaSecurity(ssl_cafile=Path("/ca.pem"))


def test_sasl_settings_with_a_protocol_without_sasl_are_refused() -> None:
    with pytest.raises(ValidationError, match="SASL_SSL or SASL_PLAINTEXT"):
        KafkaSecurity(protocol="SSL", sasl_username="u")


def test_an_unknown_mechanism_is_refused() -> None:
    with pytest.raises(ValidationError):
        KafkaSecurity(
            protocol="SASL_SSL",
            sasl_mechanism="GSSAPI",
            sasl_username="u",
            sasl_password=SecretStr("p"),
        )


def test_redis_tls_settings_need_a_rediss_url() -> None:
    with pytest.raises(ValidationError, match="rediss://"):
        Settings(redis_tls=RedisTls(cafile=Path("/ca.pem")))
    secured = Settings(
        redis_url=SecretStr("rediss://u:p@h:6380/0"), redis_tls=RedisTls(cafile=Path("/ca.pem"))
    )
    assert secured.redis_tls.cafile == Path("/ca.pem")


def test_database_tls_settings_become_libpq_parameters() -> None:
    tls = DatabaseTls(sslmode="verify-full", cafile=Path("/ca.pem"), certfile=Path("/c.pem"))
    assert tls.conninfo() == {
        "sslmode": "verify-full",
        "sslrootcert": "/ca.pem",
        "sslcert": "/c.pem",
    }
    with pytest.raises(ValidationError, match="NEWSWIRE_DATABASE_URL"):
        Settings(database_tls=tls)


def test_the_stack_password_may_not_hold_characters_the_configurations_would_misread() -> None:
    with pytest.raises(ValidationError):
        StackSettings(secure_password=SecretStr('pa"ss,word'))
    assert StackSettings(secure_password=SecretStr("Ab-9_x")).secure_password is not None


def test_invalid_settings_are_reported_in_one_line_naming_each_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEWSWIRE_KAFKA_SECURITY__PROTOCOL", "TLS")
    monkeypatch.setenv("NEWSWIRE_STACK__KAFKA_PORT", "many")
    with pytest.raises(ValidationError) as caught:
        Settings()
    line = settings_error(caught.value)
    assert "\n" not in line
    assert "NEWSWIRE_KAFKA_SECURITY__PROTOCOL" in line
    assert "NEWSWIRE_STACK__KAFKA_PORT" in line


def test_a_consistency_error_keeps_its_own_wording() -> None:
    with pytest.raises(ValidationError) as caught:
        Settings(kafka_security={"protocol": "SASL_PLAINTEXT"})  # type: ignore[arg-type]
    line = settings_error(caught.value)
    assert line.startswith("invalid settings: NEWSWIRE_KAFKA_SECURITY__PROTOCOL is SASL_PLAINTEXT")


def test_child_processes_get_every_security_setting_back_from_their_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = Settings(
        kafka_security=KafkaSecurity(
            protocol="SASL_SSL",
            sasl_mechanism="SCRAM-SHA-256",
            sasl_username="svc",
            sasl_password=SecretStr("s3cret"),
            ssl_cafile=Path("/etc/ca.pem"),
            ssl_check_hostname=False,
        ),
        redis_url=SecretStr("rediss://svc:s3cret@redis:6380/0"),
        redis_tls=RedisTls(cafile=Path("/etc/ca.pem")),
        database_url=SecretStr("postgresql://svc:s3cret@db/newswire"),
        database_tls=DatabaseTls(sslmode="verify-full", cafile=Path("/etc/ca.pem")),
    )
    for key, value in settings_env(settings).items():
        monkeypatch.setenv(key, value)
    again = Settings()
    assert again.kafka_security == settings.kafka_security
    assert again.redis_tls == settings.redis_tls
    assert again.database_tls == settings.database_tls
    assert again.redis_url.get_secret_value() == "rediss://svc:s3cret@redis:6380/0"


def test_secrets_never_show_in_the_settings_repr() -> None:
    settings = Settings(
        kafka_security=KafkaSecurity(
            protocol="SASL_PLAINTEXT",
            sasl_mechanism="PLAIN",
            sasl_username="svc",
            sasl_password=SecretStr("s3cret"),
        ),
        redis_url=SecretStr("redis://svc:s3cret@redis/0"),
    )
    assert "s3cret" not in repr(settings)
    assert "s3cret" not in str(settings.model_dump())
