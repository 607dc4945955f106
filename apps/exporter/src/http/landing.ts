// The landing page at `/`: one row per key alias. Built only from non-secret fields (alias,
// client id, probe status, budget gauges, expiry), and every value is HTML-escaped.

export interface LandingRow {
  alias: string;
  clientId: string;
  up?: boolean;
  lastSuccessAt?: number;
  remaining?: number;
  limit?: number;
  resetAt?: number;
  expiresAt?: number;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const iso = (seconds: number | undefined): string => (seconds === undefined ? "—" : new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"));

function upCell(row: LandingRow): string {
  if (row.up === undefined) return "not probed yet";
  return row.up ? "up" : "DOWN";
}

export function renderLanding(rows: readonly LandingRow[], version: string): string {
  const body = rows
    .map((r) => {
      const budget = r.remaining === undefined ? "—" : `${r.remaining}${r.limit === undefined ? "" : ` / ${r.limit}`}`;
      const cells = [r.alias, r.clientId, upCell(r), iso(r.lastSuccessAt), budget, iso(r.resetAt), iso(r.expiresAt)];
      return `<tr>${cells.map((c) => `<td>${escapeHtml(String(c))}</td>`).join("")}</tr>`;
    })
    .join("\n");
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Minimo exporter</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}</style>
</head><body>
<h1>Minimo usage exporter</h1>
<p>Version ${escapeHtml(version)} · <a href="/metrics">/metrics</a> · <a href="/healthz">/healthz</a> · <a href="/readyz">/readyz</a></p>
<table>
<thead><tr><th>key</th><th>client id</th><th>probe</th><th>last success</th><th>remaining / limit</th><th>budget resets</th><th>expires</th></tr></thead>
<tbody>
${body}
</tbody></table>
</body></html>
`;
}
