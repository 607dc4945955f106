// The sandbox app: createSim builds it in-process (tests drive it directly), startSim listens.
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { spec as defaultSpec } from "@minimo/client/spec";
import express, { type Express } from "express";
import type { SimContext } from "./context.js";
import { SimControl, controlRouter } from "./control.js";
import { demoKeys } from "./demo-keys.js";
import { handlers as defaultHandlers, type HandlerTable } from "./handlers/index.js";
import { KeyStore, type KeySpec } from "./keys.js";
import { validateKeys } from "./keys-file.js";
import { expressPath, operationsOf, type SpecDocument } from "./operations.js";
import { authAndRateStep, faultsStep, logStep, methodNotAllowedStep, notFoundStep, sunsetAndPermissionStep } from "./pipeline.js";
import { onClientError } from "./malformed-http.js";
import { RateLimiter } from "./rate-limit.js";
import { SimState } from "./state.js";
import { internalErrorHandler, validationErrorHandler, validationSteps } from "./validation.js";

export interface SimOptions {
  /** Keys the sandbox accepts. Default: the built-in demo keys (`demoKeys`). */
  keys?: readonly KeySpec[];
  /** Clock in epoch ms, for expiry, sunsets and rate-limit windows. Default `Date.now`. */
  now?: () => number;
  /** Source of randomness for fault rates, in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** Waits for the injected latency. Default a `setTimeout` promise (tests inject a recorder). */
  sleep?: (ms: number) => Promise<void>;
  /** The OpenAPI document to serve. Default: spec/minimo.yaml as generated into @minimo/client. */
  specDocument?: SpecDocument;
  /** One line per request (key name, never the key): `true` logs to stdout, or pass a function. Default off. */
  log?: boolean | ((line: string) => void);
  /** Handlers by operationId, over the built-in ones (tests use this). Default none. */
  handlers?: HandlerTable;
  /** Token the `/__sim` control routes require in `X-Sim-Control-Token`. Default: random per sandbox (`controlToken`). */
  controlToken?: string;
}

export interface Sim {
  app: Express;
  state: SimState;
  control: SimControl;
  /** What the `/__sim` control routes require in the `X-Sim-Control-Token` header. */
  controlToken: string;
}

/**
 * Builds the sandbox app: every operation of the spec on its documented path, with keys,
 * permissions, expiry, rate limits and faults.
 * @example
 * const { app, control } = createSim({ keys: loadKeysFile("keys.yaml") });
 * control.setFaults({ errorRate: 0.2, errorStatus: 503 });
 */
export function createSim(options: SimOptions = {}): Sim {
  const specs = validateKeys({ keys: [...(options.keys ?? demoKeys)] }, "keys option");
  const spec = options.specDocument ?? (defaultSpec as SpecDocument);
  const operations = operationsOf(options.specDocument);
  const table = { ...defaultHandlers, ...options.handlers };
  const missing = operations.filter((op) => !table[op.operationId]).map((op) => op.operationId);
  if (missing.length > 0) throw new Error(`minimo-sim: no handler for operation(s) ${missing.join(", ")}`);

  const ctx: SimContext = {
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    keys: new KeyStore(specs),
    limiter: new RateLimiter(),
    faults: {},
    state: new SimState(),
    spec,
    operations,
  };
  const control = new SimControl(ctx);
  const controlToken = options.controlToken ?? randomBytes(18).toString("base64url");
  if (controlToken.length < 8) throw new Error("minimo-sim: controlToken must be at least 8 characters");
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  const log = options.log === true ? (line: string) => console.log(line) : options.log || undefined;
  if (log) app.use(logStep(ctx, log));
  app.use("/__sim", controlRouter(control, controlToken));
  app.use(faultsStep(ctx));
  for (const op of operations) {
    const handler = table[op.operationId]!;
    const route = app.route(expressPath(op.path));
    route[op.method.toLowerCase() as "get"](authAndRateStep(ctx, op), sunsetAndPermissionStep(ctx, op), ...validationSteps(ctx, op), (req, res) => handler(req, res, ctx));
  }
  // A known path with a method it does not serve: 405 with `Allow` (before auth, like a 404).
  const methodsByPath = new Map<string, string[]>();
  for (const op of operations) methodsByPath.set(op.path, [...(methodsByPath.get(op.path) ?? []), op.method]);
  for (const [path, methods] of methodsByPath) app.all(expressPath(path), methodNotAllowedStep(ctx, methods));
  app.use(notFoundStep(ctx));
  app.use(validationErrorHandler(ctx));
  app.use(internalErrorHandler(ctx));
  contexts.set(app, ctx);
  return { app, state: ctx.state, control, controlToken };
}

// The context behind each app, for what startSim adds around it (the server's clientError answer).
const contexts = new WeakMap<Express, SimContext>();

export interface StartSimOptions extends SimOptions {
  /** Port to listen on; 0 picks a free one. Default 4010. */
  port?: number;
  /** Address to bind. Default `127.0.0.1` (the sandbox is a local tool). */
  host?: string;
}

export interface RunningSim extends Sim {
  url: string;
  port: number;
  /** Stops listening and ends every open connection, keep-alive ones included. */
  close(): Promise<void>;
}

/** Creates the sandbox and listens; resolves once the port is bound. */
export async function startSim(options: StartSimOptions = {}): Promise<RunningSim> {
  const sim = createSim(options);
  const host = options.host ?? "127.0.0.1";
  const server = sim.app.listen(options.port ?? 4010, host);
  server.on("clientError", onClientError(contexts.get(sim.app)!));
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  return {
    ...sim,
    url: `http://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
