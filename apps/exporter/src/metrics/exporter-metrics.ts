import { codeLabel } from "@minimo/metrics";
import { Counter, Gauge, type Registry } from "prom-client";
import type { AttemptErrorReason } from "@minimo/client";
import type { KeyConfig } from "../config/types.js";
import * as N from "./names.js";

/** Every reason a probe call can end without a response; each is created at 0 for a probed key. */
const PROBE_ERROR_REASONS: readonly AttemptErrorReason[] = ["timeout", "network", "aborted"];

type InfoLabel = "key" | "client_id" | "owner" | "environment";

/** The exporter's own families (beside @minimo/metrics'), in the caller's registry. */
export class ExporterMetrics {
  readonly unknownKeyRequests: Counter<"code">;
  readonly up: Gauge<"key">;
  readonly permitted: Gauge<"key" | "operation">;
  readonly probes: Counter<"key" | "code">;
  readonly probeErrors: Counter<"key" | "reason">;
  readonly probeDuration: Gauge<"key">;
  readonly lastSuccess: Gauge<"key">;
  readonly info: Gauge<InfoLabel>;
  readonly expiry: Gauge<"key">;
  readonly reloadSuccessful: Gauge;
  readonly reloadSuccessTimestamp: Gauge;
  readonly buildInfo: Gauge<"version">;
  /** Label sets written per key, so a removed key's series can all be dropped. */
  readonly #permittedOps = new Map<string, Set<string>>();
  readonly #infoLabels = new Map<string, Record<InfoLabel, string>>();
  readonly #probeCodes = new Map<string, Set<string>>();

  constructor(registry: Registry, version: string) {
    const registers = [registry];
    this.unknownKeyRequests = new Counter({ name: N.GATEWAY_UNKNOWN_KEY_REQUESTS_TOTAL, help: N.GATEWAY_UNKNOWN_KEY_REQUESTS_TOTAL_HELP, labelNames: ["code"], registers });
    this.up = new Gauge({ name: N.KEY_UP, help: N.KEY_UP_HELP, labelNames: ["key"], registers });
    this.permitted = new Gauge({ name: N.KEY_PERMITTED, help: N.KEY_PERMITTED_HELP, labelNames: ["key", "operation"], registers });
    this.probes = new Counter({ name: N.KEY_PROBES_TOTAL, help: N.KEY_PROBES_TOTAL_HELP, labelNames: ["key", "code"], registers });
    this.probeErrors = new Counter({ name: N.KEY_PROBE_ERRORS_TOTAL, help: N.KEY_PROBE_ERRORS_TOTAL_HELP, labelNames: ["key", "reason"], registers });
    this.probeDuration = new Gauge({ name: N.KEY_PROBE_DURATION_SECONDS, help: N.KEY_PROBE_DURATION_SECONDS_HELP, labelNames: ["key"], registers });
    this.lastSuccess = new Gauge({ name: N.KEY_LAST_SUCCESS_TIMESTAMP_SECONDS, help: N.KEY_LAST_SUCCESS_TIMESTAMP_SECONDS_HELP, labelNames: ["key"], registers });
    this.info = new Gauge({ name: N.KEY_INFO, help: N.KEY_INFO_HELP, labelNames: ["key", "client_id", "owner", "environment"], registers });
    this.expiry = new Gauge({ name: N.KEY_EXPIRY_TIMESTAMP_SECONDS, help: N.KEY_EXPIRY_TIMESTAMP_SECONDS_HELP, labelNames: ["key"], registers });
    this.reloadSuccessful = new Gauge({ name: N.CONFIG_LAST_RELOAD_SUCCESSFUL, help: N.CONFIG_LAST_RELOAD_SUCCESSFUL_HELP, registers });
    this.reloadSuccessTimestamp = new Gauge({ name: N.CONFIG_LAST_RELOAD_SUCCESS_TIMESTAMP_SECONDS, help: N.CONFIG_LAST_RELOAD_SUCCESS_TIMESTAMP_SECONDS_HELP, registers });
    this.buildInfo = new Gauge({ name: N.BUILD_INFO, help: N.BUILD_INFO_HELP, labelNames: ["version"], registers });
    this.buildInfo.set({ version }, 1);
    // Pre-created so rate() and alerts see the first unknown-key request.
    for (const code of ["401"]) this.unknownKeyRequests.inc({ code }, 0);
  }

  /** Sets the static per-key series (info, expiry) for a configured key. */
  describeKey(key: KeyConfig): void {
    // owner and environment (the key inventory) let Alertmanager route a key's alerts to its owner.
    const labels = { key: key.name, client_id: key.clientId, owner: key.inventory?.owner ?? "", environment: key.inventory?.environment ?? "" };
    const previous = this.#infoLabels.get(key.name);
    if (previous !== undefined) this.info.remove(previous);
    this.#infoLabels.set(key.name, labels);
    this.info.set(labels, 1);
    if (key.expiresAt !== undefined) this.expiry.set({ key: key.name }, key.expiresAt);
    else this.expiry.remove({ key: key.name });
  }

  /**
   * Creates the probe counters of a key that is probed at 0 (401, and every error reason), so
   * rate() and alerts see its first rejected or failed probe.
   */
  probedKey(alias: string): void {
    this.probeResponse(alias, 401, 0);
    for (const reason of PROBE_ERROR_REASONS) this.probeErrors.inc({ key: alias, reason }, 0);
  }

  /** Counts one probe call answered with `status` (`by` 0 only creates the series). */
  probeResponse(alias: string, status: number, by = 1): void {
    const code = codeLabel(status); // the same bounded values as minimo_api_requests_total's `code`
    let codes = this.#probeCodes.get(alias);
    if (!codes) this.#probeCodes.set(alias, (codes = new Set()));
    codes.add(code);
    this.probes.inc({ key: alias, code }, by);
  }

  /** Counts one probe call that got no response. */
  probeError(alias: string, reason: AttemptErrorReason): void {
    this.probeErrors.inc({ key: alias, reason: PROBE_ERROR_REASONS.includes(reason) ? reason : "network" });
  }

  setPermitted(alias: string, operation: string, value: 0 | 1): void {
    let ops = this.#permittedOps.get(alias);
    if (!ops) this.#permittedOps.set(alias, (ops = new Set()));
    ops.add(operation);
    this.permitted.set({ key: alias, operation }, value);
  }

  /** Drops the permitted series of operations no longer probed for `alias`. */
  keepPermitted(alias: string, operations: readonly string[]): void {
    const ops = this.#permittedOps.get(alias);
    if (!ops) return;
    for (const op of [...ops]) {
      if (!operations.includes(op)) {
        this.permitted.remove({ key: alias, operation: op });
        ops.delete(op);
      }
    }
  }

  /** Removes the probe series of a key (its probed facts no longer apply). */
  forgetProbes(alias: string): void {
    for (const gauge of [this.up, this.probeDuration, this.lastSuccess]) gauge.remove({ key: alias });
    this.keepPermitted(alias, []);
    this.#permittedOps.delete(alias);
  }

  /** Removes every series of a key that left the config. */
  forgetKey(alias: string): void {
    this.forgetProbes(alias);
    for (const code of this.#probeCodes.get(alias) ?? []) this.probes.remove({ key: alias, code });
    this.#probeCodes.delete(alias);
    for (const reason of PROBE_ERROR_REASONS) this.probeErrors.remove({ key: alias, reason });
    this.expiry.remove({ key: alias });
    const labels = this.#infoLabels.get(alias);
    if (labels !== undefined) this.info.remove(labels);
    this.#infoLabels.delete(alias);
  }

  reloaded(ok: boolean, nowSeconds = Date.now() / 1000): void {
    this.reloadSuccessful.set(ok ? 1 : 0);
    if (ok) this.reloadSuccessTimestamp.set(nowSeconds);
  }
}
