"""The secured listeners of the stack's Kafka (`python -m devstack stack up --secure`):
SASL_SSL and SASL_PLAINTEXT with PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512, and SSL
that requires a client certificate, beside the plaintext listener. SCRAM users
are created with Kafka's own ConfigCommand once the broker answers."""

from __future__ import annotations

from devstack.stack import paths, secure
from devstack.stack.kafka import SecuredListeners, ensure_jars, ensure_java, jvm_args
from devstack.stack.process import Reporter, quiet, run_logged
from workers.settings import Settings

CONFIG_COMMAND_MAIN = "kafka.admin.ConfigCommand"
SCRAM_MECHANISMS = ("SCRAM-SHA-256", "SCRAM-SHA-512")
SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule required;"


def listeners(settings: Settings) -> SecuredListeners:
    """The listeners and their properties, the certificates in PEM files."""
    files = secure.certificates(settings)
    password = secure.password(settings)
    plain_login = (
        "org.apache.kafka.common.security.plain.PlainLoginModule required "
        f'user_{secure.user(settings)}="{password}";'
    )
    properties: dict[str, object] = {
        "sasl.enabled.mechanisms": ",".join(secure.SASL_MECHANISMS),
        "ssl.keystore.type": "PEM",
        "ssl.keystore.location": files.server_keystore,
        "ssl.truststore.type": "PEM",
        "ssl.truststore.location": files.ca,
        "listener.name.ssl.ssl.client.auth": "required",
    }
    for listener in ("sasl_ssl", "sasl_plaintext"):
        properties[f"listener.name.{listener}.plain.sasl.jaas.config"] = plain_login
        for mechanism in SCRAM_MECHANISMS:
            properties[f"listener.name.{listener}.{mechanism.lower()}.sasl.jaas.config"] = (
                SCRAM_LOGIN
            )
    stack = settings.stack
    return SecuredListeners(
        ports={
            "SASL_SSL": stack.kafka_sasl_ssl_port,
            "SSL": stack.kafka_ssl_port,
            "SASL_PLAINTEXT": stack.kafka_sasl_plaintext_port,
        },
        properties=properties,
    )


def create_scram_users(settings: Settings, report: Reporter = quiet) -> None:
    """Give the secured user its SCRAM credentials, through the plaintext listener:
    one mechanism per ConfigCommand run (given both in one file, the broker sees
    the user altered twice in one request). The password reaches ConfigCommand in
    a file (mode 0600, removed after), never on its command line."""
    conf_dir = paths.service_dir(settings, "kafka")
    credentials = conf_dir / "scram-credentials.properties"
    java = ensure_java(settings, report)
    classpath = jvm_args(ensure_jars(settings, report), conf_dir / "log4j2.properties")
    report("creating the SCRAM users with Kafka's ConfigCommand")
    try:
        for mechanism in SCRAM_MECHANISMS:
            secure.write_private(credentials, f"{mechanism}=password={secure.password(settings)}\n")
            run_logged(
                [
                    java,
                    "-XX:TieredStopAtLevel=1",
                    *classpath,
                    CONFIG_COMMAND_MAIN,
                    "--bootstrap-server",
                    f"{secure.HOST}:{settings.stack.kafka_port}",
                    "--alter",
                    "--add-config-file",
                    str(credentials),
                    "--entity-type",
                    "users",
                    "--entity-name",
                    secure.user(settings),
                ],
                log_path=conf_dir / "scram.log",
                what=f"kafka ConfigCommand (creating the {mechanism} user)",
            )
    finally:
        credentials.unlink(missing_ok=True)
