// What the READMEs tell a user to run and to write: their fenced code blocks, the install commands
// that work today (tarballs packed in a clone, under /tmp/minimo/), and the marked command blocks.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** Where the READMEs' commands put and take the packed tarballs; the tests substitute their own folder. */
export const README_TARBALL_DIR = "/tmp/minimo";

export interface CodeBlock {
  /** The README, relative to the repository root. */
  file: string;
  /** The fence's info string, e.g. `ts` or `ts no-compile: why`. */
  info: string;
  /** Its first word (`ts`, `sh`, `yaml` …). */
  lang: string;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
}

/** Every README.md under `root`, outside node_modules, build output and generated folders' copies. */
export function readmeFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!["node_modules", "dist", ".git", ".turbo"].includes(entry.name)) walk(join(dir, entry.name));
      } else if (entry.name === "README.md") out.push(relative(root, join(dir, entry.name)));
    }
  };
  walk(root);
  return out.sort();
}

/** The fenced (```) blocks of a markdown text, in order. */
export function codeBlocks(text: string, file: string): CodeBlock[] {
  const lines = text.split("\n");
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})\s*(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const end = lines.findIndex((l, j) => j > i && l.startsWith(fence) && l.trim() === fence);
    if (end < 0) throw new Error(`${file}:${i + 1}: a code fence that never closes`);
    const info = open[2]!.trim();
    blocks.push({ file, info, lang: info.split(/\s+/)[0] ?? "", code: lines.slice(i + 1, end).join("\n"), line: i + 1 });
    i = end;
  }
  return blocks;
}

export const isTypeScript = (b: CodeBlock) => ["ts", "typescript", "tsx", "mts"].includes(b.lang);

/** `no-compile: reason` in a TypeScript fence's info string: the block is deliberately partial. */
export function noCompileReason(b: CodeBlock): string | undefined {
  const m = /\bno-compile\b:?\s*(.*)$/.exec(b.info);
  return m ? m[1]!.trim() : undefined;
}

/** The block right after `<!-- packaging-test: NAME -->`. */
export function markedBlock(text: string, name: string, file: string): string {
  const block = new RegExp(`<!-- packaging-test: ${name} -->\\s*\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(text)?.[1];
  if (!block) throw new Error(`${file} lost its \`packaging-test: ${name}\` block`);
  return block;
}

/** Shell lines without comments and `[optional args]`, empty ones dropped. */
export function commandLines(block: string): string[] {
  return block
    .split("\n")
    .map((l) =>
      l
        .replace(/(^|\s+)#.*$/, "")
        .replace(/\s*\[[^\]]*\]/g, "")
        .trim(),
    )
    .filter(Boolean);
}

/** The `npm install` lines of a README that install packed tarballs (the way that works today). */
export function tarballInstalls(text: string, file: string): string[][] {
  return codeBlocks(text, file)
    .filter((b) => b.lang === "sh")
    .flatMap((b) => commandLines(b.code))
    .filter((l) => l.startsWith("npm install ") && l.includes(`${README_TARBALL_DIR}/`))
    .map((l) => l.split(/\s+/));
}

/** Replaces the README's tarball folder with `dir` in each argument. */
export function inFolder(args: readonly string[], dir: string): string[] {
  return args.map((a) => a.split(README_TARBALL_DIR).join(dir));
}

export function readText(root: string, file: string): string {
  return readFileSync(join(root, file), "utf8");
}
