// The `io` the CLI entry points take (`main`, `checkConfig`, `lint`), with every line kept.

export interface CapturedIo {
  io: { env: NodeJS.ProcessEnv; stdout: (line: string) => void; stderr: (line: string) => void };
  out: string[];
  err: string[];
}

/** Lines written to stdout and stderr land in `out` and `err`; `env` is all the CLI sees. */
export function captureIo(env: NodeJS.ProcessEnv = {}): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { env, stdout: (l) => void out.push(l), stderr: (l) => void err.push(l) }, out, err };
}
