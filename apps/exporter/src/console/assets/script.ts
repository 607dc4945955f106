// /console.js: the browser code (browser.ts) and the shared row view (view.ts), each shipped as
// its compiled function's own source text, so the page runs exactly what this build compiled.
import { consoleBrowser } from "./browser.js";
import { keyTableView } from "./view.js";

export const CONSOLE_JS = [
  '"use strict";',
  "(function () {",
  // esbuild's keepNames (tsx, vitest) wraps named functions in __name(): a no-op here.
  "var __name = function (f) { return f; };",
  `(${consoleBrowser.toString()})(${keyTableView.toString()});`,
  "})();",
  "",
].join("\n");
