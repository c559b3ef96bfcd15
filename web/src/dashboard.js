// The live dashboard of `newswire serve`: reads its layout once from
// /dashboard/layout, then every few seconds the panels' series from
// /dashboard/data, and draws them: uPlot charts, state badges, tables.
"use strict";

const COLORS = [
  "#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed",
  "#0891b2", "#db2777", "#65a30d", "#475569", "#ea580c",
];
const CHART_HEIGHT = 220;

/** What the page holds, for people debugging it and for the browser test. */
const dashboard = { layout: null, reading: null, charts: {}, updates: 0, errors: [] };
window.newswireDashboard = dashboard;

function number(value, digits = 2) {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${(value / 1e3).toFixed(1)}k`;
  if (abs >= 100 || Number.isInteger(value)) return value.toFixed(0);
  return value.toFixed(digits);
}

function duration(seconds) {
  const abs = Math.abs(seconds);
  if (abs < 1) return `${(seconds * 1000).toFixed(abs < 0.01 ? 1 : 0)} ms`;
  if (abs < 120) return `${seconds.toFixed(1)} s`;
  if (abs < 7200) return `${(seconds / 60).toFixed(1)} min`;
  if (abs < 172800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

/** A value in one of the Grafana units the panels use. */
function format(unit, value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  switch (unit) {
    case "ops": return `${number(value)}/s`;
    case "s": return duration(value);
    case "percentunit": return `${(value * 100).toFixed(1)}%`;
    default: return number(value);
  }
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "class") node.className = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

function latest(values) {
  for (let i = values.length - 1; i >= 0; i -= 1) {
    if (values[i] !== null) return values[i];
  }
  return null;
}

function stateOf(panel, value) {
  return panel.states.find((state) => state.value === value)
    ?? { text: format(panel.unit, value), ok: value === 0 };
}

async function getJson(path) {
  const response = await fetch(path, { cache: "no-store" });
  if (!response.ok) throw new Error(`${path} answered HTTP ${response.status}`);
  return response.json();
}

function showErrors(errors) {
  dashboard.errors = errors;
  const box = document.getElementById("errors");
  box.replaceChildren(...errors.map((error) => element("p", {}, error)));
  box.hidden = errors.length === 0;
}

function buildLayout(layout) {
  document.getElementById("source").textContent =
    `${layout.detail} · every ${layout.refresh_seconds} s · rates over ${layout.rate_window_seconds} s`;
  const rows = layout.rows.map((row) => element(
    "section", { class: row.panels.every((p) => p.view === "badges") ? "row compact" : "row" },
    element("h2", {}, row.title),
    element("div", { class: "panels" }, ...row.panels.map((panel) => element(
      "article", { class: `panel ${panel.view}`, id: `panel-${panel.key}`, "data-key": panel.key },
      element("h3", {}, panel.title),
      element("p", { class: "description" }, panel.description),
      element("div", { class: "body" }),
    ))),
  ));
  document.getElementById("rows").replaceChildren(...rows);
}

/** The latest values in the legend while the cursor is off the chart. */
function showLatest(chart) {
  if (chart.cursor.idx !== null && chart.cursor.idx !== undefined) return;
  const cells = chart.root.querySelectorAll(".u-legend .u-series .u-value");
  cells.forEach((cell, i) => {
    cell.textContent = i === 0 ? "latest" : chart.series[i].value(chart, latest(chart.data[i]));
  });
}

function chartOptions(panel, series, width) {
  return {
    width,
    height: CHART_HEIGHT,
    scales: { x: { time: true } },
    hooks: { setLegend: [showLatest] },
    axes: [
      {},
      { size: 72, values: (u, splits) => splits.map((v) => format(panel.unit, v)) },
    ],
    series: [
      {},
      ...series.map((s, i) => ({
        label: s.name || panel.title,
        stroke: COLORS[i % COLORS.length],
        width: 2,
        spanGaps: false,
        value: (u, v) => format(panel.unit, v),
      })),
    ],
  };
}

/** The chart's data from its first value on: a pipeline started a minute ago
 * gets a minute-wide chart, not a sliver at the edge of the whole span. */
function chartData(times, series) {
  const first = Math.min(...series.map((s) => {
    const i = s.values.findIndex((v) => v !== null);
    return i < 0 ? times.length : i;
  }));
  return [times.slice(first), ...series.map((s) => s.values.slice(first))];
}

function drawChart(panel, body, times, series) {
  const previous = dashboard.charts[panel.key];
  const names = series.map((s) => s.name).join("\n");
  const data = chartData(times, series);
  if (series.length === 0 || data[0].length === 0) {
    previous?.destroy();
    delete dashboard.charts[panel.key];
    body.replaceChildren(element("p", { class: "empty" }, "No data yet."));
    return;
  }
  if (previous && previous.newswireNames === names) {
    previous.setData(data);
    showLatest(previous);
    return;
  }
  previous?.destroy();
  body.replaceChildren();
  const chart = new uPlot(chartOptions(panel, series, body.clientWidth), data, body);
  chart.newswireNames = names;
  dashboard.charts[panel.key] = chart;
  showLatest(chart);
}

function drawBadges(panel, body, series) {
  if (series.length === 0) {
    body.replaceChildren(element("p", { class: "empty" }, "None exported."));
    return;
  }
  body.replaceChildren(element("ul", { class: "badges" }, ...series.map((s) => {
    const value = latest(s.values);
    const state = value === null ? { text: "no data", ok: true } : stateOf(panel, value);
    return element(
      "li", { class: state.ok ? "badge ok" : "badge bad" },
      element("span", { class: "name" }, s.name), " ", element("strong", {}, state.text),
    );
  })));
}

function drawTable(panel, body, series) {
  const rows = new Map();
  for (const s of series) {
    const key = s.labels[panel.by] ?? s.name;
    if (!rows.has(key)) rows.set(key, new Array(panel.columns.length).fill(null));
    rows.get(key)[s.query] = latest(s.values);
  }
  if (rows.size === 0) {
    body.replaceChildren(element("p", { class: "empty" }, `No ${panel.by} exported.`));
    return;
  }
  const header = element(
    "tr", {}, element("th", {}, panel.by), ...panel.columns.map((c) => element("th", {}, c.title)),
    element("th", {}, "state"),
  );
  const lines = [...rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, values]) => {
    const failing = panel.columns.some(
      (c, i) => c.failing_above !== null && values[i] !== null && values[i] > c.failing_above,
    );
    return element(
      "tr", { class: failing ? "bad" : "ok" },
      element("td", {}, key),
      ...panel.columns.map((c, i) => element(
        "td", { class: "number" }, values[i] === null ? "never" : format(c.unit, values[i]),
      )),
      element("td", {}, failing ? "failing" : "ok"),
    );
  });
  body.replaceChildren(element("table", {}, element("thead", {}, header), element("tbody", {}, ...lines)));
}

function draw(reading) {
  const times = reading.times;
  for (const row of dashboard.layout.rows) {
    for (const panel of row.panels) {
      const body = document.querySelector(`#panel-${panel.key} .body`);
      const series = reading.panels[panel.key] ?? [];
      if (panel.view === "chart") drawChart(panel, body, times, series);
      else if (panel.view === "badges") drawBadges(panel, body, series);
      else drawTable(panel, body, series);
    }
  }
}

async function refresh() {
  try {
    const reading = await getJson("/dashboard/data");
    dashboard.reading = reading;
    draw(reading);
    dashboard.updates += 1;
    showErrors(reading.errors);
    document.getElementById("updated").textContent =
      `updated ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    showErrors([`cannot read the dashboard's data: ${error.message}`]);
  } finally {
    setTimeout(refresh, dashboard.layout.refresh_seconds * 1000);
  }
}

function resize() {
  for (const [key, chart] of Object.entries(dashboard.charts)) {
    const body = document.querySelector(`#panel-${key} .body`);
    chart.setSize({ width: body.clientWidth, height: CHART_HEIGHT });
  }
}

async function start() {
  try {
    dashboard.layout = await getJson("/dashboard/layout");
  } catch (error) {
    showErrors([`cannot read the dashboard's layout: ${error.message}`]);
    setTimeout(start, 5000);
    return;
  }
  buildLayout(dashboard.layout);
  window.addEventListener("resize", resize);
  await refresh();
}

start();
