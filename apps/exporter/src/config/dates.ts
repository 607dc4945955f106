// Dates in the config file (`expires`, `created`, `accept[].until`): a day, an ISO date-time or a
// YAML date, as Unix epoch seconds.
import type { ConfigProblem } from "./errors.js";

/** A `YYYY-MM-DD` (or ISO date-time, or YAML date) as Unix epoch seconds, or a problem at `path`. */
export function parseDay(value: string | Date, path: string, problems: ConfigProblem[]): number | undefined {
  const ms =
    value instanceof Date
      ? value.getTime()
      : /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? Date.parse(`${value}T00:00:00Z`)
        : /^\d{4}-\d{2}-\d{2}T/.test(value)
          ? Date.parse(value)
          : Number.NaN;
  if (Number.isNaN(ms)) {
    problems.push({ path, message: "must be a date like 2027-06-01 (or an ISO 8601 date-time)" });
    return undefined;
  }
  return Math.floor(ms / 1000);
}
