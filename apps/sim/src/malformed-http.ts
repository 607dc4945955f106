// The answer to a request Node's HTTP parser rejects before express sees it (a bad header line,
// a broken request line, headers over the size limit). Node would send a bare
// "400 Bad Request" with no headers; the docs tell users to check the X-RateLimit-* headers on
// responses, so this one carries them too (the sender's anonymous window, not spent) and the
// error envelope.
import type { Duplex } from "node:stream";
import type { Socket } from "node:net";
import type { SimContext } from "./context.js";
import { writeRateLimitHeaders } from "./faults.js";
import { anonymousId } from "./pipeline.js";
import { ANONYMOUS_POLICY } from "./rate-limit.js";

/** Raw HTTP/1.1 text of the answer to a request the parser rejected with `code`. */
export function malformedHttpAnswer(ctx: SimContext, remoteAddress: string | undefined, code: string | undefined): string {
  const tooLarge = code === "HPE_HEADER_OVERFLOW";
  const body = JSON.stringify({
    error: { code: "bad_request", message: tooLarge ? "Request headers too large" : "Malformed HTTP request" },
  });
  const headers = new Map<string, string>();
  const sink = {
    setHeader: (name: string, value: string) => headers.set(name, value),
    removeHeader: (name: string) => void headers.delete(name),
  } as unknown as Parameters<typeof writeRateLimitHeaders>[0];
  writeRateLimitHeaders(sink, ctx.limiter.peek(anonymousId(remoteAddress), ANONYMOUS_POLICY, ctx.now()), ctx.faults.rateLimitHeaders);
  const lines = [
    tooLarge ? "HTTP/1.1 431 Request Header Fields Too Large" : "HTTP/1.1 400 Bad Request",
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
