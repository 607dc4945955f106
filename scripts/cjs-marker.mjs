// Marks a CommonJS build folder: Node and TypeScript read the nearest package.json's "type" to
// decide how dist/cjs/*.js and *.d.ts are loaded, and the package root says "module".
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
if (!dir) throw new Error("usage: node scripts/cjs-marker.mjs DIR");
writeFileSync(join(dir, "package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
