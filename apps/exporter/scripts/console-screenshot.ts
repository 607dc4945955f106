// Takes the README's screenshot of the key console: the `npm start` stack in process (ports 0),
// a minute of demo traffic, then Debian's Chromium through playwright-core.
// Run: npx tsx scripts/console-screenshot.ts [out.png] [seconds of traffic, default 60]
import { chromium } from "playwright-core";
import { startDemo } from "../src/demo/start-demo.js";
import { createLogger } from "../src/index.js";

const out = process.argv[2] ?? "docs/console.png";
const seconds = Number(process.argv[3] ?? 60);
const demo = await startDemo({ ports: 0, env: {}, logger: createLogger({ level: "silent" }) });
try {
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(demo.consoleUrl);
    await page.locator('#callers table[data-alias="demo-revoked"]').waitFor();
    // The first answer started the due probes; the next refresh (5 s) shows their results.
    await page.waitForTimeout(6000);
    await page.screenshot({ path: out, fullPage: true });
    console.log(`wrote ${out}`);
  } finally {
    await browser.close();
  }
} finally {
  await demo.close();
}
