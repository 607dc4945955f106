// The key table's rows and summary as HTML, from /api/keys' answer. One source for both the
// server (the first paint of `/`, so a page without JavaScript or a headless screenshot shows the
// keys) and the browser script (every refresh), which gets this function's own text
// (`keyTableView.toString()`): it must therefore close over nothing outside itself. Everything
// from the API goes through `esc` or `fmt` before it meets the HTML.
import type { ApiKey } from "../api.js";

export interface KeyTableView {
  /** Status order, most severe first. */
  SEVERITY: Record<string, number>;
  /** Comparators per sortable column (`data-sort`). */
  SORTS: Record<string, (a: ApiKey, b: ApiKey) => number>;
  fmt(n: number): string;
  ago(iso: string | null): string;
  /** "resets in 40 s", or "window reset" once that time has passed. */
  resetText(iso: string): string;
  row(k: ApiKey): string;
  /** "5 keys: 3 rejected, 2 ok", plus " · N shown" when a filter hides some. */
  summary(all: ApiKey[], shown: number): string;
}

/** @param esc HTML-escapes any value (the caller's, so server and browser escape alike). */
export function keyTableView(esc: (v: unknown) => string): KeyTableView {
  var SEVERITY: Record<string, number> = { rejected: 0, "rate-limited": 1, down: 2, expiring: 3, ok: 4 };
  function fmt(n: number) {
    return Number(n).toLocaleString("en-US");
  }
  function perMin(rate: number) {
    var v = rate * 60;
    return v === 0 ? "0" : v < 10 ? v.toFixed(1) : fmt(Math.round(v));
  }
  function ago(iso: string | null) {
    if (!iso) return "never";
    var s = Math.round((Date.now() - Date.parse(iso)) / 1000);
    return s < 90 ? s + " s ago" : s < 5400 ? Math.round(s / 60) + " min ago" : Math.round(s / 3600) + " h ago";
  }
  function duration(s: number) {
    s = Math.max(0, Math.round(s));
    return s < 90 ? s + " s" : s < 5400 ? Math.round(s / 60) + " min" : Math.round(s / 3600) + " h";
  }
  function resetText(iso: string) {
    var s = (Date.parse(iso) - Date.now()) / 1000;
    return s > 0 ? "resets in " + duration(s) : "window reset";
  }
  function sum(a: number[]) {
    var n = 0;
    for (var i = 0; i < a.length; i++) n += a[i]!;
    return n;
  }

  function spark(series: number[][], cls: string[], label: string) {
    var w = 120,
      h = 26,
      max = 1,
      i,
      j;
    for (i = 0; i < series.length; i++) for (j = 0; j < series[i]!.length; j++) if (series[i]![j]! > max) max = series[i]![j]!;
    var lines = series
      .map(function (points, k) {
        var step = w / (points.length - 1);
        var pts = points.map(function (v, x) {
          return (x * step).toFixed(1) + "," + (h - 1 - (v / max) * (h - 3)).toFixed(1);
        });
        return '<polyline class="' + cls[k] + '" points="' + pts.join(" ") + '"></polyline>';
      })
      .join("");
    return (
      '<svg class="spark" width="' +
      w +
      '" height="' +
      h +
      '" viewBox="0 0 ' +
      w +
      " " +
      h +
      '" preserveAspectRatio="none" role="img" aria-label="' +
      esc(label) +
      '"><title>' +
      esc(label) +
      "</title>" +
      '<line class="base" x1="0" y1="' +
      (h - 0.5) +
      '" x2="' +
      w +
      '" y2="' +
      (h - 0.5) +
      '"></line>' +
      lines +
      "</svg>"
    );
  }

  function budgetCell(b: ApiKey["budget"]) {
    if (!b || b.limit === null) return '<span class="muted" title="The budget comes only from answers in which Minimo accepted the key">no accepted answer yet</span>';
    var left = b.remaining,
      pct = b.limit > 0 ? Math.round((left / b.limit) * 100) : 0;
    var text = fmt(left) + " / " + fmt(b.limit) + " left";
    // A window that has reset without a new answer: the API already shows it full.
    var reset = b.windowReset
      ? '<span class="reset">window reset</span>'
      : b.resetAt
        ? '<span class="reset" data-reset-at="' + esc(b.resetAt) + '">' + esc(resetText(b.resetAt)) + "</span>"
        : "";
    return (
      '<div class="bar' +
      (pct <= 10 ? " low" : "") +
      '" role="img" aria-label="' +
      esc(text) +
      '"><span style="width:' +
      Math.max(0, Math.min(100, pct)) +
      '%"></span></div>' +
      '<span class="budget-text">' +
      esc(text) +
      (reset ? " · " + reset : "") +
      "</span>"
    );
  }
  function expiryCell(k: ApiKey) {
    if (k.daysToExpiry === null || k.expiresAt === null) return '<span class="muted">not set</span>';
    var d = k.daysToExpiry,
      day = esc(k.expiresAt.slice(0, 10));
    if (d < 0) return '<span class="bad">expired ' + fmt(-d) + (d === -1 ? " day" : " days") + ' ago</span><br><span class="muted">' + day + "</span>";
    return (d === 0 ? "today" : "in " + fmt(d) + (d === 1 ? " day" : " days")) + '<br><span class="muted">' + day + "</span>";
  }
  function probeCell(p: ApiKey["probe"]) {
    if (p.state === "disabled") return '<span class="muted">probes off</span>';
    if (p.state === "pending") return '<span class="muted">first probe pending</span>';
    return (p.state === "up" ? "up" : '<span class="bad">down</span>') + '<br><span class="muted">last ok ' + esc(ago(p.lastSuccessAt)) + "</span>";
  }
  // Findings arrive most severe first; accepted ones are shown struck through.
  function findingsCell(k: ApiKey) {
    var f = k.findings || [];
    if (f.length === 0) return '<span class="muted">none</span>';
    return f
      .map(function (x) {
        return '<span class="chip f-' + esc(x.severity) + (x.accepted ? " accepted" : "") + '" title="' + esc(x.summary) + '">' + esc(x.finding) + "</span>";
      })
      .join(" ");
  }
  function row(k: ApiKey) {
    var m = k.perMinute;
    var reqLabel = "Requests, last hour: " + fmt(sum(m.requests)) + " (peak " + fmt(Math.max.apply(null, m.requests)) + " per minute)";
    var errLabel = "Last hour: " + fmt(sum(m.unauthorized)) + " 401, " + fmt(sum(m.forbidden)) + " 403, " + fmt(sum(m.rateLimited)) + " 429";
    var over = k.rateWindowSeconds.m5 < 300 ? "over the " + Math.round(k.rateWindowSeconds.m5) + " s counted so far" : "over the last 5 minutes";
    return (
      '<tr data-alias="' +
      esc(k.alias) +
      '" data-status="' +
      esc(k.status) +
      '">' +
      '<th scope="row"><span class="alias">' +
      esc(k.alias) +
      '</span><br><span class="client">' +
      (k.configured ? "client " + esc(k.clientId) : "keys not configured") +
      "</span></th>" +
      '<td><span class="badge s-' +
      esc(k.status) +
      '">' +
      esc(k.status) +
      '</span><span class="reasons">' +
      esc(k.reasons.join("; ")) +
      "</span></td>" +
      '<td class="num">' +
      fmt(k.totals.requests) +
      '<br><span class="muted" title="' +
      esc("Requests per minute " + over) +
      '">' +
      perMin(k.rates.m5.requests) +
      "/min</span></td>" +
      '<td class="num" data-col="401">' +
      fmt(k.totals.unauthorized) +
      "</td>" +
      '<td class="num" data-col="403">' +
      fmt(k.totals.forbidden) +
      "</td>" +
      '<td class="num" data-col="429">' +
      fmt(k.totals.rateLimited) +
      "</td>" +
      '<td class="num" data-col="410">' +
      fmt(k.totals.gone) +
      "</td>" +
      "<td>" +
      spark([m.requests], ["req"], reqLabel) +
      "</td>" +
      "<td>" +
      spark([m.unauthorized, m.forbidden, m.rateLimited], ["u401", "f403", "l429"], errLabel) +
      "</td>" +
      '<td class="budget">' +
      budgetCell(k.budget) +
      "</td>" +
      '<td class="wrap">' +
      expiryCell(k) +
      "</td>" +
      '<td class="wrap">' +
      probeCell(k.probe) +
      "</td>" +
      '<td class="wrap" data-col="findings">' +
      findingsCell(k) +
      "</td></tr>"
    );
  }

  function ratio(k: ApiKey) {
    return k.budget && k.budget.limit ? k.budget.remaining / k.budget.limit : 2;
  }
  var FINDING_RANK: Record<string, number> = { critical: 3, warning: 2, info: 1 };
  function worst(k: ApiKey) {
    var f = (k.findings || []).filter(function (x) {
      return !x.accepted;
    });
    return f.length ? FINDING_RANK[f[0]!.severity]! : 0;
  }
  function days(k: ApiKey) {
    return k.daysToExpiry === null ? Infinity : k.daysToExpiry;
  }
  var SORTS: Record<string, (a: ApiKey, b: ApiKey) => number> = {
    alias: function (a, b) {
      return a.alias.localeCompare(b.alias);
    },
    status: function (a, b) {
      return SEVERITY[a.status]! - SEVERITY[b.status]! || a.alias.localeCompare(b.alias);
    },
    requests: function (a, b) {
      return b.totals.requests - a.totals.requests;
    },
    unauthorized: function (a, b) {
      return b.totals.unauthorized - a.totals.unauthorized;
    },
    forbidden: function (a, b) {
      return b.totals.forbidden - a.totals.forbidden;
    },
    rateLimited: function (a, b) {
      return b.totals.rateLimited - a.totals.rateLimited;
    },
    gone: function (a, b) {
      return b.totals.gone - a.totals.gone;
    },
    budget: function (a, b) {
      return ratio(a) - ratio(b);
    },
    expiry: function (a, b) {
      return days(a) - days(b);
    },
    findings: function (a, b) {
      return worst(b) - worst(a) || (b.findings || []).length - (a.findings || []).length;
    },
  };

  function summary(all: ApiKey[], shown: number) {
    var counts: Record<string, number> = {};
    all.forEach(function (k) {
      counts[k.status] = (counts[k.status] || 0) + 1;
    });
    return (
      all.length +
      " keys: " +
      Object.keys(SEVERITY)
        .filter(function (s) {
          return counts[s];
        })
        .map(function (s) {
          return counts[s] + " " + s;
        })
        .join(", ") +
      (shown !== all.length ? " · " + shown + " shown" : "")
    );
  }

  return { SEVERITY: SEVERITY, SORTS: SORTS, fmt: fmt, ago: ago, resetText: resetText, row: row, summary: summary };
}
