// The posture parts of the config file's shape (zod, strict like the rest): per-key inventory
// fields, and the `state` and `posture` blocks. Each message is what the field expects (zod-problems.ts
// adds what was given). Values are checked further in posture.ts, where an unknown permission or
// finding gets a message listing the valid ones.
import { z } from "zod";
import { redisStateFields } from "./redis-schema.js";

const what = (expected: string) => ({ error: expected });
const DATE = "a date like 2027-06-01 (or an ISO 8601 date-time)";
// A YAML date or a string checked later (parseDay).
const date = z.union([z.string(), z.date()], what(DATE));
const text = (expected: string) => z.string(what(expected)).min(1, what(expected));

/** Fields a `keys[]` entry gains. */
export const postureKeyFields = {
  permissions: z.array(z.string(what("a permission")), what("a list of permissions")).optional(),
  created: date.optional(),
  environment: text("a non-empty text").optional(),
  owner: text("a non-empty text (a team or a person, for alert routing)").optional(),
  client_side: z.boolean(what("true or false")).optional(),
  replaces: text("the name of another key").optional(),
  accept: z
    .array(
      z.strictObject({ finding: z.string(what("a finding name")), reason: text("a non-empty reason"), until: date }, what("a mapping { finding, reason, until }")),
      what("a list of acceptances"),
    )
    .optional(),
};

export const stateSchema = z.strictObject({ path: text("a directory path").optional(), ...redisStateFields }, what("a mapping of fields")).optional();

const days = (max?: number) => {
  const expected = max === undefined ? "a whole number of days above 0" : `a whole number of days from 1 to ${max}`;
  const n = z.number(what(expected)).int(what(expected)).positive(what(expected));
  return max === undefined ? n : n.max(max, what(expected));
};

export const postureSchema = z
  .strictObject(
    {
      window_days: days(400).optional(),
      rotation_quiet_hours: z.number(what("a number of hours above 0")).positive(what("a number of hours above 0")).optional(),
      learning_days: days().optional(),
    },
    what("a mapping of fields"),
  )
  .optional();
