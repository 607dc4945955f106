// Start-up warnings for listeners reachable beyond this host without the protection they need.
import type { ExporterConfig } from "../config/types.js";
import { isLoopbackName } from "./host-guard.js";

export interface ExposureWarning {
  /** The listen host the warning is about. */
  listen: string;
  message: string;
}

/** What is exposed: the console without a Host allow-list, the gateway without TLS. */
export function exposureWarnings(config: ExporterConfig, opts: { gatewayTls: boolean }): ExposureWarning[] {
  const out: ExposureWarning[] = [];
  if (config.web.allowedHosts === undefined && !isLoopbackName(config.listen.metrics.host)) {
    out.push({
      listen: config.listen.metrics.host,
      message:
        "web.allowed_hosts is not set: the metrics listener answers any Host name, so a web page can reach /api/keys by DNS rebinding; list the names it is reached by in web.allowed_hosts (IP addresses and localhost always work)",
    });
  }
  if (!opts.gatewayTls && !isLoopbackName(config.listen.gateway.host)) {
    out.push({
      listen: config.listen.gateway.host,
      message: "the gateway listens beyond localhost without TLS: API keys cross the network in clear text; bind it to 127.0.0.1 or set gateway.tls",
    });
  }
  return out;
}
