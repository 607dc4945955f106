// The exporter's two listeners as configured: the gateway (HTTPS with `gateway.tls`) and the
// metrics listener (`--web.config.file`: HTTPS and/or basic auth). `reload` re-reads both from
// disk (SIGHUP), off the event loop, and swaps certificates and users in place; a bad file throws
// and changes nothing.
import type http from "node:http";
import { ConfigError, type ConfigProblem } from "../../config/errors.js";
import type { ExporterConfig } from "../../config/types.js";
import { lookupIn, readRegularFiles } from "../../config/read-files.js";
import { guardHost, isLoopbackName, type HostPolicy } from "../host-guard.js";
import { createBasicAuth, protect } from "./basic-auth.js";
import { loadWebConfig, type WebConfig } from "./load.js";
import { createWebServer, updateTls } from "./server.js";
import { loadTlsMaterial, tlsFilePaths, type TlsMaterial } from "../../config/tls-material.js";

async function gatewayTls(config: ExporterConfig): Promise<TlsMaterial | undefined> {
  const files = config.gateway.tls;
  if (files === undefined) return undefined;
  const problems: ConfigProblem[] = [];
  const contents = await readRegularFiles(tlsFilePaths(files, "/"));
  const tls = loadTlsMaterial(files, "/", "gateway.tls", problems, Date.now(), lookupIn(contents));
  if (problems.length > 0 || !tls) throw new ConfigError(problems);
  return tls;
}

export interface Listeners {
  gatewayServer(handler: http.RequestListener): http.Server;
  metricsServer(handler: http.RequestListener): http.Server;
  /** Re-reads the web config file and `gateway.tls`; returns warnings (changes that need a restart). */
  reload(config: ExporterConfig, servers: { gateway: http.Server; metrics: http.Server }): Promise<string[]>;
  /** Stops what the listeners run beside the servers (the bcrypt worker). */
  close(): Promise<void>;
}

export async function createListeners(config: ExporterConfig, webConfigFile: string | undefined): Promise<Listeners> {
  let web: WebConfig | undefined = webConfigFile === undefined ? undefined : await loadWebConfig(webConfigFile);
  const gatewayMaterial = await gatewayTls(config);
  const auth = createBasicAuth(() => web?.users);
  // Whether the listener is on loopback is fixed at start (listen addresses need a restart);
  // web.allowed_hosts is re-read on reload.
  const loopbackListener = isLoopbackName(config.listen.metrics.host);
  let hosts: HostPolicy = { loopbackListener, ...(config.web.allowedHosts ? { allowedHosts: config.web.allowedHosts } : {}) };
  const withHeaders =
    (handler: http.RequestListener): http.RequestListener =>
    (req, res) => {
      for (const [name, value] of Object.entries(web?.headers ?? {})) res.setHeader(name, value);
      handler(req, res);
    };
  return {
    gatewayServer: (handler) => createWebServer(handler, gatewayMaterial),
    metricsServer: (handler) => createWebServer(withHeaders(guardHost(protect(handler, auth), () => hosts)), web?.tls),
    async reload(next, servers) {
      const nextWeb = webConfigFile === undefined ? undefined : await loadWebConfig(webConfigFile);
      const nextGateway = await gatewayTls(next);
      const warnings: string[] = [];
      const g = updateTls(servers.gateway, nextGateway);
      if (g) warnings.push(`gateway.tls: ${g}`);
      const m = updateTls(servers.metrics, nextWeb?.tls);
      if (m) warnings.push(`--web.config.file tls_server_config: ${m}`);
      web = nextWeb;
      hosts = { loopbackListener, ...(next.web.allowedHosts ? { allowedHosts: next.web.allowedHosts } : {}) };
      return warnings;
    },
    close: () => auth.close(),
  };
}
