#!/usr/bin/env node
// SIGHUP's default action ends the process, and loading the CLI's modules takes a while: catch it
// before that starts, and hand what arrived to the CLI, which reloads once the exporter runs.
// Kept to this: every static import here would load before the handler is in place.
let hup = false;
const onEarlyHup = () => {
  hup = true;
};
process.on("SIGHUP", onEarlyHup);
const { run } = await import("../dist/cli.js");
await run({
  get hup() {
    return hup;
  },
  release: () => process.off("SIGHUP", onEarlyHup),
});
