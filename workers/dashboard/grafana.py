"""The Grafana dashboard `ops/grafana/dashboards/newswire.json`, rendered from
`panels.py`. It is generated output: edit the panels, then

    .venv/bin/python -m workers.dashboard.grafana           # write it
    .venv/bin/python -m workers.dashboard.grafana --check   # exit 1 if it differs
"""

from __future__ import annotations

import json
import string
import sys
from pathlib import Path
from typing import Any

from workers.dashboard.panels import ROWS, Kind, Panel, Row, State

Json = dict[str, Any]

DASHBOARD_PATH = Path(__file__).resolve().parents[2] / "ops/grafana/dashboards/newswire.json"
DATASOURCE_UID = "newswire-prometheus"
"""The provisioned datasource (ops/grafana/provisioning/datasources/prometheus.yml),
the datasource variable's default."""
DATASOURCE = {"type": "prometheus", "uid": "${datasource}"}
HEIGHTS: dict[Kind, int] = {"timeseries": 8, "stat": 5, "table": 8}
GRID_COLUMNS = 24


def datasource_variable() -> Json:
    return {
        "name": "datasource",
        "label": "Prometheus",
        "type": "datasource",
        "query": "prometheus",
        "current": {"selected": False, "text": "Prometheus", "value": DATASOURCE_UID},
        "hide": 0,
        "includeAll": False,
        "multi": False,
        "options": [],
        "refresh": 1,
        "regex": "",
        "skipUrlSync": False,
    }


def mappings(states: tuple[State, ...]) -> list[Json]:
    if not states:
        return []
    options = {
        f"{state.value:g}": {
            "text": state.text,
            "color": "green" if state.ok else "red",
            "index": i,
        }
        for i, state in enumerate(states)
    }
    return [{"type": "value", "options": options}]


def ref_id(index: int) -> str:
    return string.ascii_uppercase[index]


def targets(panel: Panel) -> list[Json]:
    table = panel.kind == "table"
    return [
        {
            "refId": ref_id(i),
            "datasource": DATASOURCE,
            "expr": query.expr,
            "legendFormat": query.legend,
            "range": not table,
            "instant": table,
            **({"format": "table"} if table else {}),
        }
        for i, query in enumerate(panel.queries)
    ]


def table_parts(panel: Panel) -> Json:
    """Instant queries merged on the `by` label, one column per query."""
    columns = {f"Value #{ref_id(i)}": q.column for i, q in enumerate(panel.queries)}
    return {
        "transformations": [
            {"id": "merge", "options": {}},
            {
                "id": "organize",
                "options": {"excludeByName": {"Time": True}, "renameByName": columns},
            },
        ],
        "overrides": [
            {
                "matcher": {"id": "byName", "options": query.column},
                "properties": [{"id": "unit", "value": query.unit}],
            }
            for query in panel.queries
            if query.unit is not None
        ],
        "options": {"showHeader": True, "cellHeight": "sm"},
    }


def options(kind: Kind) -> Json:
    if kind == "stat":
        return {
            "reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
            "colorMode": "value",
            "graphMode": "area",
            "textMode": "auto",
        }
    return {
        "legend": {"displayMode": "table", "placement": "bottom", "calcs": ["lastNotNull", "max"]},
        "tooltip": {"mode": "multi", "sort": "desc"},
    }


def render_panel(panel: Panel, panel_id: int, x: int, y: int) -> Json:
    table = table_parts(panel) if panel.kind == "table" else None
    rendered: Json = {
        "id": panel_id,
        "type": panel.kind,
        "title": panel.title,
        "description": panel.description,
        "datasource": DATASOURCE,
        "gridPos": {"x": x, "y": y, "w": panel.width, "h": HEIGHTS[panel.kind]},
        "targets": targets(panel),
        "fieldConfig": {
            "defaults": {"unit": panel.unit, "mappings": mappings(panel.states)},
            "overrides": table["overrides"] if table else [],
        },
        "options": table["options"] if table else options(panel.kind),
    }
    if table:
        rendered["transformations"] = table["transformations"]
    return rendered


def render_rows(rows: tuple[Row, ...]) -> list[Json]:
    """Rows one under another, each row's panels left to right, wrapping at 24 columns."""
    rendered: list[Json] = []
    y = 0
    for row in rows:
        rendered.append(
            {
                "id": len(rendered) + 1,
                "type": "row",
                "title": row.title,
                "collapsed": False,
                "gridPos": {"x": 0, "y": y, "w": GRID_COLUMNS, "h": 1},
                "panels": [],
            }
        )
        y += 1
        x, line_height = 0, 0
        for panel in row.panels:
            if x + panel.width > GRID_COLUMNS:
                x, y, line_height = 0, y + line_height, 0
            rendered.append(render_panel(panel, len(rendered) + 1, x, y))
            x += panel.width
            line_height = max(line_height, HEIGHTS[panel.kind])
        y += line_height
    return rendered


def render(rows: tuple[Row, ...] = ROWS) -> Json:
    return {
        "uid": "newswire-pipeline",
        "title": "newswire pipeline",
        "description": "Generated from workers/dashboard/panels.py: edit the panels there, "
        "then run `python -m workers.dashboard.grafana`.",
        "tags": ["newswire"],
        "timezone": "utc",
        "schemaVersion": 39,
        "version": 1,
        "editable": False,
        "graphTooltip": 1,
        "refresh": "10s",
        "time": {"from": "now-1h", "to": "now"},
        "templating": {"list": [datasource_variable()]},
        "annotations": {"list": []},
        "panels": render_rows(rows),
    }


def text(rows: tuple[Row, ...] = ROWS) -> str:
    return json.dumps(render(rows), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    generated = text()
    if "--check" in argv:
        current = DASHBOARD_PATH.read_text() if DASHBOARD_PATH.exists() else ""
        if current != generated:
            print(f"{DASHBOARD_PATH} differs from workers/dashboard/panels.py: regenerate it")
            return 1
        return 0
    DASHBOARD_PATH.write_text(generated)
    print(f"wrote {DASHBOARD_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
