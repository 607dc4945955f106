// The `state:` fields of the shared (Redis) backend; the values are checked in config.ts.
import { z } from "zod";

const what = (expected: string) => ({ error: expected });
const text = (expected: string) => z.string(what(expected)).min(1, what(expected));

export const redisStateFields = {
  redis_url: text("a URL like redis://host:6379 or rediss://host:6380").optional(),
  redis_password_env: text("the name of an environment variable").optional(),
  redis_password_file: text("a file path").optional(),
};
