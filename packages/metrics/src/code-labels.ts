import { DOCUMENTED_STATUSES } from "@minimo/client";
import { OTHER_CODE } from "./names.js";

// The `code` label: each status the spec documents is its own value; any other status folds into
// one bucket per class ("2xx_other" … "5xx_other"); anything outside 100-599 is "other". So a
// hostile or broken upstream sending every status from 100 to 599 adds at most five values.
const LABELS: readonly string[] = (() => {
  const documented = new Set(DOCUMENTED_STATUSES);
  const out: string[] = [];
  for (let status = 0; status < 600; status++) {
    out.push(status < 100 ? OTHER_CODE : documented.has(status) ? String(status) : `${Math.floor(status / 100)}xx_other`);
  }
  return out;
})();

/** The `code` label of a status: documented statuses as themselves, else `<class>xx_other`, else `"other"`. */
export function codeLabel(status: number): string {
  return (Number.isInteger(status) ? LABELS[status] : undefined) ?? OTHER_CODE;
}

/** Every value the `code` label can take, documented statuses first. */
export const CODE_LABELS: readonly string[] = [...DOCUMENTED_STATUSES.map(String), "1xx_other", "2xx_other", "3xx_other", "4xx_other", "5xx_other", OTHER_CODE];
