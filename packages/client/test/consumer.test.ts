// The acceptance check, done the way a user meets the package: a new workspace that
// imports `@minimo/client` by name (its published dist/ types) compiles the documented upsert and
// fails to compile a misspelled field.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = new URL("../../../", import.meta.url).pathname;
const dir = join(root, ".tmp", `consumer-${process.pid}`);
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const built = existsSync(join(root, "packages/client/dist/index.d.ts"));

function compile(source: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", type: "module", private: true }));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        module: "NodeNext",
        moduleResolution: "NodeNext",
        target: "ES2022",
        noEmit: true,
        skipLibCheck: true,
        types: ["node"],
        typeRoots: [join(root, "node_modules/@types")],
      },
      files: ["app.ts"],
    }),
  );
  writeFileSync(join(dir, "app.ts"), source);
  try {
    execFileSync(process.execPath, [tsc, "-p", dir], { encoding: "utf8", stdio: "pipe" });
    return "";
  } catch (e) {
    return String((e as { stdout?: string }).stdout);
  }
}

const call = (body: string) => `import { createMinimoClient } from "@minimo/client";
const minimo = createMinimoClient({ apiKey: process.env.MINIMO_API_KEY ?? "" });
export const result = minimo.POST("/public/v1/contacts", { body: ${body} });
`;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!built && !process.env.CI)("a new workspace importing @minimo/client", () => {
  it("compiles the upsert from the authentication docs", () => {
    expect(compile(call(`{ email: "john@example.com", firstName: "John", lastName: "Doe" }`))).toBe("");
  });
  it("does not compile a misspelled field", () => {
    expect(compile(call(`{ email: "john@example.com", firstname: "John", lastName: "Doe" }`))).toMatch(/firstname/);
  });
});
if (!built) console.warn("consumer.test.ts skipped: packages/client/dist is missing (run `npm run build`; the test command builds first)");
