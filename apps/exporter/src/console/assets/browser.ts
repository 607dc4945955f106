// The console's browser code, served as /console.js: plain DOM code, no framework, nothing
// fetched but this listener's own /api. It is type-checked like the rest (the DOM library is in
// the shared tsconfig) and shipped as its own source text (`consoleBrowser.toString()`, as the
// row view is), so every build — tsc's dist/, tsx, vitest — serves what it compiled. It must
// therefore close over nothing outside itself: only types are imported, and everything it uses
// at run time is a browser global or its argument.
// Everything the API returns is inserted with textContent or escaped before it meets innerHTML.
import type { CallerTable } from "../../callers/types.js";
import type { KeyReport } from "../../posture/types.js";
import type { ApiKey, apiKeys } from "../api.js";
import type { keyTableView as KeyTableViewFactory } from "./view.js";

type KeysAnswer = Awaited<ReturnType<typeof apiKeys>>;

/** Runs in the page: draws the key table every refresh with the view the server drew it with. */
export function consoleBrowser(keyTableView: typeof KeyTableViewFactory): void {
  const REFRESH_MS = 5000;
  const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  function esc(v: unknown): string {
    return String(v).replace(/[&<>"']/g, (c) => ESC[c] ?? c);
  }
  // The rows are drawn by the same code the server used for the first paint.
  const view = keyTableView(esc);
  const { SORTS, fmt, ago } = view;
  const state = {
    data: null as KeysAnswer | null,
    sort: "status",
    dir: 1,
    callers: {} as Record<string, CallerTable>,
    findings: {} as Record<string, KeyReport>,
    timer: 0 as ReturnType<typeof setTimeout> | 0,
  };
  // The page's elements exist by id (page.ts); a missing one is a bug worth the exception.
  function $<T extends HTMLElement = HTMLElement>(id: string): T {
    return document.getElementById(id) as T;
  }

  function evidenceText(value: unknown): unknown {
    return typeof value === "object" && value !== null ? JSON.stringify(value) : value === null ? "—" : value;
  }

  function renderFindings(keys: ApiKey[]): void {
    const html = keys
      .filter((k) => state.findings[k.alias]?.findings.length)
      .slice(0, 25)
      .map((k) => {
        const r = state.findings[k.alias]!;
        const items = r.findings
          .map((f) => {
            const ev = Object.keys(f.evidence)
              .map((name) => "<dt>" + esc(name) + "</dt><dd>" + esc(evidenceText(f.evidence[name])) + "</dd>")
              .join("");
            const note = f.accepted
              ? '<p class="muted">Accepted until ' + esc(f.accepted.until) + ": " + esc(f.accepted.reason) + "</p>"
              : f.acceptanceExpired
                ? '<p class="bad">Acceptance expired ' + esc(f.acceptanceExpired.until) + ": " + esc(f.acceptanceExpired.reason) + "</p>"
                : "";
            return (
              '<li><span class="chip f-' +
              esc(f.severity) +
              '">' +
              esc(f.severity) +
              "</span> <strong>" +
              esc(f.finding) +
              "</strong>: " +
              esc(f.summary) +
              note +
              '<p class="fix">' +
              esc(f.fix) +
              '</p><dl class="evidence">' +
              ev +
              "</dl></li>"
            );
          })
          .join("");
        const pending = r.pending.map((p) => '<li class="muted">' + esc(p.finding) + ": " + esc(p.summary) + "</li>").join("");
        return (
          '<details class="posture" data-alias="' +
          esc(k.alias) +
          '"><summary>' +
          esc(k.alias) +
          " — " +
          r.findings.length +
          " finding(s)</summary><ul>" +
          items +
          pending +
          "</ul></details>"
        );
      })
      .join("");
    $("findings").innerHTML = html || '<p class="muted">No findings among the keys shown.</p>';
  }

  function visible(data: KeysAnswer): ApiKey[] {
    const q = $<HTMLInputElement>("filter").value.trim().toLowerCase();
    const status = $<HTMLSelectElement>("status-filter").value;
    return data.keys.filter((k) => {
      if (status && k.status !== status) return false;
      if (!q) return true;
      return (k.alias + " " + k.clientId + " " + k.status + " " + k.reasons.join(" ")).toLowerCase().indexOf(q) !== -1;
    });
  }

  function render(): void {
    if (!state.data) return;
    const sort = SORTS[state.sort]!;
    const keys = visible(state.data).sort((a, b) => sort(a, b) * state.dir);
    $("rows").innerHTML = keys.map(view.row).join("");
    const summary = view.summary(state.data.keys, keys.length);
    // A live region: written only when it changes, so a screen reader is not told every 5 s.
    if ($("summary").textContent !== summary) $("summary").textContent = summary;
    $("empty").hidden = keys.length !== 0;
    document.querySelectorAll("th[data-sort]").forEach((th) => {
      if (th.getAttribute("data-sort") === state.sort) th.setAttribute("aria-sort", state.dir === 1 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
    renderCallers(keys);
    renderFindings(keys);
  }

  function renderCallers(keys: ApiKey[]): void {
    const rejected = keys.filter((k) => k.callers > 0).slice(0, 25);
    const html = rejected
      .map((k) => {
        const t = state.callers[k.alias];
        if (!t) return "";
        const rows = t.callers
          .map(
            (c) =>
              '<tr><td class="ua">' +
              esc(c.address) +
              '</td><td class="ua">' +
              esc(c.userAgent) +
              "</td><td>" +
              (c.clientId ? esc(c.clientId) : '<span class="muted">—</span>') +
              '</td><td class="num">' +
              fmt(c.count) +
              (c.countError ? ' <span class="muted">(at least ' + fmt(c.count - c.countError) + ")</span>" : "") +
              '</td><td class="num">' +
              fmt(c.unauthorized) +
              '</td><td class="num">' +
              fmt(c.forbidden) +
              "</td><td>" +
              esc(c.lastOperation) +
              "</td><td>" +
              esc(ago(c.firstSeen)) +
              "</td><td>" +
              esc(ago(c.lastSeen)) +
              "</td></tr>",
          )
          .join("");
        return (
          '<table class="callers" data-alias="' +
          esc(k.alias) +
          '"><caption>Callers rejected with key <strong>' +
          esc(k.alias) +
          "</strong>" +
          (t.evictions > 0 ? " (top " + t.capacity + "; " + fmt(t.evictions) + " lighter callers not kept)" : "") +
          "</caption>" +
          '<thead><tr><th scope="col">address</th><th scope="col">User-Agent</th><th scope="col">client id presented</th><th scope="col" class="num">rejected</th><th scope="col" class="num">401</th><th scope="col" class="num">403</th><th scope="col">last operation</th><th scope="col">first seen</th><th scope="col">last seen</th></tr></thead><tbody>' +
          rows +
          "</tbody></table>"
        );
      })
      .join("");
    $("callers").innerHTML = html || '<p class="muted">No rejected callers among the keys shown.</p>';
  }

  function getJson<T>(path: string): Promise<T> {
    return fetch(path, { headers: { accept: "application/json" }, cache: "no-store" }).then((r) => {
      if (!r.ok) throw new Error(path + " answered " + r.status);
      return r.json() as Promise<T>;
    });
  }

  function refresh(): Promise<void> {
    clearTimeout(state.timer);
    return getJson<KeysAnswer>("api/keys")
      .then((data) => {
        state.data = data;
        const wanted = data.keys.filter((k) => k.callers > 0).slice(0, 25);
        const withFindings = data.keys.filter((k) => k.findings && k.findings.length > 0).slice(0, 25);
        return Promise.all(
          wanted
            .map((k) =>
              getJson<CallerTable>("api/keys/" + encodeURIComponent(k.alias) + "/callers").then(
                (t) => {
                  state.callers[k.alias] = t;
                },
                () => {},
              ),
            )
            .concat(
              withFindings.map((k) =>
                getJson<KeyReport>("api/keys/" + encodeURIComponent(k.alias) + "/findings").then(
                  (r) => {
                    state.findings[k.alias] = r;
                  },
                  () => {},
                ),
              ),
            ),
        );
      })
      .then(
        () => {
          render();
          const f = state.data?.fleet;
          const fleetLine = document.getElementById("fleet");
          if (f && fleetLine) {
            fleetLine.textContent =
              f.scope === "fleet"
                ? "replica " + f.replicaId + " · fleet view: " + f.replicas + " replica" + (f.replicas === 1 ? "" : "s") + " answered"
                : "replica " + f.replicaId + " · this replica only — shared state unavailable since " + String(f.unavailableSince || "").slice(11, 19) + " UTC";
          }
          $("updated").textContent = "Updated " + new Date().toLocaleTimeString("en-GB");
          $("updated").classList.remove("error");
        },
        (err: Error) => {
          $("updated").textContent = "Update failed (" + err.message + "); retrying";
          $("updated").classList.add("error");
        },
      )
      .then(() => {
        if ($<HTMLInputElement>("auto").checked) state.timer = setTimeout(refresh, REFRESH_MS);
      });
  }

  function tick(): void {
    document.querySelectorAll("[data-reset-at]").forEach((el) => {
      el.textContent = view.resetText(el.getAttribute("data-reset-at")!);
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("filter").addEventListener("input", render);
    $("status-filter").addEventListener("change", render);
    $("auto").addEventListener("change", () => {
      if ($<HTMLInputElement>("auto").checked) refresh();
      else clearTimeout(state.timer);
    });
    $("controls").addEventListener("submit", (e) => e.preventDefault());
    document.querySelectorAll("th[data-sort] button").forEach((b) => {
      b.addEventListener("click", () => {
        const key = b.parentElement!.getAttribute("data-sort")!;
        state.dir = state.sort === key ? -state.dir : 1;
        state.sort = key;
        render();
      });
    });
    setInterval(tick, 1000);
    refresh();
  });
}
