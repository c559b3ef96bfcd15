"""The one settings root. Read from the environment only at an entry point
(`Settings()` in the CLI), then passed down; nothing else reads `os.environ`."""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


KafkaProtocol = Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
SaslMechanism = Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]
SslMode = Literal["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]

KAFKA_SECURITY_ENV = "NEWSWIRE_KAFKA_SECURITY__"


class KafkaSecurity(_Frozen):
    """How every Kafka client connects: the producer, the Faust workers, the admin
    tools. `workers/kafka_security.py` turns it into each library's options."""

    protocol: KafkaProtocol = "PLAINTEXT"
    sasl_mechanism: SaslMechanism | None = None
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    ssl_cafile: Path | None = None
    """The CA bundle that signed the brokers' certificates; unset: the system's CAs
    (what a managed service's certificates chain to)."""
    ssl_certfile: Path | None = None
    """A client certificate (PEM) for mutual TLS, with its key in `ssl_keyfile`
    (or in the same file)."""
    ssl_keyfile: Path | None = None
    ssl_key_password: SecretStr | None = None
    ssl_check_hostname: bool = True
    """The broker's certificate must name the host it is reached by."""

    @field_validator("protocol", "sasl_mechanism", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @property
    def uses_tls(self) -> bool:
        return self.protocol in ("SSL", "SASL_SSL")

    @property
    def uses_sasl(self) -> bool:
        return self.protocol in ("SASL_PLAINTEXT", "SASL_SSL")

    @model_validator(mode="after")
    def _consistent(self) -> KafkaSecurity:
        env = KAFKA_SECURITY_ENV
        if self.uses_sasl:
            missing = [
                f"{env}{name.upper()}"
                for name in ("sasl_mechanism", "sasl_username", "sasl_password")
                if getattr(self, name) is None
            ]
            if missing:
                raise ValueError(
                    f"{env}PROTOCOL is {self.protocol}, which needs {', '.join(missing)}"
                )
        elif self.sasl_mechanism or self.sasl_username or self.sasl_password:
            raise ValueError(
                f"SASL settings are set but {env}PROTOCOL is {self.protocol}: "
                "set it to SASL_SSL or SASL_PLAINTEXT"
            )
        if not self.uses_tls:
            given = [
                f"{env}{name.upper()}"
                for name in ("ssl_cafile", "ssl_certfile", "ssl_keyfile", "ssl_key_password")
                if getattr(self, name) is not None
            ]
            if given:
                raise ValueError(
                    f"{', '.join(given)} set but {env}PROTOCOL is {self.protocol}: "
                    "set it to SSL or SASL_SSL"
                )
        if self.ssl_keyfile is not None and self.ssl_certfile is None:
            raise ValueError(f"{env}SSL_KEYFILE is set without {env}SSL_CERTFILE")
        return self


class RedisTls(_Frozen):
    """TLS of a `rediss://` NEWSWIRE_REDIS_URL (the user and password go in the URL)."""

    cafile: Path | None = None
    """The CA bundle that signed the server's certificate; unset: the system's CAs."""
    certfile: Path | None = None
    """A client certificate, for servers that ask for one (`tls-auth-clients`)."""
    keyfile: Path | None = None
    check_hostname: bool = True

    @property
    def configured(self) -> bool:
        return any(v is not None for v in (self.cafile, self.certfile, self.keyfile)) or (
            not self.check_hostname
        )


class DatabaseTls(_Frozen):
    """libpq's TLS options, added to a `postgresql://` NEWSWIRE_DATABASE_URL; a value
    set here wins over the same parameter in the URL (`sslmode`, `sslrootcert`,
    `sslcert`, `sslkey`)."""

    sslmode: SslMode | None = None
    cafile: Path | None = None
    """`sslrootcert`: the CA that signed the server's certificate (verify-ca, verify-full)."""
    certfile: Path | None = None
    """`sslcert`: a client certificate, for servers that ask for one."""
    keyfile: Path | None = None

    def conninfo(self) -> dict[str, str]:
        """The libpq parameters these settings give."""
        pairs = {
            "sslmode": self.sslmode,
            "sslrootcert": self.cafile,
            "sslcert": self.certfile,
            "sslkey": self.keyfile,
        }
        return {key: str(value) for key, value in pairs.items() if value is not None}


class TopicSettings(_Frozen):
    prefix: str = ""
    partitions: int = 4
    replication_factor: int = 1

    def name(self, base: str) -> str:
        return f"{self.prefix}{base}"

    @property
    def raw(self) -> str:
        return self.name("articles.raw")

    @property
    def enriched(self) -> str:
        return self.name("articles.enriched")

    @property
    def duplicates(self) -> str:
        return self.name("articles.duplicates")

    @property
    def dlq(self) -> str:
        return self.name("articles.dlq")

    def all(self) -> list[str]:
        return [self.raw, self.enriched, self.duplicates, self.dlq]


class DedupSettings(_Frozen):
    """MinHash over word shingles of the normalized text (docs/ARCHITECTURE.md, Deduplication).

    Two-word shingles: on wire copy edited by updates, added or dropped paragraphs
    and headline changes they keep the Jaccard of true near duplicates above 0.8
    more often than three-word shingles, while different stories (even from the
    same place and day) stay below 0.1. 42 bands of 3 rows make a pair at
    Jaccard 0.5 a candidate with probability 0.996 (0.87 with 32 bands of 4).

    256 values estimate a Jaccard near the 0.8 line within a standard deviation of
    about 0.021 (0.029 with 128): an update of a story at a true 0.835 falls under
    the line about one time in 25 rather than one in 8. The bands use the first
    `bands * band_rows` values. `num_perm` is part of the stored state: signatures
    of another length never match, so changing it starts the window afresh."""

    window_seconds: int = 7 * 24 * 3600
    near_threshold: float = 0.8
    related_threshold: float = 0.5
    num_perm: int = 256
    shingle_size: int = 2
    bands: int = 42
    band_rows: int = 3


class StorySettings(_Frozen):
    """Stories across agencies (docs/ARCHITECTURE.md, Stories): an article joins a
    story one of whose members it reports the same event as, within `window_seconds`
    of it by `firstcreated`, when their shared evidence (people, organisations,
    places, numbers, rare words, weighted by rarity among the window's stories)
    reaches `threshold`. The state lives one window after its last write.
    Off unless `enabled`: linking, decided per group of articles, still takes more
    CPU per article than the rest of enrichment (bench/RESULTS.md, Stories per
    group); without it an article's story is the one dedup gives it."""

    enabled: bool = False
    window_seconds: int = 48 * 3600
    threshold: float = 7.0


class StackSettings(_Frozen):
    """Where `python -m devstack stack up` keeps its servers when it has to start them."""

    run_dir: Path = Path("run")
    cache_dir: Path = Path.home() / ".cache" / "newswire"
    kafka_version: str = "4.1.1"
    kafka_port: int = 19092
    kafka_controller_port: int = 19093
    kafka_cluster_base_port: int = 19192
    redis_port: int = 16379
    postgres_port: int = 15432
    prometheus_port: int = 19090
    prometheus_config: Path = Path("ops/prometheus/prometheus.yml")
    postgres_bin_dir: Path = Path("/usr/lib/postgresql/15/bin")
    kafka_heap: str = "512m"
    start_timeout_seconds: float = 120.0
    secure: bool = False
    """Also start the secured listeners (`stack up --secure`): Kafka SASL_SSL, SSL
    with client certificates and SASL_PLAINTEXT, Redis TLS with an ACL user,
    PostgreSQL with `ssl=on`; the plaintext ones stay."""
    kafka_sasl_ssl_port: int = 19094
    kafka_ssl_port: int = 19095
    kafka_sasl_plaintext_port: int = 19096
    redis_tls_port: int = 16380
    secure_user: str = Field(default="newswire", pattern=r"^[A-Za-z0-9_-]+$")
    """The user of the secured servers (SASL, Redis ACL, PostgreSQL role)."""
    secure_password: SecretStr | None = None
    """Its password; unset: one generated at the first `stack up --secure`, kept
    (mode 0600) under the run directory."""

    @field_validator("secure_password")
    @classmethod
    def _password_chars(cls, value: SecretStr | None) -> SecretStr | None:
        """It goes into JAAS, Redis ACL and URL syntax unescaped."""
        if value is not None and not all(
            c.isascii() and (c.isalnum() or c in "_-") for c in value.get_secret_value()
        ):
            raise ValueError("may hold only letters, digits, '_' and '-'")
        return value


class WorkerSettings(_Frozen):
    """How a consumer worker holds its partitions and waits out an outage.

    A member that stops heartbeating (killed, frozen) is dropped from its group
    after `session_timeout_seconds`, and a survivor rejoins within a heartbeat:
    its partitions are served again within about 10 s (the broker accepts 6 s
    and up by default, `group.min.session.timeout.ms`). Heartbeats come from a
    task of the worker's event loop, so a batch must never hold the loop for
    that long: blocking work runs on threads."""

    session_timeout_seconds: float = 6.0
    heartbeat_interval_seconds: float = 1.0
    retry_first_seconds: float = 0.2
    """The first pause of a stage after a dependency fails; it doubles each attempt."""
    retry_max_seconds: float = 10.0
    """The longest pause between two attempts, for as long as the outage lasts."""
    send_timeout_seconds: float = 30.0
    """How long Kafka may take to acknowledge a message before the stage retries it."""


class ApiSettings(_Frozen):
    """`newswire serve`: the read API and the live dashboard."""

    host: str = "127.0.0.1"
    port: int = 8090
    token: SecretStr | None = None
    """Bearer token every request but `/health` must carry; unset: no token asked."""
    prometheus_url: str | None = None
    """The dashboard reads this Prometheus's HTTP API; unset: the workers' /metrics."""


class MetricsPorts(_Frozen):
    produce: int = 9101
    enrich: int = 9102
    store: int = 9103
    enrich_web: int = 6067
    store_web: int = 6068


ENV_PREFIX = "NEWSWIRE_"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_nested_delimiter="__", frozen=True, extra="ignore"
    )

    kafka_bootstrap: str = "127.0.0.1:19092"
    kafka_security: KafkaSecurity = Field(default_factory=KafkaSecurity)
    redis_url: SecretStr = SecretStr("redis://127.0.0.1:16379/0")
    """`redis://` or `rediss://` (TLS); an ACL user as `redis://user:password@host`."""
    redis_tls: RedisTls = Field(default_factory=RedisTls)
    redis_prefix: str = "newswire:"
    """Prepended to every Redis key, so that several pipelines can share one Redis."""
    database_url: SecretStr | None = None
    database_tls: DatabaseTls = Field(default_factory=DatabaseTls)
    data_dir: Path = Path("data")
    """Where the workers keep what they write (Faust's own state under `faust/`);
    with `sqlite_path` and `stack.run_dir`, the only paths newswire writes to."""
    sqlite_path: Path = Path("data/newswire.db")
    topics: TopicSettings = Field(default_factory=TopicSettings)
    dedup: DedupSettings = Field(default_factory=DedupSettings)
    stories: StorySettings = Field(default_factory=StorySettings)
    stack: StackSettings = Field(default_factory=StackSettings)
    metrics: MetricsPorts = Field(default_factory=MetricsPorts)
    worker: WorkerSettings = Field(default_factory=WorkerSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)
    consumer_group_prefix: str = "newswire"
    cache_ttl_seconds: int = 24 * 3600
    max_item_bytes: int = 2 * 1024 * 1024
    enrich_batch_size: int = 200
    store_batch_size: int = 200
    batch_seconds: float = 0.2
    feeds_file: Path = Path("seeds/feeds.toml")
    log_level: str = "INFO"
    http_timeout_seconds: float = 30.0
    """Whole-request limit for one feed fetch (connect, headers and body)."""
    http_connect_timeout_seconds: float = 10.0
    feed_backoff_max_seconds: float = 900.0
    """Ceiling of the per-feed exponential backoff after failed polls."""
    feed_jitter_fraction: float = 0.1
    feed_seen_ttl_seconds: int = 30 * 24 * 3600
    """How long an item's guid, version and content hash are remembered."""
    user_agent: str = "newswire/0.1"
    listen_host: str = "127.0.0.1"
    listen_port: int = 8088
    push_token: SecretStr | None = None
    """Bearer token the push endpoint requires; without one it refuses every request."""
    gazetteer_path: Path | None = None

    def group(self, role: str) -> str:
        return f"{self.consumer_group_prefix}-{role}"

    @model_validator(mode="after")
    def _tls_where_used(self) -> Settings:
        redis_scheme = urlsplit(self.redis_url.get_secret_value()).scheme
        if self.redis_tls.configured and redis_scheme != "rediss":
            raise ValueError(
                "NEWSWIRE_REDIS_TLS__* is set but NEWSWIRE_REDIS_URL is not a rediss:// URL"
            )
        if self.database_tls.conninfo() and self.database_url is None:
            raise ValueError(
                "NEWSWIRE_DATABASE_TLS__* is set but NEWSWIRE_DATABASE_URL is not: "
                "TLS applies to PostgreSQL only"
            )
        return self
