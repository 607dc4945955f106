import { createRequire } from "node:module";

// package.json sits one level above both src/ and dist/.
const pkg = createRequire(import.meta.url)("../package.json") as { version: string };

/** The sandbox's version, from its package.json. */
export const VERSION: string = pkg.version;
