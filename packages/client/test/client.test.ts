import { afterEach, describe, expect, it } from "vitest";
import { createMinimoClient, type AttemptObserver } from "../src/index.js";
import { KEY, json, localServer } from "./helpers.js";

type Server = Awaited<ReturnType<typeof localServer>>;
let server: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function recorder() {
  const events: string[] = [];
  const observer: AttemptObserver = {
    onResponse: (i) => events.push(`response ${i.method} ${i.operation} #${i.attempt} ${i.response.status}`),
    onError: (i) => events.push(`error ${i.method} ${i.operation} #${i.attempt} ${i.reason}`),
    onRetry: (i) => events.push(`retry ${i.operation} #${i.attempt} after ${i.status ?? i.reason}`),
  };
  return { events, observer };
}

const noWait = { sleep: async () => {}, random: () => 0 };

describe("createMinimoClient", () => {
  it("sends the documented upsert with a Bearer key and returns openapi-fetch's shape", async () => {
    server = await localServer((_req, res) => json(res, 200, [{ contactId: "42" }]));
    const minimo = createMinimoClient({ apiKey: KEY, baseUrl: server.url });
    const { data, error, response } = await minimo.POST("/public/v1/contacts", {
      body: { email: "john@example.com", firstName: "John", lastName: "Doe" },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data).toEqual([{ contactId: "42" }]);
    const [seen] = server.requests;
    expect(seen!.method).toBe("POST");
    expect(seen!.url).toBe("/public/v1/contacts");
    expect(seen!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(seen!.headers["content-type"]).toContain("application/json");
    expect(JSON.parse(seen!.body)).toEqual({ email: "john@example.com", firstName: "John", lastName: "Doe" });
  });

  it("keeps an empty-body 401 visible through response.status (error is undefined)", async () => {
    server = await localServer((_req, res) => {
      res.writeHead(401, { "content-length": "0" });
      res.end();
    });
    const { observer, events } = recorder();
    const minimo = createMinimoClient({ apiKey: KEY, baseUrl: server.url, observe: observer });
    const { error, response } = await minimo.GET("/public/v1/custom-fields");
    expect(response.status).toBe(401);
    expect(error).toBeUndefined();
    expect(events).toEqual(["response GET /public/v1/custom-fields #1 401"]);
  });

  it("labels attempts with the route template, never the raw URL", async () => {
    server = await localServer((_req, res) => json(res, 404, { error: { code: "not_found", message: "Contact not found" } }));
    const { observer, events } = recorder();
    const minimo = createMinimoClient({ apiKey: KEY, baseUrl: server.url, observe: observer });
    await minimo.PUT("/public/v1/contacts/{id}", { params: { path: { id: 42 } }, body: { firstName: "Jo" } });
    expect(server.requests[0]!.url).toBe("/public/v1/contacts/42");
    expect(events).toEqual(["response PUT /public/v1/contacts/{id} #1 404"]);
  });

  it("routes legacy operations to the app server when given one base URL per server", async () => {
    server = await localServer((_req, res) => json(res, 200, { data: [] }));
    const app = await localServer((_req, res) => json(res, 200, { data: [] }));
    try {
      const minimo = createMinimoClient({ apiKey: KEY, baseUrl: { api: server.url, app: app.url } });
      await minimo.GET("/api/templates/email");
      await minimo.GET("/public/v1/custom-fields");
      expect(app.requests.map((r) => r.url)).toEqual(["/api/templates/email"]);
      expect(server.requests.map((r) => r.url)).toEqual(["/public/v1/custom-fields"]);
      expect(app.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    } finally {
      await app.close();
    }
  });

  it("retries a GET on 429, honouring Retry-After, and reports every attempt once", async () => {
    let calls = 0;
    server = await localServer((_req, res) => {
      calls++;
      if (calls < 3) json(res, 429, { error: { code: "rate_limit_exceeded", message: "Rate limit exceeded.", retry_after: 2 } }, { "Retry-After": "2" });
      else json(res, 200, { data: [] });
    });
    const waits: number[] = [];
    const { observer, events } = recorder();
    const minimo = createMinimoClient({
      apiKey: KEY,
      baseUrl: server.url,
      observe: observer,
      retry: { ...noWait, sleep: async (ms) => void waits.push(ms) },
    });
    const { response } = await minimo.GET("/public/v1/custom-fields");
    expect(response.status).toBe(200);
    expect(calls).toBe(3);
    expect(waits).toEqual([2000, 2000]);
    expect(events).toEqual([
      "response GET /public/v1/custom-fields #1 429",
      "retry /public/v1/custom-fields #1 after 429",
      "response GET /public/v1/custom-fields #2 429",
      "retry /public/v1/custom-fields #2 after 429",
      "response GET /public/v1/custom-fields #3 200",
    ]);
  });

  it("reads retry_after from the body when a 429 has no Retry-After header", async () => {
    let calls = 0;
    server = await localServer((_req, res) => {
      calls++;
      if (calls === 1) json(res, 429, { error: { code: "rate_limit_exceeded", message: "x", retry_after: 3 } });
      else json(res, 200, { data: [] });
    });
    const waits: number[] = [];
    const minimo = createMinimoClient({ apiKey: KEY, baseUrl: server.url, retry: { ...noWait, sleep: async (ms) => void waits.push(ms) } });
    expect((await minimo.GET("/public/v1/custom-fields")).response.status).toBe(200);
    expect(waits).toEqual([3000]);
  });

  it("never retries a send (POST) by default", async () => {
    server = await localServer((_req, res) => json(res, 503, { error: { code: "service_unavailable", message: "down" } }, { "Retry-After": "1" }));
    const minimo = createMinimoClient({ apiKey: KEY, baseUrl: server.url, retry: noWait });
    const { response } = await minimo.POST("/public/v1/emails", { body: { to: "a@example.com", subject: "s", html: "<p>h</p>" } });
    expect(response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it("resends the same body when a PUT is retried", async () => {
    let calls = 0;
    server = await localServer((_req, res) => (++calls === 1 ? json(res, 503, { error: { code: "x", message: "y" } }) : json(res, 200, { id: 1 })));
    const minimo = createMinimoClient({ apiKey: KEY, baseUrl: server.url, retry: noWait });
    await minimo.PUT("/public/v1/contacts/{id}", { params: { path: { id: 1 } }, body: { firstName: "Ann" } });
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([{ firstName: "Ann" }, { firstName: "Ann" }]);
  });

  it("stops retrying when Retry-After exceeds the longest allowed wait", async () => {
    server = await localServer((_req, res) => json(res, 429, { error: { code: "rate_limit_exceeded", message: "x", retry_after: 600 } }, { "Retry-After": "600" }));
    const minimo = createMinimoClient({ apiKey: KEY, baseUrl: server.url, retry: noWait });
    expect((await minimo.GET("/public/v1/custom-fields")).response.status).toBe(429);
    expect(server.requests).toHaveLength(1);
  });

  it("bounds attempts", async () => {
    server = await localServer((_req, res) => json(res, 503, { error: { code: "x", message: "y" } }));
    const minimo = createMinimoClient({ apiKey: KEY, baseUrl: server.url, retry: { ...noWait, attempts: 4 } });
    expect((await minimo.GET("/public/v1/custom-fields")).response.status).toBe(503);
    expect(server.requests).toHaveLength(4);
  });

  it("times out each attempt with a fresh signal, reports 'timeout', and throws", async () => {
    server = await localServer(() => undefined); // never answers
    const { observer, events } = recorder();
    const minimo = createMinimoClient({ apiKey: KEY, baseUrl: server.url, timeoutMs: 100, observe: observer, retry: { ...noWait, attempts: 2 } });
    await expect(minimo.GET("/public/v1/custom-fields")).rejects.toMatchObject({ name: "TimeoutError" });
    expect(events).toEqual(["error GET /public/v1/custom-fields #1 timeout", "retry /public/v1/custom-fields #1 after timeout", "error GET /public/v1/custom-fields #2 timeout"]);
  });

  it("reports a caller abort as 'aborted' and does not retry it", async () => {
    server = await localServer(() => undefined);
    const { observer, events } = recorder();
    const minimo = createMinimoClient({ apiKey: KEY, baseUrl: server.url, observe: observer, retry: noWait });
    const controller = new AbortController();
    const reason = new Error("the caller gave up");
    setTimeout(() => controller.abort(reason), 50);
    await expect(minimo.GET("/public/v1/custom-fields", { signal: controller.signal })).rejects.toBe(reason);
    expect(events).toEqual(["error GET /public/v1/custom-fields #1 aborted"]);
  });

  it("reports a refused connection as 'network'", async () => {
    const { observer, events } = recorder();
    const minimo = createMinimoClient({ apiKey: KEY, baseUrl: "http://127.0.0.1:9", observe: observer, retry: false });
    await expect(minimo.GET("/public/v1/custom-fields")).rejects.toBeInstanceOf(TypeError);
    expect(events).toEqual(["error GET /public/v1/custom-fields #1 network"]);
  });

  it("calls an injected fetch once per attempt", async () => {
    const seen: string[] = [];
    const minimo = createMinimoClient({
      apiKey: KEY,
      baseUrl: "https://api.example.test",
      fetch: async (req) => {
        seen.push(`${req.method} ${req.url} ${req.headers.get("authorization")}`);
        return new Response(JSON.stringify({ data: [] }), { status: 200, headers: { "content-type": "application/json" } });
      },
    });
    const { data } = await minimo.GET("/public/v1/templates/whatsapp");
    expect(data).toEqual({ data: [] });
    expect(seen).toEqual([`GET https://api.example.test/public/v1/templates/whatsapp Bearer ${KEY}`]);
  });

  it("survives an observer that throws", async () => {
    server = await localServer((_req, res) => json(res, 200, { data: [] }));
    const bad: AttemptObserver = {
      onResponse: () => {
        throw new Error("observer bug");
      },
      onError: () => {},
    };
    const minimo = createMinimoClient({ apiKey: KEY, baseUrl: server.url, observe: bad });
    expect((await minimo.GET("/public/v1/custom-fields")).response.status).toBe(200);
  });

  it.each([
    [{ apiKey: "nope" }, "apiKey must start with 'mn-'"],
    [{ apiKey: KEY, baseUrl: "not a url" }, "baseUrl is not a valid URL"],
    [{ apiKey: KEY, baseUrl: "ftp://x" }, "baseUrl must use http or https"],
    [{ apiKey: KEY, timeoutMs: 0 }, "timeoutMs must be a positive number"],
    [{ apiKey: KEY, retry: { attempts: -1 } }, "retry.attempts must be a non-negative number"],
  ])("rejects misuse %# with a message that says how to fix it", (options, message) => {
    expect(() => createMinimoClient(options as never)).toThrow(message);
  });

  it("never puts the key in a misuse error", () => {
    const secret = "mn-acme01-CanarySecret9f8e7d6c5b4a ";
    expect(() => createMinimoClient({ apiKey: secret })).toThrow(/whitespace/);
    try {
      createMinimoClient({ apiKey: secret });
    } catch (e) {
      expect(String(e)).not.toContain("CanarySecret");
    }
  });
});
