// Declared once, by @minimo/client, whose readRateLimit reads the same headers.
export type { HeaderSource } from "@minimo/client";
