// The gateway's upstream connection pool: keep-alive agents with a bound on sockets per upstream
// host, so no client traffic pattern can make the gateway open an unbounded number of upstream
// connections (requests beyond the bound wait in the agent's queue).
import http from "node:http";
import https from "node:https";

export interface UpstreamPool {
  http: http.Agent;
  https: https.Agent;
  destroy(): void;
}

export function createUpstreamPool(maxSockets: number, tls: https.AgentOptions = {}): UpstreamPool {
  const common = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: "lifo" as const, noDelay: true };
  const pool = { http: new http.Agent(common), https: new https.Agent({ ...tls, ...common }) };
  return {
    ...pool,
    destroy() {
      pool.http.destroy();
      pool.https.destroy();
    },
  };
}
