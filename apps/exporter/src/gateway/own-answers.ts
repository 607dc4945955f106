// The answers the gateway makes itself (never forwarded from the API): one table, so every one
// has a stable body and is counted in minimo_gateway_own_responses_total{code,reason}.
import { STATUS_CODES, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { GatewayMetrics } from "./gateway-metrics.js";

export const OWN_ANSWERS = {
  absolute_form: { status: 400, code: "bad_request", message: "The gateway only accepts origin-form request targets" },
  too_many_headers: { status: 431, code: "request_header_fields_too_large", message: "The request has more header fields than the gateway accepts" },
  pipeline_too_deep: { status: 503, code: "unavailable", message: "Too many pipelined requests on one connection; open another connection or wait for the answers" },
  draining: { status: 503, code: "unavailable", message: "The exporter gateway is shutting down; retry shortly" },
  upstream_unreachable: { status: 502, code: "bad_gateway", message: "The Minimo API could not be reached through the exporter gateway" },
  upstream_timeout: { status: 504, code: "gateway_timeout", message: "The Minimo API did not answer in time" },
  bad_upstream_status: { status: 502, code: "bad_gateway", message: "The upstream answered with a status code outside 200-599; the answer was not forwarded" },
  internal: { status: 502, code: "bad_gateway", message: "The exporter gateway failed to relay the answer" },
} as const satisfies Record<string, { status: number; code: string; message: string }>;

export type OwnReason = keyof typeof OWN_ANSWERS;

/**
 * Sends the gateway's own answer for `reason` and counts it. `close` ends the connection after it
 * (while draining, or when the connection's state is no longer trustworthy). A response whose
 * head is already out cannot be replaced: the connection is cut instead (and still counted).
 */
export function sendOwn(res: ServerResponse, reason: OwnReason, metrics: GatewayMetrics, close = false, extra: OutgoingHttpHeaders = {}): void {
  const answer = OWN_ANSWERS[reason];
  metrics.ownResponses.inc({ code: String(answer.status), reason });
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code: answer.code, message: answer.message } });
  const headers: OutgoingHttpHeaders = { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...extra };
  if (close) headers.connection = "close";
  res.writeHead(answer.status, headers);
  res.end(body);
}

/**
 * The same answer written on a bare connection, which then ends: for a request Node hands over
 * without a response object (`CONNECT`, the server's `connect` event). Counted like `sendOwn`.
 */
export function sendOwnOnSocket(socket: Duplex, reason: OwnReason, metrics: GatewayMetrics): void {
  const answer = OWN_ANSWERS[reason];
  metrics.ownResponses.inc({ code: String(answer.status), reason });
  // Node detached the socket from the server: without a listener an error would end the process.
  socket.on("error", () => socket.destroy());
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code: answer.code, message: answer.message } });
  socket.end(
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
