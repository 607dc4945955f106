import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One scripted answer; `hang` never answers (the client's timeout fires). */
export interface Scripted {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  hang?: boolean;
}

export interface ScriptedServer {
  url: string;
  /** Requests seen, in order: method, path and the Authorization header. */
  seen: { method: string; path: string; authorization: string | undefined }[];
  /** Answers to give, in order; when empty, 200 `{}`. */
  script: Scripted[];
  close(): Promise<void>;
}

/** A node:http server on 127.0.0.1, port chosen by the OS, answering from a script. */
export async function startScriptedServer(script: Scripted[] = []): Promise<ScriptedServer> {
  const seen: ScriptedServer["seen"] = [];
  const state = { script };
  const server: Server = createServer((req: IncomingMessage, res) => {
    seen.push({ method: req.method ?? "", path: req.url ?? "", authorization: req.headers.authorization });
    req.resume();
    const next = state.script.shift() ?? { status: 200, body: "{}" };
    if (next.hang) return; // closed by close() below
    const body = next.body ?? "";
    res.writeHead(next.status ?? 200, {
      ...(body.length > 0 ? { "content-type": "application/json" } : {}),
      "content-length": String(Buffer.byteLength(body)),
      ...next.headers,
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    get script() {
      return state.script;
    },
    set script(value) {
      state.script = value;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
