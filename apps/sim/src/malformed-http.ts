// The answer to a request Node's HTTP parser rejects before express sees it (a bad header line,
// a broken request line, headers over the size limit). Node would send a bare status line (400,
// 431, 413 or 408) with no headers; the docs tell users to check the X-RateLimit-* headers on
// responses, so this one carries them too (the sender's anonymous window, not spent) and the
// error envelope.
import type { Duplex } from "node:stream";
import type { Socket } from "node:net";
import type { SimContext } from "./context.js";
import { writeRateLimitHeaders } from "./faults.js";
import { anonymousId } from "./pipeline.js";
import { ANONYMOUS_POLICY } from "./rate-limit.js";

// Node's own statuses for what its parser refuses (the default clientError handler's), 400 else.
const ANSWERS: Record<string, { status: string; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: "431 Request Header Fields Too Large", message: "Request headers too large" },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: "413 Payload Too Large", message: "Chunk extensions too large" },
  ERR_HTTP_REQUEST_TIMEOUT: { status: "408 Request Timeout", message: "Request not received in time" },
};
const MALFORMED = { status: "400 Bad Request", message: "Malformed HTTP request" };

/** Raw HTTP/1.1 text of the answer to a request the parser rejected with `code`. */
export function malformedHttpAnswer(ctx: SimContext, remoteAddress: string | undefined, code: string | undefined): string {
  const answer = (code !== undefined ? ANSWERS[code] : undefined) ?? MALFORMED;
  const body = JSON.stringify({ error: { code: "bad_request", message: answer.message } });
  const headers = new Map<string, string>();
  const sink = {
    setHeader: (name: string, value: string) => headers.set(name, value),
    removeHeader: (name: string) => void headers.delete(name),
  } as unknown as Parameters<typeof writeRateLimitHeaders>[0];
  writeRateLimitHeaders(sink, ctx.limiter.peek(anonymousId(remoteAddress), ANONYMOUS_POLICY, ctx.now()), ctx.faults.rateLimitHeaders);
  const lines = [
    `HTTP/1.1 ${answer.status}`,
    "Content-Type: application/json; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...[...headers].map(([name, value]) => `${name}: ${value}`),
    "Connection: close",
  ];
  return `${lines.join("\r\n")}\r\n\r\n${body}`;
}

/** A `clientError` listener for the sandbox's server. */
export function onClientError(ctx: SimContext): (err: NodeJS.ErrnoException, socket: Duplex) => void {
  return (err, socket) => {
    // A reset or half-closed connection cannot be answered; a response already under way must not be interleaved.
    if (err.code === "ECONNRESET" || !socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    socket.end(malformedHttpAnswer(ctx, (socket as Socket).remoteAddress, err.code));
  };
}
