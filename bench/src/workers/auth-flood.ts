// Wrong basic-auth passwords against a metrics URL, for scenario 8: `rate` requests a second at
// most, up to 16 in flight, each with a new password, until told to stop. Answers
// {cmd:"stop"} with the statuses it got and the rate it reached.
//   auth-flood.mjs <metricsUrl> <rate>
import http from "node:http";
import { serve } from "./protocol.js";

const [url, rateText] = process.argv.slice(2) as [string, string];
const rate = Number(rateText);
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const statuses = new Map<number, number>();
let inFlight = 0;
let sent = 0;
let running = false;
let startedAt = 0;
let timer: NodeJS.Timeout | undefined;

function one(): void {
  const password = `wrong-${sent++}-${Math.random().toString(36).slice(2)}`;
  inFlight++;
  const req = http.get(
    { host: target.hostname, port: target.port, path: target.pathname, agent, headers: { authorization: `Basic ${Buffer.from(`prometheus:${password}`).toString("base64")}` } },
    (res) => {
      res.resume();
      res.on("end", () => {
        inFlight--;
        statuses.set(res.statusCode!, (statuses.get(res.statusCode!) ?? 0) + 1);
      });
    },
  );
  req.on("error", () => {
    inFlight--;
    statuses.set(0, (statuses.get(0) ?? 0) + 1);
  });
}

serve(
  { ready: true },
  (command) => {
    if (command.cmd === "start") {
      running = true;
      startedAt = performance.now();
      sent = 0;
      statuses.clear();
      // Paced in 10 ms ticks: the requests due by now, as long as fewer than 16 are open.
      timer = setInterval(() => {
        const due = Math.floor(((performance.now() - startedAt) / 1000) * rate);
        while (running && sent < due && inFlight < 16) one();
      }, 10);
      return { started: true };
    }
    if (command.cmd === "stop") {
      running = false;
      clearInterval(timer);
      const seconds = (performance.now() - startedAt) / 1000;
      return { sent, perSecond: sent / seconds, statuses: Object.fromEntries(statuses) };
    }
    throw new Error(`unknown command ${String(command.cmd)}`);
  },
  () => {
    clearInterval(timer);
    agent.destroy();
  },
);
