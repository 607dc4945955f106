// Browser use through the gateway: the requests curl, Node fetch, Python requests, Go net/http
// and okhttp send are never flagged; a fetch() from a page in real Chromium (CORS through the
// gateway) is, and the console shows it in the Findings column and the evidence panel.
import { execFile, execFileSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig, startExporter, type RunningExporter } from "../../src/index.js";
import { captureLogger, sample } from "../helpers.js";
import { requireTool, skipUnlessCi } from "../support/tools.js";

const run = promisify(execFile);
const CHROMIUM = "/usr/bin/chromium";
const haveChromium = requireTool(CHROMIUM, { install: "apt-get install chromium", needer: "the browser matrix" });
const haveCurl = requireTool("/usr/bin/curl", { install: "apt-get install curl", needer: "the browser matrix" });
/** A Python with requests: the PATH's, else Debian's (python3-requests). */
const python = ["python3", "/usr/bin/python3"].find((p) => {
  try {
    execFileSync(p, ["-c", "import requests"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
});
if (python === undefined) skipUnlessCi("the browser matrix's Python client needs Python with requests (apt-get install python3-requests)");

const CLIENTS = ["curl", "node", "python", "go", "okhttp", "browser"] as const;
const keyOf = (c: string) => `mn-bm${c}-FAKEbrowserMatrix0000`;

/** A Minimo stand-in that answers CORS, so a page's fetch can reach it through the gateway. */
function corsUpstream(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const cors = { "access-control-allow-origin": "*", "access-control-allow-headers": "authorization, content-type", "access-control-allow-methods": "GET, POST" };
    if (req.method === "OPTIONS") return void res.writeHead(204, cors).end();
    res.writeHead(200, { ...cors, "content-type": "application/json" }).end(JSON.stringify({ data: [] }));
  });
  return new Promise((r) => server.listen(0, "127.0.0.1", () => r(server)));
}

let upstream: http.Server;
let page: http.Server;
let exporter: RunningExporter;
let browser: Browser | undefined;

beforeAll(async () => {
  upstream = await corsUpstream();
  const env = Object.fromEntries(CLIENTS.map((c) => [`K_${c}`, keyOf(c)]));
  const config = parseConfig(
    {
      upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
      listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" },
      keys: CLIENTS.map((c) => ({ name: c, key_env: `K_${c}`, created: "2026-11-01", expires: "2027-04-01" })),
    },
    env,
  );
  exporter = await startExporter({ config, logger: captureLogger("warn").logger });
  page = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>shop</title>"));
  await new Promise<void>((r) => page.listen(0, "127.0.0.1", () => r()));
  if (haveChromium) browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await exporter?.close();
  upstream?.close();
  page?.close();
});

const URL_PATH = "/public/v1/custom-fields";
const findingsOf = async (alias: string) =>
  ((await (await fetch(`${exporter.consoleUrl}api/keys/${alias}/findings`)).json()) as { findings: { finding: string; evidence: Record<string, unknown> }[] }).findings.map(
    (f) => f.finding,
  );

describe("browser matrix", () => {
  it("server HTTP clients are never flagged", async () => {
    const target = `${exporter.gatewayUrl}${URL_PATH}`;
    if (haveCurl) await run("curl", ["-sS", "-o", "/dev/null", "-H", `Authorization: Bearer ${keyOf("curl")}`, target]);
    await (await fetch(target, { headers: { authorization: `Bearer ${keyOf("node")}` } })).arrayBuffer();
    if (python)
      await run(python, ["-c", `import requests,sys; requests.get(sys.argv[1], headers={"Authorization": "Bearer " + sys.argv[2]}).raise_for_status()`, target, keyOf("python")]);
    // No Go or JVM toolchain here: their requests are replayed byte-for-byte as net/http 1.22 and
    // okhttp 4.12 write them (header names, order and values).
    const replay = (headers: Record<string, string>) =>
      new Promise<void>((resolve, reject) => {
        const req = http.request(target, { headers, setHost: true }, (res) => res.resume().on("end", resolve));
        req.on("error", reject).end();
      });
    await replay({ "User-Agent": "Go-http-client/1.1", Authorization: `Bearer ${keyOf("go")}`, "Accept-Encoding": "gzip" });
    await replay({ Authorization: `Bearer ${keyOf("okhttp")}`, Connection: "Keep-Alive", "Accept-Encoding": "gzip", "User-Agent": "okhttp/4.12.0" });
    const text = await (await fetch(exporter.metricsUrl)).text();
    for (const c of ["curl", "node", "python", "go", "okhttp"]) {
      if ((c === "curl" && !haveCurl) || (c === "python" && !python)) continue;
      expect(sample(text, "minimo_key_last_used_timestamp_seconds", { key: c }), c).toBeGreaterThan(0);
      expect(sample(text, "minimo_gateway_browser_requests_total", { key: c }), c).toBe(0);
      expect(await findingsOf(c), c).not.toContain("browser_use");
    }
  });

  it.skipIf(!haveChromium)("a fetch() from a page in Chromium is flagged, and the console shows it", async () => {
    const tab = await browser!.newPage();
    await tab.goto(`http://127.0.0.1:${(page.address() as AddressInfo).port}/`);
    const status = await tab.evaluate(
      async ([url, key]) => (await fetch(url!, { headers: { authorization: `Bearer ${key}` } })).status,
      [`${exporter.gatewayUrl}${URL_PATH}`, keyOf("browser")],
    );
    expect(status).toBe(200);
    const text = await (await fetch(exporter.metricsUrl)).text();
    expect(sample(text, "minimo_gateway_browser_requests_total", { key: "browser" })).toBe(1);
    expect(sample(text, "minimo_key_finding", { key: "browser", finding: "browser_use", severity: "critical" })).toBe(1);
    expect(await findingsOf("browser")).toEqual(["browser_use"]);

    await tab.goto(exporter.consoleUrl);
    const cell = tab.locator('tr[data-alias="browser"] td[data-col="findings"]');
    await cell.getByText("browser_use").waitFor();
    await tab.locator('details.posture[data-alias="browser"] summary').click();
    const panel = (await tab.locator('details.posture[data-alias="browser"]').textContent()) ?? "";
    expect(panel).toContain("Use keys server-side");
    expect(panel).toMatch(/origin\s*http:\/\/127\.0\.0\.1:\d+/);
    expect((await tab.locator('tr[data-alias="curl"] td[data-col="findings"]').textContent())?.trim()).toBe("none");
    await tab.close();
  });
});
