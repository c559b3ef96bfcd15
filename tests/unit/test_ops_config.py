"""The operations files: Prometheus scrape config and alerts, the Grafana dashboard,
docker-compose.yml. Every query must use metrics that some process exports."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from faust.sensors.prometheus import FaustMetrics
from prometheus_client import REGISTRY, CollectorRegistry

import workers.metrics  # noqa: F401  (registers the newswire metrics)
from workers.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
PROM = ROOT / "ops" / "prometheus"
GRAFANA = ROOT / "ops" / "grafana"
DASHBOARD = GRAFANA / "dashboards" / "newswire.json"
COMPOSE = ROOT / "docker-compose.yml"
COMPOSE_SCHEMA = ROOT / "tests" / "data" / "compose-spec.json"

# Series Prometheus itself adds to every scrape.
PROMETHEUS_SERIES = {
    "up",
    "scrape_duration_seconds",
    "scrape_samples_scraped",
    "scrape_samples_post_metric_relabeling",
    "scrape_series_added",
}
PROMQL_KEYWORDS = {
    "by", "without", "on", "ignoring", "group_left", "group_right", "bool",
    "and", "or", "unless", "offset", "inf", "nan", "atan2",
    # aggregation operators may be followed by a grouping clause instead of "("
    "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values",
    "bottomk", "topk", "quantile", "limitk", "limit_ratio",
}  # fmt: skip
GRAFANA_VARIABLES = {"$__rate_interval": "1m", "$__interval": "1m", "$__range": "1h"}


def promtool() -> str:
    found = shutil.which("promtool")
    if found is None:
        pytest.fail(
            "promtool is missing: install Debian's prometheus package (apt-get install prometheus)"
        )
    return found


def run_promtool(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([promtool(), *args], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def exported_names() -> set[str]:
    """Every series name the processes can export: newswire's registry and Faust's sensors."""
    suffixes = {
        "counter": ("_total", "_created"),
        "gauge": ("",),
        "histogram": ("_bucket", "_count", "_sum", "_created"),
        "summary": ("", "_count", "_sum", "_created"),
        "info": ("_info",),
        "stateset": ("",),
        "unknown": ("",),
    }
    faust = CollectorRegistry()
    for role in ("enrich", "store"):
        # the workers' Faust sensors (setup_prometheus_sensors, prefix faust_<role>)
        FaustMetrics.create(faust, f"faust_{role}")
    names: set[str] = set()
    for family in [*REGISTRY.collect(), *faust.collect()]:
        names.update(family.name + s for s in suffixes.get(family.type, ("",)))
        names.update(sample.name for sample in family.samples)
    return names


def metric_names(expr: str) -> set[str]:
    """Metric names in a PromQL expression (strings, label matchers, grouping
    clauses, ranges and function names removed)."""
    for var, value in GRAFANA_VARIABLES.items():
        expr = expr.replace(var, value)
    expr = re.sub(r'"(?:\\.|[^"\\])*"', '""', expr)
    expr = re.sub(r"'(?:\\.|[^'\\])*'", "''", expr)
    expr = re.sub(r"\{[^}]*\}", "", expr)
    expr = re.sub(r"\[[^\]]*\]", "", expr)
    expr = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", r"\1", expr)
    names = set()
    for match in re.finditer(r"(?<![\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?", expr):
        word, call = match.group(1), match.group(2)
        if call or word.lower() in PROMQL_KEYWORDS:
            continue
        names.add(word)
    return names


def dashboard() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DASHBOARD.read_text())
    return data


def dashboard_exprs() -> list[str]:
    exprs = []
    for panel in dashboard()["panels"]:
        for target in panel.get("targets", []):
            exprs.append(target["expr"])
    return exprs


def alert_rules() -> list[dict[str, Any]]:
    data = yaml.safe_load((PROM / "alerts.yml").read_text())
    return [rule for group in data["groups"] for rule in group["rules"]]


# -- Prometheus -------------------------------------------------------------------


@pytest.mark.parametrize("config", ["prometheus.yml", "prometheus.docker.yml"])
def test_promtool_check_config(config: str) -> None:
    out = run_promtool("check", "config", str(PROM / config))
    assert "SUCCESS" in out.stdout + out.stderr


def test_promtool_check_rules() -> None:
    out = run_promtool("check", "rules", str(PROM / "alerts.yml"))
    assert "SUCCESS" in out.stdout + out.stderr


def test_alert_rules_fire_on_synthetic_series() -> None:
    run_promtool("test", "rules", str(PROM / "alerts.test.yml"))


def test_the_required_alerts_exist() -> None:
    rules = {rule["alert"]: rule for rule in alert_rules()}
    assert "deriv(newswire_consumer_lag" in rules["NewswireConsumerLagGrowing"]["expr"]
    assert rules["NewswireConsumerLagGrowing"]["for"] == "5m"
    assert "newswire_dlq_total" in rules["NewswireDeadLetterRateHigh"]["expr"]
    assert "2 * newswire_feed_poll_interval_seconds" in rules["NewswireFeedStale"]["expr"]
    for stalled in ("NewswireEnrichStalled", "NewswireStoreStalled"):
        assert "newswire_consumer_lag" in rules[stalled]["expr"]
    assert "newswire_stage_paused" in rules["NewswireStagePaused"]["expr"]
    assert rules["NewswireStagePaused"]["for"] == "1m"


def test_local_scrape_config_covers_every_process() -> None:
    config = yaml.safe_load((PROM / "prometheus.yml").read_text())
    targets = {
        job["job_name"]: [t for sc in job["static_configs"] for t in sc["targets"]]
        for job in config["scrape_configs"]
    }
    ports = Settings().metrics
    assert targets["newswire-produce"] == [f"127.0.0.1:{ports.produce}"]
    assert targets["newswire-enrich"] == [f"127.0.0.1:{ports.enrich}"]
    assert targets["newswire-store"] == [f"127.0.0.1:{ports.store}"]
    docker = yaml.safe_load((PROM / "prometheus.docker.yml").read_text())
    services = {
        job["job_name"]: (sd["names"], sd["port"])
        for job in docker["scrape_configs"]
        for sd in job.get("dns_sd_configs", [])
    }
    assert services == {
        "newswire-produce": (["producer"], ports.produce),
        "newswire-enrich": (["enrich"], ports.enrich),
        "newswire-store": (["store"], ports.store),
        "newswire-api": (["api"], Settings().api.port),
    }


# -- queries use exported metrics ---------------------------------------------------


def test_metric_name_extraction() -> None:
    expr = (
        'histogram_quantile(0.99, sum by (le, stage) (rate(a_bucket{x="y,z"}[5m]))) '
        "/ on (stage) group_left clamp_min(b_total offset 5m, 1e-9) and c > bool 2 * d"
    )
    assert metric_names(expr) == {"a_bucket", "b_total", "c", "d"}
    assert metric_names("sum(rate(x_total[$__rate_interval])) or on () vector(0)") == {"x_total"}


def test_every_query_parses(tmp_path: Path) -> None:
    """promtool parses each dashboard query, given as a recording rule."""
    rules = []
    for i, expr in enumerate(dashboard_exprs()):
        for var, value in GRAFANA_VARIABLES.items():
            expr = expr.replace(var, value)
        rules.append({"record": f"newswire:dashboard_query_{i}", "expr": expr})
    path = tmp_path / "dashboard_rules.yml"
    path.write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}))
    run_promtool("check", "rules", str(path))


def test_every_metric_in_dashboard_and_alerts_is_exported() -> None:
    known = exported_names() | PROMETHEUS_SERIES
    used: dict[str, set[str]] = {}
    for expr in dashboard_exprs():
        for name in metric_names(expr):
            used.setdefault(name, set()).add("dashboard")
    for rule in alert_rules():
        for name in metric_names(rule["expr"]):
            used.setdefault(name, set()).add(f"alert {rule['alert']}")
    assert "newswire_articles_total" in used and "newswire_consumer_lag" in used
    unknown = {name: sorted(where) for name, where in used.items() if name not in known}
    assert not unknown, f"not exported by any process: {unknown}"


def test_dashboard_covers_the_required_views() -> None:
    exprs = " ".join(dashboard_exprs())
    for needed in (
        "newswire_articles_total",
        "newswire_end_to_end_seconds_bucket",
        "newswire_consumer_lag",
        'outcome=~"duplicate|near_duplicate"',
        "newswire_dlq_total",
        "newswire_feed_last_success_timestamp_seconds",
        "newswire_feed_fetch_total",
        "newswire_stage_paused",
        "newswire_dependency_up",
    ):
        assert needed in exprs, needed
    quantiles = {
        match.group(1)
        for expr in dashboard_exprs()
        if "newswire_end_to_end_seconds_bucket" in expr
        for match in re.finditer(r"histogram_quantile\((0\.\d+),", expr)
    }
    assert len(quantiles) >= 3


def test_dashboard_panels_read_the_datasource_variable_defaulting_to_the_provisioned_one() -> None:
    datasources = yaml.safe_load(
        (GRAFANA / "provisioning" / "datasources" / "prometheus.yml").read_text()
    )["datasources"]
    uids = {ds["uid"] for ds in datasources}
    variables = {v["name"]: v for v in dashboard()["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource"
    assert variables["datasource"]["query"] == "prometheus"
    assert variables["datasource"]["current"]["value"] in uids
    for panel in dashboard()["panels"]:
        if panel["type"] == "row":
            continue
        assert panel["datasource"]["uid"] == "${datasource}", panel["title"]
        for target in panel["targets"]:
            assert target["datasource"]["uid"] == "${datasource}"
    ids = [panel["id"] for panel in dashboard()["panels"]]
    assert len(ids) == len(set(ids))


# -- docker-compose -----------------------------------------------------------------


def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return data


def test_compose_validates_against_the_compose_specification() -> None:
    schema = json.loads(COMPOSE_SCHEMA.read_text())
    jsonschema.Draft7Validator.check_schema(schema)
    errors = sorted(
        jsonschema.Draft7Validator(schema).iter_errors(compose()), key=lambda e: list(e.path)
    )
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_compose_declares_the_whole_stack() -> None:
    services = compose()["services"]
    assert set(services) >= {
        "kafka", "redis", "postgres", "prometheus", "grafana", "producer", "enrich", "store",
        "api",
    }  # fmt: skip
    assert services["kafka"]["image"].startswith("apache/kafka:4.")
    assert services["kafka"]["environment"]["KAFKA_PROCESS_ROLES"] == "broker,controller"
    commands = {name: services[name]["command"] for name in ("producer", "enrich", "store", "api")}
    assert commands == {
        "producer": ["produce", "--follow"],
        "enrich": ["worker", "enrich"],
        "store": ["worker", "store"],
        "api": ["serve"],
    }
    assert services["api"]["environment"]["NEWSWIRE_API__HOST"] == "0.0.0.0"


def test_enrichment_can_scale() -> None:
    enrich = compose()["services"]["enrich"]
    assert "container_name" not in enrich
    assert "ports" not in enrich


def test_compose_health_dependencies_and_volumes() -> None:
    data = compose()
    services = data["services"]
    for name, service in services.items():
        assert "healthcheck" in service, f"{name} has no healthcheck"
        for dep, spec in service.get("depends_on", {}).items():
            assert spec["condition"] in {"service_healthy", "service_completed_successfully"}
            assert "healthcheck" in services[dep]
    declared = set(data["volumes"])
    for name, service in services.items():
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0]
            if not source.startswith((".", "/")):
                assert source in declared, f"{name} uses undeclared volume {source}"


def test_compose_holds_no_secret() -> None:
    text = COMPOSE.read_text()
    for match in re.finditer(r"(?im)^\s*([A-Z_]*(PASSWORD|SECRET|TOKEN)[A-Z_]*):\s*(.+)$", text):
        value = match.group(3).strip().strip('"')
        assert value.startswith("${"), f"{match.group(1)} must come from the environment"
    for match in re.finditer(r"postgresql://[^@\s]*@", text):
        assert "${POSTGRES_PASSWORD" in match.group(0)


def test_grafana_mounts_match_provisioning() -> None:
    grafana = compose()["services"]["grafana"]
    mounts = dict(v.split(":")[:2] for v in grafana["volumes"] if v.startswith("./"))
    provider = yaml.safe_load(
        (GRAFANA / "provisioning" / "dashboards" / "newswire.yml").read_text()
    )["providers"][0]
    assert mounts["./ops/grafana/dashboards"] == provider["options"]["path"]
    assert mounts["./ops/grafana/provisioning"] == "/etc/grafana/provisioning"
