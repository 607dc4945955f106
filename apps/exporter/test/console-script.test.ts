// The browser script carries the view's own source text (keyTableView.toString()): it must run
// however the exporter's TypeScript was compiled, including by tsx, whose esbuild keepNames
// wraps named functions in a `__name()` helper that exists only in the compiling module.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { CONSOLE_JS } from "../src/console/assets/script.js";

/** Runs the script's top level (it draws on DOMContentLoaded, which is handed back unrun). */
function runScript(js: string): { ready: unknown } {
  const listeners: Record<string, unknown> = {};
  vm.runInNewContext(js, { document: { addEventListener: (type: string, fn: unknown) => (listeners[type] = fn) } });
  return { ready: listeners.DOMContentLoaded };
}

describe("console.js", () => {
  it("runs in an empty context with nothing but a document", () => {
    expect(typeof runScript(CONSOLE_JS).ready).toBe("function");
  });

  it("runs when the exporter is loaded through tsx (esbuild keepNames)", async () => {
    const src = new URL("../src/console/assets/script.ts", import.meta.url).href;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", `const m = await import(${JSON.stringify(src)}); process.stdout.write(m.CONSOLE_JS);`],
      { encoding: "utf8", maxBuffer: 1 << 22 },
    );
    expect(stdout).toContain("__name(");
    expect(typeof runScript(stdout).ready).toBe("function");
  });
});
