// The same pattern for the scanners outside Node: a gitleaks rule and a GitHub secret-scanning
// custom pattern. Both run Go's RE2, which the pattern is written for.
import { MINIMO_KEY_REGEX_SOURCE } from "@minimo/client";

/** A `[[rules]]` entry for `.gitleaks.toml` (TOML literal string: no escaping needed). */
export function gitleaksRule(): string {
  return [
    "[[rules]]",
    'id = "minimo-api-key"',
    'description = "Minimo API key (mn-{CLIENT_ID}-{SECRET_KEY})"',
    `regex = '''${MINIMO_KEY_REGEX_SOURCE}'''`,
    'keywords = ["mn-"]',
    'tags = ["key", "minimo"]',
  ].join("\n");
}

/** The fields of a GitHub custom pattern (repository or organization settings → Secret scanning). */
export function githubCustomPattern(): { name: string; secretFormat: string; testString: string } {
  return { name: "Minimo API key", secretFormat: MINIMO_KEY_REGEX_SOURCE, testString: "MINIMO_API_KEY=mn-abc123-xyz789def456ghi789" };
}
