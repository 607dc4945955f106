// The demo needs the sandbox, which is a dev dependency of the exporter: an installed exporter
// does not carry express and the validator for a demo it may never run.
import type * as Sim from "@minimo/sim";

export const SIM_MISSING =
  'the demo needs the Minimo sandbox, which is not installed: run `npm install --save-dev @minimo/sim` once it is published (until then, its tarball packed in a clone: see the root README, "Install"; in this repository: `npm ci`)';

/** Loads `@minimo/sim`, or throws an Error whose message says how to install it. */
export async function loadSim(importer: () => Promise<typeof Sim> = () => import("@minimo/sim")): Promise<typeof Sim> {
  try {
    return await importer();
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if ((e.code === "ERR_MODULE_NOT_FOUND" || e.code === "MODULE_NOT_FOUND") && String(e.message).includes("@minimo/sim")) {
      throw new Error(SIM_MISSING, { cause: err });
    }
    throw err;
  }
}
