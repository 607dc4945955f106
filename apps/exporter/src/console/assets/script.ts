// The console's browser script, served as /console.js: plain DOM code, no framework, nothing
// fetched but this listener's own /api. Kept as a string module so every build ships it; it
// must contain no backtick and no dollar-brace (it lives inside a template literal).
// Everything the API returns is inserted with textContent or escaped before it meets innerHTML.
export const CONSOLE_JS = String.raw`
"use strict";
(function () {
  var REFRESH_MS = 5000;
  var SEVERITY = { rejected: 0, "rate-limited": 1, down: 2, expiring: 3, ok: 4 };
  var state = { data: null, sort: "status", dir: 1, callers: {}, findings: {}, timer: 0 };
  var $ = function (id) { return document.getElementById(id); };
  var ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  function esc(v) { return String(v).replace(/[&<>"']/g, function (c) { return ESC[c]; }); }
  function fmt(n) { return Number(n).toLocaleString("en-US"); }
  function perMin(rate) { var v = rate * 60; return v === 0 ? "0" : v < 10 ? v.toFixed(1) : fmt(Math.round(v)); }
  function ago(iso) {
    if (!iso) return "never";
    var s = Math.round((Date.now() - Date.parse(iso)) / 1000);
    return s < 90 ? s + " s ago" : s < 5400 ? Math.round(s / 60) + " min ago" : Math.round(s / 3600) + " h ago";
  }
  function duration(s) {
    s = Math.max(0, Math.round(s));
    return s < 90 ? s + " s" : s < 5400 ? Math.round(s / 60) + " min" : Math.round(s / 3600) + " h";
  }

  function spark(series, cls, label) {
    var w = 120, h = 26, max = 1, i, j;
    for (i = 0; i < series.length; i++) for (j = 0; j < series[i].length; j++) if (series[i][j] > max) max = series[i][j];
    var lines = series.map(function (points, k) {
      var step = w / (points.length - 1);
      var pts = points.map(function (v, x) { return (x * step).toFixed(1) + "," + (h - 1 - (v / max) * (h - 3)).toFixed(1); });
      return '<polyline class="' + cls[k] + '" points="' + pts.join(" ") + '"></polyline>';
    }).join("");
    return '<svg class="spark" width="' + w + '" height="' + h + '" viewBox="0 0 ' + w + " " + h + '" role="img" aria-label="' + esc(label) + '"><title>' + esc(label) + '</title>' +
      '<line class="base" x1="0" y1="' + (h - 0.5) + '" x2="' + w + '" y2="' + (h - 0.5) + '"></line>' + lines + "</svg>";
  }
  function sum(a) { var n = 0; for (var i = 0; i < a.length; i++) n += a[i]; return n; }

  function budgetCell(b) {
    if (!b || b.limit === null) return '<span class="muted" title="The budget comes only from answers in which Minimo accepted the key">no accepted answer yet</span>';
    var left = b.remaining, pct = b.limit > 0 ? Math.round((left / b.limit) * 100) : 0;
    var text = fmt(left) + " / " + fmt(b.limit) + " left";
    var reset = b.resetAt ? (b.windowReset ? " · window reset" : ' · resets in <span data-reset-at="' + esc(b.resetAt) + '">' + duration((Date.parse(b.resetAt) - Date.now()) / 1000) + "</span>") : "";
    return '<div class="bar' + (pct <= 10 ? " low" : "") + '" role="img" aria-label="' + esc(text) + '"><span style="width:' + pct + '%"></span></div>' +
      '<span class="budget-text">' + esc(text) + reset + "</span>";
  }
  function expiryCell(k) {
    if (k.daysToExpiry === null) return '<span class="muted">not set</span>';
    var d = k.daysToExpiry, day = k.expiresAt.slice(0, 10);
    if (d < 0) return '<span class="bad">expired ' + fmt(-d) + (d === -1 ? " day" : " days") + ' ago</span><br><span class="muted">' + day + "</span>";
    return (d === 0 ? "today" : "in " + fmt(d) + (d === 1 ? " day" : " days")) + '<br><span class="muted">' + day + "</span>";
  }
  function probeCell(p) {
    if (p.state === "disabled") return '<span class="muted">probes off</span>';
    if (p.state === "pending") return '<span class="muted">first probe pending</span>';
    return (p.state === "up" ? "up" : '<span class="bad">down</span>') + '<br><span class="muted">last ok ' + esc(ago(p.lastSuccessAt)) + "</span>";
  }
  // Findings arrive most severe first; accepted ones are shown struck through.
  function findingsCell(k) {
    var f = k.findings || [];
    if (f.length === 0) return '<span class="muted">none</span>';
    return f.map(function (x) {
      return '<span class="chip f-' + esc(x.severity) + (x.accepted ? " accepted" : "") + '" title="' + esc(x.summary) + '">' + esc(x.finding) + "</span>";
    }).join(" ");
  }
  function renderFindings(keys) {
    var html = keys.filter(function (k) { return state.findings[k.alias] && state.findings[k.alias].findings.length; }).slice(0, 25).map(function (k) {
      var r = state.findings[k.alias];
      var items = r.findings.map(function (f) {
        var ev = Object.keys(f.evidence).map(function (name) {
          return "<dt>" + esc(name) + "</dt><dd>" + esc(typeof f.evidence[name] === "object" && f.evidence[name] !== null ? JSON.stringify(f.evidence[name]) : f.evidence[name] === null ? "—" : f.evidence[name]) + "</dd>";
        }).join("");
        var note = f.accepted ? '<p class="muted">Accepted until ' + esc(f.accepted.until) + ": " + esc(f.accepted.reason) + "</p>" : f.acceptanceExpired ? '<p class="bad">Acceptance expired ' + esc(f.acceptanceExpired.until) + ": " + esc(f.acceptanceExpired.reason) + "</p>" : "";
        return '<li><span class="chip f-' + esc(f.severity) + '">' + esc(f.severity) + "</span> <strong>" + esc(f.finding) + "</strong>: " + esc(f.summary) + note +
          '<p class="fix">' + esc(f.fix) + '</p><dl class="evidence">' + ev + "</dl></li>";
      }).join("");
      var pending = r.pending.map(function (p) { return '<li class="muted">' + esc(p.finding) + ": " + esc(p.summary) + "</li>"; }).join("");
      return '<details class="posture" data-alias="' + esc(k.alias) + '"><summary>' + esc(k.alias) + " — " + r.findings.length + " finding(s)</summary><ul>" + items + pending + "</ul></details>";
    }).join("");
    $("findings").innerHTML = html || '<p class="muted">No findings among the keys shown.</p>';
  }

  function row(k) {
    var m = k.perMinute;
    var rejected = sum(m.unauthorized) + sum(m.forbidden);
    var reqLabel = "Requests, last hour: " + fmt(sum(m.requests)) + " (peak " + fmt(Math.max.apply(null, m.requests)) + " per minute)";
    var errLabel = "Last hour: " + fmt(sum(m.unauthorized)) + " 401, " + fmt(sum(m.forbidden)) + " 403, " + fmt(sum(m.rateLimited)) + " 429";
    return '<tr data-alias="' + esc(k.alias) + '" data-status="' + esc(k.status) + '">' +
      '<th scope="row"><span class="alias">' + esc(k.alias) + '</span><br><span class="client">' + (k.configured ? "client " + esc(k.clientId) : "keys not configured") + "</span></th>" +
      '<td><span class="badge s-' + esc(k.status) + '">' + esc(k.status) + '</span><span class="reasons">' + esc(k.reasons.join("; ")) + "</span></td>" +
      '<td class="num">' + fmt(k.totals.requests) + '<br><span class="muted">' + perMin(k.rates.m5.requests) + "/min</span></td>" +
      '<td class="num" data-col="401">' + fmt(k.totals.unauthorized) + "</td>" +
      '<td class="num" data-col="403">' + fmt(k.totals.forbidden) + "</td>" +
      '<td class="num" data-col="429">' + fmt(k.totals.rateLimited) + "</td>" +
      "<td>" + spark([m.requests], ["req"], reqLabel) + "</td>" +
      "<td>" + spark([m.unauthorized, m.forbidden, m.rateLimited], ["u401", "f403", "l429"], errLabel) + (rejected > 0 ? "" : "") + "</td>" +
      "<td>" + budgetCell(k.budget) + "</td>" +
      '<td class="wrap">' + expiryCell(k) + "</td>" +
      '<td class="wrap">' + probeCell(k.probe) + "</td>" +
      '<td class="wrap" data-col="findings">' + findingsCell(k) + "</td></tr>";
  }

  var SORTS = {
    alias: function (a, b) { return a.alias.localeCompare(b.alias); },
    status: function (a, b) { return SEVERITY[a.status] - SEVERITY[b.status] || a.alias.localeCompare(b.alias); },
    requests: function (a, b) { return b.totals.requests - a.totals.requests; },
    unauthorized: function (a, b) { return b.totals.unauthorized - a.totals.unauthorized; },
    forbidden: function (a, b) { return b.totals.forbidden - a.totals.forbidden; },
    rateLimited: function (a, b) { return b.totals.rateLimited - a.totals.rateLimited; },
    budget: function (a, b) { return ratio(a) - ratio(b); },
    expiry: function (a, b) { return days(a) - days(b); },
    findings: function (a, b) { return worst(b) - worst(a) || (b.findings || []).length - (a.findings || []).length; },
  };
  var FINDING_RANK = { critical: 3, warning: 2, info: 1 };
  function worst(k) { var f = (k.findings || []).filter(function (x) { return !x.accepted; }); return f.length ? FINDING_RANK[f[0].severity] : 0; }
  function ratio(k) { return k.budget && k.budget.limit ? k.budget.remaining / k.budget.limit : 2; }
  function days(k) { return k.daysToExpiry === null ? Infinity : k.daysToExpiry; }

  function visible() {
    var q = $("filter").value.trim().toLowerCase();
    var status = $("status-filter").value;
    return state.data.keys.filter(function (k) {
      if (status && k.status !== status) return false;
      if (!q) return true;
      return (k.alias + " " + k.clientId + " " + k.status + " " + k.reasons.join(" ")).toLowerCase().indexOf(q) !== -1;
    });
  }

  function render() {
    if (!state.data) return;
    var keys = visible().sort(function (a, b) { return SORTS[state.sort](a, b) * state.dir; });
    $("rows").innerHTML = keys.map(row).join("");
    var counts = {};
    state.data.keys.forEach(function (k) { counts[k.status] = (counts[k.status] || 0) + 1; });
    var summary = state.data.keys.length + " keys: " + Object.keys(SEVERITY).filter(function (s) { return counts[s]; })
      .map(function (s) { return counts[s] + " " + s; }).join(", ") + (keys.length !== state.data.keys.length ? " · " + keys.length + " shown" : "");
    // A live region: written only when it changes, so a screen reader is not told every 5 s.
    if ($("summary").textContent !== summary) $("summary").textContent = summary;
    $("empty").hidden = keys.length !== 0;
    document.querySelectorAll("th[data-sort]").forEach(function (th) {
      if (th.getAttribute("data-sort") === state.sort) th.setAttribute("aria-sort", state.dir === 1 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
    renderCallers(keys);
    renderFindings(keys);
  }

  function renderCallers(keys) {
    var rejected = keys.filter(function (k) { return k.callers > 0; }).slice(0, 25);
    var html = rejected.map(function (k) {
      var t = state.callers[k.alias];
      if (!t) return "";
      var rows = t.callers.map(function (c) {
        return "<tr><td>" + esc(c.address) + "</td><td>" + esc(c.userAgent) + "</td><td>" + (c.clientId ? esc(c.clientId) : '<span class="muted">—</span>') +
          '</td><td class="num">' + fmt(c.count) + (c.countError ? ' <span class="muted">(at least ' + fmt(c.count - c.countError) + ")</span>" : "") + '</td><td class="num">' + fmt(c.unauthorized) + '</td><td class="num">' + fmt(c.forbidden) +
          "</td><td>" + esc(c.lastOperation) + "</td><td>" + esc(ago(c.firstSeen)) + "</td><td>" + esc(ago(c.lastSeen)) + "</td></tr>";
      }).join("");
      return '<table class="callers" data-alias="' + esc(k.alias) + '"><caption>Callers rejected with key <strong>' + esc(k.alias) + "</strong>" +
        (t.evictions > 0 ? " (top " + t.capacity + "; " + fmt(t.evictions) + " lighter callers not kept)" : "") + "</caption>" +
        '<thead><tr><th scope="col">address</th><th scope="col">User-Agent</th><th scope="col">client id presented</th><th scope="col" class="num">rejected</th><th scope="col" class="num">401</th><th scope="col" class="num">403</th><th scope="col">last operation</th><th scope="col">first seen</th><th scope="col">last seen</th></tr></thead><tbody>' +
        rows + "</tbody></table>";
    }).join("");
    $("callers").innerHTML = html || '<p class="muted">No rejected callers among the keys shown.</p>';
  }

  function getJson(path) {
    return fetch(path, { headers: { accept: "application/json" }, cache: "no-store" }).then(function (r) {
      if (!r.ok) throw new Error(path + " answered " + r.status);
      return r.json();
    });
  }

  function refresh() {
    clearTimeout(state.timer);
    return getJson("api/keys").then(function (data) {
      state.data = data;
      var wanted = data.keys.filter(function (k) { return k.callers > 0; }).slice(0, 25);
      var withFindings = data.keys.filter(function (k) { return k.findings && k.findings.length > 0; }).slice(0, 25);
      return Promise.all(wanted.map(function (k) {
        return getJson("api/keys/" + encodeURIComponent(k.alias) + "/callers").then(function (t) { state.callers[k.alias] = t; }, function () {});
      }).concat(withFindings.map(function (k) {
        return getJson("api/keys/" + encodeURIComponent(k.alias) + "/findings").then(function (r) { state.findings[k.alias] = r; }, function () {});
      })));
    }).then(function () {
      render();
      $("updated").textContent = "Updated " + new Date().toLocaleTimeString("en-GB");
      $("updated").classList.remove("error");
    }, function (err) {
      $("updated").textContent = "Update failed (" + err.message + "); retrying";
      $("updated").classList.add("error");
    }).then(function () {
      if ($("auto").checked) state.timer = setTimeout(refresh, REFRESH_MS);
    });
  }

  function tick() {
    document.querySelectorAll("[data-reset-at]").forEach(function (el) {
      el.textContent = duration((Date.parse(el.getAttribute("data-reset-at")) - Date.now()) / 1000);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("filter").addEventListener("input", render);
    $("status-filter").addEventListener("change", render);
    $("auto").addEventListener("change", function () { if ($("auto").checked) refresh(); else clearTimeout(state.timer); });
    $("controls").addEventListener("submit", function (e) { e.preventDefault(); });
    document.querySelectorAll("th[data-sort] button").forEach(function (b) {
      b.addEventListener("click", function () {
        var key = b.parentElement.getAttribute("data-sort");
        state.dir = state.sort === key ? -state.dir : 1;
        state.sort = key;
        render();
      });
    });
    setInterval(tick, 1000);
    refresh();
  });
})();
`;
