// The READMEs' install commands and TypeScript blocks, as a newcomer meets them: each published
// package's README installs the packed tarballs (the packages are not on the registry yet), and
// every ```ts block of every README compiles against the built packages in a fresh project that
// holds only what that README installs — so a snippet cannot rot, and a published declaration
// that needs an undeclared dependency (`@types/express`, say) fails here.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { PUBLISHED, ROOT, type Tarballs } from "./setup/pack.js";
import { emptyFolder, tsc, TYPE_ROOTS, write } from "./support/project.js";
import { codeBlocks, inFolder, isTypeScript, noCompileReason, readmeFiles, readText, tarballInstalls, type CodeBlock } from "./support/readme.js";

const tarballs = inject("tarballs");
const packDir = inject("packDir");
const names = Object.keys(PUBLISHED) as (keyof Tarballs)[];
const readmeOf = (name: keyof Tarballs) => join(PUBLISHED[name], "README.md");
const manifestName = (name: keyof Tarballs): string => JSON.parse(readText(ROOT, join(PUBLISHED[name], "package.json"))).name;

/** Deliberately partial blocks (```ts no-compile: why): allowed, but few and each explained. */
const MAX_NO_COMPILE = 3;

const readmes = readmeFiles(ROOT).map((file) => ({ file, text: readText(ROOT, file) }));
const withTypeScript = readmes.map(({ file, text }) => ({ file, text, blocks: codeBlocks(text, file).filter(isTypeScript) })).filter((r) => r.blocks.length > 0);

/** A package README installs what its own install line says; any other README, what the root's lines install. */
function installsFor(file: string): string[][] {
  const own = names.find((n) => readmeOf(n) === file);
  return tarballInstalls(own ? readText(ROOT, file) : readText(ROOT, "README.md"), own ? file : "README.md");
}

function npm(dir: string, args: readonly string[]) {
  execFileSync("npm", [...inFolder(args, packDir), "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

const snippetName = (b: CodeBlock) => `${b.file.replace(/[^A-Za-z0-9]+/g, "-")}-L${b.line}.ts`;

/** tsc's `snippets/<name>.ts(l,c): …` lines, pointed back at the README line they come from. */
function toReadmeLines(output: string, blocks: readonly CodeBlock[]): string {
  return output.replace(/snippets\/([^(]+)\((\d+),(\d+)\)/g, (all, name: string, line: string, col: string) => {
    const block = blocks.find((b) => snippetName(b) === name);
    return block ? `${block.file}:${block.line + Number(line)}:${col}` : all;
  });
}

describe("the packages are not on the registry yet, and the READMEs say so", () => {
  it.each(names)("%s: its README installs its packed tarball today and keeps the published-name command", (name) => {
    const text = readText(ROOT, readmeOf(name));
    expect(text).toMatch(/not on the npm registry yet/);
    const installs = tarballInstalls(text, readmeOf(name));
    expect(installs.length).toBeGreaterThan(0);
    const own = basename(tarballs[name]);
    expect(
      installs.some((args) => args.some((a) => a.endsWith(`/${own}`))),
      `installs ${own}`,
    ).toBe(true);
    expect(text).toContain(`npm install ${name === "sim" ? "--save-dev " : ""}${manifestName(name)}`);
  });

  it("the root README's installs are the packages' own, for every package, and name the files `npm pack` makes", () => {
    const root = tarballInstalls(readText(ROOT, "README.md"), "README.md").map((a) => a.join(" "));
    const packages = names.flatMap((n) => tarballInstalls(readText(ROOT, readmeOf(n)), readmeOf(n))).map((a) => a.join(" "));
    expect(new Set(root)).toEqual(new Set(packages));
    const made = new Set(Object.values(tarballs).map((t) => basename(t)));
    for (const line of root) {
      for (const file of line.split(" ").filter((a) => a.endsWith(".tgz"))) expect(made, line).toContain(basename(file));
    }
    expect(readText(ROOT, "README.md")).toMatch(/not on the npm registry yet/);
  });
});

describe("every TypeScript block of every README compiles against the packed packages", () => {
  it("finds the blocks (the client, metrics, exporter and sim READMEs all show code)", () => {
    expect(withTypeScript.map((r) => r.file)).toEqual(expect.arrayContaining(names.map(readmeOf)));
  });

  it(`marks at most ${MAX_NO_COMPILE} blocks \`no-compile\`, each with its reason`, () => {
    const partial = withTypeScript.flatMap((r) => r.blocks).filter((b) => noCompileReason(b) !== undefined);
    expect(partial.length).toBeLessThanOrEqual(MAX_NO_COMPILE);
    for (const b of partial) expect(noCompileReason(b), `${b.file}:${b.line}`).toMatch(/\w{3,}/);
  });

  it.each(withTypeScript.map((r) => [r.file, r] as const))("%s", async (_file, readme) => {
    const dir = emptyFolder("readme");
    write(dir, { "package.json": { name: "readme-snippets", private: true, type: "module" } });
    for (const args of installsFor(readme.file)) npm(dir, args.slice(1));
    // The exporter's declarations must compile without express's types, which it does not depend on.
    if (readme.file === readmeOf("exporter")) expect(existsSync(join(dir, "node_modules/@types/express"))).toBe(false);
    const blocks = readme.blocks.filter((b) => noCompileReason(b) === undefined);
    // A block without imports would be a script sharing globals with the others: `export {}` makes each a module.
    write(dir, Object.fromEntries(blocks.map((b) => [join("snippets", snippetName(b)), `${b.code}\nexport {};\n`])));
    write(dir, {
      "tsconfig.json": {
        compilerOptions: {
          strict: true,
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          skipLibCheck: false,
          types: ["node"],
          typeRoots: [TYPE_ROOTS],
          noEmit: true,
        },
        include: ["snippets/*.ts"],
      },
    });
    const compiled = await tsc(dir);
    expect(toReadmeLines(compiled.output, blocks)).toBe("");
  });
});
