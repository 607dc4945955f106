// Waiting for an event the test cannot subscribe to: poll a condition, with a deadline that
// names what never happened.

/** Resolves once `check` returns true (polled every 20 ms); fails after `ms` naming `what`. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 5000, what = "condition"): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what} not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
