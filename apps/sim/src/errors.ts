// Every error the sandbox sends goes through here, so the documented bodies are written once
// and the `nonJsonErrors` fault can turn all of them into an HTML page.
import type { Response } from "express";
import { htmlErrorPage, type Faults } from "./faults.js";

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; retry_after?: number };
}

/** The bodies the authentication docs give, byte for byte. */
export const UNAUTHORIZED: ErrorBody = { error: { code: "unauthorized", message: "Invalid or missing API key" } };
export const FORBIDDEN: ErrorBody = {
  error: { code: "forbidden", message: "This API key does not have permission to access this resource" },
};

export function rateLimited(seconds: number): ErrorBody {
  return {
    error: { code: "rate_limit_exceeded", message: `Rate limit exceeded. Please retry after ${seconds} seconds.`, retry_after: seconds },
  };
}

export function gone(sunset: string): ErrorBody {
  return { error: { code: "gone", message: `This endpoint was removed on ${sunset}. See the migration guide.` } };
}

export function notFound(message = "Resource not found"): ErrorBody {
  return { error: { code: "not_found", message } };
}

/**
 * How an operation documents an error status: the envelope (most), a flat `{"error": "..."}`
 * string (the send-html page's 400) or no body at all (the send-html page's 401 and 403).
 */
export type ErrorForm = "envelope" | "flat" | "none";

/**
 * Sends an error in the form the request's operation documents for that status
 * (`res.locals.sim.errorForms`, derived from the spec), the envelope otherwise.
 */
export function sendError(res: Response, faults: Faults, status: number, body: ErrorBody): void {
  if (faults.nonJsonErrors) {
    res.status(status).type("html").send(htmlErrorPage(status));
    return;
  }
  const forms = (res.locals.sim as { errorForms?: Record<string, ErrorForm> } | undefined)?.errorForms;
  const form = forms?.[String(status)] ?? "envelope";
  if (form === "none") res.status(status).end();
  else if (form === "flat") res.status(status).json({ error: body.error.message });
  else res.status(status).json(body);
}
