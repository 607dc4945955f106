// docs/secret-scanning.md shows the gitleaks rule and the GitHub custom pattern produced from the
// one pattern; a change of the pattern without the docs fails here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { gitleaksRule, githubCustomPattern } from "../src/index.js";

const doc = readFileSync(new URL("../../../docs/secret-scanning.md", import.meta.url), "utf8");

describe("docs/secret-scanning.md", () => {
  it("holds the generated gitleaks rule and GitHub custom pattern", () => {
    expect(doc).toContain(`\`\`\`toml\n${gitleaksRule()}\n\`\`\``);
    expect(doc).toContain(`\`\`\`text\n${githubCustomPattern().secretFormat}\n\`\`\``);
  });
});
