#!/usr/bin/env node
// Runs the built sandbox (`npm run build -w @minimo/sim`, or `npx turbo run build --filter=@minimo/sim`).
import { run } from "../dist/cli.js";

await run(process.argv.slice(2));
