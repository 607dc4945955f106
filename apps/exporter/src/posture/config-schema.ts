// The posture parts of the config file's shape (zod, strict like the rest): per-key inventory
// fields, and the `state` and `posture` blocks. Values are checked further in inventory.ts, where
// an unknown permission or finding gets a message listing the valid ones.
import { z } from "zod";

// A YAML date or a string checked later (parseDay); the message says what is expected.
const date = z.union([z.string(), z.date()], {
  error: (issue) => (issue.input === undefined ? "required field is missing" : "must be a date like 2027-06-01 (or an ISO 8601 date-time)"),
});

/** Fields a `keys[]` entry gains. */
export const postureKeyFields = {
  permissions: z.array(z.string()).optional(),
  created: date.optional(),
  environment: z.string().min(1).optional(),
  owner: z.string().min(1).optional(),
  client_side: z.boolean().optional(),
  replaces: z.string().min(1).optional(),
  accept: z
    .array(z.strictObject({ finding: z.string(), reason: z.string().min(1), until: date }))
    .optional(),
};

export const stateSchema = z.strictObject({ path: z.string().min(1).optional() }).optional();

export const postureSchema = z
  .strictObject({
    window_days: z.number().int().positive().max(400).optional(),
    rotation_quiet_hours: z.number().positive().optional(),
    learning_days: z.number().int().positive().optional(),
  })
  .optional();
