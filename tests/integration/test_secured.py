"""Every client of newswire against real secured servers (a secured stack of this
module's own): `python -m devstack run --until-drained seeds/` stores what the plaintext
run stores with Kafka over SASL_SSL (SCRAM-SHA-512, PLAIN), mutual TLS and
SASL_PLAINTEXT, with Redis over TLS as an ACL user, with PostgreSQL in
verify-full; a wrong password, an untrusted CA and TLS on one side only fail at
once with the error and exit status that name the setting to fix; no secret
appears in any output or log."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from devstack.runner import child_env
from devstack.stack import secure
from devstack.stack.certs import ensure_certificates
from devstack.stack.secure import KafkaAccess
from tests.conftest import SEEDS, free_port, isolated
from tests.integration.secured_stack import Result, SecuredStack, secured_stack, settings_from
from workers.storage.factory import open_store

pytestmark = pytest.mark.integration

KAFKA = "NEWSWIRE_KAFKA_SECURITY__"
FAIL_FAST_SECONDS = 28.0
"""A wrong setting fails before kafka-python's 30 s client timeout could have run out,
with room for a worker process's start on a busy machine (5-10 s)."""


@pytest.fixture(scope="module")
def secured() -> Iterator[SecuredStack]:
    with secured_stack() as stack:
        yield stack


@pytest.fixture(scope="module")
def untrusted_ca(secured: SecuredStack) -> Path:
    return ensure_certificates(secured.root / "other-ca", "an authority nobody trusts").ca


@dataclass(frozen=True)
class Outcome:
    summary: tuple[int, ...]
    """produced, stored, versions, duplicates, dead letters, as `python -m devstack run`
    prints them."""
    articles: list[tuple[str, int, str | None]]
    """Each stored article's uri, version and language."""
    aliases: int


def run_seeds(secured: SecuredStack, name: str, security: Mapping[str, str]) -> Outcome:
    """`python -m devstack run --until-drained seeds/` in a pipeline of its own (topics,
    groups, Redis keys, database file), with `security` over the plaintext settings."""
    base = isolated(secured.settings, secured.root / "runs" / name)
    env = {**child_env(base), **security}
    result = secured.devstack(env, "run", "--until-drained", str(SEEDS))
    assert result.code == 0, result.output[-3000:]
    rows = [line for line in result.output.splitlines() if re.search(r"│\s*\d+\s*│", line)]
    assert rows, result.output[-3000:]
    numbers = re.findall(r"\d+(?:\.\d+)?", rows[-1])
    store = open_store(settings_from(env), cached=False)
    try:
        articles = sorted((a.uri, a.version, a.language) for a in store.iter_articles())
        aliases = store.counts().aliases
    finally:
        store.close()
    return Outcome(tuple(int(n) for n in numbers[:5]), articles, aliases)


@pytest.fixture(scope="module")
def plaintext(secured: SecuredStack) -> Outcome:
    """The same servers through their plaintext listeners, for comparison."""
    outcome = run_seeds(secured, "plaintext", {})
    produced, stored, _, duplicates, dead_letters = outcome.summary
    assert produced and stored and duplicates and dead_letters, outcome
    assert len(outcome.articles) == stored and outcome.aliases == duplicates
    return outcome


def client_env(secured: SecuredStack, security: Mapping[str, str]) -> dict[str, str]:
    """The environment of a command against the secured stack, its pipeline names
    of its own, with `security` over the plaintext settings."""
    base = isolated(secured.settings, secured.root / "commands" / secrets.token_hex(4))
    return {**child_env(base), **security}


def without_sasl(env: Mapping[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items() if not k.startswith(f"{KAFKA}SASL_")}


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_fails(
    secured: SecuredStack,
    result: Result,
    code: int,
    *phrases: str,
    one_line: bool = True,
) -> None:
    """Failed at once with `code` (2: a server unreachable or refusing the settings),
    saying `phrases`, without a traceback or a secret."""
    assert result.code == code, result.output[-3000:]
    assert result.seconds < FAIL_FAST_SECONDS, f"took {result.seconds:.1f}s"
    assert "Traceback" not in result.output, result.output[-3000:]
    if one_line:
        assert len(result.error_lines) == 1, result.output[-3000:]
        said = result.error_lines[0]
    else:
        said = flat(result.output)
    for phrase in phrases:
        assert phrase in said, said
    assert secured.password not in result.output


def test_the_stack_shows_its_secured_listeners_answering(secured: SecuredStack) -> None:
    result = secured.devstack(child_env(secured.settings), "stack", "status", "--secure")
    assert result.code == 0, result.output
    assert result.output.count("answering") == len(secure.endpoints(secured.settings))
    assert result.output.count("owned") == 3


# -- the seeds through secured servers -------------------------------------------


def test_seeds_over_sasl_ssl_with_scram_sha_512_store_what_the_plaintext_run_stores(
    secured: SecuredStack, plaintext: Outcome
) -> None:
    env = secure.kafka_env(secured.settings, KafkaAccess.SCRAM_SHA_512)
    assert run_seeds(secured, "scram-sha-512", env) == plaintext


def test_seeds_over_mutual_tls_store_what_the_plaintext_run_stores(
    secured: SecuredStack, plaintext: Outcome
) -> None:
    env = secure.kafka_env(secured.settings, KafkaAccess.MUTUAL_TLS)
    assert run_seeds(secured, "mutual-tls", env) == plaintext


def test_seeds_over_sasl_ssl_with_plain_store_what_the_plaintext_run_stores(
    secured: SecuredStack, plaintext: Outcome
) -> None:
    env = secure.kafka_env(secured.settings, KafkaAccess.PLAIN)
    assert run_seeds(secured, "plain", env) == plaintext


def test_seeds_with_redis_over_tls_as_an_acl_user_store_what_the_plaintext_run_stores(
    secured: SecuredStack, plaintext: Outcome
) -> None:
    """Kafka over SASL_PLAINTEXT with PLAIN here: the workers once ignored any
    protocol but SCRAM's (the issue's `Unable to bootstrap`)."""
    env = {
        **secure.redis_env(secured.settings, client_certificate=True),
        **secure.kafka_env(secured.settings, KafkaAccess.SASL_PLAINTEXT),
    }
    assert run_seeds(secured, "redis-tls", env) == plaintext


def test_seeds_with_postgresql_in_verify_full_store_what_the_plaintext_run_stores(
    secured: SecuredStack, plaintext: Outcome
) -> None:
    env = secure.database_env(secured.settings)
    assert env["NEWSWIRE_DATABASE_TLS__SSLMODE"] == "verify-full"
    assert run_seeds(secured, "postgres-verify-full", env) == plaintext


# -- Kafka: what a wrong setting says ------------------------------------------


def test_a_wrong_kafka_password_fails_at_once_naming_the_sasl_settings(
    secured: SecuredStack,
) -> None:
    wrong = f"wrong-{secrets.token_hex(6)}"
    env = client_env(
        secured,
        {
            **secure.kafka_env(secured.settings, KafkaAccess.SCRAM_SHA_512),
            f"{KAFKA}SASL_PASSWORD": wrong,
        },
    )
    for command in (("topics",), ("worker", "enrich")):
        result = secured.newswire(env, *command, timeout=60)
        assert_fails(
            secured,
            result,
            2,
            "refused the credentials of user 'newswire' (SCRAM-SHA-512)",
            f"{KAFKA}SASL_PASSWORD",
        )
        assert wrong not in result.output


def test_an_untrusted_kafka_ca_fails_at_once_naming_the_ca_setting(
    secured: SecuredStack, untrusted_ca: Path
) -> None:
    env = client_env(
        secured,
        {
            **secure.kafka_env(secured.settings, KafkaAccess.SCRAM_SHA_512),
            f"{KAFKA}SSL_CAFILE": str(untrusted_ca),
        },
    )
    phrases = ("certificate this client does not trust", f"{KAFKA}SSL_CAFILE")
    assert_fails(secured, secured.newswire(env, "worker", "store", timeout=60), 2, *phrases)
    produced = secured.newswire(env, "produce", str(SEEDS / "003_en_markets.txt"), timeout=60)
    assert_fails(secured, produced, 2, *phrases, one_line=False)


def test_a_plaintext_kafka_client_at_the_tls_listener_is_told_to_use_tls(
    secured: SecuredStack,
) -> None:
    scram = secure.kafka_env(secured.settings, KafkaAccess.SCRAM_SHA_512)
    env = client_env(
        secured,
        {
            "NEWSWIRE_KAFKA_BOOTSTRAP": scram["NEWSWIRE_KAFKA_BOOTSTRAP"],
            f"{KAFKA}PROTOCOL": "PLAINTEXT",
        },
    )
    phrases = ("expects TLS", f"{KAFKA}PROTOCOL to SSL")
    assert_fails(secured, secured.newswire(env, "topics", timeout=60), 2, *phrases)
    listed = secured.newswire(env, "dlq", "list", timeout=60)
    assert_fails(secured, listed, 2, *phrases, one_line=False)


def test_a_kafka_client_without_a_certificate_is_told_the_listener_requires_one(
    secured: SecuredStack,
) -> None:
    mutual = secure.kafka_env(secured.settings, KafkaAccess.MUTUAL_TLS)
    env = client_env(secured, mutual)
    del env[f"{KAFKA}SSL_CERTFILE"], env[f"{KAFKA}SSL_KEYFILE"]
    result = secured.newswire(env, "topics", timeout=60)
    assert_fails(secured, result, 2, "requires a client certificate", f"{KAFKA}SSL_CERTFILE")


def test_sasl_against_a_listener_without_it_and_tls_without_sasl_are_told_apart(
    secured: SecuredStack,
) -> None:
    scram = secure.kafka_env(secured.settings, KafkaAccess.SCRAM_SHA_512)
    tls_only = without_sasl({**scram, f"{KAFKA}PROTOCOL": "SSL"})
    result = secured.newswire(client_env(secured, tls_only), "topics", timeout=60)
    assert_fails(secured, result, 2, "requires SASL authentication", f"{KAFKA}PROTOCOL")
    plain_listener = {
        **secure.kafka_env(secured.settings, KafkaAccess.SASL_PLAINTEXT),
        "NEWSWIRE_KAFKA_BOOTSTRAP": secured.settings.kafka_bootstrap,
    }
    result = secured.newswire(client_env(secured, plain_listener), "topics", timeout=60)
    assert_fails(secured, result, 2, "does not use SASL on this listener")


def test_an_unreachable_kafka_is_a_third_kind_of_error(secured: SecuredStack) -> None:
    closed = f"127.0.0.1:{free_port()}"
    env = client_env(secured, {"NEWSWIRE_KAFKA_BOOTSTRAP": closed})
    result = secured.newswire(env, "topics", timeout=60)
    assert_fails(secured, result, 2, "cannot reach Kafka", "NEWSWIRE_KAFKA_BOOTSTRAP")


# -- Redis ---------------------------------------------------------------------


def test_a_wrong_redis_password_fails_naming_the_redis_url(secured: SecuredStack) -> None:
    wrong = f"wrong-{secrets.token_hex(6)}"
    redis_env = secure.redis_env(secured.settings)
    url = redis_env["NEWSWIRE_REDIS_URL"].replace(secured.password, wrong)
    env = client_env(secured, {**redis_env, "NEWSWIRE_REDIS_URL": url})
    result = secured.newswire(env, "worker", "enrich", timeout=60)
    assert_fails(secured, result, 2, "refused the credentials of user 'newswire'")
    assert "NEWSWIRE_REDIS_URL" in result.error_lines[0] and wrong not in result.output


def test_an_untrusted_redis_ca_fails_naming_the_redis_ca_setting(
    secured: SecuredStack, untrusted_ca: Path
) -> None:
    env = client_env(
        secured,
        {**secure.redis_env(secured.settings), "NEWSWIRE_REDIS_TLS__CAFILE": str(untrusted_ca)},
    )
    result = secured.newswire(env, "worker", "enrich", timeout=60)
    assert_fails(secured, result, 2, "does not trust", "NEWSWIRE_REDIS_TLS__CAFILE")


def test_a_plaintext_redis_client_at_the_tls_port_is_told_to_use_rediss(
    secured: SecuredStack,
) -> None:
    url = secure.redis_env(secured.settings)["NEWSWIRE_REDIS_URL"].replace("rediss://", "redis://")
    env = client_env(secured, {"NEWSWIRE_REDIS_URL": url})
    result = secured.newswire(env, "worker", "enrich", timeout=60)
    assert_fails(secured, result, 2, "expects TLS", "rediss://")


# -- PostgreSQL ----------------------------------------------------------------


def test_a_wrong_postgresql_password_fails_naming_the_database_url(secured: SecuredStack) -> None:
    wrong = f"wrong-{secrets.token_hex(6)}"
    database = secure.database_env(secured.settings)
    url = database["NEWSWIRE_DATABASE_URL"].replace(secured.password, wrong)
    env = client_env(secured, {**database, "NEWSWIRE_DATABASE_URL": url})
    result = secured.newswire(env, "get", "urn:newswire:none", timeout=60)
    assert_fails(secured, result, 2, "refused the password of user 'newswire'")
    assert "NEWSWIRE_DATABASE_URL" in result.error_lines[0] and wrong not in result.output


def test_an_untrusted_postgresql_ca_fails_naming_the_database_ca_setting(
    secured: SecuredStack, untrusted_ca: Path
) -> None:
    env = client_env(
        secured,
        {
            **secure.database_env(secured.settings),
            "NEWSWIRE_DATABASE_TLS__CAFILE": str(untrusted_ca),
        },
    )
    result = secured.newswire(env, "get", "urn:newswire:none", timeout=60)
    assert_fails(secured, result, 2, "does not trust", "NEWSWIRE_DATABASE_TLS__CAFILE")


def test_the_secured_database_refuses_a_client_without_tls(secured: SecuredStack) -> None:
    env = client_env(
        secured,
        {**secure.database_env(secured.settings), "NEWSWIRE_DATABASE_TLS__SSLMODE": "disable"},
    )
    result = secured.newswire(env, "get", "urn:newswire:none", timeout=60)
    assert_fails(secured, result, 2, "no encryption", "NEWSWIRE_DATABASE_TLS__SSLMODE")


# -- secrets -------------------------------------------------------------------


def test_no_secret_appears_in_any_output_or_log(secured: SecuredStack) -> None:
    """Run last: every command of this module printed its output here, and every
    server and worker of it logged under its directory."""
    logs = sorted(secured.root.rglob("*.log"))
    assert any(log.name == "enrich.log" for log in logs), "the pipelines wrote no logs"
    assert any(log.name == "kafka.log" for log in logs)
    for log in logs:
        assert secured.password not in log.read_text(errors="replace"), log
    assert secured.outputs
    for output in secured.outputs:
        assert secured.password not in output
