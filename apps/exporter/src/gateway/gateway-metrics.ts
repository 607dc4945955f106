import { Counter, Gauge, type Registry } from "prom-client";
import * as N from "../metrics/names.js";
import { OWN_ANSWERS, type OwnReason } from "./own-answers.js";

/** The gateway's own families: its own answers, its connections and what is in flight. */
export class GatewayMetrics {
  readonly ownResponses: Counter<"code" | "reason">;
  readonly rejectedConnections: Counter;

  constructor(registry: Registry, live: { connections(): number; inFlight(): number }) {
    const registers = [registry];
    this.ownResponses = new Counter({ name: N.GATEWAY_OWN_RESPONSES_TOTAL, help: N.GATEWAY_OWN_RESPONSES_TOTAL_HELP, labelNames: ["code", "reason"], registers });
    this.rejectedConnections = new Counter({ name: N.GATEWAY_REJECTED_CONNECTIONS_TOTAL, help: N.GATEWAY_REJECTED_CONNECTIONS_TOTAL_HELP, registers });
    new Gauge({
      name: N.GATEWAY_OPEN_CONNECTIONS,
      help: N.GATEWAY_OPEN_CONNECTIONS_HELP,
      registers,
      collect() {
        this.set(live.connections());
      },
    });
    new Gauge({
      name: N.GATEWAY_IN_FLIGHT_REQUESTS,
      help: N.GATEWAY_IN_FLIGHT_REQUESTS_HELP,
      registers,
      collect() {
        this.set(live.inFlight());
      },
    });
    // Every reason at 0 from the start (a bounded set), so rate() and alerts see the first one.
    for (const [reason, answer] of Object.entries(OWN_ANSWERS) as [OwnReason, (typeof OWN_ANSWERS)[OwnReason]][]) {
      this.ownResponses.inc({ code: String(answer.status), reason }, 0);
    }
  }
}
