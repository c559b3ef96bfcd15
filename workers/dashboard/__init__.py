"""The pipeline's dashboards: the panels and their PromQL, declared once
(`panels.py`), rendered as the Grafana dashboard in `ops/` (`grafana.py`) and
served live at `/dashboard` by `newswire serve` (`routes.py`), from Prometheus's
HTTP API or, without one, from the workers' own `/metrics`."""
