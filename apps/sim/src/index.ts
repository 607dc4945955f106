export { createSim, startSim, type Sim, type SimOptions, type StartSimOptions, type RunningSim } from "./server.js";
export { demoKeys, READ_PERMISSIONS } from "./demo-keys.js";
export { loadKeysFile, parseKeysFile, validateKeys, KeysFileError, PERMISSIONS, type Problem } from "./keys-file.js";
export { maskKey, DEFAULT_POLICY, type KeySpec } from "./keys.js";
export { ANONYMOUS_POLICY } from "./rate-limit.js";
export { SimControl, CONTROL_TOKEN_HEADER, type PolicyChange } from "./control.js";
export type { Faults, RateLimitHeaderMode } from "./faults.js";
export type { SimState } from "./state.js";
