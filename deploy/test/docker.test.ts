// The Dockerfile cannot be built here (no Docker engine on this machine or in CI): it is parsed
// with dockerfile-ast and checked for the properties the README promises, and its HEALTHCHECK
// script is run against a real exporter.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { DockerfileParser } from "dockerfile-ast";
import { parseConfig, startExporter, createLogger } from "@minimo/exporter";
import { describe, expect, it } from "vitest";
import { DEPLOY, exporterBin, read } from "./support.js";

const dockerfile = DockerfileParser.parse(read("docker/Dockerfile"));
const instructions = dockerfile.getInstructions();
const stages = instructions.filter((i) => i.getKeyword() === "FROM");
const lastStage = instructions.slice(instructions.lastIndexOf(stages.at(-1)!));
const args = (keyword: string) => lastStage.filter((i) => i.getKeyword() === keyword).map((i) => i.getArgumentsContent() ?? "");

describe("deploy/docker/Dockerfile", () => {
  it("parses, has a build and a runtime stage from pinned images", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const from of stages) expect(from.getArgumentsContent()).toMatch(/^node:\d+[\w.-]*( AS \w+)?$/);
    expect(dockerfile.getComments().length).toBeGreaterThan(0);
  });

  it("runs the final stage as a non-root user", () => {
    const users = args("USER");
    expect(users.length).toBe(1);
    expect(users[0]).not.toMatch(/^(root|0)(:|$)/);
  });

  it("exposes the default gateway and metrics ports, and starts the exporter's bin", () => {
    expect(args("EXPOSE").join(" ").split(/\s+/).sort()).toEqual(["8787", "9487"]);
    expect(args("ENTRYPOINT")[0]).toContain(`/app/node_modules/@minimo/exporter/${exporterBin()}`);
    expect(args("RUN").join("\n")).toContain("--omit=dev");
  });

  it("has a HEALTHCHECK whose script answers 0 for a live exporter's /healthz and 1 when nothing listens", async () => {
    const health = args("HEALTHCHECK");
    expect(health.length).toBe(1);
    expect(health[0]).toContain("/app/healthcheck.mjs");
    expect(read("docker/healthcheck.mjs")).toContain("/healthz");

    const config = parseConfig(
      { listen: { metrics: "127.0.0.1:0", gateway: "127.0.0.1:0" }, probe: { operations: [] }, keys: [{ name: "production", key_env: "K" }] },
      { K: "mn-dock01-FAKEdockerKey0000000" },
    );
    const exporter = await startExporter({ config, logger: createLogger({ level: "silent" }) });
    const script = join(DEPLOY, "docker", "healthcheck.mjs");
    const url = exporter.metricsUrl.replace(/\/metrics$/, "/healthz");
    // Asynchronously: the exporter answers from this process's event loop.
    const check = () =>
      new Promise<number>((resolve) =>
        execFile(process.execPath, [script], { env: { ...process.env, MINIMO_HEALTHCHECK_URL: url } }, (err) => resolve(err ? Number((err as { code?: number }).code ?? 1) : 0)),
      );
    try {
      expect(await check()).toBe(0);
    } finally {
      await exporter.close();
    }
    expect(await check()).toBe(1);
  });
});
