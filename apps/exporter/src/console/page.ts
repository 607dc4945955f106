// The console's page at `/`, with the key table already drawn from /api/keys' answer (so a page
// without JavaScript, or a headless screenshot, shows the keys); console.js redraws it every 5 s
// with the same view. Nothing here is secret, and every value is escaped.
import type { apiKeys, FleetStatus } from "./api.js";
import { keyTableView } from "./assets/view.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const view = keyTableView((v) => escapeHtml(String(v)));

const STATUSES = ["ok", "rejected", "rate-limited", "expiring", "down"];

const column = (label: string, sort?: string, num = false) =>
  `<th scope="col"${num ? ' class="num"' : ""}${sort ? ` data-sort="${sort}"` : ""}>${sort ? `<button type="button">${label}</button>` : label}</th>`;

/** What the numbers cover, with shared state (the script writes the same text on refresh). */
export function fleetLine(f: FleetStatus): string {
  return f.scope === "fleet"
    ? `replica ${f.replicaId} · fleet view: ${f.replicas} replica${f.replicas === 1 ? "" : "s"} answered`
    : `replica ${f.replicaId} · this replica only — shared state unavailable since ${(f.unavailableSince ?? "").slice(11, 19)} UTC`;
}

/** @param data /api/keys' answer, drawn into the table in the default order (status, then alias). */
export function renderConsolePage(version: string, data: Awaited<ReturnType<typeof apiKeys>>): string {
  const keys = [...data.keys].sort(view.SORTS.status);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Minimo key console</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="console.css">
<script src="console.js" defer></script>
</head>
<body>
<header>
<h1>Minimo key console</h1>
<p class="muted">minimo-exporter ${escapeHtml(version)} · <a href="metrics">/metrics</a> · <a href="api/keys">/api/keys</a> · <a href="healthz">/healthz</a> · <a href="readyz">/readyz</a></p>
</header>
<main>
${
  data.fleet
    ? `<p id="fleet" class="muted">${escapeHtml(fleetLine(data.fleet))}</p>
`
    : ""
}<p id="summary" role="status">${escapeHtml(view.summary(keys, keys.length))}</p>
<form id="controls" role="search" aria-label="Filter the keys">
<label for="filter">Filter</label>
<input id="filter" type="search" placeholder="alias, client id or status" autocomplete="off">
<label for="status-filter">Status</label>
<select id="status-filter"><option value="">any</option>${STATUSES.map((s) => `<option value="${s}">${s}</option>`).join("")}</select>
<label><input id="auto" type="checkbox" checked> refresh every 5 s</label>
<span id="updated" class="muted">Drawn at ${escapeHtml(data.generatedAt.slice(11, 19))} UTC</span>
</form>
<noscript><p>Without JavaScript the table is as it was when the page loaded: reload it, or read <a href="api/keys">/api/keys</a> or <a href="metrics">/metrics</a>.</p></noscript>
<div class="table-wrap">
<table id="keys">
<caption>Every configured key, from this exporter's own traffic counters (application traffic through the gateway; probes not counted). Rates are per minute over the last 5 minutes (or since the exporter started, when that is shorter). 410: calls to operations Minimo removed.</caption>
<thead><tr>
${column("Key", "alias")}${column("Status", "status")}${column("Requests", "requests", true)}${column("401", "unauthorized", true)}${column("403", "forbidden", true)}${column("429", "rateLimited", true)}${column("410", "gone", true)}
<th scope="col" class="spark-head">Requests, last hour</th><th scope="col" class="spark-head">401 / 403 / 429, last hour<br><span class="legend"><span class="k401">■ 401</span><span class="k403">■ 403</span><span class="k429">■ 429</span></span></th>
${column("Budget", "budget")}${column("Expiry", "expiry")}${column("Probe")}${column("Findings", "findings")}
</tr></thead>
<tbody id="rows">${keys.map(view.row).join("")}</tbody>
</table>
</div>
<p id="empty" hidden>No key matches the filter.</p>
<section aria-labelledby="findings-title">
<h2 id="findings-title">Key posture: findings and their evidence</h2>
<p class="muted">What is wrong with each key against Minimo's key advice, the evidence, and the fix. Silence one with <code>accept</code> in the key's config.</p>
<div id="findings"></div>
</section>
<section aria-labelledby="callers-title">
<h2 id="callers-title">Who is calling with a rejected key</h2>
<p class="muted">The heaviest callers per key that got 401 or 403 through the gateway: address (X-Forwarded-For only from <code>gateway.trusted_proxies</code>), User-Agent, counts. Never the key.</p>
<div id="callers"></div>
</section>
</main>
</body>
</html>
`;
}
