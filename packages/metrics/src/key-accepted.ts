import { UNMATCHED_OPERATION } from "./names.js";

/**
 * Whether a response shows that the upstream accepted the key, so that its `X-RateLimit-*`
 * headers describe that key's own budget. Minimo checks the key before the rate limit, the
 * permission and the handler, so any 2xx–4xx answer of a spec route other than 401 was given to
 * the key. Not accepted, so never applied to the key's budget gauges:
 * - 401: the key was refused; the upstream answers with the anonymous per-IP window (a rotated
 *   key's old secret, a lower-case `bearer` scheme), someone else's budget;
 * - 5xx (and anything outside 100–599): can come before authentication, like the sandbox's
 *   injected faults, and proves nothing about the key;
 * - a route outside the spec (`unmatched`): the upstream may answer 404 without looking at the key.
 */
export function keyAccepted(status: number, operation: string): boolean {
  return status >= 200 && status < 500 && status !== 401 && operation !== UNMATCHED_OPERATION;
}
