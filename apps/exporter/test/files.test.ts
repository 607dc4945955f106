// Every file the exporter reads at start or reload (the config, key files, certificates, the web
// config) is read off the event loop, must be a regular file (or a symlink to one), and has a
// timeout: a FIFO with no writer once froze the whole process (a synchronous read) or wedged
// every later reload and the exit itself (an asynchronous one, parked in libuv's threadpool).
import { execFileSync } from "node:child_process";
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, symlinkSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfigFile } from "../src/config/load.js";
import { ConfigError } from "../src/config/errors.js";
import { FileReadError, readRegularFile, readRegularFiles, readRegularFileSync } from "../src/config/read-files.js";
import { loadWebConfig } from "../src/http/web-config/load.js";
import { DEMO } from "./helpers.js";
import { requireOpenssl, selfSigned } from "./tls/certs.js";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "exporter-files-"));
}

function fifo(path: string): string {
  execFileSync("mkfifo", [path]);
  return path;
}

/** The lines of the ConfigError `run` throws. */
async function configErrorLines(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (err) {
    if (err instanceof ConfigError) return err.lines();
    throw err;
  }
  throw new Error("no ConfigError");
}

describe("readRegularFile", () => {
  const dir = tempDir();
  writeFileSync(join(dir, "key"), "content\n");
  // A Kubernetes Secret volume: key -> ..data/key -> ..2026_12_04/key, all symlinks to one file.
  mkdirSync(join(dir, "..2026_12_04"));
  writeFileSync(join(dir, "..2026_12_04", "production"), "mounted\n");
  symlinkSync("..2026_12_04", join(dir, "..data"));
  symlinkSync("..data/production", join(dir, "production"));
  fifo(join(dir, "key.fifo"));
  symlinkSync("key.fifo", join(dir, "link-to-fifo"));
  const socket = join(dir, "key.sock");

  it("reads a regular file, and one behind a chain of symlinks", async () => {
    expect((await readRegularFile(join(dir, "key"))).toString()).toBe("content\n");
    expect((await readRegularFile(join(dir, "production"))).toString()).toBe("mounted\n");
    expect(readRegularFileSync(join(dir, "production")).toString()).toBe("mounted\n");
  });

  it.each([
    ["a FIFO with no writer", "key.fifo", "it is a FIFO, not a regular file"],
    ["a symlink to a FIFO", "link-to-fifo", "it is a FIFO, not a regular file"],
    ["a directory", "..data", "it is a directory, not a regular file"],
    ["a socket", "key.sock", "it is a socket, not a regular file"],
    ["a missing file", "nope", "ENOENT"],
  ])("refuses %s, naming the file and the reason, without waiting", async (_what, name, reason) => {
    const server = net.createServer().listen(socket);
    try {
      const file = join(dir, name);
      const err = await readRegularFile(file).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FileReadError);
      expect((err as Error).message).toBe(`cannot read ${file} (${reason})`);
      expect((readRegularFileSync(file) as Error).message).toBe(`cannot read ${file} (${reason})`);
    } finally {
      server.close();
    }
  });

  it("refuses a character device without opening it", async () => {
    expect(await readRegularFile("/dev/zero").catch((e: Error) => e.message)).toBe("cannot read /dev/zero (it is a character device, not a regular file)");
  });

  it("gives up after the timeout when the read cannot even start (libuv's threadpool is held)", async () => {
    // Park every threadpool thread in a blocking open() of a FIFO, as the old reads of a FIFO did:
    // the next file operation of the process waits behind them.
    const size = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
    const fifos = Array.from({ length: size }, (_, i) => fifo(join(dir, `hold-${i}.fifo`)));
    const holders = fifos.map((f) => open(f, "r").then((h) => h.close()));
    try {
      await new Promise((r) => setTimeout(r, 100));
      const err = await readRegularFile(join(dir, "key"), { timeoutMs: 200 }).catch((e: unknown) => e);
      expect((err as Error).message).toBe(`cannot read ${join(dir, "key")} (timed out after 0.2 s)`);
      // More files than run at once (8): those started time out; the rest are not even tried.
      const names = Array.from({ length: 12 }, (_, i) => join(dir, `many-${i}`));
      for (const name of names) writeFileSync(name, "x");
      const many = await readRegularFiles(names, { timeoutMs: 200 });
      const reasons = [...many.values()].map((v) => (v as FileReadError).reason.replace(/many-\d+/, "many-N"));
      expect(reasons.filter((r) => r === "timed out after 0.2 s")).toHaveLength(8);
      expect(reasons.filter((r) => r === `not read: reading ${join(dir, "many-N")} timed out`)).toHaveLength(4);
    } finally {
      // A writer that does not wait (O_NONBLOCK succeeds once a reader is there) lets them go.
      for (const f of fifos) {
        for (;;) {
          try {
            closeSync(openSync(f, constants.O_WRONLY | constants.O_NONBLOCK));
            break;
          } catch {
            await new Promise((r) => setTimeout(r, 10));
          }
        }
      }
      await Promise.all(holders);
    }
    // Once the pool is free again, so is the read.
    expect((await readRegularFile(join(dir, "key"))).toString()).toBe("content\n");
  });
});

describe("the config, key and certificate files are regular files only", () => {
  it("a key_file that is a FIFO is a problem naming keys[i].key_file", async () => {
    const dir = tempDir();
    fifo(join(dir, "key.fifo"));
    writeFileSync(join(dir, "good"), `${DEMO["demo-full"]}\n`);
    writeFileSync(join(dir, "exporter.yaml"), "keys:\n  - { name: good, key_file: good }\n  - { name: piped, key_file: key.fifo }\n  - { name: folder, key_file: . }\n");
    expect(await configErrorLines(() => loadConfigFile(join(dir, "exporter.yaml"), {}))).toEqual([
      `keys[1].key_file: cannot read ${join(dir, "key.fifo")} (it is a FIFO, not a regular file)`,
      `keys[2].key_file: cannot read ${dir} (it is a directory, not a regular file)`,
    ]);
  });

  it("a config file that is a FIFO is refused, naming the file", async () => {
    const file = fifo(join(tempDir(), "exporter.yaml"));
    expect(await configErrorLines(() => loadConfigFile(file, {}))).toEqual([`${file}: cannot read the config file (it is a FIFO, not a regular file)`]);
  });

  it("key files behind symlinks (a Kubernetes Secret volume) load", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "..2026_12_04"));
    writeFileSync(join(dir, "..2026_12_04", "production"), `${DEMO["demo-full"]}\n`);
    symlinkSync("..2026_12_04", join(dir, "..data"));
    symlinkSync("..data/production", join(dir, "production"));
    writeFileSync(join(dir, "exporter.yaml"), "keys:\n  - { name: production, key_file: production }\n");
    const config = await loadConfigFile(join(dir, "exporter.yaml"), {});
    expect(config.keys[0]!.apiKey.reveal()).toBe(DEMO["demo-full"]);
  });

  it.skipIf(!requireOpenssl("the certificate file tests"))("gateway.tls and --web.config.file files that are FIFOs are problems naming the field", async () => {
    const dir = tempDir();
    selfSigned(dir, "gateway");
    fifo(join(dir, "cert.fifo"));
    writeFileSync(join(dir, "exporter.yaml"), "gateway:\n  tls: { cert_file: cert.fifo, key_file: gateway-key.pem }\nkeys: []\n");
    expect(await configErrorLines(() => loadConfigFile(join(dir, "exporter.yaml"), {}))).toEqual([
      `gateway.tls.cert_file: cannot read ${join(dir, "cert.fifo")} (it is a FIFO, not a regular file)`,
    ]);
    writeFileSync(join(dir, "web.yml"), "tls_server_config:\n  cert_file: gateway.pem\n  key_file: cert.fifo\n");
    expect(await configErrorLines(() => loadWebConfig(join(dir, "web.yml")))).toEqual([
      `--web.config.file tls_server_config.key_file: cannot read ${join(dir, "cert.fifo")} (it is a FIFO, not a regular file)`,
    ]);
    const web = fifo(join(dir, "web.fifo"));
    expect(await configErrorLines(() => loadWebConfig(web))).toEqual([`--web.config.file: cannot read ${web} (it is a FIFO, not a regular file)`]);
  });
});
