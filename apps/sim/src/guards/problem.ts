// A guard's refusal, in the validator's own error shape, so validationErrorHandler maps it to the
// documented status, code and message exactly as it maps express-openapi-validator's findings.

export interface GuardProblem {
  status: 400;
  errors: { path: string; message: string; errorCode: string }[];
}

/** `path` as the validator writes it (`/body/customFields`, `/query/page`, `/params/id`). */
export function problem(path: string, message: string, errorCode: string): GuardProblem {
  return { status: 400, errors: [{ path, message, errorCode }] };
}

/** `["customFields", "X"]` → `/body/customFields/X`. */
export function bodyPath(segments: readonly string[]): string {
  return ["", "body", ...segments].join("/");
}
