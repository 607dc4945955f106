export { creator, RULE_ID } from "./rule.js";
export { gitleaksRule, githubCustomPattern } from "./scanners.js";
