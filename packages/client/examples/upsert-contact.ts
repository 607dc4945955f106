// Type-checked by the test command (`npm run typecheck`) and run against the sandbox by
// apps/sim/test/client-examples.test.ts, so this example cannot rot.
import { createMinimoClient, readRateLimit } from "@minimo/client";

export async function upsertJohn(apiKey: string, baseUrl?: string) {
  const minimo = createMinimoClient({ apiKey, timeoutMs: 5_000, ...(baseUrl === undefined ? {} : { baseUrl }) });
  const { data, error, response } = await minimo.POST("/public/v1/contacts", {
    body: { email: "john@example.com", firstName: "John", lastName: "Doe" },
  });
  // Classify by status; `error` is the documented body (`error.error.code`, `error.error.message`).
  if (response.status === 401) throw new Error("The Minimo key is missing, invalid, expired or revoked");
  if (response.status === 429) {
    // The docs give the wait in the 429 body (`error.retry_after`, seconds); passing the body lets
    // readRateLimit read it (a Retry-After header, when one is sent, says the same).
    const { retryAfterSeconds } = readRateLimit(response, { body: error });
    throw new Error(`Rate limited; retry after ${retryAfterSeconds ?? "?"} s`);
  }
  const { remaining, limit } = readRateLimit(response);
  return { contactId: data?.[0]?.contactId, remaining, limit };
}
