// Fake API keys for the benchmarks: the sandbox's "FAKE" shape, useless anywhere else.
export const configuredKey = (i: number): string => `mn-c${i}-FAKEbenchConfigured${String(i).padStart(8, "0")}`;
export const unknownKey = (i: number): string => `mn-u${i}-FAKEbenchUnknown${String(i).padStart(10, "0")}`;
export const alias = (i: number): string => `client-${String(i).padStart(6, "0")}`;
