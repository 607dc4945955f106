// `minimo-sim --port 4010 --keys keys.yaml`: the sandbox on its own, for rehearsing key rotation,
// revocation and rate-limit storms. Prints each key's name, masked key, permissions and limit.
import { parseArgs } from "node:util";
import { demoKeys } from "./demo-keys.js";
import { KeysFileError, loadKeysFile } from "./keys-file.js";
import type { KeySpec } from "./keys.js";
import { startSim } from "./server.js";
import { VERSION } from "./version.js";

const USAGE = `Usage: minimo-sim [--port 4010] [--host 127.0.0.1] [--keys keys.yaml] [--control-token TOKEN] [--quiet]
       minimo-sim --version | --help

A local Minimo API sandbox. Without --keys it loads the demo keys (see the README).
Control and faults: /__sim/keys, /__sim/keys/{name}/revoke|rotate|policy, /__sim/faults, /__sim/reset,
each with the header X-Sim-Control-Token (--control-token or MINIMO_SIM_CONTROL_TOKEN; random and
printed at start when unset).`;

const LISTEN_ERRORS: Record<string, string> = {
  EADDRINUSE: "address already in use",
  EACCES: "permission denied",
  EADDRNOTAVAIL: "address not available on this host",
};

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

/** Runs the CLI; resolves with a stop function once listening, or with an exit code on a usage error. */
export async function main(argv: string[], io: CliIo = { out: console.log, err: console.error }): Promise<{ stop: () => Promise<void>; url: string } | number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        port: { type: "string", default: "4010" },
        host: { type: "string", default: "127.0.0.1" },
        keys: { type: "string" },
        "control-token": { type: "string" },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    io.err(`minimo-sim: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  if (args.version) {
    io.out(VERSION);
    return 0;
  }
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`minimo-sim: --port must be an integer 0-65535`);
    return 2;
  }
  let keys: readonly KeySpec[] = demoKeys;
  if (args.keys) {
    try {
      keys = loadKeysFile(args.keys);
    } catch (err) {
      io.err(err instanceof KeysFileError ? err.message : `minimo-sim: cannot load ${args.keys}`);
      return 1;
    }
  }
  const controlToken = args["control-token"] ?? ((io.env ?? process.env).MINIMO_SIM_CONTROL_TOKEN || undefined);
  if (controlToken !== undefined && controlToken.length < 8) {
    io.err("minimo-sim: --control-token must be at least 8 characters");
    return 2;
  }
  let sim;
  try {
    sim = await startSim({ port, host: args.host, keys, log: args.quiet ? false : io.out, ...(controlToken ? { controlToken } : {}) });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === undefined || !(code in LISTEN_ERRORS)) throw err;
    const where = args.host.includes(":") ? `[${args.host}]:${port}` : `${args.host}:${port}`;
    io.err(`minimo-sim: cannot listen on ${where}: ${LISTEN_ERRORS[code]} (${code})`);
    return 2;
  }
  io.out(`minimo-sim listening on ${sim.url} (${args.keys ? `keys from ${args.keys}` : "demo keys"})`);
  io.out(`  control routes /__sim/*: header X-Sim-Control-Token: ${controlToken ? "(the token you set)" : sim.controlToken}`);
  for (const k of sim.control.keys()) {
    const limit = `${k.rate_limit.limit}/${k.rate_limit.window_seconds}s`;
    io.out(`  ${k.name.padEnd(16)} ${k.key.padEnd(14)} ${k.state.padEnd(8)} limit ${limit.padEnd(9)} ${k.permissions.join(" ")}`);
  }
  return { stop: () => sim.close(), url: sim.url };
}

/** Process entry (bin/minimo-sim.js): runs main and stops cleanly on SIGINT/SIGTERM. */
export async function run(argv: string[]): Promise<void> {
  const result = await main(argv);
  if (typeof result === "number") {
    process.exitCode = result;
    return;
  }
  const shutdown = () => {
    result.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}
