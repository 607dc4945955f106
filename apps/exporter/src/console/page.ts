// The console's HTML shell at `/`. The rows come from /api/keys (console.js); nothing here is
// secret, and the version string is escaped like everything else.
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const STATUSES = ["ok", "rejected", "rate-limited", "expiring", "down"];

const column = (label: string, sort?: string, num = false) =>
  `<th scope="col"${num ? ' class="num"' : ""}${sort ? ` data-sort="${sort}"` : ""}>${sort ? `<button type="button">${label}</button>` : label}</th>`;

export function renderConsolePage(version: string): string {
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
<p id="summary" role="status">Loading the keys…</p>
<form id="controls" role="search" aria-label="Filter the keys">
<label for="filter">Filter</label>
<input id="filter" type="search" placeholder="alias, client id or status" autocomplete="off">
<label for="status-filter">Status</label>
<select id="status-filter"><option value="">any</option>${STATUSES.map((s) => `<option value="${s}">${s}</option>`).join("")}</select>
<label><input id="auto" type="checkbox" checked> refresh every 5 s</label>
<span id="updated" class="muted"></span>
</form>
<noscript><p>This page draws itself with JavaScript from <a href="api/keys">/api/keys</a>; without it, read that JSON or <a href="metrics">/metrics</a>.</p></noscript>
<div class="table-wrap">
<table id="keys">
<caption>Every configured key, from this exporter's own traffic counters (application traffic through the gateway; probes not counted). Rates are per minute over the last 5 minutes.</caption>
<thead><tr>
${column("Key", "alias")}${column("Status", "status")}${column("Requests", "requests", true)}${column("401", "unauthorized", true)}${column("403", "forbidden", true)}${column("429", "rateLimited", true)}
${column("Requests, last hour")}<th scope="col">401 / 403 / 429, last hour<br><span class="legend"><span class="k401">■ 401</span><span class="k403">■ 403</span><span class="k429">■ 429</span></span></th>
${column("Budget", "budget")}${column("Expiry", "expiry")}${column("Probe")}${column("Findings", "findings")}
</tr></thead>
<tbody id="rows"></tbody>
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
