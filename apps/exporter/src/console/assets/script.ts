// The console's browser script, served as /console.js: plain DOM code, no framework, nothing
// fetched but this listener's own /api. Kept as a string module so every build ships it; it
// must contain no backtick and no dollar-brace (it lives inside a template literal).
// Everything the API returns is inserted with textContent or escaped before it meets innerHTML.
// The rows come from keyTableView, whose source text is passed in as the IIFE's argument.
import { keyTableView } from "./view.js";

const SCRIPT = String.raw`
"use strict";
(function () {
// esbuild's keepNames (tsx) wraps the view's named functions in __name(): a no-op here.
var __name = function (f) { return f; };
(function (keyTableView) {
  var REFRESH_MS = 5000;
  var ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  function esc(v) { return String(v).replace(/[&<>"']/g, function (c) { return ESC[c]; }); }
  // The rows are drawn by the same code the server used for the first paint.
  var view = keyTableView(esc);
  var SEVERITY = view.SEVERITY, SORTS = view.SORTS, fmt = view.fmt, ago = view.ago;
  var state = { data: null, sort: "status", dir: 1, callers: {}, findings: {}, timer: 0 };
  var $ = function (id) { return document.getElementById(id); };

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
    $("rows").innerHTML = keys.map(view.row).join("");
    var summary = view.summary(state.data.keys, keys.length);
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
        return "<tr><td class=\"ua\">" + esc(c.address) + "</td><td class=\"ua\">" + esc(c.userAgent) + "</td><td>" + (c.clientId ? esc(c.clientId) : '<span class="muted">—</span>') +
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
      var f = state.data.fleet;
      if (f && $("fleet")) {
        $("fleet").textContent = f.scope === "fleet"
          ? "replica " + f.replicaId + " · fleet view: " + f.replicas + " replica" + (f.replicas === 1 ? "" : "s") + " answered"
          : "replica " + f.replicaId + " · this replica only — shared state unavailable since " + String(f.unavailableSince || "").slice(11, 19) + " UTC";
      }
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
      el.textContent = view.resetText(el.getAttribute("data-reset-at"));
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
})(KEY_TABLE_VIEW);
})();
`;

export const CONSOLE_JS = SCRIPT.replace("KEY_TABLE_VIEW", () => keyTableView.toString());
