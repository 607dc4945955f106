// Binds a listener and says where it landed; a bind failure names the config field it came from.
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { ConfigError } from "../config/errors.js";
import type { ListenAddress } from "../config/types.js";
import { isTlsServer } from "./web-config/index.js";

const LISTEN_ERRORS: Record<string, string> = {
  EADDRINUSE: "address already in use",
  EACCES: "permission denied",
  EADDRNOTAVAIL: "address not available on this host",
};

/** Listens and resolves to the base URL; a bind failure becomes a ConfigError naming `field` (`listen.gateway`). */
export function listen(server: http.Server, address: ListenAddress, field: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      const code = err.code ?? "error";
      const where = address.host.includes(":") ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
      reject(new ConfigError([{ path: field, message: `cannot listen on ${where}: ${LISTEN_ERRORS[code] ?? "bind failed"} (${code})` }]));
    };
    server.once("error", onError);
    server.listen(address.port, address.host, () => {
      server.off("error", onError);
      const { address: host, port } = server.address() as AddressInfo;
      // A wildcard bind is reached locally through the loopback address.
      const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
      resolve(`${isTlsServer(server) ? "https" : "http"}://${shown}:${port}`);
    });
  });
}
