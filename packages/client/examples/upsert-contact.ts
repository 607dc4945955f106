// Type-checked by the test command (`npm run typecheck`), so this example cannot rot.
import { createMinimoClient, readRateLimit } from "@minimo/client";

export async function upsertJohn(apiKey: string) {
  const minimo = createMinimoClient({ apiKey, timeoutMs: 5_000 });
  const { data, response } = await minimo.POST("/public/v1/contacts", {
    body: { email: "john@example.com", firstName: "John", lastName: "Doe" },
  });
  // Classify by status: an empty 401 body leaves `error` undefined.
  if (response.status === 401) throw new Error("The Minimo key is missing, invalid, expired or revoked");
  if (response.status === 429) {
    const { retryAfterSeconds } = readRateLimit(response);
    throw new Error(`Rate limited; retry after ${retryAfterSeconds ?? "?"} s`);
  }
  const { remaining, limit } = readRateLimit(response);
  console.log(`contact ${data?.[0]?.contactId}; budget ${remaining}/${limit}`);
}
